"""Instructions per article of each stage of a build, counted by valgrind: a figure the host's
drift cannot move, for comparing two checkouts when wall and CPU times wander by more than the
change (this machine's same 10k build has taken 25 to 40 s within one hour).

    python tests/benchmarks/icount.py --corpus /tmp/nb-speed-bench/corpus-10000-s7 \\
        [--before OTHER_CHECKOUT/.venv/bin/python] [--n 200]

For each Python given (this one, and ``--before``'s if given), each stage runs in a child under
``valgrind --tool=cachegrind --cache-sim=no`` twice, on ``n`` articles and on none; the
difference divided by ``n`` is the stage's instructions per article, start-up and loading
excluded. The stages: ``read`` (``read_article``), ``extract`` (``extract_quotes`` on articles
read beforehand) and ``write`` (``document``, ``add_document`` and closing the segment). Each
child runs once first, uncounted, so that a stale ``.pyc`` is not compiled in a counted run,
and from a temporary folder, so that it imports the ``newsbrowse`` of its Python and not a
source tree it happens to stand in. Instructions are not time (a Python that allocates more
runs each slower), so give both: this for a change smaller than the drift, timed builds
(``before_after.py``) for what a user waits.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STAGES = ("read", "extract", "write")
WARM = 20  # articles every child reads and extracts first, counted in both runs

CHILD = r"""
import gc, sys, tempfile
from pathlib import Path
from newsbrowse.index.reading import read_article
from newsbrowse.index.quotes import extract_quotes
stage, corpus, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
paths = sorted(corpus.rglob("*.txt"))
for p in paths[:WARM]:
    a = read_article(p, corpus)
    extract_quotes(a.text, a.paragraphs)
todo = paths[WARM:WARM + n]
gc.disable()  # as a build worker runs
if stage == "read":
    for p in todo:
        read_article(p, corpus)
else:  # the same preparation in the counted runs with n articles and with none
    articles = [read_article(p, corpus) for p in paths[WARM:WARM + 300]]
    if stage == "extract":
        for a in articles[:n]:
            extract_quotes(a.text, a.paragraphs)
    else:
        from whoosh import index as whoosh_index
        from newsbrowse.index.store import documents
        from newsbrowse.index.store.documents import PRE_ANALYZED, build_schema, document
        from newsbrowse.index.store.segments import SegmentBuilder
        pairs = [(a, extract_quotes(a.text, a.paragraphs)) for a in articles]
        ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema())
        repeating = getattr(documents, "REPEATING", None)  # an older checkout has none
        more = {"repeating": repeating} if repeating else {}
        writer = SegmentBuilder(ix, PRE_ANALYZED, _lk=False, **more)
        for a, ex in pairs[:n]:
            writer.add_document(**document(a, ex, 1, 1))
        if n:
            writer._finalize_segment()
""".replace("WARM", str(WARM))


def count(python: str, stage: str, corpus: Path, n: int) -> int:
    """Instructions of one child run (``n`` articles)."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "cachegrind.out"
        cmd = [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            f"--cachegrind-out-file={out}",
            python,
            "-c",
            CHILD,
            stage,
            str(corpus),
            str(n),
        ]
        env = dict(os.environ, PYTHONHASHSEED="0")
        subprocess.run(cmd, cwd=work, env=env, check=True, capture_output=True)
        for line in out.read_text().splitlines():
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError(f"no summary from cachegrind for {stage}")


def per_article(python: str, stage: str, corpus: Path, n: int) -> float:
    """Instructions an article of ``stage`` (millions)."""
    count(python, stage, corpus, 1)  # compiles any stale .pyc; not counted
    return (count(python, stage, corpus, n) - count(python, stage, corpus, 0)) / n / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a generated corpus")
    parser.add_argument("--before", help="the other checkout's Python (its newsbrowse)")
    parser.add_argument("--n", type=int, default=200, help="articles per stage (≤ 300)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("icount.py needs valgrind (apt install valgrind)")
    pythons = {"after": sys.executable} | ({"before": args.before} if args.before else {})
    rows = {
        name: [per_article(py, s, args.corpus, args.n) for s in STAGES]
        for name, py in pythons.items()
    }
    print("| stage | " + " | ".join(f"{name} (M instructions an article)" for name in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for i, stage in enumerate(STAGES):
        print(f"| {stage} | " + " | ".join(f"{rows[name][i]:.2f}" for name in rows) + " |")
    print("| total | " + " | ".join(f"{sum(rows[name]):.2f}" for name in rows) + " |")


if __name__ == "__main__":
    main()
