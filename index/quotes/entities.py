"""Who is who in one article: its people and organisations, and what refers to them.

:class:`ArticleEntities` is filled by ``scan_names`` before any quote is attributed: every
full name with its titles and appositions (``Berg, the EU’s top diplomat,``), so that a lone
surname joins its full name, a role phrase binds to the one person whose role fits it (by
role class and nationality), and a pronoun goes to the most salient person of its gender (or
to nobody when two compete). Corpus-wide speakers are :mod:`newsbrowse.index.speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import SpeakerKind
from ..speakers import fold_name
from . import scores
from .lexicon import ROLE_MODIFIERS, ROLE_WORDS, Gender
from .marks import Sentence
from .phrases import NP, classify, np_after, np_before, strip_det


@dataclass(eq=False)
class Entity:
    """A person or organisation named in one article."""

    name: str
    kind: SpeakerKind
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    classes: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    gender: Gender | None = None
    last_pos: int = -1

    def add_role(self, np: NP, text: str) -> None:
        role = strip_det(text.strip())
        if role:
            self.roles.setdefault(role, None)
        self.classes |= np.classes
        self.nations |= np.nations
        if np.gender and not self.gender:
            self.gender = np.gender


class ArticleEntities:
    """People and organisations of one article, and what refers to them."""

    def __init__(self) -> None:
        self.persons: dict[str, Entity] = {}  # folded "first last" (or surname) -> entity
        self.by_last: dict[str, list[Entity]] = {}
        self.orgs: dict[str, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []  # (sentence, position, entity)
        self.spoke: list[tuple[int, int, Entity]] = []

    def full_person(self, name: str) -> Entity:
        """The entity for a full (two-word or longer) name, created on first sight."""
        folded = fold_name(name).split()
        key = folded[0] + " " + folded[-1]
        ent = self.persons.get(key)
        if ent is None:
            ent = self.persons[key] = Entity(name, "person")
            self.by_last.setdefault(folded[-1], []).append(ent)
        elif len(name) > len(ent.name):
            ent.name = name
        return ent

    def person(self, name: str, pos: int) -> Entity:
        """The entity a person's name refers to: a surname joins its full name."""
        folded = fold_name(name).split()
        if not folded:
            folded = [name.lower()]
        if len(folded) >= 2:
            return self.full_person(name)
        fulls = self.by_last.get(folded[0], [])
        if len(fulls) == 1:
            return fulls[0]
        if fulls:
            return max(fulls, key=lambda e: e.last_pos if e.last_pos < pos else -1)
        ent = self.persons.get(folded[0])
        if ent is None:
            ent = self.persons[folded[0]] = Entity(name, "person")
        return ent

    def org(self, name: str) -> Entity:
        words = name.split()
        if words and words[0].lower() == "the":
            name = " ".join(words[1:])
        key = fold_name(name)
        ent = self.orgs.get(key)
        if ent is None:
            ent = self.orgs[key] = Entity(name, "organisation")
        return ent

    def entity(self, np: NP, pos: int) -> Entity | None:
        """The entity a classified noun phrase names (person, organisation or place)."""
        if np.name is None:
            return None
        if np.kind == "person":
            ent = self.person(np.name, pos)
            ent.aliases.setdefault(np.name, None)
            if np.role:
                ent.add_role(np, np.role)
            elif np.gender and not ent.gender:
                ent.gender = np.gender
            return ent
        if np.kind in ("organisation", "place"):
            ent = self.org(np.name)
            ent.aliases.setdefault(np.name, None)
            return ent
        return None

    def mention(self, sent: int, pos: int, ent: Entity) -> None:
        self.mentions.append((sent, pos, ent))
        ent.last_pos = max(ent.last_pos, pos)

    def bind_role(self, np: NP) -> Entity | None:
        """The one named entity whose roles fit a role phrase ("the Russian top diplomat")."""
        if not np.classes:
            return None
        org_classes = {c[4:] for c in np.classes if c.startswith("org:")}
        if org_classes:
            hits = [
                e for e in self.orgs.values() if fold_name(e.name).split()[-1:] == [*org_classes]
            ]
            return hits[0] if len(hits) == 1 else None
        pool = [e for e in self.persons.values() if e.classes & np.classes]
        if np.gender:
            pool = [e for e in pool if e.gender in (None, np.gender)]
        if np.nations:
            same = [e for e in pool if e.nations & np.nations]
            pool = same or [e for e in pool if not e.nations]
        return pool[0] if len(pool) == 1 else None

    def pronoun(self, gender: Gender | None, sent: int, pos: int) -> Entity | None:
        """The most salient earlier person of that gender; None when two compete."""
        if gender is None:
            return None
        salience: dict[int, tuple[float, Entity]] = {}
        for events, weight, reach in (
            (self.mentions, scores.MENTION_WEIGHT, scores.MENTION_REACH),
            (self.spoke, scores.SPOKE_WEIGHT, scores.SPOKE_REACH),
        ):
            for s, p, ent in events:
                if p >= pos or sent - s > reach or ent.kind != "person":
                    continue
                if ent.gender not in (None, gender):
                    continue
                known = 1.0 if ent.gender == gender else scores.UNKNOWN_GENDER
                w = weight * scores.DECAY ** (sent - s) * known
                old = salience.get(id(ent), (0.0, ent))
                salience[id(ent)] = (old[0] + w, ent)
        ranked = sorted(salience.values(), key=lambda t: -t[0])
        if not ranked or (len(ranked) > 1 and ranked[1][0] >= scores.RIVAL_SHARE * ranked[0][0]):
            return None
        ent = ranked[0][1]
        if ent.gender is None:
            ent.gender = gender
        return ent

    def last_org(self, sent: int) -> Entity | None:
        """The organisation that spoke in the previous sentence or this one ("It added")."""
        for s, _p, ent in reversed(self.spoke):
            if sent - s > 1:
                return None
            if ent.kind == "organisation":
                return ent
        return None

    def last_speaker(self, sent: int, reach: int = 2) -> Entity | None:
        """Whoever spoke last, if within ``reach`` sentences."""
        for s, _p, ent in reversed(self.spoke):
            if sent - s <= reach:
                return ent
            break
        return None


_MULTI_CAP_RE = re.compile(
    r"[A-Z][\w’'\-]*\.?\s+(?:(?:de|van|von|der|al|bin|da|di|du|la|le|ibn|del)\s+)?[A-Z]"
)

_BEFORE_CAP_RE = re.compile(r"\b([a-z]+)\s+[A-Z]")  # "spokesman Volkov"

_PRE_TITLE_WORDS = ROLE_WORDS | ROLE_MODIFIERS

_CAP_WORD_RE = re.compile(r"\b[A-Z][\w’'\-]+")


def scan_names(sentences: list[Sentence], entities: ArticleEntities) -> None:
    """Register every name, role and apposition of the article (two passes: full names
    first, so a surname seen before its full name still joins it). Sentences with no run
    of capitalised words and no known surname are not even tokenized."""
    found: list[tuple[Sentence, list[tuple[int, int, NP | None]]]] = []
    rest = []
    for s in sentences:
        if _MULTI_CAP_RE.search(s.text, s.start, s.end) is None and _PRE_TITLE_WORDS.isdisjoint(
            _BEFORE_CAP_RE.findall(s.text, s.start, s.end)
        ):
            rest.append(s)
            continue
        tok = s.tok
        nps: list[tuple[int, int, NP | None]] = []
        for i, j in _noun_phrases(s):
            np = classify(tok, i, j) if j - i > 1 else None
            nps.append((i, j, np))
            if np is not None and np.kind == "person" and np.name and " " in np.name:
                entities.full_person(np.name)
        found.append((s, nps))
    by_last = entities.by_last
    for s in rest:
        caps = _CAP_WORD_RE.findall(s.text, s.start, s.end)
        if any(fold_name(w) in by_last for w in caps):
            found.append((s, [(i, j, None) for i, j in _noun_phrases(s)]))
    found.sort(key=lambda t: t[0].idx)
    for s, nps in found:
        tok = s.tok
        for i, j, np in nps:
            if np is None:
                if fold_name(tok.words[i]) not in entities.by_last:
                    continue  # a lone capitalised word: a name only once it is a subject
                np = classify(tok, i, j)
            if np.kind not in ("person", "organisation"):
                continue
            ent = entities.entity(np, np.start)
            if ent is None:
                continue
            entities.mention(s.idx, np.start, ent)
            if np.kind == "person":
                _appositions(s, i, j, ent)


def _noun_phrases(s: Sentence) -> list[tuple[int, int]]:
    """Token ranges of noun phrases that start with a capitalised word."""
    out = []
    tok = s.tok
    inside = s.inside
    after = 0
    for k in [k for k, w in enumerate(tok.words) if w[:1].isupper()]:
        if k < after or inside[k]:
            continue
        e = np_after(tok, k)
        if e:
            out.append((k, e))
            after = e
    return out


def _appositions(s: Sentence, i: int, j: int, ent: Entity) -> None:
    """``Name, the role,`` or ``the role, Name,``: the role belongs to the name."""
    tok = s.tok
    words = tok.words
    if j + 1 < len(words) and words[j] == ",":
        e = np_after(tok, j + 1)
        if e is not None and (e >= len(words) or words[e] in _APPOSITION_END):
            np = classify(tok, j + 1, e)
            if np.kind == "role" or (np.kind == "generic" and np.role):
                ent.add_role(np, np.text)
                ent.aliases.setdefault(strip_det(np.text), None)
    if i >= 2 and words[i - 1] == "," and (j >= len(words) or words[j] in _APPOSITION_END):
        b = np_before(tok, i - 1)
        if b is not None:
            np = classify(tok, b, i - 1)
            if np.kind == "role" and np.definite:
                ent.add_role(np, np.text)
                ent.aliases.setdefault(strip_det(np.text), None)


_APPOSITION_END = frozenset(",.;()—–")
