"""Untrusted text: markup in titles, bodies, speaker names and queries is shown, never run."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_library import FakeLibrary
from pilot_helpers import open_result, ready, search, wait_for
from textual.command import CommandPalette

from newsbrowse.tui.app import NewsbrowseApp

NASTY = "[/] [b]x[/b] [@click=app.quit]x[/] [link=http://x]y[/link] \x1b]0;pwned\x07"
SPEAKER = "Mallory [b]x[/b] [/] [@click=app.quit]q[/] \x1b]0;pwned\x07"
ARTICLE = f"""{NASTY} Zanzibar headline

2025-09-01

The Zanzibar body says {NASTY} in the middle of a sentence.

"The [@click=app.quit]quote[/] with [link=http://x]y[/link] is not markup, really," said Mallory.
"""


def terminal_output(app: NewsbrowseApp) -> str:
    """What Textual would write to a real terminal for the current screen."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def visible(app: NewsbrowseApp) -> str:
    """The screen's text, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def nasty_corpus(corpus: tuple[Path, Path]) -> tuple[Path, Path]:
    (corpus[0] / "zz_nasty.txt").write_text(ARTICLE, encoding="utf-8")
    return corpus


def assert_safe(app: NewsbrowseApp) -> None:
    out = terminal_output(app)
    assert app.is_running
    assert "\x1b]0;" not in out and "\x07" not in out and "]8;" not in out


async def test_markup_in_articles_is_literal_with_the_real_engine(nasty_corpus) -> None:
    app = NewsbrowseApp(nasty_corpus[0], nasty_corpus[1])
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await search(pilot, "zanzibar")
        assert screen.results.option_count == 1
        assert "[@click=app.quit]x[/]" in visible(app)
        await open_result(pilot, 0)
        text = visible(app)
        assert "[b]x[/b]" in text and "[link=http://x]y[/link]" in text
        assert "[@click=app.quit]quote[/]" in text
        for key in ("n", "right_square_bracket", "y"):
            await pilot.press(key)
        assert_safe(app)
        await pilot.click("#reader")
        assert_safe(app)


async def test_markup_in_queries_is_literal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await ready(pilot)
        for query in ("[/]", "[@click=app.quit]x[/]", '[b]x[/b] "', "[link=http://x]y[/link]"):
            await search(pilot, query)
            assert app.is_running
        note = screen.search_bar.query_one("#query-note")
        assert_safe(app)
        assert screen.search_bar.value == "[link=http://x]y[/link]"
        assert note is not None


async def test_markup_in_speaker_names_is_literal(seeds_copy: Path) -> None:
    (seeds_copy / "zz_nasty.txt").write_text(ARTICLE, encoding="utf-8")
    app = NewsbrowseApp(
        seeds_copy,
        library_factory=lambda c, i: FakeLibrary(c, speakers={SPEAKER: ("Mallory",)}),
    )
    async with app.run_test(size=(200, 50)) as pilot:  # room for the whole name
        screen = await search(pilot, "zanzibar")
        await open_result(pilot, 0)
        await pilot.press("right_square_bracket")
        assert screen.reader.current_quote.speaker_name == SPEAKER
        text = visible(app)
        assert "Mallory [b]x[/b] [/] [@click=app.quit]q[/]" in text
        assert "]0;pwned" in text, "the control characters are gone, the rest is shown"
        await pilot.press("y")
        assert "Mallory [b]x[/b]" in app.clipboard and "\x1b" not in app.clipboard
        node = screen.sidebar.speaker_tree.root.children[0]
        screen.sidebar.speaker_tree.focus()
        screen.sidebar.speaker_tree.move_cursor(node)
        await pilot.press("enter", "f")
        await wait_for(
            pilot,
            lambda: screen.shown_query is not None and screen.shown_query.startswith("speaker:"),
            "filter",
        )
        assert_safe(app)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Mallory")
        await wait_for(pilot, lambda: "Mallory" in visible(app), "palette hit")
        assert_safe(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await wait_for(pilot, lambda: screen.sidebar.corpus_scope, "went to speaker")
        assert_safe(app)


async def test_the_reader_draws_markup_and_escapes_as_text(seeds_copy: Path) -> None:
    """The fake engine keeps the raw control characters the real one strips on reading:
    the reader itself must blank them and never parse the brackets."""
    (seeds_copy / "zz_nasty.txt").write_text(ARTICLE, encoding="utf-8")
    app = NewsbrowseApp(seeds_copy, library_factory=lambda c, i: FakeLibrary(c))
    async with app.run_test(size=(240, 50)) as pilot:  # the body's sentence on one line
        await search(pilot, "zanzibar")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        article = reader.article
        assert "\x1b]0;pwned\x07" in article.text, "the raw text reaches the reader"
        shown = [reader.line_text(y) for y in range(reader.virtual_size.height)]
        literal = "[/] [b]x[/b] [@click=app.quit]x[/] [link=http://x]y[/link]  ]0;pwned"
        assert literal in shown[0], "the title, as written, its controls blanked"
        assert f"The Zanzibar body says {literal}" in "\n".join(shown)
        assert not any(c in line for line in shown for c in "\x1b\x07")
        assert f"The Zanzibar body says {literal}" in visible(app)
        # Lit up by a find, the same text is still only text.
        await pilot.press("ctrl+f", *"[/]", "enter")
        regions = [article.title_span, *article.paragraphs]
        count = sum(article.text[start:end].count("[/]") for start, end in regions)
        assert count >= 4
        await wait_for(pilot, lambda: reader.find_text == "[/]", "typed, / included")
        assert len(reader.find_hits) == count
        assert all(article.text[s:e] == "[/]" for s, e in reader.find_hits)
        assert f"The Zanzibar body says {literal}" in visible(app)
        assert_safe(app)
