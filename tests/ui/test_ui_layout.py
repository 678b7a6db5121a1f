"""The narrow layout (80×24): the sidebar becomes a toggle that tab still reaches."""

from __future__ import annotations

from pilot_helpers import open_result, ready, search, wait_for


async def test_wide_layout_shows_three_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        assert not screen.narrow
        for pane in (screen.results, screen.reader, screen.sidebar):
            assert pane.display and pane.region.width > 20
        assert screen.sidebar.region.x > screen.reader.region.x > screen.results.region.x


async def test_narrow_layout_hides_the_sidebar_until_asked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.narrow
        assert not screen.sidebar.display
        assert screen.results.region.width >= 25 and screen.reader.region.width >= 40
        await search(pilot, "kallas")
        await open_result(pilot, 0)
        await pilot.press("tab")
        assert screen.sidebar.speaker_tree.has_focus
        assert screen.sidebar.display and screen.sidebar.region.width >= 25
        assert not screen.results.display
        assert screen.reader.region.width >= 40
        await pilot.press("tab")
        assert screen.saved_items.has_focus and screen.sidebar.display
        await pilot.press("tab")
        assert screen.search_bar.input.has_focus
        assert not screen.sidebar.display and screen.results.display


async def test_w_toggles_the_sidebar_when_narrow(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await search(pilot, "peskov")
        await open_result(pilot, 0)
        await pilot.press("w")
        assert screen.sidebar.display and screen.sidebar.speaker_tree.has_focus
        await pilot.press("w")
        assert not screen.sidebar.display and screen.reader.has_focus
        await pilot.press("w", "escape")
        assert not screen.sidebar.display and screen.results.has_focus


async def test_w_is_not_offered_when_wide(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: "w" not in app.screen.active_bindings, "no w binding")
