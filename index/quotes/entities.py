"""Who is who in one article: its people and organisations, and where each is mentioned.

:class:`ArticleEntities` is filled by :func:`.names.scan_names` before any quote is
attributed (every full name with its titles and appositions, so that a lone surname joins
its full name) and grows while the sieves run (who spoke, whom a pronoun or a role named).
What refers to whom is decided in :mod:`.roles` (role phrases) and :mod:`.salience`
(pronouns). Corpus-wide speakers are :mod:`newsbrowse.index.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..model import SpeakerKind
from ..speakers import fold_name
from .lexicon import Gender
from .phrases import NP, head_noun, strip_det


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """A person's name as folded words, one per written word: a hyphenated surname stays
    one word ("Ruth Vell-Amory" → ("ruth", "vell-amory"))."""
    return tuple(f.replace(" ", "-") for f in map(fold_name, name.split()) if f)


_PLACE_WORDS = (" in ", " from ", " near ", " across ", " throughout ", " outside ")
_LIST_WORDS = (" and ", " or ")


def _after_place_word(text: str, word: str) -> bool:
    """Whether ``text`` has ``in Word`` (``from``, ``near`` …), not as ``in Word’s``.

    One scan for ``word`` itself, each occurrence checked for a place word right before it
    (rather than a scan of the whole text for each place word)."""
    if not _starts_capitalised(word):
        return _after_place_word_scan(text, word)
    listed = []  # where the word follows "and" or "or"
    n = len(word)
    at = text.find(word)
    while at >= 0:
        if text.endswith(_PLACE_WORDS, 0, at) and _word_ends(text, at + n):
            return True
        elif text.endswith(_LIST_WORDS, 0, at):
            listed.append(at)
        at = text.find(word, at + 1)
    # _listed_place's pattern, without compiling one for each word: a list of places ends
    # right before one of these occurrences, and the word ends there as the pattern says
    return any(
        _WORD_END_RE.match(text, at + n) is not None and _LISTED_RE.search(text, 0, at) is not None
        for at in listed
    )


def _word_ends(text: str, end: int) -> bool:
    """Whether a word ends at ``end``: no letter or digit follows, nor a possessive ``’s``."""
    nxt = text[end : end + 2]
    return not (nxt[:1].isalnum() or nxt in ("’s", "'s"))


def _starts_capitalised(word: str) -> bool:
    """Whether every space-separated part of ``word`` starts with a capital letter. Then no
    ``in Word`` can overlap another (``in`` is lower-case), so finding every occurrence of
    the word finds what a scan for each ``in Word`` finds."""
    return all(part[:1].isupper() for part in word.split(" "))


def _after_place_word_scan(text: str, word: str) -> bool:
    """:func:`_after_place_word` by a scan for each place word, for any ``word``."""
    for prep in _PLACE_WORDS:
        needle = prep + word
        at = text.find(needle)
        while at >= 0:
            end = at + len(needle)
            if _word_ends(text, end):
                return True
            at = text.find(needle, end)
    if text.find(" and " + word) < 0 and text.find(" or " + word) < 0:
        return False
    return _listed_place(text, word)


def _listed_place(text: str, word: str) -> bool:
    """The second of two places: "in Asia and South America", "from Oslo, Bergen or Molde"."""
    listed = rf"(?:{_PLACE_RE_WORDS}) {_CAPS}(?:, {_CAPS})* (?:and|or) {re.escape(word)}\b(?![’'])"
    return re.search(listed, text) is not None


_PLACE_RE_WORDS = "|".join(p.strip() for p in _PLACE_WORDS)
_CAPS = r"[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}"
# _listed_place's pattern cut before the word: searched up to where the word starts (\Z)
_LISTED_RE = re.compile(rf"(?:{_PLACE_RE_WORDS}) {_CAPS}(?:, {_CAPS})* (?:and|or) \Z")
_WORD_END_RE = re.compile(r"\b(?![’'])")


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
    gender_weak: bool = False  # only a first name's usual gender: the text may say otherwise
    last_pos: int = -1
    first_pos: int = -1

    heads: set[str] = field(default_factory=set)  # head nouns of its roles: "treasurer"
    place: bool = False  # named as a place ("in Calvera"): never "the company" or a person

    def add_role(self, np: NP, text: str) -> None:
        role = strip_det(text.strip())
        if role:
            self.roles.setdefault(role, None)
            head = head_noun(role)
            if head:
                self.heads.add(head)
        self.classes |= np.classes
        self.nations |= np.nations
        if self.kind == "person" and "org:" + (head_noun(text) or "") in np.classes:
            self.kind = "organisation"  # "Skelby Line, the ferry company,"
        self.learn_gender(np)

    def learn_gender(self, np: NP) -> None:
        """Take the phrase's gender unless a surer one is known."""
        if np.gender and (not self.gender or (self.gender_weak and not np.weak_gender)):
            self.gender, self.gender_weak = np.gender, np.weak_gender


class Mentioned(NamedTuple):
    """One mention of an entity: sentence index, position in the text, and weight."""

    sent: int
    pos: int
    ent: Entity
    weight: float = 1.0
    sure: bool = True  # False: a surname two full names share, joined to the likelier


class ArticleEntities:
    """People and organisations of one article, and what refers to them."""

    def __init__(self) -> None:
        self.persons: dict[str, Entity] = {}  # folded "first last" (or surname) -> entity
        self.by_last: dict[str, list[Entity]] = {}
        self.by_first: dict[str, list[Entity]] = {}
        self.orgs: dict[str, Entity] = {}
        self.text = ""  # the article's text (places are looked up in it)
        self.sentences: list[tuple[int, int]] = []  # each sentence's span, by index
        self._places: dict[str, bool] = {}
        self.mentions: list[Mentioned] = []  # in text order, within each sentence
        self.spoke: list[Mentioned] = []  # who spoke, sentence by sentence
        self.reported: list[tuple[int, int]] = []  # spans of what was reported (indirect)
        self.joint_said: list[tuple[int, Entity, Sequence[Entity]]] = []  # (sentence, …)
        # each entity's mentions as a sparse Fenwick tree over positions: the latest mention
        # (its index in ``mentions``) before a position, in log time (see last_sentences)
        self._latest: dict[int, dict[int, int]] = {}
        self._latest_upto = 0  # the mentions the trees hold

    def last_sentences(self, pool: Sequence[Entity], pos: int) -> dict[int, int]:
        """For each of ``pool`` (by ``id``) mentioned before ``pos``: the sentence of its
        latest such mention, latest as ``mentions`` lists them. A scan of every mention per
        call made a long article's quotes quadratic (a 4.6 MB article: a minute)."""
        mentions, trees = self.mentions, self._latest
        size = len(self.text) + 1
        for k in range(self._latest_upto, len(mentions)):
            tree = trees.setdefault(id(mentions[k].ent), {})
            i = mentions[k].pos + 1
            while i <= size:
                tree[i] = k  # k is the latest mention yet: the maximum
                i += i & -i
        self._latest_upto = len(mentions)
        last: dict[int, int] = {}
        for ent in pool:
            found = trees.get(id(ent))
            if found is None:
                continue
            best, i = -1, min(pos, size)  # the mentions at positions 0 … pos - 1
            while i > 0:
                best = max(best, found.get(i, -1))
                i -= i & -i
            if best >= 0:
                last[id(ent)] = mentions[best].sent
        return last

    def full_person(self, name: str) -> Entity:
        """The entity for a full (two-word or longer) name, created on first sight."""
        folded = name_words(name)
        key = folded[0] + " " + folded[-1]
        ent = self.persons.get(key)
        if ent is None:
            ent = self.persons[key] = Entity(name, "person")
            self.by_last.setdefault(folded[-1], []).append(ent)
            self.by_first.setdefault(folded[0], []).append(ent)
        elif len(name) > len(ent.name):
            ent.name = name
        return ent

    def person(self, name: str, pos: int) -> Entity:
        """The entity a person's name refers to: a surname joins its full name."""
        folded = name_words(name) or (name.lower(),)
        if len(folded) >= 2:
            return self.full_person(name)
        fulls = self.by_last.get(folded[0], [])
        if len(fulls) == 1:
            return fulls[0]
        if fulls:
            return max(fulls, key=lambda e: e.last_pos if e.last_pos < pos else -1)
        firsts = self.by_first.get(folded[0], [])
        if len(firsts) == 1 and folded[0] not in self.persons:
            return firsts[0]  # "I emailed Tobias": the one Tobias named in full
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
        if ent is None:  # "the Courier" after "The Daily Courier": the one it ends
            fuller = [e for k, e in self.orgs.items() if k.endswith(" " + key)]
            if len(fuller) == 1:
                return fuller[0]
        if ent is None:
            ent = self.orgs[key] = Entity(name, "organisation")
            last = key.split()[-1:]
            if last and last[0].isalpha() and len(last[0]) > 2:
                ent.heads.add(last[0])  # "the Dunmore Rail Union" … "the union"
        return ent

    def is_place(self, word: str) -> bool:
        """Whether the article puts ``word`` after ``in``, ``from``, ``near`` … (a place)."""
        found = self._places.get(word)
        if found is None:
            found = self._places[word] = _after_place_word(self.text, word)
        return found

    def shared_surname(self, name: str) -> bool:
        """Whether ``name`` is a lone surname that two full names of the article share."""
        folded = name_words(name)
        return len(folded) == 1 and len(self.by_last.get(folded[0], ())) > 1

    def entity(self, np: NP, pos: int) -> Entity | None:
        """The entity a classified noun phrase names (person, organisation or place)."""
        if np.name is None:
            return None
        if (
            np.kind == "person"
            and not np.role
            and name_words(np.name)[0] not in self.by_last
            and (" " not in np.name or np.gender is None)  # "South America", not "Ann Roe"
            and self.is_place(np.name)
        ):
            np.kind = "place"  # "in Calvera" … "Calvera": a place, never a person
        if np.kind == "person":
            ent = self.person(np.name, pos)
            ent.aliases.setdefault(np.name, None)
            if np.role:
                ent.add_role(np, np.role)
            else:
                ent.learn_gender(np)
            return ent
        if np.kind in ("organisation", "place"):
            ent = self.org(np.name)
            ent.aliases.setdefault(np.name, None)
            ent.place = ent.place or np.kind == "place"
            return ent
        return None

    def mention(
        self, sent: int, pos: int, ent: Entity, weight: float = 1.0, sure: bool = True
    ) -> None:
        """``ent`` is named (or referred to) at ``pos``; ``weight``: how salient that makes
        it (a subject more than an object)."""
        self.mentions.append(Mentioned(sent, pos, ent, weight, sure))
        ent.last_pos = max(ent.last_pos, pos)
        if ent.first_pos < 0 or pos < ent.first_pos:
            ent.first_pos = pos
