"""The folder is live: with the app open on a folder, an article file added to it shows up
in the header's count and the results within seconds, with no key pressed; deleted, it goes.

On 340640b files added while the app was open never appeared.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from corpora import SEEDS
from terminal import Terminal

pytestmark = pytest.mark.e2e

TITLE = "Zorblatt summit ends without a deal"
LISTED = TITLE[:20]  # the results list cuts a headline to its column's width
ARTICLE = (
    f"{TITLE}\n\n2099-03-01\n\n"
    "The Zorblatt summit ended on Friday. “We will keep talking,” said Kaja Kallas.\n"
)


def header_shows(pattern: str):
    """A screen condition on the top row (the header line) only."""
    compiled = re.compile(pattern)

    def holds(screen: str) -> bool:
        return compiled.search(screen.split("\n", 1)[0]) is not None

    holds.__name__ = f"header matching /{pattern}/"
    return holds


def test_an_added_article_shows_up_and_a_deleted_one_goes(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "clippings"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    with Terminal(["--corpus", corpus], home) as term:
        term.wait_for(header_shows(r"\b5 articles\b"), timeout=120)
        term.wait_for(lambda _: term.pane_has_text("Results"), timeout=60, what="result rows")

        (corpus / "zorblatt.txt").write_text(ARTICLE, encoding="utf-8")
        term.wait_for(header_shows(r"\b6 articles\b"), timeout=60)
        # Dated 2099, it is the newest: first in the list of every article.
        term.wait_for(lambda _: LISTED in "".join(term.pane("Results") or []), timeout=30)

        (corpus / "zorblatt.txt").unlink()
        term.wait_for(header_shows(r"\b5 articles\b"), timeout=60)
        term.wait_for(lambda _: LISTED not in "".join(term.pane("Results") or []), timeout=30)
