"""Text shapes found by scoring a batch of unseen invented articles before tuning (devset4):
each rule read by its shape, never by a name. Every name and outlet here is invented for these
tests and is in no data set."""

from __future__ import annotations

from newsbrowse.index.reading import parse_article
from newsbrowse.index.reading.cruft import cruft_reason
from newsbrowse.index.reading.sources import organisation, prompt_outlet

HEADLINE = "Pool to close for a year after cracks found in its tank"
BODY = (
    "The council voted on Tuesday to close the Eldham swimming pool for a year of repairs, "
    "after an inspection found cracks in the main tank and the filters.\n\n"
    '"We were not consulted at all," said Pia Osmund, who chairs the swimming club.\n\n'
    "A temporary pool may open in the sports hall."
)


def read(text: str):
    return parse_article(text, "a.txt", "a.txt")


def test_a_cookie_banners_sentences_are_chrome_and_do_not_end_the_header() -> None:
    assert cruft_reason("We use some essential cookies to make this website work.")
    assert cruft_reason("Cookies on this site")
    assert cruft_reason("Accept additional cookies   Reject additional cookies")
    article = read(
        "Cookies on this site\nWe use some essential cookies to make this website work.\n\n"
        f"{HEADLINE}\n\nFrom: Department for Pools and Ana Quell MP\nPublished 3 March 2026\n\n"
        f"{BODY}"
    )
    assert article.source == "Department for Pools"
    assert "cookies" not in " ".join(article.text[s:e] for s, e in article.paragraphs)


def test_a_saved_from_line_gives_the_url_and_the_time_a_relative_date_counts_back_from() -> None:
    article = read(
        "Saved from https://www.eldhamtoday.example/news/pool on 3 March 2026 at 18:40\n\n"
        f"Eldham Today\n\n{HEADLINE}\n\nAna Quell\n3 hours ago\n\n{BODY}"
    )
    assert article.url == "https://www.eldhamtoday.example/news/pool"
    assert article.date == "2026-03-03"
    assert article.source == "Eldham Today"


def test_a_newsletters_web_link_yearless_date_and_furniture_are_not_the_story() -> None:
    article = read(
        "From: The Pool Letter <pool@letters.example>\nDate: Tue, 3 Mar 2026 07:00:00 +0000\n"
        f"Subject: {HEADLINE}\n\nView this post on the web at https://pool.letters.example/p/pool"
        f"\n\n{HEADLINE}\n\nAna Quell\nMar 3\n\nForwarded this email? Subscribe here for more\n\n"
        f"{BODY}\n\nYou're currently a free subscriber to The Pool Letter.\n\n© 2026 Ana Quell"
    )
    assert article.url == "https://pool.letters.example/p/pool"
    assert article.author == "Ana Quell"
    assert article.source == "The Pool Letter"  # not the writer's own copyright
    kept = " ".join(article.text[s:e] for s, e in article.paragraphs)
    assert "Mar 3" not in kept and "Forwarded" not in kept and "View this post" not in kept


def test_a_paywall_prompt_names_the_outlet_it_sells() -> None:
    assert prompt_outlet("Get unlimited access to The Eldham Ledger from 1 a week.") == (
        "The Eldham Ledger"
    )
    assert prompt_outlet("Subscribe to keep reading") is None
    article = read(
        f"{HEADLINE}\n\nBy Ana Quell\nMarch 3, 2026\n\n{BODY}\n\nSubscribe to keep "
        "reading\nGet unlimited access to The Eldham Ledger from 1 a week."
    )
    assert article.source == "The Eldham Ledger"


def test_an_organisation_in_the_byline_is_the_source_not_the_author() -> None:
    assert organisation("Eldham Parish News") and organisation("Coast Desk")
    assert not organisation("Ana Quell") and not organisation("Ana Quell and Tom Berg")
    article = read(f"{BODY}\n\nPosted 3 Mar 2026 by Eldham Parish News")
    assert article.author is None
    assert article.source == "Eldham Parish News"


def test_a_platforms_published_in_line_and_writer_card_name_the_publication() -> None:
    article = read(
        f"{HEADLINE}\n\nAna Quell\nFollow\nPublished in Eldham Signals\n6 min read\n"
        f"Mar 3, 2026\n\n{BODY}\n\nWritten by Ana Quell\nWriter for Eldham Signals"
    )
    assert article.source == "Eldham Signals"
    assert article.author == "Ana Quell"


def test_an_edition_tag_beside_a_masthead_is_not_its_name() -> None:
    article = read(
        f"THE ELDHAM HERALD · English edition\n\nPolitics\n\n{HEADLINE}\n\nAna Quell · "
        f"12 octubre 2026 · 10:40 CEST\n\n{BODY}"
    )
    assert (article.source or "").casefold() == "the eldham herald"
    assert article.date == "2026-10-12"


def test_a_comma_after_the_bylines_one_name_may_name_the_outlet() -> None:
    article = read(f"{HEADLINE}\n\nBy Ana Quell, Eldham Markets\n3 Mar 2026 | 14:22 GMT\n\n{BODY}")
    assert (article.author, article.source) == ("Ana Quell", "Eldham Markets")
    job = read(f"{HEADLINE}\n\nBy Ana Quell, Chief Reporter\n3 Mar 2026\n\n{BODY}")
    assert (job.author, job.source) == ("Ana Quell", None)


def test_release_labels_date_a_release_and_its_letterhead_is_not_the_headline() -> None:
    article = read(
        "SUPERIOR COURT OF ELDHAM COUNTY\nOffice of the Court Administrator\n\n"
        "FOR RELEASE: Mar. 3, 2026\nContact: Tom Berg, (555) 014-0000\n\n"
        f"{HEADLINE}\n\n{BODY}\n\n###"
    )
    assert article.title == HEADLINE
    assert article.date == "2026-03-03"
    released = read(f"{HEADLINE}\n\nReleased March 3, 2026 · 41 min\n\n{BODY}")
    assert released.date == "2026-03-03"


def test_account_links_and_a_column_of_section_words_are_no_masthead() -> None:
    for line in ("Sign in", "Log in", "Close", "Register", "My account"):
        assert cruft_reason(line) == "navigation"
    article = read(
        f"Menu\nClose\nSearch\nSign in\nSubscribe\n\nWorld\nUK\nBusiness\nCulture\n\nBusiness\n\n"
        f"{HEADLINE}\n\nAna Quell\nTue 3 Mar 2026 16.05 GMT\n\n{BODY}\n\nMost viewed\n"
        "The Eldham Gazette\nAbout us   Contact   Terms   Privacy"
    )
    assert article.source == "The Eldham Gazette"  # named above the footer's menu


def test_a_blogs_name_over_its_motto_is_the_masthead_and_the_post_is_signed_below() -> None:
    article = read(
        "Notes from Eldham Lane\na small garden, a large dog and too many beans\n\n"
        f"Tuesday, March 3, 2026\n\n{HEADLINE}\n\n{BODY}\n\nPosted by Greta at 9:14 PM\n"
        "Labels: garden, beans"
    )
    assert article.title == HEADLINE
    assert article.source == "Notes from Eldham Lane"
    assert article.author == "Greta"
    assert "small garden" not in " ".join(article.text[s:e] for s, e in article.paragraphs)


def test_a_magazines_issue_beside_the_published_date_is_not_the_date() -> None:
    article = read(
        f"{HEADLINE}\n\nWords by Ana Quell\n\nFrom the March 2026 issue  |  Published 2 February "
        f"2026\n\n{BODY}"
    )
    assert article.date == "2026-02-02"


def test_a_tab_title_naming_the_site_before_the_headline_gives_the_source() -> None:
    article = read(
        f"Eldham Community Radio | Local news | {HEADLINE}\n\n{HEADLINE}\n\nPosted: 03.03.2026 | "
        f"Newsroom\n\n{BODY}"
    )
    assert article.title == HEADLINE
    assert article.source == "Eldham Community Radio"


def test_a_tab_title_over_a_short_headline_printed_twice_gives_the_source() -> None:
    short = "Council to sell the old depot"
    article = read(
        f"Eldham Community Radio | Local news | {short}\n\n{short}\n{short}\n\nPosted: 03.03.2026"
        f" | Newsroom\n\n{BODY}"
    )
    assert article.title == short
    assert article.source == "Eldham Community Radio"


def test_an_all_lower_case_site_is_read_through_capitals_but_reported_as_printed() -> None:
    text = (
        "the eldham drift\nstories   audio   about   support us\n\n"
        "the quiet return of the night ferry\n\nmore people sleep their way across the sea. "
        "we spent a night on board.\n\nby ana quell\n14 october 2026 · 6 min read\n\n"
        "the 22:40 leaves the harbour with its lights low and its bar already closed.\n\n"
        '"i used to fly this route," said tom berg, a translator.\n\n'
        "bookings for cabins are up by a third, the operator said."
    )
    article = read(text)
    assert article.text == text  # spans point into the text as written
    assert article.title == "the quiet return of the night ferry"
    assert article.author == "ana quell"
    assert article.source == "the eldham drift"
    assert article.date == "2026-10-14"


def test_a_cased_copy_keeps_every_offset() -> None:
    from newsbrowse.index.reading.lowercase import cased_view

    text = "straße news\n\nthe ßig day for the ıslands\n\nby ana quell\n\nit began. then rain."
    view = cased_view(text)
    assert view is not None and len(view) == len(text)
    assert all(v == t or v == t.upper() for v, t in zip(view, text, strict=True))
    assert cased_view("The Eldham Drift\n\nthe quiet return") is None  # capitals of its own


def test_a_bodys_letterhead_in_capitals_is_the_masthead_not_a_headline() -> None:
    from newsbrowse.index.reading.chrome import named_body

    assert named_body("SUPERIOR COURT OF ELDHAM COUNTY") and named_body("Eldham Sheriff's Office")
    assert not named_body("POLICE BOARD BANS NIGHT PATROLS")
    article = read(
        "SUPERIOR COURT OF ELDHAM COUNTY\nOffice of the Court Administrator\n\n"
        f"FOR RELEASE: Mar. 3, 2026\n\n{HEADLINE}\n\nThe Superior Court of Eldham County said "
        f"on Tuesday it would hear cases in the evening.\n\n{BODY}"
    )
    assert article.source == "Superior Court of Eldham County"  # as the text writes it


def test_a_social_post_names_its_account_over_its_age_and_has_no_headline() -> None:
    from newsbrowse.index.reading.dates import relative_age

    assert relative_age("3h ·") == ("plain", 3 * 3600) and relative_age("5m") == ("plain", 300)
    article = read(
        "Eldham County Sheriff's Office\n3h ·\n\nUPDATE: The missing hiker reported on Sunday "
        "has been found safe near Pike Ridge by deputies and volunteers.\n\n"
        '"Thank you to everyone who shared our post," the sheriff said.'
    )
    assert article.title is None
    assert article.source == "Eldham County Sheriff's Office"


def test_a_host_spelled_in_the_text_keeps_the_the_the_text_gives_it() -> None:
    from newsbrowse.index.reading.sources import named_host

    text = "You're a free subscriber to The Ferrow Letter."
    assert named_host("https://ferrowletter.example/p/a", text) == "The Ferrow Letter"
    assert named_host("https://ferrowletter.example/p/a", "Ferrow Letter said") == "Ferrow Letter"


def test_a_section_and_a_label_in_one_masthead_line_name_no_outlet() -> None:
    article = read(
        f"Football | Match report\n\n{HEADLINE}\n\nSunday 4 October 2026 17:50 BST\n\n"
        f"Report by Ana Quell at Quarry Lane\n\n{BODY}\n\nEldham Sport"
    )
    assert article.source == "Eldham Sport"
    briefing = read(
        f"TECH BRIEFING\n\n{HEADLINE}\n\nBy Ana Quell\n5 Oct 2026\n\n{BODY}\n\n© 2026 Eldham Daily."
    )
    assert briefing.source == "Eldham Daily"


def test_a_masthead_naming_its_editions_language_and_a_klokken_time() -> None:
    article = read(
        f"Eldham Posten – English\n\n{HEADLINE}\n\nBy Ana Quell\n5.10.2026 kl. 14.30\n\n{BODY}"
    )
    assert article.title == HEADLINE
    assert article.source == "Eldham Posten"
    assert article.date == "2026-10-05"


def test_a_newsletters_issue_line_greeting_and_signed_close() -> None:
    article = read(
        f"The Eldham Letter\nIssue #42 — October 5, 2026\n\nHi friends,\n\n{HEADLINE}\n\n{BODY}\n\n"
        "See you at the AGM,\nTom Berg\n\nYou are receiving this because you subscribed to "
        "The Eldham Letter."
    )
    assert (article.title, article.date) == (HEADLINE, "2026-10-05")
    assert (article.author, article.source) == ("Tom Berg", "The Eldham Letter")
    assert "Hi friends" not in " ".join(article.text[s:e] for s, e in article.paragraphs)


def test_a_dashed_byline_with_its_date() -> None:
    article = read(f"{HEADLINE}\n\n— by Ana Quell, Oct. 5, 2026\n\n{BODY}")
    assert (article.author, article.date) == ("Ana Quell", "2026-10-05")


def test_a_beat_label_in_capitals_yields_to_the_papers_name_at_the_end() -> None:
    article = read(
        f"CITY HALL\n\n{HEADLINE.upper()}\n\nBY ANA QUELL\nPOSTED OCT. 4, 2026 AT 6:00 PM\n\n"
        f"{BODY}\n\nEldham Daily Record"
    )
    assert article.source == "Eldham Daily Record"
    masthead = read(
        f"THE ELDHAM POST\n\n{HEADLINE}\n\nBy Ana Quell\n\n{BODY}\n\nEldham Daily Record"
    )
    assert (masthead.source or "").casefold() == "the eldham post"


def test_a_switcher_naming_languages_in_their_own_tongues_is_chrome() -> None:
    for line in ("Українською English", "English | Español | 中文", "Deutsch Italiano Magyar"):
        assert cruft_reason(line) == "language switcher", line
    assert cruft_reason("Magyar") is None  # one word alone may be a name
    article = read(f"Українською English\n\n{HEADLINE}\n\nBy Ana Quell\n3 March 2026\n\n{BODY}")
    assert (article.title, article.section, article.source) == (HEADLINE, None, None)


def test_a_name_and_outlet_under_a_date_with_no_headline_is_the_byline() -> None:
    article = read(f"3 March 2026, 6:04\n\nAna Quell | Eldham Courier\n\n{BODY}")
    assert (article.title, article.author, article.source) == (
        None,
        "Ana Quell",
        "Eldham Courier",
    )
    assert article.label.startswith("The council voted")
    headline = read(f"3 March 2026\n\nHarbour | Pool talks stall again\n\n{BODY}")
    assert headline.title == "Harbour | Pool talks stall again"  # no name: a headline


def test_a_day_and_time_without_a_year_over_the_headline_is_no_headline() -> None:
    for stamp in ("Jun 13, 4:03 PM EDT", "Monday, 13 June 09:15"):
        article = read(f"{stamp}\n\n{HEADLINE}\n\nBy ANA QUELL\nEldham Wire\n\n{BODY}")
        assert article.title == HEADLINE, stamp
        assert article.author == "ANA QUELL"
