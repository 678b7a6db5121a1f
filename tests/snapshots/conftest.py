"""Fixtures for snapshot tests: a fresh seeds copy with a warm index, a frozen app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsbrowse.tui.app import NewsbrowseApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
THEME = "textual-dark"


@pytest.fixture(scope="session")
def snapshot_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Seeds indexed once per session: a template each test copies."""
    from newsbrowse.index.library import Library

    root = tmp_path_factory.mktemp("snapshot-warm")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    library = Library(corpus, index)
    library.update()
    library.close()
    return corpus, index


@pytest.fixture
def snapshot_app(tmp_path: Path, snapshot_index: tuple[Path, Path]) -> NewsbrowseApp:
    """The app on a private copy, timing frozen (no ms, no blinking cursor), theme fixed."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(snapshot_index[0], corpus)
    shutil.copytree(snapshot_index[1], index)
    app = NewsbrowseApp(corpus, index, freeze_timing=True)
    app.theme = THEME
    return app
