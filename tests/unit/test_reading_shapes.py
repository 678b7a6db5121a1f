"""Text shapes read by general rules: copies made by apps, aggregators, feed readers, wire
printers, browsers, e-mail, scrapers and print, each an invented example.

Every name, place and outlet here is invented for these tests; none is in any data set.
"""

from __future__ import annotations

import pytest

from newsbrowse.index.reading import parse_article
from newsbrowse.index.reading.dates import (
    counted_back,
    date_at,
    first_appeared,
    trailer_date,
    url_date,
)
from newsbrowse.index.reading.fields import field_block, read_field
from newsbrowse.index.reading.metadata import (
    bare_byline,
    byline_name,
    credited_author,
    field_line,
    parse_meta_line,
)
from newsbrowse.index.reading.sources import (
    copyright_outlet,
    disclaimed_outlet,
    expand_initials,
    named_host,
)

HEADLINE = "Pool to close for a year after cracks found in its tank"
BODY = (
    "The council voted on Tuesday to close the Eldham swimming pool for a year of repairs, "
    "after an inspection found cracks in the main tank and the filters.\n\n"
    "Residents said they would campaign for a temporary pool in the sports hall, and a petition "
    "had gathered 2,000 names by Wednesday evening.\n\n"
    '"We were not consulted at all," said Pia Osmund, who chairs the swimming club.\n'
)


def read(text: str):
    return parse_article(text, "a.txt", "/c/a.txt")


def body_of(a) -> str:
    return "\n".join(a.text[s:e] for s, e in a.paragraphs)


# ----- the headline, chosen by a score -------------------------------------------------------


def test_an_apps_share_sheet_prints_the_headline_again_above_its_byline() -> None:
    a = read(
        f"{HEADLINE}\nhttps://saltmeregazette.example/local/pool-close-year-cracks-tank\n\n"
        "Shared from the Saltmere Gazette app\n\nOpen in app\n\nLocal\n\n"
        f"{HEADLINE}\n\nJon Tarrow\n4 May 2026 · 08:10\n\nListen · 3 min    Save    Share\n\n"
        + BODY
    )
    assert (a.title, a.author, a.date, a.section) == (HEADLINE, "Jon Tarrow", "2026-05-04", "Local")
    assert a.source == "Saltmere Gazette"
    assert a.url == "https://saltmeregazette.example/local/pool-close-year-cracks-tank"
    assert a.title_span[0] > a.text.index("Open in app")  # the article's own printing


def test_an_aggregators_cards_give_the_outlet_and_the_story_its_byline() -> None:
    a = read(
        "Headlines\nFor you · Local · World · Sport\n\n"
        f"{HEADLINE}\nSaltmere Gazette · 2 hours ago\n\n"
        "Swimmers march on the town hall\nDaleby Courier · 5 hours ago\n\n"
        f"Full coverage\n\n{HEADLINE}\n\nBy Jon Tarrow\n\n4 May 2026\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", "2026-05-04")
    assert a.source == "Saltmere Gazette"  # the card under the headline's first printing


def test_a_save_as_text_copy_keeps_its_menus_tickers_and_banner_out_of_the_headline() -> None:
    a = read(
        "   Skip to content\n     * Home\n     * News\n     * Sport\n\n"
        "   Eldham 4°C Rain        Daleby 3°C Sleet        Thornby 5°C Gales\n\n"
        "   BREAKING: Ring road closed after lorry fire\n\n   Sign in    Subscribe    Search\n\n"
        f"   News › Local\n\n{HEADLINE}\n\n"
        "   Engineers say the filters failed years ago and nobody replaced them\n\n"
        "   04/05/2026 18:20\n\n" + BODY
    )
    assert (a.title, a.section, a.date) == (HEADLINE, "Local", "2026-05-04")
    assert a.subtitle == "Engineers say the filters failed years ago and nobody replaced them"
    assert "* Home" not in body_of(a) and "4°C" not in body_of(a)


def test_a_headline_nearest_the_story_wins_over_procedural_lines() -> None:
    a = read(
        "NORDVALE ASSEMBLY\nRECORD OF PROCEEDINGS\n(Unrevised)\n\nMonday 4 May 2026\n"
        "Volume 12, No. 7\n\nThe Assembly met at ten o'clock\n\n[The Speaker in the Chair]\n\n"
        "Public Pools (Repairs) Bill\n\nThird Reading\n\n10.05 am\n\n"
        "The Minister for Leisure (Ms Ida Corvo): I beg to move, That the Bill be now read the "
        "Third time. The pools of this country have waited long enough.\n\n"
        "Mr Jon Tarrow (Eldham): The Bill is welcome, but it comes too late for my town.\n"
    )
    assert (a.title, a.author, a.date) == ("Public Pools (Repairs) Bill", None, "2026-05-04")


def test_a_newsletters_listings_come_before_its_story() -> None:
    a = read(
        "THE ELDHAM LANTERN\nDelivered free to every home in Eldham and Thornby\n"
        "Issue 88 · May 2026\n\nWHAT'S ON\n\nMonday 11 May\nBook Swap and Coffee Morning\n"
        "The library, 10am. All welcome.\n\n"
        "Tuesday 12 May\nGuided Walk along the Old Canal\nMeet at the lock gates at 9.30am.\n\n"
        f"Local news\n\n{HEADLINE}\n\nby Rena Wexley\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Rena Wexley", None)
    assert (a.source, a.section) == ("THE ELDHAM LANTERN", "Local news")


def test_a_thread_quoting_an_article_takes_the_link_cards_headline_and_outlet() -> None:
    a = read(
        "Rena Wexley\n@rena@social.example\nMay 4, 2026, 10:02\n\n"
        "1/3 Big news for swimmers. The key bits from the Saltmere Gazette's report, because "
        "not everyone will click through:\n\n"
        "https://saltmeregazette.example/2026/05/04/pool-close-year-cracks-tank/\n\n"
        f"saltmeregazette.example\n{HEADLINE}\nThe council says the repairs cannot wait.\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, None, "2026-05-04")
    assert a.source == "Saltmere Gazette"


def test_a_site_name_atop_the_page_is_not_the_headline_set_in_capitals_below() -> None:
    a = read(
        "The Eldham Lantern\n\nMonday 4 May 2026\n\nPOOL TO CLOSE FOR A YEAR AFTER CRACKS FOUND\n\n"
        "Engineers say the filters failed years ago and nobody replaced them\n\n"
        "By Jon Tarrow and Ida Corvo\n\n" + BODY
    )
    assert a.title == "POOL TO CLOSE FOR A YEAR AFTER CRACKS FOUND"
    assert (a.author, a.source, a.date) == (
        "Jon Tarrow and Ida Corvo",
        "The Eldham Lantern",
        "2026-05-04",
    )


def test_a_site_name_with_its_motto_over_a_menu_is_the_masthead() -> None:
    a = read(
        "Deep End\nA podcast about the things towns build and then forget\n\n"
        "Episodes   About   Support us\n\nEpisode 31: Who pays when the town pool cracks?\n\n"
        "4 May 2026 · 41 min · Season 3\n\n" + BODY
    )
    assert (a.title, a.date, a.source) == (
        "Episode 31: Who pays when the town pool cracks?",
        "2026-05-04",
        "Deep End",
    )


def test_a_short_headline_naming_the_one_the_story_opens_with_is_no_label() -> None:
    a = read(
        "The Eldham Lantern\nObituaries\n\nPia Osmund obituary\n\n"
        "Swimming teacher who taught three generations of Eldham children to float\n\n"
        "Jon Tarrow\n\nPia Osmund, who has died aged 91, gave her first swimming lesson in 1952 "
        "and her last in 2019, at the pool her campaign had saved.\n"
    )
    assert (a.title, a.section, a.author) == ("Pia Osmund obituary", "Obituaries", "Jon Tarrow")
    assert a.subtitle.startswith("Swimming teacher")


def test_a_topic_label_naming_something_the_story_mentions_is_still_a_label() -> None:
    a = read(
        "Eldham Council\n\nThousands march as the council closes the last public pool\n\n"
        "By Ana Ruiz\n\n" + BODY
    )
    assert a.title == "Thousands march as the council closes the last public pool"


@pytest.mark.parametrize(
    "head",
    [
        "Senate Passes Sweeping Pool Bill\n\nThe measure now goes to the mayor\n\nBy Ana Ruiz",
        "Senate Passes Sweeping Pool Bill\n\nBy Ana Ruiz",
        "The Pool That Time Forgot\n\nBy Ana Ruiz",
        "Politics\nSenate Passes Sweeping Pool Bill\n\nThe measure now goes to the mayor to sign"
        "\n\nBy Ana Ruiz",
    ],
)
def test_a_headline_in_title_case_at_the_top_stays_the_headline(head: str) -> None:
    a = read(head + "\n\n" + BODY)
    assert a.title in ("Senate Passes Sweeping Pool Bill", "The Pool That Time Forgot")
    assert a.author == "Ana Ruiz"


# ----- labelled fields -------------------------------------------------------------------------


def test_a_feed_item_is_read_from_its_fields() -> None:
    a = read(
        "Channel: Saltmere Gazette - Local stories\nChannel link: https://saltmeregazette.example/\n"
        "Last build: Tue, 05 May 2026 07:00:00 +0000\nItem 2 of 30\n"
        f"title: {HEADLINE}\nlink: https://saltmeregazette.example/local/pool\n"
        "guid: https://saltmeregazette.example/?p=812\npubDate: Mon, 04 May 2026 16:04:11 +0000\n"
        "dc:creator: Jon Tarrow\ncategory: Local news\n"
        "description: The council says the repairs cannot wait.\ncontent:encoded:\n" + BODY
    )
    assert (a.title, a.date, a.author) == (HEADLINE, "2026-05-04", "Jon Tarrow")
    assert (a.source, a.section, a.url) == (
        "Saltmere Gazette",
        "Local news",
        "https://saltmeregazette.example/local/pool",
    )
    assert a.subtitle is None and "description:" not in body_of(a)


def test_a_transcripts_sheet_gives_the_date_and_reporter_not_the_presenter() -> None:
    a = read(
        f"Radio Kalvo\nTRANSCRIPT\n{HEADLINE}\nBroadcast: Monday 4 May 2026, 06:40\n"
        "Duration: 4'10\"\nPresenter: Ida Corvo\nReporter: Jon Tarrow\n"
        "[00:00:03] PRESENTER: Good morning. The pool in Eldham is closing for a year.\n"
    )
    assert (a.title, a.date, a.author, a.section) == (HEADLINE, "2026-05-04", "Jon Tarrow", None)


def test_a_scrapers_log_fixes_a_relative_date_and_a_name_under_it_is_the_byline() -> None:
    a = read(
        "### scraped 2026-05-04 14:10:37 UTC | status 200 | 5,812 bytes\n"
        "### url: https://saltmeregazette.example/local/pool-close\n"
        "### selector: div.article-body\n\nPublished 5 hours ago\n\nJon Tarrow\n\n" + BODY
    )
    assert (a.title, a.date, a.author) == (None, "2026-05-04", "Jon Tarrow")
    assert a.url == "https://saltmeregazette.example/local/pool-close"


def test_a_forward_reads_the_quoted_article_not_the_messages() -> None:
    a = read(
        "From: Jon Tarrow <jon@mail.example>\nSent: Tuesday, May 5, 2026 7:58 AM\n"
        "To: Ida Corvo <ida@mail.example>\nSubject: FW: pool\n\n"
        "Ida - this was in yesterday's paper in case you missed it. Call me later? J\n\n"
        "---------- Forwarded message ---------\nFrom: Rena Wexley <rena@mail.example>\n"
        "Date: Mon, 4 May 2026 at 19:22\nSubject: pool\nTo: Jon Tarrow <jon@mail.example>\n\n"
        f"> {HEADLINE}\n>\n> By Ana Ruiz, Local Reporter\n> Monday 4 May 2026\n>\n"
        + "\n".join("> " + line for line in BODY.splitlines())
        + "\n> Copyright Saltmere Gazette 2026.\n\n--\nJon\n"
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Ana Ruiz", "2026-05-04")
    assert a.source == "Saltmere Gazette"  # not the person who forwarded it


def test_an_emails_own_date_counts_only_when_the_article_states_none() -> None:
    a = read(
        "From: Saltmere Gazette <news@saltmeregazette.example>\nDate: Mon, 4 May 2026 07:00\n"
        f"To: reader@example.org\nSubject: {HEADLINE}\n\n" + BODY
    )
    assert (a.title, a.date, a.source) == (HEADLINE, "2026-05-04", "Saltmere Gazette")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("pubDate: Mon, 04 May 2026", True),
        ("Presenter: Ida Corvo", True),
        ("Last build: Tue, 05 May 2026 07:00:00 +0000", True),
        ("Storm Ida: hundreds evacuated as the river rises", False),
        ("Episode 31: Who pays when the town pool cracks?", False),
    ],
)
def test_field_lines_and_headlines_with_a_colon(line: str, field: bool) -> None:
    assert field_line(line) is field


def test_a_field_block_needs_two_known_fields_before_the_story() -> None:
    assert field_block(["Note: bring a towel", HEADLINE]) == {}
    block = field_block(["title: Pool closes", "link: https://x.example/a", "Note: ok"])
    assert sorted(f.kind for f in block.values()) == ["title", "url"]
    assert read_field("### url: https://x.example/a") is None  # the marks go in the layout


# ----- wire, print and page furniture ----------------------------------------------------------


def test_wire_copy_with_its_furniture_slug_and_trailer() -> None:
    a = read(
        "ZCZC\nBC-Eldham-Pool, 1st Ld-Writethru, 0412\nURGENT\n"
        "(Adds mayor's comment in paragraph 3)\n"
        f"{HEADLINE}\nBy JON TARROW and IDA CORVO\nOrrest Wire Writers\n"
        "   ELDHAM, Nordvale (OW) _ The council voted on Tuesday to close the pool for a year "
        "of repairs, after an inspection found cracks in the main tank.\n"
        "   Residents said they would campaign for a temporary pool in the sports hall.\n"
        "   (ends)\nOW-JT-IC-05-04-26 1422GMT\nNNNN\n"
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "JON TARROW and IDA CORVO", "2026-05-04")
    assert (a.source, a.section) == ("Orrest Wire", None)
    assert "ZCZC" not in body_of(a) and "NNNN" not in body_of(a)


def test_a_newspaper_pages_running_head_gives_paper_and_date() -> None:
    a = read(
        "B4   THE ELDHAM LANTERN   Monday, May 4, 2026   $1.50\n" + "-" * 60 + "\n"
        f"{HEADLINE}\nSwimmers vow to fight on as the doors close\n\n"
        "By Jon Tarrow\nLantern Staff Writer\n\n" + BODY
    )
    assert (a.title, a.date, a.author) == (HEADLINE, "2026-05-04", "Jon Tarrow")
    assert a.source == "THE ELDHAM LANTERN"
    assert a.subtitle == "Swimmers vow to fight on as the doors close"


def test_an_epaper_edition_line_and_a_headline_and_standfirst_broken_over_lines() -> None:
    a = read(
        "The Eldham Lantern ePaper  |  Monday 4 May 2026  |  Page 3  |  Text view\n\n"
        "                 Local\n\n          Pool to close for a year\n"
        "            after cracks found\n\n     Swimmers say the town will lose its summer; the\n"
        "     council insists the tank cannot wait\n\n          Jon Tarrow, Local Reporter\n\n"
        + BODY
    )
    assert a.title == "Pool to close for a year\n            after cracks found"
    assert (a.date, a.author, a.source, a.section) == (
        "2026-05-04",
        "Jon Tarrow",
        "The Eldham Lantern",
        "Local",
    )
    assert a.subtitle.endswith("cannot wait")


def test_a_browsers_print_view() -> None:
    page = "https://www.saltmeregazette.example/local/pool-close-year            {}/2"
    a = read(
        f"5/6/26, 10:02 AM                    {HEADLINE} | Saltmere Gazette\n\n"
        f"Printed from the Saltmere Gazette\n\nLocal\n\n{HEADLINE}\n\n"
        "Jon Tarrow, Local Reporter\nMay 4, 2026\n\n"
        + BODY
        + "\n"
        + page.format(1)
        + f"\n5/6/26, 10:02 AM                    {HEADLINE} | Saltmere Gazette\n\n"
        + "The pool reopens next summer.\n\n"
        + page.format(2)
        + "\n"
    )
    assert (a.title, a.author, a.date, a.section) == (HEADLINE, "Jon Tarrow", "2026-05-04", "Local")
    assert a.source == "Saltmere Gazette"
    assert a.url == "https://www.saltmeregazette.example/local/pool-close-year"
    assert "10:02 AM" not in body_of(a)


# ----- bylines, dates and sources, one shape each ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Jon Tarrow in Eldham", "Jon Tarrow"),
        ("Jon Tarrow at the Riverside Ground", "Jon Tarrow"),
        ("Second Reading", None),
        ("Match Report", None),
        ("Quiz Night in aid of the Village Hall Roof Fund", None),
    ],
)
def test_bare_bylines_drop_the_place_and_are_never_labels(line: str, name: str | None) -> None:
    assert bare_byline(line) == name


def test_a_wire_byline_in_capitals_then_its_agency() -> None:
    assert byline_name("By JON TARROW Orrest Wire") == "JON TARROW"
    meta = parse_meta_line("By JON TARROW Orrest Wire", header=True)
    assert meta is not None and meta.outlet == "Orrest Wire"


@pytest.mark.parametrize(
    ("paragraphs", "author"),
    [
        (
            ["Body.", "— Reporting by Jon Tarrow and Ida Corvo; Editing by Ana Ruiz"],
            "Jon Tarrow and Ida Corvo",
        ),
        (["Body.", "Jon Tarrow is the Lantern's local government reporter."], "Jon Tarrow"),
        (["Body.", "Ida Corvo is a lecturer in planning and the author of a book on pools."], None),
    ],
)
def test_credits_and_closing_notes_name_the_author(
    paragraphs: list[str], author: str | None
) -> None:
    assert credited_author(paragraphs) == author


def test_dates_stated_only_in_the_url_a_trailer_or_a_republication_note() -> None:
    assert url_date("https://x.example/news/2026/05/04/pool/") == "2026-05-04"
    assert url_date("https://x.example/news/2026/05/pool/") is None
    assert trailer_date("text\n(ends)\nOW-JT-05-04-26 1422GMT\nNNNN\n") == "2026-05-04"
    assert first_appeared("This piece first appeared in the Lantern on 3 May 2026.") == "2026-05-03"
    assert first_appeared("It first appeared on a stage in Eldham.") is None


def test_a_relative_date_counts_back_from_the_capture_time() -> None:
    found = date_at("scraped 2026-05-04 03:10 UTC")
    assert found is not None and found[0].kind == "captured"
    assert counted_back(found[0], 5 * 3600) == "2026-05-03"  # 5 hours before 03:10
    day_only = date_at("retrieved 2026-05-04")
    assert day_only is not None and counted_back(day_only[0], 3600) is None


def test_a_relative_date_alone_gives_no_day() -> None:
    a = read(f"{HEADLINE}\n\nPublished 5 hours ago\n\n" + BODY)
    assert a.date is None


def test_outlets_named_by_host_initials_and_disclaimer() -> None:
    text = "Get Saltmere Gazette's daily briefing. Orrest Wire Writers"
    assert named_host("https://www.saltmeregazette.example/a/b", text) == "Saltmere Gazette"
    assert named_host("https://saltmeregazette-news.example/a", text) == "Saltmere Gazette"
    assert named_host("https://saltmeregazette.example/a", "saltmeregazette.example only") is None
    assert expand_initials("OW", text) == "Orrest Wire"
    assert expand_initials("TW", "The Windmill") is None  # "The" opens no outlet's initials
    assert (
        disclaimed_outlet("The views here are not necessarily those of the Eldham Lantern.")
        == "Eldham Lantern"
    )


def test_a_bare_url_closing_a_copy_is_its_address_and_dates_it() -> None:
    a = read(f"{HEADLINE}\n\n" + BODY + "\nhttps://saltmeregazette.example/2026/05/04/pool/\n")
    assert (a.url, a.date) == ("https://saltmeregazette.example/2026/05/04/pool/", "2026-05-04")


def test_a_translation_note_dates_it_and_the_translator_is_no_author() -> None:
    a = read(
        "FAR AFIELD\nLocal papers of the world, in English\n\nNordvale · Culture\n\n"
        f"{HEADLINE}\n\nIda Corvo\nTranslated from the Nordvalish by Jon Tarrow\n\n"
        "This article first appeared in Eldham Tidende on 3 May 2026. It is republished "
        "with permission.\n\n" + BODY
    )
    assert (a.title, a.author, a.date, a.section) == (
        HEADLINE,
        "Ida Corvo",
        "2026-05-03",
        "Culture",
    )
    assert a.source == "FAR AFIELD"


def test_a_paywalled_page_with_kickers_and_a_byline_with_its_place() -> None:
    a = read(
        "The Eldham Lantern\nCompanies    Markets    Opinion    Sign in    Subscribe\n\n"
        f"Exclusive  Premium\n\n{HEADLINE}\n\nJon Tarrow in Thornby\n04 May 2026\n\n" + BODY
    )
    assert (a.title, a.author, a.date, a.section) == (HEADLINE, "Jon Tarrow", "2026-05-04", None)
    assert a.source == "The Eldham Lantern"


# ----- archive exports, bylines with a job or a date, the outlet signing off -------------------


def test_an_archive_export_names_the_paper_under_the_headline_and_labels_the_byline() -> None:
    a = read(
        f"{HEADLINE}\n\nThe Eldham Courier\nMarch 11, 2026 Wednesday\nFinal Edition\n\n"
        "Copyright 2026 Eldham Courier Newspapers Ltd All Rights Reserved\n\n"
        "Section: NEWS; Pg. A4\nLength: 412 words\nByline: Maren Tolk\n\n" + BODY
    )
    assert (a.title, a.date, a.author) == (HEADLINE, "2026-03-11", "Maren Tolk")
    assert a.source == "The Eldham Courier"
    assert "Final Edition" not in body_of(a)


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Ana Ruiz | Staff Writer", "Ana Ruiz", None),
        ("By Ana Ruiz | Eldham Courier", "Ana Ruiz", "Eldham Courier"),
        ("By Ana Ruiz | Eldham News Service", "Ana Ruiz", "Eldham News Service"),
    ],
)
def test_a_job_after_the_byline_is_no_outlet(line: str, author: str, outlet: str | None) -> None:
    meta = parse_meta_line(line, header=True)
    assert meta is not None and (meta.author, meta.outlet) == (author, outlet)


def test_a_name_then_a_date_under_the_headline_is_a_dated_byline() -> None:
    a = read(f"Science\n\n{HEADLINE}\n\nNora Vance, 09.03.2026 14:20\n\n" + BODY)
    assert (a.title, a.author, a.date) == (HEADLINE, "Nora Vance", "2026-03-09")


def test_a_paper_under_the_headline_is_no_byline() -> None:
    assert bare_byline("The Eldham Courier") is None
    assert bare_byline("Maren Tolk") == "Maren Tolk"


@pytest.mark.parametrize(
    ("ending", "source"),
    [
        ("Share this article\nFacebook  Twitter  Email\n\nEldham Courier\n", "Eldham Courier"),
        ("Get the latest news in your inbox.\n\nThe Eldham Courier\n", "The Eldham Courier"),
        ("Pia Osmund\n", None),  # someone the story quotes, not the outlet
        ("Jon Tarrow\n", None),  # the byline signing off
        ("More to follow\n", None),
    ],
)
def test_the_outlets_name_alone_at_the_end_is_its_source(ending: str, source: str | None) -> None:
    a = read(f"{HEADLINE}\n\nJon Tarrow\n\n{BODY}\n{ending}")
    assert a.author == "Jon Tarrow"
    assert a.source == source


def test_a_time_before_the_date_and_a_weekday_after_it() -> None:
    assert date_at("Published: 21:04, 3 March 2026")[0].iso == "2026-03-03"
    assert date_at("March 11, 2026 Wednesday")[0].iso == "2026-03-11"
    assert date_at("22:40 Second bridge closed") is None


def test_a_live_blogs_key_events_and_updated_line_are_no_headline() -> None:
    a = read(
        f"LIVE\n\n{HEADLINE} – live updates\n\nRepairs will take a year; the club wants a "
        "temporary pool\n\nUpdated 12 minutes ago\n\nKey events\n22:40  Petition passes 2,000\n"
        "21:15  Club chair speaks\n\nShow key events only\n\nJon Tarrow and Pia Lund\n"
        "Wed 14 Oct 2026 18.02 BST\n\n" + BODY
    )
    assert a.title == f"{HEADLINE} – live updates"
    assert (a.author, a.date) == ("Jon Tarrow and Pia Lund", "2026-10-14")


def test_a_broadcasters_caption_lines_and_the_outlet_after_the_reporters_job() -> None:
    a = read(
        "Skip to content\nAccessibility help\nHome  News  Sport  Weather\n\n"
        f"{HEADLINE}\n\nPublished\n3 hours ago\n\nShare\n\nImage source, Eldham Swim Club\n"
        "Image caption,\nSwimmers held a protest on Sunday\n\nBy Jon Tarrow\n"
        "Local government reporter, Eldham Radio\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", None)
    assert a.source == "Eldham Radio"
    assert "Swimmers held" not in body_of(a)


def test_an_organisations_name_over_its_release_is_a_label() -> None:
    a = read(
        "Newsroom / Press releases\n\nDepartment of Leisure Services\n\n"
        f"{HEADLINE}\n\nPublished 12 January 2026\n\n" + BODY
    )
    assert (a.title, a.date) == (HEADLINE, "2026-01-12")


def test_a_blogs_user_name_between_the_date_and_the_comments() -> None:
    meta = parse_meta_line("Sep 9, 2026 · marguerite · 6 Comments", header=True)
    assert meta is not None and (meta.author, meta.date.iso) == ("marguerite", "2026-09-09")


def test_a_site_name_alone_atop_the_text_is_the_source_when_nothing_better_is() -> None:
    a = read(f"Eldham Weekly Clarion\n\n{HEADLINE}\n\nJon Tarrow\nMarch 3 2026\n\n" + BODY)
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", "2026-03-03")
    assert a.source == "Eldham Weekly Clarion"


@pytest.mark.parametrize("top", ["Local News", "Tech & Science", "Business"])
def test_a_section_atop_the_text_is_no_source(top: str) -> None:
    a = read(f"{top}\n\n{HEADLINE}\n\nJon Tarrow\nMarch 3 2026\n\n" + BODY)
    assert (a.section, a.source) == (top, None)


def test_a_releases_boilerplate_names_the_organisation() -> None:
    a = read(
        f"Newsroom / Press releases\n\n2026/03/03\n\n{HEADLINE}\n\n" + BODY + "\nAbout Eldham "
        "Leisure Trust\nEldham Leisure Trust runs the town's pools and sports halls.\n"
    )
    assert (a.title, a.date, a.author) == (HEADLINE, "2026-03-03", None)
    assert a.source == "Eldham Leisure Trust"


@pytest.mark.parametrize(
    "line",
    [
        "SKIP ADVERTISEMENT",
        "Supported by",
        "Listen · 3:45",
        "Listen to this article · 6:12 min Learn more",
        "Heard on Morning Report",
        "Share full article",
        "Contact: Sgt. Ria Moss, 555-0188",
        "Media enquiries: press@eldham.example",
    ],
)
def test_player_ad_and_contact_lines_are_cruft(line: str) -> None:
    a = read(f"{line}\n\n{HEADLINE}\n\nBy Jon Tarrow\n\n" + BODY)
    assert (a.title, a.author) == (HEADLINE, "Jon Tarrow")
    assert line not in body_of(a)


def test_a_time_after_the_date_and_a_category_with_comments_are_metadata() -> None:
    meta = parse_meta_line("March 3, 2026 · 4:12 PM UTC", header=True)
    assert meta is not None and meta.date.iso == "2026-03-03" and meta.outlet is None
    meta = parse_meta_line("Posted in Swimming | 3 Comments", header=True)
    assert meta is not None and meta.author is None


def test_a_stations_masthead_with_a_section_names_the_station() -> None:
    a = read(f"ELDHAM RADIO | News\n\nHome  Programmes  News\n\n{HEADLINE}\n\n" + BODY)
    assert a.source == "ELDHAM RADIO"


def test_a_title_case_headline_under_a_letterhead_and_date_is_no_byline() -> None:
    a = read(
        "Eldham Sheriff's Office\nNEWS RELEASE\n\nContact: Sgt. Ria Moss, 555-0188\n\n"
        "March 3, 2026\n\nDeputies Recover Stolen Tractor Found In Corn Field\n\n" + BODY
    )
    assert (a.title, a.author) == ("Deputies Recover Stolen Tractor Found In Corn Field", None)
    assert a.source == "Eldham Sheriff's Office"


def test_an_author_box_at_the_end_names_the_author() -> None:
    a = read(
        f"{HEADLINE}\n\nMarch 3, 2026\n\n{BODY}\nAbout the author\nWritten by Ria Moss. "
        "Ria writes about swimming.\n"
    )
    assert a.author == "Ria Moss"


def test_a_public_media_copyright_keeps_its_name() -> None:
    assert copyright_outlet("Copyright 2026 Kestle Public Media") == "Kestle Public Media"
    assert copyright_outlet("© 2026 Eldham Courier Media Ltd") == "Eldham Courier"


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By JON TARROW FOR THE ELDHAM COURIER", "JON TARROW", "THE ELDHAM COURIER"),
        ("Interview by Jon Tarrow | Photographs by Pia Lund", "Jon Tarrow", None),
        ("by jtarrow | Mar 3, 2026 | Swimming | 0 comments", "jtarrow", None),
        ("Jon Tarrow | Eldham Courier | March 3, 2026", "Jon Tarrow", "Eldham Courier"),
    ],
)
def test_what_stands_beside_a_byline(line: str, author: str, outlet: str | None) -> None:
    meta = parse_meta_line(line, header=True)
    assert meta is not None and (meta.author, meta.outlet) == (author, outlet)


def test_a_time_with_an_offset_before_the_date() -> None:
    assert date_at("Published 3:12 PM GMT+1, March 3, 2026")[0].iso == "2026-03-03"


def test_a_coverage_credit_at_the_end_names_the_authors() -> None:
    a = read(f"{HEADLINE}\n\nMarch 3, 2026\n\n{BODY}\nCoverage by Jon Tarrow and Pia Lund\n")
    assert a.author == "Jon Tarrow and Pia Lund"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Jon Tarrow | Reporter", "Jon Tarrow"),
        ("Words Jon Tarrow  Photography Pia Lund", "Jon Tarrow"),
        ("Report by Jon Tarrow", "Jon Tarrow"),
    ],
)
def test_more_byline_shapes(line: str, author: str) -> None:
    meta = parse_meta_line(line, header=True)
    assert meta is not None and meta.author == author


def test_a_standfirst_opening_with_a_place_is_no_byline() -> None:
    assert bare_byline("On Farra, population 212, the last burglary was in 1987") is None
    assert bare_byline("Ana Quell, science correspondent") == "Ana Quell"


def test_labels_in_capitals_over_the_byline_and_the_date() -> None:
    a = read(
        f"CITY & DESIGN\n\n{HEADLINE}\n\nWRITTEN BY\nJon Tarrow\n\nPUBLISHED\n03.03.2026\n\n"
        + BODY
        + "\nEldham Quarterly\n"
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", "2026-03-03")
    assert (a.section, a.source) == ("City & Design", "Eldham Quarterly")


def test_an_aggregators_author_outlet_and_date_lines() -> None:
    a = read(f"{HEADLINE}\n\nJon Tarrow\nEldham Courier\nMar 3, 2026\n\n" + BODY)
    assert (a.author, a.source, a.date) == ("Jon Tarrow", "Eldham Courier", "2026-03-03")


def test_a_lower_case_kicker_with_the_is_no_masthead() -> None:
    a = read(f"The long read\n\n{HEADLINE}\n\nBy Jon Tarrow\n\n{BODY}\nSport | Eldham Courier\n")
    assert a.source == "Eldham Courier"


def test_a_headline_with_its_full_stop_over_a_byline() -> None:
    a = read("Opinion\n\nThe pool deserves better than a car park.\n\nJon Tarrow\n\n" + BODY)
    assert (a.title, a.author) == ("The pool deserves better than a car park.", "Jon Tarrow")


def test_a_story_signed_at_its_end_names_author_and_outlet() -> None:
    a = read(f"{HEADLINE}\n\n{BODY}\n— Jon Tarrow, Eldham Courier\n")
    assert (a.author, a.source) == ("Jon Tarrow", "Eldham Courier")


def test_a_database_exports_fields() -> None:
    a = read(
        f"id: 48213\nheadline: {HEADLINE}\npublished_at: 2026-03-03 14:05:00\n"
        "author: Jon Tarrow\nsite: Eldham Courier\nbody:\n" + BODY
    )
    assert (a.title, a.date, a.author, a.source) == (
        HEADLINE,
        "2026-03-03",
        "Jon Tarrow",
        "Eldham Courier",
    )


def test_a_site_and_its_section_atop_the_text_are_no_headline() -> None:
    a = read(
        f"Eldham Wire | World\n\n{HEADLINE}\n\nBy Jon Tarrow | March 3, 2026 10:42 AM\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", "2026-03-03")
    assert a.source == "Eldham Wire"


@pytest.mark.parametrize(
    "byline",
    [
        "Jon Tarrow, Eldham Courier",
        "By Jon Tarrow (Eldham Courier)",
        "By Jon Tarrow - Eldham Courier",
        "By Jon Tarrow\nSpecial to the Eldham Courier",
        "Author - Jon Tarrow | 3 March 2026",
    ],
)
def test_the_outlet_beside_the_byline(byline: str) -> None:
    a = read(f"{HEADLINE}\n\n{byline}\n3 March 2026\n\n" + BODY)
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", "2026-03-03")
    assert a.source in ("Eldham Courier", "The Eldham Courier", None)
    if "Author" not in byline:
        assert a.source is not None


def test_a_site_name_between_menu_lines_is_the_source() -> None:
    a = read(f"Sections\nEldham Courier\nSearch\n\n{HEADLINE}\n\nby Jon Tarrow\n\n" + BODY)
    assert (a.title, a.author, a.source) == (HEADLINE, "Jon Tarrow", "Eldham Courier")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Posted 3/3/26", "2026-03-03"),
        ("Originally published: March 3, 2026", "2026-03-03"),
    ],
)
def test_short_years_after_a_label_and_originally_published(line: str, iso: str) -> None:
    assert date_at(line)[0].iso == iso
    assert date_at("3/3/26") is None  # without a label, a fraction or a score


def test_a_byline_in_capitals_over_its_date_and_a_name_after_the_date() -> None:
    a = read(
        f"ELDHAM COURIER\n\n{HEADLINE.upper()}\n\nSwimmers packed the meeting\n\nJON TARROW\n"
        "Published on 03 March 2026 | 4 min read\n\n" + BODY
    )
    assert (a.author, a.date) == ("JON TARROW", "2026-03-03")
    a = read(f"{HEADLINE}\n\n3.3.2026 · Jon Tarrow\n\n" + BODY)
    assert (a.author, a.date) == ("Jon Tarrow", "2026-03-03")


def test_a_live_blogs_team_and_start_time_and_a_most_read_list() -> None:
    a = read(
        f"LIVE UPDATES\n\n{HEADLINE}\n\nFrom our live team: Jon Tarrow and Pia Lund\n\n"
        "Last updated 14 minutes ago\nStarted 06:00 Tuesday 3 March 2026\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow and Pia Lund", "2026-03-03")
    a = read(f"Most Read\n1. Pool reopens\n2. Fox steals pie from bakery\n\n{HEADLINE}\n\n" + BODY)
    assert a.title == HEADLINE


def test_an_embargo_line_dates_a_release_and_an_interview_label_names_its_author() -> None:
    a = read(
        f"EMBARGOED UNTIL 00:01 TUESDAY 3 MARCH 2026\n\nPRESS RELEASE\n\n{HEADLINE}\n\n" + BODY
    )
    assert (a.title, a.date) == (HEADLINE, "2026-03-03")
    meta = parse_meta_line("Interview: Jon Tarrow", header=True)
    assert meta is not None and meta.author == "Jon Tarrow"


def test_a_tabs_title_with_a_dash_and_its_address_first() -> None:
    a = read(f"{HEADLINE} - Eldham Courier\nhttps://eldhamcourier.example/pool-close\n\n" + BODY)
    assert (a.title, a.source) == (HEADLINE, "Eldham Courier")
    assert a.url == "https://eldhamcourier.example/pool-close"


def test_published_in_an_outlet_on_a_date_under_a_standfirst_and_byline() -> None:
    a = read(
        f"{HEADLINE}\nThe club wants a temporary pool in the hall\nby Jon Tarrow\n"
        "Published in Eldham Courier on March 3, 2026\n\n" + BODY
    )
    assert (a.title, a.author, a.date) == (HEADLINE, "Jon Tarrow", "2026-03-03")
    assert a.source == "Eldham Courier"


def test_an_agency_line_under_the_headline_yields_to_a_by_line() -> None:
    a = read(f"{HEADLINE}\n\nEldham Wire\nMarch 3, 2026 · 4:12 PM UTC\n\nBy Jon Tarrow\n\n" + BODY)
    assert (a.author, a.date, a.source) == ("Jon Tarrow", "2026-03-03", "Eldham Wire")


def test_a_time_after_a_slash_and_the_reporters_contact_lines_stay_out_of_the_story() -> None:
    a = read(
        f"{HEADLINE}\n\nBy Jon Tarrow\njon.tarrow@eldhamcourier.example\n@jontarrow\n"
        "Posted: Oct 2, 2026 / 05:48 PM CDT\n\n" + BODY
    )
    assert (a.author, a.date) == ("Jon Tarrow", "2026-10-02")
    assert body_of(a).startswith("The council voted")
