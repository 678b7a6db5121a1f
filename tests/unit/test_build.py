"""Big builds write segments in worker processes; the index must equal a one-process build."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest

from newsbrowse.index.library import Library
from newsbrowse.index.store import build as build_module
from newsbrowse.index.store import store as store_module

QUERIES = [
    "report",
    "minister talks",
    '"we will not"',
    "speaker:berg3",
    "sanc*",
    "",
    "date:2025-03",
]


def answers(lib: Library) -> list:
    out = []
    for query in QUERIES:
        result = lib.search(query, limit=30)
        out.append((query, result.total, [(h.article, round(h.score, 6)) for h in result.hits]))
    out.append([(s.name, s.quotes) for s in lib.speakers()])
    return out


def one_process_build(corpus: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """The same corpus indexed by this process alone, with no build workers."""
    monkeypatch.setattr(store_module, "PARALLEL_THRESHOLD", 10**9)
    single = Library(corpus, folder)
    single.update()
    return single


def assert_built_as_one_process(
    parallel: Library, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``parallel`` answers every query as a one-process build of ``corpus`` does."""
    single = one_process_build(corpus, tmp_path / "single", monkeypatch)
    assert answers(parallel) == answers(single)
    parallel.close()
    single.close()


@pytest.mark.parametrize(
    "segment_mb",
    [build_module.SEGMENT_MB, 0.05],
    ids=["one-segment-per-worker", "many-segments-per-worker"],
)
def test_parallel_build_equals_one_process_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_corpus: Callable[..., Path],
    segment_mb: float,
) -> None:
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    monkeypatch.setattr(build_module, "SEGMENT_MB", segment_mb)
    n = store_module.PARALLEL_THRESHOLD + 60
    corpus = make_corpus(tmp_path / "corpus", n)
    parallel = Library(corpus, tmp_path / "parallel")
    parallel.update()
    segments = len(parallel._ix._segments())
    assert segments >= 2  # really built by several workers
    if segment_mb < 1:
        assert segments > 4  # and closed their segments as the postings grew
    single = one_process_build(corpus, tmp_path / "single", monkeypatch)
    assert len(single._ix._segments()) == 1
    assert answers(parallel) == answers(single)
    # and it stays a normal index: a small update after it
    (corpus / "a00003.txt").write_text("Changed\n\nA zebra crossing.\n", encoding="utf-8")
    report = parallel.update()
    assert report.changed == 1 and parallel.search("zebra").total == 1
    assert parallel.search("report").total == n - 1
    parallel.close()
    single.close()


def test_a_worker_grown_old_hands_its_stretch_to_a_fresh_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: Callable[..., Path]
) -> None:
    """A worker that has prepared ``RETIRE_AFTER`` files ends at its next segment closed for
    memory and the parent starts a fresh process on what is left of its stretch: every file
    is indexed once, every retired worker ended cleanly, and the index is the one a single
    process builds."""
    started: list[tuple[int, int]] = []  # (worker slot, stretch) of every process started
    builds: list[build_module.ParallelBuild] = []
    start_worker = build_module.ParallelBuild._start_worker

    def noted(self: build_module.ParallelBuild, worker: int, stretch: int) -> Any:
        started.append((worker, stretch))
        if self not in builds:
            builds.append(self)
        return start_worker(self, worker, stretch)

    monkeypatch.setattr(build_module.ParallelBuild, "_start_worker", noted)
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    monkeypatch.setattr(build_module, "SEGMENT_MB", 0.05)
    monkeypatch.setattr(build_module, "RETIRE_AFTER", 120)
    n = store_module.PARALLEL_THRESHOLD + 60  # shares of 230: each worker retires at least once
    corpus = make_corpus(tmp_path / "corpus", n)
    parallel = Library(corpus, tmp_path / "parallel")
    report = parallel.update()
    assert report.added == n and parallel.article_count == n
    assert len(started) > 2  # fresh processes took over
    assert {worker for worker, _ in started} == {0, 1}
    build = builds[0]
    assert len(build._retired) == len(started) - 2
    assert all(proc.exitcode == 0 for proc in build._retired)
    monkeypatch.undo()
    assert_built_as_one_process(parallel, corpus, tmp_path, monkeypatch)


class _WorkersInTurn:
    """A spawn context whose processes run in the calling process, one after another, each
    to its end when started: the first worker is done before the second has taken a file,
    whatever the machine's load (real workers race, and which one ends first is timing)."""

    def __init__(self) -> None:
        self._ctx = get_context("spawn")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)

    def Process(self, target: Callable[..., None], args: tuple, daemon: bool) -> Any:
        return _ProcessInTurn(target, args)


class _ProcessInTurn:
    exitcode = 0

    def __init__(self, target: Callable[..., None], args: tuple) -> None:
        self._target, self._args = target, args

    def start(self) -> None:
        args = list(self._args)
        args[5] = os.getppid()  # the worker's "parent": this process's own parent
        try:
            self._target(*args)
        finally:
            gc.enable()  # the worker turns automatic collection off for its process

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: float | None = None) -> None:
        pass


def test_a_worker_that_finishes_first_takes_half_of_what_another_has_left(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_corpus: Callable[..., Path],
) -> None:
    """Worker 0 ends its share before worker 1 starts, so it takes the back half of worker
    1's share, then the back half of what is left, until a half would be under STEAL_MIN;
    worker 1 does the rest. Each stretch is a segment of its own, and the index is still the
    one a single process builds."""
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    monkeypatch.setattr(build_module, "get_context", lambda method: _WorkersInTurn())
    n = store_module.PARALLEL_THRESHOLD + 200  # 600 files: shares of 300
    corpus = make_corpus(tmp_path / "corpus", n)
    parallel = Library(corpus, tmp_path / "parallel")
    assert parallel.update().added == n
    # worker 0: its share, then 150, 75 and 37 of worker 1's; worker 1: the 38 left
    assert len(parallel._ix._segments()) == 5
    monkeypatch.undo()
    assert_built_as_one_process(parallel, corpus, tmp_path, monkeypatch)


def test_workers_whose_shares_differ_in_cost_build_the_one_process_index(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_corpus: Callable[..., Path],
) -> None:
    """Real workers: the first share's files are one line each, the second's whole reports.
    Which worker takes from which, and how much, is the machine's timing; the index is the
    one a single process builds whatever it was."""
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    n = store_module.PARALLEL_THRESHOLD + 200
    corpus = make_corpus(tmp_path / "corpus", n)
    files = sorted(corpus.iterdir())
    for i, path in enumerate(files[: n // 2]):
        path.write_text(f"Note {i}\n\nA line on the report.\n", encoding="utf-8")
    parallel = Library(corpus, tmp_path / "parallel")
    assert parallel.update().added == n
    assert len(parallel._ix._segments()) >= 2
    assert_built_as_one_process(parallel, corpus, tmp_path, monkeypatch)


def test_stretches_are_taken_from_the_front_and_split_at_the_back() -> None:
    ctx = get_context("spawn")
    stretches = build_module.Stretches(ctx, [(0, 100), (100, 200)], 200)
    assert [stretches.take(0) for _ in range(3)] == [0, 1, 2]
    for _ in range(97):
        stretches.take(0)
    assert stretches.take(0) is None  # worker 0's share is done
    assert stretches.take(1) == 100
    taken = stretches.steal()  # 101..199 left in stretch 1: the back half is taken
    assert taken == 2
    assert stretches.take(taken) == 151
    assert stretches.take(1) == 101
    # 49 left in stretch 1 and 48 in stretch 2: a half of either would be under STEAL_MIN
    assert build_module.STEAL_MIN > 49 // 2
    assert stretches.steal() is None
    rest = [stretches.take(1) for _ in range(49)] + [stretches.take(2) for _ in range(48)]
    assert rest == list(range(102, 151)) + list(range(152, 200))
    assert stretches.take(1) is None and stretches.take(2) is None


def test_the_parent_of_a_parallel_build_never_imports_reading_or_extraction(
    tmp_path: Path, make_corpus: Callable[..., Path]
) -> None:
    """Its workers read and extract; importing those in the parent only delayed them."""
    corpus = make_corpus(tmp_path / "corpus", store_module.PARALLEL_THRESHOLD + 60)
    probe = (
        "import sys\nfrom newsbrowse.index.library import Library\n"
        f"lib = Library({str(corpus)!r}, {str(tmp_path / 'ix')!r})\n"
        "report = lib.update()\nlib.close()\n"
        "heavy = ('reading.article', 'reading.layout', 'quotes.extract', 'store.prepare')\n"
        "loaded = [m for m in heavy if 'newsbrowse.index.' + m in sys.modules]\n"
        "print(report.added, sorted(loaded))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout.strip()
    assert out == f"{store_module.PARALLEL_THRESHOLD + 60} []"


def test_the_speakers_a_parallel_build_reads_back_are_kept_out_of_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: Callable[..., Path]
) -> None:
    """The parent reads every article's speakers once its workers are done, and keeps them
    with the state: frozen (``gc.freeze``), so that no later collection walks them again
    (at 100,000 articles those walks were 4.6 s of the build's last 11.5), and the
    collector on again afterwards."""
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    corpus = make_corpus(tmp_path / "corpus", store_module.PARALLEL_THRESHOLD + 60)
    library = Library(corpus, tmp_path / "index")
    try:
        library.update()
        speakers = list(library._state.articles.values())
        assert len(speakers) == store_module.PARALLEL_THRESHOLD + 60
        assert gc.isenabled()
        collected = {id(obj) for obj in gc.get_objects()}  # every generation but the frozen
        assert all(gc.is_tracked(one) and id(one) not in collected for one in speakers)
    finally:
        gc.unfreeze()
        library.close()


def test_the_articles_state_is_written_as_the_workers_pickled_it_and_reads_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: Callable[..., Path]
) -> None:
    """The parent saves every article's speakers as the workers' packs, byte for byte,
    rather than pickling what it unpickled from them again; the state read back from disk
    is the one in memory, in the same order."""
    from newsbrowse.index.store.state import ARTICLES_FILE, load_articles

    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    seen: list[build_module.ParallelBuild] = []
    commit = build_module.ParallelBuild.commit

    def noted(self: build_module.ParallelBuild, writer: Any) -> None:
        seen.append(self)
        commit(self, writer)

    monkeypatch.setattr(build_module.ParallelBuild, "commit", noted)
    corpus = make_corpus(tmp_path / "corpus", store_module.PARALLEL_THRESHOLD + 60)
    library = Library(corpus, tmp_path / "index")
    try:
        library.update()
        folder = library._store.current()
        assert folder is not None
        packs = seen[0].packs
        assert len(packs) >= 2  # one from each worker at least
        data = (folder / ARTICLES_FILE).read_bytes()
        assert all(pack in data for pack in packs)
        in_memory = library._state.articles
        loaded = load_articles(folder, library._state.generation)
        assert loaded is not None and list(loaded.items()) == list(in_memory.items())
    finally:
        gc.unfreeze()
        library.close()
