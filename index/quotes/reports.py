"""Finding the reports of a sentence: each cue with its subject resolved to an entity.

Subjects stand before the cue (``Berg said``, across appositions, ages and relative
clauses), after it (``…, said Berg``), after ``according to``, or are shared with an earlier
cue of the sentence (``and added``, ``, adding``). The article's :class:`ArticleEntities`
turns surnames, role phrases and pronouns into names.
"""

from __future__ import annotations

from itertools import compress, count

from . import scores
from .bounds import np_after, np_before
from .content import content_after, content_before, set_content
from .cues import (
    CUE_WORDS,
    OBJECTS,
    PREPOSITIONS,
    PUNCT,
    TIME_WORDS,
    CueClass,
    Report,
    cue_class,
    has_cue_word,
    verb_follows,
)
from .entities import ArticleEntities
from .lexicon import ADVERBS, DETERMINERS, TAG_VERBS, TELL_LEMMAS, TIME_AFTER, WEEKDAYS, words
from .marks import Sentence
from .phrases import NP, classify, strip_det
from .roles import bind_role
from .salience import last_org, pronoun
from .subjects import ADVERBIAL, subject_in
from .tags import after_quote, conjunct, give_roles, phrase_end, subject_before, tag_start
from .tokens import Tokens, base

_CONNECTIVE_LEFT = frozenset(["and", "but", "or"])

_NEGATION = frozenset(["not", "never", "n’t", "n't"])

_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])

_MODALS = words("will would could can may might should must shall did do does to")

_PLAIN_PRONOUNS = frozenset(["i", "we", "they", "you"])

_SKIP_ING = frozenset(["after", "before", "while", "when", "by", "without", "upon", "since"])

_BEFORE_INVERTED = frozenset(",—–-:”»\"’'›")

_AFTER_INVERTED = words("on in at during after before according while as told")


def find_reports(s: Sentence, entities: ArticleEntities) -> list[Report]:
    """Every reporting cue of a sentence with its subject and content."""
    if s.has_tokens:
        if CUE_WORDS.isdisjoint(s.tok.words):
            return []  # tokenized for its names: one look-up a word, not a step each
    elif not s.segs and not has_cue_word(s.text, s.start, s.end):
        return []  # no cue word: most sentences end here, without being tokenized
    words = s.tok.words
    inside = s.inside
    out: list[Report] = []
    # the cue words' indexes, picked without a Python step per word
    for k in compress(count(), map(CUE_WORDS.__contains__, words)):
        if inside[k]:
            continue
        w = words[k]
        if not s.segs and w in TAG_VERBS:
            continue
        if w in ("according", "According") and k + 1 < len(words) and words[k + 1] == "to":
            r = _according(s, k, entities)
        else:
            cls = cue_class(w)
            if cls is None:
                continue
            r = _verb_report(s, k, cls[0], cls[1], entities, out)
        if r is not None:
            out.append(r)
    return out


def _report(s: Sentence, k: int, lemma: str, cls: CueClass) -> Report:
    tok = s.tok
    return Report(k, tok.words[k], tok.starts[k], tok.ends[k], lemma, cls)


def _resolve(r: Report, np: NP | None, s: Sentence, entities: ArticleEntities) -> None:
    """Fill the report's entity and status from its subject phrase."""
    r.subject = np
    if np is None or np.kind is None:
        r.status = "none"
        return
    r.mention = np.name_span or (np.start, np.end)
    if np.kind in ("person", "organisation", "place"):
        r.entity = entities.entity(np, np.start)
        r.status = "named" if r.entity else "none"
        r.role = np.role
    elif np.kind == "pronoun":
        text = np.text.lower()
        if text == "it":
            r.entity = last_org(entities, s.idx)
            r.status = "pronoun" if r.entity else "generic"
            return
        if text == "they" and _joint_before(r, s, entities):
            return
        if np.gender is None:
            r.status = "generic"
            return
        res = pronoun(entities, np.gender, s.idx, np.start)
        r.entity, r.candidates = res.entity, res.candidates
        r.certain = res.margin < scores.CLOSE_RIVAL
        r.status = "pronoun" if r.entity else "unbound"
        if r.entity is not None:
            entities.mention(s.idx, np.start, r.entity, scores.SUBJECT_WEIGHT)
    elif np.kind == "role":
        b = bind_role(entities, np, s.idx, np.start)
        r.entity, r.candidates, r.certain = b.entity, b.candidates, b.certain
        r.role = strip_det(np.text)
        r.status = "named" if r.entity else "unbound"
        if r.entity is not None:
            r.entity.aliases.setdefault(strip_det(np.text), None)
            entities.mention(s.idx, np.start, r.entity, scores.SUBJECT_WEIGHT)
    elif np.kind in ("generic", "outlet", "document"):  # a group, an outlet, a document
        r.status = np.kind
        r.role = strip_det(np.text)
        if np.kind == "outlet" and np.name:
            r.entity = entities.org(np.name)


def _joint_before(r: Report, s: Sentence, entities: ArticleEntities) -> bool:
    """``Roe and Berg said in a statement …`` ¶ ``"…," they said.``: a "they" just after
    joint speakers are named is those speakers."""
    if not entities.joint_said:
        return False
    sent, ent, joint = entities.joint_said[-1]
    if s.idx - sent > scores.JOINT_REACH:
        return False
    r.entity, r.joint, r.status = ent, joint, "pronoun"
    return True


def _according(s: Sentence, k: int, entities: ArticleEntities) -> Report | None:
    tok = s.tok
    r = _report(s, k, "according to", "according")
    r.cue = "according to"
    r.cue_end = tok.ends[k + 1]
    found_end = np_after(tok, k + 2)
    e = found_end if found_end is not None else k + 2
    np = classify(tok, k + 2, e) if found_end is not None else None
    # a role phrase cut short by a word the role list lacks: "the chief ⟨engineer⟩, Ana Roe"
    cut = np is not None and np.kind == "role" and e < len(tok) and tok.words[e].isalpha()
    cut = cut and tok.words[e].islower() and not s.inside[e]
    if np is None or np.kind is None or cut:  # "according to voice specialist Dr Ana Roe, who …"
        end = k + 2
        while end < len(tok) and tok.words[end] not in (",", ".", ";", ":") and end - k < 16:
            end += 1
        found, roles, _joined = subject_in(tok, k + 2, end)
        if found is None:
            anonymous = _anonymous_source(tok, k + 2, end)
            if anonymous is None:
                return None
            found, end = anonymous
        give_roles(entities, found, roles)
        np, e = found, end
    np, e = _apposed_person(tok, np, e, entities)
    _resolve(r, np, s, entities)
    r.attr_start, r.attr_end = tok.starts[k], tok.ends[e - 1]
    n = len(tok)
    if k > 1 and tok.words[k - 1] == ",":  # "…, according to Berg": what came before
        content_before(r, s, k - 1)
    elif e < n and tok.words[e] == "," and (k == 0 or tok.words[k - 1] in PUNCT):
        set_content(r, s, e + 1, n)
    return r


def _apposed_person(tok: Tokens, np: NP, e: int, entities: ArticleEntities) -> tuple[NP, int]:
    """The person a role phrase ending at token ``e`` is followed by, with the phrase as
    their role (``the press secretary, Anton Sokolov,``), and where that name ends; else
    the phrase and ``e``."""
    if np.kind != "role" or e + 1 >= len(tok) or tok.words[e] != ",":
        return np, e
    end = np_after(tok, e + 1)
    if end is None:
        return np, e
    person = classify(tok, e + 1, end)
    if person.kind != "person":
        return np, e
    ent = entities.entity(person, person.start)
    if ent is not None:
        ent.add_role(np, np.text)
        ent.aliases.setdefault(strip_det(np.text), None)
    return person, end


def _skip_back(tok: Tokens, k: int) -> tuple[int, bool, bool]:
    """Skip adverbs and auxiliaries before a cue: (index, negated, passive)."""
    words = tok.words
    j = k
    negated = passive = False
    w = ""
    while j > 0:
        w = words[j - 1].lower()
        if w in _NEGATION:
            negated = True
        elif w in _BE:
            passive = True
        elif not (
            w in ADVERBS
            or w in TIME_WORDS
            or (w.endswith("ly") and len(w) > 4 and words[j - 1].islower())  # not "Kelly"
        ):
            break
        j -= 1
    # with j > 1 the loop stopped at a word it keeps: w is words[j - 1] lower-cased
    if j > 1 and w in WEEKDAYS and words[j - 2].lower() == "on":
        j -= 2
    return j, negated, passive


def _after_quote(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is in a tag right after a quote: a quote closes before it, with
    only a short subject between (``“…,” Berg will say``; not ``“…”: it will tell``)."""
    at = s.tok.starts[k]
    ends = [g.close_end for g in s.segs if g.close_end <= at]
    if not ends:
        return False
    gap = s.text[ends[-1] : at]
    return len(gap) <= scores.CUE_AFTER_CHARS and not any(c in gap for c in ":;.")


def _verb_report(
    s: Sentence, k: int, lemma: str, cls: CueClass, entities: ArticleEntities, earlier: list[Report]
) -> Report | None:
    tok = s.tok
    words = tok.words
    w = words[k]
    prev = words[k - 1].lower() if k else ""
    if prev in DETERMINERS or prev in PREPOSITIONS or (k and words[k - 1] != base(words[k - 1])):
        return None  # a noun ("the report", "Berg’s remarks") or "to say"
    j, negated, passive = _skip_back(tok, k)
    ends_ing = w.endswith("ing")
    if negated or (passive and not ends_ing):
        return None
    before = words[j - 1] if j else ""
    if ends_ing and lemma != "sing":
        return _ing_report(s, _report(s, k, lemma, cls), j, before, entities, earlier)
    low = before.lower()
    bare = w == lemma and w not in ("said", "told") and not w.endswith("ed")
    if bare and not (
        low in _PLAIN_PRONOUNS
        or low in _MODALS
        or before.endswith("s")
        or (_after_quote(s, k) and not _MODALS.isdisjoint(w.lower() for w in words[j:k]))
    ):  # "“…,” Berg will later say", a tag; no "Berg would say …" in prose
        return None
    r = _report(s, k, lemma, cls)
    if low in _CONNECTIVE_LEFT:
        _inherit_subject(s, r, earlier, entities)
        r.attr_start = tok.starts[k]
        content_after(r, s, k + 1)
        return r
    inv = _inverted(s, r, j, entities)
    if inv is not None:
        return inv
    cue_j = j
    if low in ("who", "which", "that") and j >= 2:
        j -= 1
        if words[j - 1] == ",":
            j -= 1
    np = subject_before(s, j, entities)
    if np is None and lemma == "say":
        np = _plain_noun_after_comma(tok, j)
    if np is None and lemma in ("say", "tell"):
        np = _modified_opening_subject(s, j)
    attr_start = np.start if np is not None else 0
    joined: list[NP] = []
    # the whole tag: after a quote always, from the sentence start when nothing else named
    after_quote = bool(s.segs) and s.segs[0].close_end <= r.cue_start
    tag = tag_start(s, cue_j) if after_quote or np is None or np.kind is None else None
    if tag is not None and (tag[1] or np is None or np.kind is None):
        found, roles, joined = subject_in(tok, tag[0], j)
        if found is not None:
            np, attr_start = found, tok.starts[tag[0]]
            give_roles(entities, found, roles)
    if np is None:
        return None
    _resolve(r, np, s, entities)
    r.attr_start = attr_start
    if r.entity is not None and r.status == "named":
        start = np.phrase_start if np.phrase_start >= 0 else np.start
        other = joined[-1] if joined else conjunct(s, tok.index_at(start))
        ent = entities.entity(other, other.start) if other is not None else None
        if ent is not None and ent is not r.entity:
            r.joint = [ent, r.entity]
    content_after(r, s, k + 1)
    i = tok.index_at(np.start)
    if i >= 3 and words[i - 1] == "of" and words[i - 2].lower() in _QUANTITIES:
        i -= 2  # ", two of the people said": the subject starts at the number
    if (
        r.content is None
        and i > 0
        and words[i - 1] == ","
        and k + 2 < len(words)
        and words[k + 1] == ","
        and not s.inside[k + 2]  # "At first, Roe added, “…”": the quote it introduces
        and not _elaboration(words[k + 2])
        and np.end <= tok.starts[k]
        and tok.index_at(np.end) >= k - 1
    ):  # "The bog, she explained, had kept them cold": what follows the inserted cue
        set_content(r, s, k + 2, len(words))
        r.before = True
    elif (
        r.content is None
        and np.start > s.start
        and _adjunct_only(s, k + 1)
        and i > 0
        and words[i - 1] in (",", "—", "–")
    ):
        content_before(r, s, i - 1)
    return r


def _elaboration(w: str) -> bool:
    """``…, the pilot said, with the wind behind them``: what follows an inserted cue
    elaborates the clause before it (a preposition, a participle, a conjunction), not the
    clause itself."""
    lw = w.lower()
    return (
        lw in PREPOSITIONS
        or lw in _CONJUNCTIONS
        or (lw.endswith("ing") and lw.isalpha() and len(lw) > 4)
    )


_CONJUNCTIONS = words("although though while whereas because as since")


_PLAIN_NOUNS_MAX = 3  # lower-case words between the article and the cue


def _plain_noun_after_comma(tok: Tokens, j: int) -> NP | None:
    """``…, the pilot said.``: after a comma, "the" or "a" and a few lower-case words
    right before ``said`` are its subject even when no word list knows the noun (a role
    nobody holds in the article, or a group): the speaker is then unknown, not missed."""
    words = tok.words
    for start in range(j - 2, max(0, j - 2 - _PLAIN_NOUNS_MAX), -1):
        if words[start].lower() in ("the", "a", "an"):
            if start == 0 or words[start - 1] not in (",", "—", "–"):
                return None
            if not all(w.isalpha() and w.islower() for w in words[start + 1 : j]):
                return None
            np = classify(tok, start, j)
            return np if np.kind in ("role", "generic") else None
    return None


_OPENING_DETS = words("a an one two three four several some many the")
_POSTMODIFIERS = words("familiar close involved briefed")
_MAX_MODIFIER = 30  # tokens between the opening subject and its cue


def _modified_opening_subject(s: Sentence, j: int) -> NP | None:
    """``An engineer who worked on the project said …``, ``One source, who asked not to be
    named, told …``, ``Diplomats familiar with the talks said …``: a sentence that opens
    with an anonymous subject (a number or article and lower-case nouns, or a group word)
    whose relative clause or ``familiar with …`` runs up to the cue at ``j``. The subject
    names nobody: an honest unknown speaker, with the description as its role."""
    tok = s.tok
    words = tok.words
    if j < 3 or j > _MAX_MODIFIER or any(s.inside[:j]):
        return None
    det = words[0].lower() in _OPENING_DETS
    e = 1 if det or words[0].isalpha() else 0  # "An engineer", "Diplomats"
    while e < min(j, 4) and words[e].isalpha() and words[e].islower():
        lw = words[e]
        if lw in _POSTMODIFIERS or lw in PREPOSITIONS or lw in ("who", "whom"):
            break
        e += 1
    if e == 0 or e >= j or (det and e == 1):
        return None
    k = e + 1 if words[e] == "," else e
    first = words[k].lower() if k < j else ""
    relative = first in ("who", "whom") and (words[e] != "," or words[j - 1] == ",")
    familiar = first in _POSTMODIFIERS and k + 1 < j and words[k + 1].lower() in PREPOSITIONS
    if not (relative or familiar):
        return None
    if familiar and any(cue_class(w) or w in (",", ";") for w in words[k + 2 : j]):
        return None
    np = classify(tok, 0, e)
    if np.kind not in (None, "generic", "role") or (np.kind is None and np.definite):
        return None
    np.kind = "generic"  # nobody the article names: "An engineer", "Diplomats"
    return np


_QUANTITIES = words("one two three four five several some many most all both none")


def _anonymous_source(tok: Tokens, i: int, end: int) -> tuple[NP, int] | None:
    """``according to three people familiar with the matter``: a number or article and
    lower-case nouns, no name: a source nobody is named for (an unknown speaker)."""
    words = tok.words
    if i >= end or words[i].lower() not in _OPENING_DETS | _QUANTITIES:
        return None
    e = i + 1
    while e < min(end, i + 4) and words[e].isalpha() and words[e].islower():
        if words[e] in _POSTMODIFIERS or words[e] in PREPOSITIONS or words[e] == "who":
            break
        e += 1
    if e == i + 1:
        return None
    np = classify(tok, i, e)
    if np.kind not in (None, "generic", "role"):
        return None
    np.kind = "generic"
    return np, e


def _adjunct_only(s: Sentence, m: int) -> bool:
    """Whether nothing but adjuncts follow a cue (``on Monday``, ``told reporters``,
    ``during her interview``, ``, citing …``): the content must then precede it."""
    words = s.tok.words
    n = len(words)
    if m < n and words[m] == ":":
        return False  # "he said: …" introduces what follows
    if m >= n or words[m] in PUNCT or s.inside[m]:
        return True
    lw = words[m].lower()
    return lw in PREPOSITIONS or lw in TIME_WORDS or lw in OBJECTS or lw in ("told", "according")


def _ing_report(
    s: Sentence, r: Report, j: int, before: str, entities: ArticleEntities, earlier: list[Report]
) -> Report | None:
    """``…, adding that …`` (new content), ``with X insisting …`` (own subject), or an
    elaborating participle (``…, emphasising that …``) that is no quote of its own."""
    tok = s.tok
    words = tok.words
    if before.lower() == "as" and j >= 3 and words[j - 2].lower() == "quoted":
        j, _neg, _passive = _skip_back(tok, j - 2)  # "X was quoted as saying"
        np = subject_before(s, j, entities)
        if np is None:
            return None
        _resolve(r, np, s, entities)
        r.attr_start = np.start
        content_after(r, s, r.k + 1)
        return r
    if before.lower() in _SKIP_ING or before.lower() in _BE:
        return None
    if before in (",", "and", "—") or not before:
        _inherit_subject(s, r, earlier, entities)  # the sentence's subject when no cue before
        if r.subject is None:
            return None
        r.emits = r.lemma in ("add", "say")  # the others elaborate the main report
        r.attr_start = r.cue_start
        content_after(r, s, r.k + 1)
        return r
    start = np_before(tok, j)
    if start is None or start == 0 or tok.words[start - 1].lower() != "with":
        return None
    np = classify(tok, start, j)
    _resolve(r, np, s, entities)
    r.attr_start = np.start
    content_after(r, s, r.k + 1)
    return r


def _inherit_subject(
    s: Sentence, r: Report, earlier: list[Report], entities: ArticleEntities
) -> None:
    """A coordinated or participial cue shares the subject of the sentence (not that of a
    relative clause: ``… an architect who said he was stiffed …, saying``)."""
    words = s.tok.words
    for e in reversed(earlier):
        relative = e.k > 0 and words[e.k - 1].lower() in ("who", "which", "that")
        if e.subject is not None and not relative:
            r.subject, r.entity, r.status, r.mention = e.subject, e.entity, e.status, e.mention
            r.candidates, r.role, r.joint, r.certain = e.candidates, e.role, e.joint, e.certain
            return
    tok = s.tok
    start = _main_clause(s)
    end = np_after(tok, start)
    if end is not None and end < len(tok):
        nxt = tok.words[end]
        if verb_follows(nxt) or (nxt.isalpha() and nxt.islower()):  # "He put …, and said"
            _resolve(r, classify(tok, start, end), s, entities)


_MAX_OPENER = 25  # tokens of a fronted phrase before its comma


def _main_clause(s: Sentence) -> int:
    """Where the main clause starts: after a fronted phrase and its comma (``Hours later,``,
    ``Facing a vote,``, ``Led by the mayor,``, ``After the vote,``), else at 0."""
    words = s.tok.words
    if len(words) < 3:
        return 0
    first, second = words[0].lower(), words[1]
    fronted = (
        first in ADVERBIAL
        or (first.endswith("ing") and words[0][0].isupper())
        or second.lower() == "by"
        or (second in TIME_AFTER and words[2] == ",")
    )
    if not fronted:
        return 0
    for k in range(1, min(len(words) - 1, _MAX_OPENER)):
        if s.inside[k]:
            return 0
        if words[k] == ",":
            end = np_after(s.tok, k + 1)
            if end is None or end >= len(words) or words[end] != ",":
                return k + 1  # "In Molde, N.H., Berg said": not the place after a comma
    return 0


def _inverted(s: Sentence, r: Report, j: int, entities: ArticleEntities) -> Report | None:
    """``…, said Berg`` / ``…, stated the press secretary, Anton Sokolov, …``."""
    tok = s.tok
    words = tok.words
    k = r.k
    if (j > 0 and words[j - 1] not in _BEFORE_INVERTED) or r.lemma in TELL_LEMMAS:
        return None
    n = len(words)
    e = np_after(tok, k + 1)
    np = classify(tok, k + 1, e) if e is not None else None
    nxt = words[e] if e is not None and e < n else "."
    if np is not None and np.kind == "pronoun" and nxt not in (",", ".", ";", "!", "?"):
        return None
    if (
        e is None
        or np is None
        or np.kind is None
        or (e < n and not (nxt in PUNCT or nxt.lower() in _AFTER_INVERTED or s.inside[e]))
    ):
        if not after_quote(s, j):
            return None
        end = phrase_end(s, k + 1)
        np, roles, _joined = subject_in(tok, k + 1, end)
        if np is None or np.kind == "pronoun" or (np.end > tok.starts[k + 1] + 120):
            return None
        give_roles(entities, np, roles)
        e = tok.index_at(np.end)
    np, e = _apposed_person(tok, np, e, entities)
    _resolve(r, np, s, entities)
    r.attr_start = r.cue_start
    r.attr_end = tok.ends[e - 1]
    if j > 0 and words[j - 1] in (",", "—", "–") and _adjunct_only(s, e):
        content_before(r, s, j - 1)
    return r
