"""``o`` opens the article's web address in the browser; the reader shows the address."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import open_result, search, wait_for

from newsbrowse.tui import browser
from newsbrowse.tui.app import NewsbrowseApp

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Ferry timetable cut for winter | Harbour Bulletin</title>
<link rel="canonical" href="https://harbour.example/news/ferry-timetable-cut">
</head><body><article><h1>Ferry timetable cut for winter</h1>
<p>The island ferry will sail twice a day from November, the operator said on Monday,
after a summer in which three crossings a day ran half empty.</p>
<p>&ldquo;We cannot run empty boats,&rdquo; said the operator&rsquo;s manager, Ines Varga.</p>
</article></body></html>"""
TEXT = """Harbour wall repairs begin

Work on the harbour wall began on Tuesday and will last until the spring, the council said.
"""


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every address handed to the browser (no real browser starts)."""
    calls: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        calls.append(url)
        return True

    monkeypatch.setattr(browser.webbrowser, "open", fake_open)
    return calls


def make_corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "clippings"
    corpus.mkdir()
    (corpus / "ferry.html").write_text(PAGE, encoding="utf-8")
    (corpus / "wall.txt").write_text(TEXT, encoding="utf-8")
    return corpus, tmp_path / "index"


def notices(app: NewsbrowseApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_o_opens_the_pages_address_and_the_reader_shows_it(
    tmp_path: Path, opened: list[str]
) -> None:
    app = NewsbrowseApp(*make_corpus(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "ferry")
        screen = await open_result(pilot, 0)
        reader = screen.reader
        head = [reader.line_text(y) for y in range(reader.line_of(reader.article.paragraphs[0][0]))]
        address = head.index("https://harbour.example/news/ferry-timetable-cut")
        assert reader.line_span(address) is None, "the metadata's own line, not article text"
        assert head[address + 1] == "", "then a blank line before the body"
        await pilot.press("o")
        await wait_for(pilot, lambda: opened, "the browser call")
        assert opened == ["https://harbour.example/news/ferry-timetable-cut"]
        await wait_for(pilot, lambda: any("Opening" in m for m in notices(app)), "notice")


async def test_o_without_an_address_says_so_and_opens_nothing(
    tmp_path: Path, opened: list[str]
) -> None:
    app = NewsbrowseApp(*make_corpus(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await search(pilot, "harbour wall")
        await open_result(pilot, 0)
        await pilot.press("o")
        await wait_for(pilot, lambda: notices(app), "notice")
        assert notices(app) == ["This article has no web address"]
        assert opened == []


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "https://a.example/x y", "https://a\x1b]0;x"],
)
def test_only_plain_web_addresses_reach_a_browser(url: str, opened: list[str]) -> None:
    assert not browser.open_in_browser(url)
    assert opened == []
