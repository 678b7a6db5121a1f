"""Choosing a speaker lands the reader on one of their quotes; s/S carry on from there; and
backspace returns to where the user was."""

from __future__ import annotations

from pilot_helpers import open_result, palette_command, ready, search, wait_for


def speaker_quote(screen, name: str) -> bool:
    record = screen.reader.current_quote
    return record is not None and record.speaker_name == name and screen.reader.settled


async def test_palette_go_to_speaker_lands_on_a_quote_and_backspace_returns(make_app) -> None:
    """Issue 13, done when: ctrl+p, Dmitry Peskov, enter; backspace returns."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        reader = screen.reader
        await wait_for(pilot, lambda: reader.article is not None and reader.settled, "preview")
        before = (reader.article.id, reader.offset_at_top(), reader.current_quote)
        await palette_command(pilot, "Dmitry Peskov", "Go to speaker")
        await wait_for(pilot, lambda: speaker_quote(screen, "Dmitry Peskov"), "on his quote")
        assert reader.article.id != before[0]  # the first article quotes him nowhere
        # His earliest quote: the one shown is the first of his in the article.
        ids = [r.quote.start for r in reader.quotes if r.speaker_name == "Dmitry Peskov"]
        assert reader.current_quote.quote.start == min(ids)
        screen.sidebar.speaker_tree.focus()  # where the palette leaves the user
        await pilot.press("backspace")
        await wait_for(
            pilot,
            lambda: reader.article.id == before[0] and reader.settled,
            "back where the user was",
        )
        assert (reader.article.id, reader.offset_at_top(), reader.current_quote) == before


async def test_go_to_speaker_prefers_the_open_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        await open_result(pilot, 1)
        reader = screen.reader
        opened = reader.article.id
        here = [r for r in reader.quotes if r.speaker_name == "Kaja Kallas"]
        assert here, "the article quotes Kallas"
        await palette_command(pilot, "Go to speaker Kaja Kallas", "Kaja Kallas")
        await wait_for(pilot, lambda: speaker_quote(screen, "Kaja Kallas"), "on her quote")
        assert reader.article.id == opened
        assert reader.current_quote.quote.start == min(r.quote.start for r in here)


async def test_enter_on_a_speaker_in_the_sidebar_lands_and_s_carries_on(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "peskov")
        await open_result(pilot, 0)
        tree = screen.sidebar.speaker_tree
        node = next(n for n in tree.root.children if n.data.name == "Dmitry Peskov")
        tree.focus()
        tree.move_cursor(node)
        await pilot.press("enter")
        await wait_for(pilot, lambda: speaker_quote(screen, "Dmitry Peskov"), "on his quote")
        assert node.is_expanded  # and his quotes are listed under him
        reader = screen.reader
        starts = sorted(r.quote.start for r in reader.quotes if r.speaker_name == "Dmitry Peskov")
        assert reader.current_quote.quote.start == starts[0]
        await pilot.press("s")
        await wait_for(pilot, lambda: reader.current_quote.quote.start == starts[1], "his next")
        await pilot.press("S")
        await wait_for(pilot, lambda: reader.current_quote.quote.start == starts[0], "back")
        await pilot.press("enter")  # again: stays expanded, lands again
        await pilot.pause()
        assert node.is_expanded
        await pilot.press("space")  # space folds
        await wait_for(pilot, lambda: not node.is_expanded, "folded")
