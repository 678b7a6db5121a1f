"""The search history is kept across runs: a query searched in one run comes back with Up in
the search input of the next (in the same home)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from corpora import SEEDS
from terminal import Terminal

pytestmark = pytest.mark.e2e

LISTED = re.compile(r"\b5 articles\b")
ANSWERED = re.compile(r"\b\d+ articles? · \d+ ms")


def test_a_search_comes_back_with_up_in_the_next_run(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    with Terminal(["--corpus", corpus], home) as term:
        term.wait_for(LISTED, timeout=120)
        term.press("/")
        term.type("peskov")
        term.press("enter")
        term.wait_for(lambda _: term.row(1).startswith(" / peskov"), timeout=30, what="query")
        term.wait_for(ANSWERED, timeout=30)
        term.press("escape")
        term.wait_for(lambda _: "q quit" in term.row(term.lines - 1), timeout=30, what="results")
        term.press("q")
        assert term.wait_exit(timeout=30) == 0

    with Terminal(["--corpus", corpus], home) as term:
        term.wait_for(LISTED, timeout=120)
        assert term.row(1).startswith(" / search"), "a new run starts with an empty search"
        term.press("/", "up")
        term.wait_for(lambda _: term.row(1).startswith(" / peskov"), timeout=30, what="history")
