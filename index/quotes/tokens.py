"""The bottom layer of the extractor: a sentence's word and punctuation tokens.

Every later stage (marks, phrases, entities, reports, sieves) reads tokens by index:
``tok.words[k]`` is the k-th token, ``tok.starts[k]``/``tok.ends[k]`` its span in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|[A-Z]\.(?=[ \t]+[A-Z])"  # an initial: "George W. Bush"
    r"|\w+(?:[’'\-]\w+)*(?:\.(?i:com|net|org|az|ru|ua|uk|de|fr|io|info|news|tv|am|ge|kz|by|pl|eu)\b)?"
    r"|[^\w\s]"
)


class Tokens:
    """The word and punctuation tokens of ``text[lo:hi]``."""

    __slots__ = ("ends", "starts", "text", "words")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        found = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, lo, hi)]
        self.starts: list[int] = [t[0] for t in found]
        self.ends: list[int] = [t[1] for t in found]
        self.words: list[str] = [t[2] for t in found]

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


def base(word: str) -> str:
    """``word`` without a possessive ``’s``."""
    if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
        return word[:-2]
    return word


def is_cap(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()
