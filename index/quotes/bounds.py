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
from .tokens import Tokens, base, is_cap

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


def np_before(tok: Tokens, i: int, lo: int = 0) -> int | None:
    """Start index of the noun phrase whose last token is ``i - 1`` (None if there is none)."""
    words = tok.words
    k = i - 1
    if k < lo:
        return None
    w = words[k]
    if w.lower() in PRONOUNS:
        return k
    if not _np_word(w) or w.lower() in ARTICLES:
        return None
    start = k
    saw_split = False
    k -= 1
    while k >= lo:
        w = words[k]
        lw = w.lower()
        if lw in ARTICLES or lw in ("his", "her", "its", "their"):
            if k - 1 >= lo and words[k - 1].lower() in ROLE_SPLIT and k - 2 >= lo:
                start = k
                k -= 1
                continue
            start = k
            break
        if lw in ROLE_SPLIT:
            if k - 1 >= lo and _np_word(words[k - 1]) and words[k - 1].lower() not in ARTICLES:
                saw_split = True
                k -= 1
                continue
            break
        if lw in NAME_PARTICLES and k - 1 >= lo and is_cap(words[k - 1]) and is_cap(words[k + 1]):
            k -= 1
            continue
        if w == "." and k - 1 >= lo and words[k - 1].lower() in ABBREVS and is_cap(words[k + 1]):
            k -= 1
            continue
        if lw == "and" and k - 1 >= lo and is_cap(words[k - 1]) and is_cap(words[k + 1]):
            k -= 1
            continue
        if _np_word(w) and lw not in PRONOUNS:
            start = k
            k -= 1
            continue
        if w in APOSTROPHES and plural_possessive(words, k) and k > lo:
            k -= 1
            continue
        if w != base(w) and w.islower() and k > lo and words[k - 1].lower() in ARTICLES:
            start = k  # a possessive: "the bloc’s chief diplomat"
            k -= 1
            continue
        break
    # never start on a connective; an "and" outside an of-complement splits two names
    while start < i and words[start].lower() in (*ROLE_SPLIT, "and"):
        start += 1
    one_word = start + 1 < i and words[start + 1].lower() == "and"  # "Health and Safety …"
    if not saw_split and not (one_word and base(words[i - 1]).lower() in ORG_WORDS):
        for n in range(i - 1, start - 1, -1):
            if words[n].lower() == "and":
                start = n + 1
                break
    return start if start < i else None


def np_after(tok: Tokens, i: int, hi: int | None = None) -> int | None:
    """End index (exclusive) of the noun phrase starting at token ``i``."""
    words = tok.words
    hi = len(words) if hi is None else hi
    if i >= hi:
        return None
    w = words[i]
    if w.lower() in PRONOUNS:
        return i + 1
    k = i
    if w.lower() in DETERMINERS:
        k += 1
    end = None
    saw_split = False
    while k < hi:
        w = words[k]
        lw = w.lower()
        if _np_word(w) and lw not in PRONOUNS and lw not in ARTICLES:
            k += 1
            end = k
            continue
        if lw in ROLE_SPLIT and end is not None and k + 1 < hi:
            nxt = words[k + 1].lower()
            if nxt in ARTICLES or _np_word(words[k + 1]):
                saw_split = True
                k += 2 if nxt in ARTICLES else 1
                continue
        if w in APOSTROPHES and plural_possessive(words, k) and end == k:
            k += 1  # "the Grain Traders' Association"
            continue
        if w != base(w) and w.islower() and k + 1 < hi and _np_word(words[k + 1]):
            k += 1  # a possessive: "the bloc’s chief diplomat"
            continue
        if saw_split and w.isalpha() and w.islower() and w not in ROLE_SPLIT:
            nxt_word = words[k + 1] if k + 1 < hi else "."
            if _np_word(nxt_word):
                k += 1  # a plain word inside the complement: "of the port authority"
                continue
            if not nxt_word[:1].isalnum() and end is not None and k - end < 3:
                k += 1  # the complement ends the phrase: "a spokesman for the utility"
                end = k
            break
        if lw in NAME_PARTICLES and end is not None and k + 1 < hi and is_cap(words[k + 1]):
            k += 1
            continue
        if w == "." and end == k and words[k - 1].lower() in ABBREVS and k + 1 < hi:
            if is_cap(words[k + 1]):
                k += 1
                continue
            break
        if lw == "and" and saw_split and end is not None and k + 1 < hi and is_cap(words[k + 1]):
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
