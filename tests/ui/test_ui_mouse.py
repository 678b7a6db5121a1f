"""The mouse: clicking results, panes and the scope line; hovering a quote names its speaker."""

from __future__ import annotations

from pilot_helpers import open_result, search, wait_for
from rich.cells import cell_len
from textual.geometry import Offset


async def test_clicks_open_results_and_toggle_the_scope(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        second = screen.results.articles[1]
        # Results are separated by a rule: find the first row of the second hit.
        rows = screen.results._lines
        y = next(i for i, (index, _) in enumerate(rows) if index == 1)
        await pilot.click(screen.results, offset=Offset(3, y + screen.results.gutter.top))
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and screen.reader.article.id == second,
            "clicked article",
        )
        await pilot.click(screen.reader)
        assert screen.reader.has_focus
        await pilot.click("#scope")
        await wait_for(pilot, lambda: screen.sidebar.corpus_scope, "corpus scope")


async def test_hovering_a_quote_shows_its_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "peskov")
        screen = await open_result(pilot, 0)
        await pilot.press("right_square_bracket")
        reader = screen.reader
        record = reader.current_quote
        line = reader.line_of(record.quote.start)
        span = reader.line_span(line)
        assert span is not None
        column = cell_len(reader.line_text(line)[: record.quote.start - span[0]])
        where = Offset(
            reader.gutter.left + column + 1, reader.gutter.top + line - round(reader.scroll_y)
        )
        await pilot.hover(reader, offset=where)
        await wait_for(pilot, lambda: reader.tooltip is not None, "tooltip")
        assert record.speaker_name in str(reader.tooltip)
        await pilot.hover(screen.results, offset=Offset(2, 2))
        await pilot.hover(reader, offset=where)
        await wait_for(pilot, lambda: reader.tooltip is not None, "tooltip again")
        meta = Offset(reader.gutter.left + 1, reader.gutter.top + 1 - round(reader.scroll_y))
        await pilot.hover(reader, offset=meta)
        await wait_for(pilot, lambda: reader.tooltip is None, "no quote, no tooltip")
