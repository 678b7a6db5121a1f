"""The sidecar state kept beside the Whoosh index.

It records, per file, what the index holds (size, mtime, content hash, or why it was
skipped) and each article's speakers, so that opening a corpus needs neither a re-read of
unchanged files nor a pass over every stored document. It is tied to one index generation:
when the two disagree (a killed process, a manual edit), it is rebuilt from the index.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .codec import speaker_from_dict, speaker_to_dict
from .model import ArticleSpeaker

STATE_FILE = "newsbrowse-state.json"


@dataclass(slots=True)
class FileEntry:
    size: int
    mtime_ns: int
    content_hash: str = ""
    skipped: str | None = None  # the reason, when the file is not indexed


@dataclass(slots=True)
class ArticleSpeakers:
    """Who is quoted in one article: its speakers and each quote's (speaker, kind)."""

    speakers: tuple[ArticleSpeaker, ...] = ()
    quotes: tuple[tuple[str | None, str], ...] = ()


@dataclass(slots=True)
class CorpusState:
    generation: int = -1
    version: str = ""
    files: dict[str, FileEntry] = field(default_factory=dict)
    articles: dict[str, ArticleSpeakers] = field(default_factory=dict)

    def save(self, index_dir: Path) -> None:
        """Write atomically: a reader sees the old state or the new one, never half."""
        data = {
            "generation": self.generation,
            "version": self.version,
            "files": {
                k: [e.size, e.mtime_ns, e.content_hash, e.skipped] for k, e in self.files.items()
            },
            "articles": {
                k: {
                    "speakers": [speaker_to_dict(s) for s in a.speakers],
                    "quotes": [list(q) for q in a.quotes],
                }
                for k, a in self.articles.items()
            },
        }
        fd, tmp = tempfile.mkstemp(prefix=".state-", dir=index_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, index_dir / STATE_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, index_dir: Path) -> CorpusState | None:
        """The saved state, or None when missing or unreadable."""
        try:
            with open(index_dir / STATE_FILE, encoding="utf-8") as fh:
                data = json.load(fh)
            return cls(
                generation=int(data["generation"]),
                version=str(data["version"]),
                files={k: FileEntry(*v) for k, v in data["files"].items()},
                articles={
                    k: ArticleSpeakers(
                        tuple(speaker_from_dict(s) for s in a["speakers"]),
                        tuple((q[0], q[1]) for q in a["quotes"]),
                    )
                    for k, a in data["articles"].items()
                },
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
