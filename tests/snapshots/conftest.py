"""Fixtures for snapshot tests: a fresh seeds copy with a warm index, a frozen app."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrowse.tui.app import NewsbrowseApp

THEME = "textual-dark"


@pytest.fixture
def snapshot_app(warm_copy: tuple[Path, Path]) -> NewsbrowseApp:
    """The app on a private copy, timing frozen (no ms, no blinking cursor), theme fixed."""
    corpus, index = warm_copy
    app = NewsbrowseApp(corpus, index, freeze_timing=True)
    app.theme = THEME
    return app
