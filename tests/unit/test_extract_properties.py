"""Property tests: extraction never raises, and every span it returns is honest."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.model import Span
from newsbrowse.index.quotes import extract_quotes

MARKS = [*"“”„‟«»\"‘’‚‹›'", "''"]
WORDS = [
    *MARKS,
    "said",
    "told",
    "says",
    "added",
    "according",
    "to",
    "that",
    "she",
    "he",
    "they",
    "the",
    "spokesman",
    "minister",
    "President",
    "Anna",
    "Berg",
    "Kallas",
    "Mr.",
    "U.S.",
    "Ministry",
    "Kremlin",
    "officials",
    ",",
    ".",
    ":",
    "—",
    "?",
    "!",
    "(",
    ")",
    "\n\n",
    "\n",
    "don’t",
    "leaders’",
    "’90s",
    "so-called",
    "film",
    "with",
    "insisting",
    "adding",
    "citing",
    "who",
    "and",
    "Roe",
    "PENCE:",
    "―",
    "A:",
    "the company",
    "a senior aide",
    "explained",
    "Norwegian",
    "in",
]
token = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6))
texts = st.lists(token, max_size=80).flatmap(
    lambda toks: st.lists(
        st.sampled_from([" ", "", "  ", "\n"]), min_size=len(toks), max_size=len(toks)
    ).map(lambda seps: "".join(t + s for t, s in zip(toks, seps, strict=True)))
)


def blank_line_paragraphs(text: str) -> list[Span]:
    return [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]


def check(text: str, paragraphs: list[Span], exact: bool = False) -> None:
    ex = extract_quotes(text, paragraphs)
    names = {s.name for s in ex.speakers}
    starts = [q.start for q in ex.quotes]
    assert starts == sorted(starts)
    for q in ex.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "indirect")
        assert 0.0 <= q.confidence <= 1.0
        # one name, joint names, or nobody; never a candidate that is also the speaker
        assert (q.speaker is None) == (not q.speakers)
        assert set(q.speakers) <= names and len(set(q.speakers)) == len(q.speakers)
        assert q.speaker is None or q.speaker == " and ".join(q.speakers)
        assert not set(q.candidates) & set(q.speakers)
        assert q.role is None or q.role.strip()
        if exact:
            assert any(a <= q.start and q.end <= b for a, b in paragraphs)
        if q.mention is not None:
            m = q.mention
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text


@settings(deadline=None, max_examples=300)
@given(texts)
def test_arbitrary_text_with_blank_line_paragraphs(text: str) -> None:
    check(text, blank_line_paragraphs(text), exact=True)


@settings(deadline=None, max_examples=150)
@given(texts, st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=6))
def test_arbitrary_paragraph_spans(text: str, spans: list[tuple[int, int]]) -> None:
    check(text, spans)


@settings(deadline=None, max_examples=150)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    check(text, [(0, len(text))])
