"""A file's outcome in an update: its document, or the reason it is skipped.

Apart from ``prepare`` (which makes it) so that the parent of a parallel build, which only
receives these, never imports reading and extraction (a tenth of a second before its
workers could start).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ArticleSpeakers
from .documents import Fields
from .state import FileEntry


@dataclass(slots=True)
class Prepared:
    """A file ready for the index: its document, or the reason it is skipped."""

    id: str
    entry: FileEntry
    doc: Fields | None = None
    speakers: ArticleSpeakers | None = None
    # A build worker sends the speakers apart, pickled with many others' (see
    # ``build.ParallelBuild.speakers``): the parent holds every article's until the workers
    # are done (0.9 KB each pickled, 3.7 KB as objects), so it unpickles them only then.
    speakers_later: bool = False
