"""Big builds write one segment per worker process; the index must equal a one-process build."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrowse.index import build as build_module
from newsbrowse.index import store as store_module
from newsbrowse.index.library import Library

QUERIES = [
    "report",
    "minister talks",
    '"we will not"',
    "speaker:berg3",
    "sanc*",
    "",
    "date:2025-03",
]


def write_corpus(root: Path, n: int) -> Path:
    root.mkdir()
    words = [
        "minister",
        "talks",
        "border",
        "sanctions",
        "ceasefire",
        "parliament",
        "election",
        "budget",
        "energy",
    ]
    for i in range(n):
        body = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(40 + i % 17))
        (root / f"r{i:04d}.txt").write_text(
            f"Report {i}\n\n2025-0{1 + i % 9}-1{i % 10}\n\n"
            f"“We will not give up,” Anna Berg{i % 5} said.\n\n{body}.\n",
            encoding="utf-8",
        )
    return root


def answers(lib: Library) -> list:
    out = []
    for query in QUERIES:
        result = lib.search(query, limit=30)
        out.append((query, result.total, [(h.article, round(h.score, 6)) for h in result.hits]))
    out.append([(s.name, s.quotes) for s in lib.speakers()])
    return out


@pytest.mark.parametrize(
    "pool_mb",
    [build_module.WORKER_LIMIT_MB, 0.005],
    ids=["default-pool", "hundreds-of-sort-runs-per-worker"],
)
def test_parallel_build_equals_one_process_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool_mb: float
) -> None:
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    monkeypatch.setattr(build_module, "WORKER_LIMIT_MB", pool_mb)
    n = store_module.PARALLEL_THRESHOLD + 60
    corpus = write_corpus(tmp_path / "corpus", n)
    parallel = Library(corpus, tmp_path / "parallel")
    parallel.update()
    assert len(parallel._ix._segments()) >= 2  # really built by several workers
    monkeypatch.setattr(store_module, "PARALLEL_THRESHOLD", 10**9)
    single = Library(corpus, tmp_path / "single")
    single.update()
    assert len(single._ix._segments()) == 1
    assert answers(parallel) == answers(single)
    # and it stays a normal index: a small update after it
    (corpus / "r0003.txt").write_text("Changed\n\nA zebra crossing.\n", encoding="utf-8")
    report = parallel.update()
    assert report.changed == 1 and parallel.search("zebra").total == 1
    assert parallel.search("report").total == n - 1
    parallel.close()
    single.close()
