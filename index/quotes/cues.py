"""Reporting cues: the :class:`Report` record the later stages fill, and the word sets
they share.

A report is one cue (``said``, ``told``, ``according to``) with its subject (who) and its
content (what); :mod:`.reports` finds them, :mod:`.content` measures what they report, and
:mod:`.sieves` decides which quote each one attributes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Span
from .entities import Entity
from .lexicon import (
    ADVERBS,
    AUXILIARIES,
    BELIEF_VERBS,
    PARTIAL_VERBS,
    SAY_VERBS,
    WEEKDAYS,
    words,
)
from .phrases import NP

# Word sets shared by reports and content: a cue's adjuncts ("on Monday", "told reporters")
# are skipped on the way to its subject or its content.
TIME_WORDS = WEEKDAYS | frozenset(["today", "yesterday", "tonight", "earlier", "later"])
PREPOSITIONS = words(
    "of for to in on at by with from into about over under after before during against "
    "between among through without within via"
)
PUNCT = frozenset(",.;:!?—–-()[]“”\"«»‘’'„")
OBJECTS = frozenset(["me", "him", "her", "us", "them", "reporters", "journalists"])

CueClass = Literal["say", "belief", "partial", "according"]

# How a report's subject resolved: to a name (or a role bound to one), to a pronoun's
# antecedent, to a group or an outlet, to nobody ("unbound"), or no subject at all.
Status = Literal["named", "pronoun", "generic", "outlet", "document", "unbound", "none"]


@dataclass(eq=False)
class Report:
    """One reporting cue: who (subject), how (cue) and what (content)."""

    k: int
    cue: str
    cue_start: int
    cue_end: int
    lemma: str
    cls: CueClass
    subject: NP | None = None
    entity: Entity | None = None
    status: Status = "none"
    mention: Span | None = None
    attr_start: int = 0  # the attribution clause: subject and cue (and a told-object)
    attr_end: int = 0
    content: Span | None = None
    content_k: tuple[int, int] | None = None  # token range of the content
    before: bool = False  # content precedes the cue ("..., Berg said.")
    that: bool = False
    emits: bool = True  # may be an indirect quote
    candidates: Sequence[Entity] = ()  # whom the subject may name
    certain: bool = True  # the subject names its entity without a choice among several
    role: str | None = None  # the role the subject gives ("the party’s treasurer")
    joint: Sequence[Entity] = ()  # "Roe and Berg said": both


CUE_WORDS = frozenset({*SAY_VERBS, *BELIEF_VERBS, *PARTIAL_VERBS, "according", "According"})
# Lower-case words (and "According"): no leading \b, so the regex engine skips ahead by the
# first letter; a maximal run of lower-case letters is a word (or a word's tail).
LOWER_RE = re.compile(r"[a-z]+|According")


def word_pattern(words: Iterable[str]) -> str:
    """A regex for exactly ``words`` written as a trie (``s(?:a(?:id|y(?:ing|s)?))``): the
    engine reads each letter of a word once, not every word of the set in turn."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        alts = [re.escape(c) + pattern(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return pattern(trie)


_LOWER_CUES = word_pattern(w for w in CUE_WORDS if re.fullmatch("[a-z]+", w))
# A lower-case cue word that is a whole run of lower-case letters, or "According": the
# character before it is matched as such, so the engine jumps from one non-letter to the
# next (a search that first tried a look-behind at every character costs more).
_CUE_AFTER_RE = re.compile(r"[^a-z](?:(?:" + _LOWER_CUES + r")(?![a-z])|(?<=A)ccording)")
_CUE_AT_RE = re.compile(r"(?:" + _LOWER_CUES + r")(?![a-z])")


def has_cue_word(text: str, start: int, end: int) -> bool:
    """Whether a word of ``LOWER_RE.findall(text, start, end)`` is a cue word: a maximal
    run of lower-case letters in the range that is one, or "According" anywhere in it."""
    return (
        _CUE_AT_RE.match(text, start, end) is not None  # a run the range starts with
        or _CUE_AFTER_RE.search(text, start, end) is not None
    )


# Each verb form's lemma and class, in one table: a say verb's class wins over a belief
# verb's, and that over a partial verb's (the later entries overwrite the earlier).
_CUE_CLASSES: dict[str, tuple[str, CueClass]] = {
    **{w: (lemma, "partial") for w, lemma in PARTIAL_VERBS.items()},
    **{w: (lemma, "belief") for w, lemma in BELIEF_VERBS.items()},
    **{w: (lemma, "say") for w, lemma in SAY_VERBS.items()},
}


def cue_class(w: str) -> tuple[str, CueClass] | None:
    """The lemma and class of a reporting verb form (``"stated"`` → ``("state", "say")``)."""
    return _CUE_CLASSES.get(w)


def verb_follows(w: str) -> bool:
    """Whether ``w`` can follow a subject: a verb, an adverb, an auxiliary or a comma."""
    lw = w.lower()
    return (
        w == ","
        or lw in ADVERBS
        or lw in AUXILIARIES
        or cue_class(lw) is not None
        or (w.islower() and lw.endswith(("ed", "s")))
    )
