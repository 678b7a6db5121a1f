"""The sidecar state kept beside the Whoosh index.

It records, per file, what the index holds (size, mtime, content hash, or why it was
skipped), each article's speakers and quote fingerprints, the merged speaker registry and
the quote clusters, so that opening a corpus needs neither a re-read of unchanged files nor
a pass over every stored document nor a new merge. It is tied to one index generation: when
the two disagree (a killed process, a manual edit), it is rebuilt from the index. It is a
pickle in the user's own cache directory, like Whoosh's table of contents beside it.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import replacing
from ..clusters import QuoteClusters
from ..model import ArticleInfo, ArticleSpeakers
from ..speakers import SpeakerRegistry

STATE_FILE = "newsbrowse-state.pickle"
# The article ids newest first, apart from the state: the first screen lists the newest
# articles, and reading this small file is far cheaper than the whole state (4 s at 100k).
NEWEST_FILE = "newsbrowse-newest.pickle"


def newest_first(infos: Iterable[ArticleInfo]) -> list[ArticleInfo]:
    """Newest first, undated last, ties by id."""
    ordered = sorted(infos, key=lambda a: a.id)
    ordered.sort(key=lambda a: a.date or "", reverse=True)
    return ordered


@dataclass
class FileEntry:
    size: int
    mtime_ns: int
    content_hash: str = ""
    skipped: str | None = None  # the reason, when the file is not indexed


@dataclass
class CorpusState:
    generation: int = -1
    version: str = ""
    files: dict[str, FileEntry] = field(default_factory=dict)
    articles: dict[str, ArticleSpeakers] = field(default_factory=dict)
    registry: SpeakerRegistry | None = None  # derived from ``articles``, merged when needed
    clusters: QuoteClusters | None = None  # derived from ``articles`` and ``registry``, likewise

    def save(self, index_dir: Path) -> None:
        """Write the state and the newest-first listing, each atomically."""
        infos = (a.info for a in self.articles.values() if a.info is not None)
        newest = {"generation": self.generation, "ids": [a.id for a in newest_first(infos)]}
        _dump(newest, index_dir / NEWEST_FILE)
        _dump(self, index_dir / STATE_FILE, write=_write_in_chunks)

    @classmethod
    def load(cls, index_dir: Path) -> CorpusState | None:
        """The saved state, or None when missing or unreadable."""
        try:
            with open(index_dir / STATE_FILE, "rb") as fh, _collector_paused():
                state = _read_in_chunks(pickle.Unpickler(fh))
        except Exception:  # missing, truncated, from another version: rebuilt by the caller
            return None
        return state if isinstance(state, cls) else None


# The state is pickled as a stream of small pieces through one pickler, not as one object:
# pickle holds the GIL for a whole dump or load (5 s at 100,000 articles), which froze the
# app while a background update or the speaker list read it. Between pieces other threads
# run. One pickler and one unpickler keep their memo across pieces, so shared objects stay
# shared.
CHUNK = 1000  # entries per piece: ~50 ms to load
STREAM_MARK = "newsbrowse-state-stream-2"  # 2: quote fingerprints and clusters


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a load makes millions of objects, each batch of
    which would start a collection over all the others (100k articles: 6.0 → 2.4 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_in_chunks(state: CorpusState, pickler: pickle.Pickler) -> None:
    pickler.dump((STREAM_MARK, state.generation, state.version, len(state.files)))
    for part in (state.files, state.articles):
        items = list(part.items())
        pickler.dump(len(items))
        for start in range(0, len(items), CHUNK):
            pickler.dump(items[start : start + CHUNK])
    pickler.dump(state.registry)
    pickler.dump(state.clusters)


def _read_in_chunks(unpickler: pickle.Unpickler) -> CorpusState | None:
    head = unpickler.load()
    if not (isinstance(head, tuple) and head[0] == STREAM_MARK):  # another format: rebuilt
        return None
    state = CorpusState(generation=head[1], version=head[2])
    for part in (state.files, state.articles):
        count = unpickler.load()
        while len(part) < count:
            part.update(unpickler.load())
    state.registry = unpickler.load()
    state.clusters = unpickler.load()
    return state


def load_newest(index_dir: Path, generation: int | None) -> list[str] | None:
    """Article ids newest first, if the saved listing is of index ``generation``."""
    try:
        with open(index_dir / NEWEST_FILE, "rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, dict) and data.get("generation") == generation:
            ids = data["ids"]
            return ids if isinstance(ids, list) else None
    except Exception:  # missing or damaged: the caller falls back to the state
        pass
    return None


def _dump(obj: Any, path: Path, write: Callable[[Any, pickle.Pickler], None] | None = None) -> None:
    """Pickle atomically: a reader sees the old file or the new one, never half."""
    with replacing(path, binary=True) as fh, _collector_paused():
        pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
        if write is None:
            pickler.dump(obj)
        else:
            write(obj, pickler)
