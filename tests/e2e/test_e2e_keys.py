"""Keys at launch in a real terminal: the focus is on the results, so ``?``, ``j`` and ``q``
act at once, and ``/`` goes to the search, where ``/`` is typed like any other character.

On 340640b the focus started in the search input: ``?``, ``j``, ``q`` were typed as a query,
and ``/`` could never be typed (a priority binding took it).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from corpora import SEEDS
from terminal import Terminal

pytestmark = pytest.mark.e2e

LISTED = re.compile(r"\b5 articles\b")
HELP = "Help · escape closes"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the five seed articles."""
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return corpus


def search_line(term: Terminal) -> str:
    """The search line (the row under the header)."""
    return term.row(1)


def reader_title(term: Terminal) -> str:
    """The first row inside the reader: the open article's title."""
    rows = term.pane("Reader") or [""]
    return rows[0].strip()


def test_keys_act_at_launch_and_slash_is_typed_in_the_search(seeds: Path, home: Path) -> None:
    with Terminal(["--corpus", seeds], home) as term:
        term.wait_for(LISTED, timeout=120)
        term.wait_for(lambda _: reader_title(term) != "", timeout=60, what="the preview")
        first = reader_title(term)

        term.press("?")
        term.wait_for(HELP, timeout=30)
        term.press("escape")
        term.wait_for(lambda text: HELP not in text, timeout=30, what="help closed")

        term.press("j")  # the next result: the reader previews it
        term.wait_for(lambda _: reader_title(term) not in ("", first), timeout=30, what="j")
        assert search_line(term).startswith(" / search"), "j was not typed as a query"

        term.press("/")
        term.type("a/b")
        term.wait_for(lambda _: search_line(term).startswith(" / a/b"), timeout=30, what="a/b")
        term.wait_for(re.compile(r"\b\d+ articles? · \d+ ms"), timeout=30)

        term.press("escape")  # back to the results (the footer shows their keys), where q quits
        term.wait_for(lambda _: "q quit" in term.row(term.lines - 1), timeout=30, what="results")
        term.press("q")
        assert term.wait_exit(timeout=30) == 0
