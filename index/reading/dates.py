"""Dates as news sites print them: the grammar, labels (Published/Updated) and relative dates.

``March 3, 2026``, ``3 Mar 2026``, ``Tue 3 Mar 2026 09.15 GMT``, ``Friday, 8 May 2026 14:05
BST``, ``04.03.2026``, ``19/04/2026, 22:31``, ``2026-03-03T10:00:00Z``, ``3-Mar-2026``,
``Published 12 January 2026``, ``Updated: ...``; and relative dates (``3 hours ago``,
``Updated 12 mins ago``), which never give a day. Numeric dates are read day first
(``04.03.2026`` is 4 March) unless only month first makes a date.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date as _date
from datetime import datetime, timedelta
from typing import Literal

# "captured": when a copy was made (scraped, saved, retrieved): never the publication date,
# but the moment a relative date ("5 hours ago") counts back from.
DateKind = Literal["published", "updated", "plain", "captured"]

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan janvier januar enero gennaio січня січень января январь",
        "february feb février februar febrero febbraio лютого лютий февраля февраль",
        "march mar mars märz marzo березня березень марта март",
        "april apr avril abril aprile квітня квітень апреля апрель",
        "may mai mayo maggio травня травень мая май",
        "june jun juin juni junio giugno червня червень июня июнь",
        "july jul juillet juli julio luglio липня липень июля июль",
        "august aug août agosto серпня серпень августа август",
        "september sep sept septembre septiembre settembre вересня вересень сентября сентябрь",
        "october oct octobre oktober octubre ottobre жовтня жовтень октября октябрь",
        "november nov novembre noviembre листопада листопад ноября ноябрь",
        "december dec décembre dezember diciembre dicembre грудня грудень декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _num
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_NAMES = _MONTH  # every month name and abbreviation, longest first, for a regex
WEEKDAY_WORDS = frozenset(
    word
    for group in (
        "monday tuesday wednesday thursday friday saturday sunday",
        "mon tue tues wed thu thur thurs fri sat sun",
        "понеділок вівторок середа четвер п'ятниця п’ятниця пʼятниця субота неділя",
        "понедельник вторник среда четверг пятница суббота воскресенье",
    )
    for word in group.split()
)
WEEKDAY_NAMES = "|".join(sorted(WEEKDAY_WORDS, key=len, reverse=True))
_WEEKDAY = rf"(?P<wd>{WEEKDAY_NAMES})\.?,?\s+"
# English weekday names by ISO weekday number, to settle 03/04/2026 when the day is named.
_WEEKDAY_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        ),
        start=1,
    )
    for name in names.split()
}
_PUBLISHED = (
    r"published|posted|first\s+published|originally\s+published|first\s+posted|released"
    r"|for\s+(?:immediate\s+)?release"
    r"|publication\s+date|date|dated|sent|broadcast|aired|started|embargoed\s+(?:until|till)"
    r"|pub\s*date|dc:date|published_at|publish(?:ed)?_date|date_published|pub_date"
    r"|опубліковано"
    r"|опубликовано|дата"
)
_UPDATED = (
    r"(?:last\s+)?updated|(?:last\s+)?modified|last\s+build(?:\s+date)?|оновлено|обновлено"
    r"|змінено|изменено"
)
_CAPTURED = r"scraped|retrieved|fetched|saved|accessed|captured|archived|clipped|downloaded"
_LABEL = (
    rf"(?:(?P<pub>{_PUBLISHED})|(?P<upd>{_UPDATED})|(?P<cap>{_CAPTURED}))(?:\s+(?:on|at))?\s*:?\s*"
)
_DATE = (
    r"(?<!\d)(?:"
    r"(?P<iy>\d{4})(?:-|年\s*)(?P<im>\d{1,2})(?:-|月\s*)(?P<id>\d{1,2})日?"
    r"|(?P<yy>\d{4})[./](?P<ym>\d{1,2})[./](?P<yd>\d{1,2})"
    r"|(?P<dd>\d{1,2})(?P<sep>[./-])(?P<dm>\d{1,2})(?P=sep)(?P<dy>\d{4})"
    rf"|(?P<nm>{_MONTH})\.?\s+(?P<nd>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ny>\d{{4}})"
    rf"|(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\.?(?:\s+|-)(?:of\s+)?(?P<mm>{_MONTH})\.?,?(?:\s+|-)"
    r"(?P<my>\d{4})"
    r")(?!\d)(?:\s*(?:р\.|г\.|року|года)(?!\w))?"
)
_ZONE = r"(?-i:UTC|GMT|[A-Z]{1,3}[SD]?T|Z)"
_TIME = (
    r"(?:T(?P<th>\d{2}):(?P<tm>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(?:\s*[,|•·/-]?\s*(?:at\s+|о\s+|в\s+|kl\.?\s*)?(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?(?![\d.])"
    rf"(?:\s*(?P<ap>[ap])\.?m\.?)?(?:\s*(?P<zone>{_ZONE})\b)?"
    r"(?:\s*[+-]\d{2}:?\d{2})?))?"
)
# Some sites print the time first: "Published: 21:04, 3 March 2026", "10:42 GMT 3 Mar 2026".
_TIME_BEFORE = (
    rf"(?:\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE}(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?)?"
    r"\s*,?\s+(?=\w))?"
)
# An archive prints the weekday after the date: "March 11, 2026 Wednesday".
_WEEKDAY_AFTER = rf"(?:,?\s+(?:{WEEKDAY_NAMES})(?!\w))?"
_SHORT_YEAR = re.compile(
    rf"(?:{_LABEL})\d{{1,2}}(?P<sep>[./])\d{{1,2}}(?P=sep)(?P<yy>\d{{2}})(?![\d./])", re.IGNORECASE
)
_DATE_PREFIX = re.compile(
    rf"(?:{_LABEL})?{_TIME_BEFORE}(?:{_WEEKDAY})?{_DATE}{_TIME}{_WEEKDAY_AFTER}", re.IGNORECASE
)
_UNITS = (
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|mins?|h(?:ou)?rs?|hours?|days?|weeks?|wks?|months?"
    r"|years?|yrs?|[hmdw])"
)
_RELATIVE = re.compile(
    rf"(?:(?:(?P<pub>{_PUBLISHED})|(?P<upd>{_UPDATED}))\s*:?\s*)?"
    rf"(?:(?P<n>an?|\d+)\s*(?P<unit>{_UNITS})\s+ago|just\s+now|yesterday|today|moments\s+ago"
    r"|(?P<sn>\d{1,2})(?P<su>[hmdw])\s*[·•]?)",  # a social post's "3h ·"
    re.IGNORECASE,
)
# Seconds in a relative date's unit, by the unit's first letters.
_UNIT_SECONDS = {"se": 1, "mi": 60, "h": 3600, "d": 86400, "w": 604800}
_SOCIAL_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}
# A social post's age under the poster's name: "3h ·", "2d".
SOCIAL_AGE = re.compile(r"\d{1,2}[hmdw]\s*[·•]?")
# First words a date line can start with (besides a digit): a cheap filter before the regex.
DATE_FIRST_WORDS = frozenset(
    [
        *MONTHS,
        *WEEKDAY_WORDS,
        *re.findall(r"[^\W\d_]+", "|".join((_PUBLISHED, _UPDATED, _CAPTURED))),
        *("pubdate", "dc:date", "published_at", "publish_date", "published_date"),
        *("date_published", "pub_date"),
    ]
)
_WORD_PUNCT = ".,:;"


@dataclass(slots=True)
class DateFound:
    """A date read from a line: ISO day, what kind, and its span in that line."""

    iso: str
    kind: DateKind
    start: int
    end: int
    minute: int | None = None  # the time of day it gives, in minutes, if it gives one


def first_word(line: str) -> str:
    """The first word of a line, lower-cased, without trailing punctuation."""
    head = line[:24].split(None, 1)
    return head[0].lower().rstrip(_WORD_PUNCT) if head else ""


def parse_date(text: str) -> str | None:
    """The ISO day of the first date at the start of ``text`` (``"March 1, 2025"`` etc.)."""
    m = _DATE_PREFIX.match(text.strip())
    return _iso(m) if m else None


def _iso(m: re.Match[str]) -> str | None:
    """Turn a :data:`_DATE_PREFIX` match into ``YYYY-MM-DD``; ``None`` if no such day."""
    g = m.group
    if g("iy"):
        y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
    elif g("yy"):
        y, mo, d = int(g("yy")), int(g("ym")), int(g("yd"))
    elif g("dy"):  # day first: 01.03.2025 is the first of March
        y, mo, d = int(g("dy")), int(g("dm")), int(g("dd"))
        us = g("zone") in _US_ZONES and d <= 12  # "10/04/2016 05:07 AM EDT": 4 October
        if mo > 12 >= d or _month_first(y, mo, d, g("wd")) or us:
            mo, d = d, mo
    elif g("ny"):
        y, mo, d = int(g("ny")), MONTHS[g("nm").lower()], int(g("nd"))
    else:
        y, mo, d = int(g("my")), MONTHS[g("mm").lower()], int(g("md"))
    if not 1900 <= y <= 2100:
        return None
    try:
        return _date(y, mo, d).isoformat()
    except ValueError:
        return None


# Time zones of the United States, whose sites write the month first ("10/04/2016 05:07 AM
# EDT" is 4 October): with one of these after it, a numeric date is read month first.
_US_ZONES = frozenset(
    ["EST", "EDT", "ET", "CST", "CDT", "CT", "MST", "MDT", "MT", "PST", "PDT", "PT", "AKST", "AKDT"]
)


def _month_first(y: int, month: int, day: int, weekday: str | None) -> bool:
    """Whether a named weekday says ``03/04/2026`` is 4 March, not 3 April."""
    number = _WEEKDAY_NUMBER.get((weekday or "").lower().rstrip("."))
    if number is None or month > 12 or day > 12:
        return False
    try:
        day_first, month_first = _date(y, month, day), _date(y, day, month)
    except ValueError:
        return False
    return day_first.isoweekday() != number and month_first.isoweekday() == number


def may_be_date(line: str) -> bool:
    """Cheap test: could ``line`` start with a (labelled) date?"""
    return line[:1].isdigit() or first_word(line) in DATE_FIRST_WORDS


def date_at(piece: str, offset: int = 0) -> tuple[DateFound, int] | None:
    """A (labelled) date at the start of ``piece``, and where the match ends."""
    short = _SHORT_YEAR.match(piece)
    if short:  # "Posted 3/3/26": a two-digit year only after a label, read as 20xx
        piece = f"{piece[: short.start('yy')]}20{piece[short.start('yy') :]}"
        found = date_at(piece, offset)
        if found is None:
            return None
        date, end = found
        return dataclasses.replace(date, end=date.end - 2), end - 2
    m = _DATE_PREFIX.match(piece)
    if not m:
        return None
    iso = _iso(m)
    if iso is None:
        return None
    kind: DateKind = (
        "updated"
        if m.group("upd")
        else "published"
        if m.group("pub")
        else "captured"
        if m.group("cap")
        else "plain"
    )
    return DateFound(iso, kind, offset, offset + m.end(), _minute(m)), m.end()


def _minute(m: re.Match[str]) -> int | None:
    """The time of day a date match gives, in minutes after midnight."""
    hour, minute = m.group("th") or m.group("hh"), m.group("tm") or m.group("mi")
    if hour is None or minute is None:
        return None
    h, ap = int(hour), (m.group("ap") or "").lower()
    if ap:
        h = h % 12 + (12 if ap == "p" else 0)
    return h * 60 + int(minute) if h < 24 and int(minute) < 60 else None


def relative_date(piece: str) -> bool:
    """Whether ``piece`` is a relative date (``3 hours ago``, ``Updated 12 mins ago``)."""
    return _RELATIVE.fullmatch(piece.strip().rstrip(".")) is not None


def relative_age(piece: str) -> tuple[DateKind, int] | None:
    """A relative date's kind and how many seconds back it counts: ``Published 5 hours
    ago`` is ``("published", 18000)``; ``None`` for ``today`` and other vague words."""
    m = _RELATIVE.fullmatch(piece.strip().rstrip("."))
    if m is not None and m.group("su"):
        return "plain", int(m.group("sn")) * _SOCIAL_SECONDS[m.group("su").lower()]
    if m is None or m.group("unit") is None:
        return None
    unit = m.group("unit").lower()
    seconds = next((v for k, v in _UNIT_SECONDS.items() if unit.startswith(k)), None)
    if seconds is None:
        return None  # months and years are too vague to count back
    n = 1 if m.group("n").lower() in ("a", "an") else int(m.group("n"))
    kind: DateKind = "updated" if m.group("upd") else "published" if m.group("pub") else "plain"
    return kind, n * seconds


# Where else a day is stated: in the article's URL (``/2026/03/14/``), in a wire service's
# transmission trailer (``TP-MJ-04-14-26 1422GMT``: month, day, two-digit year), or in a note
# that the piece first appeared elsewhere (``first appeared in X on 3 March 2026``).
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$)")
_TRAILER = re.compile(r"(?<!\d)(?P<m>\d{2})-(?P<d>\d{2})-(?P<y>\d{2})\s+\d{4}\s*(?:GMT|UTC|Z)\b")
_TRAILER_LINES = 4
_FIRST_APPEARED = re.compile(
    r"\b(?:first|originally)\s+(?:appeared|published|ran|printed)\b[^.]{0,80}?\bon\s+",
    re.IGNORECASE,
)


def url_date(url: str | None) -> str | None:
    """The day an article's URL path states (``https://site/2026/03/14/slug``)."""
    m = _URL_DATE.search(url) if url else None
    return _day(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None


def trailer_date(text: str) -> str | None:
    """The day a wire copy's transmission trailer states, in its last lines."""
    tail = text[-400:]
    lines = [line for line in tail.splitlines() if line.strip()][-_TRAILER_LINES:]
    for line in lines:
        m = _TRAILER.search(line)
        if m:
            return _day(2000 + int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


def first_appeared(paragraph: str) -> str | None:
    """The day a note says the piece first appeared (``first appeared in X on 3 March 2026``)."""
    if "irst" not in paragraph and "riginally" not in paragraph:
        return None
    m = _FIRST_APPEARED.search(paragraph)
    return parse_date(paragraph[m.end() : m.end() + 60]) if m else None


def counted_back(captured: DateFound, seconds: int) -> str | None:
    """The day a relative date (``5 hours ago``) falls on, counted back from the time a copy
    was made; ``None`` when that time has no time of day and the count is under a day."""
    if captured.minute is None and seconds % 86400:
        return None
    start = datetime.fromisoformat(captured.iso) + timedelta(minutes=captured.minute or 0)
    return (start - timedelta(seconds=seconds)).date().isoformat()


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return _date(y, m, d).isoformat()
    except ValueError:
        return None
