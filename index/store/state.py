"""The sidecar state kept beside the Whoosh index, in parts that load only when needed.

It records, per file, what the index holds (size, mtime, content hash, or why it was
skipped), each article's speakers and quote fingerprints, the merged speaker registry and
the quote clusters, so that opening a
corpus needs neither a re-read of unchanged files nor a pass over every stored document nor
a new merge. It is tied to one index generation: when the two disagree (a killed process,
a manual edit), it is rebuilt from the index. The parts, each a pickle in the user's own
cache directory like Whoosh's table of contents beside them:

- ``FILES_FILE``: the file table as a few flat columns, read by every command (what the
  scan is compared with): ~30 ms at 100,000 files, where the whole state took seconds;
- ``ARTICLES_FILE`` and ``JOURNAL_FILE``: each article's speakers, as a base written in
  small pieces plus a journal that every update appends its changes to (so one changed file
  costs a small append, not a rewrite); read only for the speaker merge; ``INFOS_FILE``
  holds the base's metadata alone (the article lists), the journal completing it too;
- ``SPEAKERS_FILE``: the merged registry, read only for speaker queries and lists; first
  in it, what speaker facets need (each article's speakers, their names), read alone;
  ``BY_ARTICLE_FILE``: which speaker each article's names are, by article, in pieces found
  by bisection, so that the reader's one article needs none of the rest;
- ``CLUSTERS_FILE``: the quote clusters (derived from the articles' quote fingerprints and
  the registry), read only when quotes are listed;
- ``NEWEST_FILE``: the article ids newest first (the first screen).
"""

from __future__ import annotations

import gc
import os
import pickle
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress
from pathlib import Path
from typing import IO, Any, TypeVar

from ..atomic import replacing
from ..clusters import QuoteClusters
from ..model import ArticleInfo, ArticleSpeakers
from ..speakers import SpeakerIndex, SpeakerRegistry

FILES_FILE = "newsbrowse-files.pickle"
ARTICLES_FILE = "newsbrowse-articles.pickle"
INFOS_FILE = "newsbrowse-infos.pickle"  # each article's metadata alone, as of the base
JOURNAL_FILE = "newsbrowse-articles.journal"
SPEAKERS_FILE = "newsbrowse-speakers.pickle"
BY_ARTICLE_FILE = "newsbrowse-speakers-by-article.bin"
CLUSTERS_FILE = "newsbrowse-clusters.pickle"
# The article ids newest first, apart from the state: the first screen lists the newest
# articles, and reading this small file is far cheaper than the articles (seconds at 100k).
NEWEST_FILE = "newsbrowse-newest.pickle"
FILES_MARK = "newsbrowse-files-1"
# 3: each piece a pickle of its own (a build worker's, written as it came)
ARTICLES_MARK = "newsbrowse-articles-3"
SHARED_MEMO_ARTICLES_MARK = "newsbrowse-articles-2"  # pieces sharing one memo: still read
INFOS_MARK = "newsbrowse-infos-1"
CHUNK = 1000  # articles per pickled piece: other threads run between pieces
COMPACT_AT = 0.25  # rewrite the base when the journal holds this share of it
# Writes an object to a state file, with the pickler or as bytes to the file between pickles.
Writer = Callable[[Any, pickle.Pickler, IO[bytes]], None]


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


class StateDamaged(Exception):
    """A part of the state is missing, cut short or of another generation."""


class CorpusState:
    """The file table and each article's speakers, for one index generation.

    ``files`` is loaded with the state; ``articles`` and ``registry`` only on first use
    (``folder`` says where from). Changes to articles go through :meth:`set_article` and
    :meth:`drop_article`, which also note them for the journal, so that an update never
    needs to read the articles at all.
    """

    def __init__(
        self,
        generation: int = -1,
        version: str = "",
        files: dict[str, FileEntry] | None = None,
        articles: dict[str, ArticleSpeakers] | None = None,
        folder: Path | None = None,
    ) -> None:
        self.generation = generation
        self.version = version
        self._files = files if files is not None else {}
        self._table: dict[str, Any] | None = None  # the file table as read, until needed
        self._articles = articles if articles is not None or folder else {}
        self._folder = folder  # where the articles and registry are read from, if not yet
        self._changes: dict[str, ArticleSpeakers | None] = {}  # since the last save
        self._packed: list[bytes] = []  # see packed_as
        self._packed_count = 0
        self._on_disk = generation if folder is not None else None  # the articles' there
        self._registry: SpeakerRegistry | None = None
        self._registry_read = folder is None
        self._registry_new = False  # merged here, not yet saved
        self._cards: tuple[tuple[list[str], list[int]], Cards] | None = None
        self._clusters: QuoteClusters | None = None
        self._clusters_read = folder is None
        self._clusters_new = False  # clustered here, not yet saved
        self._clusters_stamp: int | None = None  # the file's mtime when last looked at
        # Called between pieces of what is read: the library lets its searches go first.
        self.pause: Pause = _nothing

    # ── files ────────────────────────────────────────────────────────────────────────

    @property
    def files(self) -> dict[str, FileEntry]:
        """What the index holds of each file, by id (made from the table on first use)."""
        if self._table is not None:
            self._files = _entries(self._table)
            self._table = None
        return self._files

    def same_files(self, ids: list[str], sizes: list[int], mtimes: list[int]) -> bool:
        """Whether a scan (sorted by id) found exactly the files recorded, unchanged."""
        table = self._table
        if table is None:
            files = self._files
            return list(files) == ids and all(
                (e.size, e.mtime_ns) == (s, m)
                for e, s, m in zip(files.values(), sizes, mtimes, strict=True)
            )
        return (
            table["ids"] == "\n".join(ids)
            and table["sizes"] == array("q", sizes)
            and table["mtimes"] == array("q", mtimes)
        )

    def skipped_count(self) -> int:
        """How many files are recorded as not indexed."""
        if self._table is None:
            return sum(1 for e in self.files.values() if e.skipped is not None)
        return len(self._table["skipped"])

    def skipped_files(self) -> list[tuple[str, str]]:
        """``(id, reason)`` of every file not indexed, by id."""
        table = self._table
        if table is None:
            return sorted((i, e.skipped) for i, e in self.files.items() if e.skipped is not None)
        ids = table["ids"].split("\n")
        return sorted((ids[i], reason) for i, reason in table["skipped"].items())

    def copy(self) -> CorpusState:
        """A copy whose changes leave this one intact (an update that fails half way)."""
        other = CorpusState(self.generation, self.version, dict(self.files))
        other._articles = dict(self._articles) if self._articles is not None else None
        other._folder = self._folder
        other._changes = dict(self._changes)
        other._on_disk = self._on_disk
        other._registry, other._registry_read = self._registry, self._registry_read
        other._registry_new = self._registry_new
        other._cards = self._cards
        other._clusters, other._clusters_read = self._clusters, self._clusters_read
        other._clusters_new = self._clusters_new
        other.pause = self.pause
        return other

    # ── articles ─────────────────────────────────────────────────────────────────────

    @property
    def articles(self) -> dict[str, ArticleSpeakers]:
        """Each article's speakers (read from disk on first use; treat as read-only)."""
        if self._articles is None:
            assert self._folder is not None
            loaded = load_articles(self._folder, self.generation, self.pause)
            if loaded is None:
                raise StateDamaged("the articles' state is missing or out of date")
            for article_id, speakers in self._changes.items():
                if speakers is None:
                    loaded.pop(article_id, None)
                else:
                    loaded[article_id] = speakers
            self._articles = loaded
        return self._articles

    def packed_as(self, packs: list[bytes], ids: list[str]) -> None:
        """``packs`` (pickled lists of ``(id, speakers)`` pairs, as a build's workers send
        them) hold the articles of ``ids``, in order, just set: if they are the last ones,
        the next save writes these bytes as they are instead of pickling the articles again
        (0.3 s of a 10,000-article build, 2.2 s of a 100,000 one, after its workers)."""
        articles = self._articles
        if articles is not None and ids and list(articles)[-len(ids) :] == ids:
            self._packed, self._packed_count = packs, len(ids)

    def set_article(self, article_id: str, speakers: ArticleSpeakers) -> None:
        self._packed, self._packed_count = [], 0  # no longer the last ones as packed
        self._changes[article_id] = speakers
        if self._articles is not None:
            self._articles[article_id] = speakers

    def drop_article(self, article_id: str) -> None:
        self._packed, self._packed_count = [], 0
        self._changes[article_id] = None
        if self._articles is not None:
            self._articles.pop(article_id, None)

    @property
    def registry(self) -> SpeakerRegistry | None:
        """The merged speakers, if merged for this generation (else None: merge them)."""
        if not self._registry_read:
            self._registry_read = True
            if self._folder is not None and not self._changes:
                self._registry = load_registry(self._folder, self.generation, self.pause)
        return self._registry

    @registry.setter
    def registry(self, value: SpeakerRegistry | None) -> None:
        self._registry, self._registry_read, self._registry_new = value, True, value is not None

    @property
    def clusters(self) -> QuoteClusters | None:
        """The quote clusters, if made for this generation (else None: cluster them)."""
        if not self._clusters_read:
            self._clusters_read = True
            return self.clusters_if_saved()
        return self._clusters

    @clusters.setter
    def clusters(self, value: QuoteClusters | None) -> None:
        self._clusters, self._clusters_read, self._clusters_new = value, True, value is not None

    def clusters_if_saved(self) -> QuoteClusters | None:
        """The quote clusters if made or saved for this generation, never clustering: while
        missing, the file is looked at again when it changes, since another process (the
        app's update child) may save them at any time."""
        if self._clusters is not None or self._folder is None or self._changes:
            return self._clusters
        try:
            stamp = (self._folder / CLUSTERS_FILE).stat().st_mtime_ns
        except OSError:
            return None
        if stamp != self._clusters_stamp:
            self._clusters_stamp = stamp
            self._clusters_read = True
            self._clusters = load_clusters(self._folder, self.generation)
        return self._clusters

    def speaker_facets(self) -> SpeakerFacets | None:
        """Speaker names and each article's speakers, from the registry in memory or, if
        not read yet, from the first part of its file (None: merge the speakers)."""
        if self._registry_read:
            return speaker_facets(self._registry) if self._registry is not None else None
        if self._folder is None or self._changes:
            return None
        return load_speaker_facets(self._folder, self.generation)

    def article_speakers(self, article_id: str) -> ArticleSpeakerIds | None:
        """Which speaker each of an article's names is, and those speakers' cards; None
        when not saved for this generation (then merge the speakers)."""
        if self._folder is None or self._changes:
            return None
        if self._cards is None:
            self._cards = _load_cards(self._folder / BY_ARTICLE_FILE, self.generation)
        if self._cards is None:
            return None
        local = _load_article_ids(self._folder / BY_ARTICLE_FILE, self._cards[0], article_id)
        return None if local is None else (local, self._cards[1])

    @property
    def in_memory(self) -> bool:
        """Whether every article is in memory (a new state, not one read from disk)."""
        return self._folder is None

    def pending(self) -> dict[str, ArticleSpeakers | None]:
        """The articles set or dropped (None) since the last save."""
        return dict(self._changes)

    # ── disk ─────────────────────────────────────────────────────────────────────────

    def saved_in(self, folder: Path) -> bool:
        """Whether ``folder`` holds this state as it is now (but perhaps not its registry)."""
        return self._folder == folder and not self._changes and self._on_disk == self.generation

    def save(self, folder: Path) -> None:
        """Write what changed since the last save; the file table last (it names the
        generation the other parts are checked against)."""
        base = folder / ARTICLES_FILE
        if self._folder != folder or not base.exists():
            self._write_articles(folder)
        elif self._changes or self._on_disk != self.generation:
            journal = folder / JOURNAL_FILE
            size = journal.stat().st_size if journal.exists() else 0
            if self._articles is not None and size > COMPACT_AT * base.stat().st_size:
                self._write_articles(folder)
            else:
                _append(journal, (self.generation, self._changes))
        self._changes = {}
        self._packed, self._packed_count = [], 0
        self._folder = folder
        self._on_disk = self.generation
        self.save_new_derived(folder)
        _dump(_files_table(self), folder / FILES_FILE)

    def _write_articles(self, folder: Path) -> None:
        articles = self.articles if self._folder is not None else self._articles
        assert articles is not None
        write = _articles_in_chunks(self.generation, self._packed, self._packed_count)
        _dump(articles, folder / ARTICLES_FILE, write=write)
        infos = [a.info for a in articles.values() if a.info is not None]
        _dump(infos, folder / INFOS_FILE, write=_infos_in_chunks(self.generation))
        _dump(None, folder / JOURNAL_FILE, write=lambda _obj, _pickler, _fh: None)

    def infos(self) -> list[ArticleInfo]:
        """Every article's metadata: from the articles in memory, else from the metadata
        file and the journal (a fifth of the articles' size to read)."""
        if self._articles is None and self._folder is not None:
            loaded = load_infos(self._folder, self.generation, self.pause)
            if loaded is not None:
                for article_id, speakers in self._changes.items():
                    loaded.pop(article_id, None)
                    if speakers is not None and speakers.info is not None:
                        loaded[article_id] = speakers.info
                return list(loaded.values())
        return [a.info for a in self.articles.values() if a.info is not None]

    def save_registry(self, folder: Path) -> None:
        """Keep the merged speakers for the next open of this generation: first what the
        speaker facets need (a tenth of the registry to read), then the registry."""
        registry = self._registry
        assert registry is not None

        def write(_obj: Any, pickler: pickle.Pickler, _fh: IO[bytes]) -> None:
            pickler.dump((self.generation, speaker_facets(registry)))
            _registry_in_pieces(registry, pickler)

        _dump(None, folder / SPEAKERS_FILE, write=write)
        _write_by_article(folder / BY_ARTICLE_FILE, self.generation, registry)
        self._registry_new = False

    def save_new_derived(self, folder: Path) -> None:
        """Write the merged speakers and the clusters if made since the last save."""
        if self._registry_new:
            self.save_registry(folder)
        if self._clusters_new:
            self.save_clusters(folder)

    def save_clusters(self, folder: Path) -> None:
        """Keep the quote clusters for the next open of this generation."""
        _dump((self.generation, self._clusters), folder / CLUSTERS_FILE)
        self._clusters_new = False

    @classmethod
    def load(cls, folder: Path) -> CorpusState | None:
        """The saved file table (articles and registry follow on first use), or None when
        missing or unreadable."""
        try:
            with open(folder / FILES_FILE, "rb") as fh, collector_paused():
                table = pickle.load(fh)
            return _from_files_table(table, folder)
        except Exception:  # missing, truncated, from another version: rebuilt by the caller
            return None


# ── the file table ───────────────────────────────────────────────────────────────────


def _files_table(state: CorpusState) -> dict[str, Any]:
    if state._table is not None:  # never opened up: unchanged
        return {**state._table, "generation": state.generation, "version": state.version}
    ids = sorted(state.files)  # sorted as a scan is: a scan that finds no change compares equal
    entries = [state.files[i] for i in ids]
    return {
        "mark": FILES_MARK,
        "generation": state.generation,
        "version": state.version,
        "ids": "\n".join(ids),
        "sizes": array("q", [e.size for e in entries]),
        "mtimes": array("q", [e.mtime_ns for e in entries]),
        "hashes": "\n".join(e.content_hash for e in entries),
        "skipped": {i: e.skipped for i, e in enumerate(entries) if e.skipped is not None},
    }


def _from_files_table(table: dict[str, Any], folder: Path) -> CorpusState | None:
    if not isinstance(table, dict) or table.get("mark") != FILES_MARK:
        return None
    state = CorpusState(table["generation"], table["version"], folder=folder)
    state._table = table
    return state


def _entries(table: dict[str, Any]) -> dict[str, FileEntry]:
    ids = table["ids"].split("\n") if table["ids"] else []
    hashes = table["hashes"].split("\n") if ids else []
    skipped = table["skipped"]
    return {
        file_id: FileEntry(size, mtime, content_hash, skipped.get(i))
        for i, (file_id, size, mtime, content_hash) in enumerate(
            zip(ids, table["sizes"], table["mtimes"], hashes, strict=True)
        )
    }


# ── articles: a base in pieces, and a journal ────────────────────────────────────────


def _articles_in_chunks(generation: int, packed: Sequence[bytes] = (), count: int = 0) -> Writer:
    """The base's writer: a header, then the articles in chunks. ``packed``: pickled
    chunks that hold the last ``count`` of the articles, in order (see
    ``CorpusState.packed_as``), written as they are."""

    def write(articles: dict[str, ArticleSpeakers], pickler: pickle.Pickler, fh: IO[bytes]) -> None:
        items = list(articles.items())
        pickler.dump((ARTICLES_MARK, generation, len(items)))
        head = items[: len(items) - count]
        for start in range(0, len(head), CHUNK):
            pickler.clear_memo()  # each piece read alone, as a worker's pack is
            pickler.dump(head[start : start + CHUNK])
        for pack in packed:
            fh.write(pack)

    return write


def _infos_in_chunks(generation: int) -> Writer:
    def write(infos: list[ArticleInfo], pickler: pickle.Pickler, _fh: IO[bytes]) -> None:
        pickler.dump((INFOS_MARK, generation, len(infos)))
        for start in range(0, len(infos), CHUNK):
            pickler.dump(infos[start : start + CHUNK])

    return write


Pause = Callable[[], None]  # called between pieces: lets a waiting search go first
_V = TypeVar("_V")


def _nothing() -> None:
    pass


def load_infos(
    folder: Path, generation: int, pause: Pause = _nothing
) -> dict[str, ArticleInfo] | None:
    """The base's metadata, then the journal's; None unless that leads to ``generation``."""
    return _replayed(
        folder / INFOS_FILE,
        {INFOS_MARK: False},
        generation,
        pause,
        lambda chunk: ((info.id, info) for info in chunk),
        lambda speakers: speakers.info,
    )


def load_articles(
    folder: Path, generation: int, pause: Pause = _nothing
) -> dict[str, ArticleSpeakers] | None:
    """The base, then every journal entry; None unless that leads to ``generation``."""
    return _replayed(
        folder / ARTICLES_FILE,
        {ARTICLES_MARK: True, SHARED_MEMO_ARTICLES_MARK: False},
        generation,
        pause,
        lambda chunk: chunk,  # (id, speakers) pairs
        lambda speakers: speakers,
    )


def _replayed(
    base: Path,
    marks: dict[str, bool],
    generation: int,
    pause: Pause,
    items: Callable[[Any], Iterable[tuple[str, _V]]],
    value: Callable[[ArticleSpeakers], _V | None],
) -> dict[str, _V] | None:
    """A base file written in chunks, then the journal's changes replayed over it (an
    article's ``value`` of its new speakers, or dropped); None unless that leads to
    ``generation`` (or the files are missing, truncated, or from another version).
    ``marks``: the versions read, each with whether its chunks are pickles of their own
    (else they share one memo)."""
    try:
        with open(base, "rb") as fh, collector_paused():
            unpickler = pickle.Unpickler(fh)
            found_mark, at, count = unpickler.load()
            if found_mark not in marks:
                return None
            # a piece of its own needs an unpickler of its own (``memo.clear()`` leaves the
            # count of what was memoised, where the piece's numbering starts again)
            load = partial(pickle.load, fh) if marks[found_mark] else unpickler.load
            out: dict[str, _V] = {}
            while len(out) < count:
                out.update(items(load()))
                pause()
        for entry in _journal(base.parent / JOURNAL_FILE):
            at, changes = entry
            for article_id, speakers in changes.items():
                new = None if speakers is None else value(speakers)
                if new is None:
                    out.pop(article_id, None)
                else:
                    out[article_id] = new
    except Exception:  # missing, truncated, from another version
        return None
    return out if at == generation else None


def _journal(path: Path) -> Iterator[tuple[int, dict[str, ArticleSpeakers | None]]]:
    with open(path, "rb") as fh, collector_paused():
        unpickler = pickle.Unpickler(fh)
        while True:
            try:
                entry = unpickler.load()
            except EOFError:
                return
            yield entry


def _append(path: Path, entry: Any) -> None:
    """Append one pickled entry. A torn append (a crash) fails the load, and the state is
    made again from the index and written whole."""
    with open(path, "ab") as fh:
        pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass(frozen=True)
class SpeakerFacets:
    """Each speaker's name by id, and the speakers each article quotes, as flat columns:
    at 100,000 articles they unpickle in 4 ms, where a dict of tuples took 38 ms (and the
    CLI's first search with facets reads them)."""

    names: dict[str, str]  # speaker id → name
    speakers: list[str]  # the quoted speakers' ids, sorted: a speaker's number is its place
    article_ids: str  # the articles' ids, each ended by a NUL (no file name holds one)
    ends: array  # where each article's numbers end in ``numbers``
    numbers: array  # each article's speakers' numbers, ascending, article after article

    def quoted_in(self, article_ids: Iterable[str]) -> Iterator[Sequence[int]]:
        """The numbers of the speakers each of ``article_ids`` (no id twice) quotes, unknown
        ones left out, in no particular order: for one search, where :meth:`by_document` for
        every document would cost more (100,000 articles: ~0.1 s). The rows are picked by a
        set look-up per article, in C; a dict of every row took 40 ms to make."""
        wanted = set(article_ids)
        ids = self.article_ids.split("\0")[:-1]
        ends, numbers = self.ends, self.numbers
        for row in compress(range(len(ids)), map(wanted.__contains__, ids)):
            yield numbers[ends[row - 1] if row else 0 : ends[row]]

    def by_document(self, article_ids: Iterable[str]) -> list[tuple[int, ...]]:
        """The numbers of the speakers each of ``article_ids`` quotes (none if unknown):
        made once per index generation, so that a search's facets count a tuple per match."""
        place, starts = self._rows()
        numbers = self.numbers
        return [
            () if (row := place.get(aid)) is None else tuple(numbers[starts[row] : starts[row + 1]])
            for aid in article_ids
        ]

    def _rows(self) -> tuple[dict[str, int], list[int]]:
        """Each article's row, and where each row's numbers start (one more: the last end)."""
        ids = self.article_ids.split("\0")[:-1]
        return dict(zip(ids, range(len(ids)), strict=True)), [0, *self.ends]


def speaker_facets(registry: SpeakerRegistry) -> SpeakerFacets:
    """Each speaker's name by id, and the speakers quoted in each article."""
    names = {s.id: s.name for s in registry.index.speakers}
    quoted = registry.by_article
    speakers = sorted(set(chain.from_iterable(quoted.values())))
    number = {sid: n for n, sid in enumerate(speakers)}
    numbers, ends = array("I"), array("I")
    for ids in quoted.values():
        numbers.extend(sorted(number[sid] for sid in ids))
        ends.append(len(numbers))
    article_ids = "".join(aid + "\0" for aid in quoted)
    return SpeakerFacets(names, speakers, article_ids, ends, numbers)


def load_speaker_facets(folder: Path, generation: int) -> SpeakerFacets | None:
    """What the speaker facets need, saved for ``generation``, or None."""
    try:
        with open(folder / SPEAKERS_FILE, "rb") as fh, collector_paused():
            at, facets = pickle.Unpickler(fh).load()
    except Exception:
        return None
    return facets if at == generation and isinstance(facets, SpeakerFacets) else None


def load_clusters(folder: Path, generation: int) -> QuoteClusters | None:
    """The saved quote clusters, if saved for ``generation``."""
    try:
        with open(folder / CLUSTERS_FILE, "rb") as fh, collector_paused():
            at, clusters = pickle.load(fh)
    except Exception:  # missing or unreadable: clustered again
        return None
    return clusters if at == generation and isinstance(clusters, QuoteClusters) else None


def load_registry(folder: Path, generation: int, pause: Pause = _nothing) -> SpeakerRegistry | None:
    """The merged speakers saved for ``generation``, or None."""
    try:
        with open(folder / SPEAKERS_FILE, "rb") as fh, collector_paused():
            unpickler = pickle.Unpickler(fh)
            at, facets = unpickler.load()
            # Facets saved in an older form: merged again, and saved with new facets.
            current = at == generation and isinstance(facets, SpeakerFacets)
            registry = _registry_from_pieces(unpickler, pause) if current else None
    except Exception:
        return None
    return registry


Card = tuple[str, str, tuple[str, ...], tuple[str, ...]]  # name, kind, aliases, roles
Cards = dict[str, Card]  # by speaker id
ArticleSpeakerIds = tuple[dict[str, str], Cards]  # an article's names → ids; the cards


def _write_by_article(path: Path, generation: int, registry: SpeakerRegistry) -> None:
    """Pieces of {article: {name: speaker id}} (each its own pickle, at a recorded offset),
    then the pieces' first ids and offsets and every speaker's card, then where those are."""
    grouped: dict[str, dict[str, str]] = {}
    for (article_id, name), sid in registry.index._local.items():
        grouped.setdefault(article_id, {})[name] = sid
    ids = sorted(grouped)
    cards = {s.id: (s.name, s.kind, s.aliases, s.roles) for s in registry.index.speakers}
    with replacing(path, binary=True) as fh:
        firsts, offsets = [], []
        for start in range(0, len(ids), CHUNK):
            piece = ids[start : start + CHUNK]
            firsts.append(piece[0])
            offsets.append(fh.tell())
            fh.write(pickle.dumps({a: grouped[a] for a in piece}, pickle.HIGHEST_PROTOCOL))
        where = fh.tell()
        fh.write(pickle.dumps((generation, firsts, offsets, cards), pickle.HIGHEST_PROTOCOL))
        fh.write(where.to_bytes(8, "little"))


def _load_cards(path: Path, generation: int) -> tuple[tuple[list[str], list[int]], Cards] | None:
    try:
        with open(path, "rb") as fh:
            fh.seek(-8, os.SEEK_END)
            fh.seek(int.from_bytes(fh.read(8), "little"))
            at, firsts, offsets, cards = pickle.load(fh)
    except Exception:
        return None
    return ((firsts, offsets), cards) if at == generation else None


def _load_article_ids(
    path: Path, pieces: tuple[list[str], list[int]], article_id: str
) -> dict[str, str] | None:
    firsts, offsets = pieces
    i = bisect_right(firsts, article_id) - 1
    if i < 0:
        return {}
    try:
        with open(path, "rb") as fh:
            fh.seek(offsets[i])
            piece = pickle.load(fh)
    except Exception:
        return None
    return piece.get(article_id, {})


# The registry is written in pieces like the articles: one pickle of it held the
# interpreter for a third of a second at 100,000 articles, and the app reads it while
# answering keys (the reader's first article asks for its speakers).


def _registry_in_pieces(registry: SpeakerRegistry, pickler: pickle.Pickler) -> None:
    index = registry.index
    pickler.dump(index.speakers)
    for part in (index._local, registry.names, registry.by_article):
        items = list(part.items())
        pickler.dump(len(items))
        for start in range(0, len(items), CHUNK):
            pickler.dump(items[start : start + CHUNK])


def _registry_from_pieces(unpickler: pickle.Unpickler, pause: Pause) -> SpeakerRegistry:
    speakers = unpickler.load()
    parts: list[dict] = []
    for _ in range(3):
        count = unpickler.load()
        part: dict = {}
        while len(part) < count:
            part.update(unpickler.load())
            pause()
        parts.append(part)
    local, names, by_article = parts
    return SpeakerRegistry(SpeakerIndex(speakers, local), names, by_article)


# ── the newest-first listing ─────────────────────────────────────────────────────────


Listing = list[tuple[int, str]]  # (day as YYYYMMDD or 0, article id), newest first


def listing_of(articles: dict[str, ArticleSpeakers]) -> Listing:
    """Every article newest first (undated last, ties by id)."""
    entries = [(_day(a.info.date), aid) for aid, a in articles.items() if a.info is not None]
    entries.sort(key=_newest)
    return entries


def updated_listing(previous: Listing, changes: dict[str, ArticleSpeakers | None]) -> Listing:
    """``previous`` with ``changes`` (new speakers, or None: gone) applied: a pass over it
    and a sort of what is nearly sorted, where a whole new listing reads every article."""
    entries = [entry for entry in previous if entry[1] not in changes]
    entries += [(_day(a.info.date), aid) for aid, a in changes.items() if a is not None and a.info]
    entries.sort(key=_newest)
    return entries


def _newest(entry: tuple[int, str]) -> tuple[int, str]:
    return -entry[0], entry[1]


def _day(date: str | None) -> int:
    return int(date.replace("-", "")) if date else 0


def save_newest(folder: Path, generation: int, listing: Listing) -> None:
    data = {
        "generation": generation,
        "ids": [aid for _, aid in listing],
        "days": array("I", [day for day, _ in listing]),
    }
    _dump(data, folder / NEWEST_FILE)


def load_listing(index_dir: Path, generation: int) -> Listing | None:
    """The saved newest-first listing with each article's day, if of ``generation``."""
    try:
        with open(index_dir / NEWEST_FILE, "rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, dict) and data.get("generation") == generation:
            return list(zip(data["days"], data["ids"], strict=True))
    except Exception:  # missing or damaged: made again from the index
        pass
    return None


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


# ── writing ──────────────────────────────────────────────────────────────────────────


@contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector: a load makes millions of objects, each batch of
    which would start a collection over all the others (100k articles: 6.0 → 2.4 s).

    ``keep``: what is made inside stays as long as the process holds the state, so it is
    moved out of every later collection's way (``gc.freeze``; it is still freed by reference
    counting). Else the first collections after the pause walk it all, and again each time
    the objects made since grow by a quarter: after a 100,000-article build, 4.6 s of
    collections while its parent read its workers' speakers, and more in the merge after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if enabled:
            gc.enable()


def _dump(obj: Any, path: Path, write: Writer | None = None) -> None:
    """Pickle atomically: a reader sees the old file or the new one, never half. ``write``
    writes ``obj`` with the pickler (or as bytes to the file, between whole pickles)."""
    with replacing(path, binary=True) as fh, collector_paused():
        pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
        if write is None:
            pickler.dump(obj)
        else:
            write(obj, pickler, fh)
