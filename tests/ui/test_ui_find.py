"""Find in the article (ctrl+f): its own hits, n/N through them with wraps, escape ends it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_helpers import line_in_view, open_result, search, wait_for

from newsbrowse.tui.app import NewsbrowseApp

ACCENTED = """Café Société reopens

2025-09-02

The CAFE SOCIETE in Zürich reopened on Monday, and the café's owners were relieved.

Regulars said the cafe society of the town had missed it. Zurich's mayor came too.
"""


def find_bar(screen):
    return screen.query_one("#find")


def status(screen) -> str:
    return str(screen.query_one("#find-status").visual)


def subtitle(screen) -> str:
    return str(screen.reader.border_subtitle or "")


def expected_hits(article, word: str) -> list[tuple[int, int]]:
    """Every case-insensitive occurrence in the title and paragraphs, computed apart."""
    regions = sorted([*article.paragraphs, *([article.title_span] if article.title_span else [])])
    spans = []
    for start, end in regions:
        for found in re.finditer(re.escape(word), article.text[start:end], re.IGNORECASE):
            spans.append((start + found.start(), start + found.end()))
    return spans


async def test_ctrl_f_finds_in_the_article_and_n_steps_through_with_wraps(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        query_matches = list(reader.matches)
        await pilot.press("ctrl+f")
        bar = find_bar(screen)
        assert bar.display and bar.input.has_focus
        await pilot.press(*"russia")
        await wait_for(pilot, lambda: reader.find_text == "russia", "find typed")
        hits = expected_hits(reader.article, "russia")
        assert len(hits) >= 3 and reader.find_hits == hits
        assert reader.find_index == 0 and reader.mark == hits[0], "the first hit is marked"
        assert line_in_view(screen, hits[0][0])
        assert status(screen) == f"1 of {len(hits)}" and f"find 1/{len(hits)}" in subtitle(screen)
        await pilot.press("enter")
        assert reader.has_focus
        await pilot.press("n")
        assert reader.find_index == 1 and status(screen) == f"2 of {len(hits)}"
        assert line_in_view(screen, hits[1][0])
        await pilot.press("N", "N")
        assert reader.find_index == len(hits) - 1
        assert status(screen) == f"{len(hits)} of {len(hits)} · wrapped to the bottom"
        await pilot.press("n")
        assert reader.find_index == 0
        assert status(screen) == f"1 of {len(hits)} · wrapped to the top"
        await pilot.press("n")
        assert "wrapped" not in status(screen)
        # The corpus query is untouched, and comes back with escape.
        assert screen.search_bar.value == "kallas" and screen.shown_query == "kallas"
        assert reader.matches == query_matches
        await pilot.press("escape")
        assert not bar.display and reader.find_text is None and reader.find_hits == []
        assert reader.has_focus, "escape closed the find, not the reader"
        await pilot.press("n")
        assert reader.match_index is not None and reader.find_index is None
        assert f"/{len(query_matches)}" in subtitle(screen) and "find" not in subtitle(screen)
        await pilot.press("escape")
        assert screen.results.has_focus, "the next escape backs out as before"


async def test_escape_in_the_find_input_closes_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        await pilot.press("ctrl+f", *"putin")
        await wait_for(pilot, lambda: screen.reader.find_hits, "hits")
        await pilot.press("escape")
        assert not find_bar(screen).display and screen.reader.find_text is None
        assert screen.reader.has_focus
        # Opened again, it starts from the last text.
        await pilot.press("ctrl+f")
        assert find_bar(screen).input.value == "putin"
        await wait_for(pilot, lambda: screen.reader.find_hits, "hits again")


async def test_no_hits_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        await pilot.press("ctrl+f", *"zqxj")
        await wait_for(pilot, lambda: screen.reader.find_text == "zqxj", "find typed")
        assert screen.reader.find_hits == [] and status(screen) == "no hits"
        await pilot.press("enter", "n")
        assert screen.reader.find_index is None and screen.reader.match_index is None


@pytest.fixture
def accented(corpus: tuple[Path, Path]) -> tuple[Path, Path]:
    (corpus[0] / "zz_cafe.txt").write_text(ACCENTED, encoding="utf-8")
    return corpus


async def test_find_folds_case_and_accents(accented) -> None:
    app = NewsbrowseApp(*accented)
    async with app.run_test(size=(120, 30)) as pilot:
        await search(pilot, "reopened")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        await pilot.press("ctrl+f", *"cafe societe")
        await wait_for(pilot, lambda: reader.find_text == "cafe societe", "find typed")
        text = reader.article.text
        assert [text[s:e] for s, e in reader.find_hits] == ["Café Société", "CAFE SOCIETE"]
        await pilot.press("escape", "ctrl+f", *"ZURICH")  # reopened: the old text selected
        await wait_for(pilot, lambda: reader.find_text == "ZURICH", "find retyped")
        assert [text[s:e] for s, e in reader.find_hits] == ["Zürich", "Zurich"]
