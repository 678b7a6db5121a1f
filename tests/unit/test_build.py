"""Big builds write segments in worker processes; the index must equal a one-process build."""

from __future__ import annotations

from collections.abc import Callable
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
