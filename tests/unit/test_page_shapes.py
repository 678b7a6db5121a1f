"""Saved web pages in templates the first sets lack: shapes of markup, not any site's names
(invented pages)."""

from __future__ import annotations

from pathlib import Path

from newsbrowse.index.reading import read_article

BODY = (
    "<p>The old swing bridge will close for six months from June while its motor is replaced, "
    "the harbour board said on Monday.</p>"
    "<p>&ldquo;It is the first full repair since 1974,&rdquo; said the board&rsquo;s engineer, "
    "Mina Castell.</p><p>Ferries will run every twenty minutes while the bridge is shut.</p>"
)
HEADLINE = "Swing bridge to close for six months"


def read(tmp_path: Path, head: str, body: str):
    path = tmp_path / "page.html"
    path.write_text(
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>',
        encoding="utf-8",
    )
    return read_article(path, tmp_path)


def test_entities_written_into_json_ld_are_decoded(tmp_path: Path) -> None:
    ld = (
        '<script type="application/ld+json">{"@type":"Article","headline":"Swing bridge to '
        'close for six months","publisher":{"@type":"Organization","name":"Quay &amp; Crane"}}'
        "</script>"
    )
    article = read(tmp_path, ld, f"<article><h1>{HEADLINE}</h1>{BODY}</article>")
    assert article.source == "Quay & Crane"


def test_a_heading_that_links_home_in_full_is_the_site_title_not_the_headline(
    tmp_path: Path,
) -> None:
    body = (
        '<div class="Header"><h1 class="title"><a href="https://quaynotes.example/">Quay Notes'
        '</a></h1><p class="description">Boats, bridges and the odd heron</p></div>'
        f'<div class="post"><h3 class="post-title">{HEADLINE}</h3>{BODY}</div>'
    )
    article = read(
        tmp_path, "<title>Quay Notes: Swing bridge to close for six months</title>", body
    )
    assert article.title == HEADLINE
    assert article.source == "Quay Notes"
    assert "Boats, bridges" not in article.text  # the site's motto is chrome


def test_an_outside_link_to_a_sites_front_page_names_no_site(tmp_path: Path) -> None:
    body = (
        f"<article><h1>{HEADLINE}</h1>{BODY}</article><footer><a href='https://cms.example/' "
        "target='_blank' rel='noopener'>Powered by a CMS</a></footer>"
    )
    assert read(tmp_path, "", body).source != "Powered by a CMS"


def test_a_stated_headline_printed_in_a_div_wins_over_the_byline_above_it(
    tmp_path: Path,
) -> None:
    ld = (
        '<script type="application/ld+json">'
        f'{{"@type":"NewsArticle","headline":"{HEADLINE}"}}</script>'
    )
    body = (
        '<div class="story"><div class="meta">Ana Quell 3 Nov 2026</div>'
        f'<div class="hdl">{HEADLINE}</div><div class="body">{BODY}</div></div>'
    )
    assert read(tmp_path, ld, body).title == HEADLINE


def test_a_bylines_label_block_and_a_time_beside_the_name_are_not_the_name(
    tmp_path: Path,
) -> None:
    labelled = (
        f'<article><h1>{HEADLINE}</h1><div class="field-author"><div class="label">Author</div>'
        f'<div class="item">Ana Quell</div></div>{BODY}</article>'
    )
    assert read(tmp_path, "", labelled).author == "Ana Quell"
    spans = (
        f'<article><h1>{HEADLINE}</h1><div class="Byline_root"><span class="Byline_name">Ana '
        f'Quell</span><span class="Byline_sep">·</span><span class="Byline_time">2h ago</span>'
        f"</div>{BODY}</article>"
    )
    assert read(tmp_path, "", spans).author == "Ana Quell"


def test_a_platforms_page_names_the_publication_it_prints_not_the_platform(
    tmp_path: Path,
) -> None:
    head = (
        '<meta property="og:site_name" content="Inkpad">'
        f"<title>{HEADLINE} | by Ana Quell | Harbour Notes | Inkpad</title>"
    )
    body = (
        f"<article><h1>{HEADLINE}</h1><div><a>Ana Quell</a></div><div><span>Published in</span> "
        f'<a href="/harbour-notes">Harbour Notes</a></div>{BODY}</article>'
    )
    assert read(tmp_path, head, body).source == "Harbour Notes"
    plain = f"<title>{HEADLINE} | Inkpad</title>" + head.split("<title>")[0]
    assert read(tmp_path, plain, body.replace("Harbour Notes", "harbour notes")).source == "Inkpad"


def test_a_site_builders_hooks_name_the_author(tmp_path: Path) -> None:
    body = (
        '<article data-hook="post"><div><span data-hook="user-name">Ana Quell</span>'
        f'<span data-hook="time-ago">Oct 4, 2026</span></div><h1>{HEADLINE}</h1>{BODY}</article>'
    )
    assert read(tmp_path, "", body).author == "Ana Quell"


def test_a_newsletter_archives_h1_is_its_name_when_the_title_names_the_h2(tmp_path: Path) -> None:
    body = (
        f"<table><tr><td><h1>The Eldham Dispatch</h1></td></tr><tr><td><h2>{HEADLINE}</h2>"
        f"<p><em>By Ana Quell · 5 October 2026</em></p>{BODY}</td></tr></table>"
    )
    article = read(tmp_path, f"<title>Issue 42: {HEADLINE}</title>", body)
    assert article.title == HEADLINE
