"""Text analysis shared by indexing, querying and highlighting.

Order matters: tokenize, lowercase, fold accents, then stem, so ``resume`` finds ``résumé``.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.analysis.analyzers import Analyzer
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

TOKEN_PATTERN = r"\w+"


def text_analyzer() -> Analyzer:
    """Analyzer for prose fields: tokenize, lowercase, fold accents, stem."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StemFilter(cachesize=50000)
    )


def name_analyzer() -> Analyzer:
    """Analyzer for name fields (speakers): no stemming."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


_TEXT = text_analyzer()
_FOLD = name_analyzer()


def fold(word: str) -> str:
    """Lowercase and strip accents, without stemming."""
    return " ".join(t.text for t in _FOLD(word))


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    """The index term for one already-folded word."""
    return porter_stem(word)


def terms(text: str) -> list[str]:
    """The index terms of ``text``, in order."""
    return [t.text for t in _TEXT(text)]


def term_spans(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """``(term, start, end)`` for each token of ``text``; positions shifted by ``offset``."""
    return [(t.text, t.startchar + offset, t.endchar + offset) for t in _TEXT(text, chars=True)]
