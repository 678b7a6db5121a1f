"""Which outlet published an article: candidates from every place a page names itself.

An outlet names itself in its masthead, in a byline (``Ana Quell | TORVIK (Northline) -``),
in the dateline (``TORVIK, May 4 (Northline) -``), in the reporter's voice (``...,
Northline reports``), after the headline (``Headline | The Saltmere Gazette``), in the
copyright footer (``© 2026 The Saltmere Gazette``), in a statement about itself (``The
Saltmere Gazette is published by ...``), after a reporter's job (``Health correspondent,
Saltmere Gazette``; or is that a beat?), alone on the story's last line, as an e-mail's sender
and in photo credits (``Photo: A. Quenby/Saltmere Gazette``). They are ranked in that order
of trust: a footer or a credit is used only when nothing better names the outlet. The URL's
host, spelled out in the text (``saltmeregazette.example`` and ``Saltmere Gazette``), ranks
just above the title bar's name.
"""

from __future__ import annotations

import re

from .chrome import section_words
from .metadata import clean_outlet

# © 2026 The Saltmere Gazette. | Copyright © 1994-2026 Saltmere Gazette Ltd | © Gazette 2026
_COPYRIGHT = re.compile(
    r"(?:copyright\s*)?(?:©|ⓒ|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[^\s©.|(),·•][^|©(),·•]*?)\s*(?:,?\s*\d{4})?\s*"
    r"(?=$|\(|[.|,·•](?:\s|$)|all\s+rights|-\s|–\s)",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:ltd|limited|inc|llc|l\.l\.c|plc|gmbh|ag|s\.a|sa|s\.l|d\.o\.o|a/s|as|asa|ab|oy"
    r"|bv|b\.v|nv|n\.v|pte\.?(?:\s+ltd)?|pty\.?(?:\s+ltd)?|co|corp|corporation|group"
    r"|sp\.\s*z\s*o\.o|s\.r\.l|srl|k\.k)\.?$",
    re.IGNORECASE,
)
_COMPANY_KIND = re.compile(
    r"\s+(?:media|holdings|publishing|publications|newspapers|communications|company)$",
    re.IGNORECASE,
)
# Without a legal suffix, only a word no outlet ends its name with goes.
_NEWSPAPER_KIND = re.compile(
    r"\s+(?:holdings|publishing|publications|newspapers|communications|company)$",
    re.IGNORECASE,
)
# "The Saltmere Gazette is published by ..." / "... is an independent blog" / "... is not
# responsible for the content of external sites".
_SELF_IS = (
    r"is\s+(?:published|produced|edited|owned|run|part\s+of"
    r"|(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:blog|newspaper|paper|magazine|site|website"
    r"|publication|newsletter|journal|podcast|broadcaster|news\s+service|news\s+agency|weekly"
    r"|daily|monthly)"
    r"|not\s+responsible\s+for\s+the\s+content\s+of\s+external)\b"
)
_SELF = re.compile(
    rf"(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){{0,4}})\s+{_SELF_IS}"
)
# A footer thanking its reader by the outlet's name: "You are reading The Eldham Current — ...".
_READING = re.compile(
    r"(?:you(?:'|’)re|you\s+are)\s+(?:now\s+)?reading\s+|thanks?\s+(?:you\s+)?for\s+reading\s+",
    re.IGNORECASE,
)
_READ_NAME = re.compile(
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|on|&)\s+)?[A-Z][\w&'’.-]*){0,4})"
    r"\s*(?:[—–,.:;!|]|\s-\s|$)"
)
# Every match of _SELF holds one of this, which opens with a literal and so is found fast.
_SELF_HINT = re.compile(_SELF_IS)
# Photo: A. Quenby/Saltmere Gazette  ·  (Picture: Tom Quarrie / The Saltmere Gazette)
_CREDIT = re.compile(
    r"(?:photo(?:graph)?s?|pictures?|images?|credit)(?:\s+(?:credit|by))?\s*[:：]\s*"
    r"(?P<who>[^/():]{2,40}?)\s*/\s*(?P<outlet>[A-Z][\w&'’. -]{1,40}?)\s*\)?\.?\s*$",
    re.IGNORECASE,
)
# "The views expressed ... are not necessarily those of the Saltmere Gazette."
_DISCLAIMER = re.compile(
    r"not\s+necessarily\s+(?:those\s+of|the\s+views?\s+of|reflect\s+(?:those|the\s+views?)\s+of)"
    r"\s+(?:the\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,4})"
)
_HOST_LABEL = re.compile(
    r"(?:https?://)?(?:www\d?\.|m\.|amp\.)?(?P<label>[a-z0-9-]+)\.", re.IGNORECASE
)
_ABOUT = re.compile(
    r"About\s+(?:the\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of)){0,5})"
)
_OUTLET_JOINERS = frozenset(["of", "and", "&", "on", "the", "for"])
_NAME_WORD = re.compile(r"[A-Z0-9&]")
_FUNCTION_WORDS = frozenset(["The", "This", "That", "These", "Those", "A", "An", "And", "But"])
# "a free subscriber to The Eldham Letter", "unlimited access to The Ledger", "Subscribe to
# The Beacon Letter": a page's prompt names the outlet it sells.
_PROMPT = re.compile(
    r"(?:subscriber\s+to|access\s+to|subscribed?\s+to|(?:sign|signed)\s+up\s+(?:to|for))\s+"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|on|&)\s+)?[A-Z][\w&'’.-]*){0,4})"
)
# "Writer for", "Contributing editor at": a writer's card before the publication's name.
_ROLE_FOR = re.compile(
    r"^(?:[A-Z][a-z]+\s+)?(?:writer|editor|contributor|columnist|reporter|correspondent)s?"
    r"\s+(?:for|at|of|to)\s+(?=[A-Z])",
    re.IGNORECASE,
)
# A masthead's edition tag: "English edition", "International Edition", "Print edition",
# "English Service"; or a series' instalment: "Episode 41", "Issue #12".
_EDITION_PIECE = re.compile(
    r"(?:[\w-]+\s+)?edition|(?:english|international)(?:\s+(?:service|version))?|en|eng"
    r"|(?:episode|ep\.|issue|no\.|number|vol(?:ume|\.))\s*#?\d{1,4}",
    re.IGNORECASE,
)
# Words that end an organisation's name, not a person's ("Eldham Parish News").
ORG_WORDS = frozenset(
    word
    for group in (
        "news service desk bureau newsroom team staff agency wire press media radio tv",
        "post times herald gazette chronicle journal tribune courier observer bulletin",
        "record weekly daily magazine newsletter review office department",
    )
    for word in group.split()
)
# Source kinds, most trusted first.
RANKS = (
    "label",
    "masthead",
    "byline",
    "card",
    "dateline",
    "reported",
    "named host",
    "title",
    "copyright",
    "self",
    "role",
    "sign-off",
    "prompt",
    "top line",
    "sender",
    "credit",
    "host",
)


def copyright_outlet(line: str) -> str | None:
    """The holder a copyright line names: ``© 2026 The Saltmere Gazette Ltd`` -> ``The
    Saltmere Gazette``."""
    if not any(sign in line for sign in ("©", "ⓒ", "opyright", "(c)", "(C)")):
        return None
    m = _COPYRIGHT.search(line)
    if not m:
        return None
    name = m.group("name").strip()
    legal = False
    while True:
        shorter = _LEGAL_SUFFIX.sub("", name)
        legal = legal or shorter != name
        kindless = (_COMPANY_KIND if legal else _NEWSPAPER_KIND).sub("", shorter)
        if len(kindless.split()) >= 2:  # "Saltmere Gazette Media Ltd": the company's kind
            shorter = kindless  # goes, but "Tideline Media" and "Eldham Public Media" are names
        if shorter == name:
            break
        name = shorter
    return clean_outlet(name) if name.lower() not in ("all rights reserved",) else None


def self_named_outlet(line: str) -> str | None:
    """The outlet in ``The Saltmere Gazette is published by ...``, ``You are reading The
    Saltmere Gazette — ...`` and the like."""
    if line[:1] in "YyTt" and (lead := _READING.match(line)):
        named = _READ_NAME.match(line, lead.end())
        return clean_outlet(named.group("name")) if named else None
    m = _SELF.search(line) if _SELF_HINT.search(line) else None
    if not m or (m.start() and line[m.start() - 1] not in " .\t"):
        return None
    if m.start() and not line[: m.start()].rstrip().endswith("."):
        return None  # mid-sentence: "... said The Saltmere Gazette is a ..." is not a footer
    return clean_outlet(m.group("name"))


def about_outlet(heading: str, after: str) -> str | None:
    """The organisation a release's boilerplate presents: ``About Eldham Energy`` over
    ``Eldham Energy builds ...``."""
    m = _ABOUT.fullmatch(heading.strip())
    if m is None or not after.lstrip().startswith(m.group("name")):
        return None
    return clean_outlet(m.group("name"))


def disclaimed_outlet(line: str) -> str | None:
    """The outlet a column's disclaimer names: ``... not necessarily those of the Post``."""
    if "necessarily" not in line:
        return None
    m = _DISCLAIMER.search(line)
    return clean_outlet(m.group("name").rstrip(".")) if m else None


def signoff_outlet(line: str, text: str, author: str | None) -> str | None:
    """The outlet a page signs off with: its name alone as the story's last line (``The
    Harbour Post`` under the share buttons). A person's name has the same shape, so the byline
    is not taken, nor a name without "The" that the text names elsewhere (someone quoted).
    A section may come first: ``Sport | Eldham Courier``."""
    head, sep, tail = line.rpartition(" | ")
    if sep and (section_words(head) or head.strip() == author):
        line = tail.strip()  # "Sport | Eldham Courier", "Ana Quell | Eldham Courier"
    line = _ROLE_FOR.sub("", line)  # "Writer for Eldham Signals": the author's card
    words = line.split()
    if not 2 <= len(words) <= 6 or line.endswith((".", "!", "?", ":", ",")) or line == author:
        return None
    if not all(w[0].isupper() or w in _OUTLET_JOINERS for w in words) or any(
        ch.isdigit() for ch in line
    ):
        return None
    if words[0] != "The" and text.count(line) > 1:
        return None
    return clean_outlet(line)


def named_host(url: str, text: str) -> str | None:
    """The outlet whose name the URL's host spells, as the text writes it: the host
    ``saltmeregazette.example`` and the words ``Saltmere Gazette`` in the text. The host may add a
    hyphenated tail (``saltmeregazette-news``)."""
    m = _HOST_LABEL.match(url)
    if m is None:
        return None
    label = m.group("label").lower()
    for letters in dict.fromkeys((label.replace("-", ""), label.split("-")[0])):
        if len(letters) < 5:
            continue
        spelled = r"[ '’-]?".join(re.escape(ch) for ch in letters)
        pattern = rf"(?<![\w.@/-])(?:{spelled})(?!\w)(?![\w.-]*\.[a-z])"
        for found in re.finditer(pattern, text, re.IGNORECASE):
            name = found.group()
            words = re.split(r"[ '’-]", name)
            if all(_NAME_WORD.match(w) for w in words if w):
                if text[max(0, found.start() - 4) : found.start()] == "The ":
                    name = "The " + name  # "The Ferrow Brief", as the text names it
                return clean_outlet(name)
    return None


def expand_initials(initials: str, header: str) -> str | None:
    """An outlet named by its initials (``(HP)`` in a dateline), spelled out where the
    header names it in full (``Saltmere Gazette Writers`` under the byline)."""
    if not (2 <= len(initials) <= 5 and initials.isalpha() and initials.isupper()):
        return None
    spelled = r"\s+".join(rf"{ch}[a-z][\w'’-]*" for ch in initials)
    for m in re.finditer(rf"\b{spelled}\b", header):
        if m.group().split()[0] not in _FUNCTION_WORDS:
            return m.group()
    return None


def _capitalised(piece: str) -> bool:
    """Every word capitalised (joiners aside): a name, not a label (``Match report``)."""
    return all(w[0].isupper() or w in _OUTLET_JOINERS or not w[0].isalpha() for w in piece.split())


def prompt_outlet(line: str) -> str | None:
    """The outlet a subscription prompt sells: ``You're a free subscriber to The Eldham Letter``."""
    m = _PROMPT.search(line)
    if m is None:
        return None
    name = m.group("name").rstrip(".")
    return clean_outlet(name[0].upper() + name[1:])


def organisation(name: str) -> bool:
    """Whether a byline's name is an organisation's (``Eldham Parish News``), not a person's."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in ORG_WORDS and " and " not in name


def credit_outlet(line: str) -> str | None:
    """The outlet in a photo credit ``Photo: A. Quenby/Saltmere Gazette``."""
    m = _CREDIT.search(line)
    return clean_outlet(m.group("outlet")) if m else None


def masthead_outlet(masthead: str, text: str) -> str | None:
    """The outlet a masthead names, as the page writes it elsewhere when it shouts.

    ``RK NEWS | Radio Kalvo`` names it twice: the spelled-out piece wins; in ``RADIO KALVO |
    News`` the section does not. ``THE SALTMERE
    GAZETTE`` is given in the page's own mixed case when the page has it (``Saltmere Gazette``).
    """
    pieces = [p.strip() for p in re.split(r"\s*[|·•]\s*|\s{2,}|\s+[–—]\s+", masthead) if p.strip()]
    pieces = [p for p in pieces if not _EDITION_PIECE.fullmatch(p)] or pieces
    if len(pieces) == 1:
        masthead = pieces[0]
    elif len(pieces) > 1:
        named = [p for p in pieces if not section_words(p) and _capitalised(p)]
        if not named:
            return None  # "Football | Match report": a section and a label
        mixed = [p for p in named if not p.isupper()]
        masthead = max(mixed or named, key=len)
    name = clean_outlet(masthead)
    if name is None or not name.isupper():
        return name
    core = re.sub(r"^THE\s+", "", name)
    for m in re.finditer(re.escape(core), text, re.IGNORECASE):
        found = m.group()
        if not found.isupper():
            return f"The {found}" if core != name else found
    return name


def choose(candidates: list[tuple[str, str]]) -> str | None:
    """The most trusted candidate ``(kind, name)``; ties go to the first found."""
    best: tuple[int, int, str] | None = None
    for order, (kind, name) in enumerate(candidates):
        key = (RANKS.index(kind), order, name)
        if best is None or key < best:
            best = key
    return best[2] if best else None
