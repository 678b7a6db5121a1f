"""Does a build worker's article cost more late in a 100k build than in a 10k one? Counted
by valgrind (callgrind, with its cache simulator), so the host's drift cannot move the answer.

    python tests/benchmarks/late_articles.py --corpus /tmp/nb-speed-bench/corpus-100000-s7 \\
        [--at 44000] [--young 4000] [--n 500] [--what window|close|both|timed [--windows 4]]

- ``window``: two children, at the same time, run a build worker's loop (``prepare``, the
  segment writer, a segment closed at ``build.SEGMENT_MB``, collections as the worker makes
  them) uninstrumented, then count the same ``n`` files from ``--at``: the young one after the
  ``--young`` files just before them (a 10k build's worker holds ~5,000), the old one after
  every file from the first (a 100k build's worker holds ~50,000). Each closes its open segment
  first, so both count the window from an empty segment.
- ``close``: closing a segment of ``--young`` files against closing one of ``SEGMENT_MB`` (the
  size a 100k build's worker closes), counted, per article.
- ``timed``: the same two loops run natively, not counted, each timing ``--windows``
  windows of ``n`` files with the other (CPU seconds, segment closes left out), one a core and
  every window started together, so that the host's drift falls on both (``--young 0``: the
  young child holds nothing, as a fresh worker process).

Instrumentation is off until the counted part (``callgrind_control -i on``): the old child's
44,000 files take ~20 minutes under valgrind, the counted parts ~5 minutes each.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# A build worker's loop, shared by both children: ``step`` does one file as the worker does
# (True: the segment is full), ``close`` closes the segment and opens the next.
LOOP = r"""
import gc, os, subprocess, sys, tempfile, time
from pathlib import Path
from whoosh import index as whoosh_index
from newsbrowse.index.store import build
from newsbrowse.index.store.documents import build_schema
from newsbrowse.index.store.prepare import prepare
from newsbrowse.index.store.scan import scan_columns
root = Path(sys.argv[2])
stats = scan_columns(root).stats()
ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema())
gc.disable()  # as a build worker runs
writer = build._segment_writer(ix)
done = 0
def step(job):
    global done
    done += 1
    if done % build.COLLECT_EVERY == 0:
        gc.collect(1)
    prepared = prepare(stats[job], root)
    if prepared.doc is not None:
        writer.add_document(**prepared.doc)
    return writer.buffered > build.SEGMENT_MB * 2**20
def close():
    global writer
    writer._finalize_segment()
    writer = build._segment_writer(ix)
"""

CHILD = (
    LOOP
    + r"""
what, start, stop = sys.argv[1], int(sys.argv[3]), int(sys.argv[4])
stop = len(stats) if stop < 0 else stop  # -1: until the segment is full
counting = lambda on: subprocess.run(
    ["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
    check=True, capture_output=True)
for job in range(start, stop):
    if what == "window" and job == stop - int(sys.argv[5]):
        if writer._added:
            close()
        counting(True)
    if step(job):
        if what == "close":
            break
        close()
if what == "close":
    print("articles", done)
    counting(True)
    writer._finalize_segment()
counting(False)
"""
)

TIMED = (
    LOOP
    + r"""
role, meet = sys.argv[1], Path(sys.argv[7])
start, at, windows, n = map(int, sys.argv[3:7])
def one(job):
    # one file; the CPU seconds of closing a segment, if it closed one
    if not step(job):
        return 0.0
    t = time.process_time()
    close()
    return time.process_time() - t
for job in range(start, at):
    one(job)
other = "old" if role == "young" else "young"
for k in range(windows):
    (meet / f"{role}-{k}").touch()  # both start each window together
    while not (meet / f"{other}-{k}").exists():
        time.sleep(0.02)
    t = time.process_time()
    closing = sum(one(job) for job in range(at + k * n, at + (k + 1) * n))
    print(time.process_time() - t - closing, flush=True)
"""
)

EVENTS = ("Ir", "D1mr", "D1mw", "DLmr", "DLmw")
CACHES = ["--I1=32768,8,64", "--D1=32768,8,64", "--LL=33554432,16,64"]  # this host's L1, L3


def start(python: str, work: Path, name: str, args: list[str]) -> subprocess.Popen[str]:
    """A ``CHILD`` under callgrind, its output file ``work/name.out``."""
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--cache-sim=yes",
        *CACHES,
        f"--callgrind-out-file={work / name}.out",
        python,
        "-c",
        CHILD,
        *args,
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.Popen(
        cmd, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


def totals(path: Path) -> dict[str, int]:
    """The event totals of a callgrind output file."""
    text = path.read_text()
    names = re.search(r"^events: (.*)$", text, re.M).group(1).split()  # type: ignore[union-attr]
    values = re.search(r"^totals: (.*)$", text, re.M).group(1).split()  # type: ignore[union-attr]
    return {name: int(value) for name, value in zip(names, values, strict=False)}


def run_pair(python: str, runs: dict[str, list[str]]) -> dict[str, tuple[dict[str, int], str]]:
    """Run the children at once (one a core); each one's totals and what it printed."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        procs = {name: start(python, work, name, args) for name, args in runs.items()}
        printed = {name: proc.communicate()[0] for name, proc in procs.items()}
        for name, proc in procs.items():
            if proc.returncode:
                raise SystemExit(f"the {name} child failed ({proc.returncode})")
        return {name: (totals(work / f"{name}.out"), printed[name]) for name in runs}


def report(title: str, counts: dict[str, tuple[dict[str, int], int]]) -> None:
    """A table of each event per article, young against old."""
    (young, n_young), (old, n_old) = counts["young"], counts["old"]
    print(f"\n{title}\n\n| event | young, per article | old, per article | old ÷ young |")
    print("|---|---|---|---|")
    for event in EVENTS:
        a, b = young.get(event, 0) / n_young, old.get(event, 0) / n_old
        print(f"| {event} | {a:,.0f} | {b:,.0f} | {b / a if a else float('nan'):.3f} |")


def timed(corpus: str, at: int, young: int, n: int, windows: int) -> None:
    """Both children natively, one a core, timing each window of ``n`` files side by side."""
    with tempfile.TemporaryDirectory() as meet:
        starts = {"young": at - young, "old": 0}
        procs = {
            role: subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    TIMED,
                    role,
                    corpus,
                    *map(str, (first, at, windows, n)),
                    meet,
                ],
                cwd=meet,
                stdout=subprocess.PIPE,
                text=True,
            )
            for role, first in starts.items()
        }
        cpu = {
            role: [float(x) for x in proc.communicate()[0].split()] for role, proc in procs.items()
        }
    print(f"\n| window (files from {at}) | young CPU s | old CPU s | old ÷ young |")
    print("|---|---|---|---|")
    for k, (a, b) in enumerate(zip(cpu["young"], cpu["old"], strict=True)):
        print(f"| {k + 1} | {a:.2f} | {b:.2f} | {b / a:.3f} |")
    a, b = sum(cpu["young"]), sum(cpu["old"])
    print(f"| all | {a:.2f} | {b:.2f} | {b / a:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a generated 100k corpus")
    parser.add_argument("--at", type=int, default=44_000, help="the first file counted")
    parser.add_argument("--young", type=int, default=4_000, help="files the young child holds")
    parser.add_argument("--n", type=int, default=500, help="files counted")
    parser.add_argument("--what", choices=("window", "close", "both", "timed"), default="both")
    parser.add_argument("--windows", type=int, default=4, help="timed: windows of --n files")
    args = parser.parse_args()
    if args.what == "timed":
        timed(str(args.corpus), args.at, args.young, args.n, args.windows)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("late_articles.py needs valgrind (apt install valgrind)")
    corpus, at, n = str(args.corpus), args.at, args.n
    if args.what in ("window", "both"):
        runs = {
            "young": ["window", corpus, str(at - args.young), str(at + n), str(n)],
            "old": ["window", corpus, "0", str(at + n), str(n)],
        }
        got = run_pair(sys.executable, runs)
        report(
            f"The same {n} files from file {at}, after {args.young} files and after {at}",
            {name: (events, n) for name, (events, _) in got.items()},
        )
    if args.what in ("close", "both"):
        runs = {
            "young": ["close", corpus, str(at - args.young), str(at)],
            "old": ["close", corpus, str(at - args.young), "-1"],
        }
        got = run_pair(sys.executable, runs)
        articles = {name: int(out.split()[-1]) for name, (_, out) in got.items()}
        report(
            f"Closing a segment of {articles['young']} files and of {articles['old']} "
            f"(SEGMENT_MB), per article",
            {name: (events, articles[name]) for name, (events, _) in got.items()},
        )


if __name__ == "__main__":
    main()
