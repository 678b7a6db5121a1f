"""The reader: title and metadata, matches (n/N), quotes (]/[), scrolling, reading positions."""

from __future__ import annotations

from itertools import pairwise

from pilot_helpers import (
    line_in_view,
    open_result,
    ready,
    row_of,
    screen_lines,
    search,
    wait_for,
    wrapped_line,
)
from textual import events

from newsbrowse.tui.user_state import UserState
from newsbrowse.tui.widgets.quote_provenance import QuoteProvenance


def on_screen(pilot, text: str) -> bool:
    return any(text in row for row in screen_lines(pilot))


def subtitle(screen) -> str:
    return str(screen.reader._border_subtitle or "")


async def test_open_shows_title_metadata_and_paragraphs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        article = reader.article
        assert article is not None
        rows = screen_lines(pilot)
        top = reader.region.y + reader.gutter.top
        assert article.label.split()[0] in rows[top]
        meta = next(y for y in range(5) if reader.line_span(y) is None)
        for part in (article.date, article.author, article.source):
            if part:
                assert part in reader.line_text(meta) and part in rows[top + meta]
        lines = [reader.line_of(start) for start, _ in article.paragraphs]
        assert lines == sorted(lines) and lines[0] > meta + 1
        assert all(b - a >= 2 for a, b in pairwise(lines)), "a blank between"
        for (start, end), line in zip(article.paragraphs, lines, strict=True):
            assert line is not None and reader.line_span(line)[0] == start
            words = article.text[start:end].split()
            assert reader.line_text(line).split()[0] == words[0]
        first = article.paragraphs[0][0]
        assert wrapped_line(screen, first) in rows[row_of(screen, first)]


async def test_n_and_N_step_matches_with_a_counter_and_wrap(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        total = len(reader.matches)
        assert total >= 2
        assert reader.matches == [
            span
            for span in app.session.library.matches(reader.article.id, "kallas")
            if reader._shown(span[0])
        ]
        assert f"match -/{total}" in subtitle(screen)
        await pilot.press("n")
        assert reader.match_index == 0
        assert f"match 1/{total}" in subtitle(screen)
        await pilot.press("n")
        assert f"match 2/{total}" in subtitle(screen)
        await pilot.press("N", "N")
        assert f"match {total}/{total}" in subtitle(screen)
        start, end = reader.matches[-1]
        assert reader.article.text[start:end].lower().startswith("kallas")
        assert line_in_view(screen, start)


async def test_jumps_centre_their_target(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        for _ in range(len(reader.matches)):
            await pilot.press("n")
            start = reader.matches[reader.match_index][0]
            line = reader.line_of(start)
            height = reader.scrollable_content_region.height
            centred = line - round(reader.scroll_y) == height // 2
            clamped = reader.scroll_y in (0, reader.max_scroll_y)
            assert line_in_view(screen, start)
            assert centred or clamped, (line, reader.scroll_y, height)
            row = screen_lines(pilot)[row_of(screen, start)]
            assert wrapped_line(screen, start) in row
        assert reader.mark == reader.matches[reader.match_index]


async def test_brackets_step_quotes_and_show_the_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "peskov")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        total = len(reader.quotes)
        assert total >= 2
        await pilot.press("right_square_bracket")
        first = reader.current_quote
        assert first is not None and reader.quote_index == 0
        assert f"quote 1/{total}" in subtitle(screen)
        assert (first.speaker_name or "unattributed") in subtitle(screen)
        assert line_in_view(screen, first.quote.start)
        await pilot.press("right_square_bracket")
        assert reader.quote_index == 1
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert reader.quote_index == total - 1
        assert f"quote {total}/{total}" in subtitle(screen)


async def test_scroll_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        assert reader.max_scroll_y > 10
        await pilot.press("j")
        assert reader.scroll_y == 1
        await pilot.press("k")
        assert reader.scroll_y == 0
        await pilot.press("ctrl+d")
        half = reader.scroll_y
        assert half >= 3
        await pilot.press("ctrl+u")
        assert reader.scroll_y == 0
        await pilot.press("space")
        assert reader.scroll_y > half
        await pilot.press("b")
        assert reader.scroll_y == 0
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("g")
        assert reader.scroll_y == 0


async def test_reading_position_is_remembered_across_runs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        article = screen.reader.article.id
        await pilot.press("ctrl+d", "ctrl+d", "j")
        offset = screen.reader.offset_at_top()
        assert offset > 0
        await wait_for(
            pilot,
            lambda: UserState.load().position(app.session.corpus_key, article) == offset,
            "saved position",
        )
    again = make_app()
    async with again.run_test(size=(100, 16)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        assert screen.reader.article.id == article
        await wait_for(
            pilot,
            lambda: screen.reader.offset_at_top() == offset,
            "restored position",
        )


async def test_reading_position_is_remembered_in_the_session(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await ready(pilot)
        await open_result(pilot, 0)
        await pilot.press("ctrl+d", "ctrl+d")
        offset = screen.reader.offset_at_top()
        first = screen.reader.article.id
        await wait_for(
            pilot, lambda: app.session.user.position(app.session.corpus_key, first) == offset
        )
        await open_result(pilot, 1)
        assert screen.reader.scroll_y == 0
        await open_result(pilot, 0)
        await wait_for(
            pilot,
            lambda: screen.reader.offset_at_top() == offset,
            "restored position",
        )


async def test_the_mouse_wheel_scrolls_the_reader(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        await pilot._post_mouse_events([events.MouseScrollDown] * 2, reader, offset=(5, 5))
        await wait_for(pilot, lambda: reader.scroll_y > 0, "scrolled down")
        down = reader.scroll_y
        await pilot._post_mouse_events([events.MouseScrollUp], reader, offset=(5, 5))
        await wait_for(pilot, lambda: reader.scroll_y < down, "scrolled up")


async def test_a_resize_keeps_the_line_at_the_top(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        await pilot.press("ctrl+d", "ctrl+d", "j")
        top = reader.line_span(round(reader.scroll_y))
        assert top is not None, "on a line of text"
        for size in ((90, 30), (160, 30)):
            await pilot.resize_terminal(*size)
            await wait_for(pilot, lambda: reader._width == reader.scrollable_content_region.width)
            now = reader.line_span(round(reader.scroll_y))
            if reader.scroll_y < reader.max_scroll_y:
                assert now is not None and now[0] <= top[0] < now[1], size
            else:  # the end of the article is in view: it cannot go further
                assert line_in_view(screen, top[0]), size


async def test_the_reader_says_where_else_the_current_quote_was_reported(make_app) -> None:
    """The seeds' two translations of Kallas on Putin's promises are one statement: on
    either quote the line under the reader says the other article reports it too; on her
    other words the line is hidden."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "kallas promises kept")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        assert reader.article is not None and reader.article.id == "004_7d5e14b8733fb70a.txt"
        line = screen.query_one(QuoteProvenance)
        expected = "also in 1 article, first reported 2025-08-22"
        seen = set()
        for index in range(len(reader.quotes)):
            await pilot.press("right_square_bracket")
            await wait_for(pilot, lambda i=index: reader.quote_index == i, "next quote")
            record = reader.current_quote
            assert record is not None
            promises = "promises" in record.quote.text
            await wait_for(pilot, lambda p=promises: line.display == p, "provenance line")
            if promises:
                assert str(line.render()) == expected
                await wait_for(pilot, lambda: on_screen(pilot, expected), "the line on screen")
            seen.add(promises)
        assert seen == {True, False}
