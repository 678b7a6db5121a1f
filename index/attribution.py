"""The sieves: who said each quoted segment, and which reports are indirect quotes.

An article is read sentence by sentence. A :class:`Report` is one reporting cue (``said``,
``told``, ``according to``) with its subject and its content; the sieves then decide, for
each quoted segment, whether it is a direct or a partial quote (or a scare quote, or a
title) and who said it, and which reports with no quote marks are indirect quotes. The
article's :class:`~.names.Registry` turns surnames, role phrases and pronouns into names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .lexicon import (
    ADVERBS,
    AUXILIARIES,
    BELIEF_VERBS,
    DETERMINERS,
    GENERIC,
    PARTIAL_VERBS,
    PRONOUNS,
    ROLE_WORDS,
    SAY_VERBS,
    TELL_LEMMAS,
    WEEKDAYS,
    words,
)
from .model import QuoteKind, Span
from .names import (
    NP,
    Entity,
    Registry,
    Tokens,
    base,
    classify,
    is_cap,
    np_after,
    np_before,
    strip_det,
)
from .quotemarks import Segment, Sentence

# ---------------------------------------------------------------- reports

_CONNECTIVE_LEFT = frozenset(["and", "but", "or"])
_TIME = WEEKDAYS | frozenset(["today", "yesterday", "tonight", "earlier", "later"])
_NEGATION = frozenset(["not", "never", "n’t", "n't"])
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_MODALS = words("will would could can may might should must shall did do does to")
_PLAIN_PRONOUNS = frozenset(["i", "we", "they", "you"])
_SKIP_ING = frozenset(["after", "before", "while", "when", "by", "without", "upon", "since"])
_PUNCT = frozenset(",.;:!?—–-()[]“”\"«»‘’'„")
_CLAUSE_START = words(
    "he she it they we i you there this these those any all some no every each many most "
    "much several both few none neither either such another other more less if"
)
_PREPS = words(
    "of for to in on at by with from into about over under after before during against "
    "between among through without within via"
)
_TAIL_WORDS = words(
    "while whereas citing emphasising emphasizing arguing highlighting stressing noting "
    "adding saying underlining underscoring insisting pointing warning despite although "
    "though according calling describing explaining reiterating"
)
_MAX_CONTENT = 150  # tokens: no reported clause runs longer
_NOT_TAILS = words("including excluding regarding concerning following notwithstanding during")
_OBJECTS = frozenset(["me", "him", "her", "us", "them", "reporters", "journalists"])
_ADJUNCT_WORDS = (
    _PREPS
    | _TIME
    | DETERMINERS
    | ADVERBS
    | _OBJECTS
    | GENERIC
    | ROLE_WORDS
    | words(
        "statement interview press conference briefing post speech letter television radio "
        "address meeting call news social media platform message video broadcast remarks "
        "comments week month year morning evening night weekend session summit hearing "
        "parliament congress forum telephone phone x email e-mail memo tweet op-ed note "
        "blog podcast documentary tv channel newspaper paper magazine website appearance "
        "testimony filing court document programme program show staff employees members "
        "audience crowd supporters lawmakers parliamentarians delegates visit trip rally "
        "event ceremony address radio station"
    )
) - AUXILIARIES
_BEFORE_INVERTED = frozenset(",—–-:”»\"’'›")
_AFTER_INVERTED = words("on in at during after before according while as told")


CueClass = Literal["say", "belief", "partial", "according"]
# How a report's subject resolved: to a name (or a role bound to one), to a pronoun's
# antecedent, to a group or an outlet, to nobody ("unbound"), or no subject at all.
Status = Literal["named", "pronoun", "generic", "outlet", "unbound", "none"]


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


_CUE_WORDS = frozenset({*SAY_VERBS, *BELIEF_VERBS, *PARTIAL_VERBS, "according", "According"})
_LOWER_RE = re.compile(r"\b(?:[a-z]+|According)\b")


def _cue_class(w: str) -> tuple[str, CueClass] | None:
    if w in SAY_VERBS:
        return SAY_VERBS[w], "say"
    if w in BELIEF_VERBS:
        return BELIEF_VERBS[w], "belief"
    if w in PARTIAL_VERBS:
        return PARTIAL_VERBS[w], "partial"
    return None


def find_reports(s: Sentence, reg: Registry) -> list[Report]:
    """Every reporting cue of a sentence with its subject and content."""
    if not s.segs and _CUE_WORDS.isdisjoint(_LOWER_RE.findall(s.text, s.start, s.end)):
        return []
    words = s.tok.words
    inside = s.inside
    out: list[Report] = []
    for k in [k for k, w in enumerate(words) if w in _CUE_WORDS and not inside[k]]:
        w = words[k]
        if w in ("according", "According") and k + 1 < len(words) and words[k + 1] == "to":
            r = _according(s, k, reg)
        else:
            cls = _cue_class(w)
            if cls is None:
                continue
            r = _verb_report(s, k, cls[0], cls[1], reg, out)
        if r is not None:
            out.append(r)
    return out


def _report(s: Sentence, k: int, lemma: str, cls: CueClass) -> Report:
    tok = s.tok
    return Report(k, tok.words[k], tok.starts[k], tok.ends[k], lemma, cls)


def _resolve(r: Report, np: NP | None, s: Sentence, reg: Registry) -> None:
    """Fill the report's entity and status from its subject phrase."""
    r.subject = np
    if np is None or np.kind is None:
        r.status = "none"
        return
    r.mention = np.name_span or (np.start, np.end)
    if np.kind in ("person", "organisation", "place"):
        r.entity = reg.entity(np, np.start)
        r.status = "named" if r.entity else "none"
    elif np.kind == "pronoun":
        if np.text.lower() == "it":
            r.entity = reg.last_org(s.idx)
            r.status = "pronoun" if r.entity else "generic"
            return
        if np.gender is None:
            r.status = "generic"
            return
        r.entity = reg.pronoun(np.gender, s.idx, np.start)
        r.status = "pronoun" if r.entity else "unbound"
    elif np.kind == "role":
        r.entity = reg.bind_role(np)
        r.status = "named" if r.entity else "unbound"
        if r.entity is not None:
            r.entity.aliases.setdefault(strip_det(np.text), None)
    elif np.kind in ("generic", "outlet"):  # a group or a news outlet: no one person
        r.status = np.kind


def _according(s: Sentence, k: int, reg: Registry) -> Report | None:
    tok = s.tok
    r = _report(s, k, "according to", "according")
    r.cue = "according to"
    r.cue_end = tok.ends[k + 1]
    e = np_after(tok, k + 2)
    if e is None:
        return None
    np = classify(tok, k + 2, e)
    _resolve(r, np, s, reg)
    r.attr_start, r.attr_end = tok.starts[k], tok.ends[e - 1]
    n = len(tok)
    if e < n and tok.words[e] == "," and (k == 0 or tok.words[k - 1] in _PUNCT):
        _set_content(r, s, e + 1, n)
    elif k > 0 and tok.words[k - 1] == ",":
        _content_before(r, s, k - 1)
    return r


def _skip_back(tok: Tokens, k: int) -> tuple[int, bool, bool]:
    """Skip adverbs and auxiliaries before a cue: (index, negated, passive)."""
    j = k
    negated = passive = False
    while j > 0:
        w = tok.words[j - 1].lower()
        if w in _NEGATION:
            negated = True
        elif w in _BE:
            passive = True
        elif not (w in ADVERBS or w in _TIME or (w.endswith("ly") and len(w) > 4)):
            break
        j -= 1
    if j > 1 and tok.words[j - 1].lower() in WEEKDAYS and tok.words[j - 2].lower() == "on":
        j -= 2
    return j, negated, passive


def _verb_report(
    s: Sentence, k: int, lemma: str, cls: CueClass, reg: Registry, earlier: list[Report]
) -> Report | None:
    tok = s.tok
    words = tok.words
    w = words[k]
    prev = words[k - 1].lower() if k else ""
    if prev in DETERMINERS or (k and words[k - 1] != base(words[k - 1])) or prev in _PREPS:
        return None  # a noun ("the report", "Berg’s remarks") or "to say"
    j, negated, passive = _skip_back(tok, k)
    if negated or (passive and not w.endswith("ing")):
        return None
    r = _report(s, k, lemma, cls)
    ing = w.endswith("ing") and lemma not in ("sing",)
    bare = w == lemma and w not in ("said", "told") and not w.endswith("ed")
    before = words[j - 1] if j else ""
    if ing:
        return _ing_report(s, r, j, before, reg, earlier)
    if bare and not (
        before.lower() in _PLAIN_PRONOUNS or before.lower() in _MODALS or before.endswith("s")
    ):
        return None
    if before.lower() in _CONNECTIVE_LEFT:
        _inherit_subject(s, r, earlier, reg)
        r.attr_start = tok.starts[k]
        _content(r, s, k + 1)
        return r
    inv = _inverted(s, r, j, reg)
    if inv is not None:
        return inv
    if before.lower() in ("who", "which", "that") and j >= 2:
        j -= 1
        if words[j - 1] == ",":
            j -= 1
    np = _subject_before(s, j, reg)
    if np is None:
        return None
    _resolve(r, np, s, reg)
    r.attr_start = np.start
    _content(r, s, k + 1)
    if r.content is None and np.start > s.start and _adjunct_only(s, k + 1):
        i = tok.index_at(np.start)
        if i > 0 and words[i - 1] in (",", "—", "–"):
            _content_before(r, s, i - 1)
    return r


def _adjunct_only(s: Sentence, m: int) -> bool:
    """Whether nothing but adjuncts follow a cue (``on Monday``, ``told reporters``,
    ``during her interview``, ``, citing …``): the content must then precede it."""
    words = s.tok.words
    n = len(words)
    if m < n and words[m] == ":":
        return False  # "he said: …" introduces what follows
    if m >= n or words[m] in _PUNCT or s.inside[m]:
        return True
    lw = words[m].lower()
    return lw in _PREPS or lw in _TIME or lw in _OBJECTS or lw in ("told", "according")


def _ing_report(
    s: Sentence, r: Report, j: int, before: str, reg: Registry, earlier: list[Report]
) -> Report | None:
    """``…, adding that …`` (new content), ``with X insisting …`` (own subject), or an
    elaborating participle (``…, emphasising that …``) that is no quote of its own."""
    tok = s.tok
    words = tok.words
    if before.lower() == "as" and j >= 3 and words[j - 2].lower() == "quoted":
        j, _neg, _passive = _skip_back(tok, j - 2)  # "X was quoted as saying"
        np = _subject_before(s, j, reg)
        if np is None:
            return None
        _resolve(r, np, s, reg)
        r.attr_start = np.start
        _content(r, s, r.k + 1)
        return r
    if before.lower() in _SKIP_ING or before.lower() in _BE:
        return None
    if before in (",", "and", "—") or not before:
        if not earlier:
            return None
        _inherit_subject(s, r, earlier, reg)
        r.emits = r.lemma in ("add", "say")  # the others elaborate the main report
        r.attr_start = r.cue_start
        _content(r, s, r.k + 1)
        return r
    start = np_before(tok, j)
    if start is None or start == 0 or tok.words[start - 1].lower() != "with":
        return None
    np = classify(tok, start, j)
    _resolve(r, np, s, reg)
    r.attr_start = np.start
    _content(r, s, r.k + 1)
    return r


def _inherit_subject(s: Sentence, r: Report, earlier: list[Report], reg: Registry) -> None:
    """A coordinated or participial cue shares the subject of the sentence."""
    for e in reversed(earlier):
        if e.subject is not None:
            r.subject, r.entity, r.status, r.mention = e.subject, e.entity, e.status, None
            return
    tok = s.tok
    end = np_after(tok, 0)
    if end is not None and end < len(tok) and _verb_follows(tok.words[end]):
        _resolve(r, classify(tok, 0, end), s, reg)
        r.mention = None


def _verb_follows(w: str) -> bool:
    """Whether ``w`` can follow a subject: a verb, an adverb, an auxiliary or a comma."""
    lw = w.lower()
    return (
        w == ","
        or lw in ADVERBS
        or lw in AUXILIARIES
        or _cue_class(lw) is not None
        or (w.islower() and lw.endswith(("ed", "s")))
    )


def _inverted(s: Sentence, r: Report, j: int, reg: Registry) -> Report | None:
    """``…, said Berg`` / ``…, stated the press secretary, Anton Sokolov, …``."""
    tok = s.tok
    words = tok.words
    k = r.k
    if (j > 0 and words[j - 1] not in _BEFORE_INVERTED) or r.lemma in TELL_LEMMAS:
        return None
    e = np_after(tok, k + 1)
    if e is None:
        return None
    np = classify(tok, k + 1, e)
    if np.kind is None:
        return None
    n = len(words)
    nxt = words[e] if e < n else "."
    if np.kind == "pronoun" and nxt not in (",", ".", ";", "!", "?"):
        return None
    if e < n and not (nxt in _PUNCT or nxt.lower() in _AFTER_INVERTED or s.inside[e]):
        return None
    # an apposition after a role phrase names the person: "the press secretary, Anton Sokolov,"
    if np.kind == "role" and nxt == "," and e + 1 < n:
        e2 = np_after(tok, e + 1)
        if e2 is not None:
            np2 = classify(tok, e + 1, e2)
            if np2.kind == "person":
                ent = reg.entity(np2, np2.start)
                if ent is not None:
                    ent.add_role(np, np.text)
                    ent.aliases.setdefault(strip_det(np.text), None)
                np, e = np2, e2
    _resolve(r, np, s, reg)
    r.attr_start = r.cue_start
    r.attr_end = tok.ends[e - 1]
    if j > 0 and words[j - 1] in (",", "—", "–") and _adjunct_only(s, e):
        _content_before(r, s, j - 1)
    return r


def _subject_before(s: Sentence, j: int, reg: Registry) -> NP | None:
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
        found = _around_parenthetical(s, c, end, reg)
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


def _around_parenthetical(s: Sentence, c: int, end: int, reg: Registry) -> NP | None:
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
        if left.kind == "role" and inner.kind == "person":
            _give_role(reg, inner, left)
            return inner
        if left.kind in ("person", "organisation") and inner.kind == "role":
            _give_role(reg, left, inner)
            return left
    at_start = left_start == 0 or words[left_start - 1] in (",", "”", "»", '"')
    if left.kind in ("person", "organisation") and at_start:
        return left
    return None


def _give_role(reg: Registry, person: NP, role: NP) -> None:
    ent = reg.entity(person, person.start)
    if ent is not None:
        ent.add_role(role, role.text)
        ent.aliases.setdefault(strip_det(role.text), None)


# ---------------------------------------------------------------- content


def _content(r: Report, s: Sentence, m: int) -> None:
    """The content clause after a cue: after ``that``, or a clause with no ``that``."""
    tok = s.tok
    words = tok.words
    n = len(words)
    r.attr_end = max(r.attr_end, tok.ends[m - 1])
    if r.lemma in TELL_LEMMAS and m < n and words[m].lower() != "that":
        e = np_after(tok, m)
        if e is None and words[m].lower() in _OBJECTS:
            e = m + 1
        if e is not None and e <= n:
            r.attr_end = tok.ends[e - 1]
            m = e
    look = m
    while look < min(n, m + 10):
        w = words[look]
        lw = w.lower()
        if lw == "that":
            r.that = True
            _set_content(r, s, look + 1, n)
            return
        if w in _PUNCT or s.inside[look] or not (is_cap(w) or lw in _ADJUNCT_WORDS):
            break
        look += 1
    m = _skip_time(words, m, n)
    if m < n and words[m] == ":" and r.cls == "say":
        m += 1
    if r.cls == "say" and m < n and not s.inside[m] and _is_clause(words, m, n):
        _set_content(r, s, m, n)


_WHEN = _TIME | words("week month year morning afternoon evening night weekend")


def _skip_time(words: list[str], m: int, n: int) -> int:
    """Skip ``Friday``, ``on Monday``, ``last week`` after a cue."""
    while m < n:
        lw = words[m].lower()
        if lw in _TIME:
            m += 1
        elif lw in ("on", "last", "this", "late", "early", "earlier") and m + 1 < n:
            if words[m + 1].lower() not in _WHEN:
                break
            m += 2
        else:
            break
    return m


def _is_clause(words: list[str], i: int, n: int) -> bool:
    """Whether ``words[i:]`` opens with a finite clause (a subject, then a verb soon)."""
    w0 = words[i]
    lw0 = w0.lower()
    if not (
        lw0 in _CLAUSE_START
        or lw0 in DETERMINERS
        or is_cap(w0)
        or w0[:1].isdigit()
        or w0 != base(w0)
    ):
        # a bare noun subject ("cases had doubled") needs an auxiliary right after it
        return (
            w0.isalpha()
            and lw0 not in _PREPS
            and _cue_class(lw0) is None
            and any(words[p].lower() in AUXILIARIES for p in range(i + 1, min(n, i + 4)))
        )
    for p in range(i, min(n, i + 12)):
        w = words[p]
        lw = w.lower()
        if lw in AUXILIARIES:
            return True
        if p == i:
            continue
        if _finite_at(words, p, i):
            return True
        if p == i + 1 and lw0 in ("they", "we", "i", "you") and lw not in _PREPS:
            return True
    return False


def _has_verb(words: list[str], i: int, end: int) -> bool:
    """Whether ``words[i:end]`` holds a finite verb somewhere (loosely)."""
    for p in range(i, end):
        lw = words[p].lower()
        if lw in AUXILIARIES:
            return True
        if p > i and _finite_at(words, p, i):
            return True
    return False


def _finite_at(words: list[str], p: int, i: int) -> bool:
    """A past-tense or third-person verb at ``p`` (``i`` is where the clause starts)."""
    lw = words[p].lower()
    before = words[p - 1].lower()
    if lw.endswith("ed") and len(lw) > 4 and before not in DETERMINERS and before not in _PREPS:
        return True
    return (
        lw.endswith("s")
        and not lw.endswith("ss")
        and (before in ("he", "she", "it") or (p - 1 == i and is_cap(words[p - 1])))
    )


def _set_content(r: Report, s: Sentence, i: int, n: int) -> None:
    """Content from token ``i`` to the sentence end, less trailing elaborations."""
    words = s.tok.words
    end = _tail(s, i, n)
    while end > i and words[end - 1] in _PUNCT and not s.inside[end - 1]:
        end -= 1
    if end - i < 3 and not any(s.inside[i:end]):
        return
    r.content_k = (i, end)
    r.content = (s.tok.starts[i], s.tok.ends[end - 1])


def _tail(s: Sentence, i: int, n: int) -> int:
    """Where the content ends: before ``, citing …``, ``, he added``, ``and has …``."""
    words = s.tok.words
    inside = s.inside
    n = min(n, i + _MAX_CONTENT)
    for p in range(i + 1, n):
        if inside[p]:
            continue
        w = words[p]
        lw = w.lower()
        nxt = words[p + 1].lower() if p + 1 < n else ""
        if w == ",":
            if nxt in _TAIL_WORDS or (nxt.endswith("ing") and nxt not in _NOT_TAILS):
                return p
            if nxt in ("but", "and") and p + 2 < n and _verbish(words[p + 2]):
                return p
            if nxt in ("but", "and") and p + 3 < n and _cue_class(words[p + 3]):
                return p  # ", but he warned …": a new report
            if nxt in PRONOUNS and p + 2 < n and _cue_class(words[p + 2]):
                return p
            if nxt[:1] and is_cap(words[p + 1]) and _attribution_follows(words, p + 1, n):
                return p
        elif (
            lw in ("and", "but") and _verbish(nxt) and p + 1 < n and not s.inside[p + 1]
        ) or w in (";",):
            return p
    return n


def _verbish(w: str) -> bool:
    lw = w.lower()
    return lw in ("has", "had", "have", "also", "then") or _cue_class(lw) is not None


def _attribution_follows(words: list[str], i: int, n: int) -> bool:
    """``Name said`` / ``Name, …`` at ``i``: an inserted attribution ends the content."""
    p = i
    while p < n and p < i + 5 and is_cap(words[p]):
        p += 1
    return p < n and _cue_class(words[p]) is not None and words[p] not in PARTIAL_VERBS


def _content_before(r: Report, s: Sentence, comma: int) -> None:
    """``CONTENT, Berg said.``: the content is the sentence up to the comma."""
    tok = s.tok
    words = tok.words
    i = 0
    # a leading connective: "At the same time, …", "However, …"
    for p in range(1, min(comma, 6)):
        if words[p] == ",":
            if not any(is_cap(w) or _cue_class(w) for w in words[1:p]):
                i = p + 1
            break
    if i == 0 and words[0].endswith(("ed", "ing")) and is_cap(words[0]):
        return  # "Asked whether …, he said": a participle, not what was said
    end = comma
    while end > i and words[end - 1] in _PUNCT and not s.inside[end - 1]:
        end -= 1
    if end - i < 3:
        return
    if not any(s.inside[i:end]) and not _has_verb(words, i, end):
        return
    r.before = True
    r.content_k = (i, end)
    r.content = (tok.starts[i], tok.ends[end - 1])


# ---------------------------------------------------------------- the sieves

_SCARE_BEFORE = (
    "so-called",
    "so called",
    "dubbed",
    "called",
    "known as",
    "termed",
    "nicknamed",
    "labelled",
    "labeled",
    "titled",
    "entitled",
    "named",
    "codenamed",
    "the word",
    "the term",
    "the phrase",
    "the slogan",
    "the hashtag",
    "the motto",
    "the label",
    "the words",
)
_WORKS = words(
    "film movie book novel song album series show report documentary play opera article "
    "poem painting exhibition game app podcast episode programme program operation project "
    "initiative campaign plan strategy doctrine bill act slogan motto headline column essay "
    "study paper magazine newspaper track single record musical sitcom drama memoir "
    "biography festival brand hashtag"
)
_FIRST_PERSON = frozenset(["i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves"])
_SMALL = words("a an the of and or in on at to for with by from de la le")


@dataclass(eq=False)
class Found:
    """A quote the sieves accepted, before names are settled."""

    start: int
    end: int
    kind: QuoteKind
    entity: Entity | None
    mention: Span | None
    cue: str | None
    confidence: float
    sentence: int
    paragraph: int


@dataclass
class Context:
    """What the sieves remember between sentences."""

    last: Found | None = None  # the last quote found
    colon: Entity | None = None  # "X said:" ended the previous sentence
    colon_sentence: int = -1


def _speaker(r: Report, reg: Registry, s: Sentence) -> Entity | None:
    if r.status in ("named", "pronoun"):
        return r.entity
    if r.status == "outlet":  # "«…», — cites the Daily Courier": the person before is the speaker
        return reg.last_speaker(s.idx, 2) or _last_person(reg, s)
    return None


def _last_person(reg: Registry, s: Sentence) -> Entity | None:
    for sent, _p, ent in reversed(reg.mentions):
        if sent >= s.idx:
            continue
        if s.idx - sent > 2:
            return None
        if ent.kind == "person":
            return ent
    return None


def _is_scare(text: str, seg: Segment, before: str, attributed: bool) -> bool:
    """Scare quotes and titles: ``the so-called “green corridor”``, ``the film “Dune”``."""
    low = before.rstrip(" ,").lower()
    if low.endswith(_SCARE_BEFORE):
        return True
    prev = low.rsplit(None, 1)[-1] if low.split() else ""
    if prev in _WORKS:
        return True
    words = text[seg.start : seg.end].split()
    if attributed:
        return len(words) <= 2 and prev in DETERMINERS
    if len(words) <= 3:
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    titled = content and all(w[:1].isupper() or not w[:1].isalpha() for w in content)
    return bool(titled and len(words) <= 8 and text[seg.end - 1] not in ".!?,")


def sieve(s: Sentence, reports: list[Report], reg: Registry, ctx: Context) -> list[Found]:
    """Quotes of one sentence: its quoted segments, then its indirect reports."""
    text = s.text
    out: list[Found] = []
    bound = s.start
    for n, seg in enumerate(s.segs):
        nxt = s.segs[n + 1].open_at if n + 1 < len(s.segs) else s.end
        f = _segment(s, seg, reports, reg, ctx, text[bound : seg.open_at], nxt)
        if f is not None:
            out.append(f)
            ctx.last = f
        bound = seg.close_end
    out.extend(_indirect(s, reports, reg))
    for f in out:
        if f.entity is not None:
            reg.spoke.append((s.idx, f.start, f.entity))
    colon = text[s.end - 1] == ":"
    named = [r for r in reports if r.status in ("named", "pronoun") and r.entity]
    ctx.colon = named[-1].entity if colon and named else None
    ctx.colon_sentence = s.idx
    return out


def _segment(
    s: Sentence,
    seg: Segment,
    reports: list[Report],
    reg: Registry,
    ctx: Context,
    before: str,
    nxt: int,
) -> Found | None:
    text = s.tok.text
    after_r = _adjacent_after(s, seg, reports)
    before_r = _adjacent_before(s, seg, reports)
    colon_np = _colon_name(s, seg, before, reg)
    covering = _covering(s, seg, reports)
    bt = before.strip()
    direct = (
        not bt
        or bt.endswith(":")
        or before_r is not None
        or (bt.endswith((",", "—", "–")) and after_r is not None and not covering)
    ) and not bt.endswith(" that")
    attributed = bool(after_r or before_r or colon_np or covering or reports)
    opens = not bt and (
        text[seg.end - 1] in ".,!?…" or text[seg.close_end : seg.close_end + 1] in ",—"
    )
    if not opens and not seg.continued and _is_scare(text, seg, before, attributed):
        return None
    kind: QuoteKind = "direct" if direct else "partial"
    r = after_r or before_r or (None if direct else covering)
    if r is None and not direct:
        r = _nearest(seg, reports)
    ent: Entity | None = None
    mention: Span | None = None
    cue: str | None = None
    conf = 0.0
    if r is not None:
        ent = _speaker(r, reg, s)
        mention = r.mention if r.status in ("named", "pronoun") else None
        cue = "—" if r.status == "outlet" and "—" in text[seg.close_end : r.cue_start] else r.cue
        conf = {"named": 0.9, "pronoun": 0.75, "outlet": 0.6}.get(r.status, 0.3)
        if r.subject is not None and r.subject.kind == "role" and r.status == "named":
            conf = 0.75
    elif colon_np is not None:
        ent, mention, cue, conf = colon_np, None, ":", 0.8
    elif bt.endswith(":") or _cue_right_after(s, seg):
        ent, conf = None, 0.3  # introduced by someone we cannot name
    else:
        ent, conf = _from_context(s, seg, ctx, reg, direct)
    if ent is None and not direct:
        return None
    if r is not None and r.status in ("generic", "unbound") and not direct:
        return None
    return Found(seg.start, seg.end, kind, ent, mention, cue, conf or 0.5, s.idx, s.paragraph)


def _cue_right_after(s: Sentence, seg: Segment) -> bool:
    """A reporting verb within a few words after the quote (``“…,” a protester shouted``)."""
    after = _LOWER_RE.findall(s.text, seg.close_end, min(s.end, seg.close_end + 60))[:5]
    return not _CUE_WORDS.isdisjoint(after)


def _from_context(
    s: Sentence, seg: Segment, ctx: Context, reg: Registry, direct: bool
) -> tuple[Entity | None, float]:
    """A quote with no attribution of its own continues the quote or speaker before it."""
    last = ctx.last
    if seg.continued and last is not None:
        return last.entity, 0.6
    if not direct:
        words = s.tok.text[seg.start : seg.end].lower().split()
        if len(words) >= 4 and _FIRST_PERSON & set(words):
            return reg.last_speaker(s.idx, 1), 0.4
        return None, 0.0
    if ctx.colon is not None and ctx.colon_sentence == s.idx - 1:
        return ctx.colon, 0.7
    if (
        last is not None
        and s.idx - last.sentence <= 2
        and last.entity is not None
        and s.paragraph - last.paragraph in (0, 1)
    ):
        others = (
            e is not last.entity and e.kind == "person" and last.end <= p < seg.open_at
            for _s, p, e in reg.mentions
        )
        if not any(others):  # nobody else came on stage in between
            return last.entity, 0.45
    return None, 0.3


def _adjacent_after(s: Sentence, seg: Segment, reports: list[Report]) -> Report | None:
    """``“…,” Berg said`` / ``“…,” said Berg`` / ``«…», — cites the Courier``."""
    text = s.tok.text
    for r in reports:
        if r.attr_start >= seg.close_end and r.cls != "according":
            gap = text[seg.close_end : min(r.attr_start, r.cue_start)]
            if all(c.isspace() or c in ",;:—–-" for c in gap) and r.subject is not None:
                return r
    return None


def _adjacent_before(s: Sentence, seg: Segment, reports: list[Report]) -> Report | None:
    """``Berg said: “…”`` / ``Berg told reporters, “…”``."""
    text = s.tok.text
    for r in reversed(reports):
        end = max(r.attr_end, r.cue_end)
        if end <= seg.open_at and r.subject is not None and not r.before:
            gap = text[end : seg.open_at]
            intro = len(gap) < 40 and " that" not in gap and gap.rstrip().endswith((":", ","))
            if intro and (r.content is None or r.content[0] >= seg.open_at):
                return r
            return None
    return None


def _colon_name(s: Sentence, seg: Segment, before: str, reg: Registry) -> Entity | None:
    """``Anna Berg: «…»`` / ``The minister was clear: “…”``: the sentence's subject."""
    bt = before.rstrip()
    if not bt.endswith(":") or len(bt) > 80:
        return None
    tok = s.tok
    i = tok.index_at(s.start)
    e = np_after(tok, i)
    if e is None or e >= len(tok) or not (tok.words[e] == ":" or _verb_follows(tok.words[e])):
        return None
    np = classify(tok, i, e)
    if np.kind in ("person", "organisation"):
        return reg.entity(np, np.start)
    if np.kind == "role":
        return reg.bind_role(np)
    if np.kind == "pronoun" and np.gender:
        return reg.pronoun(np.gender, s.idx, np.start)
    return None


def _covering(s: Sentence, seg: Segment, reports: list[Report]) -> Report | None:
    for r in reports:
        if (
            r.content is not None
            and r.content[0] <= seg.open_at + 1
            and seg.end <= r.content[1] + 1
        ):
            return r
    return None


def _nearest(seg: Segment, reports: list[Report]) -> Report | None:
    best = None
    for r in reports:
        if r.cue_start < seg.open_at and r.subject is not None:
            best = r
    return best


def _indirect(s: Sentence, reports: list[Report], reg: Registry) -> list[Found]:
    """Reports whose content is a clause with no quote marks in it: indirect quotes."""
    out: list[Found] = []
    for r in reports:
        if not r.emits or r.content is None or r.cls == "partial":
            continue
        if r.cls == "belief" and not r.that:
            continue
        a, b = r.content
        if any(seg.open_at < b and seg.close_end > a for seg in s.segs):
            continue
        if r.status not in ("named", "pronoun") or r.entity is None:
            continue
        if any(f.start < b and a < f.end for f in out):
            continue
        _learn_gender(s, r)
        conf = 0.75 if r.that or r.before else 0.65
        if r.status == "pronoun" or (r.subject is not None and r.subject.kind == "role"):
            conf -= 0.1
        out.append(Found(a, b, "indirect", r.entity, r.mention, r.cue, conf, s.idx, s.paragraph))
    return out


def _learn_gender(s: Sentence, r: Report) -> None:
    """``Berg said she …`` tells that Berg is a woman."""
    if r.entity is None or r.entity.gender or r.entity.kind != "person" or r.content_k is None:
        return
    if r.status != "named" or r.before:
        return
    first = s.tok.words[r.content_k[0]].lower()
    if first in ("he", "she"):
        r.entity.gender = PRONOUNS[first]
