"""The on-disk index of one corpus: open it, check it, bring it up to date.

The index is a cache of the corpus. Anything wrong with it (missing, from an older
version, truncated, half-written by a killed process) is detected and rebuilt from the
files. One process updates at a time (an OS file lock); another that finds the lock
held waits briefly, then serves what is there with a notice.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter

from ..atomic import write_text
from ..errors import BuildWorkerError, IndexWriteError
from ..model import ArticleSpeakers, UpdateReport
from ..quotes import EXTRACTOR_VERSION
from ..reading import READER_VERSION
from ..search.postings import column_values
from .documents import (
    PRE_ANALYZED,
    REPEATING,
    SCHEMA_VERSION,
    build_schema,
    stored_file,
    stored_speakers,
)
from .folders import (
    LOCK_FILE,
    claim,
    current_build,
    new_build,
    remove_build,
    remove_stale,
    switch_to,
)
from .lockfile import IndexLock
from .scan import FileStat, scan_columns

if TYPE_CHECKING:
    from .prepared import Prepared

from .state import (
    NEWEST_FILE,
    CorpusState,
    FileEntry,
    collector_paused,
    listing_of,
    load_listing,
    save_newest,
    updated_listing,
)

# Each stage versions what it produces; a change to any of them rebuilds existing indexes.
VERSION = f"schema {SCHEMA_VERSION}, extractor {EXTRACTOR_VERSION}, reader {READER_VERSION}"
VERSION_FILE = "newsbrowse-version.txt"
MANIFEST_FILE = "newsbrowse-files.json"
LOCK_WAIT_SECONDS = 3.0
PARALLEL_THRESHOLD = 400  # files; below this, starting build workers costs more than it saves

Progress = Callable[[int, int], None]


class Store:
    """The index folder of one corpus, and the build in it that is in use."""

    def __init__(self, index_dir: Path, corpus: Path | None = None) -> None:
        self.folder = index_dir  # the index folder (marked as newsbrowse's own)
        self.corpus = corpus
        self.dir: Path | None = None  # the build folder opened or being written
        self.problem: str | None = None  # why the last open found no usable index
        self._saved_generation: int | None = None  # the generation of the state on disk

    # ── opening ──────────────────────────────────────────────────────────────────────

    def current(self) -> Path | None:
        """The build folder in use now (another process may switch it at any time)."""
        return current_build(self.folder)

    def open(self) -> FileIndex | None:
        """The index if it exists, is of this version and reads cleanly; else None."""
        self.problem = None
        # A rebuild by another process may switch builds between reading the name and
        # opening the files: read the name again and retry once.
        for attempt in range(2):
            build = self.current()
            if build is None:
                self.problem = "no index yet"
                return None
            ix = self._open_build(build)
            if ix is not None or build == self.current() or attempt:
                return ix
        return None

    def _open_build(self, build: Path) -> FileIndex | None:
        self.dir = build
        try:
            if not whoosh_index.exists_in(str(build)):
                self.problem = "no index yet"
                return None
            if (build / VERSION_FILE).read_text(encoding="utf-8").strip() != VERSION:
                self.problem = "index from another version of newsbrowse"
                return None
            ix = whoosh_index.open_dir(str(build))
            checked = self._manifest_check(ix)
            if checked is not None and checked is not True:
                self.problem = f"index file {checked} changed or damaged"
                return None
            if checked is None:  # no record of the files to check them by: read them
                probe(ix)
            return ix
        except Exception as exc:  # corrupt data can raise anything: treat it all as corrupt
            self.problem = f"index unreadable ({exc.__class__.__name__})"
            return None

    def _index_files(self, ix: FileIndex) -> list[Path]:
        """The files of the index's current generation."""
        prefixes = tuple(f"{seg.segment_id()}." for seg in ix._segments())
        toc = f"_{ix.indexname}_{ix.latest_generation()}.toc"
        folder = build_folder(ix)
        return [p for p in folder.iterdir() if p.name.startswith(prefixes) or p.name == toc]

    def _write_manifest(self, ix: FileIndex) -> None:
        """Record each index file's size and mtime, to notice later damage cheaply."""
        files = {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in self._index_files(ix)}
        data = {"generation": ix.latest_generation(), "files": files}
        write_text(build_folder(ix) / MANIFEST_FILE, json.dumps(data))

    def _manifest_check(self, ix: FileIndex) -> bool | str | None:
        """True when every index file is as recorded, else the name of one that is missing
        or changed; None when there is no record of this generation's files."""
        folder = build_folder(ix)
        try:
            data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("generation") != ix.latest_generation():
            return None
        for name, (size, mtime_ns) in data["files"].items():
            try:
                st = (folder / name).stat()
            except OSError:
                return name
            if st.st_size != size or st.st_mtime_ns != mtime_ns:
                return name
        return True

    def state_for(self, ix: FileIndex, known: CorpusState | None = None) -> CorpusState:
        """The sidecar state matching ``ix``, rebuilt from stored fields if it doesn't.

        ``known`` is a state already in memory, used when it still matches.
        """
        generation = ix.latest_generation()
        if known is not None and known.generation == generation and known.version == VERSION:
            self._saved_generation = generation
            # A copy: an update that fails half way must leave the caller's state intact.
            return known.copy()
        state = CorpusState.load(build_folder(ix))
        if state is not None and state.generation == generation and state.version == VERSION:
            self._saved_generation = generation
            return state
        return self.state_from_index(ix)

    def state_from_index(self, ix: FileIndex) -> CorpusState:
        """The state made again from the stored documents (every one of them is read)."""
        files, articles = {}, {}
        with ix.searcher() as searcher:
            for fields in searcher.all_stored_fields():
                files[fields["id"]] = FileEntry(*stored_file(fields))
                articles[fields["id"]] = stored_speakers(fields)
        return CorpusState(ix.latest_generation(), VERSION, files, articles)

    # ── updating ─────────────────────────────────────────────────────────────────────

    def update(
        self,
        corpus: Path,
        progress: Progress | None = None,
        *,
        rebuild: bool = False,
        known: CorpusState | None = None,
        wait: bool = False,
        waiting: Callable[[str], None] | None = None,
    ) -> tuple[FileIndex | None, CorpusState, UpdateReport]:
        """Bring the index up to date with ``corpus``. Returns the index, its state, a report.

        When another process is updating, this one waits for it if ``wait`` is set or there
        is no index to show yet (telling ``waiting`` why); otherwise it serves what is there.
        A rebuild writes a new build beside the one in use and switches over when complete.
        """
        if getattr(multiprocessing.current_process(), "_inheriting", False):
            # A build worker starting up runs the calling script again: without a main
            # guard the script updates the index here, and would wait for ever on the lock
            # its own parent holds. (Python's multiprocessing refuses the same way.)
            raise IndexWriteError(
                "a build worker ran the calling script again: put the script's work under "
                "if __name__ == '__main__':"
            )
        started = time.perf_counter()
        report = UpdateReport()
        claim(self.folder, corpus)
        seen = self.current()
        lock = IndexLock(self.folder / LOCK_FILE)
        if not lock.acquire(LOCK_WAIT_SECONDS):
            ix = self.open()
            if ix is not None and not wait:
                report.notice = (
                    "another newsbrowse process is updating this index; showing what is there"
                )
                report.seconds = time.perf_counter() - started
                return ix, self.state_for(ix), report
            if waiting is not None:
                waiting("waiting for another newsbrowse process that is updating this index")
            lock.acquire(None)
            if rebuild and self.current() != seen:
                rebuild = False
                report.notice = "another newsbrowse process rebuilt the index meanwhile"
        try:
            remove_stale(self.folder)
            ix = None if rebuild else self.open()
            if ix is None:
                ix, state = self._rebuild(corpus, report, progress, rebuild)
            else:
                state = self.state_for(ix, known)
                self._apply(ix, state, corpus, report, progress)
        finally:
            lock.release()
        report.skipped = state.skipped_files()
        report.seconds = time.perf_counter() - started
        return ix, state, report

    def _rebuild(
        self, corpus: Path, report: UpdateReport, progress: Progress | None, asked: bool
    ) -> tuple[FileIndex, CorpusState]:
        """Build a whole new index beside the one in use, then switch over to it."""
        report.rebuilt = asked or self.problem != "no index yet"
        if report.rebuilt and self.problem and not asked:
            report.notice = f"rebuilt the index: {self.problem}"
        build = new_build(self.folder)
        try:
            self.dir = build
            ix = whoosh_index.create_in(str(build), build_schema())
            (build / VERSION_FILE).write_text(VERSION + "\n", encoding="utf-8")
            state = CorpusState(generation=ix.latest_generation(), version=VERSION)
            self._apply(ix, state, corpus, report, progress, fresh=True)
            switch_to(self.folder, build)
        except BaseException:
            remove_build(build)
            raise
        return ix, state

    def _apply(
        self,
        ix: FileIndex,
        state: CorpusState,
        root: Path,
        report: UpdateReport,
        progress: Progress | None,
        *,
        fresh: bool = False,
    ) -> None:
        """Index new and changed files, drop deleted ones, in one writer and one commit."""
        folder = build_folder(ix)
        state_was_saved = state.generation == self._saved_generation
        found = scan_columns(root)
        todo: list[FileStat] = []
        gone: list[str] = []
        if state.same_files(found.ids, found.sizes, found.mtimes):
            # the common case, decided without a FileEntry or a FileStat per file; skipped
            # files are not counted among the unchanged articles
            report.unchanged = len(found) - state.skipped_count()
        else:
            files = state.files
            for i, (fid, size, mtime) in enumerate(
                zip(found.ids, found.sizes, found.mtimes, strict=True)
            ):
                entry = files.get(fid)
                if entry is None or entry.size != size or entry.mtime_ns != mtime:
                    todo.append(found.stat(i))
                elif entry.skipped is None:
                    report.unchanged += 1
            present = set(found.ids)
            gone = [fid for fid in files if fid not in present]
        if not todo and not gone:
            # Rebuilt from the index, or from a version without the listing: keep it.
            if fresh or not state_was_saved or not (folder / NEWEST_FILE).exists():
                self._save(ix, state)
                if fresh:
                    self._write_manifest(ix)
            return
        # Non-compound segments: a reader maps each file instead of copying it out of a
        # compound file, which made every open cost time in proportion to the corpus.
        # (Named, not ix.writer(): a parallel build commits through its private API.)
        # Imported here: a command that finds the index up to date writes nothing.
        from .segments import SegmentBuilder, merge_live

        writer = SegmentBuilder(ix, PRE_ANALYZED, REPEATING, limitmb=64)
        build = None
        later: set[str] = set()  # articles whose speakers a build worker sends apart
        try:
            for fid in gone:
                if state.files.pop(fid).skipped is None:
                    writer.delete_by_term("id", fid)
                    report.deleted += 1
                state.drop_article(fid)
            # Reading and extraction are imported only when there are files to read, and
            # only in the process that reads them: a build's workers, not their parent.
            if len(todo) > PARALLEL_THRESHOLD:
                from .build import ParallelBuild

                jobs = [(stat, _held_hash(state.files.get(stat.id))) for stat in todo]
                build = ParallelBuild(folder, root, jobs, _worker_count())
                outcomes: Iterator[Prepared] = build.prepared()
            else:
                from .prepare import prepare

                outcomes = (prepare(stat, root) for stat in todo)
            for done, prepared in enumerate(outcomes, 1):
                self._apply_one(writer, state, prepared, report, later)
                if progress is not None:
                    progress(done, len(todo))
            if not (report.added or report.changed or report.deleted):
                writer.cancel()
            elif build is not None:
                build.commit(writer)
            else:
                writer.commit(mergetype=merge_live)
        except (OSError, BuildWorkerError) as exc:
            with contextlib.suppress(Exception):
                writer.cancel()
            reason = getattr(exc, "strerror", None) or exc
            raise IndexWriteError(f"could not write the index in {folder}: {reason}") from exc
        except BaseException:
            with contextlib.suppress(Exception):
                writer.cancel()
            raise
        finally:
            if build is not None:
                build.stop()
        if build is not None:  # the workers are gone: their memory is free
            sent: list[str] = []
            with collector_paused(keep=True):  # every article's speakers, kept with the state
                for article_id, speakers in build.speakers():
                    sent.append(article_id)
                    if article_id in later:
                        state.set_article(article_id, speakers)
            if len(sent) == len(later):  # each set as sent: saved as the workers pickled them
                state.packed_as(build.packs, sent)
        listed = state.generation
        state.generation = ix.latest_generation()
        state.registry = None  # speakers changed: merged again on first use (Library)
        state.clusters = None  # and the quotes: clustered again on first use
        self._save(ix, state, listed=None if fresh else listed)
        self._write_manifest(ix)

    def save_derived(self, state: CorpusState) -> None:
        """Keep what was derived from ``state`` (the merged speakers, the clusters) for the
        next open, if the index is still at its generation and no other process holds the
        lock; else skip."""
        lock = IndexLock(self.folder / LOCK_FILE)
        try:
            if not lock.acquire(0):
                return
        except OSError:
            return
        try:
            ix = self.open()
            if ix is not None and ix.latest_generation() == state.generation:
                folder = build_folder(ix)
                if state.saved_in(folder):
                    state.save_new_derived(folder)
                else:  # made again from the index: all of it
                    state.save(folder)
        except OSError:
            pass  # a cache: not writing it only costs time next open
        finally:
            lock.release()

    def _save(self, ix: FileIndex, state: CorpusState, listed: int | None = None) -> None:
        """Write the state and the newest-first listing (updated from generation
        ``listed``'s, when there is one)."""
        folder = build_folder(ix)
        self._saved_generation = state.generation
        try:
            previous = load_listing(folder, listed) if listed is not None else None
            if previous is not None:
                listing = updated_listing(previous, state.pending())
            elif state.in_memory:  # a new build, or a state made from the index
                listing = listing_of(state.articles)
            else:
                listing = newest_listing(ix)
            state.save(folder)
            save_newest(folder, state.generation, listing)
        except OSError as exc:
            raise IndexWriteError(f"could not write {folder}: {exc.strerror or exc}") from exc

    @staticmethod
    def _apply_one(
        writer: SegmentWriter,
        state: CorpusState,
        prepared: Prepared,
        report: UpdateReport,
        later: set[str],
    ) -> None:
        old = state.files.get(prepared.id)
        was_indexed = old is not None and old.skipped is None
        state.files[prepared.id] = prepared.entry
        if prepared.entry.skipped is not None:  # unreadable now: drop whatever was indexed
            if was_indexed:
                writer.delete_by_term("id", prepared.id)
                report.deleted += 1
            state.drop_article(prepared.id)
            return
        if was_indexed and old is not None and old.content_hash == prepared.entry.content_hash:
            report.unchanged += 1  # touched, not changed
            return
        if was_indexed:
            writer.delete_by_term("id", prepared.id)
            report.changed += 1
        else:
            report.added += 1
        if prepared.doc is not None:  # else a build worker has written it
            writer.add_document(**prepared.doc)
        if prepared.speakers_later:
            later.add(prepared.id)  # set once the build's workers are gone
        else:
            state.set_article(prepared.id, prepared.speakers or ArticleSpeakers())


def _held_hash(entry: FileEntry | None) -> str | None:
    """The content hash of the article the index holds for a file (None: holds none)."""
    return entry.content_hash if entry is not None and entry.skipped is None else None


def _worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def build_folder(ix: FileIndex) -> Path:
    """The build folder an open index reads from (newsbrowse's indexes are on disk)."""
    return Path(cast(FileStorage, ix.storage).folder)


def newest_listing(ix: FileIndex) -> list[tuple[int, str]]:
    """Every article newest first (undated last, ties by id), from the index's columns."""
    entries = []
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            days, ids = column_values(leaf, "day"), column_values(leaf, "id")
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            entries += [(days[d], ids[d]) for d in range(len(ids)) if d not in deleted]
    entries.sort(key=lambda e: (-e[0], e[1]))
    return entries


def probe(ix: FileIndex) -> None:
    """Read a little of every segment file so that a damaged index fails here, not later.

    Only when no manifest records the files (an index from before it, a commit cut short):
    the manifest's sizes and times catch damage without reading (at 100,000 articles the
    probe read every column's offsets: 0.2 s of every command)."""
    schema = ix.schema
    columns = [name for name in schema.names() if schema[name].column_type is not None]
    scored = [name for name in schema.names() if schema[name].scorable]
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            count = reader.doc_count_all()
            for docnum in {0, count - 1} if count else ():
                reader.stored_fields(docnum)
                for name in columns:
                    reader.column_reader(name)[docnum]
                for name in scored:
                    reader.doc_field_length(docnum, name)
            for fieldname in ("body", "title", "id"):
                for term in reader.lexicon(fieldname):
                    list(reader.postings(fieldname, term).all_ids())
                    break
