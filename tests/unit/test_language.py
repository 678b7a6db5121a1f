"""The extractor reads English articles only: on other languages its rules take capitalised
nouns and pronouns for people."""

from __future__ import annotations

from newsbrowse.index.quotes import extract_quotes
from newsbrowse.index.quotes.language import reads_as_english

GERMAN = (
    "Die Brücke über den Hafen wird ab Juni für sechs Monate gesperrt. Das Thema beschäftigt "
    "die Stadt seit Jahren, und die Fähren sollen in dieser Zeit alle zwanzig Minuten fahren. "
    "„Wir haben keine andere Wahl“, sagte Umfrage. Sie wies darauf hin, dass der Motor aus dem "
    "Jahr 1974 stammt. „Am Ende zahlt sich die Reparatur aus“, sagte Thema am Montag. Auch die "
    "Händler am Kai hoffen, dass die Arbeiten pünktlich fertig werden, denn im Herbst beginnt "
    "der Markt, zu dem jedes Jahr viele Besucher aus der ganzen Region kommen."
)
ENGLISH = (
    "The old swing bridge will close for six months from June while its motor is replaced, "
    "the harbour board said on Monday. “It is the first full repair since 1974,” said the "
    "board’s engineer, Mina Castell. Ferries will run every twenty minutes while the bridge "
    "is shut, and traders on the quay hope the work will be finished before the autumn "
    "market, which draws visitors from across the region every year."
)


def test_an_article_in_german_has_no_quotes_and_no_speakers() -> None:
    found = extract_quotes(GERMAN, [(0, len(GERMAN))])
    assert found.quotes == () and found.speakers == ()


def test_the_same_story_in_english_has_its_quote() -> None:
    found = extract_quotes(ENGLISH, [(0, len(ENGLISH))])
    assert [q.speaker for q in found.quotes if q.kind == "direct"] == ["Mina Castell"]


def test_a_short_text_says_too_little_and_is_read_as_english() -> None:
    short = "„Wir haben keine Wahl“, sagte Umfrage."
    assert reads_as_english(short)
    assert not reads_as_english(GERMAN)
    assert reads_as_english(ENGLISH)
