"""Finding quoted segments and sentences."""

from __future__ import annotations

import pytest

from newsbrowse.index.quotes.marks import find_segments, split_sentences


def segs(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[str]:
    paragraphs = paragraphs or [(0, len(text))]
    return [text[s.start : s.end] for s in find_segments(text, paragraphs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “hello there,” and left.", ["hello there,"]),
        ('He said "hello there," and left.', ["hello there,"]),
        ("Er sagte „Es ist vorbei.“ Dann ging er.", ["Es ist vorbei."]),
        ("Elle a dit « c'est fini » hier.", ["c'est fini"]),
        ("«Это конец», — сказал он.", ["Это конец"]),
        ("‘We will stay,’ she said.", ["We will stay,"]),
        ("'We will stay,' she said.", ["We will stay,"]),
        ("‹Nein›, sagte er.", ["Nein"]),
        ("''We are not done yet,'' Ms. Varga said.", ["We are not done yet,"]),
        ("The mayor called the plan ''a fantasy'' and left.", ["a fantasy"]),
        (
            "He said ''the students' union is 'broke' now,'' twice.",
            ["the students' union is 'broke' now,"],
        ),
    ],
)
def test_marks(text: str, expected: list[str]) -> None:
    assert segs(text) == expected


def test_apostrophes_are_not_marks() -> None:
    text = "Zelenskyy’s aides don’t recall the ’90s, and the leaders’ meeting ended. O'Neil left."
    assert segs(text) == []


def test_possessive_inside_single_quotes() -> None:
    assert segs("‘The farmers’ patience is gone,’ he said.") == ["The farmers’ patience is gone,"]


def test_nested_quotes_stay_inside() -> None:
    assert segs("“He told me ‘never again’ twice,” she said.") == [
        "He told me ‘never again’ twice,"
    ]


def test_unbalanced_mark_does_not_shift_later_pairs() -> None:
    text = "He said “this never closes.\n\nNo quote here.\n\n“But this does,” she said."
    paragraphs = [(0, 27), (29, 43), (45, len(text))]
    assert segs(text, paragraphs) == ["But this does,"]


def test_stray_closing_mark_is_ignored() -> None:
    assert segs("A stray ” here. “Fine words,” he said.") == ["Fine words,"]


def test_multi_paragraph_quote() -> None:
    text = "“First part.\n\n“Second part.”"
    found = find_segments(text, [(0, 12), (14, len(text))])
    assert [text[s.start : s.end] for s in found] == ["First part.", "Second part."]
    assert found[0].continues and not found[0].continued
    assert found[1].continued and not found[1].continues


def test_empty_and_markless_pairs_are_skipped() -> None:
    assert segs("Nothing “” here and “ … ” there.") == []


def test_sentences_do_not_break_inside_quotes_or_abbreviations() -> None:
    text = "“One. Two,” he said. The U.S. envoy met Mr. Smith in Jan. 2020. Then he left."
    found = find_segments(text, [(0, len(text))])
    sentences = [text[a:b] for a, b in split_sentences(text, 0, len(text), found)]
    assert sentences == [
        "“One. Two,” he said.",
        "The U.S. envoy met Mr. Smith in Jan. 2020.",
        "Then he left.",
    ]


def test_sentences_split_after_doubled_apostrophes() -> None:
    text = "''It is over,'' she said. ''We lost.'' Then she left."
    found = find_segments(text, [(0, len(text))])
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text), found)] == [
        "''It is over,'' she said.",
        "''We lost.''",
        "Then she left.",
    ]


def test_multi_paragraph_quote_in_doubled_apostrophes() -> None:
    text = "''First part.\n\n''Second part,'' he said."
    found = find_segments(text, [(0, 13), (15, len(text))])
    assert [text[s.start : s.end] for s in found] == ["First part.", "Second part,"]
    assert found[0].continues and found[1].continued


def test_sentence_after_closing_quote() -> None:
    text = "“It is over.” She left the room."
    found = find_segments(text, [(0, len(text))])
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text), found)] == [
        "“It is over.”",
        "She left the room.",
    ]
