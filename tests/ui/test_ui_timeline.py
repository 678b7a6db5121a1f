"""A speaker's timeline: every quote of theirs in date order; enter jumps; e exports."""

from __future__ import annotations

import json

from pilot_helpers import open_result, palette_command, ready, search, wait_for

from newsbrowse.tui.screens.choice import ChoiceScreen
from newsbrowse.tui.screens.timeline import TimelineScreen
from newsbrowse.tui.timeline import exports_dir


async def open_timeline_of(pilot, screen, name: str) -> TimelineScreen:
    tree = screen.sidebar.speaker_tree
    node = next(n for n in tree.root.children if n.data.name == name)
    tree.focus()
    tree.move_cursor(node)
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen), "timeline")
    timeline = pilot.app.screen
    assert isinstance(timeline, TimelineScreen)
    return timeline


async def test_t_on_a_speaker_lists_every_quote_in_date_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        screen.sidebar.set_scope(True)  # the corpus's speakers
        await wait_for(pilot, lambda: screen.sidebar.speaker_tree.root.children, "speakers")
        timeline = await open_timeline_of(pilot, screen, "Kaja Kallas")
        library = app.session.library
        speaker = next(s for s in app.session.speakers if s.name == "Kaja Kallas")
        expected = library.quotes(speaker=speaker.id)
        assert sum(len(e.reports) for e in timeline.entries) == len(expected) == speaker.quotes
        clustered = {r.cluster for r in expected if r.cluster}
        folded = len(expected) - len(timeline.entries)
        assert folded == sum(sum(1 for r in expected if r.cluster == c) - 1 for c in clustered), (
            "the reports of one cluster are one entry"
        )
        dates = [e.date for e in timeline.entries]
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates[: len(dated)] == dated  # undated last
        shown = "\n".join(str(o.prompt) for o in timeline.timeline.options)
        first = timeline.entries[0]
        assert first.first.outlet is None or first.first.outlet in shown
        assert f"{first.kind} · {first.confidence:.2f}" in shown
        assert "Kaja Kallas" in str(timeline.query_one("#timeline-title").visual)


async def test_enter_jumps_to_the_quote_and_is_a_history_step(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "peskov")
        await open_result(pilot, 0)
        before = screen.reader.article.id
        await pilot.press("escape")
        screen.sidebar.set_scope(True)
        await wait_for(pilot, lambda: screen.sidebar.speaker_tree.root.children, "speakers")
        timeline = await open_timeline_of(pilot, screen, "Kaja Kallas")
        await pilot.press("j", "j")
        chosen = timeline.entries[timeline.timeline.highlighted].record
        await pilot.press("enter")
        reader = screen.reader
        await wait_for(
            pilot,
            lambda: (
                reader.current_quote is not None
                and (reader.current_quote.article, reader.current_quote.quote.start)
                == (chosen.article, chosen.quote.start)
            ),
            "on the chosen quote",
        )
        await wait_for(pilot, lambda: reader.has_focus, "reader focused")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: reader.article.id == before, "back")


async def test_the_palette_opens_a_timeline(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await palette_command(pilot, "Timeline of Dmitry Peskov", "Timeline of")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "timeline")
        assert app.screen.speaker == "Dmitry Peskov" and app.screen.entries
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TimelineScreen), "closed")


async def test_e_exports_to_a_new_file_and_shows_its_path(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await palette_command(pilot, "Timeline of Dmitry Peskov", "Timeline of")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "timeline")
        timeline = app.screen
        for letter, suffix in (("m", ".md"), ("c", ".csv"), ("j", ".json")):
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen), "formats")
            await pilot.press(letter)
            await wait_for(
                pilot,
                lambda s=suffix: timeline.exported is not None and timeline.exported.suffix == s,
                f"{suffix} written",
            )
            path = timeline.exported
            assert path.parent == exports_dir() and path.is_file()
            assert str(path) in str(timeline.query_one("#timeline-status").visual)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["speaker"] == "Dmitry Peskov"
        assert sum(len(s["reports"]) for s in data["statements"]) == len(timeline.entries)
        await pilot.press("e", "escape")  # a cancelled export writes nothing
        await wait_for(pilot, lambda: app.screen is timeline, "back on the timeline")
        assert len(list(exports_dir().iterdir())) == 3
