"""The subject phrase of a reporting cue: where it starts and whom it names.

The strict noun phrase before a cue (``np_before``) is tried first, across appositions, ages
and relative clauses (:func:`subject_before`); the whole tag between a quote (or the sentence
start) and its cue is the fallback (:func:`tag_start`, then :func:`.subjects.subject_in`).
Roles met on the way (``the party’s treasurer, Ann Roe,``) are given to the person they
stand beside, and a name joined by "and" makes joint speakers (:func:`conjunct`).
"""

from __future__ import annotations

from .bounds import np_after, np_before
from .cues import CUE_WORDS, cue_class
from .entities import ArticleEntities
from .lexicon import ADVERBS
from .marks import Sentence
from .phrases import NP, classify, strip_det

_TAG_STOPS = frozenset([";", ":", "!", "?", "that"])  # a "." inside a sentence is an abbreviation
MAX_TAG = 32  # tokens between a quote (or the sentence start) and its cue
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])


def tag_start(s: Sentence, j: int) -> tuple[int, bool] | None:
    """Where the subject before the cue at ``j`` can start: right after a closing quote
    mark (``“…,” Rep. Ana Roe (D-Utah) said``: True) or at the sentence start (False),
    when nothing but a subject phrase lies between."""
    words = s.tok.words
    inside = s.inside
    k = j - 1
    while k >= 0 and not inside[k]:
        w = words[k]
        if w.lower() in _TAG_STOPS or (k < j - 1 and w in CUE_WORDS) or j - k > MAX_TAG:
            return None
        k -= 1
    lo = k + 1
    while lo < j and words[lo] in (",", "—", "–", "-"):
        lo += 1
    return (lo, k >= 0) if lo < j else None


def give_roles(entities: ArticleEntities, found: NP, roles: list[NP]) -> None:
    """``the party’s nominee, Ada Rhee``: the roles beside a name in a tag are its roles."""
    if found.kind != "person" or not roles:
        return
    for role in roles:
        if role.kind == "role":
            give_role(entities, found, role)


def after_quote(s: Sentence, j: int) -> bool:
    """Whether token ``j`` comes right after a closing quote mark (and a comma or dash)."""
    inside = s.inside
    k = j - 1
    while k >= 0 and s.tok.words[k] in (",", "—", "–", "-") and not inside[k]:
        k -= 1
    return k >= 0 and inside[k]


def phrase_end(s: Sentence, m: int) -> int:
    """Where the subject phrase after an inverted cue ends: at a full stop, a colon or
    semicolon, or a quote."""
    words = s.tok.words
    inside = s.inside
    n = min(len(words), m + MAX_TAG)
    for k in range(m, n):
        if inside[k] or words[k] in (";", ":", "!", "?") or (words[k] == "." and k + 1 == n):
            return k
    return n


def subject_before(s: Sentence, j: int, entities: ArticleEntities) -> NP | None:
    """The subject ending at token ``j``, across appositions, ages and relative clauses:
    ``Berg, the EU’s top diplomat, said``, ``Mendes, 61, who has led the ministry, said``,
    ``The head of the department, Anna Berg, said``."""
    tok = s.tok
    words = tok.words
    if j <= 0:
        return None
    if words[j - 1] != ",":
        start = np_before(tok, j)
        return classify(tok, start, j) if start is not None else None
    end = j - 1  # the comma closing the innermost parenthetical
    for _ in range(3):
        c = end - 1
        while c >= 0 and words[c] != "," and not s.inside[c] and words[c] not in (";", ":"):
            c -= 1
        if c <= 0 or words[c] != ",":
            return None
        found = _around_parenthetical(s, c, end, entities)
        if found is not None:
            return found
        if not _parenthetical(s, c + 1, end):
            return None
        end = c
    return None


def _parenthetical(s: Sentence, i: int, j: int) -> bool:
    """An age, a relative clause, an aside or a role between commas (``, 61,``)."""
    words = s.tok.words
    first = words[i].lower()
    if j - i == 1 and first.isdigit():
        return True
    if first in ("who", "which", "whose", "whom", "however", "meanwhile", "though"):
        return True
    if first.endswith("ing") or first in ADVERBS:
        return True
    e = np_after(s.tok, i)
    return e == j and classify(s.tok, i, j).kind in ("role", "generic")


def _around_parenthetical(s: Sentence, c: int, end: int, entities: ArticleEntities) -> NP | None:
    """The subject when ``words[c + 1 : end]`` sits between commas right after it."""
    tok = s.tok
    words = tok.words
    left_start = np_before(tok, c)
    if left_start is None:
        return None
    left = classify(tok, left_start, c)
    if words[c + 1].lower() in ("who", "which", "whose", "whom"):
        return left if left.kind in ("person", "organisation", "role", "place") else None
    if np_after(tok, c + 1) == end:
        inner = classify(tok, c + 1, end)
        if left.kind in ("role", None) and inner.kind == "person":
            whole = _clause_chunk(s, c)  # "Essline's chief operating officer, Ana Roe,"
            if whole is not None and whole.kind == "role":
                left = whole
        if left.kind == "role" and inner.kind in ("person", "organisation"):
            give_role(entities, inner, left)  # "The drivers’ union, TDU, said"
            inner.phrase_start = left.start
            return inner
        if left.kind in ("person", "organisation") and inner.kind == "role":
            give_role(entities, left, inner)
            return left
    at_start = (
        left_start == 0
        or words[left_start - 1] in (",", "”", "»", '"')
        or (left_start == 1 and words[0].lower() in _OPENING_CONJUNCTIONS)  # "As Roe, …, noted"
    )
    if left.kind in ("person", "organisation") and at_start:
        return left
    return None


_OPENING_CONJUNCTIONS = frozenset(["as", "and", "but", "so", "yet"])


def _clause_chunk(s: Sentence, c: int) -> NP | None:
    """The phrase from the sentence start (or the last comma) to the comma at ``c``,
    classified, when it is short and holds no verb-like word."""
    words = s.tok.words
    a = c - 1
    while a > 0 and words[a - 1] not in (",", ";", ":") and not s.inside[a - 1]:
        a -= 1
    if c - a > 8 or any(cue_class(w) or w.lower() in _BE for w in words[a:c]):
        return None
    return classify(s.tok, a, c)


def conjunct(s: Sentence, k: int) -> NP | None:
    """``Roe and Berg said`` / ``Roe and a colleague, Ann Berg, said``: the name joined by
    "and" before the subject starting at token ``k``."""
    words = s.tok.words
    if k < 2 or words[k - 1] != "and":
        return None
    b = np_before(s.tok, k - 1)
    if b is None:
        return None
    left = classify(s.tok, b, k - 1)
    return left if left.kind in ("person", "organisation") else None


def give_role(entities: ArticleEntities, person: NP, role: NP) -> None:
    ent = entities.entity(person, person.start)
    if ent is not None:
        ent.add_role(role, role.text)
        ent.aliases.setdefault(strip_det(role.text), None)
