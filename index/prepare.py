"""Turn one file into what the index stores: runs in worker processes during big builds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import index_terms, pairs
from .codec import dumps_extraction
from .errors import UnreadableFile
from .model import Article, ArticleInfo, ArticleSpeakers, Extraction
from .quotes import extract_quotes
from .reading import read_article
from .scan import FileStat
from .speakers import speaker_terms
from .state import FileEntry


@dataclass(slots=True)
class Prepared:
    """A file ready for the index: its document, or the reason it is skipped."""

    id: str
    entry: FileEntry
    doc: dict[str, Any] | None = None
    speakers: ArticleSpeakers | None = None


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
        document(article, extraction, stat),
        ArticleSpeakers(
            extraction.speakers,
            tuple((q.speaker, q.kind) for q in extraction.quotes),
            info(article),
        ),
    )


def info(article: Article) -> ArticleInfo:
    """The article's metadata, kept in the sidecar state for quick listings."""
    return ArticleInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        label=article.label,
        date=article.date,
        author=article.author,
        source=article.source,
    )


def document(article: Article, extraction: Extraction, stat: FileStat) -> dict[str, Any]:
    """The Whoosh document for an article."""
    quoted = {q.speaker for q in extraction.quotes if q.speaker}
    speaker_text = " , ".join(
        " ".join(speaker_terms(sp.name)) for sp in extraction.speakers if sp.name in quoted
    )
    body_terms = index_terms(article.body)
    return {
        "id": article.id,
        "path": article.path,
        "title": " ".join(index_terms(article.title or "")),
        "title_text": article.title or "",
        "body": " ".join(body_terms),
        "pairs": " ".join(pairs(body_terms)),
        "quote": " ".join(index_terms("\n".join(q.text for q in extraction.quotes))),
        "author": article.author or "",
        "source": article.source or "",
        "speaker": speaker_text,
        "date": article.date or "",
        "source_key": article.source or "",
        "label": article.label,
        "text": article.text,
        "layout": json.dumps(
            {
                "paragraphs": article.paragraphs,
                "title_span": article.title_span,
                "cruft": article.cruft,
            }
        ),
        "extraction": dumps_extraction(extraction),
        "content_hash": article.content_hash,
        "size": stat.size,
        "mtime_ns": stat.mtime_ns,
        # 0 for an unknown date: sorts last by date and lies outside every date range.
        "day": int(article.date.replace("-", "")) if article.date else 0,
    }
