"""Keys: focus, escape layers, pane cycling, quitting, help, greyed keys, copy, keymap file."""

from __future__ import annotations

import platformdirs
from fake_library import FakeLibrary
from pilot_helpers import main, open_result, ready, record_notes, search, wait_for
from textual import events

from newsbrowse.tui.app import NewsbrowseApp
from newsbrowse.tui.keymap import parse_keymap
from newsbrowse.tui.screens.help import HelpScreen


def enabled(app, key: str) -> bool:
    return app.screen.active_bindings[key].enabled


async def test_focus_starts_on_the_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        assert screen.results.has_focus
        await pilot.press("j")
        assert screen.results.highlighted == 1, "j moves the results at once"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen), "? opens the help at once"


async def test_slash_focuses_the_search_and_is_typed_inside_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "kallas")
        await open_result(pilot, 0)
        await pilot.press("slash")
        search_input = main(pilot).search_bar.input
        assert search_input.has_focus and search_input.value == "kallas"
        await pilot.press(*"a/b")
        assert search_input.value == "a/b", "the old query was selected and replaced; / typed"


async def test_escape_backs_out_one_layer_and_keeps_the_query(make_app) -> None:
    app = make_app()
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        await pilot.press("escape")
        assert screen.results.has_focus
        await pilot.press("slash", "escape")
        assert screen.results.has_focus
        await pilot.press("escape")
        assert screen.results.has_focus
        assert screen.search_bar.value == "kallas" and screen.shown_query == "kallas"
        assert any("Already at the results" in note for note in notes)
        await pilot.press("tab", "tab")
        assert screen.sidebar.speaker_tree.has_focus
        await pilot.press("escape")
        assert screen.results.has_focus and screen.search_bar.value == "kallas"


async def test_ctrl_u_in_the_search_clears_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        await pilot.press("slash", "end", "ctrl+u")
        assert screen.search_bar.value == ""
        await wait_for(pilot, lambda: screen.shown_query == "", "every article again")
        assert screen.results.option_count == 5


async def test_tab_cycles_the_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert app.focused.id == "results"
        order = []
        for _ in range(5):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["reader", "speaker-tree", "saved", "query", "results"]
        await pilot.press("shift+tab")
        assert app.focused.id == "query"


async def test_q_quits_at_once_and_is_typed_in_the_input(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", "q")
        assert screen.search_bar.value == "q"
        assert app.is_running
        await pilot.press("escape", "q")
        await wait_for(pilot, lambda: not app.is_running, "quit")


async def test_escape_then_a_key_typed_fast_is_both_keys(make_app) -> None:
    """Within the terminal's escape delay, escape then ``q`` arrives as alt+q."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        await open_result(pilot, 0)
        # as a terminal's parser sends them (Pilot's alt keys carry no character)
        app.post_message(events.Key("alt+slash", "/"))  # escape to the results, / the search
        await wait_for(pilot, lambda: screen.search_bar.input.has_focus, "the search")
        assert screen.search_bar.value == "kallas", "/ was not typed into the query"
        await pilot.press("escape")
        app.post_message(events.Key("alt+q", "q"))  # escape at the results, then q
        await wait_for(pilot, lambda: not app.is_running, "quit")


async def test_escape_then_a_letter_read_as_one_key_in_the_search_is_both_keys(make_app) -> None:
    """In the search input escape then ``d`` (typed fast, or queued while the app was busy,
    as at 100,000 articles) arrive as alt+d, which the input took as a ``d`` to type:
    escape was lost and the query became ``kallasd``. Now: back to the results, then sort."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        assert screen.search_bar.input.has_focus
        sort = screen.results.sort_label
        app.post_message(events.Key("alt+d", "d"))  # as a terminal's parser sends them
        await wait_for(pilot, lambda: screen.results.sort_label != sort, "the sort toggled")
        assert screen.search_bar.value == "kallas", "d was not typed into the query"
        assert screen.results.has_focus


async def test_ctrl_q_quits_even_while_typing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash")
        assert screen.search_bar.input.has_focus
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, "quit")


async def test_help_lists_keys_and_syntax(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one("#help-keys").visual)
            for binding_id in app.binding_ids():
                assert binding_id in text
            syntax = str(app.screen.query_one("#help-syntax").visual)
            assert "speaker:peskov" in syntax and '"peace talks"' in syntax
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_unavailable_keys_are_greyed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab")
        await wait_for(pilot, lambda: screen.reader.article is not None, "preview")
        assert not enabled(app, "n"), "no query, no matches"
        assert not enabled(app, "y"), "no current quote"
        assert not enabled(app, "s"), "no speaker chosen"
        await search(pilot, "kallas")
        await open_result(pilot, 0)
        assert enabled(app, "n") and enabled(app, "right_square_bracket")
        assert not enabled(app, "y")
        await pilot.press("right_square_bracket")
        assert enabled(app, "y")


async def test_y_copies_a_citation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "kallas sceptical")
        screen = await open_result(pilot, 0)
        assert screen.reader.article.source == "News.Az"
        kinds = [r.quote.kind for r in screen.reader.quotes]
        # a direct quote: its words in quotation marks, then who, where and when
        for _ in range(kinds.index("direct") + 1):
            await pilot.press("right_square_bracket")
        record = screen.reader.current_quote
        assert record.quote.kind == "direct"
        await pilot.press("y")
        assert app.clipboard == (
            "“There has been a lot of pressure on Ukraine to concede, but this does not bring "
            "long-term peace” — Kaja Kallas, News.Az, 2026-02-23"
        )
        # an indirect quote: reported speech, never in quotation marks
        await pilot.press("left_square_bracket")
        record = screen.reader.current_quote
        assert record.quote.kind == "indirect" and record.speaker_name == "Kaja Kallas"
        await pilot.press("y")
        assert app.clipboard.startswith("Kaja Kallas said that ")
        assert app.clipboard.endswith(" (News.Az, 2026-02-23)")
        assert "“" not in app.clipboard and "”" not in app.clipboard


async def test_keymap_file_rebinds_by_id(make_app) -> None:
    path = platformdirs.user_config_path("newsbrowse") / "keymap.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keys]\n"reader.next_match" = "ctrl+n"\n"no.such.binding" = "x"\n')
    app = make_app()
    warnings: list[str] = []
    notify = app.notify

    def record(message, **kwargs) -> None:
        warnings.append(str(message))
        notify(message, **kwargs)

    app.notify = record
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "kallas")
        screen = await open_result(pilot, 0)
        await pilot.press("n")
        assert screen.reader.match_index is None
        await pilot.press("ctrl+n")
        assert screen.reader.match_index == 0
        assert any("no.such.binding" in warning for warning in warnings)


def test_keymap_parsing_reports_problems() -> None:
    loaded = parse_keymap('"a" = "x"\n"b" = 3\n"c" = ["f2", "f3"]\n', known_ids=["a", "b", "c"])
    assert loaded.keys == {"a": "x", "c": "f2,f3"}
    assert len(loaded.problems) == 1
    assert parse_keymap("[keys\n").problems


async def test_a_key_that_cannot_act_says_why(make_app) -> None:
    app = make_app()
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await wait_for(pilot, lambda: screen.reader.article is not None, "the preview")
        for key, why in (
            ("n", "No search to step through"),
            ("N", "No search to step through"),
            ("s", "No speaker selected"),
            ("S", "No speaker selected"),
            ("y", "No quote selected"),
            ("w", "always shown at this width"),
        ):
            notes.clear()
            await pilot.press(key)
            assert notes and why in notes[-1], (key, notes)
        await search(pilot, "zzqxnotfound")
        notes.clear()
        await pilot.press("escape", "n")
        assert notes == ["No match for “zzqxnotfound” in this article."]
        assert not enabled(app, "n"), "the footer agrees: n is dimmed"


async def test_no_quotes_says_so(seeds_copy) -> None:
    (seeds_copy / "plain.txt").write_text(
        "A quiet day\n\n2099-01-01\n\nNothing was said by anyone about anything today.\n",
        encoding="utf-8",
    )
    app = NewsbrowseApp(seeds_copy, library_factory=FakeLibrary)
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and screen.reader.article.id == "plain.txt",
            "the newest article previewed",
        )
        for key in ("right_square_bracket", "left_square_bracket"):
            notes.clear()
            await pilot.press(key)
            assert notes == ["No quotes in this article."], key
        assert not enabled(app, "right_square_bracket")


async def test_space_and_b_page_the_reader_from_the_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await ready(pilot)
        await wait_for(pilot, lambda: screen.reader.settled and screen.reader.article, "preview")
        assert screen.results.has_focus and screen.reader.scroll_y == 0
        await pilot.press("space")
        await wait_for(pilot, lambda: screen.reader.scroll_y > 0, "paged down")
        assert screen.results.has_focus
        await pilot.press("b")
        await wait_for(pilot, lambda: screen.reader.scroll_y == 0, "paged up")


async def test_f_on_unattributed_quotes_says_why(seeds_copy) -> None:
    (seeds_copy / "nobody.txt").write_text(
        "A quiet day\n\n2099-01-01\n\n"
        "“Nobody we know said this at all, not one bit,” a voice said.\n",
        encoding="utf-8",
    )
    app = NewsbrowseApp(seeds_copy, library_factory=FakeLibrary)
    notes = record_notes(app)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await wait_for(
            pilot,
            lambda: screen.reader.article is not None and screen.reader.article.id == "nobody.txt",
            "the newest article previewed",
        )
        await pilot.press("tab", "tab")
        tree = screen.sidebar.speaker_tree
        await wait_for(pilot, lambda: tree.has_focus and tree.cursor_node is not None, "tree")
        assert tree.cursor_node.data.speaker_id is None
        await pilot.press("f")
        assert notes == ["Unattributed quotes have no speaker to filter by."]
        assert not enabled(app, "f"), "dimmed in the footer"
        assert screen.search_bar.value == "", "no filter was applied"
