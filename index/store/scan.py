"""Walk a corpus folder: which files are there, with their size and modification time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

IGNORED_DIRS = {"__pycache__"}
IGNORED_FILES = {"__init__.py"}  # the bundled seeds are a Python package


@dataclass(frozen=True, slots=True)
class FileStat:
    id: str  # path relative to the corpus root, forward slashes
    path: str  # absolute path (a str: building 100,000 Path objects shows in the scan)
    size: int
    mtime_ns: int


def scan(root: Path) -> list[FileStat]:
    """Every candidate article file under ``root`` (hidden files and folders skipped), sorted."""
    found: list[FileStat] = []
    _walk(str(root), "", found)
    found.sort(key=lambda f: f.id)
    return found


def _walk(folder: str, prefix: str, found: list[FileStat]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # unreadable or vanished folder: nothing to index there
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=True):
                if name not in IGNORED_DIRS:
                    _walk(entry.path, f"{prefix}{name}/", found)
            elif entry.is_file(follow_symlinks=True) and name not in IGNORED_FILES:
                st = entry.stat(follow_symlinks=True)
                found.append(FileStat(prefix + name, entry.path, st.st_size, st.st_mtime_ns))
        except OSError:  # vanished between listing and stat
            continue
