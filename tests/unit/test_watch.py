"""The folder watch: files added, changed or removed while the app is open are noticed."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from newsbrowse.index.store import watch as watch_module
from newsbrowse.index.store.watch import FolderWatch, _wanted


def wait_for_batch(event: threading.Event, action, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        action()
        if event.wait(1.0):
            return True
    return False


@pytest.mark.parametrize("polling", [False, True])
def test_an_added_file_is_noticed(tmp_path: Path, monkeypatch, polling: bool) -> None:
    if polling:
        monkeypatch.setattr(watch_module, "POLL_MS", 100)
    seen: list[int] = []
    event = threading.Event()
    watch = FolderWatch(tmp_path, lambda n: (seen.append(n), event.set()))
    if polling:
        # As where notifications fail: the first attempt raises, the watch polls.
        import watchfiles

        real = watchfiles.watch
        calls = []

        def flaky(*args, **kwargs):
            calls.append(kwargs["force_polling"])
            if not kwargs["force_polling"]:
                raise OSError("inotify watch limit reached")
            return real(*args, **kwargs)

        monkeypatch.setattr(watchfiles, "watch", flaky)
    watch.start()
    try:
        counter = iter(range(1000))
        assert wait_for_batch(
            event, lambda: (tmp_path / f"new{next(counter)}.txt").write_text("x", encoding="utf-8")
        )
    finally:
        watch.stop()
    assert seen and seen[0] >= 1
    assert watch.polling is polling


def test_hidden_files_and_caches_are_ignored() -> None:
    assert _wanted("/c/a/b.txt", "/c")
    assert not _wanted("/c/.hidden.txt", "/c")
    assert not _wanted("/c/.git/objects/x", "/c")
    assert not _wanted("/c/__pycache__/x.pyc", "/c")
