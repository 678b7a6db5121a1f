"""Whom a role phrase refers to: ``the minister said`` after ``Finance Minister Ada Rhee``.

Two ways, tried in order:

- **the head noun the article gave someone.** Every title before a name (``head coach Leo
  Marsh``), apposition (``Ann Roe, the party’s treasurer,``) and organisation name (``the
  Dunmore Rail Union``) leaves its head noun on the entity (``coach``, ``treasurer``,
  ``union``). A later ``the coach`` / ``the treasurer`` / ``the union`` binds to the entity
  with that head; no list of roles is needed, the article teaches them.
- **role classes** from ``data/roles.txt`` (``the Russian top diplomat`` fits a ``Foreign
  Minister``), filtered by gender and nationality.

Several entities fit: the most recently mentioned one, unless two were mentioned in the same
sentence (then nobody: :class:`Binding` lists them as candidates). A definite description
that no class knows and nobody was given (``the Frenchman``) is resolved like a pronoun; one
of an organisation (``the company``, ``the newspaper``) to the organisation named last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..speakers import fold_name
from . import scores
from .entities import ArticleEntities, Entity
from .lexicon import ORG_WORDS, OUTLET_WORDS, words
from .phrases import NP, head_noun
from .salience import rank


@dataclass
class Binding:
    """The entity a role phrase names, or the candidates when it names none for sure."""

    entity: Entity | None = None
    candidates: Sequence[Entity] = ()
    certain: bool = True  # one entity fits, no choice by recency


def bind_role(entities: ArticleEntities, np: NP, sent: int, pos: int) -> Binding:
    """The entity the role phrase ``np`` (at ``pos`` in sentence ``sent``) refers to."""
    org_classes = {c[4:] for c in np.classes if c.startswith("org:")}
    if org_classes:
        hits = [e for e in entities.orgs.values() if _last_word(e.name) in org_classes]
        if len(hits) == 1:
            return Binding(hits[0])
    head = head_noun(np.text)
    pool = _fits(np, [e for e in _all(entities) if head in e.heads]) if head else []
    if not pool and np.classes:
        pool = _fits(np, [e for e in entities.persons.values() if e.classes & np.classes])
    pool = [e for e in pool if 0 <= e.first_pos < pos] or pool
    if not pool and np.definite and (org_classes or head in _ORG_HEADS):
        return _org_anaphor(entities, sent, pos)
    if not pool and np.definite and not org_classes:
        return _anaphor(entities, np, sent, pos)  # also "the executive" for "the officer"
    if len(pool) <= 1:
        return Binding(pool[0] if pool else None)
    return _most_recent(entities, pool, pos)


def _anaphor(entities: ArticleEntities, np: NP, sent: int, pos: int) -> Binding:
    """``the Frenchman``, ``the 34-year-old``, ``the veteran``: a definite description no
    role class knows and nobody was given refers back to the most salient person, as a
    pronoun does (and as unsurely: nobody when a rival comes close)."""
    ranked = rank(entities, np.gender, sent, pos)
    if not ranked:
        return Binding()
    candidates = [e for _w, e in ranked[:3]]
    subject = _last_subject(entities, sent)
    fits = subject is not None and (
        (np.gender is None or subject.gender in (None, np.gender) or subject.gender_weak)
        and (not np.classes or not subject.classes or bool(np.classes & subject.classes))
    )  # "the minister" is not the mayor named before
    if subject is not None and fits and not _newcomer(entities, sent):
        return Binding(subject, candidates, certain=False)  # "Ingvaldsen … the Norwegian"
    top = ranked[0][1]
    if np.classes and top.classes and not np.classes & top.classes:
        return Binding(None, candidates, certain=False)
    if (
        (len(ranked) > 1 and ranked[1][0] >= scores.RIVAL_SHARE * ranked[0][0])
        or (len(ranked) > 1 and not _on_stage(entities, top, sent, pos))
        or _newcomer(entities, sent)
    ):
        return Binding(None, candidates, certain=False)
    return Binding(top, candidates, certain=False)


_ORG_HEADS = (
    ORG_WORDS
    | OUTLET_WORDS
    | words(
        "campaign firm newspaper paper outlet publication station network channel magazine "
        "organization organisation group team club charity"
    )
)


def _org_anaphor(entities: ArticleEntities, sent: int, pos: int) -> Binding:
    """``the company said``, ``the newspaper wrote``: the organisation named last (within a
    few sentences), unless two share that sentence."""
    best: dict[int, tuple[int, Entity]] = {}
    for m in entities.mentions:
        if m.ent.kind != "organisation" or m.ent.place:
            continue
        if m.pos < pos and sent - m.sent <= scores.MENTION_REACH:
            old = best.get(id(m.ent))
            if old is None or m.sent > old[0]:
                best[id(m.ent)] = (m.sent, m.ent)
    ranked = sorted(best.values(), key=lambda t: -t[0])
    if not ranked:
        return Binding()
    candidates = [e for _s, e in ranked[:3]]
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return Binding(None, candidates, certain=False)
    return Binding(ranked[0][1], candidates, certain=False)


def _last_subject(entities: ArticleEntities, sent: int) -> Entity | None:
    """The one person who was the subject of the sentence before (or who spoke there)."""
    found = {
        id(m.ent): m.ent
        for events in (entities.mentions, entities.spoke)
        for m in events
        if m.sent == sent - 1
        and (events is entities.spoke or m.weight >= scores.SUBJECT_WEIGHT)
        and m.ent.kind == "person"
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _on_stage(entities: ArticleEntities, ent: Entity, sent: int, pos: int) -> bool:
    """Whether ``ent`` was the subject (or a speaker) in this sentence or the one before."""
    for events in (entities.mentions, entities.spoke):
        for m in events:
            subject = events is entities.spoke or m.weight >= scores.SUBJECT_WEIGHT
            if m.ent is ent and sent - 1 <= m.sent <= sent and m.pos < pos and subject:
                return True
    return False


_NEWCOMER_RE = re.compile(r"(?:But|And|Yet|However,|Meanwhile,)?\s*(?:A|An|One|Another)\s+[a-z]")


def _newcomer(entities: ArticleEntities, sent: int) -> bool:
    """Whether the sentence before brought on someone unnamed (``But a source close to the
    star painted …``): a later description refers to them, not to anyone named."""
    if sent < 1 or sent > len(entities.sentences):
        return False
    lo, hi = entities.sentences[sent - 1]
    return _NEWCOMER_RE.match(entities.text, lo, hi) is not None


def _last_word(name: str) -> str:
    words = fold_name(name).split()
    return words[-1] if words else ""


def _fits(np: NP, pool: list[Entity]) -> list[Entity]:
    """Those of ``pool`` whose gender and nationality do not contradict the phrase's."""
    if np.gender:
        pool = [e for e in pool if e.gender in (None, np.gender)]
    if np.nations:
        same = [e for e in pool if e.nations & np.nations]
        pool = same or [e for e in pool if not e.nations]
    return pool


def _all(entities: ArticleEntities) -> list[Entity]:
    return [*entities.persons.values(), *entities.orgs.values()]


def _most_recent(entities: ArticleEntities, pool: list[Entity], pos: int) -> Binding:
    """The candidate mentioned last before ``pos``; nobody when two share that sentence."""
    last = entities.last_sentences(pool, pos)
    ranked = sorted(pool, key=lambda e: -last.get(id(e), -1))
    if len(ranked) > 1 and last.get(id(ranked[0]), -1) == last.get(id(ranked[1]), -2):
        return Binding(None, ranked[:3], certain=False)
    return Binding(ranked[0], ranked[:3], certain=False)
