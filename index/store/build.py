"""Big builds in parallel: each worker process reads its share of the files, extracts the
quotes and writes its own Whoosh segment; the parent commits the segments together.

Whoosh adds postings in pure Python, about 20 ms per article, so one writer process is the
bottleneck of a big build however many processes read and extract for it. With a segment
per worker every core writes. Only the parent takes the index's locks and writes its table
of contents, so a build killed part way leaves the previous index as it was; its workers'
unfinished segment files are not listed there and are cleared by the next commit.
"""

from __future__ import annotations

import contextlib
import os
import queue
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

try:
    import resource
except ImportError:  # Windows: keep Whoosh's fan-in, inside the C runtime's 512 files
    resource = None  # type: ignore[assignment]

from ..errors import BuildWorkerError
from .prepare import Prepared, prepare
from .scan import FileStat

WORKER_LIMIT_MB = 16  # each worker's in-memory posting pool before it spills to disk
REPORT_EVERY = 16  # files per progress message from a worker
POLL_SECONDS = 0.5
MERGE_FAN_IN = 1024  # sorted runs merged in one pass (Whoosh's default, 128, re-sorts big builds)


Job = tuple[FileStat, str | None]  # the file and the content hash the index holds for it


class ParallelBuild:
    """Iterate :meth:`prepared` (the files' entries, in no set order); then commit with
    :meth:`commit`, which adds the workers' segments to ``writer``'s commit."""

    def __init__(self, index_dir: Path, root: Path, jobs: list[Job], workers: int) -> None:
        ctx = get_context("spawn")  # never fork: the app updates from a thread
        self._results = ctx.Queue()
        self._segments: dict[int, Any] = {}  # worker → its segment
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
                    WORKER_LIMIT_MB,
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
                    if payload is not None:
                        self._segments[worker] = payload
                    pending.discard(worker)
                else:
                    raise BuildWorkerError(payload)
        except BaseException:
            self.stop()
            raise

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
            writer._commit_toc(segments + [self._segments[i] for i in sorted(self._segments)])
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
    limit_mb: float,
    results: Any,
) -> None:
    """Worker: prepare every file of ``share``; write the new documents to one segment."""
    writer = None
    try:
        ix = whoosh_index.open_dir(index_dir)
        writer = SegmentWriter(ix, _lk=False, limitmb=limit_mb, compound=False)
        _merge_runs_in_one_pass(writer)
        batch: list[Prepared] = []
        for stat, held_hash in share:
            if os.getppid() != parent:  # the parent died: nobody will commit this
                writer._close_segment()
                return
            prepared = prepare(stat, Path(root))
            if prepared.doc is not None and prepared.entry.content_hash != held_hash:
                writer.add_document(**prepared.doc)
            batch.append(replace(prepared, doc=None))
            if len(batch) >= REPORT_EVERY:
                results.put(("prepared", worker, batch))
                batch = []
        if batch:
            results.put(("prepared", worker, batch))
        # Not writer.commit() or cancel(): they would write a table of contents, or clear
        # the temporary folder that every writer of this index shares.
        segment = writer._finalize_segment() if writer._added else None
        if segment is None:
            writer._close_segment()
        results.put(("segment", worker, segment))
    except BaseException as exc:
        if writer is not None:
            with contextlib.suppress(Exception):
                writer._close_segment()
        results.put(("error", worker, f"{type(exc).__name__}: {exc}"))


def _merge_runs_in_one_pass(writer: SegmentWriter) -> None:
    """Let the writer merge all its spilled sort runs at once.

    With more runs than its fan-in, Whoosh first merges 128 of them into one new run: at
    100,000 articles that rewrites ~75% of the postings (3.7 GB per worker) before the real
    merge. A file handle per run is cheap; stay well inside the open-files limit.
    """
    if resource is None:
        return
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    fan_in = max(128, min(MERGE_FAN_IN, soft // 2 if soft > 0 else MERGE_FAN_IN))
    pool = writer.pool
    pool.iter_postings = lambda: pool.items(maxfiles=fan_in)  # type: ignore[method-assign]
