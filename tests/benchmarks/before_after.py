"""Before/after in one sitting: another checkout's engine against this one, same corpus.

Issue 14 asks for the 10k build and the search p95s of ``main`` and of the change side by
side, under the same load. This runs ``run.py``'s own child tasks (the full build, bare
Whoosh's writer, the warm search) with each checkout's Python, interleaved so that both
see the same machine, and prints a Markdown table with the load before and after::

    python tests/benchmarks/before_after.py --before /path/to/main/.venv/bin/python \\
        --before-commit abc1234 --n 10000 --work /tmp/nb-before-after

The corpus is ``run.py``'s generated one (``WORK/corpus-N-sSEED``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # this folder, not a package

RUNNER = str(Path(run.__file__).resolve())


def child(python: str, task: str, params: dict) -> run.ChildRun:
    """``run.py --child TASK`` under ``python`` (whose ``newsbrowse`` it imports)."""
    return run.run_process([python, RUNNER, "--child", task, json.dumps(params)], parse=True)


def build(python: str, corpus: Path, index: Path, task: str = "build") -> dict:
    shutil.rmtree(index, ignore_errors=True)
    r = child(python, task, {"corpus": str(corpus), "index": str(index)})
    if r.error:
        raise SystemExit(f"{task} with {python} failed: {r.error}")
    return {"wall_s": r.wall_s, "cpu_s": r.cpu_s, "peak_mb": r.peak_mb}


def search(python: str, corpus: Path, index: Path, queries: list[dict], rounds: int) -> dict:
    params = {"corpus": str(corpus), "index": str(index), "queries": queries, "rounds": rounds}
    r = child(python, "search", params)
    if r.error:
        raise SystemExit(f"search with {python} failed: {r.error}")
    return run._search_stats(queries, r.result)


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the other checkout's Python")
    parser.add_argument("--before-commit", required=True)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/nb-before-after"))
    parser.add_argument("--repeats", type=int, default=1, help="builds per engine")
    parser.add_argument("--runs", type=int, default=36, help="warm searches per query type")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    corpus, _ = run.ensure_corpus(args.work, args.n, args.seed)
    engines = {"before": args.before, "after": sys.executable}
    run.use_bytecode_cache(*engines.values())  # as installed: no engine compiles its modules
    commits = {"before": args.before_commit, "after": run._commit()}
    loads = [load()]
    builds: dict[str, list[dict]] = {"bare": [], "before": [], "after": []}
    for _ in range(args.repeats):
        builds["bare"].append(build(sys.executable, corpus, args.work / "bare", "bare_build"))
        run.log(f"bare Whoosh: {builds['bare'][-1]} (load {load()})")
        for name, python in engines.items():
            builds[name].append(build(python, corpus, args.work / f"index-{name}"))
            run.log(f"{name}: {builds[name][-1]} (load {load()})")
    shutil.rmtree(args.work / "bare", ignore_errors=True)
    queries = run.build_queries(run.choose_queries(corpus, args.n, args.seed))
    rounds = max(1, -(-args.runs // 9))
    searches = {}
    for name, python in engines.items():
        searches[name] = search(python, corpus, args.work / f"index-{name}", queries, rounds)
        run.log(f"{name}: search done (load {load()})")
    loads.append(load())
    print(table(args.n, builds, searches, commits, loads))
    return 0


def _med(runs: list[dict], key: str) -> float:
    return run._median([r[key] for r in runs])


def table(n: int, builds: dict, searches: dict, commits: dict, loads: list[str]) -> str:
    rows = [
        f"Before/after at {n:,} articles, one sitting; load average (1/5/15 min) "
        f"{loads[0]} at the start, {loads[1]} at the end.",
        "",
        f"| measure | before (`{commits['before']}`) | after (`{commits['after']}`) "
        "| before ÷ after |",
        "|---|---|---|---|",
    ]

    def add(label: str, b: float, a: float, unit: str, fmt: str = ".1f") -> None:
        ratio = f"{b / a:.2f}×" if a else "—"
        rows.append(f"| {label} | {b:{fmt}} {unit} | {a:{fmt}} {unit} | {ratio} |")

    bare = builds["bare"]
    rows.append(
        f"| bare Whoosh writer(procs=2, multisegment=True), same run | "
        f"{_med(bare, 'wall_s'):.1f} s (CPU {_med(bare, 'cpu_s'):.1f} s) | | |"
    )
    for key, label in (("wall_s", "full build, wall"), ("cpu_s", "full build, CPU (tree)")):
        add(label, _med(builds["before"], key), _med(builds["after"], key), "s")
    for name in ("before", "after"):
        ratio = _med(builds[name], "wall_s") / _med(bare, "wall_s")
        rows.append(f"| {name}: build ÷ bare Whoosh (wall) | {ratio:.2f} | | |")
    add("full build, peak memory", _med(builds["before"], "peak_mb"),
        _med(builds["after"], "peak_mb"), "MB", ".0f")  # fmt: skip
    for kind in run.QUERY_TYPES:
        b: Any = searches["before"].get(kind, {})
        a: Any = searches["after"].get(kind, {})
        if "cpu_p95_ms" in b and "cpu_p95_ms" in a:
            add(f"search `{kind}` p95, CPU", b["cpu_p95_ms"], a["cpu_p95_ms"], "ms")
            add(f"search `{kind}` p95, wall", b["p95_ms"], a["p95_ms"], "ms")
    return "\n".join(rows)


if __name__ == "__main__":
    raise SystemExit(main())
