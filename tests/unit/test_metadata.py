"""Dates, bylines, sources and headline shape."""

from __future__ import annotations

import pytest

from newsbrowse.index.reading.metadata import (
    DateFound,
    byline_name,
    clean_name,
    looks_like_title,
    parse_date,
    parse_meta_line,
    pick_date,
    reported_source,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("date 2026-02-23", "2026-02-23"),
        ("March 1, 2025", "2025-03-01"),
        ("2025.08.22", "2025-08-22"),
        ("2025-08-23", "2025-08-23"),
        ("4 March 2026", "2026-03-04"),
        ("2026-03-04, 14:22", "2026-03-04"),
        ("Mar. 1, 2025", "2025-03-01"),
        ("01.03.2025", "2025-03-01"),
        ("Sept. 9, 2024", "2024-09-09"),
        ("1st of December 2024", "2024-12-01"),
        ("Monday, March 3, 2025", "2025-03-03"),
        ("Published: 4 March 2026, 14:22", "2026-03-04"),
        ("Updated on March 5, 2026", "2026-03-05"),
        ("2026-03-04T14:22:00+02:00", "2026-03-04"),
        ("23 серпня 2025 року", "2025-08-23"),
        ("23 августа 2025 г.", "2025-08-23"),
        ("03/25/2025", "2025-03-25"),  # only month-first makes sense
    ],
)
def test_parse_date_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text", ["2025-02-30", "31.04.2025", "13.13.2025", "March 41, 2025", "Kallas said", "0812.2025"]
)
def test_impossible_or_absent_dates(text: str) -> None:
    assert parse_date(text) is None


def meta(line: str, header: bool = True):
    found = parse_meta_line(line, header=header)
    assert found is not None, line
    return found


def test_author_label() -> None:
    m = meta("Author: Daryna Vialko")
    assert m.author == "Daryna Vialko" and m.parts == [(0, 21, "byline")]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("by Jean-Luc van der Berg", "Jean-Luc van der Berg"),
        ("By John Smith and Anna Kowalska", "John Smith and Anna Kowalska"),
        ("By Theresa May", "Theresa May"),
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("Written by Mary O’Brien", "Mary O’Brien"),
        ("Автор: Дарина Вялко", "Дарина Вялко"),
    ],
)
def test_by_bylines(line: str, author: str) -> None:
    assert meta(line).author == author


def test_name_pipe_outlet_byline() -> None:
    m = meta("Daryna Vialko | RBC-Ukraine")
    assert (m.author, m.outlet, m.source) == ("Daryna Vialko", "RBC-Ukraine", None)


def test_bare_name_pipe_outlet_only_in_the_header() -> None:
    assert parse_meta_line("Daryna Vialko | RBC-Ukraine", header=False) is None


def test_byline_with_outlet_and_dates() -> None:
    m = meta("By Jane Doe | Reuters | Published March 1, 2025 | Updated March 2, 2025")
    assert (m.author, m.outlet, m.date.iso, m.date.kind) == (
        "Jane Doe",
        "Reuters",
        "2025-03-01",
        "published",
    )


@pytest.mark.parametrize("line", ["March 1, 2025 by No Comments", "Posted by admin"])
def test_not_an_author(line: str) -> None:
    assert meta(line).author is None


@pytest.mark.parametrize(
    ("line", "author", "iso"),
    [
        ("By Jane Doe, March 1, 2025", "Jane Doe", "2025-03-01"),
        ("Posted by admin on March 1, 2025, 10:00", None, "2025-03-01"),
        ("By Jane Doe on 4 March 2026, 14:22", "Jane Doe", "2026-03-04"),
    ],
)
def test_bylines_with_a_date(line: str, author: str | None, iso: str) -> None:
    m = meta(line, header=False)
    assert (m.author, m.date.iso) == (author, iso)
    assert [r for _, _, r in m.parts] == ["byline", "date"]


def test_headline_with_site_name_is_not_a_bare_byline() -> None:
    line = "Kallas Warns Russia | Reuters"
    assert parse_meta_line(line, header=True, bare_names=False) is None
    assert meta(line).author == "Kallas Warns Russia"  # as a byline when names are allowed


def test_date_then_comments_counter() -> None:
    line = "March 1, 2025 by No Comments"
    m = meta(line)
    assert m.date.iso == "2025-03-01"
    assert [(line[s:e], r) for s, e, r in m.parts] == [
        ("March 1, 2025", "date"),
        ("by No Comments", "comments counter"),
    ]


def test_date_prefix_with_body_text() -> None:
    line = "date 2025-08-23 Kallas, the EU’s foreign policy chief, said so."
    m = meta(line, header=False)  # labelled: fine anywhere
    assert m.date.iso == "2025-08-23" and line[m.body_start :].startswith("Kallas,")


def test_unlabelled_date_prefix_with_body_only_in_the_header() -> None:
    line = "March 1, 2025 Kallas arrived in Kyiv."
    assert meta(line, header=True).body_start == len("March 1, 2025 ")
    assert parse_meta_line(line, header=False) is None


@pytest.mark.parametrize(
    "line",
    [
        "March 1, 2025 was a cold day in Kyiv.",
        "March 1, 2025, Trump met Zelensky in the Oval Office.",
        "The talks began on March 1, 2025.",
        "By the end of the year, prices had doubled.",
        "By Monday",
        "Kallas says Russia wants war | Reuters analysis of the talks",
        "Source: a senior official who asked not to be named said so.",
    ],
)
def test_sentences_are_not_metadata(line: str) -> None:
    assert parse_meta_line(line, header=True) is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Source: Reuters", "Reuters"),
        ("Джерело: Укрінформ", "Укрінформ"),
    ],
)
def test_source_lines(line: str, source: str) -> None:
    m = meta(line, header=False)
    assert m.source == source and m.parts == [(0, len(line), "source")]


def test_a_source_url_is_the_articles_url_not_its_source() -> None:
    line = "Source: https://www.harbourpost.example/world/some-story."
    m = meta(line, header=False)
    assert (m.source, m.url, m.host) == (
        None,
        "https://www.harbourpost.example/world/some-story",
        "harbourpost.example",
    )
    assert meta("URL: http://a.example/b?c=1").url == "http://a.example/b?c=1"


def test_pick_date_prefers_published_over_updated() -> None:
    upd = DateFound("2026-03-05", "updated", 0, 10)
    pub = DateFound("2026-03-04", "published", 20, 30)
    assert pick_date([(upd, True), (pub, True)]) == "2026-03-04"


def test_pick_date_never_uses_an_updated_date() -> None:
    assert pick_date([(DateFound("2026-03-05", "updated", 0, 10), True)]) is None


def test_pick_date_prefers_a_header_date_over_a_footer_one() -> None:
    footer = DateFound("2020-01-01", "plain", 900, 910)
    header = DateFound("2025-08-22", "plain", 50, 60)
    assert pick_date([(header, True), (footer, False)]) == "2025-08-22"
    assert pick_date([(footer, False)]) == "2020-01-01"
    assert pick_date([]) is None


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        ("She did not share the optimism, News.Az reports, citing foreign media.", "News.Az"),
        ("Russia launched 50 drones overnight, Ukrinform reported.", "Ukrinform"),
        ("The Kyiv Independent reports, citing sources in the ministry.", "The Kyiv Independent"),
    ],
)
def test_reported_source(paragraph: str, source: str) -> None:
    assert reported_source(paragraph) == source


@pytest.mark.parametrize(
    "paragraph",
    [
        "«Russia does not want peace», — cites Politico.",
        "“Putin is ready to meet,” the Russian top diplomat told NBC News.",
        "The Wall Street Journal previously wrote that there was no progress.",
        "The Wall Street Journal reported that there was no progress.",
        "Reuters reported, citing sources, that the talks had stalled.",
        "Officials said participants reported limited progress.",
        "The ministry reports, citing nobody.",
        "Officials denied the claims. The reports, however, persisted.",
        "She said so, He reported.",
    ],
)
def test_not_the_articles_source(paragraph: str) -> None:
    assert reported_source(paragraph) is None


@pytest.mark.parametrize(
    "line",
    [
        "Kremlin finds new reasons to drag out peace talks",
        "EU Diplomat: Putin Uninterested in Peace as Trump, Zelenskyy Plan Deal",
        "Kaja Kallas: «It is obvious that Russia does not want peace... he has not fulfilled»",
        "Why does Russia refuse to talk?",
    ],
)
def test_headline_shapes(line: str) -> None:
    assert looks_like_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "The European Union remains sceptical about the prospects, Kallas said on Monday.",
        "and then the talks collapsed",
        "Kyiv",
        "Read the statement here: https://example.org",
        "x" * 300,
    ],
)
def test_not_headline_shapes(line: str) -> None:
    assert not looks_like_title(line)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Daryna Vialko", "Daryna Vialko"),
        ("Daryna Vialko.", "Daryna Vialko"),
        ("No Comments", None),
        ("admin", None),
        ("the editors", None),
        ("Jane 2 Doe", None),
    ],
)
def test_clean_name(raw: str, name: str | None) -> None:
    assert clean_name(raw) == name


@pytest.mark.parametrize(
    "line",
    ["Von der Leyen sagt Nein", "Verringert Geräusche und Vibrationen", "Par for the course"],
)
def test_words_that_open_a_byline_in_other_languages_need_a_name_after_them(line: str) -> None:
    """ "Von" before a lower-case particle, "und" between capitalised German nouns, "Par"
    before a lower-case word: no author."""
    assert byline_name(line) is None
    found = parse_meta_line(line, header=True)
    assert found is None or found.author is None
