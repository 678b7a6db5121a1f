"""Start fast: the screen is up (and typing works) before the index is ready."""

from __future__ import annotations

import threading
from pathlib import Path

from fake_library import FakeLibrary
from pilot_helpers import main, ready, wait_for
from textual.widgets import ProgressBar

from newsbrowse.tui.app import NewsbrowseApp
from newsbrowse.tui.widgets.header_line import HeaderLine
from newsbrowse.tui.widgets.key_footer import KeyFooter


class GatedLibrary(FakeLibrary):
    """Indexing waits (after reporting progress) until the test opens the gate."""

    gate = threading.Event()

    def update(self, progress=None, *, rebuild: bool = False, **_: object):
        if progress:
            progress(1, 5)
        self.gate.wait(10)
        return super().update(progress, rebuild=rebuild)


async def test_screen_and_progress_appear_before_the_index(seeds_copy: Path) -> None:
    GatedLibrary.gate = threading.Event()
    app = NewsbrowseApp(seeds_copy, library_factory=GatedLibrary)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = main(pilot)
        header = screen.query_one(HeaderLine)
        await wait_for(pilot, lambda: "indexing 1/5" in str(header.query_one("#corpus").visual))
        assert header.has_class("-indexing") and header.query_one(ProgressBar).display
        await pilot.press("slash", *"peskov")
        assert screen.search_bar.value == "peskov"
        assert not screen.ready
        GatedLibrary.gate.set()
        await wait_for(pilot, lambda: screen.shown_query == "peskov", "the typed query's results")
        assert not header.has_class("-indexing")
        await wait_for(pilot, lambda: "5 articles" in str(header.query_one("#corpus").visual))
        assert screen.results.option_count >= 1


class WritingLibrary(FakeLibrary):
    """Every file read (progress done == total), then the index takes a while to write."""

    gate = threading.Event()

    def update(self, progress=None, *, rebuild: bool = False, **_: object):
        report = super().update(progress, rebuild=rebuild)
        self.gate.wait(30)
        return report


async def test_the_header_counts_the_seconds_while_the_index_is_written(seeds_copy) -> None:
    WritingLibrary.gate = threading.Event()
    app = NewsbrowseApp(seeds_copy, library_factory=WritingLibrary)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = main(pilot)
        corpus_line = screen.query_one(HeaderLine).query_one("#corpus")
        await wait_for(pilot, lambda: "writing the index" in str(corpus_line.visual), "writing")
        assert "indexing 5/5" in str(corpus_line.visual)
        await wait_for(pilot, lambda: " s" in str(corpus_line.visual).split("writing")[-1])
        WritingLibrary.gate.set()
        await wait_for(pilot, lambda: "5 articles" in str(corpus_line.visual), "the counts")
        assert "writing" not in str(corpus_line.visual)


async def test_a_warm_index_is_not_rebuilt(make_app) -> None:
    """A warm start re-reads nothing (speed is measured in the benchmarks, not here)."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        # The warm index answers first; the update that follows re-reads nothing.
        await wait_for(
            pilot,
            lambda: screen.index_report is not None and screen.index_report.unchanged == 5,
            "the update's report",
        )
        report = screen.index_report
        assert report.added == report.changed == report.deleted == 0
        assert screen.results.option_count == 5


async def test_a_warm_index_has_its_rows_on_the_first_screen(make_app) -> None:
    """A warm index is opened and searched on the app's thread as the screen mounts, so
    the first frame has the rows, and the footer its keys: in a worker, behind that frame's
    paint, the same waited for the interpreter after every file it read."""
    from newsbrowse.index.library import Library

    opened_on: list[threading.Thread] = []

    class Watched(Library):
        def open(self) -> bool:
            opened_on.append(threading.current_thread())
            return super().open()

    app = make_app(library_factory=Watched)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = main(pilot)  # no wait: what the mount left
        assert screen.ready and screen.results.option_count == 5
        assert screen.query_one(KeyFooter).query(".-help"), "and the footer its keys"
        assert opened_on == [threading.main_thread()]
        await ready(pilot)
        assert len(opened_on) == 1  # the update's worker used the same library


async def test_an_index_that_fails_to_open_is_tried_again_and_reported(seeds_copy) -> None:
    made: list[FakeLibrary] = []

    class Broken(FakeLibrary):
        def open(self) -> bool:
            made.append(self)
            raise OSError("disk on fire")

    app = NewsbrowseApp(seeds_copy, library_factory=Broken)
    async with app.run_test(size=(140, 40)) as pilot:
        header = main(pilot).query_one(HeaderLine)
        await wait_for(pilot, lambda: "disk on fire" in str(header.query_one("#corpus").visual))
        assert made and not main(pilot).ready
        assert app.is_running


async def test_a_first_search_that_fails_on_a_warm_index_is_reported(seeds_copy) -> None:
    """The first search answered as the screen mounts fails as any search does: a notice,
    and the app goes on (the next search answers)."""

    class FailsFirst(FakeLibrary):
        def open(self) -> bool:
            return True

        def search(self, query: str, **kwargs):
            if not self.searches:
                self.searches.append(query)
                raise OSError("index file vanished")
            return super().search(query, **kwargs)

    app = NewsbrowseApp(seeds_copy, library_factory=FailsFirst)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(
            pilot,
            lambda: any("index file vanished" in str(n.message) for n in app._notifications),
            "the search's error",
        )
        await pilot.press("slash", *"kallas", "enter")
        await wait_for(pilot, lambda: main(pilot).shown_query == "kallas", "the next search")


async def test_a_missing_corpus_is_reported_not_raised(tmp_path: Path) -> None:
    app = NewsbrowseApp(tmp_path / "nowhere", tmp_path / "index")
    async with app.run_test(size=(140, 40)) as pilot:
        header = main(pilot).query_one(HeaderLine)
        await wait_for(
            pilot,
            lambda: (
                "nowhere" in str(header.query_one("#corpus").visual)
                and not header.has_class("-indexing")
            ),
            "error shown",
        )
        await pilot.press("slash", *"kallas")
        assert app.is_running
        await ready_or_not(pilot)


async def ready_or_not(pilot) -> None:
    """The screen never becomes ready without an index, and keys keep working."""
    await pilot.press("tab", "tab", "escape")
    assert not main(pilot).ready
    _ = ready
