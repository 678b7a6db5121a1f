"""Recognising an article's metadata in its lines: bylines, sources, URLs, title shape.

Everything here works on one stripped line (or one paragraph) at a time and reports
offsets relative to the string it was given; :mod:`.layout` walks the lines and
:func:`pick_date` / :func:`reported_source` settle the article-level answer. Dates are
read by :mod:`.dates`, datelines by :mod:`.datelines`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from .chrome import section_words
from .datelines import dateline_at
from .dates import (
    DATE_FIRST_WORDS,
    WEEKDAY_NAMES,
    DateFound,
    DateKind,
    date_at,
    first_word,
    may_be_date,
    parse_date,
    relative_age,
    relative_date,
)
from .dates import MONTHS as _MONTHS

__all__ = [
    "META_FIRST_WORDS",
    "DateFound",
    "DateKind",
    "MetaLine",
    "bare_byline",
    "button_label",
    "clean_name",
    "clean_outlet",
    "field_line",
    "first_word",
    "looks_like_title",
    "parse_date",
    "parse_meta_line",
    "pick_date",
    "printed_name",
    "reported_source",
    "role_line",
    "signed_outlet",
]

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "al", "bin", "ibn", "la"}
_NAME_JOINERS = frozenset({"and", "&", "та", "і", "и"})
# After "By"/"Von" also the other languages' "and": "Von A, B und C". Not in a line without
# one: German capitalises its nouns, and "Geräusche und Vibrationen" is no pair of names.
_BYLINE_JOINERS = _NAME_JOINERS | {"und", "et", "y", "e", "en", "och", "og"}
# Byline fillers: "by No Comments", "Posted by admin" are bylines without an author.
_PLACEHOLDER_NAMES = re.compile(
    r"(?:(?:no|leave\s+a|\d+)\s+comments?|comments?|admin(?:istrator)?|staff|editor|guest)",
    re.IGNORECASE,
)
_CALENDAR_WORDS = re.compile(rf"(?:{_MONTH}|{WEEKDAY_NAMES})", re.IGNORECASE)
_BY_WORDS = (
    "written posted published reported reporting interview interviewed words story text compiled"
    " submitted report"
)
# "By" in the other languages of saved news, only before a capitalised word ("Von der Leyen"
# is no byline), with the words that lead up to it: "Veröffentlicht von", "Publié par".
_OTHER_BY_WORDS = "von par por door av af"
_OTHER_BY_LEAD_WORDS = "veröffentlicht geschrieben verfasst publié écrit publicado escrito publicat"
_OTHER_BY_LEADS = (
    rf"{'|'.join(_OTHER_BY_LEAD_WORDS.split())}"
    r"|ein(?:e)?\s+(?:analyse|kommentar|gastbeitrag|bericht)"
)
# "Author" in them: "Autor/in:", "Auteur :", "Verfasser".
_AUTHOR_LABELS = r"authors?|autor(?:in|en|innen)?(?:/in|\*in)?|auteurs?|autore|verfasser(?:in)?"
# A name written in kana or ideographs (no spaces), and the desk after it: "三浦／Eldham編集部".
_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々・]{2,12}")
_CJK_DESK_AFTER = re.compile(r"\s*[／/]")
# "Posted by", "Author", "Writer", "Reporter" in Japanese and Chinese bylines: "投稿者 Ana Quell",
# "作者：Ana Quell", "文● Ana".
_CJK_AUTHOR_LABELS = r"投稿者|執筆者|著者|作者|筆者|記者|撰文|文(?=\s*[:：●])"
_BYLINE = re.compile(
    rf"(?:(?:(?:{'|'.join(_BY_WORDS.split())})\s+)?by"
    rf"|(?:(?:{_OTHER_BY_LEADS})\s+)?(?:{'|'.join(_OTHER_BY_WORDS.split())})(?=\s+(?-i:[A-Z]))"
    rf"|{_AUTHOR_LABELS}|byline(?=\s*:)|interview(?=\s*:)"
    r"|(?:from\s+)?our\s+(?:[\w-]+\s+){0,2}team(?=\s*:)"
    r"|words(?=\s*:|\s+(?-i:[A-Z]))|(?:dc:)?creator(?=\s*:)"
    r"|автори?|авторы|текст"
    rf"|{_CJK_AUTHOR_LABELS}"
    r"|(?P<job>(?:staff\s+)?(?:reporter|correspondent|writer)))"
    r"(?:\s*[:：●]\s*|\s+[-–—]\s+|\s+)(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_USERNAME = re.compile(r"(?=[\w.-]*[a-z])[a-z0-9][a-z0-9_.-]{1,29}")
_EMAIL = re.compile(r"\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?")
_BYLINE_FIRST_WORDS = frozenset(
    (
        *("by", "byline", "from", "our", "author", "authors", "reporter", "staff"),
        *("correspondent", "writer"),
        *("creator", "dc:creator", *_BY_WORDS.split(), *_OTHER_BY_WORDS.split()),
        *("autor", "autorin", "autor/in", "autoren", "auteur", "autore", "verfasser"),
        *_OTHER_BY_LEAD_WORDS.split(),
        *("ein", "eine"),
    )
) | {
    "автор",
    "автори",
    "авторы",
    "текст",
}
_LINK_LABELS = (
    r"source(?:\s+url)?|sources|джерело|источник|url(?:\s+to\s+(?:the\s+)?(?:article|story))?"
    r"|link(?:\s+to\s+(?:this\s+|the\s+)?(?:article|story))?|permalink|canonical(?:\s+url)?"
    r"|original(?:\s+(?:url|article|story|link|address))?|(?:article|story|page)\s+url"
    r"|web\s+address"
)
_SOURCE_FIRST_WORDS = frozenset(
    [
        "source",
        "sources",
        "джерело",
        "источник",
        "url",
        "link",
        "permalink",
        "canonical",
        "original",
        "article",
        "web",
        "story",
        "page",
    ]
)
# Other first words of metadata lines: "From: ...", "Printed from ...", "Reading time: ...".
_OTHER_FIRST_WORDS = frozenset(
    [
        *("from", "printed", "shared", "reading", "estimated", "listen", "about", "issue"),
        *("saved", "captured", "archived", "clipped", "retrieved", "scraped", "view", "read"),
        "open",
    ]
)
# A line whose first word is none of these (and that has no digit first and no ``|``, ``•``
# or ``·`` separator) cannot be a metadata line.
META_FIRST_WORDS = DATE_FIRST_WORDS | _BYLINE_FIRST_WORDS | _SOURCE_FIRST_WORDS | _OTHER_FIRST_WORDS
_BYLINE_DATE_SEP = re.compile(r",\s+|\s+on\s+|\s+[-–—]\s+")
# "A3", "Page 7", "2 of 5"; an issue's or a feed's count: "Issue 214", "Season 6", "Item 3 of 40".
_PAGE_MARK = re.compile(
    r"(?:(?:page|p\.|issue|no\.|vol\.|volume|season|series|episode|ep\.|item|part)\s*)?"
    r"[A-Z]?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
# What an e-paper adds to its name: "The Saltmere Gazette ePaper".
_EDITION = re.compile(r"\s+(?:e-?paper|e-?edition|(?:digital|print|replica)\s+edition)$", re.I)
_DATE_NOTE = re.compile(r"\s+[-–—]\s+\S")
_SEPARATORS = re.compile(r"\s*\|\s*|\s+[•·]\s+|\s{3,}|\t+")
_IGNORABLE = re.compile(
    r"(?:(?:no|\d+)\s+comments?|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)"
    r"|(?:(?:estimated\s+)?reading\s+time\s*:?\s*|listen\s*:?\s*)?(?:about\s+)?\d+"
    r"(?:\s*[–-]\s*\d+)?\s*(?:min(?:ute)?s?|хв|мин)\.?(?:\s+(?:read|listen|читання|чтения))?"
    r"|(?:views?|переглядів|просмотров)\s*:?\s*[\d\s,.]+|[\d\s,.]+\s+(?:views?|переглядів|просмотров)"
    r"|[$€£¥]\s?\d[\d,.]*"
    r"|(?:from\s+)?(?:the\s+|our\s+)?(?:[a-z]+\s+)?\d{4}\s+(?:issue|edition)"
    r"|(?:from\s+)?issue\s+(?:no\.?\s*)?\d+(?:,?\s+[a-z]+\s+\d{4})?)",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(
    rf"(?P<label>{_LINK_LABELS})\s*[:：]\s*(?P<value>\S.{{0,1999}})$", re.IGNORECASE
)
URL = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]", re.IGNORECASE)
_URL_HOST = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_REPORTS = re.compile(
    r"(?P<anchor>^|[,;—–]\s*|[.!?]\s+)"
    r"(?P<name>(?:[A-Z][\w.&'’-]*\s+){0,4}?[A-Z][\w.&'’-]*)"
    r"\s+(?P<verb>reports|reported)(?=\s*(?:[,.;:]|$))",
    re.MULTILINE,
)
# "By Ana Quell in Torvik", "By Ana Quell for The Saltmere Gazette": the place and the outlet go.
_BYLINE_PLACE = re.compile(
    r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*(?=\s+(?:and|&)\s|,|$)"
)
# A wire byline: the names in capitals, then the agency in mixed case on the same line.
_CAPS_THEN_OUTLET = re.compile(
    r"(?P<name>[A-Z][A-Z'’.-]+(?:\s+(?:[A-Z][A-Z'’.-]+|and|AND))+)\s+(?P<outlet>[A-Z][a-z][\w&'’.-]*"
    r"(?:\s+[A-Z][\w&'’.-]*){0,4})$"
)
_PUBLISHED_IN = re.compile(
    r"published\s+(?:in|by)\s+(?P<outlet>.{2,48}?)\s+on\s+(?P<date>.+)", re.IGNORECASE
)
_PUBLICATION = re.compile(
    r"published\s+in\s+(?P<outlet>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?:of\s+|&\s+)?(?-i:[A-Z])[\w&'’.-]*)"
    r"{0,4})",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[APap]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?")
_FILED_IN = re.compile(r"(?:posted|filed|published)\s+(?:in|under)\s+\S", re.IGNORECASE)
_BYLINE_FOR = re.compile(
    r"\s+(?i:for)\s+(?P<outlet>(?:(?i:the)\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)$"
)
_CREDIT_AFTER = re.compile(
    r"\s{2,}|\s+(?=(?:photo(?:graph)?(?:s|y)?|pictures?|illustrations?|翻訳者?|訳者)\b)",
    re.IGNORECASE,
)
# The outlet after the name, in brackets or after a dash: "Ana Quell (Eldham Courier)".
_OUTLET_TAIL = re.compile(
    r"\s*\((?P<outlet>[A-Z][^()]{1,46})\)$|\s+[-–—]\s+(?P<outlet2>[A-Z][^-–—]{1,46})$"
)
# Credits beside a byline that name no author: "Photographs by ...", "Edited by ...".
_OTHER_CREDIT = re.compile(
    r"(?:photo(?:graph)?s?|pictures?|images?|illustrations?|videos?|graphics?|edited|produced"
    r"|additional\s+reporting)\s+by\s|(?:photography|photos|pictures|illustrations?)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
# Words of a job title: "Chief economics correspondent", "Senior Editor, Fabs & Equipment".
_ROLE_WORDS = frozenset(
    word
    for group in (
        "correspondent correspondents reporter reporters reporting editor editors editorial",
        "writer writers columnist columnists journalist journalists contributor contributors",
        "producer producers critic critics analyst analysts photographer photographers",
        "presenter presenters host hosts commentator blogger desk staff bureau chief intern",
        "fellow service newsroom team agency agencies freelance freelancer author researcher",
        "specialist expert director manager head",
    )
    for word in group.split()
)

# Role words that also name a newsroom ("Harbour News Service", "Coast Desk").
_SERVICE_WORDS = frozenset(
    [
        "service",
        "desk",
        "bureau",
        "team",
        "newsroom",
        "agency",
        "agencies",
        "news",
        "wire",
        "press",
        "media",
    ]
)

# Lower-case words a byline's names may hold: particles, joiners, a place ("in Torvik").
_NAME_LOWER = _PARTICLES | _NAME_JOINERS | {"in", "at", "from", "the", "for"}
# Words that make a short capitalised line a label, not a person's name.
_LABEL_WORDS = frozenset(
    word
    for group in (
        "first second third fourth fifth sixth seventh eighth ninth tenth final",
        "reading stage report edition update updates news live review analysis briefing",
        "opinion comment editorial podcast video transcript episode",
    )
    for word in group.split()
)
# Capitalised words that start a sentence rather than name an outlet ("The reports, ...").
_PRONOUNS = frozenset(
    word for group in ("He She It They We I You", "This That These Those") for word in group.split()
)
_GENERIC = frozenset(
    word
    for group in (
        "The A An Such Some Many Other Earlier Later Previous Recent Initial Unconfirmed",
        "Media Local Officials Witnesses",
    )
    for word in group.split()
)


@dataclass(slots=True)
class MetaLine:
    """What a metadata line holds. Offsets are relative to the line given.

    ``parts`` are the spans set aside with their reasons; ``body_start`` is where ordinary
    text resumes on the same line (``date 2025-08-23 Kallas said ...``), if it does.
    """

    parts: list[tuple[int, int, str]] = field(default_factory=list)
    date: DateFound | None = None
    author: str | None = None
    source: str | None = None  # from a "Source: X" line
    outlet: str | None = None  # from a "Name | Outlet" byline or "Name | CITY (Outlet) -"
    url: str | None = None  # from a "Source: https://..." / "URL: ..." line
    host: str | None = None  # that URL's host ("reuters.com"): a source of last resort
    sender: str | None = None  # an e-mail's sender ("From: The Ledger <news@...>")
    relative: tuple[DateKind, int] | None = None  # "Published 5 hours ago": kind, seconds
    body_start: int | None = None


def clean_name(
    raw: str, *, single: bool = True, joiners: frozenset[str] = _NAME_JOINERS
) -> str | None:
    """``raw`` as a person's (or agency's) name, or ``None`` if it does not look like one.

    Names are one to five capitalised words (particles such as *van* or *de* allowed,
    several names joined by *and*); ``single`` allows a one-word name (after ``By``).
    """
    raw = raw.strip().rstrip(".,;:")
    if not raw or len(raw) > 80 or _PLACEHOLDER_NAMES.fullmatch(raw):
        return None
    if _CALENDAR_WORDS.fullmatch(raw):
        return None
    words = raw.split()
    names = [w for w in words if w.lower() not in joiners]
    if not names or len(names) > 8 or (len(names) < 2 and not single):
        return None
    if words[0].lower() in joiners or words[-1].lower() in joiners:
        return None
    for i, w in enumerate(names):
        if 0 < i < len(names) - 1 and w.lower() in _PARTICLES:
            continue
        if not (w[0].isupper() and all(ch.isalpha() or ch in ".'’-" for ch in w)):
            return None
    if any(w.lower() in _ROLE_WORDS for w in names):
        return None  # "Chief Sports Reporter" is a job, not a person
    return raw


def joined_names(names: list[str]) -> str:
    """Names as a byline prints them: ``A``, ``A and B``, ``A, B and C``."""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def name_list(
    raw: str, *, single: bool = True, joiners: frozenset[str] = _NAME_JOINERS
) -> str | None:
    """Names as printed: ``Ana Quell``, ``Ana Quell and Tom Quarrie``, ``A, B and C``.

    A comma after one name starts a role or an outlet (``Ana Quell, Chief Reporter``),
    unless the pieces are all names and the last joins with *and*.
    """
    raw = raw.strip().rstrip(".,;:")
    pieces = [p.strip() for p in raw.split(",")]
    last_joins = any(w.lower() in joiners for w in pieces[-1].split()[1:-1])
    names = len(pieces) >= 2 and last_joins
    if names and all(clean_name(p, single=False, joiners=joiners) for p in pieces):
        return raw
    return clean_name(pieces[0], single=single, joiners=joiners)


def _personal_role(piece: str) -> bool:
    """A job title one person holds (``Staff Writer``), not a newsroom's name (``Harbour News
    Service``): a role word and none of a service's words."""
    words = set(re.findall(r"[^\W\d_]+", piece.lower()))
    return role_line(piece) and not words & _SERVICE_WORDS


def role_line(line: str) -> bool:
    """Whether a short line is a job title under a byline (``Science correspondent``)."""
    if len(line) > 80 or line.endswith((".", "!", "?", ":")) or not line[:1].isupper():
        return False
    words = re.findall(r"[^\W\d_]+", line.lower())
    return 0 < len(words) <= 8 and any(w in _ROLE_WORDS for w in words)


def bare_byline(line: str) -> str | None:
    """A byline without "By": ``Ana Quell``, ``Ana Quell and Tom Quarrie``, ``Ana Quell, Editor``.

    Only a header line under the headline can be one (the caller knows the position).
    """
    return _bare_byline(line) if len(line) <= 100 else None  # a long line is not hashed


@lru_cache(maxsize=4096)
def _bare_byline(line: str) -> str | None:
    if line.endswith((".", "!", "?", ":")) or line.isupper():
        return None  # a name in capitals alone is a masthead or a label, not a byline
    words = line.partition(",")[0].split()
    if len(words) > 12 or any(w[0].islower() and w not in _NAME_LOWER for w in words):
        return None  # a lower-case word that is no particle, joiner or "in"/"at": not a name
    if any(w.lower() in _LABEL_WORDS for w in words):
        return None  # "Second Reading", "Match Report": a label in capitalised words
    if words and words[0] in ("The", "A", "An"):
        return None  # "The Harbour Post" under a headline: an outlet, not a person
    line = _BYLINE_PLACE.sub("", _EMAIL.sub("", line).strip())
    head, sep, tail = line.partition(",")
    if sep and role_line(tail.strip()):
        return clean_name(head, single=False)
    if sep and tail.strip()[:1].islower() and not _ROLE_WORDS & set(tail.lower().split()):
        return None  # "On Umbry, population 212, ...": a sentence, not a name and its job
    return name_list(line, single=False)


def names_only(line: str) -> bool:
    """Whether a line is only people's names (``Ana Quell``, ``Ana Quell and Tom Quarrie``), not a
    short headline in capitalised words (``Senate Passes Sweeping Pool Bill``)."""
    name = bare_byline(line)
    if name is None:
        return False
    words = name.split()
    return len(words) <= 3 or "and" in words or "&" in words


def byline_name(text: str) -> str | None:
    """The author(s) a byline names, with or without "By": ``By Ana Quell, Reporter``."""
    text = text.strip()
    by = _byline(text)
    if by is False:
        return bare_byline(text)
    return by


# Words that make a byline element's text a label, whatever its case: "Published", "Von",
# "Published by", "Opinion".
_BYLINE_LABELS = (
    frozenset(_BY_WORDS.split())
    | frozenset(_OTHER_BY_WORDS.split())
    | _LABEL_WORDS
    | frozenset(_OTHER_BY_LEAD_WORDS.split())
    | {"by", "author", "authors", "autor", "auteur"}
    | {"投稿者", "執筆者", "著者", "作者", "筆者", "記者", "撰文"}
)
# What a byline box's buttons and links say: "Print", "See All Articles", "Next Slide".
_BUTTON_WORDS = frozenset(
    (
        *("print", "email", "e-mail", "share", "follow", "subscribe", "tweet", "comment"),
        *("comments", "see", "view", "watch", "more", "all", "articles", "videos", "next"),
        *("previous", "slide", "curator", "account", "profile", "bio", "contact", "details"),
    )
)


def button_label(text: str) -> bool:
    """Whether a byline box's text is a button's or a link's ("Print", "See All Articles")."""
    return any(w.lower().strip(":") in _BUTTON_WORDS for w in text.split())


def printed_name(text: str) -> str | None:
    """A byline element's text as printed when no rule reads a name in it (a user name, a
    one-word name, a desk), or ``None`` if it is a label ("Published", "Opinion", "Eine
    Analyse von") or a name run into its job ("Ana Quell Education editor")."""
    text = text.removeprefix("by ").removeprefix("By ").strip()
    words = text.split()
    if not 0 < len(words) <= 4 or any(ch.isdigit() for ch in text):
        return None
    labels = any(w.lower().strip(":") in _BYLINE_LABELS for w in words)
    if labels or button_label(text) or section_words(text):
        return None  # a label, a button, a section ("Business")
    if len(words) == 1 and _USERNAME.fullmatch(text):
        return text  # "webteam": a site's user name
    if any(w[0].islower() and w not in _NAME_LOWER and w.islower() for w in words):
        return None  # a lower-case word, other than a particle or "deCasparis"
    return text


def clean_outlet(raw: str) -> str | None:
    """``raw`` as an outlet's name (``Reuters``, ``RBC-Ukraine``, ``News.Az``), or ``None``."""
    raw = raw.strip()
    words = raw.split()
    if not words or len(words) > 6 or len(raw) > 48 or raw.endswith((".", ",", ";", ":")):
        return None
    # Capitalised, or in a script without case ("ハーバー通信"); not a year alone ("© 2026").
    if raw[0].islower() or not raw[0].isalnum() or parse_date(raw) or raw.isdigit():
        return None
    return raw


def _byline(piece: str) -> str | Literal[False] | None:
    """The author named by a ``By X`` / ``Author: X`` piece; ``None`` for "by No Comments"-like
    pieces that are bylines without a usable name; ``False`` if it is not a byline at all."""
    m = _BYLINE.match(piece)
    if not m or (m.group("job") and not m.group("rest")[0].isupper()):
        return False  # "Reporter Ana Quell", not "reporter who ..."
    rest = _EMAIL.sub("", m.group("rest")).split(";")[0].strip()
    rest = _CREDIT_AFTER.split(rest, maxsplit=1)[0]  # "Ana Quell  Photography Pia Lorne"
    rest = _BYLINE_FOR.sub("", rest)
    rest = _OUTLET_TAIL.sub("", rest)  # "Ana Quell (Eldham Courier)", "Ana Quell - Eldham Courier"
    rest = _BYLINE_PLACE.sub("", rest)
    shouted = _CAPS_THEN_OUTLET.match(rest)
    if shouted:
        rest = shouted.group("name")  # "By ANA QUELL Saltmere Wire"
    name = name_list(rest, joiners=_BYLINE_JOINERS)
    if name:
        return name
    cjk = _CJK_DESK_AFTER.split(rest.strip(), maxsplit=1)[0]
    if _CJK_NAME.fullmatch(cjk):
        return cjk  # "著者：三浦ミナ", "文● 三浦／Eldham編集部": a name in Japanese or Chinese
    if _PLACEHOLDER_NAMES.fullmatch(rest.strip()):
        return None
    if _USERNAME.fullmatch(rest.strip()) and not m.group("job"):
        return rest.strip()  # "Submitted by webteam": a site's user name, as printed
    return False


def _byline_outlet(piece: str) -> str | None:
    """The outlet in ``By Ana Quell for The Saltmere Gazette`` or ``By ANA QUELL Saltmere
    Wire``, if named so."""
    m = _BYLINE_FOR.search(piece)
    if m:
        return clean_outlet(m.group("outlet"))
    by = _BYLINE.match(piece)
    tail = _OUTLET_TAIL.search(piece) if by else None
    if tail:
        return clean_outlet(tail.group("outlet") or tail.group("outlet2"))
    shouted = _CAPS_THEN_OUTLET.match(by.group("rest")) if by else None
    if shouted:
        return clean_outlet(shouted.group("outlet"))
    return _comma_outlet(by.group("rest")) if by and not by.group("job") else None


def _comma_outlet(rest: str) -> str | None:
    """``Ana Quell, Eldham Markets``: after the one name, a name of two to five capitalised
    words that is no job (``Chief Reporter``) and no second person (``… and Tom Berg``)."""
    pieces = [p.strip() for p in rest.split(",")]
    if len(pieces) != 2 or not clean_name(pieces[0]):
        return None
    tail = pieces[1].rstrip(".")
    words = tail.split()
    if not 2 <= len(words) <= 5 or "and" in words or "&" in words or role_line(tail):
        return None
    if not all(w[0].isupper() or w in _OUTLET_JOINERS for w in words):
        return None
    return clean_outlet(tail)


_OUTLET_JOINERS = frozenset(["of", "on", "the", "for"])


def ignorable(piece: str) -> bool:
    """A counter or relative date by a byline: ``6 comments``, ``4 min read``, ``2 hours ago``."""
    return _IGNORABLE.fullmatch(piece) is not None or relative_date(piece)


# A byline that names nobody: "Staff reporter", "From staff reports", "By our newsroom".
_STAFF = re.compile(
    r"(?:by|from)\s+(?:(?:a|an|our|the)\s+)?(?:staff|newsroom|news\s+desk)"
    r"(?:\s+(?:reporters?|writers?|reports|correspondents?))?"
    r"|staff\s+(?:reporters?|writers?|correspondents?)",
    re.IGNORECASE,
)
_STAFF_WORDS = frozenset(["by", "from", "staff", "newsroom"])


def parse_meta_line(
    line: str, *, header: bool, bare_names: bool | None = None, word: str | None = None
) -> MetaLine | None:
    """Read a stripped line as a date / byline / source / URL line, or return ``None``.

    ``header`` is true before the body starts; there an unlabelled date may be followed by
    body text on the same line. ``bare_names`` (default: ``header``) lets a bare
    ``Name | Outlet`` count as a byline. ``word`` is the line's :func:`first_word`, if known.
    """
    if not line:
        return None
    if bare_names is None:
        bare_names = header
    if line[0] in "—–-" and line[1:2] == " ":  # "— by Ana Quell, Oct. 5, 2026"
        rest = line.lstrip("—–- ")
        if first_word(rest) == "by":
            return _shifted(parse_meta_line(rest, header=header), len(line) - len(rest))
    if word is None:
        word = first_word(line)
    if word in _STAFF_WORDS and len(line) <= 40 and _STAFF.fullmatch(line):
        return MetaLine(parts=[(0, len(line), "byline")])  # "Staff reporter": nobody named
    if word == "issue":
        issue = _ISSUE.match(line)  # "Issue #42 — October 5, 2026": a newsletter's date
        found = date_at(line[issue.end() :], issue.end()) if issue else None
        if found:
            return MetaLine(parts=[(0, len(line), "date")], date=found[0])
    if "|" in line[:90] and header:
        filed = _byline_dateline(line)
        if filed:
            return filed
    if len(line) <= 200 and ("|" in line or " • " in line or " · " in line or "   " in line):
        pieces = _pieces(line, bare_names=bare_names) if _SEPARATORS.search(line) else None
        if pieces:
            return pieces
    if word == "published" and " on " in line:
        placed = _published_in(line)  # "Published in The Eldham Courier on March 3, 2026"
        if placed:
            return placed
    if word == "published" and len(line) <= 60:
        publication = _PUBLICATION.fullmatch(line)  # a blogging platform's "Published in X"
        outlet = clean_outlet(publication.group("outlet")) if publication else None
        if outlet:
            return MetaLine(parts=[(0, len(line), "source")], source=outlet)
    if line[0].isdigit() or word in DATE_FIRST_WORDS:
        found = date_at(line)
        if found:
            return _date_line(line, found, header=header)
    if line[-1] == ")" and len(line) <= 80:
        bracketed = _bracketed_date(line)  # "Published 3 hours ago (Mon 2 Mar 2026, 09:15)"
        if bracketed:
            return bracketed
    if len(line) <= 40 and relative_date(line):
        return MetaLine(parts=[(0, len(line), "relative date")], relative=relative_age(line))
    if len(line) <= 40 and _IGNORABLE.fullmatch(line):
        return MetaLine(parts=[(0, len(line), "reading time")])
    if header and word == "from":
        sender = _from_line(line)
        if sender:
            return sender
    if word in _SAVED_WORDS and " from " in line[:20]:
        saved = _saved_from(line)  # "Saved from https://... on 3 November 2026 at 18:40"
        if saved:
            return saved
    if word in ("view", "read", "open") and "://" in line:
        online = _ONLINE.match(line)  # "View this post on the web at https://..."
        if online:
            host = _URL_HOST.match(online.group("url"))
            return MetaLine(
                parts=[(0, len(line), "source")],
                url=online.group("url"),
                host=host.group("host") if host else None,
            )
    if word in ("printed", "article", "shared") and (" from " in line[:40] or " via " in line[:40]):
        printed = _PRINTED_FROM.match(line)
        outlet = clean_outlet(printed.group("outlet")) if printed else None
        if outlet:
            return MetaLine(parts=[(0, len(line), "source")], source=outlet)
    if word in _SOURCE_FIRST_WORDS:
        linked = _link_line(line)
        if linked:
            return linked
    if len(line) > 200:
        return None
    if bare_names and "," in line[:60] and not line.isupper() and any(c.isdigit() for c in line):
        dated = _dated_byline(line, bare=True)  # "Ana Quell, 09.03.2026 14:20"
        if dated:
            return dated
    if word in _BYLINE_FIRST_WORDS:
        dated = _dated_byline(line)
        if dated:
            return dated
        by = _byline(line)
        if by is not False:
            return MetaLine(
                parts=[(0, len(line), "byline")], author=by, outlet=_byline_outlet(line)
            )
    return None


_SAVED_WORDS = frozenset(["saved", "captured", "archived", "clipped", "retrieved", "scraped"])
# "Saved from https://... on 3 November 2026 at 18:40": where and when a copy was made.
_SAVED_FROM = re.compile(
    r"(?P<label>saved|captured|archived|clipped|retrieved|scraped)\s+from\s+(?P<url>https?://\S+)"
    r"(?:\s+(?:on|at)\s+(?P<date>\S.*))?$",
    re.IGNORECASE,
)
# A newsletter's link to its web copy: "View this post on the web at URL", "Read online: URL";
# an alert's to the story: "Read the full story: URL".
_ONLINE = re.compile(
    r"(?:(?:view|read|open)\s+(?:this\s+(?:post|email|e-mail|story|article|issue|newsletter)\s+)?"
    r"(?:on\s+the\s+web|online|in\s+(?:your\s+|a\s+)?browser)"
    r"|read\s+the\s+full\s+(?:story|article))(?:\s+at)?\s*:?\s*"
    r"(?P<url>https?://\S+?)[.)>]?$",
    re.IGNORECASE,
)


def _saved_from(line: str) -> MetaLine | None:
    """A copy's provenance line: its address, and the capture time a relative date counts
    back from (never the publication date)."""
    m = _SAVED_FROM.match(line)
    if m is None:
        return None
    host = _URL_HOST.match(m.group("url"))
    meta = MetaLine(
        parts=[(0, len(line), "source")],
        url=m.group("url").rstrip(".,)"),
        host=host.group("host") if host else None,
    )
    if m.group("date"):
        found = date_at(f"{m.group('label')} on {m.group('date')}")
        if found and found[0].kind == "captured":
            meta.date = dataclasses.replace(found[0], start=0, end=len(line))
    return meta


_ISSUE = re.compile(r"issue\s+(?:no\.?\s*)?#?\d+\s*[—–|·:,-]\s*", re.IGNORECASE)


def _shifted(meta: MetaLine | None, by: int) -> MetaLine | None:
    """A line's metadata read after ``by`` leading characters, in the whole line's offsets."""
    if meta is None:
        return None
    meta.parts = [(0 if k == 0 else s + by, e + by, r) for k, (s, e, r) in enumerate(meta.parts)]
    if meta.body_start is not None:
        meta.body_start += by
    return meta


def _published_in(line: str) -> MetaLine | None:
    """``Published in <Outlet> on <date>``: the outlet and the date."""
    m = _PUBLISHED_IN.fullmatch(line)
    outlet = clean_outlet(m.group("outlet")) if m else None
    found = date_at(line[m.start("date") :], m.start("date")) if m and outlet else None
    if found is None:
        return None
    return MetaLine(parts=[(0, len(line), "date")], date=found[0], source=outlet)


def _link_line(line: str) -> MetaLine | None:
    """``Source: Reuters``, ``Source: https://...``, ``URL: https://...``."""
    m = _LINK_LINE.match(line)
    if not m:
        return None
    value = m.group("value").strip()
    url = URL.match(value)
    if url and url.end() >= len(value.rstrip(".")) - 1:
        host = _URL_HOST.match(url.group())
        return MetaLine(
            parts=[(0, len(line), "source")],
            url=url.group(),
            host=host.group("host") if host else None,
        )
    if not m.group("label").lower().startswith(("source", "джерел", "источ")):
        return None
    outlet = clean_outlet(value.rstrip("."))
    return MetaLine(parts=[(0, len(line), "source")], source=outlet) if outlet else None


# "Printed from the Saltmere Gazette: https://...", "Shared from the Saltmere Gazette app": a copy
# that says where it was taken from.
_PRINTED_FROM = re.compile(
    r"(?:(?:article\s+)?printed|shared)\s+(?:from|via)\s+(?:the\s+)?(?P<outlet>[^:]{2,48}?)"
    r"(?:\s+app)?\s*(?::\s*(?:https?://\S+)?)?\s*$",
    re.IGNORECASE,
)
# "From: The Morning Ledger <news@ledger.example>" (an e-mail), "From: Ministry of Transport
# and Ana Quell MP" (a government release): the sender or the first body named.
_FROM = re.compile(r"from\s*:\s*(?P<value>\S.{0,160})$", re.IGNORECASE)


def _from_line(line: str) -> MetaLine | None:
    """A ``From:`` line at the top: who sent or issued the article."""
    m = _FROM.match(line)
    if m is None:
        return None
    value = m.group("value").strip()
    address = re.search(r"<[^<>@\s]+@[^<>\s]+>|\S+@\S+", value)
    if address:  # an e-mail's sender: a newsletter's name, or a person's
        sender = clean_outlet(value[: address.start()].strip().strip("\"'"))
        return MetaLine(parts=[(0, len(line), "sender")], sender=sender)
    issuer = clean_outlet(re.split(r",|;|\s+and\s+|\s+&\s+", value)[0].strip())
    return MetaLine(parts=[(0, len(line), "sender")], source=issuer) if issuer else None


def _byline_dateline(line: str) -> MetaLine | None:
    """``Ana Quell | TORVIK (Northline) - The ...``: a byline, then the story's dateline."""
    bar = line.index("|")
    name = clean_name(line[:bar], single=False)
    rest = line[bar + 1 :]
    start = bar + 1 + len(rest) - len(rest.lstrip())
    filed = dateline_at(line[start:]) if name else None
    if not filed:
        return None
    return MetaLine(
        parts=[(0, bar + 1, "byline")], author=name, outlet=filed.outlet, body_start=start
    )


def _bracketed_date(line: str) -> MetaLine | None:
    """A relative date with the day in brackets after it: ``Published 3 hours ago (Mon 2 Mar
    2026, 09:15)`` is published on 2 March 2026."""
    head, _, inner = line[:-1].rpartition("(")
    if not relative_date(head):
        return None
    start = len(head) + 1
    found = date_at(inner, start) if may_be_date(inner) else None
    if found is None or inner[found[1] :].strip(" ,"):
        return None
    age = relative_age(head)
    kind: DateKind = age[0] if age else "plain"
    date = dataclasses.replace(found[0], kind=kind)
    return MetaLine(parts=[(0, len(line), _date_reason(date))], date=date)


def _date_line(line: str, found: tuple[DateFound, int], *, header: bool) -> MetaLine | None:
    """A line that starts with a date: the date, then a byline, a counter, or body text."""
    date, end = found
    meta = MetaLine(parts=[(0, end, _date_reason(date))], date=date)
    tail = line[end:]
    rest = tail.lstrip(" \t,|•·-–—")
    if not rest:
        return meta
    start = len(line) - len(rest)
    by = _byline(rest)
    if by is not False:
        meta.parts.append((start, len(line), "byline" if by else "comments counter"))
        meta.author = by
        return meta
    if ignorable(rest):
        meta.parts.append((start, len(line), "comments counter"))
        return meta
    then = date_at(rest, start) if may_be_date(rest) else None
    if then is not None and then[0].kind != "plain":  # "Published: ...   Updated: ..."
        more = _date_line(
            rest, (dataclasses.replace(then[0], start=0, end=then[1]), then[1]), header=header
        )
        if more is not None and more.body_start is None:
            meta.parts.extend((start + a, start + b, r) for a, b, r in more.parts)
            if then[0].kind == "published" and date.kind != "published":
                meta.date = then[0]
            return meta
    if _DATE_NOTE.match(tail) and len(rest.split()) <= 8 and not rest.endswith((".", "!", "?")):
        meta.parts.append((start, len(line), "date"))  # "March 2, 2026 - from the March issue"
        return meta
    # Unlabelled, only a header line may go on with body text, and "March 1, 2025, Trump
    # met ..." or "March 1, 2025 was ..." is a sentence, not a date line.
    sentence = rest[0].islower() or tail.lstrip().startswith(",")
    if date.kind == "plain" and (sentence or not header):
        return None
    meta.body_start = start
    return meta


def _dated_byline(line: str, *, bare: bool = False) -> MetaLine | None:
    """``By Ana Quell, March 1, 2025`` / ``Posted by admin on March 1, 2025, 10:00``; with
    ``bare``, a name without "By" too (``Ana Quell, 09.03.2026 14:20``)."""
    for m in _BYLINE_DATE_SEP.finditer(line):
        tail = line[m.end() :]
        found = date_at(tail, m.end()) if may_be_date(tail) else None
        if not found or found[1] != len(tail):
            continue
        by = _byline(line[: m.start()])
        if by is False and bare:
            by = clean_name(line[: m.start()], single=False) or False
        if by is False:
            return None
        date = found[0]
        return MetaLine(
            parts=[(0, m.start(), "byline"), (date.start, date.end, _date_reason(date))],
            date=date,
            author=by,
        )
    return None


def _date_reason(date: DateFound) -> str:
    """The cruft reason for a date's span."""
    return "updated date" if date.kind == "updated" else "date"


def _pieces(line: str, *, bare_names: bool) -> MetaLine | None:
    """A line of ``|``- or bullet-separated pieces: ``By X | Outlet | March 1, 2025``.

    A page's running head (``A1   THE SALTMERE GAZETTE   Saturday, May 2, 2026   $2.00``,
    ``The Saltmere Gazette ePaper | 24 January 2026 | Page 7 | Text view``) names the paper, its
    date and the page; other short labels on such a line are furniture.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATORS.finditer(line):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    if len(spans) > 5 or any(s == e for s, e in spans):
        return None
    meta = MetaLine()
    named = explicit = paged = False
    running: str | None = None
    others: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(spans):
        piece = line[s:e]
        found = date_at(piece, s) if may_be_date(piece) else None
        if found and found[1] == len(piece):
            meta.date = _better(meta.date, found[0])
            meta.parts.append((s, e, _date_reason(found[0])))
            continue
        if found:  # "Posted on March 1, 2025 by Ana Quell"
            shifted = dataclasses.replace(found[0], start=found[0].start - s, end=found[0].end - s)
            dated = _date_line(piece, (shifted, found[1]), header=True)
            if dated and dated.body_start is None:
                meta.date = _better(meta.date, found[0])
                meta.author = meta.author or dated.author
                meta.parts.extend((s + a, s + b, r) for a, b, r in dated.parts)
                explicit = explicit or dated.author is not None
                continue
        if _CLOCK.fullmatch(piece):
            meta.parts.append((s, e, "time"))  # "March 3, 2026 · 4:12 PM UTC"
            continue
        if _OTHER_CREDIT.match(piece):
            meta.parts.append((s, e, "credit"))  # "Photographs by Pia Lorne"
            continue
        if _FILED_IN.match(piece):
            meta.parts.append((s, e, "category"))  # "Posted in Gardening | 3 Comments"
            explicit = True
            continue
        by = _byline(piece)
        if by is not False:
            meta.author = meta.author or by
            meta.parts.append((s, e, "byline"))
            named = explicit = True
            continue
        if ignorable(piece):
            meta.parts.append((s, e, "comments counter"))
            if relative_date(piece):
                explicit = True
                meta.relative = meta.relative or relative_age(piece)
            continue
        if _PAGE_MARK.fullmatch(piece):
            meta.parts.append((s, e, "page number"))
            paged = True
            continue
        if piece.isupper() and len(piece.split()) <= 6 and any(ch.isalpha() for ch in piece):
            running = running or piece  # "THE SALTMERE GAZETTE | March 12, 2026 | A3"
            meta.parts.append((s, e, "masthead"))
            continue
        after_date = i > 0 and meta.date is not None and not named and i == len(spans) - 1
        if (i == 0 or after_date) and bare_names and not piece.isupper() and names_only(piece):
            meta.author = piece
            meta.parts.append((s, e, "byline"))
            named = True
            continue
        if not named and meta.date is not None and piece.islower() and _USERNAME.fullmatch(piece):
            meta.author = piece  # "Sep 9, 2026 · marguerite · 6 Comments": a blog's user name
            meta.parts.append((s, e, "byline"))
            named = explicit = True
            continue
        if named and _personal_role(piece):  # "By Ana Quell | Staff Writer": a job, not an outlet
            meta.parts.append((s, e, "byline role"))
            explicit = True  # "Ana Quell | Reporter": a name and a job make a byline
            continue
        if named and clean_outlet(piece) and meta.parts[-1][2] in ("byline", "byline role"):
            meta.outlet = meta.outlet or piece  # right after the name; after a date: a category
            meta.parts.append((s, e, "source"))
            continue
        if named and meta.date is not None and len(piece.split()) <= 3:
            meta.parts.append((s, e, "category"))  # "by Ana | Mar 3, 2026 | Gardening | ..."
            continue
        if len(piece.split()) > 5:
            return None
        others.append((s, e))
    if others:  # short labels: only a running head, dated and paged, or a log line may
        if meta.date is None or named:
            return None
        if meta.date.kind == "captured":  # "scraped 2026-04-02 14:10 | status 200 | 5,812 bytes"
            meta.parts = [(0, len(line), "capture time")]
            return meta
        if not (paged or running) or any(
            not (line[s].isupper() or line[s].isdigit()) for s, _ in others
        ):
            return None
        for s, e in others:
            meta.parts.append((s, e, "page label"))
        s, e = others[0]
        running = running or _EDITION.sub("", line[s:e]) or None
        meta.parts.sort()
    if meta.date is None and meta.outlet is None and not explicit:
        return None
    if running:
        if meta.date is None:
            return None  # capitals and a page number alone are no metadata line
        meta.outlet = meta.outlet or clean_outlet(running)
    return meta


def _better(known: DateFound | None, found: DateFound) -> DateFound:
    """Of two dates on one line, the one that can be the publication date."""
    if known is None or (known.kind == "updated" and found.kind != "updated"):
        return found
    return known


def pick_date(dates: list[tuple[DateFound, bool]]) -> str | None:
    """The publication date among ``(date, in_header)`` candidates, in text order.

    A ``Published`` date wins; otherwise the first plain date (header first). An
    ``Updated`` date is never the publication date.
    """
    for found, _ in dates:
        if found.kind == "published":
            return found.iso
    plain = [(not header, i, f.iso) for i, (f, header) in enumerate(dates) if f.kind == "plain"]
    return min(plain)[2] if plain else None


def reported_source(paragraph: str) -> str | None:
    """The outlet a paragraph says it reports for: ``..., News.Az reports, citing ...``.

    Only the reporter's-voice forms count: a clause-final ``, X reports.`` /
    ``, X reported.``, or a sentence opening ``X reports, citing ...``.
    """
    if "report" not in paragraph:
        return None
    for m in _REPORTS.finditer(paragraph):
        opening = m.group("anchor").strip() in ("", ".", "!", "?")
        if opening and m.group("verb") == "reported":
            continue
        name = m.group("name")
        words = name.split()
        if words[0] in _PRONOUNS or (len(words) == 1 and name in _GENERIC):
            continue
        return name
    return None


# "Presenter: Ana Quell", "pubDate: Thu, 19 Feb 2026", "dc:creator: ...": a labelled field.
_FIELD = re.compile(
    r"(?P<label>[A-Za-z][\w-]*(?::[\w-]+)?(?:\s[A-Za-z][\w-]*){0,2})\s*:(?:\s+(?P<value>\S.*))?$"
)


@lru_cache(maxsize=4096)
def field_line(line: str) -> bool:
    """Whether a line is a labelled field (``Label: value``) rather than a headline with a
    colon (``Storm Wenna: hundreds evacuated``): the label is in lower case or namespaced,
    or the value is empty, a URL, a date or a short name."""
    m = _FIELD.match(line)
    if m is None:
        return False
    label, value = m.group("label"), m.group("value") or ""
    if label[0].islower() or ":" in label or not value:
        return True
    if URL.match(value) or (may_be_date(value) and date_at(value)):
        return True
    return len(value.split()) <= 4 and clean_name(value, single=False) is not None


def looks_like_title(line: str) -> bool:
    """Whether a stripped line is shaped like a headline (not a body sentence)."""
    if len(line) > 250 or len(line) < 8:
        return False
    first, last = line[0], line[-1]
    if not (first.isupper() or first.isdigit() or first in "«“\"'‘„£$€¥"):
        return False
    if last in ".,;:" or "://" in line:
        return False
    words = line.split()
    return 2 <= len(words) <= 40


_CREDITED = re.compile(
    r"(?:^[—–-]*\s*|[(;]\s*)(?:additional\s+)?reporting\s+by\s+(?P<names>[^;()\n]{3,160})",
    re.IGNORECASE,
)


# "Ana Quell is the Gazette's health correspondent." closing a story.
_BIO = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+is\s+(?:a|an|the|our)\s"
    r"[^.]{0,80}?\b(?:reporter|correspondent|writer|editor|columnist|journalist)\b"
)
_BIO_PARAGRAPHS = 2
# A story signed at its end: "— Ana Quell, Eldham Courier".
_DASH_SIGNED = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"(?:,\s*(?P<outlet>[A-Z][^,\n]{1,48}?))?\s*"
)
_WRITTEN_BY = re.compile(
    r"(?:written|words|story|text|coverage|compiled|posted)\s+by\s+"
    r"(?P<names>(?-i:[A-Z])[^.;()\n]{2,80}?)(?=\s+(?:at|on)\s+\d|[.;()\n]|$)",
    re.IGNORECASE,
)


def signed_outlet(paragraph: str) -> str | None:
    """The outlet a closing signature names: ``— Ana Quell, Eldham Courier``."""
    m = _DASH_SIGNED.fullmatch(paragraph.strip())
    return clean_outlet(m.group("outlet")) if m and m.group("outlet") else None


def _valediction(paragraphs: list[str]) -> str | None:
    """A letter's close at the end of a newsletter: ``See you all next week,`` over a name."""
    lines = [line.strip() for p in paragraphs for line in p.split("\n") if line.strip()]
    for close, name in pairwise(lines):
        if close.endswith(",") and len(close.split()) <= 8 and close[0].isupper():
            found = clean_name(name, single=False)
            if found and found == name.strip():
                return found
    return None


def credited_author(paragraphs: list[str]) -> str | None:
    """The reporters a credit line names (``Reporting by Ana Quell and Tom Quarrie``), or the
    reporter a closing note presents (``Ana Quell is the Gazette's health correspondent.``),
    for an article whose header has no byline. Places (``in Torvik``) are dropped;
    additional reporters and editors are not authors."""
    for paragraph in paragraphs[-_BIO_PARAGRAPHS:]:
        m = _BIO.match(paragraph) if " is " in paragraph[:60] else None
        if m:
            return clean_name(m.group("name"), single=False)
    m = _DASH_SIGNED.fullmatch(paragraphs[-1].strip()) if paragraphs else None
    if m:
        return clean_name(m.group("name"), single=False)  # "— Ana Quell, Eldham Courier"
    signed = _valediction(paragraphs[-2:])
    if signed:
        return signed
    for paragraph in paragraphs[-_BIO_PARAGRAPHS:]:
        for line in paragraph.split("\n"):
            m = _WRITTEN_BY.match(line.strip())
            name = name_list(m.group("names")) if m else None
            if name:
                return name  # an author box: "Written by Ana Quell. Ana writes about ..."
    for paragraph in reversed(paragraphs):
        if "eporting by" not in paragraph and "EPORTING BY" not in paragraph:
            continue
        m = _CREDITED.search(paragraph)
        if m is None or m.group().lstrip("(; ").lower().startswith("additional"):
            continue
        names = _BYLINE_PLACE.sub("", m.group("names").strip().rstrip(".)"))
        return name_list(names)
    return None
