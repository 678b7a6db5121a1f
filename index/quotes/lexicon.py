"""Word lists for quote extraction, loaded once from ``data/*.txt`` beside this module.

Every list is general knowledge (reporting verbs, role nouns, first names, outlets); none is
tailored to any particular article.
"""

from __future__ import annotations

from importlib import resources
from typing import Literal

Gender = Literal["m", "f"]


def words(text: str) -> frozenset[str]:
    """The space-separated words of ``text``."""
    return frozenset(text.split())


def _lines(name: str) -> list[str]:
    """The non-comment, non-blank lines of ``data/<name>``."""
    raw = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _words(name: str) -> frozenset[str]:
    """A lowercased one-entry-per-line list."""
    return frozenset(line.lower() for line in _lines(name))


def _inflect(lemma: str) -> set[str]:
    """Regular forms of an English verb: lemma, -s, -ed and -ing."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add(lemma[:-1] + "ing" if not lemma.endswith(("ee", "ye", "oe")) else lemma + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
        forms.add(lemma + "ing")
    else:
        forms.add(lemma + "ed")
        forms.add(lemma + "ing")
    return forms


def _verbs(name: str) -> dict[str, str]:
    """Map every form of each listed verb to its lemma."""
    table: dict[str, str] = {}
    for line in _lines(name):
        lemma, *extra = line.lower().split()
        for form in _inflect(lemma) | set(extra):
            table.setdefault(form, lemma)
    return table


TAG_VERBS = _verbs("tag_verbs.txt")  # a cue only next to a quote ("she continued")
SAY_VERBS = {**TAG_VERBS, **_verbs("speech_verbs.txt")}  # zero-"that" clause allowed
BELIEF_VERBS = _verbs("belief_verbs.txt")  # explicit "that" required
PARTIAL_VERBS = _verbs("partial_verbs.txt")  # frame a quoted phrase only
TELL_LEMMAS = frozenset({"tell", "inform", "assure", "remind", "warn", "promise"})


def _roles() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in _lines("roles.txt"):
        cls, _, phrases = line.partition(":")
        for phrase in phrases.split(","):
            phrase = phrase.strip().lower()
            if phrase:
                table.setdefault(phrase, set()).add(cls.strip())
    return {k: frozenset(v) for k, v in table.items()}


ROLE_PHRASES = _roles()
_FUNCTION = frozenset(["of", "for", "the", "a", "an", "and", "in", "to", "at", "on"])
ROLE_WORDS = frozenset(w for phrase in ROLE_PHRASES for w in phrase.split()) - _FUNCTION
ROLE_MODIFIERS = words(
    "foreign policy chief top senior former deputy acting vice press defence defense prime "
    "interior finance economy health justice trade state national security special general "
    "high military intelligence presidential government party opposition parliamentary "
    "outgoing incoming current longtime veteran lead assistant executive regional federal "
    "local white house kremlin ministry department affairs public relations communications "
    "exchequer treasury home energy environment education culture digital transport "
    "agriculture labour labor industry development emergency situations european commission "
    "union council team campaign club company spokesperson chief-of-staff"
)


def _nations() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _lines("nationalities.txt"):
        key, _, variants = line.partition(":")
        for v in variants.split(","):
            v = v.strip().lower()
            if v:
                table[v] = key.strip()
    return table


NATIONS = _nations()  # variant ("american", "u.s.") -> key ("us")
OUTLETS = _words("outlets.txt")
OUTLET_WORDS = _words("outlet_words.txt")
ORG_WORDS = _words("org_words.txt")
ORG_NAMES = _words("org_names.txt")
GENERIC = _words("generic_speakers.txt")
DOCUMENTS = _words("document_words.txt")
STOP_CAPS = _words("stop_caps.txt")
IRREGULAR_PAST = frozenset(w for line in _lines("irregular_past.txt") for w in line.split())


def _titles() -> dict[str, Gender | None]:
    table: dict[str, Gender | None] = {}
    for line in _lines("titles.txt"):
        word, *gender = line.lower().split()
        table[word] = gender[0] if gender else None  # type: ignore[assignment]
    return table


TITLES = _titles()


def _first_names() -> dict[str, Gender | None]:
    male = {w.lower() for line in _lines("names_male.txt") for w in line.split()}
    female = {w.lower() for line in _lines("names_female.txt") for w in line.split()}
    table: dict[str, Gender | None] = dict.fromkeys(male, "m")
    for name in female:
        table[name] = None if name in male else "f"
    return table


FIRST_NAMES = _first_names()

_PLAIN_PRONOUNS: dict[str, Gender | None] = {
    "he": "m",
    "she": "f",
    "they": None,
    "we": None,
    "i": None,
    "it": None,
}
# With their contractions: "I'm", "We’re", "He's" are pronouns, never a capitalised name.
PRONOUNS: dict[str, Gender | None] = _PLAIN_PRONOUNS | {
    f"{pronoun}{mark}{tail}": gender
    for pronoun, gender in _PLAIN_PRONOUNS.items()
    for mark in "'’"
    for tail in ("m", "re", "ve", "ll", "d", "s")
}
AUXILIARIES = words(
    "is are was were be been being has have had will would can could shall should may might "
    "must do does did am ought remains remained seems seemed appears appeared isn’t aren’t "
    "wasn’t weren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t shouldn’t doesn’t "
    "don’t didn’t isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't "
    "couldn't shouldn't doesn't don't didn't"
)
ADVERBS = words(
    "also again later earlier previously recently repeatedly reportedly allegedly publicly "
    "privately directly openly firmly strongly ultimately consistently separately likewise "
    "then now once further still too always often frequently even already subsequently "
    "initially first last yesterday today tonight explicitly clearly bluntly flatly simply "
    "quickly swiftly angrily calmly emphatically insistently softly quietly loudly just "
    "reiterated has have had will would could may might did does do was were is are"
)
DETERMINERS = words("the a an this that these those its his her their our my your")
# "Hours later,", "Years ago,": a time phrase opening a sentence, never its subject
TIME_AFTER = words("later earlier ago afterwards afterward after before")
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# Abbreviations whose full stop ends no sentence; the first set also stands before names.
TITLE_ABBREVIATIONS = words(
    "mr mrs ms dr prof sen rep gov gen col lt capt maj adm sgt cmdr rev hon st cllr supt insp"
)
ABBREVIATIONS = TITLE_ABBREVIATIONS | words(
    "jr sr vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec fig approx est "
    "dept univ mt ft messrs mme mlle pres"
)
NAME_PARTICLES = words("de van von der den bin al el da di du la le ibn del dos das do ter ten zu")
