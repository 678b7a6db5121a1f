"""Fixtures of the end-to-end tests: generated folders, built once per session (per xdist
worker) where the tests only read them; a test that writes gets its own copy."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import (
    BIG_SIZE,
    word_in_every_article,
    write_big_corpus,
    write_huge_article_corpus,
)
from terminal import NEWSBROWSE, run_cli


@pytest.fixture(scope="session", autouse=True)
def installed_newsbrowse() -> Path:
    """The console script the venv installed: these tests run it, not the source tree."""
    assert NEWSBROWSE.is_file(), f"newsbrowse is not installed in this venv ({NEWSBROWSE})"
    return NEWSBROWSE


@pytest.fixture
def home(private_home: Path) -> Path:
    """This test's private HOME (XDG config, cache and data dirs live under it)."""
    return private_home


@pytest.fixture(scope="session")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 generated articles that no index has seen. Read it only, never write to it."""
    return write_big_corpus(tmp_path_factory.mktemp("big") / "corpus", BIG_SIZE)


@pytest.fixture(scope="session")
def big_word(big_corpus: Path) -> str:
    """A searchable word that every one of the 1,000 articles holds."""
    return word_in_every_article(big_corpus)


@pytest.fixture(scope="session")
def big_index(big_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 1,000 articles indexed once by the CLI: a template, to copy with ``big_index_copy``."""
    root = tmp_path_factory.mktemp("big-index")
    index = root / "index"
    result = run_cli(["--corpus", big_corpus, "--index-dir", index, "index"], root / "home")
    assert result.code == 0, f"building the 1,000-article index failed:\n{result}"
    return index


@pytest.fixture
def big_index_copy(big_index: Path, tmp_path: Path) -> Path:
    """This test's own copy of the 1,000-article index (for tests that write to it)."""
    dest = tmp_path / "index"
    shutil.copytree(big_index, dest)
    return dest


@pytest.fixture(scope="session")
def huge_article_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """One ~1 MB article holding a rare word, plus four ordinary ones; and how many times the
    rare word occurs. Read it only."""
    return write_huge_article_corpus(tmp_path_factory.mktemp("huge") / "corpus")
