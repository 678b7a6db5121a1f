"""Full builds in turn, each in a fresh process: for the 100k ÷ 10k ratio and cold folders.

    python tests/benchmarks/builds.py --engine after=.venv/bin/python \\
        --engine before=OTHER/.venv/bin/python --work /tmp/nb-speed-bench \\
        after:10000 after:100000 after:10000 before:10000:cold

Each run is ``ENGINE:ARTICLES`` (the runner's generated corpus ``WORK/corpus-N-s7``, made
first with ``run.py``) and optionally ``:cold``: the system's caches are dropped before it
(``echo 3 > /proc/sys/vm/drop_caches``: root only, Linux only). Each build is the runner's own
build child, into a fresh index; printed: wall, CPU of the process tree, peak memory, load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # this folder, not a package

RUNNER = str(Path(run.__file__).resolve())


def drop_caches() -> None:
    subprocess.run("sync; echo 3 > /proc/sys/vm/drop_caches", shell=True, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", action="append", default=[], help="NAME=PYTHON")
    parser.add_argument("--work", type=Path, default=Path("/tmp/nb-speed-bench"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("runs", nargs="+", help="ENGINE:ARTICLES[:cold]")
    args = parser.parse_args(argv)
    engines = dict(e.split("=", 1) for e in args.engine)
    run.use_bytecode_cache(*engines.values())  # as installed: no engine compiles its modules
    for spec in args.runs:
        name, size, *cold = spec.split(":")
        corpus = args.work / f"corpus-{size}-s{args.seed}"
        if name not in engines or not corpus.is_dir():
            parser.error(f"{spec}: no engine {name!r} or no corpus {corpus}")
        with tempfile.TemporaryDirectory(dir=args.work) as scratch:
            index = Path(scratch) / "index"
            if cold:
                drop_caches()
            load = os.getloadavg()[0]
            params = json.dumps({"corpus": str(corpus), "index": str(index)})
            r = run.run_process([engines[name], RUNNER, "--child", "build", params], parse=True)
            shutil.rmtree(index, ignore_errors=True)
        label = f"{name} {int(size):,}{' cold' if cold else ''}"
        print(
            f"{time.strftime('%H:%M:%S')} {label}: wall {r.wall_s:.1f} s, CPU {r.cpu_s:.1f} s, "
            f"peak {r.peak_mb:.0f} MB, load {load:.2f} {r.error or ''}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
