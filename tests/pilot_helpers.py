"""Helpers for the Pilot tests (tests/ui) and the snapshot tests (tests/snapshots).

They wait on what the app shows it has done (the index ready, a query answered, the
reader settled): never on fixed sleeps, never on private attributes. ``hold_still`` makes
screens render the same on every run, for snapshots and for tests that read the screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from newsbrowse.tui.app import NewsbrowseApp
from newsbrowse.tui.screens.main import MainScreen
from newsbrowse.tui.widgets.search_bar import SearchBar

TIMEOUT = 30.0  # generous: a loaded CI box is slow; passing tests never wait it out
SHOW_STATS = SearchBar.show_stats  # as the app has it, before any test changes it


def hold_still(monkeypatch: pytest.MonkeyPatch) -> None:
    """No search timings and no blinking cursor: both change from one run to the next (a
    timing's milliseconds; whether the cursor is on at the moment of a snapshot)."""

    def untimed(self: SearchBar, total: int, _seconds: float | None, **kwargs: object) -> None:
        SHOW_STATS(self, total, None, **kwargs)

    def steady_cursor(self: SearchBar) -> None:
        self.input.cursor_blink = False

    monkeypatch.setattr(SearchBar, "show_stats", untimed)
    monkeypatch.setattr(SearchBar, "on_mount", steady_cursor, raising=False)


def let_move(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo :func:`hold_still` for one test (timings shown, cursor blinking)."""
    monkeypatch.setattr(SearchBar, "show_stats", SHOW_STATS)
    monkeypatch.delattr(SearchBar, "on_mount", raising=False)


async def wait_for(pilot: Pilot, predicate: Callable[[], object], what: str = "") -> None:
    """Let the app run until ``predicate()`` is true (or fail after ``TIMEOUT``)."""
    deadline = time.monotonic() + TIMEOUT
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.01)
    await pilot.pause()


def record_notes(app: NewsbrowseApp) -> list[str]:
    """Every notification the app shows from now on (title and message), as text."""
    notes: list[str] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        notes.append(" ".join(filter(None, (kwargs.get("title"), str(message)))))
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return notes


def header_text(screen: MainScreen) -> str:
    """The header line as shown (corpus name, counts or progress)."""
    return str(screen.query_one("#header #corpus", Static).visual)


def main(pilot: Pilot) -> MainScreen:
    """The app's main screen."""
    app = pilot.app
    assert isinstance(app, NewsbrowseApp)
    return app.main_screen


async def ready(pilot: Pilot) -> MainScreen:
    """Wait for the index, its catalog and the first result list (every article)."""
    screen = main(pilot)
    await wait_for(
        pilot,
        lambda: (
            screen.ready
            and screen.catalog_loaded
            and screen.shown_query is not None
            and screen.results.option_count > 0
        ),
        "index",
    )
    return screen


async def search(pilot: Pilot, query: str, *, typed: bool = True) -> MainScreen:
    """Press ``/`` and type ``query`` into the search input (or paste it: ``typed=False``);
    wait for its results."""
    screen = main(pilot)
    await wait_for(
        pilot,
        lambda: screen.ready and screen.catalog_loaded and screen.shown_query is not None,
        "index",
    )
    if screen.search_bar.input.has_focus:
        await pilot.press("escape")  # back to the results: there / starts a new search
    await pilot.press("slash")
    if typed and query:
        await pilot.press(*query)
    else:
        screen.search_bar.input.value = query
    await wait_for(pilot, lambda: screen.shown_query == query, f"results for {query!r}")
    return screen


async def preview(pilot: Pilot, query: str) -> MainScreen:
    """Search ``query`` on a fresh app (``/``, then the query); wait until the reader shows
    the top hit, settled."""
    screen = await ready(pilot)
    await pilot.press("slash", *query)
    await wait_for(pilot, lambda: screen.shown_query == query, f"results for {query}")
    reader = screen.reader
    await wait_for(
        pilot,
        lambda: (
            reader.article is not None
            and reader.article.id == screen.results.current
            and reader.query_text == query
            and reader.settled
        ),
        "preview",
    )
    return screen


async def open_first(pilot: Pilot, query: str) -> MainScreen:
    """Preview ``query``'s top hit, then open it (focus in the reader)."""
    screen = await preview(pilot, query)
    await pilot.press("enter", "enter")
    await wait_for(pilot, lambda: screen.reader.has_focus, "reader focused")
    return screen


async def open_result(pilot: Pilot, index: int = 0) -> MainScreen:
    """Open the ``index``-th result with enter; wait until the reader shows it."""
    screen = main(pilot)
    screen.results.focus()
    screen.results.highlighted = index
    article = screen.results.articles[index]
    await pilot.press("enter")
    await wait_for(
        pilot,
        lambda: (
            screen.reader.article is not None
            and screen.reader.article.id == article
            and screen.reader.query_text == screen.shown_query
            and screen.reader.has_focus
        ),
        f"article {article}",
    )
    return screen


def line_in_view(screen: MainScreen, offset: int) -> bool:
    """Whether the reader shows the line holding an article offset."""
    reader = screen.reader
    line = reader.line_of(offset)
    top = round(reader.scroll_y)
    return line is not None and top <= line < top + reader.scrollable_content_region.height


def screen_lines(pilot: Pilot) -> list[str]:
    """The text of every row on screen."""
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


def wrapped_line(screen: MainScreen, offset: int) -> str:
    """The text of the wrapped reader line that holds an article offset."""
    line = screen.reader.line_of(offset)
    assert line is not None
    return screen.reader.line_text(line).strip()


def row_of(screen: MainScreen, offset: int) -> int:
    """The screen row where the reader should show an article offset."""
    reader = screen.reader
    line = reader.line_of(offset)
    assert line is not None
    return reader.region.y + reader.gutter.top + line - round(reader.scroll_y)


def pane_rows(pilot: Pilot, widget) -> list[str]:
    """The text on screen inside a widget's content area (its border and scrollbar left
    out), one string per row."""
    region = widget.content_region
    lines = screen_lines(pilot)
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


async def palette_command(pilot: Pilot, typed: str, expect: str) -> None:
    """``ctrl+p``, type ``typed``, wait until the first hit holds ``expect``, run it."""
    from textual.command import CommandPalette

    app = pilot.app

    def first_hit() -> str:
        commands = app.screen.query_one("CommandList")
        return str(commands.get_option_at_index(0).prompt) if commands.option_count else ""

    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
    await pilot.press(*typed)
    await wait_for(pilot, lambda: expect in first_hit(), f"a first hit with {expect!r}")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), "palette closed")


def notified(pilot: Pilot, text: str) -> bool:
    """Whether the app has given a notification holding ``text``. (``run_test`` shows no
    toasts unless asked, so this reads the app's list of notifications.)"""
    return any(text in str(n.message) for n in pilot.app._notifications)
