"""Page chrome in plain text, recognised by shape, and the header read around it.

Every example is invented; none names an outlet the rules know, because the rules know none.
"""

from __future__ import annotations

import pytest

from newsbrowse.index.reading import chrome, parse_article
from newsbrowse.index.reading.metadata import bare_byline, byline_name, role_line

BODY = (
    "The council voted on Tuesday to close the swimming pool for a year of repairs, after an "
    "inspection found cracks in the main tank.\n\n"
    "Residents said they would campaign for a temporary pool in the sports hall.\n"
)


def article(head: str):
    return parse_article(head + "\n\n" + BODY, "a.txt", "/c/a.txt")


@pytest.mark.parametrize(
    "line",
    [
        "Home | World | Business | Sport",
        "News  Opinion  Culture  Podcasts",
        "Politics · Economy · Region",
        "Markets / Policy / Logistics / Data",
        "Home   Archive   About   RSS",
    ],
)
def test_menus(line: str) -> None:
    assert chrome.nav_line(line)


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Home › Sport › Cycling", "Cycling"),
        ("News » Courts", "Courts"),
        ("Newsroom  /  Research  /  Press releases", "Press releases"),
        ("Home > Archive > 2031", "Archive"),
    ],
)
def test_breadcrumbs_give_the_section(line: str, section: str) -> None:
    items = chrome.breadcrumb(line)
    assert items is not None and chrome.section_of(items) == section


@pytest.mark.parametrize(
    "line",
    [
        "The council voted to close the pool.",
        "Kremlin fury at new sanctions",
        "March 3, 2026 | Updated 4 hours ago",
        "Prices rose 3% / year in 2025",
    ],
)
def test_sentences_and_dates_are_not_menus(line: str) -> None:
    assert not chrome.nav_line(line) and chrome.breadcrumb(line) is None


@pytest.mark.parametrize("line", ["Skip to main content", "Jump to navigation", "Skip to content"])
def test_skip_links(line: str) -> None:
    assert chrome.skip_line(line)


def test_a_masthead_and_menu_come_before_the_headline() -> None:
    a = article(
        "Skip to main content\nTHE HARBOUR POST\nNews  Opinion  Culture  Podcasts\n\n"
        "Technology\n\nPool to close for a year after cracks found in tank"
    )
    assert a.title == "Pool to close for a year after cracks found in tank"
    assert (a.source, a.section) == ("THE HARBOUR POST", "Technology")


def test_a_masthead_in_capitals_takes_the_pages_own_case_when_it_has_one() -> None:
    a = parse_article(
        "THE HARBOUR POST\nHome | News | Sport\n\nPool to close for a year after cracks found\n\n"
        + BODY
        + "\n© 2031 Harbour Post Media Ltd\n",
        "a.txt",
        "/c/a.txt",
    )
    assert a.source == "The Harbour Post"


def test_a_site_name_with_its_motto_is_a_masthead() -> None:
    a = article(
        "The Quiet Compiler\nnotes on code and the people who keep it running\n\n"
        "Home   Archive   About\n\nWhy the pool closure matters to every town"
    )
    assert (a.title, a.source) == (
        "Why the pool closure matters to every town",
        "The Quiet Compiler",
    )


def test_a_section_label_alone_above_the_headline_is_the_section() -> None:
    a = article("World News\n\nPool to close for a year after cracks found in tank")
    assert (a.title, a.section, a.source) == (
        "Pool to close for a year after cracks found in tank",
        "World News",
        None,
    )


def test_two_labels_above_the_headline_are_site_then_section() -> None:
    a = article("The Evening Lamp\n\nConversations\n\nPool to close for a year after cracks found")
    assert (a.source, a.section) == ("The Evening Lamp", "Conversations")


def test_a_kicker_is_neither_site_nor_section() -> None:
    a = article("LIVE\nPool to close for a year after cracks found in tank")
    assert (a.title, a.section, a.source) == (
        "Pool to close for a year after cracks found in tank",
        None,
        None,
    )


def test_breadcrumb_section_and_headline_printed_twice_with_standfirst() -> None:
    a = article(
        "Home › News › Courts\n\nBuilder jailed over wall collapse\n\nBuilder jailed over wall "
        "collapse\n\nJudge says the firm ignored three warnings from engineers\n\n"
        "Ana Ruiz and Tom Berg\n\nFriday, 8 May 2026 14:05 BST"
    )
    assert (a.title, a.section, a.author, a.date) == (
        "Builder jailed over wall collapse",
        "Courts",
        "Ana Ruiz and Tom Berg",
        "2026-05-08",
    )
    assert a.subtitle == "Judge says the firm ignored three warnings from engineers"
    assert a.text.count("Builder jailed") == 2 and a.paragraphs[0][0] == a.text.index("Judge")


def test_a_byline_without_by_and_its_role_line() -> None:
    a = article(
        "Pool to close for a year after cracks found\n\nIngrid Solberg\n"
        "Chief economics correspondent\n\nTue 3 Mar 2026 09.15 GMT"
    )
    assert (a.author, a.date) == ("Ingrid Solberg", "2026-03-03")
    reasons = {a.text[s:e]: r for (s, e), r in a.cruft}
    assert reasons["Chief economics correspondent"] == "byline role"


def test_an_updated_date_is_never_the_publication_date_in_a_header() -> None:
    a = article("Pool to close for a year\n\nMarch 3, 2026 7:45 PM GMT  Updated 3 hours ago")
    assert a.date == "2026-03-03"
    b = article("Pool to close for a year\n\nUpdated 4 March 2026")
    assert b.date is None


def test_a_byline_with_its_dateline_and_outlet() -> None:
    a = parse_article(
        "Ferry line swings to a loss\n\nSep 9, 2026\n\nJonas Berg | VELMORE (Northline) - The "
        "ferry line lost money in the second quarter, it said on Wednesday.\n",
        "a.txt",
        "/c/a.txt",
    )
    assert (a.author, a.source, a.date) == ("Jonas Berg", "Northline", "2026-09-09")
    assert a.text[a.paragraphs[0][0] :].startswith("VELMORE (Northline) - The ferry")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Ana Ruiz, Chief Sports Reporter", "Ana Ruiz"),
        ("By Ana Ruiz in Velmore", "Ana Ruiz"),
        ("Interview by Tom Berg", "Tom Berg"),
        ("Farid Osei, Lim Wen and Ruth Tal", "Farid Osei, Lim Wen and Ruth Tal"),
        ("Ana Ruiz, Deputy Editor", "Ana Ruiz"),
        ("By Ana Ruiz, Harbour Post", "Ana Ruiz"),
        ("Posted by admin", None),
    ],
)
def test_bylines(line: str, name: str | None) -> None:
    assert byline_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Science correspondent",
        "Senior Editor, Fabs & Equipment",
        "Local Democracy Reporting Service",
        "Environment reporter, Ndoro",
    ],
)
def test_role_lines(line: str) -> None:
    assert role_line(line) and bare_byline(line) is None


@pytest.mark.parametrize(
    "line",
    ["Chief Sports Reporter", "The council voted to close the pool", "Pool closes"],
)
def test_not_bare_bylines(line: str) -> None:
    assert bare_byline(line) is None


def test_reporting_credit_is_the_author_when_the_header_has_none() -> None:
    a = parse_article(
        "Pool to close for a year\n\n" + BODY + "\nReporting by Grace Ode and Liam Fry\n",
        "a.txt",
        "/c/a.txt",
    )
    assert a.author == "Grace Ode and Liam Fry"


def test_related_headlines_under_a_heading_are_links_not_body() -> None:
    a = article(
        "Pool to close for a year\n\n" + BODY + "\nMost read\n  Bus fares to rise\n  Mayor quits"
    )
    body = [a.text[s:e] for s, e in a.paragraphs]
    assert not any("Bus fares" in p or "Mayor quits" in p for p in body)


def test_text_after_a_comments_heading_is_not_body() -> None:
    a = parse_article(
        "Pool to close for a year\n\n"
        + BODY * 3
        + "\nReader comments (2)\nGood riddance, said one.\n",
        "a.txt",
        "/c/a.txt",
    )
    assert not any("riddance" in a.text[s:e] for s, e in a.paragraphs)
