"""Search as you type: results, counts, newest-first listing, inline errors, stale answers."""

from __future__ import annotations

import threading
from pathlib import Path

from fake_library import FakeLibrary
from pilot_helpers import main, ready, search, wait_for
from textual.widgets import Static

from newsbrowse.tui.app import NewsbrowseApp
from newsbrowse.tui.widgets import search_bar
from newsbrowse.tui.widgets.search_bar import SearchBar


def stats(screen) -> str:
    return str(screen.search_bar.query_one("#stats", Static).visual)


async def test_empty_query_lists_every_article_newest_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        assert screen.shown_query == ""
        dates = [info.date or "" for info in app.session.articles]
        assert screen.results.option_count == len(app.session.articles) == 5
        assert list(screen.results.articles) == [info.id for info in app.session.articles]
        assert dates == sorted(dates, reverse=True)
        assert stats(screen) == "5 articles"


async def test_typing_shows_hits_with_date_source_headline_and_lit_snippet(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "peskov")
        assert screen.results.option_count >= 1
        assert stats(screen).startswith(f"{screen.results.option_count} article")
        library = app.session.library
        hit = library.search("peskov").hits[0]
        prompt = screen.results.get_option_at_index(0).prompt
        row, *snippet = prompt.plain.split("\n")
        assert row.startswith(hit.date or "")
        assert hit.label.split()[0] in row
        assert 1 <= len(snippet) <= 2  # the highlighted hit shows its snippet under its row
        lit = [prompt.plain[span.start : span.end] for span in prompt.spans]
        assert any(text.lower() == "peskov" for text in lit)
        other = (
            screen.results.get_option_at_index(1).prompt.plain
            if len(screen.results.articles) > 1
            else ""
        )
        assert "\n" not in other  # the others: one line each


async def test_timing_is_shown_unless_frozen(make_app) -> None:
    app = make_app(still=False)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        assert stats(screen).endswith(" ms")


async def test_query_error_shows_inline_and_keeps_the_app_alive(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        before = list(screen.results.articles)
        query = 'speaker:"'
        assert app.session.library.search(query).error, "the engine should reject this query"
        await search(pilot, query, typed=False)
        note = screen.search_bar.query_one("#query-note", Static)
        assert note.has_class("-shown") and note.has_class("-error")
        assert str(note.visual)
        assert list(screen.results.articles) == before
        await search(pilot, "kallas")
        assert not note.has_class("-shown")
        assert app.is_running


async def test_typing_is_debounced(seeds_copy: Path, monkeypatch) -> None:
    # A pause no keystroke gap can reach, however loaded the machine: typing alone searches
    # nothing; enter searches the whole word once. (Search-as-you-type with the real pause
    # is covered by the tests that type and wait for results.)
    monkeypatch.setattr(search_bar, "DEBOUNCE", 600.0)
    fakes: list[FakeLibrary] = []

    def factory(corpus, index):
        fakes.append(FakeLibrary(corpus))
        return fakes[-1]

    app = NewsbrowseApp(seeds_copy, library_factory=factory)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        fakes[0].searches.clear()
        await pilot.press("slash", *"kallas")
        await wait_for(pilot, lambda: screen.query_one(SearchBar).value == "kallas")
        await pilot.pause()
        assert fakes[0].searches == []
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.shown_query == "kallas")
        assert fakes[0].searches == ["kallas"]


async def test_stale_answers_are_dropped(seeds_copy: Path) -> None:
    release = threading.Event()

    def delay(query: str) -> float:
        if query == "k":
            release.wait(10)
        return 0.0

    app = NewsbrowseApp(
        seeds_copy,
        library_factory=lambda corpus, index: FakeLibrary(corpus, delay=delay),
    )
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", "k")
        await wait_for(pilot, lambda: "k" in app.session.library.searches, "the slow search")
        await pilot.press(*"allas")
        await wait_for(pilot, lambda: screen.shown_query == "kallas")
        shown = list(screen.results.articles)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.shown_query == "kallas"
        assert list(screen.results.articles) == shown
        assert len(shown) == len(app.session.library.search("kallas").hits)


async def test_a_refresh_of_the_query_typed_past_is_not_shown(
    seeds_copy: Path, monkeypatch
) -> None:
    """An update lands while a key typed past the last query waits for its debounce: the
    refreshed answer to the query before would sit beside the new text as if it were its
    answer (and fooled the benchmark's clock). The screen keeps what it shows until the
    typed query's own answer comes."""
    monkeypatch.setattr(search_bar, "DEBOUNCE", 600.0)  # the typed key waits: enter fires it

    class Refreshed(FakeLibrary):
        def search(self, query: str, **kwargs):
            result = super().search(query, **kwargs)
            if query == "kallas" and self.searches.count("kallas") > 1:
                result.total, result.hits = 99, []  # what the update changed
            return result

    app = NewsbrowseApp(seeds_copy, library_factory=lambda corpus, index: Refreshed(corpus))
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"kallas", "enter")
        await wait_for(pilot, lambda: screen.shown_query == "kallas")
        shown, counted = list(screen.results.articles), stats(screen)
        screen.set_focus(screen.search_bar.input)
        await pilot.press("end", "x")
        await wait_for(pilot, lambda: screen.search_bar.value == "kallasx")
        screen._search(screen._query)  # what an update's end does: the same query again
        await wait_for(pilot, lambda: app.session.library.searches.count("kallas") == 2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (list(screen.results.articles), stats(screen)) == (shown, counted)
        screen.set_focus(screen.search_bar.input)
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.shown_query == "kallasx")
        assert stats(screen) == "0 articles"
        screen.set_focus(screen.search_bar.input)
        await pilot.press("end", "backspace", "enter")
        await wait_for(pilot, lambda: screen.shown_query == "kallas")
        assert stats(screen) == "99 articles"  # the query in the box: its answer is shown


async def test_enter_in_the_input_moves_to_the_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.results.has_focus, "results focused")
        assert main(pilot).results.highlighted == 0


async def test_an_estimated_total_says_about(make_app, monkeypatch) -> None:
    from dataclasses import replace

    from newsbrowse.index.library import Library

    exact_search = Library.search

    def estimated(self, query: str, **kwargs):
        return replace(exact_search(self, query, **kwargs), total=5500, approximate=True)

    monkeypatch.setattr(Library, "search", estimated)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        assert stats(screen) == "about 5,500 articles"


async def test_an_exact_total_is_grouped_in_thousands(make_app, monkeypatch) -> None:
    """``20,452 articles``, as the header counts them: a long number reads at a glance."""
    from dataclasses import replace

    from newsbrowse.index.library import Library

    exact_search = Library.search

    def many(self, query: str, **kwargs):
        return replace(exact_search(self, query, **kwargs), total=20452)

    monkeypatch.setattr(Library, "search", many)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        assert stats(screen) == "20,452 articles"
