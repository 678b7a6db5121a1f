"""Snapshots of the main screens (pytest-textual-snapshot). Update: --snapshot-update."""

from __future__ import annotations

from pilot_helpers import open_first, palette_command, preview, ready, search, wait_for
from textual.pilot import Pilot

WIDE = (140, 40)


def test_main_screen_with_results(snap_compare, snapshot_app) -> None:
    """Typing a query: hits with lit snippets, the top hit previewed."""

    async def run_before(pilot: Pilot) -> None:
        await preview(pilot, "kallas")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_reader_with_matches_and_quotes(snap_compare, snapshot_app) -> None:
    """An open article: matches and quotes lit, the second match marked and centred."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "peskov")
        await pilot.press("n", "n")
        await wait_for(pilot, lambda: screen.reader.match_index == 1, "second match")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_reader_on_a_quote(snap_compare, snapshot_app) -> None:
    """``]`` marks a quote; the reader's border names the speaker."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "peskov")
        await pilot.press("right_square_bracket", "right_square_bracket")
        await wait_for(pilot, lambda: screen.reader.quote_index == 1, "second quote")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_sidebar_expanded(snap_compare, snapshot_app) -> None:
    """A speaker expanded to their quotes (filter row first)."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "peskov")
        tree = screen.sidebar.speaker_tree
        node = next(n for n in tree.root.children if n.data.name == "Dmitry Peskov")
        tree.focus()
        tree.move_cursor(node)
        await pilot.press("enter")
        await wait_for(pilot, lambda: node.is_expanded and len(node.children) > 1, "expanded")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_launch(snap_compare, snapshot_app) -> None:
    """At launch the results have the focus: their keys in the footer, the ones that can't
    act yet (no query, no speaker, no quote) dimmed; the newest article previewed."""

    async def run_before(pilot: Pilot) -> None:
        screen = await ready(pilot)
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and screen.reader.settled,
            "the preview",
        )

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_help_screen(snap_compare, snapshot_app) -> None:
    """``?`` at launch: every key with its id, and the query syntax."""

    async def run_before(pilot: Pilot) -> None:
        await ready(pilot)
        await pilot.press("question_mark")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_narrow_layout(snap_compare, snapshot_app) -> None:
    """80×24: results and reader; the sidebar is a toggle."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "kallas")
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.reader.match_index == 0, "first match")

    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=run_before)


def test_narrow_layout_with_the_sidebar(snap_compare, snapshot_app) -> None:
    """80×24 after ``tab`` from the reader: the speakers take the results' place."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "kallas")
        await pilot.press("tab")
        await wait_for(pilot, lambda: screen.sidebar.speaker_tree.has_focus, "sidebar")

    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=run_before)


def test_reader_find(snap_compare, snapshot_app) -> None:
    """``ctrl+f``: the find line under the reader, its hits lit, the second one marked."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "peskov")
        await pilot.press("ctrl+f", *"russia", "enter", "n")
        await wait_for(pilot, lambda: screen.reader.find_index == 1, "second hit")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_reader_on_a_quote_other_articles_report(snap_compare, snapshot_app) -> None:
    """On a quote that another article reports too (the seeds' two translations of Kallas
    on Putin's promises), a line under the reader says where else and who reported it first."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "kallas promises kept")
        reader = screen.reader
        for _ in reader.quotes:
            await pilot.press("right_square_bracket")
            record = reader.current_quote
            if record is not None and "promises" in record.quote.text:
                break
        line = screen.query_one("#provenance")
        await wait_for(pilot, lambda: line.display, "provenance")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_speaker_timeline(snap_compare, snapshot_app) -> None:
    """A speaker's timeline: every quote in date order, outlet, kind and confidence."""

    async def run_before(pilot: Pilot) -> None:
        from newsbrowse.tui.screens.timeline import TimelineScreen

        await ready(pilot)
        await palette_command(pilot, "Timeline of Kaja Kallas", "Timeline of")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen), "timeline")

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_sidebar_with_saved_searches_and_bookmarks(snap_compare, snapshot_app) -> None:
    """The sidebar's saved section: a search with its live count, two bookmarks; the
    article opened is read (dimmed in the list)."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_first(pilot, "kallas")
        await pilot.press("m", "right_square_bracket", "m")
        await pilot.press("ctrl+s", *"Kallas watch", "enter")
        await wait_for(pilot, lambda: screen.session.saved_counts.get("Kallas watch"), "count")
        screen.results.focus()
        screen.results.highlighted = 1
        await wait_for(pilot, lambda: screen.reader.settled, "settled")
        pilot.app.clear_notifications()

    assert snap_compare(snapshot_app, terminal_size=WIDE, run_before=run_before)


def test_save_search_prompt(snap_compare, snapshot_app) -> None:
    """ctrl+s asks for a name, the query offered as one."""

    async def run_before(pilot: Pilot) -> None:
        from newsbrowse.tui.screens.name_prompt import NamePrompt

        screen = await search(pilot, "peace talks")
        await wait_for(pilot, lambda: screen.reader.article is not None, "the preview")
        await wait_for(pilot, lambda: screen.reader.settled, "settled")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NamePrompt), "prompt")

    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=run_before)
