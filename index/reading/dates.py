"""Dates as news sites print them: the grammar, labels (Published/Updated) and relative dates.

``March 3, 2026``, ``3 Mar 2026``, ``Tue 3 Mar 2026 09.15 GMT``, ``Friday, 8 May 2026 14:05
BST``, ``04.03.2026``, ``19/04/2026, 22:31``, ``2026-03-03T10:00:00Z``, ``3-Mar-2026``,
``Published 12 January 2026``, ``Updated: ...``; and relative dates (``3 hours ago``,
``Updated 12 mins ago``), which never give a day. Numeric dates are read day first
(``04.03.2026`` is 4 March) unless only month first makes a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from typing import Literal

DateKind = Literal["published", "updated", "plain"]

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
    r"published|posted|first\s+published|publication\s+date|date|dated|sent|опубліковано"
    r"|опубликовано|дата"
)
_UPDATED = r"(?:last\s+)?updated|(?:last\s+)?modified|оновлено|обновлено|змінено|изменено"
_LABEL = rf"(?:(?P<pub>{_PUBLISHED})|(?P<upd>{_UPDATED}))(?:\s+(?:on|at))?\s*:?\s*"
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
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(?:\s*[,|•·-]?\s*(?:at\s+|о\s+|в\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?![\d.])"
    rf"(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE}\b)?"
    r"(?:\s*[+-]\d{2}:?\d{2})?))?"
)
_DATE_PREFIX = re.compile(rf"(?:{_LABEL})?(?:{_WEEKDAY})?{_DATE}{_TIME}", re.IGNORECASE)
_UNITS = (
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|mins?|h(?:ou)?rs?|hours?|days?|weeks?|wks?|months?"
    r"|years?|yrs?)"
)
_RELATIVE = re.compile(
    rf"(?:(?:{_PUBLISHED}|{_UPDATED})\s*:?\s*)?"
    rf"(?:(?:an?|\d+)\s*{_UNITS}\s+ago|just\s+now|yesterday|today|moments\s+ago)",
    re.IGNORECASE,
)
# First words a date line can start with (besides a digit): a cheap filter before the regex.
DATE_FIRST_WORDS = frozenset(
    [*MONTHS, *WEEKDAY_WORDS, *re.findall(r"[^\W\d_]+", _PUBLISHED + _UPDATED)]
)
_WORD_PUNCT = ".,:;"


@dataclass(slots=True)
class DateFound:
    """A date read from a line: ISO day, what kind, and its span in that line."""

    iso: str
    kind: DateKind
    start: int
    end: int


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
        if mo > 12 >= d or _month_first(y, mo, d, g("wd")):
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
    m = _DATE_PREFIX.match(piece)
    if not m:
        return None
    iso = _iso(m)
    if iso is None:
        return None
    kind: DateKind = "updated" if m.group("upd") else "published" if m.group("pub") else "plain"
    return DateFound(iso, kind, offset, offset + m.end()), m.end()


def relative_date(piece: str) -> bool:
    """Whether ``piece`` is a relative date (``3 hours ago``, ``Updated 12 mins ago``)."""
    return _RELATIVE.fullmatch(piece.strip().rstrip(".")) is not None
