"""Dates in the forms news sites print them, labels, and relative dates (invented lines)."""

from __future__ import annotations

import pytest

from newsbrowse.index.reading.dates import date_at, parse_date, relative_date
from newsbrowse.index.reading.metadata import parse_meta_line, pick_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tue 3 Mar 2026 09.15 GMT", "2026-03-03"),
        ("Friday, 8 May 2026 14:05 BST", "2026-05-08"),
        ("Sep 9, 2026", "2026-09-09"),
        ("March 3, 2026 7:45 PM GMT", "2026-03-03"),
        ("Wednesday 25 February 2026", "2026-02-25"),
        ("3-Mar-2026", "2026-03-03"),
        ("03 Mar 2026", "2026-03-03"),
        ("19/04/2026, 22:31", "2026-04-19"),
        ("12.05.2026 09:00 TST", "2026-05-12"),
        ("April 22, 2026 at 6:00 am", "2026-04-22"),
        ("2026-11-08T17:00:00+08:00", "2026-11-08"),
        ("Posted: 2026-04-09 11:20", "2026-04-09"),
        ("First published on 7 May 2026", "2026-05-07"),
        ("3 mars 2026", "2026-03-03"),
        ("3. März 2026", "2026-03-03"),
        ("9th of September 2026", "2026-09-09"),
    ],
)
def test_date_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_a_time_zone_is_not_a_word() -> None:
    found = date_at("March 3, 2026 10:00 that evening")
    assert found is not None and "that" not in "March 3, 2026 10:00 that evening"[: found[1]]


@pytest.mark.parametrize(
    "text",
    [
        "7 hours ago",
        "Updated 3 hours ago",
        "Last updated 2 minutes ago",
        "updated 1 day ago",
        "Updated 12 mins ago",
        "yesterday",
        "an hour ago",
    ],
)
def test_relative_dates(text: str) -> None:
    assert relative_date(text)


@pytest.mark.parametrize("text", ["3 hours of talks", "ago", "Updated rules on the way"])
def test_not_relative_dates(text: str) -> None:
    assert not relative_date(text)


def test_a_relative_date_alone_is_set_aside_and_gives_no_day() -> None:
    meta = parse_meta_line("7 hours ago", header=True)
    assert meta is not None and meta.date is None and meta.parts == [(0, 11, "relative date")]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("March 3, 2026 7:45 PM GMT  Updated 3 hours ago", "2026-03-03"),
        ("Published 12 January 2026, updated 1 day ago", "2026-01-12"),
        ("19.10.2025 · Last updated 2 minutes ago", "2025-10-19"),
        ("Wednesday 25 February 2026 · Updated 12 mins ago", "2026-02-25"),
        ("2 hours ago · 14 June 2026", "2026-06-14"),
        ("Published 19/04/2026, 22:31 | Updated 20/04/2026, 08:02", "2026-04-19"),
        ("Posted March 2, 2026 - from the March 2026 issue", "2026-03-02"),
    ],
)
def test_date_lines_with_an_update_or_a_note(line: str, iso: str) -> None:
    meta = parse_meta_line(line, header=True)
    assert meta is not None and meta.body_start is None, line
    assert meta.date is not None and meta.date.iso == iso


def test_an_updated_date_is_never_the_publication_date() -> None:
    meta = parse_meta_line("Updated: 20 April 2026", header=True)
    assert meta is not None and meta.date is not None and meta.date.kind == "updated"
    assert pick_date([(meta.date, True)]) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("10/04/2016 05:07 AM EDT", "2016-10-04"),  # a US zone: the month first
        ("10/04/2016 5:07 p.m. PT", "2016-10-04"),
        ("10/04/2016 17:07 GMT", "2016-04-10"),  # not a US zone: the day first, as before
        ("10/04/2016 05:07", "2016-04-10"),
        ("13/04/2016 05:07 AM EDT", "2016-04-13"),  # no 13th month: the day first
    ],
)
def test_a_us_time_zone_after_a_numeric_date_puts_the_month_first(text: str, iso: str) -> None:
    assert parse_date(text) == iso
