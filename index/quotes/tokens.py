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

    words: list[str]
    starts: list[int]
    ends: list[int]

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        words = self.words = TOKEN_RE.findall(text, lo, hi)
        starts: list[int] = []
        ends: list[int] = []
        find = text.find
        pos = lo
        for w in words:  # each token is found where the last one ended (faster than spans)
            pos = find(w, pos)
            starts.append(pos)
            pos += len(w)
            ends.append(pos)
        self.starts, self.ends = starts, ends

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
