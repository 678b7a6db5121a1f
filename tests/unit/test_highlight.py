"""Where a query's phrases light up: only where their words stand next to each other.

A paragraph is tokenized only when its folded text holds the phrase's word cues as adjacent
tokens; what separates two tokens (spaces, punctuation, a line break) and accents must not
hide a phrase, and the words apart must not light it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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


def _spans_word_by_word(text, regions, single, phrases):  # type: ignore[no-untyped-def]
    """The straightforward form ``match_spans`` must equal: every token of every region
    looked at in turn (no pre-check, no region limit)."""
    import re

    found = []
    for start, end in regions:
        chunk = text[start:end]
        tokens = list(re.finditer(r"\w+", chunk))
        words = index_terms(chunk)
        for i, word in enumerate(words):
            if word in single:
                found.append((start + tokens[i].start(), start + tokens[i].end()))
            for phrase in phrases:
                if tuple(words[i : i + len(phrase)]) == phrase:
                    j = i + len(phrase) - 1
                    found.append((start + tokens[i].start(), start + tokens[j].end()))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


_WORDS = ["Talks", "talk", "Geneva", "same", "time", "the", "Commission", "said", "résumé"]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=40),
    st.lists(st.sampled_from([" ", ", ", "\n", ". "]), min_size=40, max_size=40),
    st.sets(st.sampled_from(_WORDS), max_size=3),
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), max_size=3),
)
def test_spans_equal_a_word_by_word_scan(words, gaps, single, phrases) -> None:  # type: ignore[no-untyped-def]
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    cut = len(text) // 2
    while cut < len(text) and text[cut].isalnum():
        cut += 1
    regions = [(0, cut), (cut, len(text))]
    terms = {index_terms(w)[0] for w in single}
    runs = [tuple(index_terms(" ".join(p))) for p in phrases]
    assert match_spans(text, regions, terms, runs) == _spans_word_by_word(
        text, regions, terms, runs
    )
