"""Where a query's phrases light up: only where their words stand next to each other.

A paragraph is tokenized only when its folded text holds the phrase's word cues as adjacent
tokens; what separates two tokens (spaces, punctuation, a line break) and accents must not
hide a phrase, and the words apart must not light it.
"""

from __future__ import annotations

from newsbrowse.index.analysis import index_terms
from newsbrowse.index.search.highlight import match_spans


def _lit(text: str, phrase: str) -> list[str]:
    regions = [(0, len(text))]
    return [text[s:e] for s, e in match_spans(text, regions, set(), [tuple(index_terms(phrase))])]


def test_a_phrase_lights_where_its_words_stand_together_whatever_separates_them() -> None:
    assert _lit("The European Commission said.", "european commission") == ["European Commission"]
    assert _lit("in Europe, commissions met", "european commission") == []
    assert _lit("GENEVE talks; Genève—Talks again", "geneve talks") == [
        "GENEVE talks",
        "Genève—Talks",
    ]
    assert _lit("same\ntime", "same time") == ["same\ntime"]


def test_its_words_apart_do_not_light_it() -> None:
    text = "The commission is European. Time is the same."
    assert _lit(text, "european commission") == []
    assert _lit(text, "same time") == []


def test_each_paragraph_is_searched_on_its_own() -> None:
    text = "first paragraph ends with same\n\ntime starts the second; same time here"
    regions = [(0, 30), (32, len(text))]
    spans = match_spans(text, regions, set(), [("same", "time")])
    assert [text[s:e] for s, e in spans] == ["same time"]
