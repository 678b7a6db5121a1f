"""Articles as different tools save them: e-mail, reader view, PDF text, a TV station, a
government release, an English edition, a magazine (invented files in tests/data/kinds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrowse.index.reading import parse_article, read_article

KINDS = Path(__file__).resolve().parents[1] / "data" / "kinds"

EXPECTED = {
    "email.txt": (
        "Dock strike enters its second week",
        "2031-09-18",
        "Tove Ekdahl",
        "The Morning Quay",
    ),
    "tv.txt": (
        "Fire destroys warehouse on Elm Street; no injuries reported",
        "2031-09-11",
        "Dana Kimura",
        "KRVX 9 News",
    ),
    "gov.txt": (
        "£200 million for rural bus routes",
        "2031-09-18",
        None,
        "Department for Rural Transport",
    ),
    "foreign.txt": (
        "Parliament passes new housing law after marathon session",
        "2031-09-18",
        "Kim Min-seo",
        "The Daily Harbour",
    ),
    "reader.txt": (
        "Dock strike enters its second week",
        None,
        "Tove Ekdahl",
        "harbourpost.example",
    ),
    "pdf.txt": (
        "Dock strike enters its second\nweek as talks stall",
        "2031-09-18",
        "Tove Ekdahl",
        "THE HARBOUR POST",
    ),
    "magazine.txt": ("The last lighthouse keepers", None, "Henrietta Vale", "THE QUARTERLY LAMP"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_kind(name: str) -> None:
    a = read_article(KINDS / name, KINDS)
    assert (a.title, a.date, a.author, a.source) == EXPECTED[name]
    assert a.text[a.title_span[0] : a.title_span[1]] == a.title


def test_an_emails_header_is_not_its_text() -> None:
    a = read_article(KINDS / "email.txt", KINDS)
    body = "\n".join(a.text[s:e] for s, e in a.paragraphs)
    for furniture in ("reader@example.org", "View this email", "Unsubscribe", "Subject:"):
        assert furniture not in body


def test_a_pdfs_running_head_and_page_numbers_are_not_its_text() -> None:
    a = read_article(KINDS / "pdf.txt", KINDS)
    body = "\n".join(a.text[s:e] for s, e in a.paragraphs)
    assert "Page 1 of 2" not in body and "A3" not in body and "Staff Writer" not in body
    assert body.startswith("Dockworkers at the container terminal")


def test_a_weekday_settles_a_numeric_date_and_a_release_names_its_issuer() -> None:
    a = parse_article(
        "Library hours extended\n\nSubmitted by webteam on Wed, 03/04/2026 - 10:00\n\n"
        "The central library will open until 9pm on weekdays from April, the council said.\n",
        "a.txt",
        "/a.txt",
    )
    assert (a.title, a.date, a.author) == ("Library hours extended", "2026-03-04", "webteam")


def test_a_headline_in_capitals_is_a_headline() -> None:
    a = parse_article(
        "PORT STRIKE ENTERS ITS SECOND WEEK\n\nBy Tove Ekdahl\n\n"
        "Dockworkers stayed out for an eighth day on Wednesday.\n",
        "a.txt",
        "/a.txt",
    )
    assert (a.title, a.author) == ("PORT STRIKE ENTERS ITS SECOND WEEK", "Tove Ekdahl")


def test_a_headline_followed_by_its_sites_name() -> None:
    a = parse_article(
        "Dock strike enters its second week | The Harbour Post\n\nBy Tove Ekdahl\n\n"
        "Dockworkers stayed out for an eighth day on Wednesday.\n",
        "a.txt",
        "/a.txt",
    )
    assert (a.title, a.source) == ("Dock strike enters its second week", "The Harbour Post")


def test_an_email_with_a_headline_of_its_own_and_a_person_as_sender() -> None:
    a = parse_article(
        "From: Tove Ekdahl <tove@letters.example>\nDate: Mon, 6 Oct 2031 07:00:00 +0000\n"
        "To: reader@example.org\nSubject: This week: ferries, floods and a festival\n\n"
        "THE HARBOUR LETTER\n\nFerry fares frozen for another year\n\nBy Tove Ekdahl\n\n"
        "Ferry fares will stay at this year's level until 2033, the operator said.\n",
        "a.txt",
        "/a.txt",
    )
    assert (a.title, a.date, a.author) == (
        "Ferry fares frozen for another year",
        "2031-10-06",
        "Tove Ekdahl",
    )
    assert a.source == "THE HARBOUR LETTER"  # the masthead, not the person who sent it
    body = "\n".join(a.text[s:e] for s, e in a.paragraphs)
    assert "Subject" not in body and "reader@example.org" not in body
