"""Page chrome in plain text, recognised by shape: what a site prints around a story.

A scrape or a copy-paste of a web page keeps the site's furniture as lines of text:
``Skip to main content``, a masthead in capitals (``THE SALTMERE GAZETTE``), a navigation menu
(``News  Opinion  Culture``, ``Home | World | Business``), a breadcrumb (``Home › Sport ›
Cycling``), a section label (``World News``) or a story-type kicker (``LIVE``). None of them
is a headline, whatever site printed them; these functions tell them apart by shape alone,
one stripped line at a time (:mod:`.header` decides by position which is which).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from .dates import MONTH_NAMES, parse_date

# The header scan and the headline's scoring ask about the same few lines many times.
_cached = lru_cache(maxsize=4096)

_SKIP = re.compile(
    r"(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|search|footer"
    r"|article|story|site\s+navigation|main)\b.*",
    re.IGNORECASE,
)
# Breadcrumb arrows; a slash only between two or three items ("Newsroom / Press releases").
_CRUMB_SEP = re.compile(r"\s*[›»>→]\s*|\s+/\s+")
# Menu separators: bars, middle dots, bullets, slashes, or a wide gap of spaces.
_MENU_SEP = re.compile(r"\s*[|·•]\s*|\s+/\s+|\s{2,}|\t+")
# What every menu separator holds: a line without it is one item, found faster than by a split.
_MENU_HINT = re.compile(r"[|·•/\t]|\s\s")


def _menu_hint(line: str) -> bool:
    """``_MENU_HINT.search(line)``, mostly without the regex, which stops at every space: a
    line that prints all its characters (no tab, no space but U+0020) has two whitespace
    characters in a row only as two spaces."""
    if "|" in line or "/" in line or "·" in line or "•" in line or "\t" in line or "  " in line:
        return True
    return not line.isprintable() and _MENU_HINT.search(line) is not None


_ITEM = re.compile(r"[A-Z0-9À-Þ&][\w&'’.+\-]*(?:\s+[\w&'’.+\-]+){0,3}")
_TIMED_ENTRY = re.compile(r"\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?\s+[^\W\d]", re.IGNORECASE)
_CAPTION_LABEL = re.compile(
    r"(?:image|photo|picture|video|media)\s+(?:caption|description)\s*[,:]?", re.IGNORECASE
)
# Story-type kickers: they say what kind of piece follows, not which section files it.
_KICKERS = re.compile(
    r"(?:live|live\s+updates?|live\s+blog|breaking(?:\s+news)?|exclusive|developing(?:\s+story)?"
    r"|updated?|watch|video|listen|audio|podcast|sponsored(?:\s+content)?|advertisement\s+feature"
    r"|paid\s+content|partner\s+content|promoted|(?:for\s+immediate\s+)?release"
    r"|(?:press|news|media)\s+release|statement|press\s+statement|news|latest|top\s+stories?"
    r"|just\s+in|featured?|key\s+points|at\s+a\s+glance|in\s+brief|summary|highlights"
    r"|headlines|full\s+coverage|premium|transcript|(?:match|race|fight)\s+report"
    r"|urgent|flash|bulletin|(?:breaking\s+)?(?:news\s+)?alert"
    r"|(?:final|late|early|city|metro|home|national|morning|evening|sunday)\s+edition"
    r"|(?:english|international|online|digital|print|weekend|global|us|uk|asia|europe)\s+edition)",
    re.IGNORECASE,
)


# A list item as "Save as text" prints a menu: "* Home", "• Sport".
_BULLET_ITEM = re.compile(r"[*•▪◦‣]\s+(?P<item>\S.*)")
# A row of a ticker or a table: cells set apart by wide gaps ("Tarnby 3°C Sleet   KSX 4,211.6").
_CELL_GAP = re.compile(r"\s{3,}|\t+")
_CELL = re.compile(r"[^\W_]|[$€£¥▲▼+\-−]")
# A rule drawn in characters, with or without a word in it: "-----", "---- Forwarded message ----".
_RULE = re.compile(r"(?:[-=_*~#·•─━]\s?){3,}|-{2,}\s*\w[\w ]{0,40}?\s*-{2,}|--")
# A teleprinter's start and end of message, and a wire story's slug ("BC-Port-Strike, 2nd Ld").
_WIRE_MARK = re.compile(r"(?:ZCZC|NNNN)(?:\s+\S+){0,3}")
_SLUG = re.compile(r"[A-Za-z]{1,4}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?:,\s*[^,\s][^,]{0,30}){0,4}")
# A line wholly in brackets before the story: "[Image: ...]", "(Unrevised)", "(Adds quote ...)".
_ASIDE = re.compile(r"\[[^\[\]]{1,200}\]|\([^()]{1,200}\)")


def skip_line(line: str) -> bool:
    """``Skip to main content``, ``Jump to navigation``."""
    return len(line) <= 60 and _SKIP.fullmatch(line) is not None


# Icons a copied menu keeps before its items: "▶ Listen live", "☰ Menu".
_ICONS = "▶►▸▷☰≡⌂✉🔍 "


def _items(line: str, sep: re.Pattern[str]) -> tuple[str, ...] | None:
    """The line's pieces if every one is a short menu item (capitalised, at most 4 words),
    icons before them set aside."""
    items = tuple(q for p in sep.split(line) if (q := p.lstrip(_ICONS)))
    if len(items) < 2 or any(len(p) > 32 or not _ITEM.fullmatch(p) for p in items):
        return None
    if any(parse_date(p) for p in items):
        return None  # "Published 3 March 2026 | Updated ..." is a date line
    return items


@_cached
def breadcrumb(line: str) -> tuple[str, ...] | None:
    """``Home › News › Courts``, ``News » Sport``, ``Newsroom / Research / Press releases``."""
    if len(line) > 120 or not _CRUMB_SEP.search(line):
        return None
    items = _items(line, _CRUMB_SEP)
    if items is None:
        return None
    slashed = "›" not in line and "»" not in line and ">" not in line and "→" not in line
    if slashed and len(items) > 3:
        return None  # "Markets / Policy / Logistics / Data" is a menu
    return items


# A row of buttons a copy keeps in their brackets: "[ View live page ]  [ Other captures ]".
_BUTTONS = re.compile(r"(?:\[\s?[^\[\]]{1,40}\s?\]\s*){2,}")


def nav_line(line: str) -> bool:
    """A navigation menu: three or more short items in a row (``News  Opinion  Culture``), or
    two or more buttons in brackets (``[ Back ]  [ About ]``)."""
    return len(line) <= 160 and _nav_line(line)  # a paragraph is not hashed for the cache


@_cached
def _nav_line(line: str) -> bool:
    if line[:1] == "[" and _BUTTONS.fullmatch(line):
        return True
    if not _menu_hint(line):
        return False
    items = _items(line, _MENU_SEP)
    return items is not None and len(items) >= 3


def menu_pieces(line: str) -> tuple[str, ...] | None:
    """A masthead printed as two pieces: ``RK NEWS  |  Radio Kalvo``."""
    return _menu_pieces(line) if len(line) <= 80 else None  # a long line is not hashed


@_cached
def _menu_pieces(line: str) -> tuple[str, ...] | None:
    if not _menu_hint(line):
        return None
    items = _items(line, _MENU_SEP)
    return items if items and len(items) == 2 else None


def section_of(items: Sequence[str]) -> str | None:
    """A breadcrumb's section: its last item that is not a year or a page number."""
    for item in reversed(items):
        if not item.isdigit():
            return item if item.lower() not in ("home", "index") else None
    return None


def menu_item(line: str) -> bool:
    """One item of a menu printed as a list: ``* Home``, ``• Storm Wenna``."""
    m = _BULLET_ITEM.fullmatch(line) if line[:1] in "*•▪◦‣" else None
    if m is None:
        return False
    item = m.group("item")
    return len(item) <= 32 and len(item.split()) <= 4 and item[-1] not in ".,;:!?"


@_cached
def ticker_line(line: str) -> bool:
    """A row of short cells set apart by wide gaps: a weather or market ticker, a table row.

    Body text never has three such cells; every cell is short and ends without a full stop.
    """
    if len(line) > 200 or ("   " not in line and "\t" not in line):
        return False
    cells = _CELL_GAP.split(line)
    if len(cells) < 3:
        return False
    return all(_cell(c) for c in cells)


def _cell(cell: str) -> bool:
    return (
        len(cell) <= 32
        and len(cell.split()) <= 4
        and cell[-1] not in ".,;:!?"
        and _CELL.match(cell) is not None
    )


def rule_line(line: str) -> bool:
    """A line drawn in characters: ``-----``, ``* * *``, ``---------- Forwarded message ----``."""
    return len(line) <= 120 and _RULE.fullmatch(line) is not None


def wire_line(line: str) -> bool:
    """A wire service's transmission furniture: ``ZCZC``, ``NNNN``, a slug ``BC-Port-Strike``."""
    if len(line) > 80:
        return False
    return _WIRE_MARK.fullmatch(line) is not None or (
        " " not in line.split(",")[0] and _SLUG.fullmatch(line) is not None
    )


def aside_line(line: str) -> bool:
    """A header line wholly in brackets: an editor's note, a stage direction, a placeholder."""
    return line[:1] in "[(" and _ASIDE.fullmatch(line) is not None


@_cached
def caps_line(line: str) -> bool:
    """A short line in capitals: a masthead or a kicker (``THE SALTMERE GAZETTE``, ``LIVE``).

    Five words or more in capitals read as a headline set in capitals, not a name.
    """
    if len(line) > 60 or line[-1] in ".,;:" or line != line.upper():
        return False
    words = [w for w in line.split() if any(ch.isalnum() for ch in w)]
    if len(words) > 4:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and line[-1] not in ".,;:"


# Words a site's sections are named with ("World News", "Tech & Science", "Local Sport"); a
# name of capitalised words with none of them ("Eldham Chronicle") is more likely the site's.
_SECTION_WORDS = frozenset(
    word
    for group in (
        "news world politics business sport sports tech technology science health culture arts",
        "opinion comment lifestyle life style travel money entertainment local national",
        "international environment climate education crime court courts justice law weather",
        "food drink books music film films tv television media economy markets finance property",
        "homes motoring cars football soccer cricket rugby tennis golf athletics boxing cycling",
        "obituaries features analysis investigations investigation video videos podcast podcasts",
        "live latest regional region city metro nation europe africa asia americas uk us",
        "energy transport council events interviews interview notes releases jobs careers",
        "industry policy research fashion beauty games gaming puzzles photos pictures gallery",
        "weekend magazine review reviews editorial letters society community home design",
        "architecture ideas wellbeing briefing brief digest roundup explainer recap preview",
    )
    for word in group.split()
)


def section_words(line: str) -> bool:
    """Whether every word of a short label is a section's (``News``, ``World & Politics``)."""
    words = [w.lower().strip("&'’") for w in line.split()]
    return all(w in _SECTION_WORDS or not w for w in words)


# The kinds of body that issue releases under their name ("Eldham Sheriff's Office").
_ORGANISATION_WORDS = frozenset(
    word
    for group in (
        "office department ministry agency police service services council authority board",
        "bureau commission committee university college school institute association society",
        "foundation trust union federation council hospital museum library church court",
        "administration directorate inspectorate government parliament assembly secretariat",
    )
    for word in group.split()
)


def letterhead(line: str) -> bool:
    """An organisation's name as a release's letterhead: ``Eldham Sheriff's Office``."""
    words = line.split()
    if not 2 <= len(words) <= 6 or len(line) > 60 or any(ch.isdigit() for ch in line):
        return False  # a section word may be in the name: "Office of the Court Clerk"
    if not all(w[0].isupper() or w in ("of", "and", "&", "the", "on", "for") for w in words):
        return False
    return any(w.lower().removesuffix("'s") in _ORGANISATION_WORDS for w in words)


def named_body(line: str) -> bool:
    """A letterhead whose kind of body ends it or comes before "of": ``SUPERIOR COURT OF
    ELDHAM COUNTY``, ``Eldham Sheriff's Office``; not a headline that merely names one
    (``POLICE BOARD BANS NIGHT PATROLS``)."""
    if not letterhead(line):
        return False
    words = [w.lower().removesuffix("'s") for w in line.split()]
    if words[-1] in _ORGANISATION_WORDS:
        return True
    return any(w in _ORGANISATION_WORDS and nxt == "of" for w, nxt in pairwise(words))


# A paper's name and the language of its edition: "Eldham Posten – English", "Eldham Herald |
# English Service".
_EDITION_MASTHEAD = re.compile(
    r"[A-Z][^\s|]*(?:\s+[^\s|]+){0,4}\s+[–—|·-]\s+(?:english|international)"
    r"(?:\s+(?:edition|service|version))?",
    re.IGNORECASE,
)


# A series' name and the number of this instalment: "The Eldham Podcast — Episode 41",
# "Eldham Notes | Issue #12".
_SERIES = re.compile(
    r"[A-Z][^|·•—–]{1,60}?(?:\s*[|·•]\s*|\s+[–—-]\s+)"
    r"(?:episode|ep\.|issue|no\.|number|vol(?:ume|\.))\s*#?\d{1,4}",
    re.IGNORECASE,
)


def series_line(line: str) -> bool:
    """A series' name and an instalment's number: ``The Eldham Podcast — Episode 41``."""
    return line[-1:].isdigit() and len(line) <= 80 and _SERIES.fullmatch(line) is not None


def edition_masthead(line: str) -> bool:
    """A masthead naming its edition's language: ``Eldham Posten – English``, ``Eldham
    Herald | English Service``."""
    return len(line) <= 60 and _EDITION_MASTHEAD.fullmatch(line) is not None


def account_name(line: str) -> bool:
    """A blog's, a page's or an account's name: up to six capitalised words, small words
    between (``Notes from Eldham Lane``, ``Eldham Sheriff's Office``)."""
    named = line.split()
    small = ("of", "and", "&", "the", "on", "from", "in", "at", "for", "to", "by")
    if not 1 <= len(named) <= 6 or any(ch.isdigit() for ch in line):
        return False
    return named[0][0].isupper() and all(w[0].isupper() or w in small for w in named)


def site_with_motto(name: str, motto: str) -> bool:
    """A site's name over its motto at the top of a page: ``Notes from Eldham Lane`` over
    ``a small garden, a large dog and too many tomatoes`` (lower case, no full stop)."""
    words = motto.split()
    return (
        account_name(name)
        and motto[:1].islower()
        and 3 <= len(words) <= 14
        and not motto.endswith((".", "!", "?", ":"))
        and "://" not in motto
    )


def site_name_shape(line: str) -> bool:
    """Two to five capitalised words naming no section: ``Eldham Chronicle``."""
    words = line.split()
    if not 2 <= len(words) <= 5 or len(line) > 48 or any(ch.isdigit() for ch in line):
        return False
    if not all(w[0].isupper() or w in ("of", "and", "&", "the", "on") for w in words):
        return False
    return not any(w.lower().strip("&'’") in _SECTION_WORDS for w in words)


@_cached
def label_line(line: str) -> bool:
    """A short capitalised line that is not a sentence: a section label or a site name."""
    if len(line) > 48 or line[-1] in ".,;:!?" or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = line.split()
    return len(words) <= 4 and parse_date(line) is None


@_cached
def kicker(line: str) -> bool:
    """A story-type label (``LIVE``, ``EXCLUSIVE``, ``FOR IMMEDIATE RELEASE``), or two of
    them side by side (``Exclusive  Premium``)."""
    if _KICKERS.fullmatch(line.strip(" :!-–—")) is not None:
        return True
    pieces = menu_pieces(line)
    return pieces is not None and all(_KICKERS.fullmatch(p) for p in pieces)


def tagline(line: str) -> bool:
    """A site's motto under its name: a short phrase in lower case, not a sentence."""
    return (
        len(line) <= 120
        and line[0].islower()
        and not line.endswith((".", ":", ";"))
        and len(line.split()) <= 16
    )


_LIVE_TIME = re.compile(r"\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?", re.IGNORECASE)


# "Mar 2, 4:03 PM EST", "Monday, 2 March 09:15": a day and a time, no year (and no words).
_TIMESTAMP = re.compile(
    rf"(?:[^\W\d]+,?\s+)?(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{MONTH_NAMES})\.?)"
    r",?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?",
    re.IGNORECASE,
)


def timestamp(line: str) -> bool:
    """A day and a time of day on a line of their own, without a year: when a page was
    updated or printed, not a headline (``Mar 2, 4:03 PM EST``)."""
    return len(line) <= 48 and _TIMESTAMP.fullmatch(line) is not None


def timed_entry(line: str) -> bool:
    """A live blog's key event with its time first: ``22:40  Second bridge closed``."""
    return _TIMED_ENTRY.match(line) is not None


def caption_label(line: str) -> bool:
    """A caption's label on a line of its own (``Image caption,``): the next line is the
    caption."""
    return len(line) <= 24 and _CAPTION_LABEL.fullmatch(line) is not None


def timestamp_line(line: str) -> bool:
    """A live blog entry's time on its own line: ``6.02pm``, ``23:52``."""
    return len(line) <= 14 and _LIVE_TIME.fullmatch(line) is not None
