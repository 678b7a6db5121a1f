"""Notice files added, changed or removed in a corpus folder while the app is open.

watchfiles (the OS's change notifications: inotify, FSEvents, ReadDirectoryChangesW) is used
where it works; where it can't (a network file system, the inotify watch limit reached) the
watch falls back to polling. Changes come in batches, after a quiet pause, so that copying a
hundred files in means one update, not a hundred.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

QUIET_MS = 1200  # a batch ends after this long without changes
POLL_MS = 2000  # between looks, when polling


def _wanted(path: str, root: str) -> bool:
    """Ignore hidden files and folders (the scan skips them too) and Python caches."""
    rel = path[len(root) :].lstrip("/\\")
    parts = rel.replace("\\", "/").split("/")
    return not any(part.startswith(".") or part == "__pycache__" for part in parts)


class FolderWatch:
    """Calls ``changed(n)`` from its own thread after ``n`` files under ``folder`` changed."""

    def __init__(self, folder: Path, changed: Callable[[int], None]) -> None:
        self.folder = Path(folder).resolve()
        self._changed = changed
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.polling = False  # whether it fell back to polling

    def start(self) -> None:
        """Start watching in a daemon thread."""
        self._thread = threading.Thread(target=self._run, name="newsbrowse-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching (returns at once; the thread ends within a moment)."""
        self._stop.set()

    def _run(self) -> None:
        try:
            from watchfiles import watch
        except ImportError:  # not installed: nothing to watch with
            return
        root = str(self.folder)
        for polling in (False, True):
            self.polling = polling
            try:
                for batch in watch(
                    self.folder,
                    watch_filter=lambda _change, path: _wanted(path, root),
                    debounce=QUIET_MS,
                    stop_event=self._stop,
                    raise_interrupt=False,
                    force_polling=polling,
                    poll_delay_ms=POLL_MS,
                    ignore_permission_denied=True,
                ):
                    if batch:
                        self._changed(len(batch))
                return
            except Exception:  # notifications unavailable here: poll instead
                if self._stop.is_set():
                    return
