"""An advisory, process-wide file lock (released by the OS if the holder dies)."""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class IndexLock:
    """An exclusive lock on a file, acquired with a timeout."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self, timeout: float | None) -> bool:
        """Try for up to ``timeout`` seconds (None: as long as it takes); True when held."""
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._try():
                return True
            if deadline is not None and time.monotonic() >= deadline:
                os.close(self.fd)
                self.fd = None
                return False
            time.sleep(0.05)

    def _try(self) -> bool:
        assert self.fd is not None
        try:
            if fcntl is not None:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(self.fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def release(self) -> None:
        """Release the lock (closing the descriptor releases it too)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
