"""Whom a pronoun refers to: the most salient compatible person before it.

Salience adds up the person's recent mentions, each weighted by its grammatical standing (the
subject of a sentence or of a report counts more than an object or a possessive, having spoken
counts most, being named inside what someone said counts little) and decays with every
sentence back; a person whose gender is unknown counts half
until the article's own pronouns tell it (:func:`.names.follow_pronouns`). When a rival comes
close to the leader, the subject in focus breaks the tie (the one person who is the subject
of the pronoun's sentence, or else of the sentence before: ``Roe, 33, spoke about why she
backs Berg. “…,” she said``), chosen unsurely; with no such subject nobody is chosen:
:class:`Resolution` then lists the candidates, so the quote stays honestly unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import scores
from .entities import ArticleEntities, Entity, Mentioned
from .lexicon import Gender


@dataclass
class Resolution:
    """A pronoun's antecedent (or None) and the people it was chosen among, best first."""

    entity: Entity | None = None
    candidates: Sequence[Entity] = ()
    margin: float = 0.0  # the runner-up's share of the leader's salience (0: no rival)


def rank(
    entities: ArticleEntities, gender: Gender | None, sent: int, pos: int
) -> list[tuple[float, Entity]]:
    """People before ``pos`` compatible with ``gender``, most salient first."""
    salience: dict[int, tuple[float, Entity]] = {}
    for events, weight, reach in (
        (entities.mentions, scores.MENTION_WEIGHT, scores.MENTION_REACH),
        (entities.spoke, scores.SPOKE_WEIGHT, scores.SPOKE_REACH),
    ):
        oldest = sent - reach  # mentions in sentences before it are out of reach
        for m in events:
            if m.pos >= pos or m.sent < oldest:
                continue
            ent = m.ent
            if ent.kind != "person":
                continue
            if gender is None or ent.gender == gender:
                known = 1.0
            elif ent.gender is None:
                known = scores.UNKNOWN_GENDER
            elif ent.gender_weak:
                known = scores.OTHER_GENDER  # "Terry" is usually a man's name
            else:
                continue
            w = weight * m.weight * scores.DECAY ** (sent - m.sent) * known
            if entities.reported and _within(entities.reported, m.pos):
                w *= scores.REPORTED_SHARE  # named inside what someone said: not on stage
            old = salience.get(id(ent), (0.0, ent))
            salience[id(ent)] = (old[0] + w, ent)
    return sorted(salience.values(), key=lambda t: -t[0])


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def pronoun(entities: ArticleEntities, gender: Gender | None, sent: int, pos: int) -> Resolution:
    """The most salient earlier person of that gender; when a rival comes close, the
    subject in focus if it is one of the two, else nobody."""
    if gender is None:
        return Resolution()
    ranked = rank(entities, gender, sent, pos)
    speaker = last_attribution(entities, gender, sent, pos)
    if speaker is not None:  # the subject of the last attribution, if it can be
        if speaker.gender is None:
            speaker.gender = gender
        return Resolution(speaker, [e for _w, e in ranked[:3]], 0.0)
    if not ranked:
        return Resolution()
    candidates = [e for _w, e in ranked[:3]]
    margin = ranked[1][0] / ranked[0][0] if len(ranked) > 1 else 0.0
    if margin >= scores.RIVAL_SHARE:
        focus = subject_in_focus(entities, sent, pos)
        if focus is None or focus not in candidates[:2]:
            return Resolution(None, candidates, margin)
        return Resolution(focus, candidates, margin)  # chosen unsurely: no gender learned
    ent = ranked[0][1]
    if ent.gender is None or (ent.gender_weak and ent.gender != gender):
        ent.gender, ent.gender_weak = gender, False
    return Resolution(ent, candidates, margin)


def subject_in_focus(entities: ArticleEntities, sent: int, pos: int) -> Entity | None:
    """The one person who is the subject of this sentence before ``pos``, else of the
    sentence before (``Roe spoke first. “…,” she said``): nobody when that sentence has two
    (``Roe and Berg met``) or opens with someone else (a group, an organisation)."""
    for back in (sent, sent - 1):
        subjects = [
            m
            for m in entities.mentions
            if m.sent == back and m.pos < pos and m.weight >= scores.SUBJECT_WEIGHT
        ]
        if subjects:
            return _one_subject(subjects)
    return None


def sentence_subject(entities: ArticleEntities, sent: int) -> Entity | None:
    """The one person who is the subject of sentence ``sent``, if there is one."""
    subjects = [
        m for m in entities.mentions if m.sent == sent and m.weight >= scores.SUBJECT_WEIGHT
    ]
    return _one_subject(subjects) if subjects else None


def _one_subject(subjects: list[Mentioned]) -> Entity | None:
    """The first of a sentence's subjects, if it is a person and the only one."""
    first = min(subjects, key=lambda m: m.pos)
    people = {id(m.ent) for m in subjects}
    return first.ent if first.ent.kind == "person" and len(people) == 1 else None


def last_attribution(
    entities: ArticleEntities, gender: Gender | None, sent: int, pos: int
) -> Entity | None:
    """The one person who spoke earlier in this sentence, else in the one before, if a
    pronoun of ``gender`` can refer to them (``Roe said the plan failed. “…,” she said``)
    and, for the one before, nobody else of that gender is this sentence's subject before
    the pronoun (``Berg disagreed, and he said``: Berg's, left to salience)."""
    for back in (sent, sent - 1):
        found = {
            id(m.ent): m.ent
            for m in entities.spoke
            if m.sent == back and m.pos < pos and m.ent.kind == "person"
        }
        if found:
            if len(found) > 1:
                return None
            ent = next(iter(found.values()))
            fits = gender is None or ent.gender in (None, gender) or ent.gender_weak
            if back < sent and _other_subject(entities, ent, gender, sent, pos):
                return None  # "“…,” Roe said. ¶ Berg then left, saying he …": Berg's stage
            return ent if fits else None
    return None


def _other_subject(
    entities: ArticleEntities, ent: Entity, gender: Gender | None, sent: int, pos: int
) -> bool:
    """Whether someone other than ``ent`` who may be ``gender`` is a subject of sentence
    ``sent`` before ``pos``."""
    return any(
        m.sent == sent
        and m.pos < pos
        and m.weight >= scores.SUBJECT_WEIGHT
        and m.ent is not ent
        and m.ent.kind == "person"
        and (gender is None or m.ent.gender in (None, gender) or m.ent.gender_weak)
        for m in entities.mentions
    )


def last_org(entities: ArticleEntities, sent: int) -> Entity | None:
    """The organisation that spoke in the previous sentence or this one ("It added")."""
    for m in reversed(entities.spoke):
        if sent - m.sent > 1:
            return None
        if m.ent.kind == "organisation":
            return m.ent
    return None


def last_speaker(entities: ArticleEntities, sent: int, reach: int = 2) -> Entity | None:
    """Whoever spoke last, if within ``reach`` sentences."""
    for m in reversed(entities.spoke):
        if sent - m.sent <= reach:
            return m.ent
        break
    return None


def last_person(entities: ArticleEntities, sent: int, reach: int = 2) -> Entity | None:
    """The person named last in the ``reach`` sentences before ``sent``."""
    best = None
    for m in entities.mentions:
        later = best is None or (m.sent, m.pos) > (best.sent, best.pos)
        if sent - reach <= m.sent < sent and m.ent.kind == "person" and later:
            best = m
    return best.ent if best is not None else None
