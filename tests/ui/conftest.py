"""Fixtures for the app's Pilot tests: a fresh corpus copy and index per test, a still screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_helpers import hold_still, let_move

from newsbrowse.tui.app import NewsbrowseApp


@pytest.fixture(autouse=True)
def still(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app in these tests renders without timings or a blinking cursor."""
    hold_still(monkeypatch)


@pytest.fixture
def corpus(warm_copy: tuple[Path, Path]) -> tuple[Path, Path]:
    """This test's own copy of the seeds and of their (warm) index."""
    return warm_copy


@pytest.fixture
def make_app(
    corpus: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., NewsbrowseApp]:
    """Build the app on this test's corpus copy (extra keyword arguments pass through;
    ``still=False`` shows timings and a blinking cursor, as people see them)."""

    def make(*, still: bool = True, **kwargs) -> NewsbrowseApp:
        if not still:
            let_move(monkeypatch)
        return NewsbrowseApp(corpus[0], corpus[1], **kwargs)

    return make
