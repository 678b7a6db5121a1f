"""Up and Down in the search input walk the searches of this and earlier runs."""

from __future__ import annotations

from pilot_helpers import ready, record_notes, search, wait_for

from newsbrowse.tui.user_state import UserState


async def test_searches_are_kept_and_walked_in_the_next_run(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"kallas", "enter")  # submitted
        await wait_for(pilot, lambda: screen.shown_query == "kallas", "kallas")
        await pilot.press("slash", *"peskov")
        await wait_for(pilot, lambda: screen.shown_query == "peskov", "peskov")
        await pilot.press("escape")  # left the input: settled
        await pilot.press("slash", *"lav", "ctrl+q")  # never settled: not kept
    assert UserState.load().history == ["peskov", "kallas"]

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        search_input = screen.search_bar.input
        await pilot.press("slash", *"dr", "up")
        assert search_input.value == "peskov"
        await wait_for(pilot, lambda: screen.shown_query == "peskov", "the history's results")
        await pilot.press("up")
        assert search_input.value == "kallas"
        notes = record_notes(app)
        await pilot.press("up")
        assert search_input.value == "kallas" and notes == ["No earlier searches."]
        await pilot.press("down", "down")
        assert search_input.value == "dr", "past the newest: what was typed"
        await pilot.press("up", "backspace")
        assert search_input.value == "pesko"
        await pilot.press("down")
        assert search_input.value == "pesko", "typing ended the walk"


async def test_the_history_keeps_a_query_once_newest_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        for query in ("kallas", "peskov", "kallas"):
            await search(pilot, query)
            await pilot.press("enter")
        await pilot.press("escape")
    assert UserState.load().history == ["kallas", "peskov"]
