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
    path: Path
    size: int
    mtime_ns: int


def scan(root: Path) -> list[FileStat]:
    """Every candidate article file under ``root`` (hidden files and folders skipped), sorted."""
    found: list[FileStat] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in IGNORED_DIRS)
        for name in filenames:
            if name.startswith(".") or name in IGNORED_FILES:
                continue
            path = Path(dirpath) / name
            try:
                st = path.stat()
            except OSError:  # vanished or unreadable between listing and stat
                continue
            if not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            found.append(FileStat(rel, path, st.st_size, st.st_mtime_ns))
    found.sort(key=lambda f: f.id)
    return found
