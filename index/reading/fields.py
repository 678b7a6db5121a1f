"""Labelled fields at the top of a text: ``Label: value`` lines, as tools print them.

An e-mail's headers (``From:``, ``Subject:``, ``Date:``), a feed item as a reader exports it
(``title:``, ``link:``, ``pubDate:``, ``dc:creator:``, ``category:``), a broadcast
transcript's sheet (``Broadcast:``, ``Presenter:``, ``Reporter:``) and a scraper's log
(``url:``, ``selector:``) all state an article's metadata as labelled fields. What a label
means does not depend on the tool, so one table reads them all; a block counts only when it
holds at least two known fields, so a lone ``Note: ...`` line stays text.

Dates, bylines and URLs in such lines are read by the walker's metadata rules
(:mod:`.metadata`); this module says what each field is for and which are furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..model import Span
from .dates import parse_date
from .metadata import URL, clean_outlet

FieldKind = Literal[
    "mail", "subject", "title", "url", "section", "source", "text", "meta", "furniture"
]

# The label, perhaps namespaced ("dc:creator") or of two words ("Last build"), then a colon.
_FIELD = re.compile(
    r"(?P<label>[A-Za-z][\w-]*(?::[A-Za-z][\w-]*)?(?:\s[A-Za-z][\w-]*)?)\s*:"
    r"(?:[ \t]+(?P<value>\S.*))?$"
)
_TABLE: tuple[tuple[FieldKind, str], ...] = (
    ("mail", "from to cc bcc reply-to sent"),
    ("subject", "subject"),
    ("title", "title headline"),
    ("url", "link url permalink canonical"),
    ("section", "category categories section"),
    ("source", "channel publisher station network site site_name publication outlet"),
    ("text", "description summary excerpt highlight content content:encoded"),
    # Read by the walker: dates, updates and bylines.
    ("meta", "date pubdate published broadcast aired dc:date author dc:creator creator"),
    ("meta", "published_at publish_date published_date date_published pub_date"),
    ("meta", "reporter writer byline updated modified lastbuilddate"),
    ("furniture", "guid duration presenter host producer editor status selector comments item"),
    ("furniture", "language copyright translator length format programme program show slot"),
    ("furniture", "load-date id body"),
)
_KINDS: dict[str, FieldKind] = {label: kind for kind, labels in _TABLE for label in labels.split()}
_KINDS.update({"last build": "meta", "channel link": "furniture", "episode": "furniture"})
_MIN_FIELDS = 2  # a block of fields has at least this many known ones
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|tr)\s*:\s*)+", re.IGNORECASE)
_FORWARD = re.compile(r"fw|tr", re.IGNORECASE)  # "Fwd:", "FW:", "TR:" (a forward), not "Re:"
_BODY_LINE = 160  # a line this long is the story's text


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled field line: its kind, label and value (offsets into the line)."""

    kind: FieldKind
    label: str
    value_start: int  # where the value starts in the line (its end when empty)

    def value(self, line: str) -> str:
        return line[self.value_start :]


def read_field(line: str) -> Field | None:
    """The known field a line holds, if it is one."""
    if ":" not in line[:40]:
        return None
    m = _FIELD.match(line)
    if m is None:
        return None
    label = m.group("label").lower()
    kind = _KINDS.get(label)
    if kind is None:
        return None
    start = m.start("value") if m.group("value") else len(line)
    return Field(kind, label, start)


def field_block(lines: list[str]) -> dict[int, Field]:
    """The known fields among the first ``lines`` (by position), up to the story's text, if
    there are enough of them to be a block. A field's value is short, but for a text field
    (a feed item's description)."""
    found = {}
    for pos, line in enumerate(lines):
        field = read_field(line)
        if field is not None and (field.kind == "text" or len(line) - field.value_start <= 120):
            found[pos] = field
        elif len(line) > _BODY_LINE:
            break  # the story has begun
    return found if len(found) >= _MIN_FIELDS else {}


def source_name(value: str) -> str:
    """A feed's or station's name without its description: ``Saltmere Gazette - Latest``."""
    return re.split(r"\s+[-–—|:]\s+", value, maxsplit=1)[0].strip()


class HeaderLine(Protocol):
    index: int  # the line's number in the text
    text: str
    start: int
    end: int


@dataclass(slots=True)
class FieldsRead:
    """What the labelled fields at the top say. ``title`` and ``subject`` are a position
    among the lines given and the value's span in the text; ``chrome`` maps the set-aside
    lines' numbers to a reason."""

    chrome: dict[int, str] = field(default_factory=dict)
    title: tuple[int, Span] | None = None  # a "title:" field: the headline
    subject: tuple[int, Span] | None = None  # an e-mail's subject: the headline if none other
    url: str | None = None
    section: str | None = None
    source: str | None = None  # a feed's channel, a transcript's station
    sent: str | None = None  # an e-mail's own date: the article's only if it states none
    forwarded: bool = False  # a forward: its sender passed the article on, no outlet


def read_fields(lines: Sequence[HeaderLine]) -> FieldsRead | None:
    """Read the block of labelled fields among ``lines``, if there is one.

    Furniture is set aside, and the fields that name the headline, the URL, the section or
    the outlet are read; dates and bylines are left to the walker's metadata rules, but for
    an e-mail's own ``Date:``/``Sent:``, set aside as a fallback date. The ``From:`` line is
    left to the walker too (the sender)."""
    fields = field_block([line.text for line in lines])
    if not fields:
        return None
    found = FieldsRead()
    mail = any(f.kind in ("mail", "subject") for f in fields.values())
    sender = next((f.value(lines[p].text) for p, f in fields.items() if f.label == "from"), "")
    for pos, f in fields.items():
        line = lines[pos]
        value = f.value(line.text).strip()
        if (f.kind == "meta" and not (mail and f.label == "date")) or f.label == "from":
            continue  # a date, a byline or a sender: the walker reads it
        found.chrome[line.index] = "e-mail header" if mail else "field"
        if f.label in ("date", "sent"):
            found.sent = parse_date(value) or found.sent
        elif f.kind == "subject":
            _subject(found, pos, line, value, sender)
        elif f.kind == "title" and value and found.title is None:
            del found.chrome[line.index]
            found.title = (pos, (line.start + f.value_start, line.end))
        elif f.kind == "url" and URL.fullmatch(value):
            found.url = found.url or value
        elif f.kind == "section" and value:
            found.section = found.section or value
        elif f.kind == "source" and value:
            found.source = found.source or clean_outlet(source_name(value))
    return found


def _subject(found: FieldsRead, pos: int, line: HeaderLine, value: str, sender: str) -> None:
    """An e-mail's subject, without ``Fwd:`` and the sender's name, as a fallback headline."""
    prefix = _SUBJECT_PREFIX.match(value)
    if prefix and _FORWARD.search(prefix.group()):
        found.forwarded = True
    value = _without_sender(_SUBJECT_PREFIX.sub("", value), sender)
    if value.strip():
        found.subject = (pos, (line.end - len(value), line.end))


def _without_sender(subject: str, sender: str) -> str:
    """``Morning Quay: Dock strike ...`` from ``The Morning Quay`` is ``Dock strike ...``."""
    head, sep, rest = subject.partition(": ")
    name = re.sub(r"<[^>]*>|\S+@\S+|^the\s+|[\"']", "", sender.strip(), flags=re.IGNORECASE)
    if sep and rest.strip() and name.strip() and head.lower().removeprefix("the ") in name.lower():
        return rest
    return subject
