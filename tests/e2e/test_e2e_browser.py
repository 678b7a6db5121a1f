"""Issue 13's flows in a real terminal: a results list one can scan (one line per article),
choosing a speaker in the palette lands the reader on one of their quotes, and backspace,
alt+left and alt+right walk back and forth through the places visited."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from corpora import SEEDS
from terminal import Terminal

pytestmark = pytest.mark.e2e

THOUSAND = re.compile(r"\b1,?000 articles · \d+ ms\b")  # the match count and the time
SEEDS_LISTED = re.compile(r"\b5 articles · \d+ ms\b")
PESKOV_QUOTE = re.compile(r"quote \d+/\d+ · Dmitry Peskov")
ARTICLE_HEADER = re.compile(r"\d{4}-\d{2}-\d{2} · ")
INDEX_WAIT = 300  # opening a 1,000-article index on two busy cores


def article_rows(term: Terminal) -> int:
    """Results rows that start an article (the highlighted one's snippet lines are indented
    by two spaces under it; blank rows are the list's end)."""
    rows = term.pane("Results") or []
    return sum(1 for row in rows if row.strip() and not row.startswith("  "))


def reader_top(term: Terminal) -> str:
    """The reader's first row (the open article's title)."""
    rows = term.pane("Reader") or [""]
    return rows[0].strip()


def previewed(term: Terminal) -> Callable[[str], bool]:
    """Whether the reader shows an article (its ``date · source`` header line)."""
    return lambda _: any(ARTICLE_HEADER.match(row.strip()) for row in term.pane("Reader") or [])


def copy_seeds(tmp_path: Path) -> Path:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return corpus


@pytest.mark.parametrize(("columns", "lines", "at_least"), [(140, 40, 30), (80, 24, 15)])
def test_the_results_show_one_line_per_article(
    big_corpus: Path, big_index_copy: Path, home: Path, columns: int, lines: int, at_least: int
) -> None:
    args = ["--corpus", big_corpus, "--index-dir", big_index_copy]
    with Terminal(args, home, columns=columns, lines=lines) as term:
        term.wait_for(THOUSAND, timeout=INDEX_WAIT)
        term.wait_for(lambda _: article_rows(term) >= at_least, timeout=60, what="rows")
        # the rows come in the first frame, and can arrive a read before the rest of it
        term.wait_for(re.compile(r"─ 1/\d+ · newest first ─"), timeout=10, what="the border")
        term.wait_quiet()
        rows = term.pane("Results") or []
        assert len(rows) == lines - 5, "header, search line, two borders and the footer"
        assert "? help" in term.row(lines - 1), "the footer keeps help at any width"
        term.press("down")  # the next article's snippet, still one line per article
        term.wait_for(lambda _: rows != term.pane("Results"), timeout=30, what="highlight moved")
        assert article_rows(term) >= at_least
        assert THOUSAND.search(term.row(1)), "the match count and time stay visible"


def test_the_palette_lands_on_a_speakers_quote_and_backspace_returns(
    tmp_path: Path, home: Path
) -> None:
    with Terminal(["--corpus", copy_seeds(tmp_path)], home) as term:
        term.wait_for(SEEDS_LISTED, timeout=120)
        # an article's header line, not the reader's placeholder (on busy cores the first
        # screen can show the placeholder before the preview arrives)
        term.wait_for(previewed(term), timeout=30, what="a previewed article")
        before = reader_top(term)
        assert not PESKOV_QUOTE.search(term.screen_text())
        term.press("ctrl+p")
        term.wait_for("🔎", timeout=30)
        term.type("Dmitry Peskov")
        term.wait_for("Go to speaker… Dmitry Peskov", timeout=30)
        term.press("enter")
        term.wait_for(PESKOV_QUOTE, timeout=30)  # the reader's border names the quote marked
        landed = reader_top(term)
        assert landed != before, "his quotes are in another article: the reader moved"
        term.press("backspace")  # back where I was: his quote no longer marked
        term.wait_for(
            lambda text: reader_top(term) == before and not PESKOV_QUOTE.search(text),
            timeout=30,
            what="back where I was",
        )
        term.press("alt+right")
        term.wait_for(PESKOV_QUOTE, timeout=30)
        assert reader_top(term) == landed
        mark = PESKOV_QUOTE.search(term.screen_text())
        assert mark is not None
        term.press("s")  # s carries on through his quotes from there: another step
        term.wait_for(lambda text: mark.group(0) not in text, timeout=30, what="his next quote")
        term.wait_for(PESKOV_QUOTE, timeout=30)
        term.press("backspace")
        term.wait_for(mark.group(0), timeout=30)


def showing(term: Terminal, n: int) -> bool:
    """Whether result ``n`` (from 1) is highlighted and shown in the reader."""
    rows = [row for row in term.pane("Results") or [] if row.strip() and row[:2] != "  "]
    title = reader_top(term)[:12]
    return f"─ {n}/5 · " in term.screen_text() and len(rows) >= n and title in rows[n - 1]


def go_to(term: Terminal, n: int, *keys: str) -> None:
    term.press(*keys)
    term.wait_for(lambda _: showing(term, n), timeout=30, what=f"result {n} in the reader")


def focus(term: Terminal, pane: str, key: str) -> None:
    """Press ``key`` and wait for the footer to offer ``pane``'s keys (the key's effect
    arrived: an opened result's message can reach the screen after the next key)."""
    term.press(key)

    def focused(_: str) -> bool:
        sort = "d sort" in term.row(term.lines - 1)  # the results' own key
        return sort if pane == "results" else not sort

    term.wait_for(focused, timeout=30, what=pane)


def test_backspace_and_alt_left_go_back_alt_right_forward(tmp_path: Path, home: Path) -> None:
    with Terminal(["--corpus", copy_seeds(tmp_path)], home) as term:
        term.wait_for(SEEDS_LISTED, timeout=120)
        term.wait_for(lambda _: showing(term, 1), timeout=30, what="the first result previewed")
        term.press("backspace")  # nowhere to go yet: it says so
        term.wait_for("Nothing further back", timeout=30)
        focus(term, "reader", "enter")  # open the first result: the first place
        focus(term, "results", "escape")
        go_to(term, 2, "down")  # previews are not steps
        go_to(term, 3, "down")
        focus(term, "reader", "enter")  # opening the third is one
        focus(term, "results", "escape")
        go_to(term, 4, "down")
        focus(term, "reader", "enter")  # and the fourth another
        go_to(term, 3, "backspace")
        go_to(term, 1, "alt+left")
        go_to(term, 3, "alt+left", "alt+right")  # at the oldest place, alt+left stays
        go_to(term, 4, "alt+right")
        term.press("/")  # in the search input, backspace edits the query
        term.type("kallasx")
        term.press("backspace")
        term.wait_for(lambda _: term.row(1).startswith(" / kallas "), timeout=30, what="edited")
