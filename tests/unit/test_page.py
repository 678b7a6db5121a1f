"""Saved web pages: charsets, what the markup states, the article's text (invented pages)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from newsbrowse.index.errors import UnreadableFile
from newsbrowse.index.reading import read_article
from newsbrowse.index.reading.page_decode import decode_page
from newsbrowse.index.reading.sniff import kind_of

BODY = (
    "<p>The old swing bridge will close for six months from June while its motor is replaced, "
    "the harbour board said on Monday.</p>"
    "<p>&ldquo;It is the first full repair since 1974,&rdquo; said the board&rsquo;s engineer, "
    "Mina Castell.</p><p>Ferries will run every twenty minutes while the bridge is shut.</p>"
)


def page(head: str = "", body: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!doctype html><html><head><meta charset="{charset}">{head}</head>'
        f"<body>{body}</body></html>"
    )


def read(tmp_path: Path, html: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    if isinstance(html, str):
        path.write_text(html, encoding="utf-8")
    else:
        path.write_bytes(html)
    return read_article(path, tmp_path)


# ── charsets ─────────────────────────────────────────────────────────────────────────────


def test_latin1_declared_pages_are_read_as_windows_1252() -> None:
    data = b'<meta charset="ISO-8859-1"><p>\x93Caf\xe9,\x94 she said &#147;twice&#148;.</p>'
    assert "“Café,” she said “twice”." in decode_page(data)


def test_a_page_declaring_latin1_but_written_in_utf8_is_utf8() -> None:
    data = '<meta charset="iso-8859-1"><p>Café – “quoted”</p>'.encode()
    assert "Café – “quoted”" in decode_page(data)


def test_other_declared_charsets_and_boms() -> None:
    assert "Привіт" in decode_page('<meta charset="windows-1251"><p>Привіт</p>'.encode("cp1251"))
    assert "Grüße" in decode_page(b"\xef\xbb\xbf<p>Gr\xc3\xbc\xc3\x9fe</p>")
    assert "naïve" in decode_page('<?xml version="1.0" encoding="utf-8"?><p>naïve</p>'.encode())


# ── what the markup states ───────────────────────────────────────────────────────────────


def test_a_modern_page_states_everything_and_the_visible_headline_wins(tmp_path: Path) -> None:
    head = (
        "<title>Bridge closes for repairs | Harbour Bulletin</title>"
        '<meta property="og:title" content="Bridge closes">'
        '<meta property="og:site_name" content="Harbour Bulletin">'
        '<meta property="article:published_time" content="2031-03-02T08:00:00Z">'
        '<meta property="article:modified_time" content="2031-03-05T08:00:00Z">'
        '<link rel="canonical" href="https://bulletin.example/harbour/bridge-closes">'
    )
    body = (
        '<nav class="breadcrumbs"><ol><li><a href="/">Home</a></li><li>Harbour</li></ol></nav>'
        "<article><h1>Swing bridge to close for six months of repairs</h1>"
        '<p class="standfirst">The motor that has turned it since 1974 is finally being '
        "replaced</p>"
        '<div class="byline">By <a rel="author" href="/a">Ola Brandt</a>, '
        "Transport correspondent</div>" + BODY + "</article>"
    )
    a = read(tmp_path, page(head, body))
    assert (a.title, a.date, a.author, a.source, a.url, a.section) == (
        "Swing bridge to close for six months of repairs",
        "2031-03-02",
        "Ola Brandt",
        "Harbour Bulletin",
        "https://bulletin.example/harbour/bridge-closes",
        "Harbour",
    )
    assert a.subtitle == "The motor that has turned it since 1974 is finally being replaced"
    assert a.text.startswith(a.title + "\n\n" + a.subtitle + "\n\nThe old swing bridge")
    assert a.title_span == (0, len(a.title))


def test_json_ld_authors_are_joined_as_a_byline_would_print_them(tmp_path: Path) -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "Bridge to close", "datePublished": "2031-03-02",'
        '"author": [{"@type": "Person", "name": "Ola Brandt"}, {"@type": "Person", "name": '
        '"Mina Lo"}, {"@id": "#p3"}], "publisher": {"@id": "#org"}},'
        '{"@id": "#p3", "@type": "Person", "name": "Tove Ek"},'
        '{"@id": "#org", "@type": "Organization", "name": "Harbour Bulletin"}]}</script>'
    )
    a = read(
        tmp_path, page(ld, "<article><h1>Bridge to close for repairs</h1>" + BODY + "</article>")
    )
    assert (a.author, a.source, a.date) == (
        "Ola Brandt, Mina Lo and Tove Ek",
        "Harbour Bulletin",
        "2031-03-02",
    )


def test_the_site_name_in_the_title_bar_extends_a_short_og_site_name(tmp_path: Path) -> None:
    head = '<title>Bridge to close - HB News</title><meta property="og:site_name" content="HB">'
    a = read(tmp_path, page(head, "<h1>Bridge to close for repairs</h1>" + BODY))
    assert a.source == "HB News"


def test_a_logo_names_the_site_and_a_time_element_dates_the_story(tmp_path: Path) -> None:
    body = (
        '<header><a href="/"><img src="/l.png" alt="Harbour Bulletin - news since 1901"></a>'
        "</header><main><h1>Bridge to close for repairs</h1>"
        '<span class="updated">Updated <time datetime="2031-03-09">9 March</time></span>'
        '<time datetime="">Mar 2, 2031</time>' + BODY + "</main>"
    )
    a = read(tmp_path, page("", body))
    assert (a.source, a.date) == ("Harbour Bulletin", "2031-03-02")


def test_a_lower_case_byline_marked_as_the_author_is_kept_as_printed(tmp_path: Path) -> None:
    body = (
        '<article><h1>Bridge to close for repairs</h1><span class="byline"> by '
        '<span class="author vcard"><a class="url fn n" href="/u/">minna</a></span></span>'
        + BODY
        + "</article>"
    )
    assert read(tmp_path, page("", body)).author == "minna"


def _ld_authors(*names: str) -> str:
    people = ", ".join(f'{{"@type": "Person", "name": "{n}"}}' for n in names)
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"NewsArticle", "headline": "Bridge to close", "author": [{people}]}}</script>'
    )


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("Published", ("Ola Brandt",)),
        ("Opinion", ("Ola Brandt",)),
        ("Von", ("Ola Brandt", "Mina Lo")),
        ("Published by", ("Ola Brandt",)),
        ("Eine Analyse von", ("Ola Brandt",)),
    ],
)
def test_a_byline_element_holding_only_its_label_gives_way_to_the_named_authors(
    tmp_path: Path, label: str, data: tuple[str, ...]
) -> None:
    """The element marked as the author holds the label; the name is elsewhere."""
    body = (
        f'<article><h1>Bridge to close for repairs</h1><span class="author">{label}</span>'
        + BODY
        + "</article>"
    )
    a = read(tmp_path, page(_ld_authors(*data), body))
    assert a.author == " and ".join(data)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Von Ola Brandt, Hamburg", "Ola Brandt"),
        ("Veröffentlicht von Ola Brandt", "Ola Brandt"),
        ("Par Camille Roux", "Camille Roux"),
        ("Por Inés Salgado", "Inés Salgado"),
        ("Autor/in: Ida Lenz", "Ida Lenz"),
        ("Von Ida Lenz und Paul Kranz", "Ida Lenz und Paul Kranz"),
        ("By Ida Lenz, Paul Kranz and Tove Ek", "Ida Lenz, Paul Kranz and Tove Ek"),
    ],
)
def test_bylines_in_other_languages_name_their_authors(
    tmp_path: Path, byline: str, author: str
) -> None:
    body = (
        f'<article><h1>Bridge to close for repairs</h1><p class="byline">{byline}</p>'
        + BODY
        + "</article>"
    )
    assert read(tmp_path, page("", body)).author == author


def test_a_name_run_into_its_job_gives_way_to_the_stated_author(tmp_path: Path) -> None:
    body = (
        '<article><h1>Bridge to close for repairs</h1><a class="author" href="/p/ob">'
        "Ola Brandt Transport editor</a>" + BODY + "</article>"
    )
    a = read(tmp_path, page('<meta name="author" content="Ola Brandt">', body))
    assert a.author == "Ola Brandt"


def test_a_byline_naming_the_first_of_several_authors_gives_them_all(tmp_path: Path) -> None:
    """A teaser's byline shows the first author; the article's data names all three."""
    body = (
        '<article><h1>Bridge to close for repairs</h1><p class="byline">By Ola Brandt</p>'
        + BODY
        + "</article>"
    )
    a = read(tmp_path, page(_ld_authors("Ola Brandt", "Mina Lo", "Tove Ek"), body))
    assert a.author == "Ola Brandt, Mina Lo and Tove Ek"


def test_a_page_builders_widgets_are_the_article_a_sidebars_widget_is_not(
    tmp_path: Path,
) -> None:
    """Page builders wrap every block in "elementor-widget-…" classes; a sidebar's box is
    classed "widget" on its own."""
    body = (
        '<div class="widget widget_recent_entries"><h1>Recent posts from the harbour</h1></div>'
        '<div class="elementor-widget elementor-widget-heading"><div '
        'class="elementor-widget-container"><h1>Swing bridge to close for repairs</h1></div></div>'
        '<div class="elementor-widget-container">' + BODY + "</div>"
    )
    assert read(tmp_path, page("", body)).title == "Swing bridge to close for repairs"


def test_a_two_word_headline_the_data_and_the_title_bar_both_name(tmp_path: Path) -> None:
    head = (
        "<title>Harbour blues - Eldham Weekly 12/2031</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Harbour blues"}</script>'
    )
    body = (
        '<ul class="crumbs"><li><a href="/">Eldham Weekly</a></li><li>Harbour blues</li></ul>'
        "<p>Eldham Weekly 12/2031</p>" + BODY
    )
    assert read(tmp_path, page(head, body)).title == "Harbour blues"


def test_a_one_word_headline_that_opens_the_title_bar(tmp_path: Path) -> None:
    head = "<title>Harbourside - City of Eldham</title>"
    body = "<h1>Harbourside</h1>" + BODY + "<h1>More on this topic</h1><p>Parking.</p>"
    assert read(tmp_path, page(head, body)).title == "Harbourside"


def test_a_date_run_into_the_headline_line_is_not_part_of_the_title(tmp_path: Path) -> None:
    head = (
        '<meta property="og:title" content="Swing bridge to close for six months">'
        "<title>Eldham Harbour Blog</title>"
    )
    body = "<div><p>Mar 17 Swing bridge to close for six months</p>" + BODY + "</div>"
    assert read(tmp_path, page(head, body)).title == "Swing bridge to close for six months"


def test_the_piece_of_the_title_bar_beside_the_sites_name(tmp_path: Path) -> None:
    head = "<title>Historic Market › Eldham Harbour Society</title>"
    body = (
        '<header><h1><a href="/">Eldham Harbour Society</a></h1></header>'
        '<p><a href="/events">« Back to all events</a></p><h2>Historic Market</h2>' + BODY
    )
    assert read(tmp_path, page(head, body)).title == "Historic Market"


def test_of_two_h1s_the_one_holding_the_title_bars_headline(tmp_path: Path) -> None:
    """The first h1 is the ministry's name; the second holds the headline with a kicker."""
    head = "<title>MinHarb | Fairer harbour fees for ferries</title>"
    body = (
        "<h1>Ministry of Harbours and Ferries</h1>"
        "<h1><span>Topic Ferries</span> More fairer harbour fees for ferries</h1>" + BODY
    )
    title = read(tmp_path, page(head, body)).title
    assert title == "Topic Ferries More fairer harbour fees for ferries"


def test_comments_related_lists_menus_and_footers_never_reach_the_text(tmp_path: Path) -> None:
    body = (
        '<div id="cookie-consent">We use cookies to improve this site. <button>OK</button></div>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/a">Alpha</a></li>'
        '<li><a href="/b">Beta</a></li></ul></nav>'
        "<article><h1>Bridge to close for repairs</h1>"
        + BODY
        + '<div class="share-bar"><a>Facebook</a> <a>Email</a></div></article>'
        '<section class="related"><h2>Related</h2><ul><li><a href="/x">Tram fares rise</a></li>'
        '<li><a href="/y">Pier reopens</a></li><li><a href="/z">Mayor quits</a></li></ul></section>'
        '<div class="comments"><p>&ldquo;Typical,&rdquo; wrote a reader called Sam.</p></div>'
        "<footer><p>&copy; 2031 Harbour Bulletin</p><script>var x = '<p>hidden</p>';</script>"
        "</footer>"
    )
    text = read(tmp_path, page("<title>Bridge | HB</title>", body)).text
    for chrome in ("cookies", "Home", "Alpha", "Facebook", "Tram fares", "Typical", "©", "hidden"):
        assert chrome not in text, chrome
    assert "“It is the first full repair since 1974,” said the board’s engineer" in text
    assert not re.search(r"<[a-z/]|&[a-z]+;", text)


def test_an_old_table_layout_is_read_through_its_visible_lines(tmp_path: Path) -> None:
    html = (
        "<HTML><HEAD><TITLE>Valley Courier :: Town :: Bridge to close</TITLE></HEAD><BODY>"
        '<TABLE><TR><TD><A HREF="/"><IMG SRC="/m.gif" ALT="VALLEY COURIER - since 1890"></A>'
        "</TD></TR><TR><TD><FONT SIZE=2><B>TOWN</B></FONT><BR>"
        "<FONT SIZE=1>Wednesday, 2 April 2031</FONT><BR>"
        "<FONT SIZE=5><B>Bridge to close for six months of repairs</B></FONT><BR>"
        "<FONT><I>The motor that has turned it since 1974 is being replaced</I></FONT><P>"
        "<FONT SIZE=2><B>By Ola Brandt</B><BR>Transport Correspondent</FONT><P><FONT>"
        "<P>The old swing bridge will close for six months from June while its motor is "
        "replaced, the harbour board said on Monday.<P>Ferries will run every twenty minutes "
        "while the bridge is shut, the board said.</FONT></TD></TR>"
        "<TR><TD>&copy; 2031 Valley Courier</TD></TR></TABLE></BODY></HTML>"
    )
    a = read(tmp_path, html)
    assert (a.title, a.date, a.author, a.source, a.section) == (
        "Bridge to close for six months of repairs",
        "2031-04-02",
        "Ola Brandt",
        "Valley Courier",
        "Town",
    )
    assert a.subtitle == "The motor that has turned it since 1974 is being replaced"
    body = [a.text[s:e] for s, e in a.paragraphs]
    assert (
        body[-1]
        == "Ferries will run every twenty minutes while the bridge is shut, the board said."
    )
    assert "Transport Correspondent" not in body and "By Ola Brandt" not in body


def test_spans_point_into_the_pages_text(tmp_path: Path) -> None:
    a = read(tmp_path, page("<title>Bridge</title>", "<h1>Bridge to close for repairs</h1>" + BODY))
    assert a.text[a.title_span[0] : a.title_span[1]] == a.title
    for s, e in a.paragraphs:
        assert 0 <= s < e <= len(a.text) and a.text[s:e].strip() == a.text[s:e]


def test_a_page_without_any_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="web page"):
        read(tmp_path, page("<title></title>", "<script>var a = 1;</script>"))


# ── what kind of file ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.html", b"<p>hi</p>", "html"),
        ("a.HTM", b"hello", "html"),
        ("saved", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("a.txt", b"\n  <html lang='en'><head><title>x</title></head></html>", "html"),
        ("a.xhtml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', "html"),
        ("a.xml", b'<?xml version="1.0"?>\n<!DOCTYPE html><html></html>', "html"),
        ("a.md", b"# Title\n\ntext", "markdown"),
        ("a.txt", b"Plain text about <b> tags in prose.", "text"),
        ("notes", b"Just text", "text"),
        ("a.txt", b"[1, 2] is a list, she said.", "text"),
    ],
)
def test_kinds(name: str, data: bytes, kind: str) -> None:
    assert kind_of(name, data) == kind


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.csv", b"a,b\n1,2\n", "CSV"),
        ("a.json", b'{"a": 1}', "JSON"),
        ("a.txt", b'{"a": [1, 2]}', "JSON"),
        ("a.png", b"\x89PNG\r\n\x1a\n....", "PNG"),
        ("a.txt", b"%PDF-1.7\n...", "PDF"),
        ("a.rss", b"<rss><channel/></rss>", "XML"),
        ("a.docx", b"not really", "document"),
    ],
)
def test_not_articles(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile, match=reason):
        kind_of(name, data)


def test_a_meta_author_naming_the_outlet_is_no_author(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><title>Pool to close for a year</title><meta name="author" '
        'content="Eldham Courier"><meta property="og:site_name" content="Eldham Courier">'
        "</head><body><h1>Pool to close for a year after cracks found</h1><p>Story by "
        "<strong>Jon Tarrow</strong> · Tue 3 Mar 2026 09.15 GMT</p><p>The council voted on "
        "Tuesday to close the Eldham pool for a year of repairs after an inspection found cracks "
        "in the main tank and in the filters.</p></body></html>",
        encoding="utf-8",
    )
    a = read_article(page, tmp_path)
    assert (a.author, a.source) == ("Jon Tarrow", "Eldham Courier")


def test_a_menus_home_link_and_a_section_in_the_title_bar_are_no_source(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Eldham Weekly Advertiser - Local News</title></head><body><table>"
        '<tr><td><a href="/">Home</a><br><a href="/news.html">News</a></td><td><b>Pool to close '
        "for a year after cracks found</b><br>By JON TARROW<br><p>The council voted on Tuesday "
        "to close the Eldham pool for a year of repairs after an inspection found cracks in the "
        "main tank and in the filters.</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert read_article(page, tmp_path).source == "Eldham Weekly Advertiser"


def test_a_stated_site_name_the_title_bar_does_not_bear_out_gives_way_to_the_publisher(
    tmp_path: Path,
) -> None:
    """og:site_name names a section; the data's publisher is what the title bar ends with."""
    head = (
        "<title>Swing bridge to close for six months - Harbour Wire</title>"
        '<meta property="og:site_name" content="U.K.">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"publisher": {"@type": "Organization", "name": "Harbour Wire"}}</script>'
    )
    body = "<h1>Swing bridge to close for six months</h1>" + BODY
    assert read(tmp_path, page(head, body)).source == "Harbour Wire"


@pytest.mark.parametrize(
    "home", ["Startseite", "Accueil", "Zur HW-Startseite", "Logo", "Deutsch (DE)"]
)
def test_a_link_home_named_for_what_it_is_names_no_outlet(tmp_path: Path, home: str) -> None:
    head = "<title>Swing bridge to close for six months | Harbour Wire</title>"
    body = f'<header><a href="/">{home}</a></header><h1>Swing bridge to close for six months</h1>'
    assert read(tmp_path, page(head, body + BODY)).source == "Harbour Wire"


def test_the_headline_in_the_title_bar_is_never_the_outlet(tmp_path: Path) -> None:
    """The site's name comes first in this title bar, the headline last."""
    head = "<title>Harbour Tech Notes | Managing Ferry Timetables</title>"
    body = "<h1>Managing Ferry Timetables</h1>" + BODY
    assert read(tmp_path, page(head, body)).source == "Harbour Tech Notes"


def test_a_masthead_the_title_bar_repeats_beats_the_title_bars_own_wording(
    tmp_path: Path,
) -> None:
    """The title bar's piece is not the outlet's name alone; the masthead it contains is."""
    head = "<title>Swing bridge to close - The Harbour Sentinel (print edition)</title>"
    body = (
        '<div class="masthead">The Harbour Sentinel</div>'
        "<h1>Swing bridge to close for six months</h1>" + BODY
    )
    assert read(tmp_path, page(head, body)).source == "The Harbour Sentinel"


def test_a_link_to_another_sites_front_page_names_no_outlet(tmp_path: Path) -> None:
    """The page states its address; a header link to another host's root is no home link."""
    head = (
        '<link rel="canonical" href="https://www.harbourwire.example/2031/bridge">'
        "<title>Swing bridge to close for six months</title>"
    )
    body = (
        '<header><a href="https://status.ferrynet.example/">Ferry Status</a>'
        '<a href="https://harbourwire.example/">Harbour Wire</a></header>'
        "<h1>Swing bridge to close for six months</h1>" + BODY
    )
    assert read(tmp_path, page(head, body)).source == "Harbour Wire"


def test_the_next_stories_run_in_full_under_related_links_are_not_the_article(
    tmp_path: Path,
) -> None:
    """The page runs two more stories after "Related Topics"; the container holding them all
    is several times the story, which is no sign that the story was cut short."""
    story = "".join(
        f"<p>Paragraph {i} of the bridge story tells how the harbour board plans the long "
        f"repair of the old swing bridge and its motor, step by step.</p>"
        for i in range(8)
    )
    other = "".join(
        f"<p>Paragraph {i} of another story tells how the ferry company is buying two new "
        f"boats for the winter timetable and where they will be built.</p>"
        for i in range(30)
    )
    body = (
        '<div class="wrap"><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
        "<h1>Swing bridge to close for six months</h1><p>By Ola Brandt</p>" + story + "</article>"
        "<div>Related Topics: Harbour, Bridges</div><article><h2>Two new ferries ordered</h2>"
        "<p>By Mina Lo</p>" + other + "</article></div>"
    )
    a = read(tmp_path, page("<title>Swing bridge to close for six months</title>", body))
    assert "Paragraph 7 of the bridge story" in a.text
    assert "another story" not in a.text


@pytest.mark.parametrize("label", ["Print", "See All Articles", "Business", "Curator:"])
def test_a_byline_box_holding_a_button_or_a_section_names_no_author(
    tmp_path: Path, label: str
) -> None:
    body = (
        f'<article><h1>Swing bridge to close for six months</h1><div class="author">{label}'
        "</div>" + BODY + "</article>"
    )
    a = read(tmp_path, page('<meta name="author" content="Ola Brandt">', body))
    assert a.author == "Ola Brandt"


@pytest.mark.parametrize(
    ("byline", "author"),
    [("Ola Brandt @olabrandt", "Ola Brandt"), ("Lena deCasparis", "Lena deCasparis")],
)
def test_a_byline_box_name_with_a_handle_or_a_lower_case_particle(
    tmp_path: Path, byline: str, author: str
) -> None:
    body = (
        f'<article><h1>Swing bridge to close for six months</h1><span class="author">{byline}'
        "</span>" + BODY + "</article>"
    )
    assert read(tmp_path, page("", body)).author == author


def test_an_h1_the_data_states_beats_a_label_the_title_bar_opens_with(tmp_path: Path) -> None:
    head = (
        "<title>HARBOUR MARKET INSIGHTS: March 2 - Harbour Wire</title>"
        '<meta property="og:title" content="Swing bridge to close for six months">'
    )
    body = "<p>HARBOUR MARKET INSIGHTS</p><h1>Swing bridge to close for six months</h1>" + BODY
    assert read(tmp_path, page(head, body)).title == "Swing bridge to close for six months"


def test_a_heading_that_shares_no_word_with_the_stated_headline_is_another(
    tmp_path: Path,
) -> None:
    """No h1; the data states the whole title bar; the page's first heading is a menu's."""
    bar = "Swing bridge to close for six months | Harbour Wire"
    head = f'<title>{bar}</title><meta property="og:title" content="{bar}">'
    body = "<div><h2>More Ways to Connect</h2>" + BODY + "</div>"
    assert read(tmp_path, page(head, body)).title == "Swing bridge to close for six months"


def test_a_dateline_printed_on_its_own_line_before_the_paragraph_repeating_it(
    tmp_path: Path,
) -> None:
    body = (
        "<article><h1>Swing bridge to close for six months</h1>"
        "<p>HARBOURTON</p><p>• Tweet</p><p>• Share this</p>"
        "<p>HARBOURTON (Harbour Wire) - The old swing bridge will close for six months from "
        "June while its motor is replaced, the harbour board said on Monday.</p>"
        + BODY
        + "</article>"
    )
    a = read(tmp_path, page("", body))
    assert a.text.count("HARBOURTON") == 1
    assert "HARBOURTON (Harbour Wire) - The old swing bridge" in a.text


# ── what a page must not bring along ─────────────────────────────────────────────────────


def test_a_link_that_goes_nowhere_in_the_headline_is_a_control_not_words(tmp_path: Path) -> None:
    a = read(
        tmp_path,
        page(
            "<title>Bridge to close for repairs</title>",
            '<article><h1>Bridge to close for repairs <a href="#" title="Add to ...">'
            "Add to ...</a></h1>" + BODY + "</article>",
        ),
    )
    assert a.title == "Bridge to close for repairs"
    assert "Add to" not in a.text
    # a headline that is nothing but such a link is still the headline
    b = read(
        tmp_path, page("", f'<article><h1><a href="#">Bridge to close</a></h1>{BODY}</article>')
    )
    assert b.title == "Bridge to close"


def test_warnings_of_the_libraries_reading_a_page_do_not_reach_the_terminal(
    tmp_path: Path,
) -> None:
    html = page(
        '<meta name="last-modified" content="2031-03-03 08:57:25 EST">',
        "<article><h1>Bridge to close</h1>" + BODY + "</article>",
    )
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        read(tmp_path, html)
    assert [str(w.message) for w in seen] == []


def test_a_year_alone_is_no_publication_day(tmp_path: Path) -> None:
    # trafilatura's last guess from "© 2019" alone is 1 January 2019: no day is stated
    footer = "<footer><p>© 2019 Harbour Bulletin</p></footer>"
    a = read(tmp_path, page("", f"<article><h1>Bridge to close</h1>{BODY}</article>{footer}"))
    assert a.date is None
    stated = "<p>Harbour Bulletin, January 1, 2019</p>"
    b = read(
        tmp_path, page("", f"<article><h1>Bridge to close</h1>{stated}{BODY}</article>{footer}")
    )
    assert b.date == "2019-01-01"


def test_an_author_element_holding_a_script_or_a_photo_credit_names_no_author(
    tmp_path: Path,
) -> None:
    script = (
        '<div class="ad_pg_author_sec"><script>googletag.cmd.push(function() '
        "{ googletag.display('ad_top'); });</script></div>"
    )
    credit = (
        '<div class="field-name-field-authors"><h3>Photo by:</h3>'
        "<div>The Associated Press</div></div>"
    )
    for extra in (script, credit):
        a = read(tmp_path, page("", f"<article><h1>Bridge to close</h1>{extra}{BODY}</article>"))
        assert a.author is None, extra


def test_an_h1_sharing_no_word_with_the_headline_the_data_and_title_bar_agree_on(
    tmp_path: Path,
) -> None:
    head = (
        "<title>Old swing bridge to close for six months - Harbour Bulletin</title>"
        '<meta property="og:title" content="Old swing bridge to close for six months">'
    )
    body = (
        '<div class="search"><h1>No matches for your search</h1></div>'
        "<div><h2>Old swing bridge to close for six months</h2>" + BODY + "</div>"
    )
    assert read(tmp_path, page(head, body)).title == "Old swing bridge to close for six months"
    # an h1 that shares words with it is the headline as printed
    body = "<div><h1>Swing bridge to close</h1>" + BODY + "</div>"
    assert read(tmp_path, page(head, body)).title == "Swing bridge to close"


def test_a_headline_in_a_script_written_without_spaces_is_long_enough(tmp_path: Path) -> None:
    headline = "港口旧平转桥将关闭六个月"
    head = f"<title>{headline} - 港口新闻 - 本地</title>"
    body = (
        "<div><p>Facebook | Twitter | 微博 | 豆瓣 | 打印</p>"
        f"<p><b>{headline}</b></p>"
        "<p>港口管理局周一表示，旧平转桥将从六月起关闭六个月，以更换其电动机。"
        "这是自一九七四年以来的第一次全面维修。</p>"
        "<p>桥梁关闭期间，渡轮将每二十分钟开行一班，方便居民往返两岸。</p></div>"
    )
    assert read(tmp_path, page(head, body)).title == headline


def test_a_framework_s_json_data_still_dates_the_page(tmp_path: Path) -> None:
    data = (
        '<script id="__NEXT_DATA__" type="application/json">{"props": {"article": '
        '{"headline": "Bridge to close", "publishedAt": "2019-11-02T21:48:00.000Z"}}}</script>'
    )
    a = read(tmp_path, page("", f"<div><h1>Bridge to close</h1>{BODY}</div>{data}"))
    assert a.date == "2019-11-02"


def trafilatura_gives(monkeypatch: pytest.MonkeyPatch, **fields: str) -> None:
    """Make trafilatura's reading of every page carry ``fields``, as it did on a real page."""
    from newsbrowse.index.reading import page as page_module

    real = page_module._trafilatura

    def patched(tree):
        found = real(tree)
        for name, value in fields.items():
            setattr(found, name, value)
        return found

    monkeypatch.setattr(page_module, "_trafilatura", patched)


def test_the_headline_is_never_the_outlet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura named a real page's site by its headline (the title bar's first piece)
    # when no rule of ours read the site's name from the page
    trafilatura_gives(monkeypatch, sitename="Old bridge to close for six months")
    head = "<title>Old bridge to close for six months</title>"
    body = "<div><h1>Old bridge to close for six months</h1>" + BODY + "</div>"
    a = read(tmp_path, page(head, body))
    assert a.title == "Old bridge to close for six months"
    assert a.source is None


def test_the_outlet_is_never_the_author(tmp_path: Path) -> None:
    site = '<meta property="og:site_name" content="Harbour Bulletin">'
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Bridge to close", "author": {"@type": "Organization", "name": "Harbour Bulletin"}}'
        "</script>"
    )
    story = f"<article><h1>Bridge to close</h1>{BODY}</article>"
    assert read(tmp_path, page(site + ld, story)).author is None
    byline = "<article><h1>Bridge to close</h1><p>By Mira Olsen</p>" + BODY + "</article>"
    assert read(tmp_path, page(site + ld, byline)).author == "Mira Olsen"
    # its initials name it too, and so does its web address
    short = '<meta property="og:site_name" content="HB.com">'
    meta = '<meta name="author" content="Harbour Bulletin">'
    assert read(tmp_path, page(short + meta, story)).author is None
    assert (
        read(
            tmp_path, page(site + '<meta name="author" content="harbourbulletin.com">', story)
        ).author
        is None
    )


def test_the_day_the_page_shows_outvotes_a_lone_data_date(tmp_path: Path) -> None:
    head = (
        '<meta name="datePublished" content="2019-01-02T16:00:31Z">'
        '<meta name="dc.date" content="2018-12-16">'
    )
    shown = '<time datetime="2018-12-16T11:45-05:00" pubdate>Published December 16, 2018</time>'
    story = f"<article><h1>Bridge to close</h1>{shown}{BODY}</article>"
    assert read(tmp_path, page(head, story)).date == "2018-12-16"
    # one statement against one: the data's first date stands
    alone = '<meta name="datePublished" content="2019-01-02T16:00:31Z">'
    assert read(tmp_path, page(alone, story)).date == "2019-01-02"


def test_a_time_early_in_utc_is_the_day_the_page_shows_before_it(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2018-12-19T04:38:49+00:00">'
    story = "<article><h1>Bridge to close</h1><p>December 18, 2018</p>" + BODY + "</article>"
    assert read(tmp_path, page(head, story)).date == "2018-12-18"
    # later in the day in UTC, the same evening cannot be the day before
    late = '<meta property="article:published_time" content="2018-12-19T14:38:49+00:00">'
    assert read(tmp_path, page(late, story)).date == "2018-12-19"


def test_a_kicker_a_standfirst_or_screen_reader_words_in_the_h1_are_not_the_headline(
    tmp_path: Path,
) -> None:
    for h1 in (
        '<span class="heading__kicker">Bridges</span><span class="visually-hidden">: </span>'
        '<span class="heading__title">Old bridge to close for six months</span>',
        '<span class="headline">Old bridge to close for six months</span>'
        '<span class="caption">A repair fifty years late</span>',
        '<span class="category"><span class="sr-only">Topic </span>Bridges</span>'
        "Old bridge to close for six months",
    ):
        a = read(tmp_path, page("", f"<article><h1>{h1}</h1>{BODY}</article>"))
        assert a.title == "Old bridge to close for six months", h1


def test_the_breadcrumbs_last_step_naming_the_story_is_not_its_section(tmp_path: Path) -> None:
    crumbs = (
        '<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/city">City</a>'
        "</li><li>Bridges: Old bridge to close for six months</li></ol></nav>"
    )
    h1 = '<span class="kicker">Bridges</span> Old bridge to close for six months'
    a = read(tmp_path, page("", f"{crumbs}<article><h1>{h1}</h1>{BODY}</article>"))
    assert (a.title, a.section) == ("Old bridge to close for six months", "City")


def test_every_author_a_byline_box_or_the_data_lists(tmp_path: Path) -> None:
    story = "<article><h1>Bridge to close</h1>{}" + BODY + "</article>"
    boxes = '<span class="byline">Mira Olsen</span> <span class="byline">Tomas Berg</span>'
    meta = '<meta name="author" content="Mira Olsen, Tomas Berg">'
    assert read(tmp_path, page(meta, story.format(boxes))).author == "Mira Olsen and Tomas Berg"
    counted = '<p class="byline">By Mira Olsen and Tomas Berg 24 comments</p>'
    assert read(tmp_path, page("", story.format(counted))).author == "Mira Olsen and Tomas Berg"


def test_the_outlet_is_not_a_social_handle_nor_the_title_bars_motto(tmp_path: Path) -> None:
    story = f"<article><h1>Old bridge to close</h1>{BODY}</article>"
    handle = (
        '<meta property="og:site_name" content="Harbour_Live">'
        "<title>Old bridge to close | City | Harbour Bulletin</title>"
    )
    assert read(tmp_path, page(handle, story)).source == "Harbour Bulletin"
    motto = "<title>Old bridge to close | The Harbour Bulletin - Your Town's Finest Paper</title>"
    footer = "<footer><p>©2019 Harbour Bulletin Ltd. All rights reserved</p></footer>"
    assert read(tmp_path, page(motto, story + footer)).source == "The Harbour Bulletin"


def test_a_byline_box_named_with_an_underscore(tmp_path: Path) -> None:
    box = '<div class="by_line_date">by Mira Olsen, Staff Writer | March 2, 2019 07:38am ET</div>'
    head = f'<div class="title"><h1>Bridge to close</h1></div>{box}'
    photo = "<p>The bridge at dusk.</p><p>Credit: Harbour Archive</p><p>View full size image</p>"
    a = read(tmp_path, page("", f"<div>{head}</div><div>{photo}{BODY}</div>"))
    assert a.author == "Mira Olsen"


def test_the_byline_the_markup_marks_as_author_beats_a_teasers_above_it(tmp_path: Path) -> None:
    teaser = (
        '<ul class="skybox"><li><a href="/other"><h2>Ferry fares to rise</h2></a>'
        '<div class="byline">By <span class="author">Tomas Berg</span></div></li></ul>'
    )
    own = (
        '<span class="authors"><a href="/mira-olsen" class="author" itemprop="author" '
        'rel="author">Mira Olsen</a></span>'
    )
    a = read(tmp_path, page("", f"{teaser}<div><h1>Bridge to close</h1>{own}{BODY}</div>"))
    assert a.author == "Mira Olsen"


def test_a_headline_printed_with_another_dash_than_its_data_is_still_printed(
    tmp_path: Path,
) -> None:
    head = (
        "<title>» Harbour Notes – March 2019</title>"
        '<meta property="og:title" content="Harbour Notes - March 2019">'
    )
    body = (
        '<div class="nav"><a href="/prev">« Ferry fares: a history</a></div>'
        "<div><h3>Harbour Notes – March 2019</h3>" + BODY + "</div>"
    )
    assert read(tmp_path, page(head, body)).title == "Harbour Notes - March 2019"


def test_the_outlet_after_the_writers_name_in_a_byline_is_not_an_author(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # trafilatura's author, the last resort, as a real page gave it: the name, the outlet
    trafilatura_gives(monkeypatch, author="Mira Olsen, Harbour.com")
    site = '<meta property="og:site_name" content="Harbour.com">'
    a = read(tmp_path, page(site, f"<article><h1>Bridge to close</h1>{BODY}</article>"))
    assert a.author == "Mira Olsen"
