"""The sidecar state kept beside the Whoosh index.

It records, per file, what the index holds (size, mtime, content hash, or why it was
skipped), each article's speakers, and the merged speaker registry, so that opening a
corpus needs neither a re-read of unchanged files nor a pass over every stored document nor
a new merge. It is tied to one index generation: when the two disagree (a killed process,
a manual edit), it is rebuilt from the index. It is a pickle in the user's own cache
directory, like Whoosh's table of contents beside it.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import ArticleInfo, ArticleSpeaker

STATE_FILE = "newsbrowse-state.pickle"


@dataclass
class FileEntry:
    size: int
    mtime_ns: int
    content_hash: str = ""
    skipped: str | None = None  # the reason, when the file is not indexed


@dataclass
class ArticleSpeakers:
    """Who is quoted in one article: its speakers and each quote's (speaker, kind)."""

    speakers: tuple[ArticleSpeaker, ...] = ()
    quotes: tuple[tuple[str | None, str], ...] = ()
    info: ArticleInfo | None = None  # the article's metadata, for listings without the index


@dataclass
class CorpusState:
    generation: int = -1
    version: str = ""
    files: dict[str, FileEntry] = field(default_factory=dict)
    articles: dict[str, ArticleSpeakers] = field(default_factory=dict)
    registry: Any = None  # registry.SpeakerRegistry, derived from ``articles``

    def save(self, index_dir: Path) -> None:
        """Write atomically: a reader sees the old state or the new one, never half."""
        fd, tmp = tempfile.mkstemp(prefix=".state-", dir=index_dir)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, index_dir / STATE_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, index_dir: Path) -> CorpusState | None:
        """The saved state, or None when missing or unreadable."""
        try:
            with open(index_dir / STATE_FILE, "rb") as fh:
                state = pickle.load(fh)
        except Exception:  # missing, truncated, from another version: rebuilt by the caller
            return None
        return state if isinstance(state, cls) else None
