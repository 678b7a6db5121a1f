"""The bottom layer of the extractor: a sentence's word and punctuation tokens.

Every later stage (marks, phrases, entities, reports, sieves) reads tokens by index:
``tok.words[k]`` is the k-th token, ``tok.starts[k]``/``tok.ends[k]`` its span in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TypeVar

TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|[A-Z]\.(?=[ \t]+[A-Z])"  # an initial: "George W. Bush"
    r"|\w++(?:[’'\-]\w++)*+(?:\.(?i:com|net|org|az|ru|ua|uk|de|fr|io|info|news|tv|am|ge|kz|by|pl|eu)\b)?"
    r"|[^\w\s]"
)
# The same tokens, each with the white space before it: the pieces tile the text, so their
# lengths add up to where each token ends. The quantifiers are possessive (``*+``, ``++``):
# nothing after them could make the engine give a character back, so the matches are the
# same, and the engine keeps no state to backtrack to.
_PIECE_RE = re.compile(r"\s*+(?:" + TOKEN_RE.pattern + ")")


class Tokens:
    """The word and punctuation tokens of ``text[lo:hi]``: ``_PIECE_RE``'s tokens."""

    __slots__ = ("ends", "starts", "text", "words")

    words: list[str]
    starts: list[int]
    ends: list[int]

    def __init__(self, text: str, lo: int, hi: int) -> None:
        """The text split at each space, most pieces a word (``said``) or a word and a
        mark (``said,``) whose tokens are plain; the regex only for the others. A token
        holds no white space, so a piece's tokens are its own. A regex scan and the spans
        from its pieces cost ~4,400 machine instructions a token, this ~2,600 (tokens were
        14% of what extracting costs)."""
        self.text = text
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        self.words, self.starts, self.ends = words, starts, ends
        add_word, add_start, add_end = words.append, starts.append, ends.append
        pos = lo  # where the piece starts
        for piece in text[lo:hi].split(" "):
            if piece.isalnum():  # a word: \w+ with no mark to join and no full stop
                add_word(piece)
                add_start(pos)
                pos += len(piece)
                add_end(pos)
                pos += 1
                continue
            n = len(piece)
            if n > 1:
                mark = piece[-1]
                word = piece[:-1]
                if word.isalnum() and _LONE_MARK[mark] and (n > 2 or mark != "."):
                    # "said," "Berg.": a word and a mark, no initial ("W.") nor a joiner
                    add_word(word)
                    add_word(mark)
                    add_start(pos)
                    pos += n - 1
                    add_end(pos)
                    add_start(pos)
                    pos += 1
                    add_end(pos)
                    pos += 1
                    continue
            elif n == 1 and _LONE_MARK[piece]:
                add_word(piece)
                add_start(pos)
                add_end(pos + 1)
                pos += 2
                continue
            elif n == 0:  # two spaces in a row
                pos += 1
                continue
            _regex_tokens(text, pos, pos + n, hi, add_word, add_start, add_end)
            pos += n + 1

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


def _lone_mark(ch: str) -> bool:
    """Whether the character ``ch`` is a token of its own: neither \\w nor \\s."""
    return not (ch.isalnum() or ch == "_" or ch.isspace())


# White space on to a capital: what lets ``_PIECE_RE`` read "W." before " Bush" as an initial
_INITIAL_NEXT_RE = re.compile(r" [ \t]*+[A-Z]")


def _regex_tokens(
    text: str,
    lo: int,
    hi: int,
    end: int,
    add_word: Callable[[str], None],
    add_start: Callable[[int], None],
    add_end: Callable[[int], None],
) -> None:
    """``_PIECE_RE``'s tokens of ``text[lo:hi]``, a piece with no space in it, where
    ``end`` is where the whole range tokenized ends. A piece ending in a full stop is
    read on to the capital after it (if any), so that an initial is seen as one, and
    what lies beyond the piece is dropped."""
    upto = hi
    if text[hi - 1] == ".":
        found = _INITIAL_NEXT_RE.match(text, hi, end)
        if found is not None:
            upto = found.end()
    at = lo
    for piece in _PIECE_RE.findall(text, lo, upto):
        at += len(piece)
        word = piece.lstrip()
        if at - len(word) >= hi:
            break
        add_word(word)
        add_start(at - len(word))
        add_end(at)


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


_LONE_MARK = WordTable(_lone_mark)  # _lone_mark of each character, a dictionary read


def _base(word: str) -> str:
    """``word`` without a possessive ``’s``."""
    if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
        return word[:-2]
    return word


def _is_cap(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()


# base and is_cap are called ~400 times an article, most often with a word seen before:
# a look-up in a table (a C call, no Python frame) rather than a Python function each time.
base: Callable[[str], str] = WordTable(_base).__getitem__
is_cap: Callable[[str], bool] = WordTable(_is_cap).__getitem__
