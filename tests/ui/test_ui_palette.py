"""Command palette: "Go to speaker…", "Open article…", and the theme that persists."""

from __future__ import annotations

from pilot_helpers import main, ready, wait_for
from textual.command import CommandPalette

from newsbrowse.tui.user_state import UserState


def first_hit(pilot) -> str:
    """The text of the palette's first hit ('' when there is none)."""
    commands = pilot.app.screen.query_one("CommandList")
    return str(commands.get_option_at_index(0).prompt) if commands.option_count else ""


async def run_command(pilot, text: str, expect: str) -> None:
    """Open the palette, type ``text``, wait for a first hit containing ``expect``, run it."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "palette")
    await pilot.press(*text)
    await wait_for(pilot, lambda: expect in first_hit(pilot), f"a hit with {expect!r}")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "closed")


async def test_go_to_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await run_command(pilot, "Go to speaker peskov", "Dmitry Peskov")
        sidebar = screen.sidebar
        await wait_for(pilot, lambda: sidebar.speaker_tree.has_focus, "sidebar focused")
        assert sidebar.corpus_scope
        assert sidebar.selected is not None and sidebar.selected.name == "Dmitry Peskov"
        assert sidebar.speaker_tree.cursor_node.is_expanded


async def test_open_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        info = next(a for a in app.session.articles if a.title and "Kremlin" in a.title)
        await run_command(pilot, "Open article Kremlin finds", info.title)
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and screen.reader.article.id == info.id,
            "article open",
        )
        await wait_for(pilot, lambda: screen.reader.has_focus, "reader focused")


async def test_theme_choice_persists(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert app.theme != "nord"
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        commands = app.screen
        await pilot.press(*"theme")
        await wait_for(pilot, lambda: first_hit(pilot).startswith("Theme"), "the theme command")
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, CommandPalette) and app.screen is not commands,
            "theme list",
        )
        await pilot.press(*"nord")
        await wait_for(pilot, lambda: first_hit(pilot).startswith("nord"), "nord")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.theme == "nord", "nord")
        await wait_for(pilot, lambda: UserState.load().theme == "nord", "saved")
    again = make_app()
    async with again.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert again.theme == "nord"
        assert main(pilot).ready
