"""The speaker sidebar: counts, quotes, jumps, corpus scope, s/S across articles, filtering."""

from __future__ import annotations

from collections import Counter

from pilot_helpers import line_in_view, open_result, ready, screen_lines, search, wait_for

from newsbrowse.index.model import QuoteRecord
from newsbrowse.tui.widgets.quote_provenance import QuoteProvenance
from newsbrowse.tui.widgets.speaker_tree import FilterEntry, SpeakerEntry


def speaker_rows(screen) -> list[SpeakerEntry]:
    return [node.data for node in screen.sidebar.speaker_tree.root.children]


def node_for(screen, name: str):
    return next(n for n in screen.sidebar.speaker_tree.root.children if n.data.name == name)


async def choose(pilot, screen, node) -> None:
    """Put the tree cursor on ``node`` and press enter."""
    screen.sidebar.speaker_tree.focus()
    screen.sidebar.speaker_tree.move_cursor(node)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_sidebar_lists_the_articles_speakers_with_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "peskov")
        screen = await open_result(pilot, 0)
        rows = speaker_rows(screen)
        counts = Counter(r.speaker_id for r in screen.reader.quotes if r.speaker_id)
        assert "Dmitry Peskov" in [row.name for row in rows]
        for row in rows:
            if row.speaker_id is not None:
                assert row.count == counts[row.speaker_id]
        assert [row.count for row in rows] == sorted((row.count for row in rows), reverse=True)


async def test_choosing_a_quote_jumps_to_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "peskov")
        screen = await open_result(pilot, 0)
        node = node_for(screen, "Dmitry Peskov")
        await choose(pilot, screen, node)
        assert node.is_expanded
        kinds = [type(child.data) for child in node.children]
        assert kinds[0] is FilterEntry and QuoteRecord in kinds
        quote_node = node.children[-1]
        await choose(pilot, screen, quote_node)
        record = quote_node.data
        reader = screen.reader
        await wait_for(pilot, lambda: reader.current_quote == record, "quote jump")
        assert line_in_view(screen, record.quote.start)
        assert "Dmitry Peskov" in str(reader._border_subtitle)


async def test_corpus_scope_quote_opens_its_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "zaporizhzhia")
        screen = await open_result(pilot, 0)
        first = screen.reader.article.id
        screen.sidebar.speaker_tree.focus()
        await pilot.press("c")
        await wait_for(pilot, lambda: screen.sidebar.corpus_scope and speaker_rows(screen))
        assert {row.name for row in speaker_rows(screen)} >= {"Kaja Kallas", "Dmitry Peskov"}
        node = node_for(screen, "Dmitry Peskov")
        await choose(pilot, screen, node)
        record = node.children[1].data
        assert isinstance(record, QuoteRecord) and record.article != first
        await choose(pilot, screen, node.children[1])
        reader = screen.reader
        await wait_for(pilot, lambda: reader.current_quote == record, "jump to Peskov")
        assert reader.article.id == record.article
        assert line_in_view(screen, record.quote.start)


async def test_s_steps_a_speakers_quotes_across_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await open_result(pilot, 0)
        screen.sidebar.speaker_tree.focus()
        await pilot.press("c")
        await wait_for(pilot, lambda: screen.sidebar.corpus_scope and speaker_rows(screen))
        node = node_for(screen, "Kaja Kallas")
        screen.sidebar.speaker_tree.move_cursor(node)
        await wait_for(
            pilot,
            lambda: (
                screen._speaker is not None and screen._speaker.speaker_id == node.data.speaker_id
            ),
            "speaker selected",
        )
        everything = screen.sidebar.quotes_of(node.data.speaker_id)
        first_article = everything[0].article
        crossing = next(i for i, r in enumerate(everything) if r.article != first_article)
        reader = screen.reader

        async def press(key: str, expected: QuoteRecord) -> None:
            await pilot.press(key)
            await wait_for(pilot, lambda: reader.current_quote == expected, f"{key} → {expected}")
            assert reader.article.id == expected.article
            assert line_in_view(screen, expected.quote.start)

        assert crossing >= 2
        for index in range(crossing + 1):
            await press("s", everything[index])
        await press("S", everything[crossing - 1])
        await press("S", everything[crossing - 2])
        for index in reversed(range(crossing - 2)):
            await press("S", everything[index])
        await press("S", everything[-1])


async def test_filter_results_to_a_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "peskov")
        screen = await open_result(pilot, 0)
        node = node_for(screen, "Dmitry Peskov")
        screen.sidebar.speaker_tree.focus()
        screen.sidebar.speaker_tree.move_cursor(node)
        await pilot.pause()
        await pilot.press("f")
        query = 'speaker:"Dmitry Peskov"'
        await wait_for(pilot, lambda: screen.shown_query == query, "filtered")
        expected = [hit.article for hit in app.session.library.search(query).hits]
        assert list(screen.results.articles) == expected
        assert 1 <= len(expected) < len(app.session.articles)


async def test_the_sidebar_never_puts_reported_speech_in_quotation_marks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "kallas sceptical")
        screen = await open_result(pilot, 0)
        node = node_for(screen, "Kaja Kallas")
        await choose(pilot, screen, node)
        assert node.is_expanded
        labels = {
            child.data.quote.kind: str(child.label)
            for child in node.children
            if isinstance(child.data, QuoteRecord)
        }
        assert set(labels) == {"direct", "indirect"}
        assert labels["direct"].startswith("“") and labels["direct"].endswith("”")
        assert "“" not in labels["indirect"] and "”" not in labels["indirect"]


async def test_the_sidebar_says_where_else_a_quote_was_reported(make_app) -> None:
    """The seeds' two translations of Kallas on Putin's promises: one statement."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        await search(pilot, "kallas promises kept")
        screen = await open_result(pilot, 0)
        assert screen.reader.article.id == "004_7d5e14b8733fb70a.txt"
        node = node_for(screen, "Kaja Kallas")
        await choose(pilot, screen, node)
        leaves = {
            child.data.quote.text: child
            for child in node.children
            if isinstance(child.data, QuoteRecord)
        }
        promises = next(leaf for text, leaf in leaves.items() if "promises" in text)
        other = next(leaf for text, leaf in leaves.items() if "laughing" in text)
        tree = screen.sidebar.speaker_tree
        tree.move_cursor(promises)
        line = screen.sidebar.query_one(QuoteProvenance)
        await wait_for(pilot, lambda: line.display, "provenance")
        assert str(line.render()) == "also in 1 article, first reported 2025-08-22"

        def wrapped_whole() -> bool:  # on two rows of the narrow sidebar, not cut short
            rows = screen_lines(pilot)
            return any("also in 1 article, first" in row for row in rows) and any(
                row.rstrip("│ ").endswith("reported 2025-08-22") for row in rows
            )

        await wait_for(pilot, wrapped_whole, "the whole line on screen")
        tree.move_cursor(other)  # her words that no other article reports
        await wait_for(pilot, lambda: not line.display, "no provenance")
