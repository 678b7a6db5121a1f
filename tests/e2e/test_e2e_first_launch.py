"""A person's first launch on a folder of 1,000 articles that no index has seen yet.

On 340640b the header shows ``ValueError: bad value(s) in fds_to_keep`` and "no index", for
good: Textual replaces ``sys.stderr`` by an object whose ``fileno()`` is -1, and
multiprocessing hands that on when the parallel build starts its resource tracker.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

INDEXING = re.compile(r"indexing \d[\d,]*/\d[\d,]*")
ALL_LISTED = re.compile(r"\b1,?000 articles\b")
FD_ERROR = "fds_to_keep"


def header_shows(pattern: re.Pattern[str]):
    """A screen condition on the top row (the header line) only."""

    def holds(screen: str) -> bool:
        return pattern.search(screen.split("\n", 1)[0]) is not None

    holds.__name__ = f"header matching /{pattern.pattern}/"
    return holds


def test_first_launch_on_1000_new_articles_indexes_and_lists_them(
    big_corpus: Path, home: Path
) -> None:
    with Terminal(["--corpus", big_corpus], home) as term:
        # Progress first: the first build of 1,000 articles takes tens of seconds here.
        term.wait_for(header_shows(INDEXING), timeout=120, fail_if=FD_ERROR)
        # Then every article, counted in the header, and rows in the results.
        term.wait_for(header_shows(ALL_LISTED), timeout=300, fail_if=FD_ERROR)
        term.wait_for(
            lambda _: term.pane_has_text("Results"),
            timeout=60,
            fail_if=FD_ERROR,
            what="result rows",
        )
        assert FD_ERROR.encode() not in term.raw, term.dump()
