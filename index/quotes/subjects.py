"""Who a free-form subject phrase names: the words between a quote and its cue, or after an
inverted cue.

A quote's tag names its speaker in many shapes: ``“…,” Rep. Ana Roe (D-Utah) said``,
``“…,” Ruiz, 54, a nurse from Tulsa, said``, ``“…,” former Senate aide Noam Berg wrote``,
``“…,” the party’s nominee, Ada Rhee, tweeted``, ``…, said Jason Gilbert of Cheyenne``. The
strict noun-phrase grammar of :mod:`.phrases` stops at the first word it does not know;
here the phrase's extent is given (the tag), so it is cut into chunks at commas, dashes and
parentheses, each chunk is cut before its complement (``of Cheyenne``, ``from Tulsa``), and
the first chunk that names a person (else an organisation) is the subject; the chunks around
it are its roles. Pure functions of the tokens, like :mod:`.phrases`.
"""

from __future__ import annotations

from .lexicon import words
from .phrases import NP, classify
from .tokens import Tokens, is_cap

_CUTS = words("of for at from in with on by to about after before during under who whose which")
_SEPARATORS = frozenset([",", "—", "–", "-", ";"])
_RELATIVE = words("who whose which that whom")
# A chunk opening with one of these is an adverbial ("After the vote, …", "Asked about it,
# …"), never the subject.
ADVERBIAL = _CUTS | words(
    "as when while although though if because since once unless until asked speaking "
    "writing responding referring talking meanwhile however but and also then"
)
MAX_CHUNK = 9  # tokens: longer chunks are clauses, not names


def chunks(tok: Tokens, i: int, j: int) -> list[tuple[int, int]]:
    """Token ranges of ``tok[i:j]`` between separators, parenthesised parts left out; a
    relative clause (``, who ran in 2012``) ends the phrase."""
    out: list[tuple[int, int]] = []
    words_ = tok.words
    start = i
    depth = 0
    k = i
    while k < j:
        w = words_[k]
        if w == "(":
            if depth == 0 and k > start:
                out.append((start, k))
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
            start = k + 1
        elif depth == 0 and w in _SEPARATORS:
            if k > start:
                out.append((start, k))
            start = k + 1
        elif depth == 0 and k == start and w.lower() in _RELATIVE:
            return out
        k += 1
    if depth == 0 and start < j:
        out.append((start, j))
    return out


def _cut(tok: Tokens, a: int, b: int) -> int:
    """Where a chunk's complement begins (``Gilbert | of Cheyenne``), or ``b``."""
    for k in range(a + 1, b):
        if tok.words[k].lower() in _CUTS:
            return k
    return b


def _named(tok: Tokens, a: int, b: int) -> NP | None:
    """The person or organisation a chunk names, if it names one.

    A name in a complement names someone else (``her editor at Pell & Ward``), except
    ``Secretary of State Ann Roe`` (a title of two words or more before a full name) and an
    organisation's own ``of`` (``the Law Society of Brenmoor``)."""
    return _named_or_head(tok, a, b)[0]


def _named_or_head(tok: Tokens, a: int, b: int) -> tuple[NP | None, NP | None]:
    """:func:`_named`, and when it names nobody, the chunk's head before its complement
    (None when the chunk is too long to be a name), which may be a role."""
    cut = _cut(tok, a, b)
    if cut - a > MAX_CHUNK:
        return None, None
    head = classify(tok, a, cut)
    if cut == b or head.kind == "person":
        return (head, None) if head.kind in ("person", "organisation") else (None, head)
    if tok.words[cut].lower() != "of" or b - a > MAX_CHUNK:
        return (head, None) if head.kind == "organisation" else (None, head)
    whole = classify(tok, a, b)
    if head.kind == "organisation" and all(map(is_cap, tok.words[cut + 1 : b])):
        start = head.name_span[0] if head.name_span else head.start
        whole.kind, whole.name = "organisation", tok.text[start : whole.end]
        whole.name_span, whole.role = (start, whole.end), None
        return whole, None
    if whole.kind == "person" and whole.name and " " in whole.name:
        return whole, None
    return (head, None) if head.kind == "organisation" else (None, head)


def subject_in(tok: Tokens, i: int, j: int) -> tuple[NP | None, list[NP], list[NP]]:
    """The phrase in ``tok[i:j]`` that names the speaker, the role phrases beside it, and
    the names joined to it by "and" (``Roe and a colleague, Ann Berg,``: joint speakers).

    A person's name wins over an organisation's, an earlier chunk over a later one; with no
    name, a lone pronoun, else the first chunk as it is (a role, a group, an outlet)."""
    parts = chunks(tok, i, j)
    if not parts:
        return None, [], []
    found: NP | None = None
    org: NP | None = None
    roles: list[NP] = []
    joined: list[NP] = []
    for a, b in parts:
        first_word = tok.words[a].lower()
        if first_word in ADVERBIAL or first_word.endswith("ing"):
            continue
        if a + 1 < b and tok.words[a + 1] == "by":
            continue  # "Led by the mayor, …": a passive participle's phrase
        if found is None and "and" in tok.words[a + 1 : b]:
            q = tok.words.index("and", a + 1, b)
            left = _named(tok, a, q)
            if left is not None:
                joined.append(left)
                a = q + 1
        np, head = _named_or_head(tok, a, b)
        if np is not None and np.kind == "person":
            if found is None:
                found = np
            continue
        if np is not None:
            if org is None:
                org = np
            continue  # a second organisation: its head is one too, no role
        if head is not None and head.kind in ("role", "generic", "pronoun", "outlet", "document"):
            roles.append(head)
    if found is not None:
        return found, [r for r in roles if r.kind == "role"], joined
    if org is not None:
        return org, [r for r in roles if r.kind == "role"], joined
    if not roles:
        return None, [], []
    return roles[0], roles[1:], []
