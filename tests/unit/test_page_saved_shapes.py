"""Shapes of saved pages met in a third set of real pages (gold-pl): markup and wording, not
any site's names (invented pages)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import lxml.html
from test_page_shapes import BODY, HEADLINE, read  # the same invented page

from newsbrowse.index.reading.metadata import byline_name
from newsbrowse.index.reading.page_dom import page_facts
from newsbrowse.index.reading.page_meta import date_of


def test_a_meta_tags_value_written_in_a_value_attribute_is_read(tmp_path: Path) -> None:
    head = (
        '<meta value="Quay Courier" name="og:site_name">'
        '<meta name="article:published_time" value="2019-03-14T09:00:00+01:00">'
    )
    article = read(tmp_path, head, f"<article><h1>{HEADLINE}</h1>{BODY}</article>")
    assert article.source == "Quay Courier"
    assert article.date == "2019-03-14"


def test_a_value_attribute_beside_content_meta_tags_is_a_templates_not_the_pages(
    tmp_path: Path,
) -> None:
    head = (
        '<meta content="Quay Courier" property="og:site_name">'
        "<meta name='author' value='Template Maker'/>"
    )
    body = f"<article><h1>{HEADLINE}</h1>{BODY}</article>"
    assert read(tmp_path, head, body).author != "Template Maker"


def test_a_bodys_classes_are_the_pages_settings_not_a_menu() -> None:
    """``<body class="stacked-navigation">`` does not make the whole page a menu."""
    page = (
        '<html><head><title>Quay Courier</title></head><body class="stackednavigation-site-'
        f'navigation large-logo-nav"><main><article><header><h1>{HEADLINE}</h1>'
        '<p class="byline">By <a href="/people/ida-marlow">Ida Marlow</a></p>'
        f'<time datetime="2021-05-06T10:00:00Z">May 6, 2021</time></header>{BODY}</article>'
        "</main></body></html>"
    )
    facts = page_facts(lxml.html.fromstring(page))
    assert facts.h1 == [(HEADLINE, True)]
    assert [text for text, _ in facts.bylines] == ["By Ida Marlow"]
    assert [t.datetime for t in facts.times] == ["2021-05-06T10:00:00Z"]


def test_a_lede_block_wrapping_the_headline_is_no_standfirst() -> None:
    """``<div class="ArticleLedeBackground">`` holds the h1 and the byline: read inside it."""
    page = (
        '<html><body><main><article><div class="ArticlePageLedeBackground-x1"><header>'
        f'<h1>{HEADLINE}</h1><p class="byline">By Ida Marlow</p></header></div>{BODY}'
        "</article></main></body></html>"
    )
    facts = page_facts(lxml.html.fromstring(page))
    assert facts.h1 == [(HEADLINE, True)]
    assert facts.standfirsts == []


def test_an_overlays_h1_naming_the_site_is_not_the_headline(tmp_path: Path) -> None:
    head = (
        "<title>Bridge closure set for June | Quay Harbour Review</title>"
        '<meta property="og:title" content="Bridge closure set for June">'
    )
    body = (
        f"<main><article><header><h1>{HEADLINE}</h1></header>{BODY}</article></main>"
        '<div class="welcome-overlay"><h1>Introducing Quay Harbour Review Plus.</h1></div>'
    )
    assert read(tmp_path, head, body).title == HEADLINE


def test_japanese_byline_labels_are_not_the_name(tmp_path: Path) -> None:
    body = (
        f'<article><h1>{HEADLINE}</h1><p class="post-author">投稿者 '
        f'<a href="/author/ida">Ida Marlow</a></p>{BODY}</article>'
    )
    assert read(tmp_path, "", body).author == "Ida Marlow"


def test_a_japanese_name_after_an_author_label_and_before_its_desk() -> None:
    assert byline_name("著者：三浦ミナ") == "三浦ミナ"
    assert byline_name("文● 三浦／Eldham編集部") == "三浦"
    assert byline_name("作者： Ida Marlow 翻訳者 三浦ミナ") == "Ida Marlow"
    assert byline_name("投稿者") is None


def _source(tmp_path: Path, site_name: str, title_bar: str) -> str | None:
    head = f'<title>{title_bar}</title><meta property="og:site_name" content="{site_name}">'
    return read(tmp_path, head, f"<article><h1>{HEADLINE}</h1>{BODY}</article>").source


def test_a_stated_site_names_tagline_and_reading_are_not_its_name(tmp_path: Path) -> None:
    tagline = "Quay Labs — Design, Strategy and Engineering"
    assert _source(tmp_path, tagline, f"{HEADLINE} — {tagline}") == "Quay Labs"
    reading = "ハーバー！（はーばー！）"
    assert _source(tmp_path, reading, f"{HEADLINE} | {reading}") == "ハーバー！"


def test_a_site_name_stated_as_an_address_or_run_together_is_read_in_words(
    tmp_path: Path,
) -> None:
    assert _source(tmp_path, "QuayCourier.com", f"{HEADLINE} - Quay Courier") == "Quay Courier"
    assert _source(tmp_path, "quaycourier", f"{HEADLINE} | Quay Courier") == "Quay Courier"
    assert _source(tmp_path, "Quay", f"{HEADLINE} | Quay.com") == "Quay"
    assert _source(tmp_path, "QTN", f"{HEADLINE} | QTN Politics") == "QTN"
    assert _source(tmp_path, "QTN", f"{HEADLINE} | QTN News") == "QTN News"


def _author(tmp_path: Path, byline: str, head: str = "") -> str | None:
    body = f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"
    return read(tmp_path, head, body).author


def test_a_line_break_in_a_bylines_source_is_a_space() -> None:
    byline = '<span class="byline"><a href="/people/ida-marlow">Ida\n      Marlow</a></span>'
    page = f"<html><body><article><h1>{HEADLINE}</h1>{byline}{BODY}</article></body></html>"
    facts = page_facts(lxml.html.fromstring(page))
    assert [text for text, _ in facts.bylines] == ["Ida Marlow"]


def test_by_run_into_the_name_and_a_trailing_bullet_are_not_the_name(tmp_path: Path) -> None:
    assert _author(tmp_path, '<p class="byline">By<a href="/p/im">Ida Marlow</a></p>') == (
        "Ida Marlow"
    )
    assert _author(tmp_path, '<p class="byline">Ida Marlow •</p>') == "Ida Marlow"


def test_a_byline_the_author_meta_names_is_the_author_as_printed(tmp_path: Path) -> None:
    head = '<meta name="author" content="ida marlow">'
    assert _author(tmp_path, '<div class="byline">By Ida marlow</div>', head) == "Ida marlow"


def test_a_sections_h1_before_the_h1_the_data_names_is_not_the_headline(tmp_path: Path) -> None:
    head = (
        "<title>Harbour works: what you need to know | Quay Courier</title>"
        f'<meta property="og:title" content="{HEADLINE}">'
    )
    body = f"<article><h1>Harbour Monday</h1><h1>{HEADLINE}</h1>{BODY}</article>"
    assert read(tmp_path, head, body).title == HEADLINE


def test_outlets_run_twice_a_year_alone_and_one_in_kana(tmp_path: Path) -> None:
    assert _source(tmp_path, "Quay", f"{HEADLINE} - QuayQuay") == "Quay"
    body = f"<article><h1>{HEADLINE}</h1>{BODY}</article><footer><p>© 2022</p></footer>"
    assert read(tmp_path, f"<title>{HEADLINE}</title>", body).source != "2022"
    head = f"<title>{HEADLINE} | ハーバー通信</title>"
    assert read(tmp_path, head, f"<article><h1>{HEADLINE}</h1>{BODY}</article>").source == (
        "ハーバー通信"
    )


def test_a_site_name_run_on_to_the_title_bar_is_not_the_headlines(tmp_path: Path) -> None:
    body = f"<article><h2>港の橋、六月に閉鎖</h2>{BODY}</article>"
    site = '<meta property="og:site_name" content="ハーバー日誌">'
    for bar in ("港の橋、六月に閉鎖:ハーバー日誌", "港の橋、六月に閉鎖_交通_ハーバー日誌"):
        assert read(tmp_path, f"<title>{bar}</title>{site}", body).title == "港の橋、六月に閉鎖"


def test_a_curly_apostrophe_does_not_part_the_h1_from_the_datas_headline(
    tmp_path: Path,
) -> None:
    head = (
        "<title>Quay Style Statement Shirts</title>"
        '<meta property="og:title" content="This Year, Let\'s Get Behind The Slogan Tee">'
    )
    body = (
        "<article><h1>This Year, Let’s Get Behind The Slogan Tee</h1>"
        f'<div class="byline">Quay Style Statement Shirts</div>{BODY}</article>'
    )
    assert read(tmp_path, head, body).title == "This Year, Let’s Get Behind The Slogan Tee"


def test_a_dash_before_the_bylines_time_is_not_the_name(tmp_path: Path) -> None:
    byline = (
        '<p class="byline"><a href="/p/im">Ida Marlow</a> - '
        '<time datetime="2021-05-06">May 6, 2021</time></p>'
    )
    assert _author(tmp_path, byline) == "Ida Marlow"


def test_a_section_word_stated_as_the_site_name_gives_way_to_the_logos_name(
    tmp_path: Path,
) -> None:
    head = f'<title>{HEADLINE}</title><meta property="og:site_name" content="Magazine">'
    body = (
        '<header><a href="/"><img src="/logo.svg" alt="Quay Geographic Logo - Home"></a></header>'
        f"<article><h1>{HEADLINE}</h1>{BODY}</article>"
        "<footer><p>Copyright © 2015 Quay Geographic Society</p></footer>"
    )
    assert read(tmp_path, head, body).source == "Quay Geographic"


def test_a_container_with_a_sidebar_beside_it_is_no_sidebar() -> None:
    page = (
        '<html><body><main><div class="detailBodyContainer withSidebar"><article>'
        f'<h1>{HEADLINE}</h1><div class="byline"><span class="authorText"><a href="/p/im">'
        f"Ida Marlow</a></span></div>{BODY}</article></div></main></body></html>"
    )
    facts = page_facts(lxml.html.fromstring(page))
    assert facts.h1 == [(HEADLINE, True)]
    assert [text for text, _ in facts.bylines] == ["Ida Marlow"]


def test_a_byline_read_by_the_rules_is_not_taken_whole_for_the_meta_naming_it_whole(
    tmp_path: Path,
) -> None:
    head = '<meta property="author" content="Ida Marlow, The Quay Aviationist">'
    byline = (
        '<ul><li class="publication-author ks-author-byline">'
        '<a href="/author/ida-marlow">Ida Marlow</a>, '
        '<a href="https://quayaviation.example/">The Quay Aviationist</a></li></ul>'
    )
    assert _author(tmp_path, byline, head) == "Ida Marlow"


def test_a_masthead_section_label_inside_the_outlets_name_is_not_the_outlet(
    tmp_path: Path,
) -> None:
    """A masthead's section link ("Harbour", the city desk) is a word of the title bar's
    outlet ("The Harbour Times"), not a piece of the bar of its own: the outlet is the bar's."""
    head = f"<title>{HEADLINE} - The Harbour Times</title>"
    body = (
        '<header><div id="masthead-section-label"><a href="/section/city">Harbour</a></div>'
        f"</header><article><h1>{HEADLINE}</h1>{BODY}</article>"
    )
    assert read(tmp_path, head, body).source == "The Harbour Times"


def test_a_day_guessed_from_the_address_is_not_a_second_vote_against_the_data() -> None:
    """The address names the next morning's paper (``/2019/03/15/``): shown on the page and
    guessed again by trafilatura from it, it is one vote against the data's day, not two."""
    page = (
        "<html><head>"
        '<meta value="https://quaycourier.example/2019/03/15/bridge-close.html" name="og:url">'
        '<meta value="2019-03-14T15:46:01.000Z" name="article:published_time">'
        f"</head><body><h1>{HEADLINE}</h1>{BODY}</body></html>"
    )
    facts = page_facts(lxml.html.fromstring(page))
    shown = SimpleNamespace(date="2019-03-15")  # the text reader, from the address line
    guessed = SimpleNamespace(date="2019-03-15", url=None)  # trafilatura, from the address
    assert date_of(facts, shown, guessed, page) == "2019-03-14"  # type: ignore[arg-type]
    other = SimpleNamespace(date="2019-03-15", url=None)
    moved = page.replace("/2019/03/15/", "/news/")  # the page says the 15th twice elsewhere
    assert date_of(page_facts(lxml.html.fromstring(moved)), shown, other, moved) == "2019-03-15"  # type: ignore[arg-type]
