"""Recognising an article's metadata in its lines: dates, bylines, sources, title shape.

Everything here works on one stripped line (or one paragraph) at a time and reports
offsets relative to the string it was given; :mod:`.clean` walks the lines and
:func:`pick_date` / :func:`reported_source` settle the article-level answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Literal

DateKind = Literal["published", "updated", "plain"]

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan січня січень января январь",
        "february feb лютого лютий февраля февраль",
        "march mar березня березень марта март",
        "april apr квітня квітень апреля апрель",
        "may травня травень мая май",
        "june jun червня червень июня июнь",
        "july jul липня липень июля июль",
        "august aug серпня серпень августа август",
        "september sep sept вересня вересень сентября сентябрь",
        "october oct жовтня жовтень октября октябрь",
        "november nov листопада листопад ноября ноябрь",
        "december dec грудня грудень декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_WORDS = frozenset(
    word
    for group in (
        "monday tuesday wednesday thursday friday saturday sunday",
        "mon tue tues wed thu thur thurs fri sat sun",
        "понеділок вівторок середа четвер п'ятниця п’ятниця пʼятниця субота неділя",
        "понедельник вторник среда четверг пятница суббота воскресенье",
    )
    for word in group.split()
)
_WEEKDAY_NAMES = "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True))
_WEEKDAY = rf"(?:{_WEEKDAY_NAMES})\.?,?\s+"
_PUBLISHED = r"published|posted|publication\s+date|date|опубліковано|опубликовано|дата"
_UPDATED = r"(?:last\s+)?updated|modified|оновлено|обновлено|змінено|изменено"
_LABEL = rf"(?:(?P<pub>{_PUBLISHED})|(?P<upd>{_UPDATED}))(?:\s+(?:on|at))?\s*:?\s*"
_DATE = (
    r"(?<!\d)(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<yy>\d{4})[./](?P<ym>\d{1,2})[./](?P<yd>\d{1,2})"
    r"|(?P<dd>\d{1,2})[./-](?P<dm>\d{1,2})[./-](?P<dy>\d{4})"
    rf"|(?P<nm>{_MONTH})\.?\s+(?P<nd>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ny>\d{{4}})"
    rf"|(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mm>{_MONTH})\.?,?\s+(?P<my>\d{{4}})"
    r")(?!\d)(?:\s*(?:р\.|г\.|року|года)(?!\w))?"
)
_TIME = (
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(?:\s*[,|•·-]?\s*(?:at\s+|о\s+|в\s+)?\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|[ECB]S?T|E[ES]?T|CES?T|MS[KT])\b)?"
    r"(?:\s*[+-]\d{2}:?\d{2})?))?"
)
_DATE_PREFIX = re.compile(rf"(?:{_LABEL})?(?:{_WEEKDAY})?{_DATE}{_TIME}", re.IGNORECASE)
# First words a date line can start with (besides a digit): a cheap filter before the regex.
_DATE_FIRST_WORDS = frozenset(
    [*_MONTHS, *_WEEKDAY_WORDS, *re.findall(r"[^\W\d_]+", _PUBLISHED + _UPDATED)]
)
_WORD_PUNCT = ".,:;"


def first_word(line: str) -> str:
    """The first word of a line, lower-cased, without trailing punctuation."""
    head = line[:24].split(None, 1)
    return head[0].lower().rstrip(_WORD_PUNCT) if head else ""


_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "al", "bin", "ibn", "la"}
_NAME_JOINERS = {"and", "&", "та", "і", "и"}
# Byline fillers: "by No Comments", "Posted by admin" are bylines without an author.
_PLACEHOLDER_NAMES = re.compile(
    r"(?:(?:no|leave\s+a|\d+)\s+comments?|comments?|admin(?:istrator)?|staff|editor|guest)",
    re.IGNORECASE,
)
_CALENDAR_WORDS = re.compile(rf"(?:{_MONTH}|{_WEEKDAY_NAMES})", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:(?:(?:written|posted|published|reported)\s+)?by|authors?|автори?|авторы|текст)"
    r"(?:\s*[:：]\s*|\s+)(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_BYLINE_FIRST_WORDS = frozenset(
    ("by", "written", "posted", "published", "reported", "author", "authors", "автор")
) | {"автори", "авторы", "текст"}
_SOURCE_FIRST_WORDS = frozenset(["source", "sources", "джерело", "источник"])
# A line whose first word is none of these (and that has no digit first and no ``|``, ``•``
# or ``·`` separator) cannot be a metadata line.
META_FIRST_WORDS = _DATE_FIRST_WORDS | _BYLINE_FIRST_WORDS | _SOURCE_FIRST_WORDS
_BYLINE_DATE_SEP = re.compile(r",\s+|\s+on\s+|\s+[-–—]\s+")
_SEPARATORS = re.compile(r"\s*\|\s*|\s+[•·]\s+")
_IGNORABLE = re.compile(
    r"(?:(?:no|\d+)\s+comments?|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)"
    r"|\d+\s*(?:min(?:ute)?s?|хв|мин)\.?(?:\s+(?:read|читання|чтения))?"
    r"|(?:views?|переглядів|просмотров)\s*:?\s*[\d\s,.]+|[\d\s,.]+\s+(?:views?|переглядів|просмотров))",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"(?:source|sources|джерело|источник)\s*[:：]\s*(?P<value>\S.{0,79})$", re.IGNORECASE
)
_URL_HOST = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_REPORTS = re.compile(
    r"(?P<anchor>^|[,;—–]\s*|[.!?]\s+)"
    r"(?P<name>(?:[A-Z][\w.&'’-]*\s+){0,4}?[A-Z][\w.&'’-]*)"
    r"\s+(?P<verb>reports|reported)(?=\s*(?:[,.;:]|$))",
    re.MULTILINE,
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
class DateFound:
    """A date read from a line: ISO day, what kind, and its span in that line."""

    iso: str
    kind: DateKind
    start: int
    end: int


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
    outlet: str | None = None  # from a "Name | Outlet" byline
    body_start: int | None = None


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
        if mo > 12 >= d:
            mo, d = d, mo
    elif g("ny"):
        y, mo, d = int(g("ny")), _MONTHS[g("nm").lower()], int(g("nd"))
    else:
        y, mo, d = int(g("my")), _MONTHS[g("mm").lower()], int(g("md"))
    if not 1900 <= y <= 2100:
        return None
    try:
        return _date(y, mo, d).isoformat()
    except ValueError:
        return None


def _may_be_date(line: str) -> bool:
    """Cheap test: could ``line`` start with a (labelled) date?"""
    return line[:1].isdigit() or first_word(line) in _DATE_FIRST_WORDS


def _date_at(piece: str, offset: int = 0) -> tuple[DateFound, int] | None:
    """A (labelled) date at the start of ``piece``, and where the match ends."""
    m = _DATE_PREFIX.match(piece)
    if not m:
        return None
    iso = _iso(m)
    if iso is None:
        return None
    kind: DateKind = "updated" if m.group("upd") else "published" if m.group("pub") else "plain"
    return DateFound(iso, kind, offset, offset + m.end()), m.end()


def clean_name(raw: str, *, single: bool = True) -> str | None:
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
    names = [w for w in words if w.lower() not in _NAME_JOINERS]
    if not names or len(names) > 8 or (len(names) < 2 and not single):
        return None
    if words[0].lower() in _NAME_JOINERS or words[-1].lower() in _NAME_JOINERS:
        return None
    for i, w in enumerate(names):
        if 0 < i < len(names) - 1 and w.lower() in _PARTICLES:
            continue
        if not (w[0].isupper() and all(ch.isalpha() or ch in ".'’-" for ch in w)):
            return None
    return raw


def clean_outlet(raw: str) -> str | None:
    """``raw`` as an outlet's name (``Reuters``, ``RBC-Ukraine``, ``News.Az``), or ``None``."""
    raw = raw.strip()
    words = raw.split()
    if not words or len(words) > 5 or len(raw) > 40 or raw.endswith((".", ",", ";", ":")):
        return None
    if not (raw[0].isupper() or raw[0].isdigit()) or _DATE_PREFIX.match(raw):
        return None
    return raw


def _byline(piece: str) -> str | Literal[False] | None:
    """The author named by a ``By X`` / ``Author: X`` piece; ``None`` for "by No Comments"-like
    pieces that are bylines without a usable name; ``False`` if it is not a byline at all."""
    m = _BYLINE.match(piece)
    if not m:
        return False
    rest = m.group("rest").split(",")[0]
    name = clean_name(rest)
    if name:
        return name
    if _PLACEHOLDER_NAMES.fullmatch(rest.strip()):
        return None
    return False


def parse_meta_line(
    line: str, *, header: bool, bare_names: bool | None = None, word: str | None = None
) -> MetaLine | None:
    """Read a stripped line as a date / byline / source line, or return ``None``.

    ``header`` is true before the body starts; there an unlabelled date may be followed by
    body text on the same line. ``bare_names`` (default: ``header``) lets a bare
    ``Name | Outlet`` count as a byline. ``word`` is the line's :func:`first_word`, if known.
    """
    if not line:
        return None
    if bare_names is None:
        bare_names = header
    if word is None:
        word = first_word(line)
    if len(line) <= 200 and ("|" in line or " • " in line or " · " in line):
        pieces = _pieces(line, bare_names=bare_names) if _SEPARATORS.search(line) else None
        if pieces:
            return pieces
    if line[0].isdigit() or word in _DATE_FIRST_WORDS:
        found = _date_at(line)
        if found:
            return _date_line(line, found, header=header)
    if len(line) > 200:
        return None
    if word in _BYLINE_FIRST_WORDS:
        dated = _dated_byline(line)
        if dated:
            return dated
        by = _byline(line)
        if by is not False:
            return MetaLine(parts=[(0, len(line), "byline")], author=by)
    m = _SOURCE_LINE.match(line) if word in _SOURCE_FIRST_WORDS else None
    if m:
        value = m.group("value").strip().rstrip(".")
        if value.lower().startswith(("http://", "https://", "www.")):
            host = _URL_HOST.match(value)
            value = host.group("host") if host else ""
        else:
            value = clean_outlet(value) or ""
        if value:
            return MetaLine(parts=[(0, len(line), "source")], source=value)
    return None


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
    if _IGNORABLE.fullmatch(rest):
        meta.parts.append((start, len(line), "comments counter"))
        return meta
    # Unlabelled, only a header line may go on with body text, and "March 1, 2025, Trump
    # met ..." or "March 1, 2025 was ..." is a sentence, not a date line.
    sentence = rest[0].islower() or tail.lstrip().startswith(",")
    if date.kind == "plain" and (sentence or not header):
        return None
    meta.body_start = start
    return meta


def _dated_byline(line: str) -> MetaLine | None:
    """``By Jane Doe, March 1, 2025`` / ``Posted by admin on March 1, 2025, 10:00``."""
    for m in _BYLINE_DATE_SEP.finditer(line):
        tail = line[m.end() :]
        found = _date_at(tail, m.end()) if _may_be_date(tail) else None
        if not found or found[1] != len(tail):
            continue
        by = _byline(line[: m.start()])
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
    """A line of ``|``- or bullet-separated pieces: ``By X | Outlet | March 1, 2025``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATORS.finditer(line):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    if len(spans) > 5 or any(s == e for s, e in spans):
        return None
    meta = MetaLine()
    named = explicit = False
    for i, (s, e) in enumerate(spans):
        piece = line[s:e]
        found = _date_at(piece, s) if _may_be_date(piece) else None
        if found and found[1] == len(piece):
            meta.date = meta.date or found[0]
            meta.parts.append((s, e, _date_reason(found[0])))
            continue
        by = _byline(piece)
        if by is not False:
            meta.author = meta.author or by
            meta.parts.append((s, e, "byline"))
            named = explicit = True
            continue
        if _IGNORABLE.fullmatch(piece):
            meta.parts.append((s, e, "comments counter"))
            continue
        if i == 0 and bare_names and clean_name(piece, single=False):
            meta.author = piece
            meta.parts.append((s, e, "byline"))
            named = True
            continue
        if named and clean_outlet(piece):
            meta.outlet = meta.outlet or piece
            meta.parts.append((s, e, "source"))
            continue
        return None
    if meta.date is None and meta.outlet is None and not explicit:
        return None
    return meta


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


def looks_like_title(line: str) -> bool:
    """Whether a stripped line is shaped like a headline (not a body sentence)."""
    if len(line) > 250 or len(line) < 8:
        return False
    first, last = line[0], line[-1]
    if not (first.isupper() or first.isdigit() or first in "«“\"'‘„"):
        return False
    if last in ".,;:" or "://" in line:
        return False
    words = line.split()
    return 2 <= len(words) <= 40
