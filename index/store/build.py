"""Big builds in parallel: each worker process reads its share of the files, extracts the
quotes and writes Whoosh segments of its own; the parent commits the segments together.

Each worker starts on a contiguous share of the files. One that finishes first takes the
back half of the largest stretch another has left (:class:`Stretches`), so the workers end
together however the files' costs or the cores' speeds differ: with fixed shares a core
slowed by something else, or a share of longer articles, left the other core idle for up to
a seventh of a 10,000-file build. Every segment holds one contiguous run of the files, and
the parent commits them in the files' order, so the index is the one a single process
builds, whatever was taken from whom.

Writing postings is Python work, so one writer process would be the bottleneck of a big
build however many processes read and extract for it: every worker writes. A worker keeps
its segment's postings in memory (``segments.SegmentBuilder``) and closes the segment when
they reach ``SEGMENT_MB``, so memory stays bounded at any corpus size and nothing is ever
spilled to disk and merged back. Only the parent takes the index's locks and writes its
table of contents, so a build killed part way leaves the previous index as it was; its
workers' unfinished segment files are not listed there and are cleared by the next commit.
While the workers run, a thread of the parent reads the next files of every stretch into the
system's cache (:mod:`.prefetch`), so that a worker on a cold folder does not wait for the disk.

A worker that has prepared ``RETIRE_AFTER`` files ends at its next segment closed for memory,
and the parent starts a fresh process on the rest of its stretch (never in a 10,000-file
build; about eight times in a 100,000-file one): the same instructions ran 2–5% slower late in
a long-lived worker, in its larger and fragmented heap, than in a fresh process
(``tests/benchmarks/late_articles.py``).
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
from .documents import PRE_ANALYZED, REPEATING
from .prefetch import Prefetch
from .prepared import Prepared
from .scan import FileStat
from .segments import SegmentBuilder, merge_live

SEGMENT_MB = 64  # postings a worker holds in memory before it closes its segment
REPORT_EVERY = 16  # files per progress message from a worker
SPEAKERS_EVERY = 1000  # articles' speakers per pickle a worker sends
STEAL_MIN = 32  # files: a stretch is split only if each half would hold at least this many
COLLECT_EVERY = 1000  # files between a worker's collections of young garbage cycles
RETIRE_AFTER = 4000  # files: a worker this old ends at its next segment closed for memory
POLL_SECONDS = 0.5


Job = tuple[FileStat, str | None]  # the file and the content hash the index holds for it
# The jobs as columns: ids, paths, sizes, modification times, held hashes. Sent to each
# worker: pickling 100,000 FileStat objects took 0.44 s of the parent's time per worker.
Columns = tuple[list[str], list[str], list[int], list[int], list[str | None]]


class ParallelBuild:
    """Iterate :meth:`prepared` (the files' entries, in no set order); then commit with
    :meth:`commit`, which adds the workers' segments to ``writer``'s commit."""

    def __init__(self, index_dir: Path, root: Path, jobs: list[Job], workers: int) -> None:
        ctx = get_context("spawn")  # never fork: the app updates from a thread
        self._results = ctx.Queue()
        # (index of its first file, segment): committed in the files' order, articles keep
        # the order of a one-process build, so ties in ranking break the same way.
        self._segments: list[tuple[int, Any]] = []
        self._speakers: list[bytes] = []  # pickled lists of (article id, its speakers)
        size = max(1, -(-len(jobs) // workers))
        shares = [(i, min(i + size, len(jobs))) for i in range(0, len(jobs), size)]
        # Held for the build's life: a lock gone before a worker has started is gone for it.
        self._stretches = stretches = Stretches(ctx, shares, len(jobs))
        # Every worker may take any job, so each gets them all, through a queue: given as a
        # process argument they are written into a pipe before the worker has started, and
        # a worker that died before reading them (a script without a main guard) left the
        # parent waiting for ever on the write.
        self._jobs = ctx.Queue()
        self._ctx, self._index_dir, self._root = ctx, str(index_dir), str(root)
        columns = _columns(jobs)
        self._columns = pickle.dumps(columns, pickle.HIGHEST_PROTOCOL)  # once, for every worker
        self._retired: list[Any] = []  # workers that ended to be replaced by fresh ones
        self._procs = [self._start_worker(i, i) for i in range(len(shares))]
        self._prefetch = Prefetch(columns[1], stretches.fronts)

    def _start_worker(self, worker: int, stretch: int) -> Any:
        """A worker process for slot ``worker``, starting on ``stretch``."""
        self._jobs.put(self._columns)
        proc = self._ctx.Process(
            target=_write_share,
            args=(
                self._index_dir,
                self._root,
                self._jobs,
                self._stretches,
                worker,
                os.getpid(),
                SEGMENT_MB,
                self._results,
                stretch,
                RETIRE_AFTER,
            ),
            daemon=True,
        )
        proc.start()
        return proc

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
                    self._segments.append(payload)
                elif kind == "speakers":
                    self._speakers.append(payload)
                elif kind == "retired":  # a fresh process takes over its stretch
                    self._retired.append(self._procs[worker])
                    self._procs[worker] = self._start_worker(worker, payload)
                elif kind == "done":
                    pending.discard(worker)
                else:
                    raise BuildWorkerError(payload)
            self._prefetch.stop()
            for proc in self._retired:
                proc.join()
        except BaseException:
            self.stop()
            raise

    def speakers(self) -> Iterator[tuple[str, ArticleSpeakers]]:
        """Each prepared article's speakers, once the workers are done (unpickled a pack of
        ``SPEAKERS_EVERY`` at a time: one by one, 100,000 took 6.7 s of CPU, after the
        workers, on the build's critical path), in the order of :attr:`packs`."""
        for pack in self._speakers:
            yield from pickle.loads(pack)

    @property
    def packs(self) -> list[bytes]:
        """The workers' pickled lists of ``(article id, its speakers)``, as they came."""
        return self._speakers

    def _check_alive(self, pending: set[int]) -> None:
        for i in pending:
            code = self._procs[i].exitcode
            if code is not None and code != 0:
                raise BuildWorkerError(f"index worker {i} ended with exit code {code}")

    def commit(self, writer: SegmentWriter) -> None:
        """Commit ``writer`` (its deletions and merges) together with the workers' segments."""
        try:
            segments = writer._merge_segments(merge_live, None, True)
            if writer._added:
                segments.append(writer._finalize_segment())
            else:
                writer._close_segment()
            built = [seg for _, seg in sorted(self._segments, key=lambda pair: pair[0])]
            writer._commit_toc(segments + built)
        except BaseException:
            writer._cleanup_on_error()
            raise
        writer._finish()

    def stop(self) -> None:
        """End the workers (at once, if still running) and release the queue."""
        self._prefetch.stop()
        for proc in self._procs + self._retired:
            if proc.is_alive():
                proc.terminate()
            proc.join(timeout=5)
            if proc.is_alive():  # stuck flushing its queue to a reader that has gone
                proc.kill()
                proc.join(timeout=5)
        self._jobs.cancel_join_thread()  # jobs no worker read are dropped, not waited on
        self._jobs.close()
        self._results.close()


class Stretches:
    """The runs of jobs not yet taken, shared by the workers (``[start, stop)`` pairs in
    shared memory, under one lock). Stretch ``i`` starts as worker ``i``'s share; a worker
    takes its stretch's jobs from the front, and when it runs out it takes the back half of
    the largest stretch left (:meth:`steal`) as a new stretch of its own."""

    def __init__(self, ctx: Any, shares: list[tuple[int, int]], jobs: int) -> None:
        self._lock = ctx.Lock()
        capacity = len(shares) + jobs // STEAL_MIN + 1  # every split leaves ≥ STEAL_MIN
        self._bounds = ctx.RawArray("q", 2 * capacity)
        self._count = ctx.RawValue("i", len(shares))
        for i, (start, stop) in enumerate(shares):
            self._bounds[2 * i], self._bounds[2 * i + 1] = start, stop

    def take(self, stretch: int) -> int | None:
        """The next job of ``stretch``, or None when it has none left."""
        bounds = self._bounds
        with self._lock:
            job = bounds[2 * stretch]
            if job >= bounds[2 * stretch + 1]:
                return None
            bounds[2 * stretch] = job + 1
            return job

    def fronts(self) -> list[tuple[int, int]]:
        """Each stretch's next job and its end, read without the lock (a hint: they move)."""
        bounds = self._bounds
        return [(bounds[2 * i], bounds[2 * i + 1]) for i in range(self._count.value)]

    def steal(self) -> int | None:
        """A new stretch: the back half of the largest one left (None: none is worth
        splitting, each half would be under ``STEAL_MIN`` jobs)."""
        bounds = self._bounds
        with self._lock:
            count = self._count.value
            left = [bounds[2 * i + 1] - bounds[2 * i] for i in range(count)]
            largest = max(range(count), key=left.__getitem__)
            if left[largest] < 2 * STEAL_MIN or 2 * count + 1 >= len(bounds):
                return None
            stop = bounds[2 * largest + 1]
            middle = stop - left[largest] // 2
            bounds[2 * largest + 1] = middle
            bounds[2 * count], bounds[2 * count + 1] = middle, stop
            self._count.value = count + 1
            return count


def _write_share(
    index_dir: str,
    root: str,
    job_queue: Any,
    stretches: Stretches,
    worker: int,
    parent: int,
    segment_mb: float,
    results: Any,
    stretch: int | None,
    retire_after: int,
) -> None:
    """Worker: prepare the jobs of ``stretch``, then of the stretches it steals; write the
    new documents to segments, each the documents of one run of consecutive jobs. Once it
    has prepared ``retire_after`` files, it ends at its next segment closed for memory,
    sending ``("retired", worker, stretch)`` for a fresh process to go on with.

    Python's automatic collections are off: each full one walks every object the worker
    keeps (the extractor's caches, the segment's terms), 5% of its time, and they found
    no garbage (a 3,000-article share makes ~500 objects in cycles, all young). The worker
    collects the young ones itself every ``COLLECT_EVERY`` files.
    """
    from .prepare import prepare  # the workers read and extract; their parent never does

    gc.disable()
    writer = None
    held: list[tuple[int, SegmentBuilder]] = []
    try:
        columns = _jobs_from(job_queue, parent)
        if columns is None:  # the parent died before sending them
            return
        ids, paths, sizes, mtimes, hashes = columns
        ix = whoosh_index.open_dir(index_dir)
        writer = _segment_writer(ix)
        first = 0  # the job of the segment's first document
        # Runs done whose segments are still open: a segment is closed (costly: a third of a
        # second per thousand articles) when memory asks or at the very end, so that a
        # worker that takes from another is not still closing its own when the other ends.
        batch: list[Prepared] = []
        speakers: list[tuple[str, ArticleSpeakers]] = []
        done = 0
        while stretch is not None:
            while (job := stretches.take(stretch)) is not None:
                done += 1
                if done % COLLECT_EVERY == 0:
                    gc.collect(1)
                if os.getppid() != parent:  # the parent died: nobody will commit this
                    _close_unsent(held, writer)
                    return
                stat = FileStat(ids[job], paths[job], sizes[job], mtimes[job])
                prepared = prepare(stat, Path(root))
                if prepared.doc is not None and prepared.entry.content_hash != hashes[job]:
                    if not writer._added:
                        first = job
                    writer.add_document(**prepared.doc)
                if prepared.speakers is not None:
                    speakers.append((prepared.id, prepared.speakers))
                later = prepared.speakers is not None
                batch.append(replace(prepared, doc=None, speakers=None, speakers_later=later))
                if len(speakers) >= SPEAKERS_EVERY:
                    results.put(("speakers", worker, _pickled(speakers)))
                    speakers = []
                if writer.buffered + sum(w.buffered for _, w in held) > segment_mb * 2**20:
                    _send_segments([*held, (first, writer)], worker, results)
                    held = []
                    if done >= retire_after:  # a fresh process goes on with the stretch
                        _send_rest(speakers, batch, worker, results)
                        results.put(("retired", worker, stretch))
                        return
                    writer = _segment_writer(ix)
                if len(batch) >= REPORT_EVERY:
                    results.put(("prepared", worker, batch))
                    batch = []
            if writer._added:  # a segment never holds two runs: they may not be adjacent
                held.append((first, writer))
                writer = _segment_writer(ix)
            stretch = stretches.steal()
        _send_rest(speakers, batch, worker, results)
        _send_segments(held, worker, results)
        held = []
        writer._close_segment()
        results.put(("done", worker, None))
    except BaseException as exc:
        _close_unsent(held, writer)
        results.put(("error", worker, f"{type(exc).__name__}: {exc}"))


def _jobs_from(job_queue: Any, parent: int) -> Columns | None:
    """The jobs the parent sends; None if it is gone (a worker never outlives it)."""
    while True:
        try:
            columns: Columns = pickle.loads(job_queue.get(timeout=POLL_SECONDS))
            return columns
        except queue.Empty:
            if os.getppid() != parent:
                return None


def _send_rest(
    speakers: list[tuple[str, ArticleSpeakers]], batch: list[Prepared], worker: int, results: Any
) -> None:
    """Send the speakers and prepared files not sent yet."""
    if speakers:
        results.put(("speakers", worker, _pickled(speakers)))
    if batch:
        results.put(("prepared", worker, batch))


def _close_unsent(held: list[tuple[int, SegmentBuilder]], writer: SegmentBuilder | None) -> None:
    """Close, without sending, every segment still open (the build will not commit them)."""
    for open_writer in [w for _, w in held] + ([writer] if writer is not None else []):
        with contextlib.suppress(Exception):
            open_writer._close_segment()


def _send_segments(runs: list[tuple[int, SegmentBuilder]], worker: int, results: Any) -> None:
    """Close each run's segment and send it to the parent with the run's first job."""
    for first, writer in runs:
        # Not writer.commit() or cancel(): they would write a table of contents, or clear
        # the temporary folder that every writer of this index shares.
        results.put(("segment", worker, (first, writer._finalize_segment())))


def _columns(jobs: list[Job]) -> Columns:
    return (
        [stat.id for stat, _ in jobs],
        [stat.path for stat, _ in jobs],
        [stat.size for stat, _ in jobs],
        [stat.mtime_ns for stat, _ in jobs],
        [held for _, held in jobs],
    )


def _pickled(speakers: list[tuple[str, ArticleSpeakers]]) -> bytes:
    return pickle.dumps(speakers, pickle.HIGHEST_PROTOCOL)


def _segment_writer(ix: Any) -> SegmentBuilder:
    return SegmentBuilder(ix, PRE_ANALYZED, REPEATING, _lk=False)
