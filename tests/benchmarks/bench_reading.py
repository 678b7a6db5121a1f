"""Benchmark reading: milliseconds per article, text files and saved web pages apart.

    python tests/benchmarks/bench_reading.py [--corpus DIR ...] [--runs 7]

Reads every article of the given folders (default: the seeds and the development set) with
``read_article``, once to warm up (imports, trafilatura's first call), then ``--runs`` times
each, and keeps each article's best run: the cost of reading it when the machine lets it
run. Prints CPU time (``time.process_time``) beside wall time, per format (txt, html, md)
as mean, median and worst, and the machine's load; for pages, also trafilatura alone on the
same bytes (its ``bare_extraction`` as newsbrowse calls it), measured in the same sitting,
so the share of the page rules is a ratio. Targets (issue 12): a text article at most 1 ms,
a page at most 15 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from newsbrowse.index.errors import UnreadableFile
from newsbrowse.index.reading import read_article

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = (ROOT / "seeds", ROOT / "tests" / "data" / "devset" / "articles")
TARGET_MS = {"txt": 1.0, "html": 15.0, "md": 1.0}


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    return "md" if suffix == ".md" else "txt"


def _best(path: Path, root: Path, runs: int) -> tuple[float, float]:
    """The best (CPU, wall) milliseconds of ``runs`` reads of one file."""
    cpu = wall = float("inf")
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        read_article(path, root)
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return cpu * 1000, wall * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=list(DEFAULT))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    files: list[tuple[Path, Path]] = []
    for root in args.corpus:
        files += [(p, root) for p in sorted(root.rglob("*")) if p.is_file() and p.suffix != ".py"]
    readable = []
    for path, root in files:  # warm-up, and drop what is not an article
        try:
            read_article(path, root)
        except UnreadableFile:
            continue
        readable.append((path, root))
    times: dict[str, list[tuple[float, float]]] = {}
    for path, root in readable:
        times.setdefault(_format(path), []).append(_best(path, root, args.runs))
    pages = [p for p, _ in readable if _format(p) == "html"]
    alone = [_trafilatura_alone(p.read_bytes(), args.runs) for p in pages]
    load = os.getloadavg()
    print(
        f"reading: best of {args.runs} runs per article; load {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} on {os.cpu_count()} cores"
    )
    print(
        f"{'format':6} {'n':>4} {'cpu mean':>9} {'median':>8} {'worst':>8} "
        f"{'wall mean':>10} {'median':>8} {'worst':>8}  target"
    )
    for fmt, found in sorted(times.items()):
        cpu = [c for c, _ in found]
        wall = [w for _, w in found]
        target = TARGET_MS.get(fmt, 1.0)
        verdict = "met" if statistics.mean(cpu) <= target else "MISSED"
        print(
            f"{fmt:6} {len(found):>4} {statistics.mean(cpu):8.2f}ms {statistics.median(cpu):7.2f}ms"
            f" {max(cpu):7.2f}ms {statistics.mean(wall):9.2f}ms {statistics.median(wall):7.2f}ms"
            f" {max(wall):7.2f}ms  <= {target:g} ms mean: {verdict}"
        )
    if alone:
        ours = statistics.mean(c for c, _ in times["html"])
        theirs = statistics.mean(alone)
        print(
            f"html: trafilatura alone {theirs:.2f}ms CPU mean; the whole page reading "
            f"{ours:.2f}ms = {ours / theirs:.2f}x trafilatura alone"
        )
    return 0


def _trafilatura_alone(data: bytes, runs: int) -> float:
    """Best CPU milliseconds of trafilatura's extraction alone, as newsbrowse calls it."""
    import trafilatura

    best = float("inf")
    for _ in range(runs):
        c0 = time.process_time()
        trafilatura.bare_extraction(
            data, fast=True, with_metadata=True, include_comments=False, include_tables=True
        )
        best = min(best, time.process_time() - c0)
    return best * 1000


if __name__ == "__main__":
    raise SystemExit(main())
