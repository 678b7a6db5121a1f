"""Big builds in parallel: each worker process reads its share of the files, extracts the
quotes and writes Whoosh segments of its own; the parent commits the segments together.

Writing postings is Python work, so one writer process would be the bottleneck of a big
build however many processes read and extract for it: every worker writes. A worker keeps
its segment's postings in memory (``segments.SegmentBuilder``) and closes the segment when
they reach ``SEGMENT_MB``, so memory stays bounded at any corpus size and nothing is ever
spilled to disk and merged back. Only the parent takes the index's locks and writes its
table of contents, so a build killed part way leaves the previous index as it was; its
workers' unfinished segment files are not listed there and are cleared by the next commit.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from ..errors import BuildWorkerError
from ..model import ArticleSpeakers
from .documents import PRE_ANALYZED
from .prepare import Prepared, prepare
from .scan import FileStat
from .segments import SegmentBuilder

SEGMENT_MB = 64  # postings a worker holds in memory before it closes its segment
REPORT_EVERY = 16  # files per progress message from a worker
SPEAKERS_EVERY = 1000  # articles' speakers per pickle a worker sends
COLLECT_EVERY = 1000  # files between a worker's collections of young garbage cycles
POLL_SECONDS = 0.5


Job = tuple[FileStat, str | None]  # the file and the content hash the index holds for it


class ParallelBuild:
    """Iterate :meth:`prepared` (the files' entries, in no set order); then commit with
    :meth:`commit`, which adds the workers' segments to ``writer``'s commit."""

    def __init__(self, index_dir: Path, root: Path, jobs: list[Job], workers: int) -> None:
        ctx = get_context("spawn")  # never fork: the app updates from a thread
        self._results = ctx.Queue()
        self._segments: dict[int, list[Any]] = {}  # worker → its segments, in order
        self._speakers: list[bytes] = []  # pickled lists of (article id, its speakers)
        # Contiguous shares, committed in order: articles keep the order of a one-process
        # build, so ties in ranking break the same way.
        size = max(1, -(-len(jobs) // workers))
        shares = [jobs[i : i + size] for i in range(0, len(jobs), size)]
        self._procs = [
            ctx.Process(
                target=_write_share,
                args=(
                    str(index_dir),
                    str(root),
                    share,
                    i,
                    os.getpid(),
                    SEGMENT_MB,
                    self._results,
                ),
                daemon=True,
            )
            for i, share in enumerate(shares)
        ]
        for proc in self._procs:
            proc.start()

    def prepared(self) -> Iterator[Prepared]:
        """Each file's outcome as workers finish it (its document already written)."""
        pending = set(range(len(self._procs)))
        try:
            while pending:
                try:
                    kind, worker, payload = self._results.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    self._check_alive(pending)
                    continue
                if kind == "prepared":
                    yield from payload
                elif kind == "segment":
                    self._segments.setdefault(worker, []).append(payload)
                elif kind == "speakers":
                    self._speakers.append(payload)
                elif kind == "done":
                    pending.discard(worker)
                else:
                    raise BuildWorkerError(payload)
        except BaseException:
            self.stop()
            raise

    def speakers(self) -> Iterator[tuple[str, ArticleSpeakers]]:
        """Each prepared article's speakers, once the workers are done (unpickled a pack of
        ``SPEAKERS_EVERY`` at a time: one by one, 100,000 took 6.7 s of CPU, after the
        workers, on the build's critical path)."""
        packs, self._speakers = self._speakers, []
        for i, pack in enumerate(packs):
            packs[i] = b""  # freed as it goes
            yield from pickle.loads(pack)

    def _check_alive(self, pending: set[int]) -> None:
        for i in pending:
            code = self._procs[i].exitcode
            if code is not None and code != 0:
                raise BuildWorkerError(f"index worker {i} ended with exit code {code}")

    def commit(self, writer: SegmentWriter) -> None:
        """Commit ``writer`` (its deletions and merges) together with the workers' segments."""
        try:
            segments = writer._merge_segments(None, None, True)
            if writer._added:
                segments.append(writer._finalize_segment())
            else:
                writer._close_segment()
            built = [seg for i in sorted(self._segments) for seg in self._segments[i]]
            writer._commit_toc(segments + built)
        except BaseException:
            writer._cleanup_on_error()
            raise
        writer._finish()

    def stop(self) -> None:
        """End the workers (at once, if still running) and release the queue."""
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
            proc.join(timeout=5)
            if proc.is_alive():  # stuck flushing its queue to a reader that has gone
                proc.kill()
                proc.join(timeout=5)
        self._results.close()


def _write_share(
    index_dir: str,
    root: str,
    share: list[Job],
    worker: int,
    parent: int,
    segment_mb: float,
    results: Any,
) -> None:
    """Worker: prepare every file of ``share``; write the new documents to segments.

    Python's automatic collections are off: each full one walks every object the worker
    keeps (the extractor's caches, the segment's terms), 5% of its time, and they found
    no garbage (a 3,000-article share makes ~500 objects in cycles, all young). The worker
    collects the young ones itself every ``COLLECT_EVERY`` files.
    """
    gc.disable()
    writer = None
    try:
        ix = whoosh_index.open_dir(index_dir)
        writer = _segment_writer(ix)
        batch: list[Prepared] = []
        speakers: list[tuple[str, ArticleSpeakers]] = []
        for done, (stat, held_hash) in enumerate(share, 1):
            if done % COLLECT_EVERY == 0:
                gc.collect(1)
            if os.getppid() != parent:  # the parent died: nobody will commit this
                writer._close_segment()
                return
            prepared = prepare(stat, Path(root))
            if prepared.doc is not None and prepared.entry.content_hash != held_hash:
                writer.add_document(**prepared.doc)
            if prepared.speakers is not None:
                speakers.append((prepared.id, prepared.speakers))
            later = prepared.speakers is not None
            batch.append(replace(prepared, doc=None, speakers=None, speakers_later=later))
            if len(speakers) >= SPEAKERS_EVERY:
                results.put(("speakers", worker, _pickled(speakers)))
                speakers = []
            if writer.buffered > segment_mb * 2**20:
                # Not writer.commit() or cancel(): they would write a table of contents,
                # or clear the temporary folder that every writer of this index shares.
                results.put(("segment", worker, writer._finalize_segment()))
                writer = _segment_writer(ix)
            if len(batch) >= REPORT_EVERY:
                results.put(("prepared", worker, batch))
                batch = []
        if speakers:
            results.put(("speakers", worker, _pickled(speakers)))
        if batch:
            results.put(("prepared", worker, batch))
        if writer._added:
            results.put(("segment", worker, writer._finalize_segment()))
        else:
            writer._close_segment()
        results.put(("done", worker, None))
    except BaseException as exc:
        if writer is not None:
            with contextlib.suppress(Exception):
                writer._close_segment()
        results.put(("error", worker, f"{type(exc).__name__}: {exc}"))


def _pickled(speakers: list[tuple[str, ArticleSpeakers]]) -> bytes:
    return pickle.dumps(speakers, pickle.HIGHEST_PROTOCOL)


def _segment_writer(ix: Any) -> SegmentBuilder:
    return SegmentBuilder(ix, PRE_ANALYZED, _lk=False)
