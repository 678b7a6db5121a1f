"""Everyone the article names, before any quote is attributed: the first stage of
attribution, filling :class:`~.entities.ArticleEntities`.

- Every full name with its titles and appositions (``Berg, the EU’s top diplomat,``), so
  that a lone surname joins its full name and a role learned here binds later
  (:mod:`.roles`). Two passes: full names first, so a surname seen before its full name
  still joins it. Sentences with no run of capitalised words and no known surname are not
  even tokenized.
- How salient each mention is: the subject of a sentence counts more than an object, a
  possessive least (:mod:`.salience` weighs pronouns with it).
- Genders the article's own pronouns give (``Okafor … She said``), for names whose first
  name tells nothing.
- Places: a lone capitalised word the article puts after ``in``/``from`` is a place, never a
  person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import compress, count

from . import scores
from .bounds import np_after, np_before
from .cues import PREPOSITIONS, verb_follows
from .entities import ArticleEntities, Entity, name_words
from .lexicon import ROLE_MODIFIERS, ROLE_WORDS, STOP_CAPS, TIME_AFTER, Gender
from .marks import Sentence
from .phrases import NP, classify, strip_det
from .tokens import WordTable, base

_MULTI_CAP_RE = re.compile(
    r"[A-Z][\w’'\-]*+\.?\s+(?:(?:de|van|von|der|al|bin|da|di|du|la|le|ibn|del)\s+)?[A-Z]"
)

_SPACE_CAP_RE = re.compile(r" [A-Z]")

_PRE_TITLE_WORDS = ROLE_WORDS | ROLE_MODIFIERS

_CAP_WORD_RE = re.compile(r"[A-Z][\w’'\-]+")

# Third-person pronouns: a cheap pattern first (no leading \b, so the regex engine skips
# ahead by the first letter), then the exact words. Right after that letter, a look back:
# no letter, digit or apostrophe before it (inside a word: "the", "this", "O’Shea"), which
# the engine rejects without a match to make. ``{0,5}+``: fewer letters are followed by a
# letter, never by a word's end.
_PRONOUN_RE = re.compile(r"[HhSs](?<![^\W_].|[’'].)h?[ei][a-z]{0,5}+\b")
_PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}


def scan_names(sentences: list[Sentence], entities: ArticleEntities) -> None:
    """Register every name, role and apposition of the article, with its salience."""
    if sentences:
        entities.text = sentences[0].text
        entities.sentences = [(s.start, s.end) for s in sentences]
    found: list[tuple[Sentence, list[tuple[int, int, NP | None]]]] = []
    rest = []
    for s in sentences:
        if _MULTI_CAP_RE.search(s.text, s.start, s.end) is None and not _title_before_cap(s):
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
    by_last, by_first = entities.by_last, entities.by_first
    named = by_last.keys() | by_first.keys()  # the rest adds no name
    keys = _NAME_KEYS
    written: dict[str, bool] = {}  # lower-case words the article writes, as _uncommon finds them
    for s in rest:
        caps = _CAP_WORD_RE.findall(s.text, s.start, s.end)
        known = not named.isdisjoint(map(keys.__getitem__, caps))
        if known or (
            (lone := _LONE_SUBJECT_RE.match(s.text, s.start))
            and _uncommon(s.text, lone.group(1), written)
        ):
            found.append((s, [(i, j, None) for i, j in _noun_phrases(s)]))
    found.sort(key=lambda t: t[0].idx)
    for s, nps in found:
        tok = s.tok
        words = tok.words
        n = len(words)
        subject_seen = False
        last_end, last_weight = -1, 0.0
        for i, j, np in nps:
            if np is None:
                word = keys[words[i]]
                known = word in by_last or word in by_first
                if not known and not (i == 0 and _lone_subject(s, words, j, written)):
                    continue  # a lone capitalised word: a name only once it is a subject
                np = classify(tok, i, j)
            if np.kind == "outlet" and np.name:
                np.kind = "organisation"  # an outlet named in the text may speak later
            if np.kind != "person" and np.kind != "organisation":
                continue
            ent = entities.entity(np, np.start)
            if ent is None:
                continue
            weight = _weight(words, i, j, subject_seen)
            if i >= 2 and i - 1 == last_end and words[i - 1] == "and":
                weight = last_weight  # "Keller and Bianchi met": both are the subject
            subject_seen = subject_seen or weight == scores.SUBJECT_WEIGHT
            last_end, last_weight = j, weight
            name = np.name or ""
            sure = np.kind != "person" or " " in name or not entities.shared_surname(name)
            entities.mention(s.idx, np.start, ent, weight, sure)
            if (j < n and words[j] == ",") or (i >= 2 and words[i - 1] == ","):
                _appositions(s, i, j, ent)
    follow_pronouns(sentences, entities)


def name_key(word: str) -> str:
    """One written word of a name, folded as the article's name tables key it."""
    folded = name_words(word)
    return folded[0] if folded else ""


_NAME_KEYS = WordTable(name_key)  # name_key of each word


def _starts_upper(word: str) -> bool:
    """Whether a token's first character is upper-case (a token is never empty)."""
    return word[0].isupper()


_CAPITALISED = WordTable(_starts_upper)  # _starts_upper of each word


def _title_before_cap(s: Sentence) -> bool:
    """``spokesman Volkov``: a lower-case title word before a capitalised word. The
    sentence's first word counts only when the text starts with it (as ``text[0:at]``, the
    whole text before it, in the scan this replaces)."""
    text = s.text
    if not _SPACED_TITLES.isdisjoint(_WORD_BEFORE_CAP_RE.findall(text, s.start, s.end)):
        return True
    if s.start > _LONGEST_TITLE:
        return False  # the text's first word would end before the sentence starts
    first = text.find(" ", s.start, s.end)  # the first word ends here
    return (
        0 <= first <= _LONGEST_TITLE
        and _SPACE_CAP_RE.match(text, first, s.end) is not None
        and text[:first] in _PRE_TITLE_WORDS
    )


# A word after a space and before a capitalised word: every title word is of these letters.
# ``++`` keeps the engine from trying each shorter word at each space (a shorter one is
# followed by a letter, never by the space), half the cost of the scan.
_WORD_BEFORE_CAP_RE = re.compile(r" [a-zé-]++(?= [A-Z])")
_SPACED_TITLES = frozenset(" " + w for w in _PRE_TITLE_WORDS)
_LONGEST_TITLE = max(map(len, _PRE_TITLE_WORDS))


# ``++``: a shorter word is followed by a letter, never by the comma or space; and one
# lower-case letter after the space tells what the whole word after it would
_LONE_SUBJECT_RE = re.compile(r"([A-Z][a-z]++)(?:,| [a-z])")


def _uncommon(text: str, word: str, written: dict[str, bool]) -> bool:
    """Whether a capitalised ``word`` could be a name: no stop word, and the article never
    writes it in lower case (``Skippers say …`` beside ``the skippers``). ``written`` keeps
    what the article's text gave for each word (a scan of the whole text each)."""
    low = word.lower()
    if low in STOP_CAPS:
        return False
    found = written.get(low)
    if found is None:
        found = written[low] = text.find(" " + low + " ") >= 0
    return not found


def _lone_subject(s: Sentence, words: list[str], j: int, written: dict[str, bool]) -> bool:
    """``Okafor, who …`` / ``Okafor bristles …``: a lone capitalised word opening the
    sentence (ending at ``j``) before a verb or an apposition names a person (if it is no
    place, and no common noun the article writes in lower case too: ``Skippers say``)."""
    return (
        j == 1
        and j < len(words)
        and verb_follows(words[j])
        and not (words[j] in TIME_AFTER and words[j + 1 : j + 2] == [","])  # "Hours later,"
        and _uncommon(s.text, words[0], written)
    )


def _weight(words: list[str], i: int, j: int, subject_seen: bool) -> float:
    """How salient the mention ``words[i:j]`` is: a possessive or an object of a preposition
    little, the first other mention of the sentence (its subject, most often) much."""
    if words[j - 1] != base(words[j - 1]) or (j < len(words) and words[j] in ("’", "'")):
        return scores.POSSESSIVE_WEIGHT
    if i > 0 and words[i - 1].lower() in PREPOSITIONS:
        return scores.OBJECT_WEIGHT
    return scores.MENTION_WEIGHT if subject_seen else scores.SUBJECT_WEIGHT


def follow_pronouns(sentences: list[Sentence], entities: ArticleEntities) -> None:
    """The pronouns outside quotes that can only mean one person: each keeps that person
    salient (``Ryan, despite admitting that he …``), and a person whose gender the first
    name does not tell takes the pronouns' (``Okafor spoke first. She …``; ``Berg met
    Okafor. She …`` when Berg is a man)."""
    if not entities.mentions:
        return
    by_sent: dict[int, list[tuple[int, Entity | None]]] = defaultdict(list)
    for m in entities.mentions:
        if m.ent.kind == "person":
            by_sent[m.sent].append((m.pos, m.ent if m.sure else None))
    votes: dict[int, list[int]] = {}
    people: dict[int, Entity] = {}
    for s in sentences:
        if s.idx not in by_sent and s.idx - 1 not in by_sent:
            continue  # no person named here or just before (no list in it is empty)
        here = by_sent.get(s.idx, [])
        before = by_sent.get(s.idx - 1, [])
        for at, word in _pronouns(s):
            if s.segs and any(seg.open_at <= at < seg.close_end for seg in s.segs):
                continue
            gender = _PRONOUN_GENDER[word]
            cands = [e for p, e in here if p < at] or [e for _p, e in before]
            if None in cands:
                continue  # a surname two people share: whose pronoun is unclear
            fits = list({id(e): e for e in cands if e and _may_be(e, gender)}.values())
            if len(fits) != 1:
                continue
            ent = fits[0]
            subject = word in ("he", "she")
            weight = scores.PRONOUN_WEIGHT if subject else scores.POSSESSIVE_WEIGHT
            entities.mention(s.idx, at, ent, weight)
            by_sent[s.idx].append((at, ent))  # the chain goes on: "Her …" then "she"
            if ent.gender is None or ent.gender_weak:
                people[id(ent)] = ent
                votes.setdefault(id(ent), [0, 0])[gender == "f"] += 1
    for key, (male, female) in votes.items():
        ent = people[key]
        # to overrule a first name's usual gender takes more than one pronoun
        need = 2 if ent.gender_weak else 1
        if male >= max(need, 2 * female + 1) or female >= max(need, 2 * male + 1):
            ent.gender = "m" if male > female else "f"
            ent.gender_weak = False


_PRONOUN_FORMS = frozenset([*_PRONOUN_GENDER, *(w.capitalize() for w in _PRONOUN_GENDER)])


def _pronouns(s: Sentence) -> list[tuple[int, str]]:
    """Where the sentence says he, him, his, she, her … (lower-cased): from its tokens when
    it has them, else by a pattern over its text."""
    if s.has_tokens:
        tok = s.tok
        forms = _PRONOUN_FORMS
        if forms.isdisjoint(tok.words):
            return []
        return [(a, w.lower()) for a, w in zip(tok.starts, tok.words, strict=True) if w in forms]
    out = []
    for found in _PRONOUN_RE.finditer(s.text, s.start, s.end):
        word = found.group().lower()
        if word in _PRONOUN_GENDER:
            out.append((found.start(), word))
    return out


def _may_be(ent: Entity, gender: Gender) -> bool:
    """Whether a pronoun of ``gender`` may refer to ``ent``."""
    return ent.gender in (None, gender) or ent.gender_weak


def _noun_phrases(s: Sentence) -> list[tuple[int, int]]:
    """Token ranges of noun phrases that start with a capitalised word."""
    out = []
    tok = s.tok
    inside = s.inside
    after = 0
    # the capitalised words' indexes, picked without a Python step per word
    for k in compress(count(), map(_CAPITALISED.__getitem__, tok.words)):
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
        if e is None and words[j + 1].lower() in ("the", "a", "an"):
            e = _chunk_end(s, j + 1)  # "Skelby Line, the ferry company,": a plain noun
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
_MAX_APPOSITION = 6  # tokens


def _chunk_end(s: Sentence, i: int) -> int | None:
    """The end of a short phrase from ``i`` to the next comma (or bracket, dash, full
    stop), if it has no verb-like word in it."""
    words = s.tok.words
    for k in range(i + 1, min(len(words), i + _MAX_APPOSITION + 1)):
        if words[k] in _APPOSITION_END:
            return k
        if s.inside[k] or (verb_follows(words[k]) and words[k] != ","):
            return None
    return None
