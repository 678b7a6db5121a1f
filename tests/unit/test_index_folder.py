"""The index folder: newsbrowse never deletes or changes a file it did not create, and a
rebuild never blanks the index for another reader."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsbrowse.index import IndexDirError, check_index_dir
from newsbrowse.index.library import Library
from newsbrowse.index.store import Store, folders
from newsbrowse.index.store import prepare as prepare_module
from newsbrowse.index.store import store as store_module
from newsbrowse.tui.cli import main

HOLD_LOCK = """
import sys, time
from pathlib import Path
from newsbrowse.index.store.lockfile import IndexLock
lock = IndexLock(Path(sys.argv[1]) / "newsbrowse.lock")
assert lock.acquire(5)
print("held", flush=True)
time.sleep(60)
"""


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes (and every folder)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A user's own folder: files and a subfolder that are none of newsbrowse's business."""
    folder = tmp_path / "notes"
    (folder / "photos").mkdir(parents=True)
    (folder / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (folder / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff fake jpeg")
    (folder / "MAIN_WRITELOCK").write_text("a name Whoosh also uses\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("rebuild", [False, True])
def test_a_users_folder_is_refused_and_left_alone(
    seeds_copy: Path, notes: Path, rebuild: bool
) -> None:
    before = tree(notes)
    with pytest.raises(IndexDirError, match="not a newsbrowse index"):
        Library(seeds_copy, notes).update(rebuild=rebuild)
    assert tree(notes) == before


@pytest.mark.parametrize("command", [["index"], ["index", "--rebuild"], ["search", "kallas"]])
def test_the_command_line_refuses_a_users_folder_with_exit_2(
    seeds_copy: Path, notes: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(notes)
    code = main(["--corpus", str(seeds_copy), "--index-dir", str(notes), *command])
    err = capsys.readouterr().err
    assert code == 2
    assert "not a newsbrowse index" in err and len(err.strip().splitlines()) == 1
    assert tree(notes) == before


def test_the_app_is_refused_before_it_starts(
    seeds_copy: Path, notes: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("NEWSBROWSE_FORCE_APP", "1")
    started = []
    monkeypatch.setattr("newsbrowse.tui.cli._run_app", lambda *a: started.append(a) or 0)
    assert main(["--corpus", str(seeds_copy), "--index-dir", str(notes)]) == 2
    assert not started and "not a newsbrowse index" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["corpus", "inside"])
def test_an_index_folder_in_the_corpus_is_refused(
    seeds_copy: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(seeds_copy)
    index_dir = seeds_copy if where == "corpus" else seeds_copy / "index"
    code = main(["--corpus", str(seeds_copy), "--index-dir", str(index_dir), "index"])
    assert code == 2 and "inside the corpus" in capsys.readouterr().err
    assert tree(seeds_copy) == before


def test_a_file_as_index_folder_is_refused(seeds_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(IndexDirError, match="is a file"):
        check_index_dir(target, seeds_copy)


def test_a_folder_another_process_is_claiming_is_not_refused(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Two commands started at once on a new folder: the first one's mark is still its
    temporary file when the second looks. That folder is newsbrowse's, not the user's."""
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / f".{folders.MARKER_FILE}.k3j2h1.tmp").write_text("{", encoding="utf-8")
    check_index_dir(index_dir, seeds_copy)  # no error
    (index_dir / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(IndexDirError, match="not a newsbrowse index"):
        check_index_dir(index_dir, seeds_copy)


@pytest.mark.parametrize("exists", [False, True])
def test_a_new_or_empty_folder_becomes_the_index_and_is_reused(
    seeds_copy: Path, tmp_path: Path, exists: bool
) -> None:
    index_dir = tmp_path / "new" / "index"
    if exists:
        index_dir.mkdir(parents=True)
    assert Library(seeds_copy, index_dir).update().added == 5
    assert (index_dir / folders.MARKER_FILE).is_file()
    again = Library(seeds_copy, index_dir).update()
    assert (again.added, again.unchanged) == (0, 5)


def test_files_dropped_into_the_index_folder_survive_rebuilds(
    seeds_copy: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    library = Library(seeds_copy, index_dir)
    library.update()
    build = Store(index_dir).current()
    assert build is not None
    (index_dir / "readme-of-mine.txt").write_text("keep me", encoding="utf-8")
    (build / "also-mine.txt").write_text("keep me too", encoding="utf-8")
    library.update(rebuild=True)
    library.update(rebuild=True)
    assert (index_dir / "readme-of-mine.txt").read_text(encoding="utf-8") == "keep me"
    assert (build / "also-mine.txt").read_text(encoding="utf-8") == "keep me too"
    assert not any(build.glob("MAIN_*"))  # the replaced build's own files are gone
    assert Store(index_dir).current() != build
    library.close()


def test_an_older_versions_index_folder_is_taken_over_and_cleaned(
    seeds_copy: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / folders.LEGACY_MARK).write_text("schema 1\n", encoding="utf-8")
    (index_dir / "_MAIN_3.toc").write_bytes(b"old toc")
    (index_dir / "MAIN_abcdefgh12345678.seg").write_bytes(b"old segment")
    (index_dir / "keep.txt").write_text("not ours", encoding="utf-8")
    assert Library(seeds_copy, index_dir).update().added == 5
    left = sorted(p.name for p in index_dir.iterdir() if not p.is_dir())
    assert left == sorted(
        ["keep.txt", folders.MARKER_FILE, folders.CURRENT_FILE, folders.LOCK_FILE]
    )


def test_a_killed_builds_folder_is_cleared_by_the_next_update(
    seeds_copy: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    Library(seeds_copy, index_dir).update()
    orphan = folders.new_build(index_dir)  # as a killed rebuild leaves it
    (orphan / "MAIN_abcdefgh12345678.seg").write_bytes(b"half written")
    (orphan / "_MAIN_2.toc.1764553812.4417").write_bytes(b"a table of contents being written")
    temp = orphan / "MAIN.tmp"  # Whoosh's temporary storage, with the names its writers use
    temp.mkdir()
    for name in (
        "m2xr25xad6yqifgo3j6hs98z98yc.ctmp",  # a compound file being assembled
        "i0evaso4s6ghy8gnf3linqjc70fh.doclist",  # documents handed to a worker
        "q8c1r0k2b7d9e3f5a6g4h2j1k0l9.run",  # a sorted run
        "MAIN_abcdefgh123456781764553812.44.run",  # a posting pool's spill
    ):
        (temp / name).write_bytes(b"temporary")
    Library(seeds_copy, index_dir).update()
    assert not orphan.exists()


def test_a_killed_builds_folder_keeps_what_newsbrowse_did_not_write(
    seeds_copy: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    Library(seeds_copy, index_dir).update()
    orphan = folders.new_build(index_dir)
    temp = orphan / "MAIN.tmp"
    temp.mkdir()
    (temp / "m2xr25xad6yqifgo3j6hs98z98yc.ctmp").write_bytes(b"temporary")
    (temp / "notes.txt").write_text("not ours", encoding="utf-8")
    Library(seeds_copy, index_dir).update()
    assert (temp / "notes.txt").read_text(encoding="utf-8") == "not ours"
    assert not (temp / "m2xr25xad6yqifgo3j6hs98z98yc.ctmp").exists()


def test_a_rebuild_leaves_the_old_index_serving_until_it_switches(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    Library(seeds_copy, index_dir).update()
    reader = Library(seeds_copy, index_dir)
    assert reader.search("Kallas").total == 4
    seen: list[tuple[int, int]] = []
    real_prepare = prepare_module.prepare

    def prepare_and_look(stat, root):
        reader._synced = 0.0  # look for a switch now, not after the usual pause
        other = Library(seeds_copy, index_dir)
        seen.append((reader.search("Kallas").total, other.search("Kallas").total))
        other.close()
        return real_prepare(stat, root)

    monkeypatch.setattr(prepare_module, "prepare", prepare_and_look)  # store imports it late
    report = Library(seeds_copy, index_dir).update(rebuild=True)
    assert report.rebuilt and report.added == 5
    assert seen and all(pair == (4, 4) for pair in seen)
    reader._synced = 0.0
    assert reader.search("Kallas").total == 4  # follows the switch to the new build
    assert reader._searcher_key is not None
    assert reader._searcher_key[0] == str(Store(index_dir).current())
    reader.close()


def test_a_failed_rebuild_keeps_the_old_index_and_leaves_no_build_behind(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    Library(seeds_copy, index_dir).update()
    current = Store(index_dir).current()

    def broken(stat, root):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(prepare_module, "prepare", broken)
    with pytest.raises(RuntimeError):
        Library(seeds_copy, index_dir).update(rebuild=True)
    monkeypatch.undo()
    assert Store(index_dir).current() == current
    assert [p for p in index_dir.iterdir() if p.is_dir()] == [current]
    assert Library(seeds_copy, index_dir).search("Kallas").total == 4


@pytest.fixture
def lock_holder(seeds_copy: Path, tmp_path: Path):
    """An indexed corpus whose index lock another process holds until killed."""
    index_dir = tmp_path / "index"
    Library(seeds_copy, index_dir).update()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index_dir)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield index_dir, holder
    holder.kill()
    holder.wait()


def test_a_second_rebuild_waits_and_says_so(lock_holder, seeds_copy: Path, monkeypatch) -> None:
    index_dir, holder = lock_holder
    monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.2)
    said: list[str] = []
    waited = threading.Event()

    def waiting(why: str) -> None:
        said.append(why)
        waited.set()

    result = {}
    worker = threading.Thread(
        target=lambda: result.update(
            report=Library(seeds_copy, index_dir).update(rebuild=True, wait=True, waiting=waiting)
        )
    )
    worker.start()
    assert waited.wait(10)
    assert worker.is_alive()  # still waiting: it did not report work it had not done
    holder.kill()
    holder.wait()
    worker.join(30)
    assert said and "waiting for another newsbrowse" in said[0]
    assert result["report"].rebuilt and result["report"].added == 5


def test_a_rebuild_done_by_another_process_while_waiting_is_not_repeated(
    lock_holder, seeds_copy: Path, monkeypatch
) -> None:
    index_dir, holder = lock_holder
    monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.2)
    before = Store(index_dir).current()

    def waiting(why: str) -> None:
        # The other process finishes its rebuild: a new build is switched in, the lock freed.
        build = folders.new_build(index_dir)
        for path in before.iterdir():
            shutil.copy2(path, build / path.name)
        folders.switch_to(index_dir, build)
        holder.kill()
        holder.wait()

    report = Library(seeds_copy, index_dir).update(rebuild=True, wait=True, waiting=waiting)
    assert not report.rebuilt and report.added == 0
    assert "rebuilt the index meanwhile" in (report.notice or "")


def test_without_waiting_a_locked_index_is_served_with_a_notice(
    lock_holder, seeds_copy: Path, monkeypatch
) -> None:
    index_dir, _holder = lock_holder
    monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.2)
    other = Library(seeds_copy, index_dir)
    report = other.update()
    assert "another newsbrowse process" in (report.notice or "")
    assert other.search("Kallas").total == 4
