"""Walk a corpus folder: which files are there, with their size and modification time.

Every command scans the folder to bring the index up to date, so at 100,000 files the scan
is most of a command's time, and nearly all of it is one ``stat`` system call per file
(most of that in the kernel) and one Python object per answer. So the folders are listed
first (a listing says which entries are files without a ``stat``), then each file is
stat-ed relative to its folder's descriptor (no path to resolve again); the answers are
kept in three flat columns (what the saved file table is compared with), and a
:class:`FileStat` is made only for a file the update has to read. A big folder's files are
stat-ed half here and half in a forked child, on the other core (100,000 files: the
stats 0.30 -> 0.20 s, the scan 0.42 -> 0.33 s); from several threads they cost more CPU
than they saved (0.52 s CPU with four threads, 0.29 s in one).
"""

from __future__ import annotations

import os
import signal
import threading
from array import array
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path

IGNORED_DIRS = {"__pycache__"}
IGNORED_FILES = {"__init__.py"}  # the bundled seeds are a Python package
SPLIT_AT = 20_000  # files from which a forked child stats half of them
VANISHED = -1  # the size of a file gone between its listing and its stat
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True, slots=True)
class FileStat:
    id: str  # path relative to the corpus root, forward slashes
    path: str  # absolute path (a str: building 100,000 Path objects shows in the scan)
    size: int
    mtime_ns: int


@dataclass
class Scan:
    """Every candidate article file under ``root``, sorted by id, as columns."""

    root: str
    ids: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    mtimes: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def stat(self, i: int) -> FileStat:
        """The ``i``-th file as a :class:`FileStat` (made on demand: most are never needed)."""
        file_id = self.ids[i]
        path = os.path.join(self.root, *file_id.split("/"))
        return FileStat(file_id, path, self.sizes[i], self.mtimes[i])

    def stats(self) -> list[FileStat]:
        return [self.stat(i) for i in range(len(self.ids))]


def scan(root: Path) -> list[FileStat]:
    """Every candidate article file under ``root`` (hidden files and folders skipped), sorted."""
    return scan_columns(root).stats()


def scan_columns(root: Path) -> Scan:
    """:func:`scan` as columns, without an object per file."""
    found = Scan(str(root))
    folders: list[str] = []  # each folder's path in the corpus folder ("" or "a/b/")
    where: list[int] = []  # each file's folder, by its index in ``folders``...
    names: list[str] = []  # ...and its name there, in the order of the files' ids
    try:
        fd = os.open(found.root, _DIR_FLAGS)
    except OSError:  # unreadable or vanished folder: nothing to index there
        return found
    _list(fd, "", folders, where, names)
    sizes, mtimes = _stat_files(found.root, folders, where, names)
    ids = [folders[folder] + name for folder, name in zip(where, names, strict=True)]
    if VANISHED in sizes:
        kept = [size != VANISHED for size in sizes]
        ids = list(compress(ids, kept))
        sizes = list(compress(sizes, kept))
        mtimes = list(compress(mtimes, kept))
    found.ids, found.sizes, found.mtimes = ids, sizes, mtimes
    return found


def _list(fd: int, prefix: str, folders: list[str], where: list[int], names: list[str]) -> None:
    """List the folder open as ``fd``, then its sub-folders in turn; closes ``fd``.

    Entries are taken in the order of their ids: a folder sorts as its name and a slash
    (what every id under it starts with), so the files come out sorted without a sort of
    the whole list. One descriptor is open per level of folders.
    """
    try:
        files: list[str] = []
        subfolders: list[str] = []
        try:
            with os.scandir(fd) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=True):
                            if name not in IGNORED_DIRS:
                                subfolders.append(f"{name}/")
                        elif entry.is_file(follow_symlinks=True) and name not in IGNORED_FILES:
                            files.append(name)
                    except OSError:  # vanished between listing and checking
                        continue
        except OSError:  # unreadable folder: nothing to index there
            return
        here = len(folders)
        folders.append(prefix)
        if not subfolders:  # a folder of files only (most of a big corpus's files)
            files.sort()
            names += files
            where += [here] * len(files)
            return
        for name in sorted(files + subfolders):
            if not name.endswith("/"):
                where.append(here)
                names.append(name)
                continue
            try:
                sub = os.open(name[:-1], _DIR_FLAGS, dir_fd=fd)
            except OSError:  # unreadable or vanished: nothing to index there
                continue
            _list(sub, prefix + name, folders, where, names)
    finally:
        os.close(fd)


def _stat_files(
    root: str, folders: list[str], where: list[int], names: list[str]
) -> tuple[list[int], list[int]]:
    """Each file's size and mtime (``VANISHED`` and 0 for one gone since its listing): the
    second half from a forked child when there are many and forking is safe (no other
    thread, whose locks the child would copy held), else all here."""
    count = len(names)
    if count < SPLIT_AT or not hasattr(os, "fork") or threading.active_count() > 1:
        return _stat_range(root, folders, where, names, 0, count)
    half = count // 2
    answer, into = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(answer)
        os.close(into)
        return _stat_range(root, folders, where, names, 0, count)
    if pid == 0:  # the child: stat the second half, write it, exit; never returns from here
        code = 1
        try:
            os.close(answer)
            sizes, mtimes = _stat_range(root, folders, where, names, half, count)
            data = memoryview(array("q", sizes).tobytes() + array("q", mtimes).tobytes())
            while data:
                data = data[os.write(into, data) :]
            code = 0
        finally:
            os._exit(code)
    os.close(into)
    collected = False
    try:
        sizes, mtimes = _stat_range(root, folders, where, names, 0, half)
        with os.fdopen(answer, "rb") as pipe:
            answered = pipe.read()
        collected = True
        _, status = os.waitpid(pid, 0)
        rest = array("q")
        rest.frombytes(answered[: len(answered) // 8 * 8])
        if status != 0 or len(rest) != 2 * (count - half):  # the child failed: do its half
            more_sizes, more_mtimes = _stat_range(root, folders, where, names, half, count)
        else:
            more_sizes, more_mtimes = rest[: count - half].tolist(), rest[count - half :].tolist()
    finally:
        if not collected:  # interrupted here: stop the child and collect it
            with suppress(OSError):  # the pipe may be closed already
                os.close(answer)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    return sizes + more_sizes, mtimes + more_mtimes


def _stat_range(
    root: str, folders: list[str], where: list[int], names: list[str], lo: int, hi: int
) -> tuple[list[int], list[int]]:
    """Sizes and mtimes of the files ``lo`` to ``hi``, each folder opened once per run of
    its files."""
    sizes: list[int] = []
    mtimes: list[int] = []
    stat = os.stat
    fd = -1
    opened = -1  # the folder open as ``fd``
    try:
        for i in range(lo, hi):
            folder = where[i]
            if folder != opened:
                if fd >= 0:
                    os.close(fd)
                    fd = -1
                opened = folder
                fd = _open_folder(os.path.join(root, folders[folder]))
            try:
                if fd < 0:
                    raise FileNotFoundError
                st = stat(names[i], dir_fd=fd)
            except OSError:  # vanished between listing and stat
                sizes.append(VANISHED)
                mtimes.append(0)
                continue
            sizes.append(st.st_size)
            mtimes.append(st.st_mtime_ns)
    finally:
        if fd >= 0:
            os.close(fd)
    return sizes, mtimes


def _open_folder(path: str) -> int:
    """The folder open as a descriptor, or -1 when it has vanished (and its files too)."""
    try:
        return os.open(path, _DIR_FLAGS)
    except OSError:
        return -1
