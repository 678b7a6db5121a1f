"""Noun phrases that name speakers: people, organisations, role phrases, pronouns.

``np_before``/``np_after`` find the noun phrase ending or starting at a token;
``classify`` tells what it is: a person's name behind its titles (``German Chancellor
Heinz Adler`` is Heinz Adler, role "German Chancellor"), an organisation (``the Finance
Ministry``), a role phrase to bind later (``the Norwegian top diplomat``), a pronoun, a
generic group (``officials``) or a news outlet (``The Daily Herald``).

A :class:`Registry` keeps who is who in one article: ``scan_names`` registers every full
name with its titles and appositions (``Berg, the EU’s top diplomat,``), so that a lone
surname joins its full name, a role phrase binds to the one person whose role fits it
(by role class and nationality), and a pronoun goes to the most salient person of its
gender (or to nobody when two compete).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from .lexicon import (
    DETERMINERS,
    FIRST_NAMES,
    GENERIC,
    NAME_PARTICLES,
    NATIONS,
    ORG_NAMES,
    ORG_WORDS,
    OUTLET_WORDS,
    OUTLETS,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_PHRASES,
    ROLE_WORDS,
    STOP_CAPS,
    TITLES,
    Gender,
    words,
)
from .model import SpeakerKind
from .speakers import fold_name

if TYPE_CHECKING:
    from .quotemarks import Sentence

NPKind = Literal["person", "organisation", "role", "pronoun", "generic", "outlet", "place"]

TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|\w+(?:[’'\-]\w+)*(?:\.(?i:com|net|org|az|ru|ua|uk|de|fr|io|info|news|tv|am|ge|kz|by|pl|eu)\b)?"
    r"|[^\w\s]"
)
_ABBREVS = words("mr mrs ms dr prof sen rep gov gen col lt capt maj adm sgt cmdr rev hon st")
_HONORIFICS = frozenset(t for t, g in TITLES.items() if g) | _ABBREVS | {"."}
_DOMAIN_RE = re.compile(r"\w\.[a-z]{2,4}$", re.IGNORECASE)
_ROLE_SPLIT = ("of", "for", "at", "to")
_ARTICLES = frozenset({"the", "a", "an"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "some"})
_FEMALE_ROLES = words(
    "spokeswoman chairwoman congresswoman queen princess duchess countess businesswoman "
    "assemblywoman councilwoman sheikha empress"
)
_MALE_ROLES = words(
    "spokesman chairman congressman king prince duke count businessman assemblyman "
    "councilman sheikh emperor"
)
_NP_WORDS = ROLE_WORDS | ROLE_MODIFIERS | GENERIC | frozenset(w for w in ORG_WORDS if " " not in w)
_MULTI_NATIONS = frozenset(k for k in NATIONS if " " in k)
_MULTI_ROLES = frozenset(k for k in ROLE_PHRASES if " " in k)
_MULTI_ORGS = frozenset(k for k in ORG_WORDS | ORG_NAMES if " " in k)


def _ngrams(words: list[str], table: frozenset[str], longest: int = 5) -> list[str]:
    """Phrases of ``table`` (two words or more) found in ``words``, longest first."""
    found = []
    n = len(words)
    for size in range(min(longest, n), 1, -1):
        for i in range(n - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in table:
                found.append(phrase)
    return found


class Tokens:
    """The word and punctuation tokens of ``text[lo:hi]``."""

    __slots__ = ("ends", "starts", "text", "words")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        found = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, lo, hi)]
        self.starts: list[int] = [t[0] for t in found]
        self.ends: list[int] = [t[1] for t in found]
        self.words: list[str] = [t[2] for t in found]

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        from bisect import bisect_left

        return bisect_left(self.starts, pos)


def base(word: str) -> str:
    """``word`` without a possessive ``’s``."""
    if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
        return word[:-2]
    return word


def is_cap(word: str) -> bool:
    return word[:1].isupper()


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
    if not _np_word(w) or w.lower() in _ARTICLES:
        return None
    start = k
    saw_split = False
    k -= 1
    while k >= lo:
        w = words[k]
        lw = w.lower()
        if lw in _ARTICLES or lw in ("his", "her", "its", "their"):
            if k - 1 >= lo and words[k - 1].lower() in _ROLE_SPLIT and k - 2 >= lo:
                start = k
                k -= 1
                continue
            start = k
            break
        if lw in _ROLE_SPLIT:
            if k - 1 >= lo and _np_word(words[k - 1]) and words[k - 1].lower() not in _ARTICLES:
                saw_split = True
                k -= 1
                continue
            break
        if lw in NAME_PARTICLES and k - 1 >= lo and is_cap(words[k - 1]) and is_cap(words[k + 1]):
            k -= 1
            continue
        if w == "." and k - 1 >= lo and words[k - 1].lower() in _ABBREVS and is_cap(words[k + 1]):
            k -= 1
            continue
        if lw == "and" and k - 1 >= lo and is_cap(words[k - 1]) and is_cap(words[k + 1]):
            k -= 1
            continue
        if _np_word(w) and lw not in PRONOUNS:
            start = k
            k -= 1
            continue
        if w != base(w) and w.islower() and k > lo and words[k - 1].lower() in _ARTICLES:
            start = k  # a possessive: "the bloc’s chief diplomat"
            k -= 1
            continue
        break
    # never start on a connective; an "and" outside an of-complement splits two names
    while start < i and words[start].lower() in (*_ROLE_SPLIT, "and"):
        start += 1
    if not saw_split:
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
        if _np_word(w) and lw not in PRONOUNS and lw not in _ARTICLES:
            k += 1
            end = k
            continue
        if lw in _ROLE_SPLIT and end is not None and k + 1 < hi:
            nxt = words[k + 1].lower()
            if nxt in _ARTICLES or _np_word(words[k + 1]):
                saw_split = True
                k += 2 if nxt in _ARTICLES else 1
                continue
        if w != base(w) and w.islower() and k + 1 < hi and _np_word(words[k + 1]):
            k += 1  # a possessive: "the bloc’s chief diplomat"
            continue
        if saw_split and w.isalpha() and w.islower() and w not in _ROLE_SPLIT:
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
        if w == "." and end == k and words[k - 1].lower() in _ABBREVS and k + 1 < hi:
            if is_cap(words[k + 1]):
                k += 1
                continue
            break
        if lw == "and" and saw_split and end is not None and k + 1 < hi and is_cap(words[k + 1]):
            k += 1
            continue
        break
    return end


@dataclass(slots=True)
class NP:
    """What a noun phrase refers to."""

    kind: NPKind | None
    start: int  # char span of the whole phrase
    end: int
    name: str | None = None  # person or organisation name, as written
    name_span: tuple[int, int] | None = None
    role: str | None = None  # "US President", "press secretary of the Russian leader"
    nations: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    gender: Gender | None = None
    definite: bool = True
    text: str = ""  # the phrase as written


def nations_of(words: list[str]) -> frozenset[str]:
    """Country keys named in ``words`` ("Russian", "U.S.", "Finland’s", "United States")."""
    keys = {NATIONS[base(w).lower()] for w in words if base(w).lower() in NATIONS}
    if len(words) > 1:
        keys.update(NATIONS[p] for p in _ngrams([base(w).lower() for w in words], _MULTI_NATIONS))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def role_classes(role: str) -> frozenset[str]:
    """Role classes of a role phrase ("the Russian top diplomat" -> {"diplomat"})."""
    words = [base(w).lower() for w in TOKEN_RE.findall(role)]
    low = " " + " ".join(words) + " "
    classes: set[str] = set()
    for phrase in _ngrams(words, _MULTI_ROLES):
        classes |= ROLE_PHRASES[phrase]
        low = low.replace(" " + phrase + " ", " ")
    head = low.split(" of ")[0].split(" for ")[0]
    for w in head.split():
        classes |= ROLE_PHRASES.get(w, frozenset())
    return frozenset(classes)


def _is_acronym(word: str) -> bool:
    """``EU``, ``NATO`` (titles before a name), but not ``J.D.`` or ``KAJA``-like names."""
    return word.isupper() and "." not in word and len(word) > 1 and word.lower() not in FIRST_NAMES


def _name_words_start(words: list[str]) -> int:
    """Index in ``words`` (a run of capitalised words) where the name proper begins."""
    n = 0
    while n < len(words):
        lw = base(words[n]).lower()
        if lw in FIRST_NAMES and n + 1 < len(words) and words[n + 1] == base(words[n + 1]):
            break  # "Sofia Marin", "Jordan Peterson": a first name, not a place
        if (
            lw in TITLES
            or lw in NATIONS
            or lw in ROLE_WORDS
            or lw in ORG_NAMES
            or lw in ORG_WORDS
            or lw in STOP_CAPS
            or _is_acronym(words[n])
            or words[n] != base(words[n])
        ):
            n += 1
            continue
        break
    return n


def gender_of(name: str, titles: list[str] | None = None) -> Gender | None:
    """Gender from an honorific, a first name, or a Slavic surname ending."""
    for t in titles or ():
        g = TITLES.get(t.lower().rstrip("."))
        if g:
            return g
        if t.lower() in _FEMALE_ROLES:
            return "f"
        if t.lower() in _MALE_ROLES:
            return "m"
    parts = name.split()
    if not parts:
        return None
    if len(parts) > 1:
        g = FIRST_NAMES.get(parts[0].lower())
        if g:
            return g
    last = parts[-1].lower()
    if last.endswith(("ova", "eva", "ska", "skaya", "tskaya", "ina", "ayte", "aite", "ienė")):
        if last.endswith("ina") and len(parts) == 1:
            return None
        return "f"
    if last.endswith(("ov", "ev", "sky", "ski", "skiy", "skyi", "skyy", "vich")):
        return "m"
    return None


def _is_outlet(words: list[str]) -> bool:
    if not words:
        return False
    text = " ".join(base(w) for w in words).lower()
    if text in OUTLETS or any(_DOMAIN_RE.search(w) and "." in w for w in words):
        return True
    last = base(words[-1])
    return is_cap(last) and last.lower() in OUTLET_WORDS and all(is_cap(w) for w in words)


def _is_org(words: list[str]) -> bool:
    """Whether a phrase names an organisation ("Foreign Ministry", "NATO", "White House")."""
    text = " ".join(base(w) for w in words).lower()
    if text in ORG_NAMES:
        return True
    last = base(words[-1]).lower()
    if last in ORG_WORDS or last in ORG_NAMES:
        return True
    parts = text.split()
    return any(" ".join(parts[-n:]) in _MULTI_ORGS for n in range(2, min(4, len(parts)) + 1))


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a sequence of words is, independent of where it stands."""

    kind: NPKind | None = None
    name: str | None = None
    name_at: tuple[int, int] | None = None  # token range of the name, relative
    role: str | None = None
    nations: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    gender: Gender | None = None
    definite: bool = True


def classify(tok: Tokens, i: int, j: int) -> NP:
    """Classify the noun phrase ``tok[i:j]``."""
    shape = _shape(tuple(tok.words[i:j])) if j > i else _Shape()
    np = NP(shape.kind, tok.starts[i], tok.ends[j - 1] if j > i else tok.starts[i])
    np.text = tok.text[np.start : np.end]
    np.name, np.role, np.nations = shape.name, shape.role, shape.nations
    np.classes, np.gender, np.definite = shape.classes, shape.gender, shape.definite
    if shape.name_at is not None:
        a, b = shape.name_at
        np.name_span = (tok.starts[i + a], tok.ends[i + b - 1])
    return np


@lru_cache(maxsize=65536)
def _shape(words: tuple[str, ...]) -> _Shape:
    lw0 = words[0].lower()
    if len(words) == 1 and lw0 in PRONOUNS:
        return _Shape("pronoun", gender=PRONOUNS[lw0])
    offset = 1 if lw0 in DETERMINERS else 0
    definite = lw0 not in _INDEFINITE
    body = list(words[offset:])
    if not body:
        return _Shape(definite=definite)
    head_len = next(
        (n for n, w in enumerate(body) if n > 0 and w.lower() in _ROLE_SPLIT), len(body)
    )
    head = body[:head_len]
    if _is_outlet(body) or _is_outlet(head):
        return _Shape("outlet", " ".join(body), definite=definite)
    nations = nations_of(body)
    # the trailing run of capitalised words is the name, once its titles are stripped
    run = len(body)
    while run > 0 and (
        is_cap(body[run - 1])
        or (body[run - 1].lower() in NAME_PARTICLES and run > 1 and is_cap(body[run - 2]))
    ):
        run -= 1
    cap_words = body[run:]
    name_from = run + _name_words_start(cap_words)
    name_words = body[name_from:]
    lead = body[run - 2 : run] if run > 1 and body[run - 1].lower() in _ARTICLES else body[:run]
    if lead and lead[-1].lower() in _ROLE_SPLIT and len(name_words) < 2:
        name_words = []  # "the mayor of Eastport": a complement, not a name
    last = base(head[-1]).lower()
    if last in GENERIC:
        return _Shape("generic", nations=nations, definite=definite)
    if _is_org(head) or (cap_words and _is_org(cap_words)):
        if not is_cap(body[-1]):  # "the ministry": bound later to a named organisation
            classes = frozenset({"org:" + base(body[-1]).lower()})
            return _Shape("role", None, None, " ".join(body), nations, classes, None, definite)
        whole = _is_org(head) and head_len == len(body)
        n0 = offset + (0 if whole else run)
        name = " ".join(body if whole else cap_words)
        return _Shape("organisation", name, (n0, len(words)), None, nations, definite=definite)
    if name_words and len(name_words) <= 5 and not any(w.isdigit() for w in name_words):
        at = (offset + name_from, len(words))
        if len(name_words) == 1 and name_words[0].lower() in NATIONS:
            return _Shape("place", name_words[0], at, nations=nations, definite=definite)
        titles = body[:name_from]
        role_words = [w for w in titles if w.lower() not in _HONORIFICS]
        role = " ".join(role_words) if role_words else None
        classes = role_classes(role) if role else frozenset()
        name = " ".join(name_words)
        gender = gender_of(name, [base(w) for w in titles])
        return _Shape("person", name, at, role, nations, classes, gender, definite)
    if not definite and last in ROLE_WORDS:  # "a spokesman for the utility": nobody named
        role = " ".join(body)
        return _Shape("generic", None, None, role, nations, role_classes(role), None, definite)
    if len(body) == 1 and base(body[0]).lower() in NATIONS:
        at = (offset, offset + 1)
        return _Shape("place", base(body[0]), at, nations=nations, definite=definite)
    classes = role_classes(" ".join(body))
    if classes or last in ROLE_WORDS or last in TITLES:
        gender = gender_of("", [base(w) for w in head])
        return _Shape("role", None, None, " ".join(body), nations, classes, gender, definite)
    return _Shape(nations=nations, definite=definite)


# ---------------------------------------------------------------- who is who in an article


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


class Registry:
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
        scores: dict[int, tuple[float, Entity]] = {}
        for events, weight, reach in ((self.mentions, 1.0, 3), (self.spoke, 3.0, 4)):
            for s, p, ent in events:
                if p >= pos or sent - s > reach or ent.kind != "person":
                    continue
                if ent.gender not in (None, gender):
                    continue
                w = weight * 0.5 ** (sent - s) * (1.0 if ent.gender == gender else 0.5)
                old = scores.get(id(ent), (0.0, ent))
                scores[id(ent)] = (old[0] + w, ent)
        ranked = sorted(scores.values(), key=lambda t: -t[0])
        if not ranked or (len(ranked) > 1 and ranked[1][0] >= 0.6 * ranked[0][0]):
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


def scan_names(sentences: list[Sentence], reg: Registry) -> None:
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
                reg.full_person(np.name)
        found.append((s, nps))
    by_last = reg.by_last
    for s in rest:
        caps = _CAP_WORD_RE.findall(s.text, s.start, s.end)
        if any(fold_name(w) in by_last for w in caps):
            found.append((s, [(i, j, None) for i, j in _noun_phrases(s)]))
    found.sort(key=lambda t: t[0].idx)
    for s, nps in found:
        tok = s.tok
        for i, j, np in nps:
            if np is None:
                if fold_name(tok.words[i]) not in reg.by_last:
                    continue  # a lone capitalised word: a name only once it is a subject
                np = classify(tok, i, j)
            if np.kind not in ("person", "organisation"):
                continue
            ent = reg.entity(np, np.start)
            if ent is None:
                continue
            reg.mention(s.idx, np.start, ent)
            if np.kind == "person":
                _appositions(s, reg, i, j, ent)


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


def _appositions(s: Sentence, reg: Registry, i: int, j: int, ent: Entity) -> None:
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


def strip_det(text: str) -> str:
    """``text`` without a leading article ("the spokesman" -> "spokesman")."""
    head, _, rest = text.partition(" ")
    return rest if rest and head.lower() in _ARTICLES else text
