"""Fixtures for snapshot tests: a fresh seeds copy with a warm index, a still app."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import hold_still

from newsbrowse.tui.app import NewsbrowseApp

THEME = "textual-dark"


@pytest.fixture
def snapshot_app(warm_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> NewsbrowseApp:
    """The app on a private copy: no timings, no blinking cursor, theme fixed."""
    hold_still(monkeypatch)
    corpus, index = warm_copy
    app = NewsbrowseApp(corpus, index)
    app.theme = THEME
    return app
