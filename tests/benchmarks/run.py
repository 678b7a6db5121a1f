"""Benchmark newsbrowse on generated corpora and write the results as Markdown.

    python tests/benchmarks/run.py --sizes 1000 10000 [--large] [--out tests/benchmarks/RESULTS.md]

Per corpus size: full index build (time, peak memory), incremental updates, a search from a
fresh process (the CLI), warm search latency per query type through ``Library.search``,
``grep`` over the raw files as the no-index baseline, quote extraction speed, and the app's
time to answer keys. Every engine measurement runs in a child process of this script (the
same file, ``--child TASK``), so memory is measured per child and every start is cold.
Corpora are generated once per (size, seed) under ``--work`` and reused.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (this folder, not a package)

DEFAULT_LIBRARY = "newsbrowse.index.library:Library"
RESULT_PREFIX = "BENCH-RESULT "
KEEP_MARKER = "<!-- notes below this line are kept when the runner rewrites the file -->"
STOPWORDS = frozenset(
    "a an and are as at be by can for from has have if in is it may not of on or that the "  # noqa: SIM905
    "this to us was we when will with yet you your said".split()
)
QUERY_TYPES = ("word", "and", "phrase", "prefix", "fuzzy", "speaker", "date sort", "facets")
REFERENCE_N = 10_000  # the size a big build's cost is compared with
BANDS = {"common": 0.5, "mid": 0.03, "rare": 0.002}  # target share of documents

# Targets: (size, label, check on the size's results) -> pass/fail with the figure.
SEARCH_P95_MS = {10_000: 30.0, 100_000: 150.0}


# ============================================================================================
# Child processes: each task runs in a fresh interpreter and prints one JSON line.
# ============================================================================================


def _library_class() -> Any:
    module, _, name = os.environ.get("NB_BENCH_LIBRARY", DEFAULT_LIBRARY).partition(":")
    mod = __import__(module, fromlist=[name])
    return getattr(mod, name)


def child_build(p: dict) -> dict:
    """Open the library and update it (a fresh index dir makes this a full build)."""
    t0 = time.perf_counter()
    library_cls = _library_class()
    t1 = time.perf_counter()
    c1 = time.process_time()
    lib = library_cls(p["corpus"], p["index"])
    t2 = time.perf_counter()
    report = lib.update(rebuild=p.get("rebuild", False))
    t3 = time.perf_counter()
    c3 = time.process_time()
    lib.close()
    fields = ("added", "changed", "deleted", "unchanged", "rebuilt", "notice")
    return {
        "import_s": t1 - t0,
        "open_s": t2 - t1,
        "update_s": t3 - t2,
        "seconds": t3 - t1,  # open + update: what a fresh process pays after imports
        "cpu_s": c3 - c1,  # the same, in this process's CPU time (not its worker processes)
        "report": {f: getattr(report, f, None) for f in fields}
        | {"skipped": len(getattr(report, "skipped", []) or [])},
    }


def bare_schema() -> Any:
    """The yardstick's schema: title and body, Whoosh's stemming analyzer."""
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=StemmingAnalyzer(), field_boost=2.0),
        body=TEXT(analyzer=StemmingAnalyzer()),
    )


def bare_document(path: Path, root: Path) -> dict[str, str]:
    """The yardstick's document of a file: its text as the body, its first line the title."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return {"id": path.relative_to(root).as_posix(), "title": title, "body": text}


def child_bare_build(p: dict) -> dict:
    """The yardstick: bare Whoosh indexing title and body of the same files with its own
    parallel writer (``writer(procs=2, multisegment=True)``), no cleaning, no extraction."""
    from whoosh import index as whoosh_index

    t1, c1 = time.perf_counter(), time.process_time()
    Path(p["index"]).mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(p["index"], bare_schema())
    writer = ix.writer(procs=p.get("procs", 2), multisegment=True)
    root = Path(p["corpus"])
    count = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        writer.add_document(**bare_document(path, root))
        count += 1
    writer.commit()
    return {
        "import_s": 0.0,
        "seconds": time.perf_counter() - t1,
        "cpu_s": time.process_time() - c1,
        "documents": count,
        "segments": len(ix.refresh()._segments()) if hasattr(ix, "_segments") else None,
    }


def child_search(p: dict) -> dict:
    """Warm search latency: one warm-up pass, then rounds over every query."""
    lib = _library_class()(p["corpus"], p["index"])
    lib.update()
    queries = p["queries"]
    times: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    cpu: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    totals: dict[int, int] = {}
    errors: dict[int, str] = {}
    for round_ in range(p["rounds"] + 1):  # round 0 warms up: first use of each term
        for i, q in enumerate(queries):
            if i in errors:
                continue
            t, c = time.perf_counter(), time.process_time()
            try:
                result = lib.search(q["query"], **q["kwargs"])
            except Exception as exc:  # search() must not raise: report it, go on
                errors[i] = f"raised {exc.__class__.__name__}: {exc}"
                continue
            if round_:
                times[i].append(time.perf_counter() - t)
                cpu[i].append(time.process_time() - c)
            totals[i] = result.total
            if result.error:
                errors[i] = result.error
    lib.close()
    return {"times": times, "cpu": cpu, "totals": totals, "errors": errors}


def child_extract(p: dict) -> dict:
    """Quote extraction speed over parsed articles, pinned to one core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from newsbrowse.index.quotes import extract_quotes  # type: ignore[import-not-found]

    lib = _library_class()(p["corpus"], p["index"])
    lib.update()
    ids = sorted(a.id for a in lib.articles())
    step = max(1, len(ids) // p["sample"])
    articles = [lib.article(i) for i in ids[::step][: p["sample"]]]
    lib.close()
    import inspect

    takes_article = next(iter(inspect.signature(extract_quotes).parameters)) == "article"
    calls = [((a,) if takes_article else (a.text, a.paragraphs)) for a in articles]
    quotes = 0
    t = time.perf_counter()
    for call in calls:
        quotes += len(extract_quotes(*call).quotes)
    seconds = time.perf_counter() - t
    return {"articles": len(articles), "seconds": seconds, "quotes": quotes}


def child_app(p: dict) -> dict:
    """Launch the app headless on a warm index and time it.

    Mode ``after_rows``: launch → first rows, then typed keys → their results.
    Mode ``immediate``: type as soon as the screen is up; launch → the answer to the keys.
    """
    import asyncio

    started = p["started"]  # the parent's wall clock when it spawned us
    from newsbrowse.tui.app import NewsbrowseApp  # type: ignore[import-not-found]

    imported = time.time()
    word = "".join(p["keys"])

    async def run() -> dict:
        app = NewsbrowseApp(corpus=Path(p["corpus"]), index_dir=Path(p["index"]))
        out: dict[str, Any] = {"import_s": imported - started}
        async with app.run_test(size=(140, 45)) as pilot:
            out["mounted_s"] = time.time() - started
            if p["mode"] == "after_rows":
                if not await _wait(pilot, lambda: _result_rows(app)[0] > 0):
                    return {"error": "no result rows within 60 s"}
                out["first_rows_s"] = time.time() - started
                before = _result_rows(app)
            else:
                before = None
            typed = time.time()
            await pilot.press("/", *p["keys"][:-1])  # the app starts on the results
            last_key = time.time()
            await pilot.press(p["keys"][-1])
            if not await _wait(pilot, lambda: _answered(app, word, before)):
                return {"error": f"no answer to {word!r} within 60 s"}
            out["answer_s"] = time.time() - typed
            out["after_last_key_s"] = time.time() - last_key
            out["answered_after_launch_s"] = time.time() - started
            out["rows"] = _result_rows(app)[0]
            out["widget"] = _results_widget(app).__class__.__name__
        return out

    return asyncio.run(run())


def child_app_floor(p: dict) -> dict:
    """Textual's own floor: an app of one Input and one Static, launched and typed into like
    ``child_app`` in ``immediate`` mode. No index, no newsbrowse code."""
    import asyncio

    started = p["started"]
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    word = "".join(p["keys"])

    class Floor(App):
        def compose(self) -> ComposeResult:
            yield Input()
            yield Static(id="echo")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.query_one("#echo", Static).update(event.value)
            self.echoed = event.value

    async def run() -> dict:
        app = Floor()
        app.echoed = ""
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.press(*p["keys"])
            if not await _wait(pilot, lambda: app.echoed == word):
                return {"error": "the floor app never echoed the keys"}
            return {"answered_after_launch_s": time.time() - started}

    return asyncio.run(run())


def _answered(app: Any, word: str, before: tuple[int, str] | None) -> bool:
    """Whether the results list shows the answer to ``word`` (MainScreen.shown_query)."""
    shown = getattr(app.screen, "shown_query", None)
    if shown is not None or hasattr(app.screen, "shown_query"):
        return shown == word and _result_rows(app)[0] > 0
    rows = _result_rows(app)
    return rows[0] > 0 and rows != before


async def _wait(pilot: Any, done: Callable[[], bool], timeout: float = 60.0) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if done():
            return True
        await pilot.pause(0.005)
    return False


def _results_widget(app: Any) -> Any:
    """The results list: the ResultsList widget, else the first list-like widget."""
    try:
        from newsbrowse.tui.widgets.results import ResultsList  # type: ignore[import-not-found]

        found = app.screen.query(ResultsList)
        if found:
            return found.first()
    except Exception:
        pass
    for widget in app.screen.walk_children():
        if any(hasattr(widget, a) for a in ("row_count", "option_count")):
            return widget
    return None


def _result_rows(app: Any) -> tuple[int, str]:
    """(row count, first row's text) of the results list."""
    widget = _results_widget(app)
    if widget is None:
        return 0, ""
    for attr in ("row_count", "option_count"):
        if hasattr(widget, attr):
            count = getattr(widget, attr)
            first = ""
            if count:
                try:
                    first = str(
                        widget.get_row_at(0)
                        if attr == "row_count"
                        else widget.get_option_at_index(0).prompt
                    )
                except Exception:
                    first = ""
            return count, first
    children = list(widget.children)
    return len(children), str(children[0].render()) if children else ""


CHILD_TASKS: dict[str, Callable[[dict], dict]] = {
    "build": child_build,
    "bare_build": child_bare_build,
    "search": child_search,
    "extract": child_extract,
    "app": child_app,
    "app_floor": child_app_floor,
}


def child_main(task: str, params: str) -> int:
    try:
        result = CHILD_TASKS[task](json.loads(params))
    except Exception as exc:
        result = {"error": f"{exc.__class__.__name__}: {exc}"}
    print(RESULT_PREFIX + json.dumps(result), flush=True)
    return 0


# ============================================================================================
# Running children: wall time, peak memory (own maxrss and the sampled process tree).
# ============================================================================================


@dataclass
class ChildRun:
    """What one child process did."""

    result: dict
    wall_s: float
    maxrss_mb: float  # largest single process (the child or a descendant it waited for)
    tree_mb: float  # largest sampled sum of RSS over the child and its descendants
    cpu_s: float = 0.0  # user + system CPU of the child and the descendants it waited for

    @property
    def peak_mb(self) -> float:
        return max(self.maxrss_mb, self.tree_mb)

    @property
    def error(self) -> str | None:
        return self.result.get("error")


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def _tree_rss_mb(pid: int) -> float:
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for p in _descendants(pid):
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * page
        except OSError:
            pass
    return total / 2**20


def run_child(task: str, params: dict, timeout: float = 7200) -> ChildRun:
    """Run ``task`` in a fresh interpreter; return its result, wall time and peak memory."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", task, json.dumps(params)]
    return run_process(cmd, timeout, parse=True)


def run_process(cmd: list[str], timeout: float = 7200, *, parse: bool = False) -> ChildRun:
    """Run a command, sampling its tree's memory; ``parse`` reads a child task's JSON."""
    out_path = Path(f"/tmp/nb-bench-{os.getpid()}-{time.monotonic_ns()}.out")
    peak = 0.0
    with out_path.open("wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=_child_env())
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.02):
                peak = max(peak, _tree_rss_mb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = out_path.read_text(errors="replace")
    out_path.unlink()
    result: dict = {"returncode": proc.returncode, "output": text}
    if parse:
        lines = [x for x in text.splitlines() if x.startswith(RESULT_PREFIX)]
        if lines:
            result = json.loads(lines[-1][len(RESULT_PREFIX) :])
        else:
            tail = text.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
            result = {"error": f"child failed: {tail[0]}"}
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(result, wall, usage.ru_maxrss / 1024, peak, cpu)


def _child_env() -> dict[str, str]:
    return dict(os.environ)  # bytecode kept: see use_bytecode_cache()


def use_bytecode_cache(*pythons: str) -> None:
    """Let every process measured (this one's children, the app in the terminal) use
    compiled bytecode, as an installed newsbrowse does: pip compiles it at install, or
    Python writes it on first import. With PYTHONDONTWRITEBYTECODE (set in some shells) every
    fresh process compiled all of newsbrowse's modules from source again: ~0.4 s of CPU in
    every command, every launch of the app and every build worker, which bare Whoosh (compiled
    at install) never paid. Compiled once here, up front (into the ``__pycache__`` folders git
    ignores): this checkout's, and the checkout each of ``pythons`` imports."""
    import compileall

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    for package in ("index", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    for python in pythons:
        subprocess.run([python, "-c", _COMPILE_ENGINE], check=True, env=_child_env())


# The newsbrowse that a Python imports, compiled (its ``index`` and ``tui`` packages).
_COMPILE_ENGINE = (
    "import compileall, os, newsbrowse.index, newsbrowse.tui\n"
    "for package in (newsbrowse.index, newsbrowse.tui):\n"
    "    compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)"
)


# ============================================================================================
# Corpus and query selection.
# ============================================================================================


def ensure_corpus(work: Path, n: int, seed: int) -> tuple[Path, float | None]:
    """The generated corpus for (n, seed), generated now unless already complete."""
    corpus = work / f"corpus-{n}-s{seed}"
    stamp = work / f"corpus-{n}-s{seed}.complete"
    fingerprint = str(Path(generate.__file__).stat().st_size)
    if stamp.exists() and stamp.read_text() == fingerprint and corpus.is_dir():
        return corpus, None
    shutil.rmtree(corpus, ignore_errors=True)
    t = time.perf_counter()
    generate.generate(corpus, n, seed, jobs=os.cpu_count() or 1)
    seconds = time.perf_counter() - t
    stamp.write_text(fingerprint)
    return corpus, seconds


def _read_sample(corpus: Path, n: int, seed: int, limit: int = 2000) -> list[str]:
    step = max(1, n // limit)
    texts = []
    for i in range(0, n, step):
        raw = (corpus / generate.relpath(seed, i)).read_bytes()
        texts.append(raw.decode("utf-8", errors="replace").lower())
    return texts


_WORD = re.compile(r"[^\W\d_]+")


def _pick(freq: Counter[str], docs: int, candidates: Iterable[str], k: int) -> dict[str, list[str]]:
    """For each band, the k candidates whose document share is nearest the band's target."""
    import math

    out: dict[str, list[str]] = {}
    pool = [c for c in candidates if freq[c] > 0]
    for band, target in BANDS.items():
        floor = max(target, 1 / docs)  # a rare word still has to occur in the sample
        ranked = sorted(pool, key=lambda c: (abs(math.log(freq[c] / docs / floor)), _shuffled(c)))
        out[band] = ranked[:k]
        pool = [c for c in pool if c not in out[band]]
    return out


def choose_queries(corpus: Path, n: int, seed: int) -> dict:
    """Query words, phrases and speakers at common, mid and rare frequencies."""
    texts = _read_sample(corpus, n, seed)
    docs = len(texts)
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in texts:
        tokens = _WORD.findall(text)
        words.update(set(tokens))
        pairs.update(
            {
                f"{a} {b}"
                for a, b in itertools.pairwise(tokens)
                if a not in STOPWORDS and b not in STOPWORDS and len(a) > 3 and len(b) > 3
            }
        )
    world = generate.World(seed)
    vocab = {w.lower() for w in _vocabulary(world) if w.isalpha() and len(w) > 4}
    vocab -= STOPWORDS
    picked_words = _pick(words, docs, sorted(vocab), 3)
    picked_pairs = _pick(pairs, docs, sorted(pairs), 3)
    ranks = {"common": 0, "mid": 40, "rare": 300}
    speakers = {
        band: [world.speakers[r + j].last[0].lower() for j in range(3)] for band, r in ranks.items()
    }
    return {
        "sample_docs": docs,
        "words": picked_words,
        "word_share": {w: words[w] / docs for ws in picked_words.values() for w in ws},
        "phrases": picked_pairs,
        "phrase_share": {p: pairs[p] / docs for ps in picked_pairs.values() for p in ps},
        "speakers": speakers,
    }


def _vocabulary(world: generate.World) -> list[str]:
    verbs = [f for v in generate.VERBS for f in v.split("|")]
    villages = world.slots["v"].items
    return [
        *generate.NOUNS,
        *generate.ADJECTIVES,
        *verbs,
        *generate.PLACES,
        *generate.RARE_NOUNS,
        *villages,
    ]


def _shuffled(text: str) -> str:
    """A stable pseudo-random sort key (ties broken without favouring the alphabet)."""
    return hashlib.md5(text.encode()).hexdigest()


def _typo(word: str) -> str:
    """Swap two letters in the middle: what a fuzzy query is for."""
    i = len(word) // 2
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def build_queries(sel: dict) -> list[dict]:
    """The query list for the warm-search child: type, band, text and search() arguments."""
    plain = {"sort": "relevance", "facets": False}
    out = []

    def add(kind: str, band: str, query: str, **kwargs: Any) -> None:
        out.append({"type": kind, "band": band, "query": query, "kwargs": plain | kwargs})

    w = sel["words"]
    for band, words in w.items():
        for word in words:
            add("word", band, word)
            add("prefix", band, word[: max(3, len(word) - 3)] + "*")
            add("fuzzy", band, _typo(word) + "~")
            add("date sort", band, word, sort="date")
            add("facets", band, word, facets=True)
    c, m, r = w["common"], w["mid"], w["rare"]
    for band, (a, b) in [
        ("common", (c[0], c[1])),
        ("common", (c[1], c[2])),
        ("common", (c[2], c[0])),
        ("mid", (c[0], m[0])),
        ("mid", (m[1], m[2])),
        ("mid", (c[1], m[1])),
        ("rare", (c[0], r[0])),
        ("rare", (m[0], r[1])),
        ("rare", (r[1], r[2])),
    ]:
        add("and", band, f"{a} {b}")
    for band, phrases in sel["phrases"].items():
        for phrase in phrases:
            add("phrase", band, f'"{phrase}"')
    for band, names in sel["speakers"].items():
        for name in names:
            add("speaker", band, f"speaker:{name}")
    return out


# ============================================================================================
# Measurements for one size.
# ============================================================================================


@dataclass
class SizeResult:
    """Everything measured at one corpus size (JSON-friendly)."""

    n: int
    corpus_mb: float = 0.0
    generate_s: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def log(msg: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def measure_size(n: int, args: argparse.Namespace) -> SizeResult:
    """Run every measurement at corpus size ``n``."""
    work: Path = args.work
    seed: int = args.seed
    res = SizeResult(n)
    m = res.metrics
    corpus, gen_s = ensure_corpus(work, n, seed)
    res.generate_s = gen_s
    res.corpus_mb = _dir_mb(corpus)
    log(f"n={n}: corpus {corpus} ({res.corpus_mb:.0f} MB)")

    # ---- full build, fresh index dir each time, beside bare Whoosh on the same files ----
    index = work / f"index-{n}-s{seed}"
    bare_index = work / f"bare-{n}-s{seed}"
    builds, bares, references = [], [], []
    # A 10k build before a big one and after each, for "≤ 10× the 10k build": this shared
    # host's speed drifts by a quarter within minutes (the same 10k build took 24.1 s just
    # before a 100k build and 31.4 s just after it; bare Whoosh's 30.0 s at 11:28 and 38.5 s at
    # 11:40), so a 10k build from another run, or from before the big build only, measures the
    # host's drift as much as the build's. Each big build is judged against the two beside it,
    # and the ratio reported is the median over the repeats, as every other build figure is.
    reference = n >= 50_000 and not args.no_reference
    if reference:
        references.append(_reference_build(work, seed, "before"))
    for rep in range(args.build_repeats):
        if not args.no_bare:
            shutil.rmtree(bare_index, ignore_errors=True)
            bare = run_child("bare_build", {"corpus": str(corpus), "index": str(bare_index)})
            log(f"n={n}: bare Whoosh build {rep + 1}/{args.build_repeats}: {_summary(bare)}")
            bares.append(bare)
        shutil.rmtree(index, ignore_errors=True)
        run = run_child("build", {"corpus": str(corpus), "index": str(index)})
        log(f"n={n}: build {rep + 1}/{args.build_repeats}: {_summary(run)}")
        builds.append(run)
        if reference:
            references.append(_reference_build(work, seed, f"after build {rep + 1}"))
        if run.error:
            break
    shutil.rmtree(bare_index, ignore_errors=True)
    m["build"] = _runs(builds)
    m["bare_build"] = _runs(bares)
    if references:
        m["reference_build"] = _runs(references)
        m["reference_ratios"] = _ratios_beside(builds, references)
    if builds[-1].error:
        res.notes.append(f"build failed: {builds[-1].error}")
        return res
    m["index_mb"] = _dir_mb(index)

    # ---- no-op and incremental updates, fresh process each ----
    m["update_none"] = _runs([run_child("build", {"corpus": str(corpus), "index": str(index)})])
    rev = 0
    for label, count in (("update_1", 1), ("update_100", 100)):
        runs = []
        for rep in range(args.update_repeats):
            rev += 1
            step = max(1, n // count)
            indices = [(rep * 7 + i * step) % n for i in range(count)]
            generate.rewrite(corpus, indices, seed, revision=rev)
            runs.append(run_child("build", {"corpus": str(corpus), "index": str(index)}))
            changed = runs[-1].result.get("report", {}).get("changed")
            if changed not in (None, count):
                res.notes.append(f"{label}: the update reported {changed} changed, not {count}")
        m[label] = _runs(runs)
        log(f"n={n}: {label}: {_summary(runs[-1])}")

    # ---- queries ----
    sel = choose_queries(corpus, n, seed)
    m["selection"] = sel
    queries = build_queries(sel)

    # ---- cold search through the CLI ----
    # the command installed beside this Python (the code measured), not whichever is on PATH
    beside = Path(sys.executable).with_name("newsbrowse")
    cli = str(beside) if beside.exists() else shutil.which("newsbrowse") or "newsbrowse"
    word = sel["words"]["mid"][0]
    cmd = [cli, "--corpus", str(corpus), "--index-dir", str(index), "search", word, "--json"]
    m["cli_command"] = shlex.join(
        ["newsbrowse", "--corpus", "CORPUS", "--index-dir", "INDEX", "search", word, "--json"]
    )
    run_process(cmd)  # warm the page cache; not counted
    cli_runs = [run_process(cmd) for _ in range(5)]
    bad = [r for r in cli_runs if r.result["returncode"] != 0 or not _is_json(r.result["output"])]
    m["cli_search"] = {
        "walls": [r.wall_s for r in cli_runs],
        "cpu": [r.cpu_s for r in cli_runs],
        "peak_mb": max(r.peak_mb for r in cli_runs),
    }
    if bad:
        m["cli_search"]["error"] = bad[0].result["output"].strip()[-300:] or "no output"
    log(f"n={n}: CLI search: median {_median(m['cli_search']['walls']):.3f} s")

    # ---- warm search ----
    rounds = max(1, -(-args.runs // 9))  # 9 queries per type
    run = run_child(
        "search", {"corpus": str(corpus), "index": str(index), "queries": queries, "rounds": rounds}
    )
    m["search_peak_mb"] = run.peak_mb
    if run.error:
        res.notes.append(f"warm search failed: {run.error}")
    else:
        m["search"] = _search_stats(queries, run.result)
        for kind in QUERY_TYPES:
            s = m["search"].get(kind, {})
            if s.get("error"):
                res.notes.append(
                    f"search `{kind}`: {s['failed']} queries failed, e.g. {s['error']}"
                )
            if "p95_ms" in s:
                log(f"n={n}: search {kind:9s}: p50 {s['p50_ms']:.1f} ms  p95 {s['p95_ms']:.1f} ms")

    # ---- grep baseline ----
    m["grep"] = grep_baseline(corpus, [w for ws in sel["words"].values() for w in ws])
    log(f"n={n}: grep median {m['grep']['median_s']:.3f} s")

    # ---- quote extraction ----
    run = run_child(
        "extract", {"corpus": str(corpus), "index": str(index), "sample": args.extract_sample}
    )
    m["extract"] = run.result
    log(f"n={n}: extraction: {run.result}")

    # ---- app: in a real terminal (the end-to-end harness), then through Pilot ----
    word = sel["words"]["mid"][1]
    total = next(
        (q["total"] for q in _get(m, "search", "word", "queries") or [] if q["query"] == word),
        None,
    )
    home = work / "terminal-home"
    m["terminal"] = measure_terminal(corpus, index, word, total, home, args.app_repeats)
    log(f"n={n}: app in a terminal: {_brief(m['terminal'])}")
    if not args.quick:
        # the same while the app's update works on 1% of the files, rewritten meanwhile
        count = max(100, n // 100)
        generate.rewrite(corpus, range(0, n, max(1, n // count)), seed, revision=99)
        m["terminal_updating"] = measure_terminal(
            corpus, index, word, total, home, 1, updating=count
        )
        log(f"n={n}: app in a terminal, during an update: {_brief(m['terminal_updating'])}")
        generate.rewrite(corpus, range(0, n, max(1, n // count)), seed, revision=0)
        if not args.no_pilot:
            m["app"] = measure_app(corpus, index, word, repeats=args.app_repeats)
            log(f"n={n}: app through Pilot: {_brief(m['app'])}")

    # leave the corpus as generated (the edits above were for the update runs)
    generate.rewrite(corpus, sorted(_edited(n, args.update_repeats)), seed, revision=0)
    return res


def _edited(n: int, repeats: int) -> set[int]:
    out: set[int] = set()
    for count in (1, 100):
        step = max(1, n // count)
        for rep in range(repeats):
            out.update((rep * 7 + i * step) % n for i in range(count))
    return out


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _summary(run: ChildRun) -> str:
    if run.error:
        return f"ERROR {run.error}"
    secs = run.result.get("seconds")
    cpu = run.result.get("cpu_s", 0.0)
    return (
        f"{secs:.2f} s in process ({cpu:.2f} s CPU), {run.wall_s:.2f} s wall, "
        f"{run.cpu_s:.1f} s CPU all processes, peak {run.peak_mb:.0f} MB"
    )


def _reference_build(work: Path, seed: int, when: str) -> ChildRun:
    """A full build of the 10,000-article corpus, beside a bigger one (see measure_size)."""
    corpus, _ = ensure_corpus(work, REFERENCE_N, seed)
    index = work / f"index-reference-{REFERENCE_N}-s{seed}"
    shutil.rmtree(index, ignore_errors=True)
    run = run_child("build", {"corpus": str(corpus), "index": str(index)})
    shutil.rmtree(index, ignore_errors=True)
    log(f"reference {REFERENCE_N} build {when}: {_summary(run)}")
    return run


def _ratios_beside(builds: list[ChildRun], references: list[ChildRun]) -> dict:
    """Each big build's time over the mean of the two 10k builds beside it (before and
    after), in wall and in CPU time; a build or a yardstick that failed gives none."""
    wall, cpu = [], []
    for i, build in enumerate(builds):
        beside = references[i : i + 2]
        if build.error or any(r.error for r in beside):
            continue
        wall.append(2 * build.result["seconds"] / sum(r.result["seconds"] for r in beside))
        cpu.append(2 * build.cpu_s / sum(r.cpu_s for r in beside))
    return {"wall": wall, "cpu": cpu}


def _runs(runs: list[ChildRun]) -> dict:
    ok = [r for r in runs if not r.error]
    out: dict[str, Any] = {"runs": len(runs)}
    if ok:
        out["seconds"] = _median([r.result["seconds"] for r in ok])
        out["all_seconds"] = [r.result["seconds"] for r in ok]
        out["wall_s"] = _median([r.wall_s for r in ok])
        out["cpu_s"] = _median([r.result.get("cpu_s", 0.0) for r in ok])
        out["tree_cpu_s"] = _median([r.cpu_s for r in ok])
        out["import_s"] = _median([r.result["import_s"] for r in ok])
        out["peak_mb"] = max(r.peak_mb for r in ok)
        out["maxrss_mb"] = max(r.maxrss_mb for r in ok)
        out["report"] = ok[-1].result.get("report")
    if len(ok) < len(runs):
        out["error"] = next(r.error for r in runs if r.error)
    return out


def _search_stats(queries: list[dict], result: dict) -> dict:
    """Per query type: p50, p95 and max over every run of its queries; failures listed."""
    by_type: dict[str, dict] = {}
    for i, q in enumerate(queries):
        entry = by_type.setdefault(q["type"], {"times": [], "cpu": [], "queries": []})
        times = result["times"][str(i)]
        entry["times"].extend(times)
        entry["cpu"].extend(result.get("cpu", {}).get(str(i), []))
        entry["queries"].append(
            {
                "query": q["query"],
                "band": q["band"],
                "total": result["totals"].get(str(i)),
                "p50_ms": 1000 * _median(times) if times else None,
                "error": result["errors"].get(str(i)),
            }
        )
    out = {}
    for kind, entry in by_type.items():
        t = entry["times"]
        failed = [q for q in entry["queries"] if q["error"]]
        out[kind] = {"runs": len(t), "queries": entry["queries"], "failed": len(failed)}
        if t:
            out[kind] |= {
                "p50_ms": 1000 * _pct(t, 0.5),
                "p95_ms": 1000 * _pct(t, 0.95),
                "max_ms": 1000 * max(t),
            }
        if entry["cpu"]:
            c = entry["cpu"]
            out[kind] |= {"cpu_p50_ms": 1000 * _pct(c, 0.5), "cpu_p95_ms": 1000 * _pct(c, 0.95)}
        if failed:
            out[kind]["error"] = f"{failed[0]['query']}: {failed[0]['error']}"
    return out


def grep_baseline(corpus: Path, words: list[str], repeats: int = 3) -> dict:
    """``grep -c -i -w WORD -r DIR`` per word: median wall and CPU time, files matched."""
    per_word = {}
    for word in words:
        runs = [
            run_process(["grep", "-c", "-i", "-w", word, "-r", str(corpus)]) for _ in range(repeats)
        ]
        out = runs[-1].result["output"]
        files = sum(1 for line in out.splitlines() if not line.endswith(":0"))
        per_word[word] = {
            "median_s": _median([r.wall_s for r in runs]),
            "cpu_s": _median([r.cpu_s for r in runs]),
            "files": files,
        }
    return {
        "words": per_word,
        "median_s": _median([v["median_s"] for v in per_word.values()]),
        "cpu_s": _median([v["cpu_s"] for v in per_word.values()]),
        "locale": os.environ.get("LC_ALL") or os.environ.get("LANG", ""),
    }


def measure_terminal(
    corpus: Path,
    index: Path,
    word: str,
    total: int | None,
    home: Path,
    repeats: int,
    updating: int = 0,
) -> dict:
    """The installed app in a pseudo-terminal (tests/e2e/terminal.py), as a person meets it:
    launch → the first result rows on the screen; then the word typed (10 ms a key) → the
    search line shows its count, from the last key. ``updating``: that many files were
    changed, so the app's update runs meanwhile (the answer is timed once the header says
    it is indexing). Wall times, with the app process's CPU time over the same steps."""
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    try:
        from terminal import Terminal  # type: ignore[import-not-found]
    except ImportError as exc:
        return {"error": f"not measured: the end-to-end harness is missing ({exc})"}
    if total is None:
        return {"error": "not measured: no count for the word from the warm search"}
    from newsbrowse.tui.widgets.search_bar import DEBOUNCE  # type: ignore[import-not-found]

    args = ["--corpus", str(corpus), "--index-dir", str(index)]
    runs = [_terminal_launch(Terminal(args, home), word, total, updating) for _ in range(repeats)]
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return {"error": runs[-1]["error"], "runs": runs}
    summary: dict[str, Any] = {"runs": runs, "query": word, "updating": updating}
    for key in ("first_rows_s", "first_rows_cpu_s", "answer_s", "answer_cpu_s"):
        summary[key] = _median([r[key] for r in ok])
    summary["after_debounce_s"] = summary["answer_s"] - DEBOUNCE
    summary["debounce_s"] = DEBOUNCE
    summary["peak_mb"] = max(r["peak_mb"] for r in ok)
    if updating:
        summary["still_indexing"] = all(r.get("still_indexing") for r in ok)
    return summary


def _terminal_launch(term: Any, word: str, total: int, updating: int) -> dict:
    """One launch of :func:`measure_terminal`.

    Keys go to the app as soon as they are sent (pexpect's default 50 ms sleep before each
    send is off: it was timed as the app's). The answer is the search line showing the
    word with its count: the warm search's, or (while an update changes files) any stats
    other than those shown with the echo of the last key (the previous query's, not yet
    replaced)."""
    from newsbrowse.tui.widgets.search_bar import DEBOUNCE  # type: ignore[import-not-found]

    def stats_line(typed: str) -> re.Pattern[str]:  # groups: the stats, the count
        return re.compile(rf"(?m)^ / {re.escape(typed)}\s+(([\d,]+) articles? · \d+ ms)$")

    typed, answer = stats_line(word[:-1]), stats_line(word)
    out: dict[str, Any] = {}
    try:
        out["first_rows_s"] = term.measure(
            term.start, lambda _: term.pane_has_text("Results"), timeout=300
        )
        term.child.delaybeforesend = None
        pid = term.child.pid
        out["first_rows_cpu_s"] = _proc_cpu(pid)
        if updating:
            term.wait_for("indexing", timeout=120, what="the update's progress")
        term.press("/")  # the app starts on the results; / moves to the search line
        term.type(word[:-1])
        term.wait_for(typed, timeout=30, what="the typed word")
        echoed: list[str] = []  # the stats shown with the last key's echo, before its answer

        def answered(text: str) -> bool:
            found = answer.search(text)
            if found is None:
                return False
            if not updating:
                return found[2] == f"{total:,}"
            # While the update changes files, the count may differ from the warm search's:
            # the answer is the first change after the echo of the last key (the debounce
            # holds it back, and the app shows no answer to a query typed past).
            if not echoed:
                echoed.append(found[1])
                return False
            return found[1] != echoed[0]

        cpu = _proc_cpu(pid)
        out["answer_s"] = term.measure(lambda: term.press(word[-1]), answered, timeout=120)
        out["answer_cpu_s"] = _proc_cpu(pid) - cpu
        out["after_debounce_s"] = out["answer_s"] - DEBOUNCE
        if updating:
            out["still_indexing"] = "indexing" in term.screen_text()
        out["peak_mb"] = _proc_peak_mb(pid)
    except Exception as exc:  # a timeout holds the whole screen: keep its first line
        out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        term.close()
    return out


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (all its threads) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_peak_mb(pid: int) -> float:
    """The largest resident size process ``pid`` has had (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _brief(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "runs"}


def measure_app(corpus: Path, index: Path, word: str, repeats: int = 3) -> dict:
    """The app on a warm index, ``repeats`` launches per mode; medians."""
    import importlib.util

    try:
        if importlib.util.find_spec("newsbrowse.tui.app") is None:
            return {"error": "not measured: newsbrowse.tui.app does not exist yet"}
    except Exception as exc:
        return {"error": f"not measured: {exc}"}
    runs: dict[str, list[dict]] = {"after_rows": [], "immediate": []}
    for mode in ("after_rows", "immediate") * repeats:
        params = {"corpus": str(corpus), "index": str(index), "keys": list(word), "mode": mode}
        run = run_child("app", params | {"started": time.time()}, timeout=300)
        if run.error:
            return {"error": f"not measured: {run.error}"}
        runs[mode].append(run.result | {"peak_mb": run.peak_mb})
    after, immediate = runs["after_rows"], runs["immediate"]
    floors = []
    for _ in range(repeats):
        params = {"keys": list(word), "started": time.time()}
        run = run_child("app_floor", params, timeout=300)
        if not run.error and "answered_after_launch_s" in run.result:
            floors.append(run.result["answered_after_launch_s"])
    return {
        "floor_s": _median(floors) if floors else None,
        "first_rows_s": _median([r["first_rows_s"] for r in after]),
        "answer_s": _median([r["answer_s"] for r in after]),
        "after_last_key_s": _median([r["after_last_key_s"] for r in after]),
        "answered_after_launch_s": _median([r["answered_after_launch_s"] for r in immediate]),
        "import_s": _median([r["import_s"] for r in after + immediate]),
        "mounted_s": _median([r["mounted_s"] for r in after + immediate]),
        "peak_mb": max(r["peak_mb"] for r in after + immediate),
        "widget": after[-1].get("widget"),
        "query": word,
        "runs": runs,
    }


# ============================================================================================
# Report.
# ============================================================================================


def code_state() -> dict:
    """Commit, newest mtime of the engine and app sources, load average: to spot a moving tree."""

    def newest(pattern: str) -> int:
        return max((f.stat().st_mtime_ns for f in ROOT.glob(pattern)), default=0)

    commit = _commit()
    return {
        "commit": commit,
        "code": {"commit": commit, "index/": newest("index/*.py"), "tui/": newest("tui/**/*.py")},
        "load": [round(x, 2) for x in os.getloadavg()],
    }


def _commit() -> str:
    """This tree's commit, or ``NB_BENCH_COMMIT`` when the runner times another checkout's
    engine (run with that checkout's Python: the children import its ``newsbrowse``)."""
    return (
        os.environ.get("NB_BENCH_COMMIT")
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    )


def machine() -> dict:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(
            line
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem_gib = int(mem.split()[1]) / 2**20
    except (OSError, StopIteration):
        mem_gib = 0.0
    commit = _commit()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "index", "tui"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    try:
        from importlib.metadata import version

        whoosh = version("whoosh3")
    except Exception:
        whoosh = "?"
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(mem_gib, 1),
        "cpu": model,
        "python": platform.python_version(),
        "whoosh": whoosh,
        "kernel": platform.release(),
        "commit": commit + (" + uncommitted engine/app files" if dirty else ""),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _s(x: float | None, unit: str = "s", digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f} {unit}"


def _get(d: dict, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


@dataclass
class Target:
    """One target: the measured figure (wall clock) and, where it exists, its CPU-time twin.

    The machine is shared with other work, so wall times can include waiting for a core; CPU
    time is what the same work costs on an idle machine (minus I/O waits).
    """

    label: str
    limit: float
    unit: str
    wall: float | None
    cpu: float | None = None
    higher_is_better: bool = False
    judged_on_cpu: bool = False  # a CPU-time target (search): the wall time is shown beside

    @property
    def verdict(self) -> bool | None:
        return self.passed(self.cpu if self.judged_on_cpu else self.wall)

    def passed(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return value >= self.limit if self.higher_is_better else value <= self.limit

    def show(self, value: float | None) -> str:
        if value is None:
            return "—"
        if self.unit == "×":  # two places near a limit of a few: "1.02×" fails, "1.0×" hid why
            return f"{value:.2f}×" if value < 20 else f"{value:.1f}×"
        digits = 0 if self.unit in ("MB",) else 1 if self.unit == "ms" or value >= 10 else 2
        return f"{value:.{digits}f} {self.unit}"


def targets(results: list[SizeResult]) -> list[Target]:
    """The targets of issue 14 that apply to the measured sizes."""
    out: list[Target] = []
    by_n = {r.n: r.metrics for r in results}
    m = by_n.get(10_000)
    if m is not None:
        out.append(
            Target(
                "10k: full build ≤ bare Whoosh's writer(procs=2) on title+body, same run",
                1.0,
                "×",
                _ratio(_get(m, "build", "seconds"), _get(m, "bare_build", "seconds")),
                _ratio(_get(m, "build", "tree_cpu_s"), _get(m, "bare_build", "tree_cpu_s")),
            )
        )
        out.append(
            Target("10k: full build peak memory ≤ 350 MB", 350, "MB", _get(m, "build", "peak_mb"))
        )
        for kind in QUERY_TYPES:
            out.append(
                Target(
                    f"10k: search p95 ≤ 30 ms CPU ({kind})",
                    30,
                    "ms",
                    _get(m, "search", kind, "p95_ms"),
                    _get(m, "search", kind, "cpu_p95_ms"),
                    judged_on_cpu=True,
                )
            )
        grep, grep_cpu = _get(m, "grep", "median_s"), _get(m, "grep", "cpu_s")
        warm, warm_cpu = (
            _get(m, "search", "word", "p50_ms"),
            _get(m, "search", "word", "cpu_p50_ms"),
        )
        out.append(
            Target(
                "10k: warm `word` p50 ≥ 10× faster than grep -c -i -w",
                10,
                "×",
                _ratio(grep, warm / 1000 if warm else None),
                _ratio(grep_cpu, warm_cpu / 1000 if warm_cpu else None),
                higher_is_better=True,
            )
        )
        out.append(
            Target(
                "10k: 1 changed file ≤ 0.3 s",
                0.3,
                "s",
                _get(m, "update_1", "seconds"),
                _get(m, "update_1", "cpu_s"),
            )
        )
        out.append(
            Target(
                "10k: app first rows ≤ 0.8 s after launch (real terminal)",
                0.8,
                "s",
                _get(m, "terminal", "first_rows_s"),
            )
        )
        out.append(
            Target(
                "10k: app results ≤ 100 ms after the debounce (real terminal)",
                0.1,
                "s",
                _get(m, "terminal", "after_debounce_s"),
            )
        )
    m = by_n.get(100_000)
    if m is not None:
        ten = by_n.get(10_000)
        beside = m.get("reference_build") or {}
        ratios = m.get("reference_ratios") or {}
        name = "100k: full build ≤ 10× the 10k build"
        if ratios.get("wall"):  # each build over the 10k builds beside it; the median
            wall_ratio, cpu_ratio = _median(ratios["wall"]), _median(ratios["cpu"])
            name += " (the 10k built just before and after each)"
        else:  # results from before the yardstick was built beside each big build
            if beside.get("seconds"):
                wall, cpu = beside["seconds"], beside["tree_cpu_s"]
                name += " (the 10k built just before and after)"
            else:
                wall, cpu = (
                    _get(ten or {}, "build", "seconds"),
                    _get(ten or {}, "build", "tree_cpu_s"),
                )
            wall_ratio = _ratio(_get(m, "build", "seconds"), wall)
            cpu_ratio = _ratio(_get(m, "build", "tree_cpu_s"), cpu)
        out.append(Target(name, 10, "×", wall_ratio, cpu_ratio))
        cli = m.get("cli_search") or {}
        walls, cpus = cli.get("walls"), cli.get("cpu")
        out.append(
            Target(
                "100k: CLI search from a fresh process ≤ 1 s",
                1,
                "s",
                _median(walls) if walls and not cli.get("error") else None,
                _median(cpus) if cpus and not cli.get("error") else None,
            )
        )
        for kind in QUERY_TYPES:
            out.append(
                Target(
                    f"100k: search p95 ≤ 150 ms ({kind})",
                    150,
                    "ms",
                    _get(m, "search", kind, "p95_ms"),
                    _get(m, "search", kind, "cpu_p95_ms"),
                    judged_on_cpu=True,
                )
            )
        out.append(
            Target(
                "100k: app first rows ≤ 1 s after launch (real terminal)",
                1,
                "s",
                _get(m, "terminal", "first_rows_s"),
            )
        )
        out.append(
            Target(
                "100k: app answers a typed word ≤ 0.2 s after the debounce, index up to date",
                0.2,
                "s",
                _get(m, "terminal", "after_debounce_s"),
            )
        )
        out.append(
            Target(
                "100k: the same while an update runs",
                0.2,
                "s",
                _get(m, "terminal_updating", "after_debounce_s"),
            )
        )
        peaks = [
            _get(m, "build", "peak_mb"),
            _get(m, "search_peak_mb"),
            _get(m, "terminal", "peak_mb"),
            _get(m, "app", "peak_mb"),
        ]
        peaks = [p for p in peaks if p]
        out.append(
            Target(
                "100k: peak memory ≤ 1 GB (any process tree)",
                1024,
                "MB",
                max(peaks) if peaks else None,
            )
        )
    return out


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def _verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else "pass" if ok else "**FAIL**"


def _cell(fn: Callable[[], str]) -> str:
    """A table cell; a missing measurement shows as a dash."""
    try:
        return fn()
    except (KeyError, TypeError, ValueError, ZeroDivisionError, statistics.StatisticsError):
        return "—"


def _latency_cell(stats: dict) -> str:
    failed = f" ({stats['failed']} of {len(stats['queries'])} queries failed)" * bool(
        stats.get("failed")
    )
    if "p95_ms" not in stats:
        return "error" + failed
    cpu = ""
    if "cpu_p95_ms" in stats:
        cpu = f" (CPU {stats['cpu_p50_ms']:.1f} / {stats['cpu_p95_ms']:.1f})"
    return f"{stats['p50_ms']:.1f} / {stats['p95_ms']:.1f} ms{cpu}" + failed


def size_rows(r: SizeResult) -> list[tuple[str, str]]:
    """The (measure, value) rows of one corpus size, in table order."""
    m = r.metrics
    build, search, app, extract = (m.get(k) or {} for k in ("build", "search", "app", "extract"))
    bare, term, busy = (m.get(k) or {} for k in ("bare_build", "terminal", "terminal_updating"))
    cli, grep = m.get("cli_search") or {}, m.get("grep") or {}

    def secs(key: str) -> str:
        v = m[key]
        if "seconds" not in v:
            return f"error: {v['error']}"
        return f"{v['seconds']:.2f} s (CPU {v['cpu_s']:.2f} s)"

    def speedup(seconds: float) -> str:
        return f"{grep['median_s'] / seconds:.1f}×"

    rows = [
        ("commit measured", lambda: f"`{m['commit']}`"),
        ("load average at start / end", lambda: f"{m['load']['start'][0]} / {m['load']['end'][0]}"),
        ("corpus on disk", lambda: f"{r.corpus_mb:.0f} MB"),
        ("generate corpus", lambda: f"{r.generate_s:.1f} s" if r.generate_s else "cached"),
        (
            "full build (open + update, fresh index)",
            lambda: f"{build['seconds']:.2f} s (CPU {build['tree_cpu_s']:.1f} s, all processes)",
        ),
        ("full build: process wall incl. imports", lambda: f"{build['wall_s']:.2f} s"),
        ("full build: peak memory", lambda: f"{build['peak_mb']:.0f} MB"),
        (
            "bare Whoosh build, same files, same run (writer(procs=2), title+body)",
            lambda: (
                f"{bare['seconds']:.2f} s (CPU {bare['tree_cpu_s']:.1f} s, all processes), "
                f"peak {bare['peak_mb']:.0f} MB"
            ),
        ),
        (
            "full build ÷ bare Whoosh build",
            lambda: (
                f"{build['seconds'] / bare['seconds']:.2f}× "
                f"(CPU {build['tree_cpu_s'] / bare['tree_cpu_s']:.2f}×)"
            ),
        ),
        (
            "the 10k build before the first build and after each (the 100k ratio's yardstick)",
            lambda: (
                " / ".join(f"{v:.2f} s" for v in m["reference_build"]["all_seconds"])
                + f"; median {m['reference_build']['seconds']:.2f} s"
                f" (CPU {m['reference_build']['tree_cpu_s']:.1f} s)"
            ),
        ),
        (
            "each build ÷ the mean of the two 10k builds beside it (wall; CPU)",
            lambda: (
                " / ".join(f"{v:.2f}×" for v in m["reference_ratios"]["wall"])
                + "; CPU "
                + " / ".join(f"{v:.2f}×" for v in m["reference_ratios"]["cpu"])
            ),
        ),
        ("index size on disk", lambda: f"{m['index_mb']:.0f} MB"),
        ("update, nothing changed (fresh process)", lambda: secs("update_none")),
        ("update after 1 changed file", lambda: secs("update_1")),
        ("update after 100 changed files", lambda: secs("update_100")),
        (
            "search from a fresh process (CLI, median of 5)",
            lambda: (
                f"error: {cli['error']}"
                if cli.get("error")
                else f"{_median(cli['walls']):.2f} s (CPU {_median(cli['cpu']):.2f} s)"
            ),
        ),
    ]
    for kind in QUERY_TYPES:
        rows.append(
            (
                f"warm search `{kind}` p50 / p95",
                lambda k=kind: _latency_cell(search[k]),
            )
        )
    rows += [
        ("warm search: runs per type", lambda: str(min(v["runs"] for v in search.values()))),
        ("warm search process: peak memory", lambda: f"{m['search_peak_mb']:.0f} MB"),
        (
            "grep -c -i -w WORD -r (median, 9 words)",
            lambda: f"{grep['median_s']:.3f} s (CPU {grep['cpu_s']:.3f} s)",
        ),
        ("speed-up vs grep: warm `word` p50", lambda: speedup(search["word"]["p50_ms"] / 1000)),
        (
            "speed-up vs grep: fresh CLI process",
            lambda: "—" if cli.get("error") else speedup(_median(cli["walls"])),
        ),
        (
            "quote extraction, one core",
            lambda: (
                f"not measured: {extract['error']}"
                if extract.get("error")
                else f"{extract['articles'] / extract['seconds']:.0f} articles/s"
            ),
        ),
        (
            "app in a real terminal: launch → first rows",
            lambda: (
                term["error"]
                if term.get("error")
                else f"{term['first_rows_s']:.2f} s (CPU {term['first_rows_cpu_s']:.2f} s)"
            ),
        ),
        (
            "app in a real terminal: word typed → its count shown, after the debounce",
            lambda: (
                f"{term['after_debounce_s'] * 1000:.0f} ms "
                f"(+ {term['debounce_s'] * 1000:.0f} ms debounce; "
                f"CPU {term['answer_cpu_s'] * 1000:.0f} ms)"
            ),
        ),
        (
            "the same while the app's update re-indexes 1% of the files",
            lambda: (
                busy["error"]
                if busy.get("error")
                else f"{busy['after_debounce_s'] * 1000:.0f} ms "
                f"(CPU {busy['answer_cpu_s'] * 1000:.0f} ms; "
                f"{'update still running' if busy['still_indexing'] else 'update had ended'})"
            ),
        ),
        (
            "app in a real terminal: peak memory (its own process)",
            lambda: f"{term['peak_mb']:.0f} MB",
        ),
        (
            "app through Pilot: launch → first rows (all articles)",
            lambda: app["error"] if app.get("error") else f"{app['first_rows_s']:.2f} s",
        ),
        (
            "app through Pilot: word typed on a shown list → results, from first / last key",
            lambda: (
                f"{app['answer_s']:.2f} / "
                + (f"{app['after_last_key_s']:.2f} s" if "after_last_key_s" in app else "—")
            ),
        ),
        (
            "app through Pilot: keys typed at launch → results, from launch",
            lambda: f"{app['answered_after_launch_s']:.2f} s",
        ),
        (
            "app through Pilot: Textual floor (one Input app, same keys at launch → echoed)",
            lambda: f"{app['floor_s']:.2f} s",
        ),
        ("app through Pilot: peak memory", lambda: f"{app['peak_mb']:.0f} MB"),
    ]
    return [(label, _cell(fn)) for label, fn in rows]


def render(results: list[SizeResult], info: dict, command: str) -> str:
    """The Markdown report: machine, one column per size, targets, the queries used."""
    lines = [
        "# newsbrowse benchmarks",
        "",
        f"Command: `{command}`",
        "",
        "Each size was measured by (date UTC):",
        "",
        *(f"- {r.n:,}: `{r.metrics.get('command')}` ({r.metrics.get('date')})" for r in results),
        "",
        f"Machine: {info['cpus']} cores ({info['cpu']}), {info['memory_gib']} GiB RAM, "
        f"Linux {info['kernel']}, Python {info['python']}, whoosh3 {info['whoosh']}.  ",
        f"Date: {info['date']}. Commit: `{info['commit']}`.",
        "",
        "Times are medians; every engine measurement runs in a fresh child process. Peak memory "
        "is the larger of the process tree's sampled RSS sum and its ru_maxrss. The machine is "
        "shared: the load averages (1 min) at the start and end of each size are in the table.",
        "",
        "| measure | " + " | ".join(f"{r.n:,} articles" for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    columns = [size_rows(r) for r in results]
    for i, (label, _) in enumerate(columns[0] if columns else []):
        lines.append(f"| {label} | " + " | ".join(col[i][1] for col in columns) + " |")

    lines += [
        "",
        "## Targets",
        "",
        "Issue 14's targets. Search is judged on CPU time (what the same work costs on an idle "
        "machine: the machine is shared), everything else on wall-clock time; both are shown. "
        "The build is judged against bare Whoosh building the same files in the same run.",
        "",
        "| target | wall clock | CPU time | result |",
        "|---|---|---|---|",
    ]
    for t in targets(results):
        judged = " (on CPU time)" if t.judged_on_cpu else ""
        lines.append(
            f"| {t.label} | {t.show(t.wall)} | {t.show(t.cpu)} | {_verdict(t.verdict)}{judged} |"
        )

    lines += ["", "## Queries", ""]
    for r in results:
        sel = r.metrics.get("selection")
        if not sel:
            continue
        lines += [
            f"{r.n:,} articles (document shares from a {sel['sample_docs']}-file sample; "
            "grep = files matched in the whole corpus):",
            "",
        ]
        grep_files = {w: v["files"] for w, v in _get(r.metrics, "grep", "words").items()}
        for band in BANDS:
            words = ", ".join(
                f"`{w}` ({sel['word_share'][w]:.1%}, grep {grep_files.get(w, '?')})"
                for w in sel["words"][band]
            )
            phrases = ", ".join(
                f'`"{p}"` ({sel["phrase_share"][p]:.1%})' for p in sel["phrases"][band]
            )
            speakers = ", ".join(f"`speaker:{s}`" for s in sel["speakers"][band])
            lines.append(f"- {band}: {words}; phrases {phrases}; {speakers}")
        lines.append("")
    notes = [f"- {r.n:,}: {note}" for r in results for note in r.notes]
    if notes:
        lines += ["## Problems seen", "", *notes, ""]
    return "\n".join(lines).rstrip() + "\n"


def write_report(path: Path, text: str) -> None:
    """Write ``text``, keeping any hand-written notes after KEEP_MARKER."""
    kept = ""
    if path.exists():
        old = path.read_text()
        if KEEP_MARKER in old:
            kept = old[old.index(KEEP_MARKER) :]
    path.write_text(text + "\n" + (kept or KEEP_MARKER + "\n"))


# ============================================================================================


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1], argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--large", action="store_true", help="also run 100,000 (long)")
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/newsbrowse-bench"),
        help="corpora, indexes and raw results (default /tmp/newsbrowse-bench)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=36, help="warm searches per query type")
    parser.add_argument("--build-repeats", type=int, default=3)
    parser.add_argument("--update-repeats", type=int, default=3)
    parser.add_argument("--extract-sample", type=int, default=1000)
    parser.add_argument("--app-repeats", type=int, default=3, help="app launches per measure")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1,000 articles, each measure once, no Pilot: under 2 minutes, after every change "
        "to the engine (results kept apart, in WORK/quick)",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="measure nothing: rewrite the report from the results kept in --work",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="also report sizes measured by earlier runs (from --work)",
    )
    parser.add_argument(
        "--no-bare",
        action="store_true",
        help="skip the bare-Whoosh yardstick build (it doubles a 100,000 run)",
    )
    parser.add_argument(
        "--no-reference",
        action="store_true",
        help="skip the 10,000-article builds just before and after a build of 50,000 or more",
    )
    parser.add_argument(
        "--no-pilot",
        action="store_true",
        help="skip the Pilot runs (the app is still measured in a real terminal)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.large, args.work = [1000], False, args.work / "quick"
        args.build_repeats = args.update_repeats = args.app_repeats = 1
        args.runs, args.extract_sample = 18, 200
    sizes = sorted(set(args.sizes) | ({100_000} if args.large else set()))
    args.work.mkdir(parents=True, exist_ok=True)
    use_bytecode_cache()
    command = "python tests/benchmarks/run.py " + shlex.join(argv)
    info = machine()
    results: dict[int, SizeResult] = {}
    if args.report_only:
        sizes = []
    if args.merge or args.report_only:
        for f in args.work.glob(f"result-*-s{args.seed}.json"):
            data = json.loads(f.read_text())
            res = SizeResult(
                **{k: data[k] for k in ("n", "corpus_mb", "generate_s", "metrics", "notes")}
            )
            res.metrics.setdefault("command", data.get("command"))
            res.metrics.setdefault("date", data.get("machine", {}).get("date"))
            results[data["n"]] = res
    for n in sizes:
        before = code_state()
        res = measure_size(n, args)
        after = code_state()
        res.metrics["load"] = {"start": before["load"], "end": after["load"]}
        res.metrics["commit"] = after["commit"]
        res.metrics["command"], res.metrics["date"] = command, info["date"]
        changed = [k for k, v in before["code"].items() if after["code"][k] != v]
        if changed:
            res.notes.append(
                f"changed during this run: {', '.join(changed)} ({before['commit']} → "
                f"{after['commit']}); the figures may mix versions"
            )
        results[n] = res
        (args.work / f"result-{n}-s{args.seed}.json").write_text(
            json.dumps(res.__dict__ | {"machine": info, "command": command}, indent=1)
        )
    ordered = [results[n] for n in sorted(results)]
    text = render(ordered, info, command)
    print(text)
    for t in targets(ordered):
        ok = t.verdict
        verdict = "PASS" if ok else "not measured" if ok is None else "FAIL"
        cpu = f" (CPU time {t.show(t.cpu)})" if t.cpu is not None else ""
        print(f"{verdict}: {t.label}: {t.show(t.wall)}{cpu}")
    if args.out:
        write_report(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
