"""Text shapes found by scoring a batch of unseen invented text articles before tuning
(devset6's odd half): each rule read by its shape, never by a name. Every name and outlet here
is invented for these tests and is in no data set."""

from __future__ import annotations

from pathlib import Path

from newsbrowse.index.model import Article
from newsbrowse.index.reading import parse_article, read_article
from newsbrowse.index.reading.chrome import nav_line, series_line
from newsbrowse.index.reading.cruft import cruft_reason
from newsbrowse.index.reading.sources import self_named_outlet

HEADLINE = "Lido to reopen after a summer of repairs"
BODY = (
    "The Quarnby lido will reopen on Saturday after three months of repairs to its pumps "
    "and the tiles of its main pool, the town council said.\n\n"
    '"We know people have missed it," said Oren Valdez, who manages the lido.\n\n'
    "Tickets will cost the same as last year."
)


def read(text: str) -> Article:
    return parse_article(text, "a.txt", "a.txt")


def test_a_print_views_page_actions_are_chrome_not_the_headline() -> None:
    assert cruft_reason("Print this page | Close window") == "share buttons"
    article = read(
        f"Print this page | Close window\n\nTHE QUARNBY POST\n\nMonday, March 2, 2026\n\n"
        f"{HEADLINE}\n\nBy Ines Mallory\n\n{BODY}"
    )
    assert (article.title, article.author) == (HEADLINE, "Ines Mallory")


def test_a_masthead_naming_its_english_service_is_the_source_not_a_card() -> None:
    article = read(
        f"Quarnby Evening Star | English Service\n\nSOCIETY / LEISURE\n\n{HEADLINE}\n\n"
        f"Published: 02.03.2026 at 09:10\nAuthor: Ines Mallory\n\n{BODY}\n\n"
        "Copyright Quarnby Media Group"
    )
    assert article.source == "Quarnby Evening Star"
    assert article.author == "Ines Mallory"


def test_a_breaking_news_alert_label_is_a_kicker_not_the_masthead() -> None:
    article = read(
        "From: The Quarnby Post <alerts@quarnbypost.example>\n"
        "Sent: Monday, 2 March 2026 08:15\nSubject: BREAKING: Lido to reopen\n\n"
        f"BREAKING NEWS ALERT\n\n{HEADLINE}\n\nFrom staff reports\n\n{BODY}"
    )
    assert article.source == "The Quarnby Post"
    assert article.title == HEADLINE


def test_a_menu_with_an_icon_before_its_first_item_is_chrome() -> None:
    assert nav_line("▶ Listen live   Schedule   Podcasts   News")
    assert nav_line("☰ Menu  News  Sport  Weather")
    article = read(
        f"Radio Quarnby\n▶ Listen live   Schedule   Podcasts   News\n\nLocal News\n\n{HEADLINE}"
        f"\n\nPosted: 7:02am Mon 2 Mar 2026\nBy Ines Mallory\n\n{BODY}"
    )
    assert article.source == "Radio Quarnby"
    assert "Listen live" not in article.text[article.paragraphs[0][0] : article.paragraphs[0][1]]


def test_a_relative_date_with_the_day_in_brackets_gives_that_day() -> None:
    article = read(
        f"Quarnby Today\n\n{HEADLINE}\n\nBy Ines Mallory\n"
        f"Published 5 hours ago (Mon 2 Mar 2026, 09:15)\n\n{BODY}"
    )
    assert article.date == "2026-03-02"
    assert article.paragraphs and "hours ago" not in article.text[slice(*article.paragraphs[0])]
    updated = read(f"{HEADLINE}\n\nBy Ines Mallory\nUpdated 1 hour ago (3 March 2026)\n\n{BODY}")
    assert updated.date is None  # an update is not the publication


def test_an_outlets_name_over_a_date_under_a_breadcrumb_is_the_masthead() -> None:
    article = read(
        f"Community › Notices\n\nThe Quarnby Gazette\n\nMonday, March 2, 2026\n\n{HEADLINE}\n\n"
        f"{BODY}"
    )
    assert (article.title, article.source) == (HEADLINE, "The Quarnby Gazette")
    # a headline over a date is still the headline
    plain = read(f"News › Leisure\n\n{HEADLINE}\n\nMonday, March 2, 2026\n\n{BODY}")
    assert plain.title == HEADLINE


def test_a_lynx_dumps_link_marks_go_when_its_references_close_the_text(tmp_path: Path) -> None:
    dump = (
        "   [1]Skip to content\n\n   [2]The Quarnby Post\n\n     * [3]News\n     * [4]Leisure"
        f"\n\n   [5]Leisure\n\n{HEADLINE}\n\n   By [6]Ines Mallory\n   March 2, 2026\n\n"
        f"{BODY}\n\n   Cited as [7] in the report.\n\nReferences\n\n"
        + "".join(f"   {n}. https://quarnbypost.example/{n}/\n" for n in range(1, 8))
    )
    (tmp_path / "a.txt").write_text(dump, encoding="utf-8")
    article = read_article(tmp_path / "a.txt", tmp_path)
    assert (article.author, article.section) == ("Ines Mallory", "Leisure")
    assert "Cited as [7] in" in article.text  # a mark before a space is not a link's
    (tmp_path / "b.txt").write_text(dump.replace("References", "Sources"), encoding="utf-8")
    assert "[6]Ines" in read_article(tmp_path / "b.txt", tmp_path).text


def test_a_footer_telling_the_reader_what_they_are_reading_names_the_outlet() -> None:
    assert self_named_outlet("Thanks for reading Quarnby Notes!") == "Quarnby Notes"
    assert self_named_outlet("You are reading this because you signed up") is None
    article = read(
        f"{HEADLINE}\n\nMar 2, 2026 · Story by Ines Mallory\n\n{BODY}\n\n───────────\n"
        "You are reading The Quarnby Current — independent news for the valley since 1911.\n"
        "Support local journalism: quarnbycurrent.example/support"
    )
    assert article.source == "The Quarnby Current"


def test_a_series_name_with_an_instalment_number_is_the_masthead_not_the_headline() -> None:
    assert series_line("The Quarnby Podcast — Episode 12")
    assert series_line("Quarnby Notes | Issue #7")
    assert not series_line("Lido reopens — and 12 more things to do")
    article = read(
        f"TRANSCRIPT\n\nThe Quarnby Podcast — Episode 12\n{HEADLINE}\n\n"
        f"Aired: Monday 2 March 2026\nHost: Ines Mallory\n\n{BODY}"
    )
    assert (article.title, article.source) == (HEADLINE, "The Quarnby Podcast")


def test_an_archive_banners_original_address_and_an_alerts_full_story_link_are_the_url() -> None:
    archived = read(
        "QUARNBY WEB ARCHIVE\nThis page was captured on 9 March 2026 at 04:10 UTC.\n"
        "Original address: https://quarnbypost.example/2026/03/02/lido-reopens\n\n"
        f"Quarnby Post\n\n{HEADLINE}\n\nMonday 2 March 2026\n\n{BODY}"
    )
    assert archived.url == "https://quarnbypost.example/2026/03/02/lido-reopens"
    assert archived.date == "2026-03-02"
    alert = read(
        f"BREAKING NEWS ALERT\n\n{HEADLINE}\n\n{BODY}\n\n"
        "Read the full story: https://quarnbypost.example/news/lido-reopens\n\n"
        "You received this e-mail because you signed up for alerts. Unsubscribe"
    )
    assert alert.url == "https://quarnbypost.example/news/lido-reopens"


def test_a_forwarded_articles_closing_address_is_its_url_when_quoted() -> None:
    quoted = "\n".join(
        f"> {line}" if line else ">"
        for line in f"{HEADLINE}\n\nBy Ines Mallory\n2 March 2026\n\n{BODY}".split("\n")
    )
    article = read(
        "---------- Forwarded message ---------\nFrom: Ada <ada@mail.example>\n"
        f"Subject: Fwd: {HEADLINE}\n\nThought you'd like this.\n\n{quoted}\n>\n"
        "> https://quarnbypost.example/news/lido-reopens"
    )
    assert article.url == "https://quarnbypost.example/news/lido-reopens"


def test_a_breadcrumb_in_capitals_gives_the_section_in_normal_case() -> None:
    article = read(f"Quarnby Post\n\nLEISURE / POOLS\n\n{HEADLINE}\n\nBy Ines Mallory\n\n{BODY}")
    assert article.section == "Pools"


def test_a_byline_naming_nobody_is_not_the_body() -> None:
    for byline in ("Staff reporter", "From staff reports", "By our newsroom"):
        article = read(f"Quarnby Post\n\n{HEADLINE}\n\nMonday 2 March 2026\n{byline}\n\n{BODY}")
        first = article.text[slice(*article.paragraphs[0])]
        assert first.startswith("The Quarnby lido"), byline
        assert article.author is None


def test_a_row_of_buttons_in_brackets_is_navigation() -> None:
    assert nav_line("[ View live page ]  [ Other captures: 3 ]  [ About ]")
    assert not nav_line("[Image: the lido at dawn]")


def test_a_forwards_quote_marks_are_blanked_so_a_wrapped_quote_reads_as_one() -> None:
    body = (
        f"{HEADLINE}\n\nBy Ines Mallory\n2 March 2026\n\nThe lido will reopen on Saturday.\n\n"
        '"We know people have missed it, and we\nhave missed them too," said Oren Valdez.'
    )
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))
    text = f"From: Ada <ada@mail.example>\nSubject: Fwd: {HEADLINE}\n\nSee below.\n\n{quoted}"
    article = read(text)
    assert len(article.text) == len(text)  # every span stays put
    assert "and we have missed them" in " ".join(article.text.split())
    assert article.title == HEADLINE
    assert read(f"{HEADLINE}\n\n> A single quoted line\n\n{BODY}").text.count(">") == 1
