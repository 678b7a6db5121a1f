"""The index folder and its builds: what newsbrowse owns on disk, and nothing else.

An index folder is marked as newsbrowse's own (``newsbrowse-index.json``) when newsbrowse
creates it or finds it empty. A folder that holds anything else is refused, never cleared:
newsbrowse never deletes or changes a file it did not create.

Inside it each build of the index lives in its own sub-folder (``build-…``), and
``newsbrowse-current.txt`` names the one in use. A rebuild writes a new build beside the
current one and switches the name over in one atomic rename, so every other process keeps
full answers until the switch. A build folder is removed file by file, only the files
newsbrowse and Whoosh write there, and then only if nothing else is left in it.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import time
from pathlib import Path

from ..atomic import write_text
from ..errors import IndexDirError

MARKER_FILE = "newsbrowse-index.json"
CURRENT_FILE = "newsbrowse-current.txt"
LOCK_FILE = "newsbrowse.lock"
BUILD_PREFIX = "build-"
# Written by the first versions of newsbrowse, which kept one build directly in the folder.
LEGACY_MARK = "newsbrowse-version.txt"
# Names of the files an index writes: Whoosh's segments, table of contents and temporary
# runs, newsbrowse's sidecars and their temporary files.
OWN_FILE = re.compile(
    r"^(?:MAIN_[a-z0-9]{16}\.[\w.]+|_MAIN_\d+\.toc(?:\.[\d.]+)?|MAIN_WRITELOCK"
    r"|newsbrowse-[\w.-]+|\.state-\w+|\.newsbrowse-[\w.-]+)$"
)
TEMP_DIR = re.compile(r"^\w+\.tmp$")  # Whoosh's temporary storage...
# ...and what its writers put there: sorted runs and pool spills (.run), compound files being
# assembled (.ctmp), documents handed to worker processes (.doclist).
TEMP_FILE = re.compile(r"^[\w.]+\.(?:run|ctmp|doclist)$")


def check_index_dir(index_dir: Path, corpus: Path) -> None:
    """Refuse an index folder that holds something else, or that is inside the corpus.

    Has no side effects: the command line calls it before it starts anything.
    """
    index_dir = index_dir.expanduser().resolve()
    corpus = corpus.expanduser().resolve()
    if index_dir == corpus or index_dir.is_relative_to(corpus):
        raise IndexDirError(
            f"the index folder {index_dir} is inside the corpus folder {corpus}; "
            "give a folder outside it"
        )
    if corpus.is_relative_to(index_dir):
        raise IndexDirError(
            f"the index folder {index_dir} holds the corpus folder {corpus}; "
            "give a folder outside it"
        )
    if not index_dir.exists():
        return
    if not index_dir.is_dir():
        raise IndexDirError(f"the index folder {index_dir} is a file, not a folder")
    if is_owned(index_dir):
        return
    try:
        # Another newsbrowse process claiming the folder this moment: its mark is still a
        # temporary file (atomic.write_text), the only entry.
        empty = all(_claiming(entry.name) for entry in index_dir.iterdir())
    except OSError as exc:
        raise IndexDirError(f"can't read the index folder {index_dir}: {exc.strerror}") from exc
    if not empty:
        raise IndexDirError(
            f"{index_dir} is not empty and is not a newsbrowse index; "
            "give a new or empty folder for the index"
        )


def _claiming(name: str) -> bool:
    """Whether ``name`` is the temporary file that becomes the mark (see atomic.py)."""
    return name.startswith(f".{MARKER_FILE}.") and name.endswith(".tmp")


def is_owned(index_dir: Path) -> bool:
    """Whether the folder carries newsbrowse's mark (or an older version's)."""
    return (index_dir / MARKER_FILE).is_file() or (index_dir / LEGACY_MARK).is_file()


def claim(index_dir: Path, corpus: Path) -> None:
    """Create the index folder (or take an empty one) and mark it as newsbrowse's own."""
    check_index_dir(index_dir, corpus)
    index_dir.mkdir(parents=True, exist_ok=True)
    marker = index_dir / MARKER_FILE
    if not marker.exists():
        data = {"what": "a newsbrowse index (a cache: safe to delete)", "corpus": str(corpus)}
        write_text(marker, json.dumps(data, indent=1) + "\n")


def current_build(index_dir: Path) -> Path | None:
    """The build folder in use, or None when there is none yet."""
    try:
        name = (index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not name.startswith(BUILD_PREFIX) or "/" in name or "\\" in name:
        return None
    return index_dir / name


def new_build(index_dir: Path) -> Path:
    """A new, empty build folder beside the current one."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = index_dir / f"{BUILD_PREFIX}{stamp}-{secrets.token_hex(3)}"
    folder.mkdir()
    return folder


def switch_to(index_dir: Path, build: Path) -> None:
    """Make ``build`` the one in use (atomically), then remove every other build."""
    write_text(index_dir / CURRENT_FILE, build.name + "\n")
    remove_stale(index_dir)


def remove_stale(index_dir: Path) -> None:
    """Remove builds not in use (a replaced or killed one) and an older version's files."""
    current = current_build(index_dir)
    try:
        children = list(index_dir.iterdir())
    except OSError:
        return
    for child in children:
        if child.is_dir() and child.name.startswith(BUILD_PREFIX) and child != current:
            remove_build(child)
    if current is not None and (index_dir / LEGACY_MARK).exists():
        _remove_own_files(index_dir, OWN_FILE, frozenset({MARKER_FILE, CURRENT_FILE, LOCK_FILE}))


def remove_build(folder: Path, own: re.Pattern[str] = OWN_FILE) -> None:
    """Remove the files an index writes in ``folder``; the folder too, if that empties it."""
    _remove_own_files(folder, own)
    with contextlib.suppress(OSError):  # something else is in it: it stays
        folder.rmdir()


def _remove_own_files(
    folder: Path, own: re.Pattern[str], keep: frozenset[str] = frozenset()
) -> None:
    try:
        children = list(folder.iterdir())
    except OSError:
        return
    for child in children:
        if child.name in keep or child.is_symlink():
            continue
        try:
            if child.is_dir() and TEMP_DIR.match(child.name):
                remove_build(child, TEMP_FILE)
            elif child.is_file() and own.match(child.name):
                child.unlink()
        except OSError:
            continue
