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
from dataclasses import dataclass
from typing import Literal

FieldKind = Literal[
    "mail", "subject", "title", "url", "section", "source", "text", "meta", "furniture"
]

# The label, perhaps namespaced ("dc:creator") or of two words ("Last build"), then a colon.
_FIELD = re.compile(
    r"(?P<label>[A-Za-z][\w-]*(?::[A-Za-z][\w-]*)?(?:\s[A-Za-z][\w-]*)?)\s*:"
    r"(?:[ \t]+(?P<value>\S.*))?$"
)
_KINDS: dict[str, FieldKind] = {
    label: kind
    for kind, labels in (
        ("mail", "from to cc bcc reply-to sent"),
        ("subject", "subject"),
        ("title", "title headline"),
        ("url", "link url permalink canonical"),
        ("section", "category categories section"),
        ("source", "channel publisher station network"),
        ("text", "description summary excerpt content content:encoded"),
        # Read by the walker: dates, updates and bylines.
        ("meta", "date pubdate published broadcast aired dc:date author dc:creator creator"),
        ("meta", "reporter writer byline updated modified lastbuilddate"),
        (
            "furniture",
            "guid duration presenter host producer editor status selector comments item"
            " language copyright translator length format programme program show slot",
        ),
    )
    for label in labels.split()
} | {"last build": "meta", "channel link": "furniture", "episode": "furniture"}
_MIN_FIELDS = 2  # a block of fields has at least this many known ones
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
