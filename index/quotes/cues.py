"""Reporting cues: the :class:`Report` record the later stages fill, and the word sets
they share.

A report is one cue (``said``, ``told``, ``according to``) with its subject (who) and its
content (what); :mod:`.reports` finds them, :mod:`.content` measures what they report, and
:mod:`.sieves` decides which quote each one attributes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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


@dataclass(eq=False, slots=True)
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


# has_cue_word's ASCII bytes: each byte but a-z a space (a character beyond ASCII is
# encoded as "?" first), so the split gives the lower-case runs LOWER_RE.findall gives.
_LOWER_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_LOWER_CUES = frozenset(w.encode() for w in CUE_WORDS if re.fullmatch("[a-z]+", w))


def has_cue_word(text: str, start: int, end: int) -> bool:
    """Whether ``CUE_WORDS`` meets ``LOWER_RE.findall(text, start, end)``: "According"
    is in the range, or a maximal run of lower-case letters there is a cue word (a byte
    string split at each other character is cheaper than the regex's list of words)."""
    part = text[start:end]
    if "According" in part:
        return True
    runs = part.encode("ascii", "replace").translate(_LOWER_ONLY).split()
    return not _LOWER_CUES.isdisjoint(runs)


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
