"""Noun phrases that can name a speaker, and what each one is.

``classify`` tells what a noun phrase is (:mod:`.bounds` finds where it begins and ends): a
person's name behind its titles (``German Chancellor Heinz Adler`` is Heinz Adler, role
"German Chancellor"), an organisation (``the Finance Ministry``, ``Ministry of
Agriculture``), a role phrase to bind later (``the Norwegian top diplomat``), a pronoun, a
generic group (``officials``), a document (``the statement``) or a news outlet (``The Daily
Herald``). Pure functions of the tokens: who is who in the article is :mod:`.entities`'
business; ``head_noun`` and ``role_classes`` say what a role phrase is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .bounds import ABBREVS, APOSTROPHES, ARTICLES, ROLE_SPLIT, plural_possessive
from .lexicon import (
    DETERMINERS,
    DOCUMENTS,
    FIRST_NAMES,
    GENERIC,
    NAME_PARTICLES,
    NATIONS,
    ORG_NAMES,
    ORG_WORDS,
    OUTLET_WORDS,
    OUTLETS,
    PRONOUNS,
    ROLE_PHRASES,
    ROLE_WORDS,
    SAY_VERBS,
    STOP_CAPS,
    TITLES,
    Gender,
    words,
)
from .tokens import TOKEN_RE, Tokens, base, is_cap

NPKind = Literal[
    "person", "organisation", "role", "pronoun", "generic", "outlet", "place", "document"
]


_HONORIFICS = frozenset(t for t, g in TITLES.items() if g) | ABBREVS | {"."}

_DOMAIN_RE = re.compile(r"\w\.[a-z]{2,4}$", re.IGNORECASE)


_INDEFINITE = frozenset({"a", "an", "one", "another", "some"})

_FEMALE_ROLES = words(
    "spokeswoman chairwoman congresswoman queen princess duchess countess businesswoman "
    "assemblywoman councilwoman sheikha empress"
)

_MALE_ROLES = words(
    "spokesman chairman congressman king prince duke count businessman assemblyman "
    "councilman sheikh emperor"
)


_MULTI_NATIONS = frozenset(k for k in NATIONS if " " in k)

_MULTI_ROLES = frozenset(k for k in ROLE_PHRASES if " " in k)

_MULTI_ORGS = frozenset(k for k in ORG_WORDS | ORG_NAMES if " " in k)


def _firsts(table: frozenset[str]) -> frozenset[str]:
    """The first words of a table's phrases: a phrase can start only at one of them."""
    return frozenset(phrase.split(" ")[0] for phrase in table)


_NATION_FIRSTS = _firsts(_MULTI_NATIONS)
_ROLE_FIRSTS = _firsts(_MULTI_ROLES)


def _ngrams(
    words: list[str], table: frozenset[str], firsts: frozenset[str], longest: int = 5
) -> list[str]:
    """Phrases of ``table`` (two words or more, each first word in ``firsts``) found in
    ``words`` (single words, no spaces), longest first."""
    found: list[str] = []
    n = len(words)
    if firsts.isdisjoint(words):
        return found
    for size in range(min(longest, n), 1, -1):
        for i in range(n - size + 1):
            if words[i] not in firsts:
                continue
            phrase = " ".join(words[i : i + size])
            if phrase in table:
                found.append(phrase)
    return found


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
    weak_gender: bool = False  # the gender is only a first name's usual one
    phrase_start: int = -1  # where the whole subject phrase starts, when it starts earlier


def nations_of(words: list[str]) -> frozenset[str]:
    """Country keys named in ``words`` ("Russian", "U.S.", "Finland’s", "United States")."""
    lowered = list(map(str.lower, map(base, words)))
    keys = {NATIONS[w] for w in lowered if w in NATIONS}
    if len(words) > 1:
        keys.update(NATIONS[p] for p in _ngrams(lowered, _MULTI_NATIONS, _NATION_FIRSTS))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def role_classes(role: str) -> frozenset[str]:
    """Role classes of a role phrase ("the Russian top diplomat" -> {"diplomat"})."""
    words = list(map(str.lower, map(base, TOKEN_RE.findall(role))))
    low = " " + " ".join(words) + " "
    classes: set[str] = set()
    for phrase in _ngrams(words, _MULTI_ROLES, _ROLE_FIRSTS):
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
            or lw in ABBREVS
            or (n == 0 and lw in SAY_VERBS)  # "Continued Stone:", "Added Berg:"
            or lw in NATIONS
            or lw in ROLE_WORDS
            or lw in ORG_NAMES
            or (lw in ORG_WORDS and n + 2 < len(words))  # "Harbour Ferries" is one name
            or lw in STOP_CAPS
            or _is_acronym(words[n])
            or words[n] != base(words[n])
            or words[n] in APOSTROPHES  # "American Airlines' Kent Powell": theirs, not his
        ):
            n += 1
            continue
        break
    # "Harbour Ferries' Ana Quell": a plural possessive's owner before a first name
    # ("Bakers' Union", "Cyclists' Safety Forum" are one name each)
    for a in range(len(words) - 3, n - 1, -1):
        if words[a] in APOSTROPHES:
            if base(words[a + 1]).lower() in FIRST_NAMES:
                n = a + 1
            break
    # "Senate Majority Leader Mitch McConnell": a title word further on ends the titles
    for r in range(len(words) - 2, n - 1, -1):
        lw = base(words[r]).lower()
        if (lw in ROLE_WORDS or lw in TITLES) and base(words[r + 1]).lower() not in ROLE_WORDS:
            if base(words[n]).lower() not in FIRST_NAMES:
                return r + 1
            break
    return n


def _man_compound(titles: list[str]) -> bool:
    """Whether the titles' gender is only a "-man" job's (``spokesman``, ``chairman``): no
    honorific (``Mr.``) and no rank (``king``) gives it."""
    low = [t.lower().rstrip(".") for t in titles]
    return not any(TITLES.get(t) for t in low) and any(
        t.endswith("man") and t not in _RANK_MEN for t in low
    )


_RANK_MEN = words("human")


def gender_of(name: str, titles: list[str] | None = None) -> Gender | None:
    """Gender from an honorific, a first name, or a Slavic surname ending."""
    for t in titles or ():
        g = TITLES.get(t.lower().rstrip("."))
        if g:
            return g
        low = t.lower()
        if low in _FEMALE_ROLES or (low.endswith("woman") and len(low) > 6):
            return "f"
        if low in _MALE_ROLES or (low.endswith("man") and len(low) > 5 and low != "human"):
            return "m"  # "spokesman", "the Frenchman"
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
    if not is_cap(words[0]):
        return False  # "the insider", "the post": a common noun, not a masthead
    text = " ".join(map(base, words)).lower()
    # a domain ("Yahoo.com") has a full stop, which base and lower() leave in the text
    if text in OUTLETS or ("." in text and any(_DOMAIN_RE.search(w) for w in words)):
        return True
    last = base(words[-1])
    return is_cap(last) and last.lower() in OUTLET_WORDS and all(map(is_cap, words))


def _agency_of(head: list[str], body: list[str]) -> bool:
    """``the Agency for Water Quality``: a word both outlets and organisations end
    with, given a complement, names an organisation (a news agency has none)."""
    return len(head) < len(body) and base(head[-1]).lower() in ORG_WORDS


def _is_org(words: list[str]) -> bool:
    """Whether a phrase names an organisation ("Foreign Ministry", "NATO", "White House")."""
    text = " ".join(map(base, words)).lower()
    if text in ORG_NAMES:
        return True
    last = base(words[-1]).lower()
    if last in ORG_WORDS or last in ORG_NAMES:
        return True
    parts = text.split()
    return any(" ".join(parts[-n:]) in _MULTI_ORGS for n in range(2, min(4, len(parts)) + 1))


def join_words(words: list[str]) -> str:
    """Words as written: a lone apostrophe or full stop joins the word before it."""
    out = ""
    for w in words:
        out += w if (w in ("'", "’", ".") and out) else (" " + w if out else w)
    return out


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
    weak_gender: bool = False


_EMPTY_SHAPE = _Shape()


def classify(tok: Tokens, i: int, j: int) -> NP:
    """Classify the noun phrase ``tok[i:j]``."""
    shape = _shape(tuple(tok.words[i:j])) if j > i else _EMPTY_SHAPE
    start = tok.starts[i]
    end = tok.ends[j - 1] if j > i else start
    name_span = None
    if shape.name_at is not None:
        a, b = shape.name_at
        name_span = (tok.starts[i + a], tok.ends[i + b - 1])
    return NP(  # positionally, in NP's field order: the extractor's most frequent call
        shape.kind,
        start,
        end,
        shape.name,
        name_span,
        shape.role,
        shape.nations,
        shape.classes,
        shape.gender,
        shape.definite,
        tok.text[start:end],
        shape.weak_gender,
    )


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
    head_len = next((n for n, w in enumerate(body) if n > 0 and w.lower() in ROLE_SPLIT), len(body))
    head = body[:head_len]
    # the head is the body when no word splits it: its test would repeat the body's
    if _is_outlet(body) or (
        head_len < len(body) and _is_outlet(head) and not _agency_of(head, body)
    ):
        return _Shape("outlet", join_words(body), definite=definite)
    if head_len < len(body) and is_cap(head[-1]) and head_len > 1:
        named = _shape(words[: offset + head_len])  # "Greta Holm | of the University …"
        if named.kind == "person":
            return named
    nations = nations_of(body)
    # the trailing run of capitalised words is the name, once its titles are stripped
    run = len(body)
    while run > 0 and (
        is_cap(body[run - 1])
        or (body[run - 1].lower() in NAME_PARTICLES and run > 1 and is_cap(body[run - 2]))
        or (body[run - 1] in APOSTROPHES and plural_possessive(body, run - 1) and run < len(body))
    ):
        run -= 1
    cap_words = body[run:]
    name_from = run + _name_words_start(cap_words)
    name_words = body[name_from:]
    lead = body[run - 2 : run] if run > 1 and body[run - 1].lower() in ARTICLES else body[:run]
    if lead and lead[-1].lower() in ROLE_SPLIT and len(name_words) < 2:
        name_words = []  # "the mayor of Eastport": a complement, not a name
    elif lead and lead[-1].lower() in ("of", "for") and len(name_words) > 2:
        keep = 3 if base(name_words[-3]).lower() in FIRST_NAMES else 2
        name_from = len(body) - keep  # "Minister for Trade Ola Brant"
        name_words = body[name_from:]
    last = base(head[-1]).lower()
    if (
        last in GENERIC
        and len(head) > 1
        and is_cap(head[-2])
        and (
            is_cap(head[-1]) or last in ORG_WORDS  # "Tarnby police"
        )
    ):
        # "Velby Police", "Harrow Tenants' Association": a named group
        name = join_words(body[: len(head)])
        return _Shape("organisation", name, (offset, offset + len(head)), nations=nations)
    if last in GENERIC:
        return _Shape("generic", nations=nations, definite=definite)
    if last in DOCUMENTS and not is_cap(head[-1]):  # "the statement", "the IMF report"
        return _Shape("document", None, None, join_words(body), nations, definite=definite)
    head_org = _is_org(head)  # asked again below: the answer is kept
    if head_org or (cap_words and _is_org(cap_words)):
        if not is_cap(body[-1]):  # "the ministry": bound later to a named organisation
            classes = frozenset({"org:" + base(body[-1]).lower()})
            return _Shape("role", None, None, " ".join(body), nations, classes, None, definite)
        whole = head_org and (
            head_len == len(body)  # "Ministry of Fisheries", "Bank of Norvale":
            or all(is_cap(w) or w.lower() in ("of", "for", "and", "&") for w in body)
        )
        n0 = offset + (0 if whole else run)
        name = join_words(body if whole else cap_words)
        return _Shape("organisation", name, (n0, len(words)), None, nations, definite=definite)
    if offset and lw0 == "the" and len(body) == 1 and name_words and not _is_org(body):
        gender = gender_of("", [base(body[0])])
        return _Shape("role", None, None, body[0], nations, frozenset(), gender, definite)
    if lw0 == "the" and name_from == 0 and _description(body):
        # "the California Republican", "the Ohio Governor": who someone is, not a name
        described = join_words(body)
        classes = role_classes(described)
        return _Shape("role", None, None, described, nations, classes, None, definite)
    if name_words and len(name_words) <= 5 and not any(w.isdigit() for w in name_words):
        at = (offset + name_from, len(words))
        if len(name_words) == 1 and name_words[0].lower() in NATIONS:
            return _Shape("place", name_words[0], at, nations=nations, definite=definite)
        if len(name_words) > 1 and name_words[-1].lower() in _STREET_WORDS:
            name = join_words(name_words)  # "Edmond Street": a place, never a person
            return _Shape("place", name, at, nations=nations, definite=definite)
        titles = body[:name_from]
        role_words = [w for w in titles if w.lower() not in _HONORIFICS]
        role = join_words(role_words) if role_words else None
        classes = role_classes(role) if role else frozenset()
        name = join_words([*name_words[:-1], base(name_words[-1])])  # "Ann Roe’s": Ann Roe
        gender = gender_of("", list(map(base, titles)))
        first_gender = gender_of(name)
        weak = gender is None and first_gender is not None
        if gender == "m" and first_gender != "m" and _man_compound(titles):
            gender, weak = first_gender or gender, True  # "spokesman Anna Berg": women's too
        gender = gender or first_gender
        return _Shape("person", name, at, role, nations, classes, gender, definite, weak)
    if not definite and (last in ROLE_WORDS or _someone(head)):
        # "a spokesman for the utility", "one user", "a Vell supporter": nobody named
        role = " ".join(body)
        return _Shape("generic", None, None, role, nations, role_classes(role), None, definite)
    if len(body) == 1 and _is_acronym(body[0]) and body[0].isalpha():
        return _Shape("organisation", body[0], (offset, offset + 1), nations=nations)  # "APC"
    if len(body) == 1 and base(body[0]).lower() in NATIONS and lw0 == "the":
        # "the Norwegian said": someone of that nation, a description to resolve
        return _Shape("role", None, None, body[0], nations, frozenset(), None, definite)
    if len(body) == 1 and base(body[0]).lower() in NATIONS:
        at = (offset, offset + 1)
        return _Shape("place", base(body[0]), at, nations=nations, definite=definite)
    classes = role_classes(" ".join(body))
    gender = gender_of("", list(map(base, head)))
    if classes or last in ROLE_WORDS or last in TITLES:
        return _Shape("role", None, None, " ".join(body), nations, classes, gender, definite)
    if lw0 == "the" and head[-1].isalpha() and head[-1].islower() and len(body) <= 5:
        # "the New York businessman", "the 34-year-old": a description of someone
        return _Shape("role", None, None, join_words(body), nations, frozenset(), gender, definite)
    return _Shape(nations=nations, definite=definite)


_MEMBER_ENDINGS = ("an", "crat", "ist")


def _member(word: str) -> bool:
    """A noun for a member or an adherent: ``Republican``, ``Democrat``, ``Socialist``."""
    low = base(word).lower()
    return low.endswith(_MEMBER_ENDINGS) and len(low) > 4 and low.isalpha()


def _description(body: list[str]) -> bool:
    """Whether capitalised words after "the" describe a person rather than name one: no
    first name among them, and the last is a member noun (``Republican``, ``Democrat``,
    ``Socialist``) or a role (``Governor``). ``the Vell Institute`` and ``the Dunmore
    Union Leader`` (an organisation's words before the role) are no descriptions."""
    if len(body) < 2 or not all(map(is_cap, body)) or _is_org(body[:-1]):
        return False
    if any(base(w).lower() in FIRST_NAMES for w in body):
        return False
    return _member(body[-1]) or base(body[-1]).lower() in ROLE_PHRASES


def _someone(head: list[str]) -> bool:
    """Whether an indefinite phrase's head noun is someone unnamed: ``(one) user``,
    ``(a) Vell supporter``, ``(one) Democrat``; not a name (``one Ann Roe``)."""
    last = base(head[-1])
    if last.islower():
        return last.isalpha() and len(last) > 2
    return _member(last) and last.lower() not in FIRST_NAMES


def strip_det(text: str) -> str:
    """``text`` without a leading article ("the spokesman" -> "spokesman")."""
    head, _, rest = text.partition(" ")
    return rest if rest and head.lower() in ARTICLES else text


_STREET_WORDS = frozenset(
    ("street", "road", "avenue", "boulevard", "lane", "square", "highway", "drive", "plaza")
)

_HEAD_CUT = frozenset(["of", "for", "at", "in", "to", "with", "from", "on", "who", "which", ","])


@lru_cache(maxsize=65536)
def head_noun(phrase: str) -> str | None:
    """The head noun of a role phrase, lower-case: "the party’s treasurer" → "treasurer",
    "chief economist at Banco Sereno" → "economist", "Health Minister" → "minister"."""
    words: list[str] = []
    for w in TOKEN_RE.findall(phrase):
        if w.lower() in _HEAD_CUT and words:
            break
        words.append(w)
    while words and not words[-1][:1].isalpha():
        words.pop()
    if not words:
        return None
    head = base(words[-1]).lower()
    return head if head.isalpha() and head not in DETERMINERS and len(head) > 2 else None
