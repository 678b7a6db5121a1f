"""The cheap cue-word test agrees with the plain one it stands for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.quotes.cues import CUE_WORDS, LOWER_RE, has_cue_word


def _plain(text: str, start: int, end: int) -> bool:
    return not CUE_WORDS.isdisjoint(LOWER_RE.findall(text, start, end))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("He said so.", 0, 11),
        ("Hesaid so.", 0, 10),  # "said" is a run of its own after a capital
        ("unsaid", 0, 6),
        ("saidx", 0, 5),
        ("x said", 2, 6),
        ("xsaid", 1, 5),  # the range starts inside a run: its tail is a word
        ("said x", 0, 3),  # the range ends inside a run
        ("said", 1, 4),
        ("u.ssaid", 0, 7),
        ("Accordingly", 0, 11),
        ("xAccording", 0, 10),
        ("According", 1, 9),
        ("according to", 0, 12),
        ("Said Berg", 0, 9),
        ("3said it", 0, 8),
        ("it was said", 0, 11),
        ("it was said", 0, 10),
        ("", 0, 0),
        ("saidé", 0, 5),  # a letter beyond ASCII ends a run
        ("ésaid", 0, 5),
        ("Berg’s said\tit", 0, 14),
        ("he said", 5, 2),
    ],
)
def test_has_cue_word_cases(text: str, start: int, end: int) -> None:
    assert has_cue_word(text, start, end) == _plain(text, start, end)


_PIECES = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "according",
        "According",
        "to",
        "x",
        "S",
        "s",
        "ly",
        "ed",
        *" ,.’'-3AaZ“é\t\n\udcff",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.integers(0, 40), st.integers(0, 40))
def test_has_cue_word_agrees(pieces: list[str], start: int, end: int) -> None:
    text = "".join(pieces)
    assert has_cue_word(text, start, end) == _plain(text, start, end)
