"""Indirect quotes: reports whose content is a clause with no quote marks in it.

``Berg said (that) …``, ``…, Berg said.``, ``according to Berg, …``. A content holding a
quoted segment is a partial quote, not an indirect one, but the clauses beside it still
are: ``Roe said she was "open to it" but that persuasion came first`` gives the indirect
quote "persuasion came first". A report whose subject names nobody (``Residents told the
radio that …``, ``the statement said``, a pronoun with two candidates) is kept with an
unknown speaker, its role and candidates: an honest unknown, not a guess.
"""

from __future__ import annotations

from ..model import Span
from . import scores
from .content import bare_subject_clause, opens_clause
from .context import Found
from .cues import Report
from .lexicon import ORG_WORDS, PRONOUNS
from .marks import Sentence
from .phrases import strip_det
from .tokens import base

_UNNAMED = frozenset(["generic", "document", "unbound"])
_ELABORATING = frozenset(["which", "who", "whom", "whose", "where"])
_SUBORDINATORS = _ELABORATING | frozenset(["why", "how", "whether", "if", "when", "what"])


def indirect(s: Sentence, reports: list[Report]) -> list[Found]:
    """The indirect quotes of one sentence's reports."""
    out: list[Found] = []
    for r in reports:
        if not r.emits or r.content is None or r.cls == "partial":
            continue
        if r.cls == "belief" and not r.that:
            continue
        named = r.status in ("named", "pronoun") and r.entity is not None
        if not named and (
            r.status not in _UNNAMED
            or not (r.that or r.before or (_unnamed_may_report(r) and _opens(s, r)))
        ):
            continue
        for a, b in _clauses(s, r):
            if any(f.start < b and a < f.end for f in out):
                continue
            if named:
                _learn_gender(s, r)
            out.append(_found(s, r, a, b, named))
    return out


def _unnamed_may_report(r: Report) -> bool:
    """Whether a report naming nobody may go without ``that``: a group (``Analysts said``),
    ``according to`` a source, or an institution (``The ministry said``); an office
    nobody holds in the article (``Chile's president said …``) needs its ``that``."""
    if r.status == "generic" or r.cls == "according":
        return True
    np = r.subject
    if np is None or r.status != "unbound" or np.kind != "role":
        return False
    head = strip_det(np.text).lower().split(" of ")[0].split(" for ")[0].split()
    return bool(head) and base(head[-1]) in ORG_WORDS


def _opens(s: Sentence, r: Report) -> bool:
    """``Analysts said the deal was …``, ``The ministry said 40 schools …``: with no
    ``that``, a report whose subject names nobody needs content that opens like a clause
    (a determiner, pronoun, name or number first, or a bare noun and its verb: ``crews would
    be``), not a bare noun phrase (``claimed fuel costs for trips``) or a question."""
    if r.content_k is None:
        return False
    i, j = r.content_k
    words = s.tok.words
    if opens_clause(words[i]):
        return True
    return words[i].lower() not in _SUBORDINATORS and bare_subject_clause(words, i, j)


def _found(s: Sentence, r: Report, a: int, b: int, named: bool) -> Found:
    conf = scores.INDIRECT_THAT if r.that or r.before else scores.INDIRECT_BARE
    if r.status == "pronoun" or (r.subject is not None and r.subject.kind == "role"):
        conf -= scores.INDIRECT_INFERRED
    if not r.certain:
        conf -= scores.UNCERTAIN
    if not named:
        conf = scores.UNATTRIBUTED
    f = Found(a, b, "indirect", r.entity if named else None, r.mention, r.cue, conf, s.idx, 0)
    f.paragraph, f.own = s.paragraph, True
    f.candidates, f.role, f.joint, f.certain = r.candidates, r.role, r.joint, r.certain
    f.how = ("indirect:" + r.status) if named else "unknown"
    return f


def _clauses(s: Sentence, r: Report) -> list[Span]:
    """The report's content, less any part in quote marks: cut at a coordinated ``that``
    (``… "open to it" but that persuasion came first``) and keep the parts free of marks."""
    assert r.content is not None
    a, b = r.content
    if not any(seg.open_at < b and seg.close_end > a for seg in s.segs):
        return [(a, b)]
    if r.content_k is None:
        return []
    tok = s.tok
    words = tok.words
    i, j = r.content_k
    cuts = [i]
    for k in range(i + 1, j - 1):
        if words[k].lower() in ("and", "but") and words[k + 1].lower() == "that":
            cuts.append(k)
    cuts.append(j)
    first = min(seg.open_at for seg in s.segs if seg.open_at < b and seg.close_end > a)
    k0 = tok.index_at(first)
    comma = next((k for k in range(k0 - 1, i, -1) if words[k] == ","), None)
    if (
        comma is not None
        and comma - i >= 3
        and len(cuts) == 2
        and (words[comma + 1].lower() in _ELABORATING or words[comma + 1].endswith("ing"))
    ):
        cuts = [i, comma]  # "… the books, which he described as “…”": up to the comma
    elif len(cuts) == 2:  # "said he had packed up and had “given up”": the clause before
        joint = next((k for k in range(k0 - 1, i, -1) if _joins(words, k)), None)
        if joint is not None and joint - i >= _MIN_CLAUSE:
            cuts = [i, joint]
    out = []
    for n in range(len(cuts) - 1):
        lo, hi = cuts[n], cuts[n + 1]
        if n > 0:
            lo += 2  # past "and that"
        while hi > lo and (words[hi - 1] in (",", ";") and not s.inside[hi - 1]):
            hi -= 1
        if hi - lo < 3 or any(s.inside[lo:hi]):
            continue
        out.append((tok.starts[lo], tok.ends[hi - 1]))
    return out


_MIN_CLAUSE = 5  # tokens: a shorter clause before a partial quote is no statement of its own


_FINITE = frozenset(
    ["had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should", "did"]
)


def _joins(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` joins a second clause, not two nouns: ``and had``, ``but was``,
    ``, only that``."""
    if k + 1 >= len(words):
        return False
    w, nxt = words[k].lower(), words[k + 1].lower()
    if w in ("and", "but"):
        return nxt in _FINITE
    return w == "," and nxt == "only"


def _learn_gender(s: Sentence, r: Report) -> None:
    """``Berg said she …`` tells that Berg is a woman."""
    ent = r.entity
    if ent is None or (ent.gender and not ent.gender_weak) or ent.kind != "person":
        return
    if r.status != "named" or r.before or r.content_k is None:
        return
    first = s.tok.words[r.content_k[0]].lower()
    if first in ("he", "she"):
        ent.gender, ent.gender_weak = PRONOUNS[first], False
