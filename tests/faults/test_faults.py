"""What happens to real files and processes: kills, races, odd files, files changing mid-build."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsbrowse.index.library import Library
from newsbrowse.index.store import build as build_module
from newsbrowse.index.store import store as store_module
from newsbrowse.index.store.build import ParallelBuild
from newsbrowse.index.store.scan import scan

pytestmark = pytest.mark.slow


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsbrowse.tui", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.01)


def test_build_killed_part_way_recovers(tmp_path: Path, make_corpus: Callable[..., Path]) -> None:
    corpus = make_corpus(tmp_path / "corpus", 1200)
    index = tmp_path / "index"
    proc = cli("--corpus", str(corpus), "--index-dir", str(index), "index", "--json")
    wait_for(lambda: (index / "MAIN_WRITELOCK").exists() or proc.poll() is not None)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    lib = Library(corpus, index)
    report = lib.update()
    assert lib.article_count == 1200
    assert report.added + report.unchanged == 1200
    assert lib.search("report").total == 1200
    lib.close()


def test_two_builders_at_once_both_finish(tmp_path: Path, make_corpus: Callable[..., Path]) -> None:
    corpus = make_corpus(tmp_path / "corpus", 300)
    index = tmp_path / "index"
    procs = [cli("--corpus", str(corpus), "--index-dir", str(index), "index", "--json")]
    procs.append(cli("--corpus", str(corpus), "--index-dir", str(index), "index", "--json"))
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        json.loads(out)
    lib = Library(corpus, index)
    report = lib.update()
    assert (report.added, report.changed) == (0, 0)  # one complete index already
    assert lib.article_count == 300
    lib.close()


def test_files_deleted_or_rewritten_during_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: Callable[..., Path]
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 30)
    prepare_module = importlib.import_module("newsbrowse.index.store.prepare")
    real_prepare = prepare_module.prepare
    calls = {"n": 0}

    def meddling_prepare(stat, root):
        calls["n"] += 1
        if calls["n"] == 5:
            (corpus / "a00020.txt").unlink()
            (corpus / "a00021.txt").write_text("Rewritten\n\nA new zebra text.\n", "utf-8")
        return real_prepare(stat, root)

    # the store imports prepare when it builds (a lazy import): patch it where it lives
    monkeypatch.setattr(prepare_module, "prepare", meddling_prepare)
    lib = Library(corpus, tmp_path / "index")
    report = lib.update()
    assert "a00020.txt" in dict(report.skipped)  # vanished mid-build: skipped, said why
    monkeypatch.undo()
    report = lib.update()  # the next update sees the truth
    assert lib.article_count == 29
    assert lib.search("zebra").total == 1
    assert "a00020.txt" not in dict(report.skipped)
    lib.close()


def test_a_fault_of_ours_on_one_file_skips_it_and_builds_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: Callable[..., Path]
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 10)
    (corpus / "odd.txt").write_text("Odd one\n\nA zebra text that trips a bug.\n", "utf-8")
    prepare_module = importlib.import_module("newsbrowse.index.store.prepare")
    real_extract = prepare_module.extract_quotes

    def buggy_extract(text, paragraphs):
        if "zebra" in text:
            raise TypeError("str object expected; got None")  # as a compiled module says it
        return real_extract(text, paragraphs)

    monkeypatch.setattr(prepare_module, "extract_quotes", buggy_extract)
    monkeypatch.delenv("NEWSBROWSE_DEBUG", raising=False)
    lib = Library(corpus, tmp_path / "index")
    report = lib.update()
    assert report.added == 10
    reason = dict(report.skipped)["odd.txt"]
    assert "internal error" in reason and "TypeError" not in reason
    assert lib.search("zebra").total == 0
    lib.close()
    stat = next(s for s in scan(corpus) if s.id == "odd.txt")
    monkeypatch.setenv("NEWSBROWSE_DEBUG", "1")
    with pytest.raises(TypeError):
        prepare_module.prepare(stat, corpus)


def test_odd_files_are_skipped_and_listed(tmp_path: Path, make_corpus: Callable[..., Path]) -> None:
    corpus = make_corpus(tmp_path / "corpus", 3)
    (corpus / "huge.txt").write_bytes(b"word " * (10 * 2**20))  # 50 MB
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2048))
    (corpus / "doc.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(512))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "nul.txt").write_bytes(b"abc\x00def" * 50)
    lib = Library(corpus, tmp_path / "index")
    report = lib.update()
    reasons = dict(report.skipped)
    assert set(reasons) == {"huge.txt", "photo.jpg", "doc.pdf", "empty.txt", "nul.txt"}
    assert "too large" in reasons["huge.txt"]
    assert "empty" in reasons["empty.txt"]
    assert all("binary" in reasons[f] for f in ("photo.jpg", "doc.pdf", "nul.txt"))
    assert lib.article_count == 3
    lib.close()


def test_legacy_encodings_are_indexed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ukr = "Київ заявив, що переговори тривають.\n\nЗеленський сказав: «Ми готові до миру».\n"
    (corpus / "ua.txt").write_bytes(ukr.encode("cp1251"))
    fr = "Le ministre a déclaré que la trêve était fragile.\n\nUne négociation à Genève.\n"
    (corpus / "fr.txt").write_bytes(fr.encode("latin-1"))
    de = "Die Außenministerin sagte, die Gespräche gingen weiter.\n"
    (corpus / "de.txt").write_bytes(de.encode("utf-16"))
    lib = Library(corpus, tmp_path / "index")
    report = lib.update()
    assert report.added == 3 and not report.skipped
    assert {h.article for h in lib.search("переговори").hits} == {"ua.txt"}
    assert {h.article for h in lib.search("treve").hits} == {"fr.txt"}
    assert {h.article for h in lib.search("Außenministerin").hits} == {"de.txt"}
    assert lib.article("ua.txt").text.startswith("Київ")
    lib.close()


def test_a_build_worker_killed_fails_the_build_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: Callable[..., Path]
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 20)
    lib = Library(corpus, tmp_path / "index")
    lib.update()
    make_corpus(tmp_path / "more", 900, seed=2)
    for path in (tmp_path / "more").iterdir():
        path.rename(corpus / f"more-{path.name}")
    builds: list[ParallelBuild] = []

    class RecordedBuild(ParallelBuild):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            builds.append(self)

    monkeypatch.setattr(build_module, "ParallelBuild", RecordedBuild)  # imported when used
    monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    outcome: dict[str, object] = {}

    def build() -> None:
        try:
            outcome["report"] = lib.update()
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=build)
    thread.start()
    wait_for(lambda: bool(builds) or not thread.is_alive())
    assert builds, outcome  # the build ran in worker processes
    workers = builds[0]._procs
    os.kill(workers[-1].pid, signal.SIGKILL)
    thread.join(timeout=300)
    error = outcome.get("error")
    assert isinstance(error, store_module.IndexWriteError), outcome
    assert "worker" in str(error) and "Traceback" not in str(error)
    assert lib.article_count == 20 and lib.search("report").total == 20  # the old index serves
    report = lib.update()  # and the next update completes it
    assert report.added == 900 and lib.article_count == 920
    lib.close()


def test_build_workers_that_cannot_start_fail_the_build_instead_of_hanging_it(
    tmp_path: Path, make_corpus: Callable[..., Path]
) -> None:
    """A script that builds without an ``if __name__ == "__main__"`` guard: each spawned
    worker runs the script again and dies before it has read what it was started with.
    The parent once waited for ever, writing the workers' jobs into a pipe nobody read
    (the jobs of 2,000 files are more than a pipe holds)."""
    corpus = make_corpus(tmp_path / "corpus", 2000)
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import sys\n"
        "from newsbrowse.index.library import Library\n"
        "from newsbrowse.index.errors import IndexWriteError\n"
        "try:\n"
        f"    Library({str(corpus)!r}, {str(tmp_path / 'index')!r}).update()\n"
        "except IndexWriteError as exc:\n"
        "    sys.exit(f'failed: {exc}')\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    try:
        done = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the build hung: {exc.stderr!r}")
    assert done.returncode == 1, done.stderr
    assert "failed: could not write the index" in done.stderr and "worker" in done.stderr
