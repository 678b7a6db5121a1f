"""The footer at 80×24: ``? help`` and the focused pane's keys stay; the rest goes first;
the sidebar toggle is offered."""

from __future__ import annotations

import gc
import weakref

from pilot_helpers import open_result, ready, screen_lines, search, wait_for
from textual.widgets._footer import FooterKey


def footer(pilot) -> str:
    return screen_lines(pilot)[-1]


async def shows(pilot, *texts: str) -> None:
    await wait_for(pilot, lambda: all(t in footer(pilot) for t in texts), f"footer with {texts}")


async def test_help_and_the_panes_keys_stay_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search(pilot, "peskov")
        await shows(pilot, "f1 help")  # in the input, ? is typed
        assert "/ search" not in footer(pilot)  # and so is /
        screen.results.focus()
        await shows(pilot, "? help", "⏎ open", "d sort", "u unread", "w speakers")
        await open_result(pilot, 0)
        await shows(pilot, "? help", "nN match", "][ quote", "y copy", "w speakers")
        await pilot.press("w")
        await wait_for(pilot, lambda: screen.sidebar.speaker_tree.has_focus, "sidebar")
        await shows(pilot, "? help", "c scope", "t timeline")
        assert "d sort" not in footer(pilot)  # the results' keys are not the sidebar's
        text = footer(pilot)
        assert not text.rstrip().endswith(("…", "─")), "no key is cut in half"


async def test_every_key_fits_when_wide(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        screen.results.focus()
        await shows(pilot, "⏎ open", "d sort", "/ search", "q quit", "? help", "^p palette")
        assert "w speakers" not in footer(pilot)  # no toggle: the sidebar is always shown


async def test_keys_the_footer_replaces_are_freed(make_app) -> None:
    """Each recompose (a focus change, an article opened) replaces the keys; the old ones
    must go. Bound with ``data_bind``, each stayed in the footer's watchers for good: ~20
    widgets kept alive per article opened (2,300 after 120 articles)."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "peskov")
        screen.results.focus()
        await shows(pilot, "⏎ open", "d sort")
        old = [weakref.ref(key) for key in screen.query(FooterKey)]
        await open_result(pilot, 0)
        await shows(pilot, "nN match", "][ quote")
        gone = [ref for ref in old if ref() is not None and not ref().is_attached]
        assert gone, "opening the article replaced the footer's keys"
        gc.unfreeze()  # the app freezes what it loads (tui/heap.py): let the collector see all
        gc.collect()
        assert [ref for ref in gone if ref() is not None] == []
