"""The mouse: clicking results, panes and the scope line; hovering a quote names its speaker."""

from __future__ import annotations

from pilot_helpers import open_result, search, wait_for
from rich.cells import cell_len
from textual.geometry import Offset

from newsbrowse.tui.widgets.paragraph import Paragraph


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
        record = screen.reader.current_quote
        paragraph = screen.reader._paragraph_at(record.quote.start)
        assert isinstance(paragraph, Paragraph)
        line = paragraph.line_of(record.quote.start)
        line_start = paragraph.offset_of_line(line) - paragraph.start
        local = record.quote.start - paragraph.start
        column = cell_len(paragraph.plain[line_start:local])
        await pilot.hover(paragraph, offset=Offset(column + 1, line))
        await wait_for(pilot, lambda: paragraph.tooltip is not None, "tooltip")
        assert record.speaker_name in str(paragraph.tooltip)
        await pilot.hover(screen.results, offset=Offset(2, 2))
        await pilot.hover(paragraph, offset=Offset(column + 1, line))
        await wait_for(pilot, lambda: paragraph.tooltip is not None, "tooltip again")
