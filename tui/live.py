"""The folder is live: the rules for keeping the index in step while the app is open.

Plain Python, no Textual, so a test can drive it without an app. The main screen starts a
:class:`~newsbrowse.index.FolderWatch` once the index is open; every batch of changes it
reports, and the ``R`` key, asks the :class:`UpdateQueue` for an update. Two updates at once
would race for the index's lock (the second would serve a stale index with a notice), so
one runs at a time, and a request that comes while one runs makes exactly one more run
after it: that run sees whatever changed meanwhile, however many batches came.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from newsbrowse.index.model import Article, UpdateReport


@dataclass
class UpdateQueue:
    """Whether an index update runs, and whether another must follow it."""

    running: bool = False
    manual: bool = False  # the running update was asked for by hand (R): say "up to date"
    _again: bool = False
    _again_manual: bool = False

    def request(self, *, manual: bool = False) -> bool:
        """Ask for an update. True: start one now; False: one runs, another will follow."""
        if self.running:
            self._again = True
            self._again_manual = self._again_manual or manual
            return False
        self.running, self.manual = True, manual
        return True

    def finished(self) -> bool:
        """The running update ended. True: start the one asked for meanwhile, now."""
        if self._again:
            self.manual, self._again, self._again_manual = self._again_manual, False, False
            return True
        self.running = self.manual = False
        return False

    def failed(self) -> None:
        """The running update failed: nothing follows it (the next change asks again)."""
        self.running = self.manual = self._again = self._again_manual = False


def changed(report: UpdateReport) -> bool:
    """Whether an update changed what the index holds."""
    return bool(report.added or report.changed or report.deleted or report.rebuilt)


def change_summary(report: UpdateReport) -> str | None:
    """``2 added · 1 changed · 1 removed`` (None when nothing changed)."""
    parts = [
        f"{count:,} {what}"
        for count, what in (
            (report.added, "added"),
            (report.changed, "changed"),
            (report.deleted, "removed"),
        )
        if count
    ]
    if report.rebuilt and not parts:
        parts.append("index rebuilt")
    return " · ".join(parts) or None


class OpenArticle(Enum):
    """What an update did to the article open in the reader."""

    SAME = "same"
    CHANGED = "changed"
    REMOVED = "removed"


def compare_open(shown: Article, now: Article | None) -> OpenArticle:
    """Compare the article on screen with the index's copy after an update (None: gone)."""
    if now is None:
        return OpenArticle.REMOVED
    return OpenArticle.SAME if now == shown else OpenArticle.CHANGED
