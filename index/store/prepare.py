"""Turn one file into what the index stores: runs in worker processes during big builds."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UnreadableFile
from ..quotes import extract_quotes
from ..reading import read_article
from .documents import article_speakers, document
from .prepared import Prepared
from .scan import FileStat
from .state import FileEntry


def prepare(stat: FileStat, root: Path) -> Prepared:
    """Read, clean and extract one file. Never raises for a bad file: it is skipped. Nor for
    a fault of newsbrowse's own on one file (a bug, a compiled module's type check): that file
    is skipped with a reason, and the build goes on (``NEWSBROWSE_DEBUG=1`` raises it)."""
    try:
        return _prepare(stat, root)
    except Exception:
        if os.environ.get("NEWSBROWSE_DEBUG"):
            raise
        reason = "not read: an internal error (run with NEWSBROWSE_DEBUG=1 for details)"
        return Prepared(stat.id, FileEntry(stat.size, stat.mtime_ns, "", reason))


def _prepare(stat: FileStat, root: Path) -> Prepared:
    try:
        article = read_article(Path(stat.path), root)
    except UnreadableFile as exc:
        return Prepared(stat.id, FileEntry(stat.size, stat.mtime_ns, "", exc.reason))
    except OSError as exc:
        reason = f"cannot read ({exc.strerror or exc.__class__.__name__})"
        return Prepared(stat.id, FileEntry(stat.size, stat.mtime_ns, "", reason))
    extraction = extract_quotes(article.text, article.paragraphs)
    return Prepared(
        stat.id,
        FileEntry(stat.size, stat.mtime_ns, article.content_hash),
        document(article, extraction, stat.size, stat.mtime_ns),
        article_speakers(article, extraction),
    )
