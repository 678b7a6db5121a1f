"""Files read into the system's cache just ahead of a parallel build's workers.

A folder indexed for the first time is cold: every file a worker opens waits for the disk,
and the worker's core waits with it (a 10,000-file build after the cache was dropped took
half as long again as the same build warm, on the same CPU time). The build's parent has
little to do while its workers read and extract, so a thread of its own brings the next
``AHEAD`` files of every stretch the workers are taking (:class:`.build.Stretches`) into the
cache, and the workers find them in memory. The thread only reads (or asks the system to),
and only files the workers are about to read anyway; a file it cannot read is left to the
worker, which reports it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence

AHEAD = 64  # files read ahead of each stretch's next file
CHUNK = 1 << 16  # bytes read of a file: the kernel's own read-ahead goes on from there
POLL_SECONDS = 0.02  # wait when every stretch is read far enough ahead

Fronts = Callable[[], list[tuple[int, int]]]  # each stretch's next job and its end


class Prefetch:
    """Read ``paths[job]`` for the ``AHEAD`` jobs after each front that ``fronts`` gives,
    in a daemon thread, until :meth:`stop`."""

    def __init__(self, paths: Sequence[str], fronts: Fronts) -> None:
        self._paths = paths
        self._fronts = fronts
        self._read = bytearray(len(paths))  # 1 for each job's file already read
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsbrowse-prefetch", daemon=True)
        self._thread.start()

    def read(self, job: int) -> bool:
        """Whether the file of ``job`` was read ahead (for tests)."""
        return bool(self._read[job])

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        count = len(self._paths)
        while not self._stop.is_set():
            busy = False
            for front, end in self._fronts():
                for job in range(max(front, 0), min(end, front + AHEAD, count)):
                    if self._stop.is_set():
                        return
                    if not self._read[job]:
                        self._read[job] = 1
                        _read_start(self._paths[job])
                        busy = True
            if not busy:
                self._stop.wait(POLL_SECONDS)


def _read_start(path: str) -> None:
    """Bring the start of ``path`` into the system's cache, ignoring any error: where the
    system takes advice, by asking it to read ahead (nothing is copied, and a file already
    cached costs next to nothing), else by reading it."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            if _ADVISE:
                os.posix_fadvise(fd, 0, CHUNK, os.POSIX_FADV_WILLNEED)
            else:
                os.read(fd, CHUNK)
        finally:
            os.close(fd)


_ADVISE = hasattr(os, "posix_fadvise")
