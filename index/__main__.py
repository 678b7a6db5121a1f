"""``python -m newsbrowse.index CORPUS INDEX_DIR [--rebuild]``: update an index as the app's
child process (see :mod:`.child_update`), telling the parent how it goes as JSON lines."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from dataclasses import asdict

from .child_update import PROGRESS_EVERY

# Below the app's priority: on a machine with fewer cores than the update has processes,
# the keys typed meanwhile are answered first. Build workers inherit it.
NICENESS = 10


def main(argv: list[str]) -> int:
    """The child: update the index and tell the parent how it goes, as JSON lines."""
    from .library import Library  # here, not above: build workers re-import this module

    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)

    rebuild = "--rebuild" in argv
    corpus, index_dir = (a for a in argv if a != "--rebuild")
    last = 0.0

    def emit(message: dict) -> None:
        sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY or done >= total:
            last = now
            emit({"progress": [done, total]})

    library = Library(corpus, index_dir)
    try:
        report = library.update(
            progress, rebuild=rebuild, waiting=lambda why: emit({"waiting": why})
        )
        library.derive()  # speakers and clusters: here, not in the app's process
    except Exception as exc:
        emit({"error": str(exc) or exc.__class__.__name__, "kind": exc.__class__.__name__})
        return 1
    finally:
        library.close()
    emit({"report": asdict(report)})
    return 0


if __name__ == "__main__":  # not when a build worker re-imports the main module
    sys.exit(main(sys.argv[1:]))
