"""Keys pressed while an article is being opened go to that article, once it is shown."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pilot_helpers import TIMEOUT, search, wait_for

from newsbrowse.index.library import Library
from newsbrowse.index.model import Article
from newsbrowse.tui.app import NewsbrowseApp


class GatedLibrary(Library):
    """The real engine, whose article loads wait for the test to open the gate."""

    def __init__(self, corpus: Path | str, index_dir: Path | str | None = None) -> None:
        super().__init__(corpus, index_dir)
        self.gate = threading.Event()
        self.gate.set()
        self.waiting = threading.Event()  # an article load is held at the gate

    def article(self, article_id: str) -> Article:
        if not self.gate.is_set():
            self.waiting.set()
        self.gate.wait(TIMEOUT)
        return super().article(article_id)


@pytest.fixture
def gated(corpus: tuple[Path, Path]) -> tuple[NewsbrowseApp, list[GatedLibrary]]:
    made: list[GatedLibrary] = []

    def factory(corpus_dir: Path, index_dir: Path | None) -> GatedLibrary:
        made.append(GatedLibrary(corpus_dir, index_dir))
        return made[-1]

    return NewsbrowseApp(corpus[0], corpus[1], library_factory=factory), made


async def hold_and_open(pilot, made: list[GatedLibrary], index: int) -> str:
    """Hold article loads, then choose result ``index`` with enter: it is being opened."""
    screen = pilot.app.main_screen
    library = made[0]
    library.gate.clear()
    library.waiting.clear()
    screen.results.focus()
    screen.results.highlighted = index
    article = screen.results.articles[index]
    await pilot.press("enter")
    await wait_for(pilot, library.waiting.is_set, "the load held at the gate")
    assert screen.reader.pending_article == (article, screen.shown_query)
    assert screen.reader.has_focus, "the reader takes the keys at once"
    return article


async def test_n_and_brackets_typed_while_opening_step_the_new_article(gated) -> None:
    app, made = gated
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await search(pilot, "kallas")
        reader = screen.reader
        await wait_for(pilot, lambda: reader.article is not None and reader.settled, "preview")
        first = reader.article.id
        try:
            article = await hold_and_open(pilot, made, 1)
            assert article != first
            await pilot.press("n", "n", "n")
            assert reader.article.id == first and reader.match_index is None, "nothing moved yet"
            assert "opening" in str(reader.border_subtitle)
        finally:
            made[0].gate.set()
        await wait_for(pilot, lambda: reader.article.id == article and reader.settled, "shown")
        assert reader.match_index == 2
        assert f"match 3/{len(reader.matches)}" in str(reader.border_subtitle)
        assert screen.results.highlighted == 1, "the keys never reached the results"
        assert screen.search_bar.value == "kallas", "nor the query"


async def test_scrolling_typed_while_opening_applies_in_order(gated) -> None:
    app, made = gated
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await search(pilot, "kallas")
        reader = screen.reader
        await wait_for(pilot, lambda: reader.article is not None and reader.settled, "preview")
        try:
            article = await hold_and_open(pilot, made, 1)
            await pilot.press("G", "k", "k")
        finally:
            made[0].gate.set()
        await wait_for(pilot, lambda: reader.article.id == article and reader.settled, "shown")
        assert reader.max_scroll_y > 2
        await wait_for(pilot, lambda: reader.scroll_y == reader.max_scroll_y - 2, "G, then up 2")


async def test_keys_for_an_article_no_longer_wanted_are_dropped(gated) -> None:
    app, made = gated
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await search(pilot, "kallas")
        reader = screen.reader
        await wait_for(pilot, lambda: reader.article is not None and reader.settled, "preview")
        first = reader.article.id
        try:
            await hold_and_open(pilot, made, 1)
            await pilot.press("n", "n")
            screen.results.focus()
            screen.results.highlighted = 0  # back to the article already shown
            await wait_for(pilot, lambda: reader.pending_article is None, "load abandoned")
        finally:
            made[0].gate.set()
        await wait_for(pilot, lambda: reader.settled, "settled")
        await pilot.pause(0.2)  # the abandoned load's answer arrives and is ignored
        assert reader.article.id == first and reader.match_index is None
