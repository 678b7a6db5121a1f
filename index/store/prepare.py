"""Turn one file into what the index stores: runs in worker processes during big builds."""

from __future__ import annotations

from pathlib import Path

from ..errors import UnreadableFile
from ..quotes import extract_quotes
from ..reading import read_article
from .documents import article_speakers, document
from .prepared import Prepared
from .scan import FileStat
from .state import FileEntry


def prepare(stat: FileStat, root: Path) -> Prepared:
    """Read, clean and extract one file. Never raises for a bad file: it is skipped."""
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
