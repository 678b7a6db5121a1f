"""Time newsbrowse in a real terminal: launch, opening a 1 MB article, each ``n``.

    python tests/e2e/bench_terminal.py [--presses 5] [--work DIR] [--json]

Not a test (speed is never asserted in tests): it prints wall times as a person at the
keyboard meets them, measured from the key press to the output that showed the answer, with
the app's CPU time beside each (its threads and the worker processes it waited for, from
/proc; Linux only) and the machine load. The corpus is the e2e one: a ~1 MB article
holding a rare word, plus four ordinary articles. Steps:

- cold launch: spawn on the never-indexed folder → the results show rows (indexing included);
- warm launch: spawn again → the results show rows;
- search: ``/`` and the rare word, enter → its snippet is in the results;
- open: enter on it → the reader's match counter (``-/N``) is shown;
- each ``n``: the press → the counter shows the next match (``k/N``);
- each ``N``: back one match;
- each ``]`` and ``[``: the press → the quote counter (``quote k/M``) shows another quote.

Each key is pressed once the screen has been still for ``QUIET`` (0.1 s): a person reacts to
what appeared in 0.2 s or more, and a key pressed while the app still paints the previous
step (the footer's keys after an article opens) waits for that paint, which is the previous
step's time, not the key's. Keys typed ahead are the e2e tests' business (they land where
meant), not this timing's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import RARE_WORD, write_huge_article_corpus
from terminal import Terminal

QUIET = 0.1  # seconds of no output before a timed key press


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid``: all its threads, plus the children it has
    waited for (the index update's worker processes, once they end). None off Linux."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


class Run:
    """One launch of the app, with timed steps."""

    def __init__(self, corpus: Path, home: Path, columns: int, lines: int) -> None:
        self.term = Terminal(["--corpus", corpus], home, columns=columns, lines=lines)
        self.rows: list[dict[str, object]] = []

    def step(self, name: str, action, condition, timeout: float = 600, settled=False) -> None:
        """Time ``action`` until ``condition`` shows; ``settled``: press it only once the
        screen has been still for :data:`QUIET` seconds (see the module's note)."""
        if settled:
            self.term.wait_quiet(QUIET)
        pid = self.term.child.pid if self.term.child is not None else None
        before = cpu_seconds(pid) if pid else 0.0
        wall = self.term.measure(action, condition, timeout)
        pid = self.term.child.pid if self.term.child is not None else None
        after = cpu_seconds(pid) if pid else None
        cpu = after - before if after is not None and before is not None else None
        self.rows.append({"step": name, "wall_s": round(wall, 4), "cpu_s": cpu})
        shown = f"{cpu:7.3f} s CPU" if cpu is not None else "      ? CPU"
        print(f"{name:<28} {wall:8.3f} s wall  {shown}", flush=True)


QUOTE_COUNTER = re.compile(r"quote (\d+)/\d+")


def quote_counter(text: str) -> str | None:
    """The reader's ``quote k/M`` counter on the screen, if shown."""
    found = QUOTE_COUNTER.search(text)
    return found.group() if found else None


def results_have_rows(term: Terminal):
    return lambda _: term.pane_has_text("Results")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", type=int, default=5, help="how many n to time")
    parser.add_argument("--work", type=Path, help="folder to work in (default: a temp dir)")
    parser.add_argument("--columns", type=int, default=140)
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="newsbrowse-bench-terminal-"))
    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)  # never indexed: the cold launch builds it
    corpus, mentions = write_huge_article_corpus(work / "corpus")
    print(f"corpus {corpus} (rare word x{mentions}); load average {load()}", flush=True)

    rows: list[dict[str, object]] = []
    cold = Run(corpus, home, args.columns, args.lines)
    try:
        cold.step("cold launch → rows", cold.term.start, results_have_rows(cold.term))
    finally:
        cold.term.close()
    rows += cold.rows

    warm = Run(corpus, home, args.columns, args.lines)
    term = warm.term
    try:
        warm.step("warm launch → rows", term.start, results_have_rows(term))

        def search() -> None:
            term.press("/")
            term.type(RARE_WORD)
            term.press("enter")

        warm.step(
            "search → snippet shown",
            search,
            lambda _: any(RARE_WORD in row for row in term.pane("Results") or []),
        )
        warm.step(
            "open 1 MB article → counter",
            lambda: term.press("enter"),
            re.compile(rf"(?:-|\b\d+)/{mentions}\b"),
        )
        for k in range(1, args.presses + 1):
            match = re.compile(rf"\b{k}/{mentions}\b")
            warm.step(f"n → match {k}", lambda: term.press("n"), match, settled=True)
        for k in range(args.presses - 1, 0, -1):
            match = re.compile(rf"\b{k}/{mentions}\b")
            warm.step(f"N → match {k}", lambda: term.press("N"), match, settled=True)
        for key in "]" * args.presses + "[" * args.presses:
            shown = quote_counter(term.screen_text())
            warm.step(
                f"{key} → another quote",
                lambda key=key: term.press(key),
                lambda text, shown=shown: quote_counter(text) not in (None, shown),
                settled=True,
            )
    finally:
        term.close()
    rows += warm.rows
    print(f"load average {load()}", flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
