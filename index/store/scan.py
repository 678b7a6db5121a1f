"""Walk a corpus folder: which files are there, with their size and modification time.

Every command scans the folder to bring the index up to date, so at 100,000 files the scan
is most of a command's time, and nearly all of it is one ``stat`` system call per file and
one Python object per answer. So the walk lists each folder by its descriptor and stats each
entry relative to it (no path to resolve again), keeps the answers in three flat columns
(what the saved file table is compared with), and makes a :class:`FileStat` only for a file
the update has to read. One thread: stat-ing from several threads cost more CPU than it
saved (100,000 files: 0.52 s CPU with four threads, 0.29 s in one).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

IGNORED_DIRS = {"__pycache__"}
IGNORED_FILES = {"__init__.py"}  # the bundled seeds are a Python package
FOLDER = -1  # the size that marks a folder among the entries listed
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
    try:
        fd = os.open(found.root, _DIR_FLAGS)
    except OSError:  # unreadable or vanished folder: nothing to index there
        return found
    _walk(fd, "", found)
    return found


def _walk(fd: int, prefix: str, found: Scan) -> None:
    """List the folder open as ``fd``, then walk its sub-folders in turn; closes ``fd``.

    Entries are taken in the order of their ids: a folder sorts as its name and a slash
    (what every id under it starts with), so the columns come out sorted without a sort of
    the whole list. One descriptor is open per level of folders.
    """
    try:
        listed: list[tuple[str, int, int]] = []  # (name, size, mtime); a folder: (name/, -1, 0)
        try:
            with os.scandir(fd) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=True):
                            if name not in IGNORED_DIRS:
                                listed.append((f"{name}/", FOLDER, 0))
                        elif entry.is_file(follow_symlinks=True) and name not in IGNORED_FILES:
                            st = entry.stat(follow_symlinks=True)
                            listed.append((name, st.st_size, st.st_mtime_ns))
                    except OSError:  # vanished between listing and checking
                        continue
        except OSError:  # unreadable folder: nothing to index there
            return
        listed.sort()
        ids, sizes, mtimes = found.ids, found.sizes, found.mtimes
        for name, size, mtime in listed:
            if size != FOLDER:
                ids.append(prefix + name)
                sizes.append(size)
                mtimes.append(mtime)
                continue
            try:
                sub = os.open(name[:-1], _DIR_FLAGS, dir_fd=fd)
            except OSError:  # unreadable or vanished: nothing to index there
                continue
            _walk(sub, prefix + name, found)
    finally:
        os.close(fd)
