"""Turn one file into what the index stores: runs in worker processes during big builds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UnreadableFile
from ..model import ArticleSpeakers
from ..quotes import extract_quotes
from ..reading import read_article
from .documents import Fields, article_speakers, document
from .scan import FileStat
from .state import FileEntry


@dataclass(slots=True)
class Prepared:
    """A file ready for the index: its document, or the reason it is skipped."""

    id: str
    entry: FileEntry
    doc: Fields | None = None
    speakers: ArticleSpeakers | None = None
    # A build worker sends the speakers apart, pickled with many others' (see
    # ``build.ParallelBuild.speakers``): the parent holds every article's until the workers
    # are done (0.9 KB each pickled, 3.7 KB as objects), so it unpickles them only then.
    speakers_later: bool = False


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
