"""Where an article names its outlet, and which naming wins (invented outlets)."""

from __future__ import annotations

import pytest

from newsbrowse.index.reading import parse_article
from newsbrowse.index.reading.datelines import dateline_at
from newsbrowse.index.reading.sources import (
    choose,
    copyright_outlet,
    credit_outlet,
    masthead_outlet,
    self_named_outlet,
)

BODY = "The mill reopened on Tuesday after two years of repairs, the trust that owns it said.\n"


@pytest.mark.parametrize(
    ("paragraph", "outlet", "iso"),
    [
        ("VELMORE, Ostrand, May 4 (Northline) - The vote was close.", "Northline", None),
        ("SAN TOMAS/PORT EDA, July 8 (CPA) — The deal was signed.", "CPA", None),
        (
            "BRENNSTAD, Ostrand, June 2, 2026 /Relaywire/ -- The company said.",
            "Relaywire",
            "2026-06-02",
        ),
        ("PORT ILAN: The court ruled on Thursday.", None, None),
        ("NEW HARBOUR (Wire Service) — Ships waited.", "Wire Service", None),
    ],
)
def test_datelines(paragraph: str, outlet: str | None, iso: str | None) -> None:
    found = dateline_at(paragraph)
    assert found is not None and (found.outlet, found.date) == (outlet, iso)


@pytest.mark.parametrize(
    "paragraph",
    [
        "KINGSPORT ROVERS boss Ana Ruiz was furious.",
        "RBC-Ukraine said so.",
        "The VELMORE office - closed.",
        "EU: talks resume",
        "HEAVYWEIGHT rivals met.",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert dateline_at(paragraph) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© 2026 The Harbour Post", "The Harbour Post"),
        (
            "Copyright © 1994-2026 The Valley Courier d.o.o. All rights reserved.",
            "The Valley Courier",
        ),
        ("© 2026 Harbour Post. Registered in Aldmere. Terms | Privacy", "Harbour Post"),
        ("© Harbour Post 2026", "Harbour Post"),
        ("© 2026 Tideline Media Ltd", "Tideline Media"),
        ("© 2026 Tideline Media", "Tideline Media"),
        ("© 2026 Harbour Post Media Group Ltd", "Harbour Post"),
        ("© 2026 Quill & Lamp (Halden Press). All rights reserved.", "Quill & Lamp"),
        ("© 2026 Orbit Notes · Ana Ruiz | Powered by a blog engine", "Orbit Notes"),
    ],
)
def test_copyright_footers(line: str, outlet: str) -> None:
    assert copyright_outlet(line) == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("The Harbour Post is published by Halden Press.", "The Harbour Post"),
        ("Spoke Notes is an independent cycling blog. Photos used with permission.", "Spoke Notes"),
        ("Radio Ndoro is not responsible for the content of external sites.", "Radio Ndoro"),
    ],
)
def test_an_outlet_speaking_of_itself(line: str, outlet: str) -> None:
    assert self_named_outlet(line) == outlet


def test_a_sentence_about_someone_is_not_a_footer() -> None:
    assert self_named_outlet("Ana Ruiz is the Post's courts correspondent.") is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Photo: A. Lind/Harbour Post", "Harbour Post"),
        ("(Picture: Tom Berg / The Ledger)", "The Ledger"),
    ],
)
def test_photo_credits(line: str, outlet: str) -> None:
    assert credit_outlet(line) == outlet


def test_masthead_pieces_and_case() -> None:
    assert masthead_outlet("RN NEWS  |  Radio Ndoro", "") == "Radio Ndoro"
    assert masthead_outlet("GRAIN & SHIP WEEKLY", "subscribe to Grain & Ship Weekly") == (
        "Grain & Ship Weekly"
    )
    assert masthead_outlet("THE HARBOUR POST", "no other mention") == "THE HARBOUR POST"


def test_the_most_trusted_candidate_wins() -> None:
    assert choose([("copyright", "Footer Name"), ("masthead", "Masthead Name")]) == "Masthead Name"
    assert choose([("credit", "Photo Desk"), ("self", "Self Name")]) == "Self Name"
    assert choose([]) is None


def test_a_footer_or_credit_names_the_outlet_only_when_nothing_better_does() -> None:
    credited = parse_article(
        "Mill reopens\n\n" + BODY + "\nPhoto: A. Lind/Harbour Post\n\nMore text follows here.\n",
        "a.txt",
        "/c/a.txt",
    )
    assert credited.source == "Harbour Post"
    filed = parse_article(
        "Mill reopens\n\nVELMORE (Northline) - " + BODY + "\nPhoto: A. Lind/Harbour Post\n"
        "\n© 2026 Other Owner\n",
        "a.txt",
        "/c/a.txt",
    )
    assert filed.source == "Northline"
