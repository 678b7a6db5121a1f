"""A parallel build's parent reads the files just ahead of its workers, and only reads them."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsbrowse.index.store import prefetch as prefetch_module
from newsbrowse.index.store.prefetch import Prefetch


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the prefetch thread reads, in order (each still read for real)."""
    seen: list[str] = []
    lock = threading.Lock()
    real = prefetch_module._read_start

    def record(path: str) -> None:
        with lock:
            seen.append(path)
        real(path)

    monkeypatch.setattr(prefetch_module, "_read_start", record)
    monkeypatch.setattr(prefetch_module, "AHEAD", 4)
    return seen


def test_reads_the_next_files_of_every_stretch_and_no_further(recorded: list[str]) -> None:
    paths = [f"/nonexistent/{i}.txt" for i in range(40)]
    fronts = [(0, 20), (30, 40)]
    ahead = Prefetch(paths, lambda: list(fronts))
    wait_for(lambda: len(recorded) == 8)
    fronts[0] = (10, 20)  # a worker moved on: the window follows it
    wait_for(lambda: len(recorded) == 12)
    ahead.stop()
    read = [0, 1, 2, 3, 30, 31, 32, 33, 10, 11, 12, 13]
    assert sorted(recorded) == sorted(paths[i] for i in read)
    assert not ahead.read(4) and ahead.read(12)


def test_a_window_never_reads_past_its_stretch_or_the_jobs(recorded: list[str]) -> None:
    paths = [f"/nonexistent/{i}.txt" for i in range(6)]
    ahead = Prefetch(paths, lambda: [(0, 2), (5, 9)])  # stretch ends, and a stale end
    wait_for(lambda: len(recorded) == 3)
    ahead.stop()
    assert sorted(recorded) == [paths[0], paths[1], paths[5]]


@pytest.mark.parametrize("advise", [True, False], ids=["advised", "read"])
def test_reading_ahead_leaves_files_as_they_were_and_skips_missing_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, advise: bool
) -> None:
    """Asking the system to read ahead (where it takes advice: Linux) or reading."""
    monkeypatch.setattr(prefetch_module, "_ADVISE", advise and prefetch_module._ADVISE)
    files = [tmp_path / f"{i}.txt" for i in range(3)]
    for i, path in enumerate(files):
        path.write_bytes(b"An article.\n" * (10_000 * i + 1))
    before = [(hashlib.sha1(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files]
    paths = [str(files[0]), str(tmp_path / "gone.txt"), str(files[1]), str(files[2])]
    ahead = Prefetch(paths, lambda: [(0, 4)])
    wait_for(lambda: all(ahead.read(i) for i in range(4)))
    ahead.stop()
    after = [(hashlib.sha1(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files]
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt"]


def test_stop_ends_the_thread_while_it_waits() -> None:
    ahead = Prefetch(["/nonexistent/a"], lambda: [])
    ahead.stop()
    assert not ahead._thread.is_alive()
