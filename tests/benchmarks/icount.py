"""Instructions per article of each stage of a build, counted by valgrind: a figure the host's
drift cannot move, for comparing two checkouts when wall and CPU times wander by more than the
change (this machine's same 10k build has taken 25 to 40 s within one hour).

    python tests/benchmarks/icount.py --corpus /tmp/nb-speed-bench/corpus-10000-s7 \\
        [--before OTHER_CHECKOUT/.venv/bin/python] [--n 200] [--bare [--warm 800]]

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

``--bare`` adds the whole article against the build target's yardstick, after ``--warm``
articles (800) so that every table the build fills (term and hash look-ups, the segment's
terms) is as full as in a build's steady run: ``whole`` (``prepare`` and ``add_document``,
closing the segment: what a build worker does an article) and ``bare Whoosh`` (its own writer
indexing title and body with its stemming analyzer, the runner's yardstick, in one process:
without the parallel writer's pickling of each document to its sub-writers, so a lower bound
of what the yardstick does an article).
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


WHOLE = r"""
import gc, sys, tempfile
from pathlib import Path
from whoosh import index as whoosh_index
who, corpus, n, warm = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
paths = sorted(corpus.rglob("*.txt"))[: warm + n]
gc.disable()  # as a build worker runs
if who == "whole":
    from newsbrowse.index.store.documents import PRE_ANALYZED, REPEATING, build_schema
    from newsbrowse.index.store.prepare import prepare
    from newsbrowse.index.store.scan import FileStat
    from newsbrowse.index.store.segments import SegmentBuilder
    ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema())
    writer = SegmentBuilder(ix, PRE_ANALYZED, REPEATING, _lk=False)
    for p in paths:
        st = p.stat()
        stat = FileStat(p.relative_to(corpus).as_posix(), str(p), st.st_size, st.st_mtime_ns)
        prepared = prepare(stat, corpus)
        if prepared.doc is not None:
            writer.add_document(**prepared.doc)
    writer._finalize_segment()
else:  # the runner's bare Whoosh build (its schema and documents), in one process
    sys.path.insert(0, BENCHMARKS)
    from run import bare_document, bare_schema
    writer = whoosh_index.create_in(tempfile.mkdtemp(), bare_schema()).writer()
    for p in paths:
        writer.add_document(**bare_document(p, corpus))
    writer.commit()
""".replace("BENCHMARKS", repr(str(Path(__file__).resolve().parent)))
WHOLE_STAGES = ("whole", "bare Whoosh")


def count(python: str, stage: str, corpus: Path, n: int, warm: int = 0) -> int:
    """Instructions of one child run (``n`` articles; ``warm`` before them, for the
    ``WHOLE_STAGES``)."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "cachegrind.out"
        whole = stage in WHOLE_STAGES
        cmd = [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            f"--cachegrind-out-file={out}",
            python,
            "-c",
            WHOLE if whole else CHILD,
            stage,
            str(corpus),
            str(n),
            *([str(warm)] if whole else []),
        ]
        env = dict(os.environ, PYTHONHASHSEED="0")
        subprocess.run(cmd, cwd=work, env=env, check=True, capture_output=True)
        for line in out.read_text().splitlines():
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError(f"no summary from cachegrind for {stage}")


def per_article(python: str, stage: str, corpus: Path, n: int, warm: int = 0) -> float:
    """Instructions an article of ``stage`` (millions)."""
    count(python, stage, corpus, 1)  # compiles any stale .pyc; not counted
    counted = count(python, stage, corpus, n, warm) - count(python, stage, corpus, 0, warm)
    return counted / n / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a generated corpus")
    parser.add_argument("--before", help="the other checkout's Python (its newsbrowse)")
    parser.add_argument("--n", type=int, default=200, help="articles per stage (≤ 300)")
    parser.add_argument("--bare", action="store_true", help="the whole article against bare Whoosh")
    parser.add_argument("--warm", type=int, default=800, help="articles before those counted")
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
    if args.bare:
        ours, bare = (
            per_article(sys.executable, s, args.corpus, args.n, args.warm) for s in WHOLE_STAGES
        )
        print(
            f"\nAfter {args.warm} articles, M instructions an article: the whole article "
            f"{ours:.2f}, bare Whoosh {bare:.2f} (× {ours / bare:.3f})"
        )


if __name__ == "__main__":
    main()
