"""Writing a file so that a reader sees its old content or its new, never half of it.

The new content goes to a temporary file beside the old one (``.<name>.<random>.tmp``),
which then replaces it in one rename; when writing fails, the temporary file is removed and
the old file is untouched. Used for everything newsbrowse keeps on disk: the index's state
and listings, its folder marks, and the app's user state.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def replacing(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file open for writing that replaces ``path`` when the block ends without error."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Replace ``path``'s content with ``text`` (UTF-8), in one step."""
    with replacing(path) as fh:
        fh.write(text)
