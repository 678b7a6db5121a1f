"""The errors newsbrowse raises on purpose, under one base class.

Each message is one line for people (the command line prints it as it is). What the engine
can recover from it never raises: a bad query gives ``SearchResult.error``, a damaged index
is rebuilt, an unreadable file is skipped with its reason. So these reach a caller only
where it has a choice to make.
"""

from __future__ import annotations


class NewsbrowseError(Exception):
    """Base of every newsbrowse error."""


class UnreadableFile(NewsbrowseError):
    """A file that is not an article we can read; ``reason`` says why, in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class QueryError(NewsbrowseError):
    """A query that can't be searched (``Library.search`` reports it, never raises it)."""


class BuildWorkerError(NewsbrowseError):
    """A worker process of a parallel build failed; nothing it wrote is committed."""


class IndexDirError(NewsbrowseError):
    """The folder given for the index can't be used (it holds other files, or the corpus)."""


class IndexWriteError(NewsbrowseError):
    """The index could not be written (disk full, permissions); the old one still serves."""
