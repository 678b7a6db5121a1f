"""Saved searches (ctrl+s), bookmarks (m) and read marks: in the sidebar, the palette, and
the user data directory."""

from __future__ import annotations

import json

from pilot_helpers import notified, open_result, palette_command, ready, search, wait_for

from newsbrowse.tui.saved import SavedSearch, SavedStore, saved_path
from newsbrowse.tui.screens.name_prompt import NamePrompt
from newsbrowse.tui.widgets.saved_items import SavedItems


def sidebar_text(screen) -> str:
    return "\n".join(str(o.prompt) for o in screen.saved_items.options)


async def test_ctrl_s_saves_the_query_under_a_name_with_a_live_count(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "kallas")
        total = app.session.library.search("kallas").total
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, NamePrompt), "name prompt")
        await pilot.press(*"Kallas watch", "enter")
        await wait_for(pilot, lambda: f"Kallas watch  {total}" in sidebar_text(screen), "count")
        assert SavedStore.load().searches == [SavedSearch("Kallas watch", "kallas")]
        assert saved_path().is_file()

    again = make_app()  # kept across runs; the palette runs it
    async with again.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await wait_for(pilot, lambda: f"Kallas watch  {total}" in sidebar_text(screen))
        await palette_command(pilot, "Saved search Kallas", "Kallas watch")
        await wait_for(pilot, lambda: screen.shown_query == "kallas", "the saved query runs")
        assert screen.search_bar.value == "kallas"


async def test_enter_in_the_sidebar_runs_a_saved_search_and_x_forgets_it(make_app) -> None:
    SavedStore.load().save_search("Peskov", "peskov", "date")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        items = screen.saved_items
        items.focus()
        await wait_for(pilot, lambda: isinstance(items.current, SavedSearch), "on the search")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.shown_query == "peskov", "ran")
        assert app.session.sort == "date"  # the sort saved with it
        assert "by date" in str(screen.results.border_subtitle)
        items.focus()
        await pilot.press("x")
        await wait_for(pilot, lambda: "Peskov" not in sidebar_text(screen), "forgotten")
        assert SavedStore.load().searches == []


async def test_ctrl_s_with_no_query_says_why(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        screen.results.focus()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: notified(pilot, "No query to save"), "a notice")
        assert not isinstance(app.screen, NamePrompt)


async def test_m_bookmarks_the_quote_or_article_and_lists_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await search(pilot, "peskov")
        await open_result(pilot, 0)
        reader = screen.reader
        article = reader.article.id
        await pilot.press("m")  # no quote marked: the article
        await pilot.press("right_square_bracket", "m")  # the quote
        quote = reader.current_quote.quote
        marks = app.session.bookmarks()
        assert [(m.article, m.quote) for m in marks] == [
            (article, (quote.start, quote.end)),
            (article, None),
        ]
        text = sidebar_text(screen)
        assert "Bookmarks" in text and reader.article.label[:20] in text
        # Another article, then the quote's bookmark from the palette.
        await search(pilot, "kallas")
        await open_result(pilot, 0)
        assert reader.article.id != article
        await palette_command(pilot, "Bookmark", "Bookmark")
        await wait_for(
            pilot,
            lambda: (
                reader.current_quote is not None
                and (reader.article.id, reader.current_quote.quote.start) == (article, quote.start)
            ),
            "on the bookmarked quote",
        )
        await pilot.press("m")  # again: removes it
        assert [m.quote for m in app.session.bookmarks()] == [None]
        items = screen.saved_items
        items.focus()
        await pilot.press("enter")  # the article's bookmark, from the sidebar
        await wait_for(pilot, lambda: reader.article.id == article and reader.has_focus)
    stored = json.loads(saved_path().read_text(encoding="utf-8"))
    [corpus] = stored["corpora"].values()
    assert [m["article"] for m in corpus["bookmarks"]] == [article]


async def test_opened_articles_are_dimmed_and_u_shows_the_unread_only(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        results = screen.results
        await open_result(pilot, 1)
        opened = results.articles[1]
        assert app.session.read_articles() == {opened}  # previews are not marked

        def dimmed(index: int) -> bool:
            prompt = results.get_option_at_index(index).prompt
            row = prompt.plain.split("\n")[0]
            return any(
                span.start == 0 and span.end >= len(row) and "dim" in str(span.style)
                for span in prompt.spans
            )

        await wait_for(pilot, lambda: dimmed(1), "dimmed")
        assert not dimmed(0)
        results.focus()
        await pilot.press("u")
        await wait_for(pilot, lambda: opened not in results.articles, "unread only")
        assert len(results.articles) == 4 and "unread" in str(results.border_subtitle)
        await pilot.press("u")
        await wait_for(pilot, lambda: opened in results.articles, "all again")
        results.highlighted = results.articles.index(opened)
        await pilot.press("r")  # mark it unread again
        await wait_for(pilot, lambda: not dimmed(results.articles.index(opened)), "unread")
        assert app.session.read_articles() == set()


async def test_a_damaged_saved_file_is_kept_aside_and_said(make_app) -> None:
    path = saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ half written", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: notified(pilot, "damaged"), "a notice")
        [aside] = path.parent.glob("saved.json.damaged-*")
        assert aside.read_text(encoding="utf-8") == "{ half written"
        assert isinstance(app.main_screen.saved_items, SavedItems)
        assert "ctrl+s saves a search" in sidebar_text(app.main_screen)  # a fresh store
