"""Big builds write segments in worker processes; the index must equal a one-process build."""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path

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
    monkeypatch.setattr(store_module, "PARALLEL_THRESHOLD", 10**9)
    single = Library(corpus, tmp_path / "single")
    single.update()
    assert len(single._ix._segments()) == 1
    assert answers(parallel) == answers(single)
    # and it stays a normal index: a small update after it
    (corpus / "a00003.txt").write_text("Changed\n\nA zebra crossing.\n", encoding="utf-8")
    report = parallel.update()
    assert report.changed == 1 and parallel.search("zebra").total == 1
    assert parallel.search("report").total == n - 1
    parallel.close()
    single.close()


def test_a_worker_that_finishes_first_takes_half_of_what_another_has_left(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_corpus: Callable[..., Path],
) -> None:
    """The first share's files are one line each, the second's whole reports: the first
    worker is done long before the second and takes from its share; the index is still
    the one a single process builds."""
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    n = store_module.PARALLEL_THRESHOLD + 200
    corpus = make_corpus(tmp_path / "corpus", n)
    files = sorted(corpus.iterdir())
    for i, path in enumerate(files[: n // 2]):
        path.write_text(f"Note {i}\n\nA line on the report.\n", encoding="utf-8")
    parallel = Library(corpus, tmp_path / "parallel")
    assert parallel.update().added == n
    assert len(parallel._ix._segments()) > 2  # a stretch taken is a segment of its own
    monkeypatch.setattr(store_module, "PARALLEL_THRESHOLD", 10**9)
    single = Library(corpus, tmp_path / "single")
    single.update()
    assert answers(parallel) == answers(single)
    parallel.close()
    single.close()


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
