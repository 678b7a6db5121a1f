"""Datelines: the place (and often the outlet and date) that opens a news story.

``TORVIK, Nordvale, May 4 (Northline) - ...``, ``SAN AURELIO/PORT SAHR, July 8 (CPA) — ...``,
``BRENNHOLM, Nordvale, June 2, 2026 /Wirecast/ -- ...``, ``PORT ILAN: ...``. The place is in
capitals; the outlet in parentheses or slashes names the wire or paper the story was filed
for, which is the article's source when nothing better says so. The dateline stays in the
body text: it is part of the first sentence as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_date

_PLACE = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*(?:[ /][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*){0,3}"
_REGION = r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2}"
_DAY = (
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
)
_OUTLET = r"[A-Z0-9][\w&'’.\- ]{0,38}[\w.]"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:, (?P<region>{_REGION}))?"
    rf"(?:,? (?:[-–—] )?(?P<day>{_DAY}))?"
    rf"(?: ?(?:\((?P<paren>{_OUTLET})\)|/(?P<slash>{_OUTLET})/))?"
    r"(?::\s+|\s*[–—]\s*|\s*--\s*|\s+[-_]\s+)(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a paragraph: where it ends, the outlet and day it names."""

    end: int
    place: str
    outlet: str | None
    date: str | None  # ISO, only when the dateline gives the year


def dateline_at(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, if it has one.

    The place must be in capitals and the dateline must end in a dash or colon before
    the story, so a sentence opening with a capitalised name (``KINGSPORT ROVERS boss ...``)
    is not one.
    """
    if not paragraph[:2].isupper():
        return None
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    place = m.group("place")
    if not any(ch.isalpha() for ch in place) or len(place) < 3:
        return None
    if m.group("region") and m.group("region").isupper() and not m.group("day"):
        return None  # "NATO, EU - ..." reads as a list of acronyms, not a place
    outlet = m.group("paren") or m.group("slash")
    if outlet and not (outlet[0].isupper() or outlet[0].isdigit()):
        outlet = None
    day = m.group("day")
    iso = parse_date(day) if day and re.search(r"\d{4}", day) else None
    return Dateline(m.end(), place, outlet, iso)
