"""The split-at-spaces tokenizer gives the tokens the plain regex scan gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.quotes.tokens import _PIECE_RE, Tokens


def _plain(text: str, lo: int, hi: int) -> tuple[list[str], list[int], list[int]]:
    """The tokens of one ``_PIECE_RE`` scan over the range, each piece's span from the
    lengths of the pieces before it."""
    words, starts, ends = [], [], []
    at = lo
    for piece in _PIECE_RE.findall(text, lo, hi):
        at += len(piece)
        word = piece.lstrip()
        words.append(word)
        starts.append(at - len(word))
        ends.append(at)
    return words, starts, ends


def _split(text: str, lo: int, hi: int) -> tuple[list[str], list[int], list[int]]:
    tok = Tokens(text, lo, hi)
    return tok.words, tok.starts, tok.ends


@pytest.mark.parametrize(
    "text",
    [
        "Berg said, “We won.”",
        "George W. Bush said so.",
        "George W.  Bush said so.",  # two spaces before the capital
        "George W.\tBush said so.",
        "Plan W. then",  # no capital after the initial
        "It was W.",  # the range ends at the initial
        "A. Berg and U.S. officials, e.g. Roe.",
        "x.com, ya.ru. and site.info",
        "don’t Berg’s leaders’ well-known -- ’90s O'Brien",
        "a_b _ __init__ snake_case.",
        "tab\there new\nline\u00a0nbsp\u2009thin",
        "  two  spaces  ",
        "(AP) — “Yes,” «non» 5.2% $5 +",
        "Ünïcödé wörds, Ωmega. Ж.",
        ".",
        "",
        "X.",
        "1.B. The",
    ],
)
def test_tokens_cases(text: str) -> None:
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            assert _split(text, lo, hi) == _plain(text, lo, hi), (text, lo, hi)


_PIECES = st.sampled_from(
    [
        "said",
        "Berg",
        "W",
        "U",
        "com",
        "info",
        "_",
        *" ,.’'-3AaZz“”«»()é\t\n\u00a0\u2009_Ж",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=16), st.integers(0, 60), st.integers(0, 60))
def test_tokens_agree(pieces: list[str], lo: int, hi: int) -> None:
    text = "".join(pieces)
    lo, hi = min(lo, len(text)), min(hi, len(text))
    assert _split(text, lo, hi) == _plain(text, lo, hi)
