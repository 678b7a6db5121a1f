"""History: backspace and alt+left go back through the articles and positions visited,
alt+right forward; every jump is a step."""

from __future__ import annotations

from pilot_helpers import notified, open_result, palette_command, ready, search, wait_for


def at(screen, article: str, quote_start: int | None = None) -> bool:
    reader = screen.reader
    if reader.article is None or reader.article.id != article or not reader.settled:
        return False
    if quote_start is None:
        return True
    return reader.current_quote is not None and reader.current_quote.quote.start == quote_start


async def test_back_and_forward_through_articles_and_positions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")  # four articles, not "Kremlin finds…"
        await open_result(pilot, 0)
        reader = screen.reader
        first = reader.article.id
        await pilot.press("space")  # read down a page
        await wait_for(pilot, lambda: reader.offset_at_top() > 0, "scrolled")
        position = reader.offset_at_top()
        await open_result(pilot, 1)  # a jump: open another article
        second = reader.article.id
        assert second != first
        await pilot.press("right_square_bracket", "right_square_bracket")
        quote = reader.current_quote.quote.start
        await palette_command(pilot, "Open article Kremlin finds", "Kremlin")
        await wait_for(pilot, lambda: reader.article.id not in (first, second), "third")
        third = reader.article.id

        await pilot.press("backspace")
        await wait_for(pilot, lambda: at(screen, second, quote), "second, on its quote")
        await pilot.press("alt+left")
        await wait_for(pilot, lambda: at(screen, first), "first")
        assert reader.offset_at_top() == position  # where the user had read to
        await pilot.press("backspace")  # nothing further back: says so, stays
        await wait_for(pilot, lambda: notified(pilot, "further back"), "a notice")
        assert at(screen, first)
        await pilot.press("alt+right")
        await wait_for(pilot, lambda: at(screen, second, quote), "forward to the second")
        await pilot.press("alt+right")
        await wait_for(pilot, lambda: at(screen, third), "forward to the third")


async def test_speaker_steps_are_history_steps(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "peskov")
        await open_result(pilot, 0)
        tree = screen.sidebar.speaker_tree
        node = next(n for n in tree.root.children if n.data.name == "Dmitry Peskov")
        tree.focus()
        tree.move_cursor(node)
        await pilot.press("enter")
        reader = screen.reader
        await wait_for(pilot, lambda: reader.current_quote is not None and reader.settled)
        landed = reader.current_quote.quote.start
        await pilot.press("s")
        await wait_for(pilot, lambda: reader.current_quote.quote.start != landed, "next quote")
        article = reader.article.id
        await pilot.press("backspace")
        await wait_for(pilot, lambda: at(screen, article, landed), "back to the landing quote")
        await pilot.press("backspace")  # to the article as opened: nothing marked
        await wait_for(pilot, lambda: reader.current_quote is None, "no quote marked")
        assert at(screen, article) and reader.offset_at_top() == 0


async def test_backspace_in_the_search_input_edits_the_query(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        await open_result(pilot, 0)
        await search(pilot, "peskov")
        assert screen.search_bar.input.has_focus
        await pilot.press("end", "backspace")
        assert screen.search_bar.value == "pesko"
        assert screen.session.places.index == 0  # no step was taken back


async def test_backspace_with_nowhere_to_go_says_why(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        assert app.focused is screen.results
        await pilot.press("backspace")
        await wait_for(pilot, lambda: notified(pilot, "Nothing further back"), "a notice")
        await pilot.press("alt+right")
        await wait_for(pilot, lambda: notified(pilot, "Nothing further forward"), "a notice")
