"""Text analysis shared by indexing, querying and highlighting.

Order matters: tokenize, lowercase, fold accents, then stem, so ``resume`` finds ``résumé``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, cast

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    SpaceSeparatedTokenizer,
)
from whoosh.analysis.analyzers import Analyzer
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

# Chinese and Japanese are written without spaces: each of their characters is a token, so
# that a word is found inside a run of them (a query's run of them is then a phrase: the
# characters one after another). Other scripts' tokens are runs of word characters.
_IDEOGRAPHIC = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN_PATTERN = rf"[^\W{_IDEOGRAPHIC}]+|[{_IDEOGRAPHIC}]"


def name_analyzer() -> Analyzer:
    """Analyzer for name fields (speakers): no stemming."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


_FOLD = name_analyzer()


def fold(word: str) -> str:
    """Lowercase and strip accents, without stemming."""
    return " ".join(t.text for t in _FOLD(word))


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    """The index term for one already-folded word."""
    return porter_stem(word)


_WORD = re.compile(TOKEN_PATTERN)
_RUNS = re.compile(r"\w+")  # the same tokens where no ideograph is: a third faster
_ASCII_RUNS = re.compile(r"[0-9A-Z_a-z]+")  # the same again in ASCII text, a set of bits
_HAS_IDEOGRAPH = re.compile(f"[{_IDEOGRAPHIC}]")


def words_of(text: str) -> re.Pattern[str]:
    """The tokenizer for ``text``: ``TOKEN_PATTERN``'s, or a faster equal where no ideograph
    is (``isascii`` reads a flag of the string: no search)."""
    if text.isascii():
        return _ASCII_RUNS
    return _WORD if _HAS_IDEOGRAPH.search(text) else _RUNS


_FOLD_TABLE = str.maketrans(accent_map)
# What ``str.translate`` with that table does to lowercased text, ~6x faster: it looks up
# every character; this visits only the accented ones (every mapping is one character, and
# the ASCII ones are identities once lowercased).
_ACCENTED = re.compile(f"[{''.join(re.escape(chr(c)) for c in sorted(_FOLD_TABLE) if c > 127)}]")
_PLAIN = {chr(c): plain for c, plain in _FOLD_TABLE.items()}


class _Terms(dict[str, str]):
    """Each token's index term, computed on first look-up (a dictionary read after that, which
    ``map`` calls without a Python frame: half the cost of an ``lru_cache`` call); emptied
    when it grows large."""

    def __missing__(self, token: str) -> str:
        if len(self) >= 200_000:
            self.clear()
        term = self[token] = porter_stem(token.lower().translate(_FOLD_TABLE))
        return term


_TERMS = _Terms()


def term_of(token: str) -> str:
    """The index term of one token: what the analyzer gives, much faster."""
    return _TERMS[token]


def folded(text: str) -> str:
    """Lowercased, accent-folded text, for cheap substring pre-checks."""
    lowered = text.lower()
    return lowered if lowered.isascii() else _ACCENTED.sub(_plain, lowered)


def _plain(accented: re.Match[str]) -> str:
    return _PLAIN[accented.group()]


def term_spans(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """``(term, start, end)`` for each token of ``text``; positions shifted by ``offset``."""
    return [
        (term_of(m.group()), m.start() + offset, m.end() + offset)
        for m in words_of(text).finditer(text)
    ]


# Each ASCII byte that is not a word character, as a space (other bytes as they are): what
# makes ``bytes.split`` cut UTF-8 text where the tokenizer would.
_SPACED = bytes(b if b > 127 or chr(b).isalnum() or chr(b) == "_" else ord(" ") for b in range(256))


class _PieceTerms(dict[bytes, Any]):
    """The index terms of each piece of UTF-8 text between ASCII non-word characters: a term
    (most pieces); ``""`` for a piece of no word (a lone “ or —); for a piece of several
    words ("left—right", 東京) (or of one empty term), their tuple, the piece then also in
    ``_SEVERAL``. Computed on first look-up; emptied (with ``_SEVERAL``) when it has grown
    large, between two texts (the pieces of one text must all find their tuple there)."""

    def __missing__(self, piece: bytes) -> Any:
        if piece.isascii():  # one token: its term
            term = _TERMS[piece.decode()]
            if term:
                self[piece] = term
                return term
        terms = tuple(map(_TERMS.__getitem__, _WORD.findall(piece.decode())))
        if len(terms) == 1 and terms[0]:
            term = self[piece] = terms[0]
            return term
        if not terms:
            self[piece] = ""
            return ""
        _SEVERAL.add(piece)
        self[piece] = terms
        return terms


_PIECE_TERMS = _PieceTerms()
_SEVERAL: set[bytes] = set()


def index_terms(text: str) -> list[str]:
    """The index terms of ``text`` in order (same as the analyzer, computed fast).

    The tokenizer's regex takes ~300 instructions a character of non-ASCII text; instead, the
    UTF-8 text is cut at ASCII non-word characters by ``bytes.translate`` and ``split`` (a
    tenth of that), and each piece's terms are looked up (``_PieceTerms``). In ASCII text
    every piece is one token; elsewhere a piece may hold none or several.
    """
    try:
        pieces = text.encode().translate(_SPACED).split()
    except UnicodeEncodeError:  # a lone surrogate: not UTF-8
        return list(map(_TERMS.__getitem__, _WORD.findall(text)))
    if len(_PIECE_TERMS) >= 200_000:
        _PIECE_TERMS.clear()
        _SEVERAL.clear()
    if text.isascii():
        return list(map(_PIECE_TERMS.__getitem__, pieces))
    terms = list(filter(None, map(_PIECE_TERMS.__getitem__, pieces)))
    if _SEVERAL and not _SEVERAL.isdisjoint(pieces):
        return [term for one in terms for term in (one if type(one) is tuple else (one,))]
    return terms


class JoinedTerms(str):
    """Index terms joined by spaces, as a pre-analysed field holds them (its analyzer only
    splits), keeping the list: ``store.segments.SegmentBuilder`` indexes the list instead of
    splitting the text again (~0.04 ms for an article's body, a thirtieth of its indexing)."""

    terms: list[str]

    def __new__(cls, terms: list[str]) -> JoinedTerms:
        joined = super().__new__(cls, " ".join(terms))
        joined.terms = terms
        return joined

    def __getnewargs__(self) -> tuple[list[str]]:  # type: ignore[override]
        return (self.terms,)  # unpickled through ``__new__``, from the list


def joined_terms(text: str) -> JoinedTerms:
    """``index_terms(text)`` as a pre-analysed field's value."""
    return JoinedTerms(index_terms(text))


def pre_analyzed() -> Analyzer:
    """For fields whose terms were computed before indexing (in worker processes).

    A bare tokenizer is called like an analyzer (whoosh annotates the field's argument as
    ``Analyzer`` only); wrapping it would change the schema stored in existing indexes.
    """
    return cast(Analyzer, SpaceSeparatedTokenizer())
