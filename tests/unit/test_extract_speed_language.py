"""The English test that stops counting at the share it needs agrees with the full count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.quotes.language import (
    _FUNCTION_WORDS,
    MIN_SHARE,
    MIN_WORDS,
    SAMPLE,
    reads_as_english,
)


def _plain(text: str, start: int = 0) -> bool:
    words = text[start : start + SAMPLE].lower().split()
    if len(words) < MIN_WORDS:
        return True
    return sum(map(_FUNCTION_WORDS.__contains__, words)) >= MIN_SHARE * len(words)


_WORDS = st.sampled_from(["the", "The", "of", "said", "und", "der", "Thema", "x", "in,"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, max_size=400), st.integers(0, 30))
def test_reads_as_english_agrees(words: list[str], start: int) -> None:
    text = " ".join(words)
    assert reads_as_english(text, start) == _plain(text, start)


def test_the_share_at_its_edge() -> None:
    for n in range(MIN_WORDS, 120):
        for hits in range(n + 1):
            text = " ".join(["the"] * hits + ["x"] * (n - hits))
            assert reads_as_english(text) == _plain(text), (n, hits)
