"""A read-only corpus: the app lists it, and leaves every byte of it as it was.

Launched both ways the README gives: ``newsbrowse --corpus DIR`` and ``newsbrowse DIR``.
The tests run as root on CI, where ``chmod a-w`` stops nothing; the digest of the tree
before and after is what proves that newsbrowse wrote nothing there.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpora import SEEDS
from terminal import Terminal, changed_entries, tree_digest

pytestmark = pytest.mark.e2e

LISTED = re.compile(r"\b5 articles\b")


def _set_writable(root: Path, writable: bool) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        os.chmod(path, (mode | stat.S_IWUSR) if writable else (mode & ~bits))


@pytest.fixture
def read_only_corpus(tmp_path: Path) -> Iterator[Path]:
    """A copy of the five seeds, ``chmod -R a-w``; made writable again afterwards."""
    corpus = tmp_path / "read-only corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    _set_writable(corpus, False)
    try:
        yield corpus
    finally:
        _set_writable(corpus, True)


@pytest.mark.parametrize("how", ["--corpus DIR", "DIR"])
def test_read_only_corpus_is_listed_and_left_untouched(
    read_only_corpus: Path, home: Path, how: str
) -> None:
    before = tree_digest(read_only_corpus)
    args = ["--corpus", read_only_corpus] if how == "--corpus DIR" else [read_only_corpus]
    with Terminal(args, home, columns=80, lines=24) as term:
        term.wait_for(LISTED, timeout=120)
        term.wait_for(lambda _: term.pane_has_text("Results"), timeout=60, what="result rows")
    after = tree_digest(read_only_corpus)
    assert not list(changed_entries(before, after)), "\n".join(changed_entries(before, after))
    entries = [read_only_corpus, *read_only_corpus.rglob("*")]
    assert not [p for p in entries if p.stat().st_mode & 0o222], "permissions were changed"
