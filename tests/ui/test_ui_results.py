"""The results list people scan: one line per article, the snippet under the highlighted
one, enough rows on screen, the count and time always visible, d for the sort."""

from __future__ import annotations

import re
from pathlib import Path

from fake_library import FakeLibrary
from pilot_helpers import notified, pane_rows, ready, search, wait_for
from textual.app import App

from newsbrowse.index.model import Hit
from newsbrowse.tui.app import NewsbrowseApp
from newsbrowse.tui.widgets.results import ResultsList

ROW = re.compile(r"^(\d{4}-\d{2}-\d{2}| {10}) .*\S")  # a row: the date column, then text


def rows_on_screen(pilot, screen) -> list[str]:
    """The results pane's rows that are article lines (not snippet lines)."""
    return [row for row in pane_rows(pilot, screen.results) if ROW.match(row)]


async def test_on_the_seeds_every_article_shows_at_launch(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        rows = rows_on_screen(pilot, screen)
        assert len(rows) == 5
        for info, row in zip(app.session.articles, rows, strict=True):
            assert row.startswith(info.date or " " * 10)
            assert info.label[:12] in row  # the headline (or label), cut to the pane
        if any(info.source for info in app.session.articles):
            source = next(info.source for info in app.session.articles if info.source)
            assert any(source in row for row in rows)


def many(tmp_path: Path, make_corpus, n: int = 60) -> NewsbrowseApp:
    corpus = make_corpus(tmp_path / "many", n)
    return NewsbrowseApp(corpus, library_factory=lambda c, i: FakeLibrary(c))


async def test_thirty_rows_at_140_by_40(tmp_path: Path, make_corpus) -> None:
    app = many(tmp_path, make_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        assert len(rows_on_screen(pilot, screen)) >= 30


async def test_fifteen_rows_at_80_by_24_with_count_and_time(
    tmp_path: Path, make_corpus, monkeypatch
) -> None:
    from pilot_helpers import let_move

    let_move(monkeypatch)  # timings shown, as people see them
    app = many(tmp_path, make_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search(pilot, "report")
        assert len(rows_on_screen(pilot, screen)) >= 15
        top = "\n".join(pane_rows(pilot, screen.search_bar))
        assert re.search(r"\b60 articles · \d+ ms\b", top), top


async def test_each_row_is_one_line_and_the_highlighted_one_shows_its_snippet(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        results = screen.results
        assert results.highlighted == 0
        prompts = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
        assert "\n" in prompts[0].plain and all("\n" not in p.plain for p in prompts[1:])
        snippet = prompts[0].plain.split("\n")[1:]
        assert 1 <= len(snippet) <= 2 and all(line.startswith("  ") for line in snippet)
        await pilot.press("escape")  # to the results
        results.focus()
        await pilot.press("j")
        await wait_for(pilot, lambda: "\n" in results.get_option_at_index(1).prompt.plain)
        assert "\n" not in results.get_option_at_index(0).prompt.plain


async def test_a_headline_and_its_snippet_do_not_repeat_one_sentence(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        results = screen.results
        for index, hit in enumerate(results.hits):
            results.highlighted = index
            await pilot.pause()
            _row, *snippet = results.get_option_at_index(index).prompt.plain.split("\n")
            words = " ".join(hit.label.split()[:6])
            assert words not in " ".join(line.strip() for line in snippet), hit.article


async def test_d_toggles_date_and_relevance(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas OR peskov")
        results = screen.results
        assert "by relevance" in str(results.border_subtitle)
        by_relevance = list(results.articles)
        results.focus()
        await pilot.press("d")
        await wait_for(pilot, lambda: "by date" in str(results.border_subtitle), "by date")
        dates = {info.id: info.date or "" for info in app.session.articles}
        shown = [dates[a] for a in results.articles]
        assert shown == sorted(shown, reverse=True)
        assert sorted(results.articles) == sorted(by_relevance)
        await pilot.press("d")
        await wait_for(pilot, lambda: "by relevance" in str(results.border_subtitle))
        await wait_for(pilot, lambda: list(results.articles) == by_relevance, "relevance order")


async def test_d_on_the_empty_query_says_why_it_does_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        screen.results.focus()
        await pilot.press("d")
        await wait_for(pilot, lambda: notified(pilot, "newest first"), "a notice")
        assert "newest first" in str(screen.results.border_subtitle)


async def test_more_rows_come_as_the_highlight_nears_the_end(tmp_path: Path, make_corpus) -> None:
    app = many(tmp_path, make_corpus, 230)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        results = screen.results
        first = len(results.articles)
        assert 60 <= first < 230  # two screens' worth, not all
        results.focus()
        await pilot.press("G")
        await wait_for(pilot, lambda: len(results.articles) == 2 * first, "the next page")
        assert results.highlighted == first - 1  # the view stayed where it was
        while (count := len(results.articles)) < 230:
            await pilot.press("G")
            await wait_for(pilot, lambda c=count: len(results.articles) > c, "more")
        assert len(set(results.articles)) == 230


class ListApp(App[None]):
    """The results list alone, recording the requests for more it posts."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []

    def compose(self):
        yield ResultsList(id="results")

    def on_results_list_more_wanted(self, message: ResultsList.MoreWanted) -> None:
        self.asked.append(message.have)


def fake_hits(n: int) -> list[Hit]:
    return [Hit(f"a{i}.txt", None, f"Article {i}", "2025-01-01", None, 1.0, "") for i in range(n)]


async def test_a_high_estimate_stops_asking_once_no_more_come() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ResultsList)
        results.focus()
        results.show(fake_hits(30), total=530)  # "about 530", as an estimate may say
        await pilot.press("G")
        await wait_for(pilot, lambda: app.asked == [30], "asked for more")
        results.show(fake_hits(30), total=530)  # the answer: nothing more came
        await pilot.press("k", "G", "k", "G")
        await pilot.pause()
        assert app.asked == [30]  # no more requests for rows that do not exist
        results.show(fake_hits(40), total=530)  # a new answer with more: asking resumes
        await pilot.press("G")
        await wait_for(pilot, lambda: app.asked == [30, 40], "asked again")
