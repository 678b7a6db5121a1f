"""The folder is live: files added, changed or removed while the app is open show up; ``R``
looks by hand; one index update runs at a time; the watch ends with the app.

Most tests give the app a :class:`HandWatch`, which reports changes when the test says so
(the real watch's timing is the end-to-end tests' business); one uses the real watch.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_helpers import header_text, open_result, ready, record_notes, search, wait_for

from newsbrowse.index import Library
from newsbrowse.tui.app import NewsbrowseApp
from newsbrowse.tui.screens import main as main_screen

NEW_ARTICLE = (
    "Zorblatt summit ends without a deal\n\n2026-03-01\n\n"
    "The Zorblatt summit ended on Friday. “We will keep talking,” said Kaja Kallas.\n"
)


class HandWatch:
    """A folder watch that reports a change when the test calls :meth:`fire`."""

    def __init__(self, folder: Path, changed: Callable[[int], None]) -> None:
        self.folder = folder
        self.changed = changed
        self.started = self.stopped = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def fire(self, count: int = 1) -> None:
        """Report ``count`` changed files, from a thread of its own as the real watch does."""
        thread = threading.Thread(target=self.changed, args=(count,))
        thread.start()
        thread.join()


def hand_watches() -> tuple[list[HandWatch], Callable[[Path, Callable[[int], None]], HandWatch]]:
    made: list[HandWatch] = []

    def factory(folder: Path, changed: Callable[[int], None]) -> HandWatch:
        made.append(HandWatch(folder, changed))
        return made[-1]

    return made, factory


def listed(screen) -> set[str]:
    return set(screen.results.articles)


async def test_a_file_added_shows_up_and_a_removed_one_goes(make_app, corpus) -> None:
    """The real watch: no key pressed, the header and the results follow the folder."""
    app = make_app()
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        assert "5 articles" in header_text(screen)
        await wait_for(pilot, lambda: app.session.watching, "the watch")
        new = corpus[0] / "zorblatt.txt"
        new.write_text(NEW_ARTICLE, encoding="utf-8")
        await wait_for(pilot, lambda: "6 articles" in header_text(screen), "6 articles")
        await wait_for(pilot, lambda: "zorblatt.txt" in listed(screen), "the new article listed")
        assert any("1 added" in note for note in notes), notes
        new.unlink()
        await wait_for(pilot, lambda: "5 articles" in header_text(screen), "5 articles again")
        await wait_for(pilot, lambda: "zorblatt.txt" not in listed(screen), "the article gone")
        assert any("1 removed" in note for note in notes), notes


async def test_the_results_keep_their_query_and_selection(make_app, corpus) -> None:
    made, factory = hand_watches()
    app = make_app(watch_factory=factory)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        screen.results.focus()
        screen.results.highlighted = 1
        chosen = screen.results.current
        before = screen.results.option_count
        (corpus[0] / "zorblatt.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        made[0].fire()
        await wait_for(pilot, lambda: "zorblatt.txt" in listed(screen), "the new article")
        assert screen.search_bar.value == "kallas" and screen.shown_query == "kallas"
        assert screen.results.option_count == before + 1
        assert screen.results.current == chosen, "the selection stays on the same article"


async def test_the_open_article_is_reloaded_when_it_changes_and_left_when_removed(
    make_app, corpus
) -> None:
    made, factory = hand_watches()
    app = make_app(watch_factory=factory)
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        screen = await open_result(pilot, 0)
        article = screen.reader.article
        path = corpus[0] / article.id
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n\nA closing paragraph about the Zorblatt file.\n")
        made[0].fire()
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and "Zorblatt" in screen.reader.article.text,
            "the changed article reloaded",
        )
        assert screen.reader.article.id == article.id
        assert any("1 changed" in note and "reloaded" in note for note in notes), notes
        path.unlink()
        made[0].fire()
        await wait_for(pilot, lambda: article.id not in listed(screen), "the article unlisted")
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and screen.reader.article.id != article.id,
            "the reader on the next result",
        )
        assert any("removed from the folder" in note for note in notes), notes
        assert "4 articles" in header_text(screen)


async def test_a_removed_article_with_no_other_result_stays_marked(make_app, corpus) -> None:
    made, factory = hand_watches()
    app = make_app(watch_factory=factory)
    async with app.run_test(size=(140, 40)) as pilot:
        (corpus[0] / "zorblatt.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        await search(pilot, "zorblatt")  # the start-up update indexed it
        screen = await open_result(pilot, 0)
        (corpus[0] / "zorblatt.txt").unlink()
        made[0].fire()
        await wait_for(pilot, lambda: screen.results.option_count == 0, "no results left")
        await wait_for(pilot, lambda: "removed" in str(screen.reader.border_title), "marked")
        assert screen.reader.article.id == "zorblatt.txt", "kept on screen, marked as removed"
        await pilot.press("n")  # still answers from what is shown; nothing raises
        assert app.is_running


async def test_r_looks_by_hand_and_says_up_to_date(make_app, corpus) -> None:
    _made, factory = hand_watches()
    app = make_app(watch_factory=factory)
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: any("Up to date" in note for note in notes), "up to date")
        (corpus[0] / "zorblatt.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        await pilot.press("R")
        await wait_for(pilot, lambda: "6 articles" in header_text(screen), "6 articles")
        assert "zorblatt.txt" in listed(screen)
        assert any("1 added" in note for note in notes), notes


async def test_one_update_at_a_time_and_one_more_after_it(corpus) -> None:
    """Changes reported while an update runs make one more run after it, never a second
    run beside it (two would race for the index's lock)."""
    gate = threading.Event()
    runs = {"now": 0, "most": 0, "total": 0}

    class GatedLibrary(Library):
        def update(self, *args, **kwargs):
            runs["now"] += 1
            runs["total"] += 1
            runs["most"] = max(runs["most"], runs["now"])
            try:
                if runs["total"] > 1:  # not the one at launch
                    gate.wait(30)
                return super().update(*args, **kwargs)
            finally:
                runs["now"] -= 1

    made, factory = hand_watches()
    app = NewsbrowseApp(corpus[0], corpus[1], library_factory=GatedLibrary, watch_factory=factory)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        (corpus[0] / "zorblatt.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        for _ in range(3):
            made[0].fire()
        await wait_for(pilot, lambda: runs["total"] == 2, "the first update")
        await pilot.pause(0.2)
        assert runs["total"] == 2, "the others wait for it"
        gate.set()
        await wait_for(pilot, lambda: not app.session.updates.running, "all updates done")
        assert runs == {"now": 0, "most": 1, "total": 3}
        assert "zorblatt.txt" in listed(screen)


async def test_the_watch_starts_with_the_index_and_stops_with_the_app(make_app) -> None:
    made, factory = hand_watches()
    app = make_app(watch_factory=factory)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert len(made) == 1 and made[0].started and not made[0].stopped
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "quit")
    assert made[0].stopped


async def test_the_watch_is_set_up_after_the_first_results_are_shown(make_app) -> None:
    """Setting the real watch up holds the interpreter for a while on a big folder: the
    first rows come first, and the update waits for the watch (no change falls between)."""
    made, factory = hand_watches()
    rows_then: list[int] = []
    updates_then: list[bool] = []

    def watching_factory(folder: Path, changed: Callable[[int], None]) -> HandWatch:
        screen = app.main_screen
        rows_then.append(screen.results.option_count)
        updates_then.append(screen.catalog_loaded)
        return factory(folder, changed)

    app = make_app(watch_factory=watching_factory)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert len(made) == 1 and made[0].started
    assert rows_then[0] > 0, "the watch was set up before the first rows were shown"
    assert updates_then == [False], "the launch's update ended before the watch was set up"


async def test_the_watch_waits_for_a_pause_in_the_keys_at_most_watch_latest(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys coming (here: one at launch, and no pause long enough): the watch is not set up
    while they come, but at the latest ``WATCH_LATEST`` after the first rows; the launch's
    update waits for it."""
    monkeypatch.setattr(main_screen, "WATCH_QUIET", 60.0)
    monkeypatch.setattr(main_screen, "WATCH_LATEST", 2.0)
    made, factory = hand_watches()
    app = make_app(watch_factory=factory)
    app.heap.last_key = time.monotonic()  # a key just pressed
    async with app.run_test(size=(140, 40)) as pilot:
        screen = app.main_screen
        await wait_for(pilot, lambda: screen.results.option_count > 0, "the first rows")
        shown = time.monotonic()
        assert not made and not screen.catalog_loaded
        await wait_for(pilot, lambda: app.session.watching, "the watch")
        assert time.monotonic() - shown >= 1.0  # not at once: it waited for the latest
        await ready(pilot)
        assert len(made) == 1 and made[0].started


async def test_r_before_the_index_is_open_waits_or_tries_again(seeds_copy: Path) -> None:
    made, factory = hand_watches()
    app = NewsbrowseApp(seeds_copy / "nowhere", seeds_copy / "index", watch_factory=factory)
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: any("no such folder" in note for note in notes), "error")
        await pilot.press("R")
        await wait_for(pilot, lambda: len(notes) == 2, "R tried again")
        assert "no such folder" in notes[1]
        (seeds_copy / "nowhere").mkdir()
        (seeds_copy / "nowhere" / "zorblatt.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        await pilot.press("R")
        screen = await ready(pilot)
        assert "1 article" in header_text(screen)
        await wait_for(pilot, lambda: app.session.watching, "the watch, once the index is open")
        assert len(made) == 1 and made[0].started
