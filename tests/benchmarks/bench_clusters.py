"""Benchmark quote clustering over a whole corpus (target: 10,000 articles' quotes in 5 s).

    python tests/benchmarks/bench_clusters.py [CORPUS] [--jobs 2] [--runs 3] [--cache FILE]

CORPUS defaults to the generated /work/data/c10k (read, never written). First every article is
read and its quotes extracted and fingerprinted, as the index does (in ``--jobs`` worker
processes; not part of the figure, and kept in ``--cache`` for the next run); then the speakers
are merged and the quotes clustered, as ``Library`` does on first use after a change. Both
steps are timed in this process, CPU time (``time.process_time``) beside wall time, best and
median of ``--runs``, with the machine's load average.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from newsbrowse.index.clusters import build_clusters
from newsbrowse.index.errors import UnreadableFile
from newsbrowse.index.model import ArticleSpeakers
from newsbrowse.index.quotes import extract_quotes
from newsbrowse.index.reading import read_article
from newsbrowse.index.speakers import build_registry
from newsbrowse.index.store.documents import article_speakers

DEFAULT_CORPUS = Path("/work/data/c10k")


def _prepare(job: tuple[str, str]) -> tuple[str, ArticleSpeakers] | None:
    path, root = job
    try:
        article = read_article(Path(path), Path(root))
    except (UnreadableFile, OSError):
        return None
    return article.id, article_speakers(article, extract_quotes(article.text, article.paragraphs))


def prepared(corpus: Path, jobs: int, cache: Path | None) -> dict[str, ArticleSpeakers]:
    """Every article's speakers, quotes and fingerprints, as the index's state holds them."""
    if cache is not None and cache.exists():
        with open(cache, "rb") as fh:
            data: dict[str, ArticleSpeakers] = pickle.load(fh)
        return data
    paths = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    with Pool(jobs) as pool:
        done = pool.map(_prepare, [(p, str(corpus)) for p in paths], chunksize=64)
    data = dict(d for d in done if d is not None)
    if cache is not None:
        with open(cache, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return data


def timed(runs: int, work: Callable[[], Any]) -> tuple[list[float], list[float], Any]:
    """CPU and wall seconds of each run, and the last result."""
    cpu, wall, result = [], [], None
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        result = work()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return cpu, wall, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the extracted quotes here")
    args = parser.parse_args()

    started = time.perf_counter()
    articles = prepared(args.corpus, args.jobs, args.cache)
    quotes = sum(len(a.quotes) for a in articles.values())
    print(
        f"{len(articles)} articles, {quotes} quotes from {args.corpus} "
        f"(read and extracted in {time.perf_counter() - started:.1f} s)"
    )
    load = "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    r_cpu, r_wall, registry = timed(args.runs, lambda: build_registry(articles))
    c_cpu, c_wall, clusters = timed(args.runs, lambda: build_clusters(articles, registry))
    for name, cpu, wall in (("speakers", r_cpu, r_wall), ("clusters", c_cpu, c_wall)):
        print(
            f"{name}: wall best {min(wall):.2f} s, median {statistics.median(wall):.2f} s; "
            f"CPU best {min(cpu):.2f} s, median {statistics.median(cpu):.2f} s"
        )
    total = min(r_wall) + min(c_wall)
    print(f"speakers + clusters: {total:.2f} s wall (target 5 s) · {load} (before the runs)")
    sizes = [len(c.articles) for c in clusters.clusters.values()]
    print(
        f"clusters: {len(clusters.clusters)}, holding {len(clusters.by_quote)} quotes; "
        f"largest spans {max(sizes, default=0)} articles"
    )


if __name__ == "__main__":
    main()
