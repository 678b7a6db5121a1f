"""An index update run in a child process.

The app updates the index in a child process rather than a thread: the update is Python
work that would hold the interpreter (the GIL) for seconds and leave keys unanswered, and a
child starts with real standard streams, which multiprocessing needs to start its build
workers (Textual replaces ``sys.stderr`` with an object whose ``fileno()`` is -1).

The child is ``python -m newsbrowse.index`` (``index/__main__.py``). It speaks one JSON
object per line on stdout: ``{"progress": [done, total]}``, ``{"waiting": why}``, then
``{"report": {...}}`` or ``{"error": message, "kind": name}``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from .errors import NewsbrowseError
from .model import UpdateReport

PROGRESS_EVERY = 0.05  # seconds between progress lines
CHILD_MODULE = "newsbrowse.index"  # what the child runs: its __main__
Progress = Callable[[int, int], None]


class ChildUpdateError(NewsbrowseError):
    """The child process failed; ``kind`` names the engine's error class, if it had one."""

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


class ChildUpdate:
    """One update of ``index_dir`` from ``corpus``, run in a child process."""

    def __init__(self, corpus: Path, index_dir: Path, *, rebuild: bool = False) -> None:
        self._args = [str(corpus), str(index_dir), *(["--rebuild"] if rebuild else [])]
        self._proc: subprocess.Popen[str] | None = None
        self._cancelled = threading.Event()

    def run(
        self, progress: Progress | None = None, waiting: Callable[[str], None] | None = None
    ) -> UpdateReport:
        """Run the update to its end and return its report (raises ChildUpdateError)."""
        self._proc = subprocess.Popen(
            [sys.executable, "-m", CHILD_MODULE, *self._args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        if self._cancelled.is_set():
            self.cancel()
        report: UpdateReport | None = None
        error: ChildUpdateError | None = None
        assert self._proc.stdout is not None and self._proc.stderr is not None
        for line in self._proc.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if "progress" in message and progress is not None:
                progress(*message["progress"])
            elif "waiting" in message and waiting is not None:
                waiting(message["waiting"])
            elif "report" in message:
                report = _report(message["report"])
            elif "error" in message:
                error = ChildUpdateError(message["error"], message.get("kind", ""))
        stderr = self._proc.stderr.read()
        code = self._proc.wait()
        if error is not None:
            raise error
        if report is None:
            if self._cancelled.is_set():
                raise ChildUpdateError("the update was cancelled", "cancelled")
            last = stderr.strip().splitlines()[-1:] or [f"exit code {code}"]
            raise ChildUpdateError(f"the index update stopped: {last[0]}")
        return report

    def cancel(self) -> None:
        """Stop the child (a killed update leaves the index as it was)."""
        self._cancelled.set()
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()


def _report(data: dict) -> UpdateReport:
    data = dict(data)
    data["skipped"] = [tuple(item) for item in data.get("skipped", [])]
    return UpdateReport(**data)
