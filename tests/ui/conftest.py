"""Fixtures for the app's Pilot tests: a fresh corpus copy and index per test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsbrowse.tui.app import NewsbrowseApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def warm_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Seeds indexed once per session (per xdist worker): a template to copy, never to use."""
    from newsbrowse.index.library import Library

    root = tmp_path_factory.mktemp("warm")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    library = Library(corpus, index)
    library.update()
    library.close()
    return corpus, index


@pytest.fixture
def corpus(tmp_path: Path, warm_index: tuple[Path, Path]) -> tuple[Path, Path]:
    """This test's own copy of the seeds and of their (warm) index."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(warm_index[0], corpus)
    shutil.copytree(warm_index[1], index)
    return corpus, index


@pytest.fixture
def make_app(corpus: tuple[Path, Path]) -> Callable[..., NewsbrowseApp]:
    """Build the app on this test's corpus copy (extra keyword arguments pass through)."""

    def make(**kwargs) -> NewsbrowseApp:
        kwargs.setdefault("freeze_timing", True)
        return NewsbrowseApp(corpus[0], corpus[1], **kwargs)

    return make
