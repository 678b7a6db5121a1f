"""The folder's scan: every file once, in id order, with its size and mtime, whether its
files are stat-ed here or half of them in a forked child (``scan.SPLIT_AT``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsbrowse.index.store import scan as scan_module
from newsbrowse.index.store.scan import scan, scan_columns

LAYOUT = (
    "a/x.txt",
    "a-b.txt",
    "a.txt",
    "a/b/y.txt",
    "a/b/z.txt",
    "ab/z.txt",
    "B.txt",
    "é.txt",
    "deep/1/2/3/n.txt",
    *(f"many/{i:03}.txt" for i in range(40)),
    "zz.txt",
)


def make_folder(root: Path) -> list[str]:
    """The layout's files (each of its own size), plus entries the scan leaves out."""
    for i, rel in enumerate(LAYOUT):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x" * i, encoding="utf-8")
    for rel in (".hidden.txt", ".git/config", "__pycache__/m.pyc", "pkg/__init__.py"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("no", encoding="utf-8")
    return sorted(LAYOUT)


def expected_columns(root: Path, ids: list[str]) -> tuple[list[str], list[int], list[int]]:
    stats = [os.stat(root / i) for i in ids]
    return ids, [s.st_size for s in stats], [s.st_mtime_ns for s in stats]


# A fresh interpreter (one thread, so the scan may fork) scans with SPLIT_AT lowered, and
# reports the columns, how many children it forked, and whether any is left uncollected.
SPLIT_SCRIPT = """
import json, os, sys
from pathlib import Path
from newsbrowse.index.store import scan
scan.SPLIT_AT = 2
forks = []
real_fork = os.fork
def counted_fork():
    forks.append(1)
    return real_fork()
os.fork = counted_fork
if sys.argv[2] == "child fails":
    real_range = scan._stat_range
    parent = os.getpid()
    def failing(*args):
        if os.getpid() != parent:
            raise OSError("the child fails")
        return real_range(*args)
    scan._stat_range = failing
found = scan.scan_columns(Path(sys.argv[1]))
try:
    os.waitpid(-1, os.WNOHANG)
    left = True
except ChildProcessError:
    left = False
print(json.dumps([found.ids, found.sizes, found.mtimes, len(forks), left]))
"""


def split_scan(root: Path, case: str) -> tuple[list[str], list[int], list[int], int, bool]:
    done = subprocess.run(
        [sys.executable, "-c", SPLIT_SCRIPT, str(root), case],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ids, sizes, mtimes, forks, left = json.loads(done.stdout)
    return ids, sizes, mtimes, forks, left


def test_a_small_folder_is_scanned_here_in_id_order(tmp_path: Path) -> None:
    """The walk takes each folder's entries in id order (a folder sorts as ``name/``): the
    columns come out as a sort of the ids would put them, hidden and ignored entries left
    out, each file's size and mtime as ``os.stat`` gives them; ``scan`` gives the same as
    :class:`FileStat` objects with their paths."""
    ids = make_folder(tmp_path)
    found = scan_columns(tmp_path)
    assert (found.ids, found.sizes, found.mtimes) == expected_columns(tmp_path, ids)
    stats = scan(tmp_path)
    assert [s.id for s in stats] == ids
    for s in stats:
        st = os.stat(tmp_path / s.id)
        assert (s.path, s.size, s.mtime_ns) == (str(tmp_path / s.id), st.st_size, st.st_mtime_ns)


@pytest.mark.parametrize("case", ["child stats half", "child fails"])
def test_a_big_folder_is_stat_ed_half_in_a_child_with_the_same_columns(
    tmp_path: Path, case: str
) -> None:
    """Above ``SPLIT_AT`` files a child stats the second half; the columns are the same as
    one process makes, the child is collected, and a child that fails costs nothing but
    its half done here."""
    ids = make_folder(tmp_path)
    *columns, forks, left = split_scan(tmp_path, case)
    assert tuple(columns) == expected_columns(tmp_path, ids)
    assert forks == 1
    assert not left


def after_the_listing(monkeypatch: pytest.MonkeyPatch, then: Callable[[list, list], None]) -> None:
    """Run ``then(where, names)`` once the whole folder is listed, before any ``stat``."""
    listed = scan_module._list

    def listing(fd: int, prefix: str, folders: list, where: list, names: list) -> None:
        listed(fd, prefix, folders, where, names)
        if prefix == "":  # the corpus folder's own listing ends last
            then(where, names)

    monkeypatch.setattr(scan_module, "_list", listing)


def test_a_file_gone_between_listing_and_stat_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = make_folder(tmp_path)

    def a_ghost(where: list, names: list) -> None:
        where.insert(0, 0)
        names.insert(0, "gone.txt")  # listed, then deleted before its stat

    after_the_listing(monkeypatch, a_ghost)
    found = scan_columns(tmp_path)
    assert (found.ids, found.sizes, found.mtimes) == expected_columns(tmp_path, ids)


def test_a_folder_gone_between_listing_and_stat_leaves_out_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = make_folder(tmp_path)

    def removed(_where: list, _names: list) -> None:
        for name in ("y.txt", "z.txt"):
            (tmp_path / "a" / "b" / name).unlink()
        (tmp_path / "a" / "b").rmdir()

    after_the_listing(monkeypatch, removed)
    found = scan_columns(tmp_path)
    kept = [i for i in ids if not i.startswith("a/b/")]
    assert (found.ids, found.sizes, found.mtimes) == expected_columns(tmp_path, kept)
