"""The bottom layer of the extractor: a sentence's word and punctuation tokens.

Every later stage (marks, phrases, entities, reports, sieves) reads tokens by index:
``tok.words[k]`` is the k-th token, ``tok.starts[k]``/``tok.ends[k]`` its span in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate
from operator import sub
from typing import TypeVar

TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|[A-Z]\.(?=[ \t]+[A-Z])"  # an initial: "George W. Bush"
    r"|\w++(?:[’'\-]\w++)*+(?:\.(?i:com|net|org|az|ru|ua|uk|de|fr|io|info|news|tv|am|ge|kz|by|pl|eu)\b)?"
    r"|[^\w\s]"
)
# The same tokens, each with the white space before it: the pieces tile the text, so their
# lengths add up to where each token ends (a regex that skips the gaps itself is faster
# than one searched for again after each gap, and no ``find`` per token is needed).
_PIECE_RE = re.compile(r"\s*+(?:" + TOKEN_RE.pattern + ")")
# Without a full stop inside the range (one ending it aside), no abbreviation, initial or
# web address can start there, and plain words and marks are the whole of it: most
# sentences take this cheaper pattern, to the same tokens. The quantifiers are possessive
# (``*+``, ``++``): nothing after them could make the engine give a character back, so the
# matches are the same, and the engine keeps no state to backtrack to (13% faster).
_PLAIN_PIECE_RE = re.compile(r"\s*+(?:\w++(?:[’'\-]\w++)*+|[^\w\s])")


class Tokens:
    """The word and punctuation tokens of ``text[lo:hi]``."""

    __slots__ = ("ends", "starts", "text", "words")

    words: list[str]
    starts: list[int]
    ends: list[int]

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        dotted = text.find(".", lo, hi - 1) >= 0
        pieces = (_PIECE_RE if dotted else _PLAIN_PIECE_RE).findall(text, lo, hi)
        words = self.words = list(map(str.lstrip, pieces))
        ends = self.ends = list(accumulate(map(len, pieces), initial=lo))
        del ends[0]
        self.starts = list(map(sub, ends, map(len, words)))

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


_V = TypeVar("_V")


class WordTable(dict[str, _V]):
    """``of(word)`` for each word, computed on first look-up (a dictionary read after that,
    which ``map`` can call without a Python frame); emptied when it grows large (a build
    worker reads 50,000 articles)."""

    def __init__(self, of: Callable[[str], _V]) -> None:
        super().__init__()
        self.of = of

    def __missing__(self, word: str) -> _V:
        if len(self) >= 65536:
            self.clear()
        value = self[word] = self.of(word)
        return value


def base(word: str) -> str:
    """``word`` without a possessive ``’s``."""
    if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
        return word[:-2]
    return word


def is_cap(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()
