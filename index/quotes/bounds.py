"""Where a noun phrase that can name a speaker begins and ends.

``np_before(tok, i)`` gives the start of the phrase whose last token is ``i - 1``;
``np_after(tok, i)`` the end of the phrase starting at ``i``. A phrase is made of
capitalised words (names, titles, organisations), role and group words (``the bloc’s chief
diplomat``, ``officials``), name particles (``van``, ``de``), abbreviated titles (``Sen.``)
and of-complements (``the head of the department``). What the phrase is, is
:func:`.phrases.classify`'s business. Pure functions of the tokens.
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import (
    DETERMINERS,
    GENERIC,
    NAME_PARTICLES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    STOP_CAPS,
    TITLE_ABBREVIATIONS,
    TITLES,
)
from .tokens import Tokens, WordTable, base, is_cap

ABBREVS = TITLE_ABBREVIATIONS
ROLE_SPLIT = ("of", "for", "at", "to")
ARTICLES = frozenset({"the", "a", "an"})
APOSTROPHES = frozenset(["'", "’"])
_NP_WORDS = ROLE_WORDS | ROLE_MODIFIERS | GENERIC | frozenset(w for w in ORG_WORDS if " " not in w)


@lru_cache(maxsize=131072)
def _np_word(w: str) -> bool:
    """Whether ``w`` can sit inside a speaker noun phrase."""
    if is_cap(w):
        b = base(w)
        lb = b.lower()
        return lb not in STOP_CAPS or lb in TITLES or (b.isupper() and len(b) > 1)
    return w.lower() in _NP_WORDS


# What each word can be in a noun phrase, as bits of one number per word (``_FLAGS``):
# the loops below test a bit where they would lower-case the word and look it up again.
_PRONOUN = 1 << 0  # he, they, it's
_DETERMINER = 1 << 1  # the, a, this, their
_ARTICLE = 1 << 2  # the, a, an
_OPENER = 1 << 3  # an article or his, her, its, their: where a phrase read backwards starts
_SPLIT = 1 << 4  # of, for, at, to
_NP = 1 << 5  # :func:`_np_word`
_CORE = 1 << 6  # a phrase word that is no pronoun and no article
_APOSTROPHE = 1 << 7
_POSSESSIVE = 1 << 8  # a lower-case possessive: "bloc’s"
_PLAIN = 1 << 9  # a lower-case word of letters, no split word
_PARTICLE = 1 << 10  # van, de
_DOT = 1 << 11
_AND = 1 << 12
_CAP = 1 << 13
_ABBREV = 1 << 14  # Sen, Dr
_ALNUM = 1 << 15  # starts with a letter or digit


def _flags(w: str) -> int:
    """The bits above that ``w`` has."""
    lw = w.lower()
    np_word = _np_word(w)
    bits = (
        (lw in PRONOUNS, _PRONOUN),
        (lw in DETERMINERS, _DETERMINER),
        (lw in ARTICLES, _ARTICLE),
        (lw in ARTICLES or lw in ("his", "her", "its", "their"), _OPENER),
        (lw in ROLE_SPLIT, _SPLIT),
        (np_word, _NP),
        (np_word and lw not in PRONOUNS and lw not in ARTICLES, _CORE),
        (w in APOSTROPHES, _APOSTROPHE),
        (w != base(w) and w.islower(), _POSSESSIVE),
        (w.isalpha() and w.islower() and w not in ROLE_SPLIT, _PLAIN),
        (lw in NAME_PARTICLES, _PARTICLE),
        (w == ".", _DOT),
        (lw == "and", _AND),
        (is_cap(w), _CAP),
        (lw in ABBREVS, _ABBREV),
        (w[:1].isalnum(), _ALNUM),
    )
    return sum(bit for has, bit in bits if has)


_FLAGS = WordTable(_flags)


def np_before(tok: Tokens, i: int, lo: int = 0) -> int | None:
    """Start index of the noun phrase whose last token is ``i - 1`` (None if there is none)."""
    words = tok.words
    flags = _FLAGS
    k = i - 1
    if k < lo:
        return None
    f = flags[words[k]]
    if f & _PRONOUN:
        return k
    if not f & _NP or f & _ARTICLE:
        return None
    start = k
    saw_split = False
    k -= 1
    while k >= lo:
        w = words[k]
        f = flags[w]
        if f & _OPENER:
            if k - 1 >= lo and flags[words[k - 1]] & _SPLIT and k - 2 >= lo:
                start = k
                k -= 1
                continue
            start = k
            break
        if f & _SPLIT:
            if k - 1 >= lo and flags[words[k - 1]] & (_NP | _ARTICLE) == _NP:
                saw_split = True
                k -= 1
                continue
            break
        if (
            f & (_PARTICLE | _AND | _DOT)
            and k - 1 >= lo
            and flags[words[k + 1]] & _CAP
            and flags[words[k - 1]] & (_ABBREV if f & _DOT else _CAP)
        ):  # "Ana de Souza", "Bosnia and Herzegovina", "Sen. Ana Roe"
            k -= 1
            continue
        if f & _NP and not f & _PRONOUN:
            start = k
            k -= 1
            continue
        if f & _APOSTROPHE and plural_possessive(words, k) and k > lo:
            k -= 1
            continue
        if f & _POSSESSIVE and k > lo and flags[words[k - 1]] & _ARTICLE:
            start = k  # a possessive: "the bloc’s chief diplomat"
            k -= 1
            continue
        break
    # never start on a connective; an "and" outside an of-complement splits two names
    while start < i and flags[words[start]] & (_SPLIT | _AND):
        start += 1
    one_word = start + 1 < i and flags[words[start + 1]] & _AND  # "Health and Safety …"
    if not saw_split and not (one_word and base(words[i - 1]).lower() in ORG_WORDS):
        for n in range(i - 1, start - 1, -1):
            if flags[words[n]] & _AND:
                start = n + 1
                break
    return start if start < i else None


def np_after(tok: Tokens, i: int, hi: int | None = None) -> int | None:
    """End index (exclusive) of the noun phrase starting at token ``i``."""
    words = tok.words
    flags = _FLAGS
    hi = len(words) if hi is None else hi
    if i >= hi:
        return None
    f = flags[words[i]]
    if f & _PRONOUN:
        return i + 1
    k = i + 1 if f & _DETERMINER else i
    end = None
    saw_split = False
    while k < hi:
        w = words[k]
        f = flags[w]
        if f & _CORE:
            k += 1
            end = k
            continue
        nxt = flags[words[k + 1]] if k + 1 < hi else None
        if f & _SPLIT and end is not None and nxt is not None and nxt & (_ARTICLE | _NP):
            saw_split = True
            k += 2 if nxt & _ARTICLE else 1
            continue
        if f & _APOSTROPHE and plural_possessive(words, k) and end == k:
            k += 1  # "the Grain Traders' Association"
            continue
        if f & _POSSESSIVE and nxt is not None and nxt & _NP:
            k += 1  # a possessive: "the bloc’s chief diplomat"
            continue
        if saw_split and f & _PLAIN:
            if nxt is not None and nxt & _NP:
                k += 1  # a plain word inside the complement: "of the port authority"
                continue
            if (nxt is None or not nxt & _ALNUM) and end is not None and k - end < 3:
                k += 1  # the complement ends the phrase: "a spokesman for the utility"
                end = k
            break
        if f & _PARTICLE and end is not None and nxt is not None and nxt & _CAP:
            k += 1
            continue
        if f & _DOT and end == k and flags[words[k - 1]] & _ABBREV and nxt is not None:
            if nxt & _CAP:
                k += 1
                continue
            break
        if f & _AND and saw_split and end is not None and nxt is not None and nxt & _CAP:
            k += 1
            continue
        break
    return end


def plural_possessive(words: list[str] | tuple[str, ...], k: int) -> bool:
    """``Workers' Confederation``: an apostrophe token after a capitalised plural."""
    return (
        words[k] in ("'", "’")
        and k > 0
        and is_cap(words[k - 1])
        and words[k - 1][-1:] in "sS"
        and k + 1 < len(words)
        and is_cap(words[k + 1])
    )
