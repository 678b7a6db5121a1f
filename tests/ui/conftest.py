"""Fixtures for the app's Pilot tests: a fresh corpus copy and index per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsbrowse.tui.app import NewsbrowseApp


@pytest.fixture
def corpus(warm_copy: tuple[Path, Path]) -> tuple[Path, Path]:
    """This test's own copy of the seeds and of their (warm) index."""
    return warm_copy


@pytest.fixture
def make_app(corpus: tuple[Path, Path]) -> Callable[..., NewsbrowseApp]:
    """Build the app on this test's corpus copy (extra keyword arguments pass through)."""

    def make(**kwargs) -> NewsbrowseApp:
        kwargs.setdefault("freeze_timing", True)
        return NewsbrowseApp(corpus[0], corpus[1], **kwargs)

    return make
