"""Reading one article file into an :class:`~newsbrowse.index.model.Article`: the size
limit, decoding, then the layout and the metadata."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import UnreadableFile
from ..model import Article
from .decode import decode_bytes, strip_controls
from .layout import layout
from .metadata import pick_date, reported_source

MAX_BYTES = 8 * 2**20
_REPORTED_SOURCE_PARAGRAPHS = 3  # an outlet names itself early; later it cites others


def read_article(path: Path, root: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read, decode and parse the article file at ``path`` inside the corpus ``root``.

    Raises :class:`UnreadableFile` for empty, binary, too-large and undecodable files;
    ``OSError`` (missing file, no permission) is left to the caller.
    """
    path = Path(os.path.abspath(path))
    article_id = path.relative_to(os.path.abspath(root)).as_posix()
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableFile(_too_large(size, max_bytes))
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise UnreadableFile(_too_large(len(data), max_bytes))
    text = strip_controls(decode_bytes(data))
    if not text.strip():
        raise UnreadableFile("empty file (whitespace only)")
    content_hash = hashlib.blake2b(data, digest_size=16).hexdigest()
    return parse_article(text, article_id, str(path), content_hash)


def _too_large(size: int, limit: int) -> str:
    """``"too large (50.0 MB, limit 8 MB)"``."""
    return f"too large ({_size(size)}, limit {_size(limit).replace('.0 ', ' ')})"


def _size(n: int) -> str:
    """A byte count for people: ``50.0 MB``, ``12.5 KB``, ``900 bytes``."""
    if n >= 2**20:
        return f"{n / 2**20:.1f} MB"
    if n >= 2**10:
        return f"{n / 2**10:.1f} KB"
    return f"{n} bytes"


def parse_article(text: str, article_id: str, path: str, content_hash: str = "") -> Article:
    """Build an :class:`Article` from already decoded, control-stripped ``text`` (pure)."""
    found = layout(text)
    source = found.source or found.outlet
    if source is None:  # "..., News.Az reports, citing ..." in the opening paragraphs
        for s, e in found.paragraphs[:_REPORTED_SOURCE_PARAGRAPHS]:
            source = reported_source(text[s:e])
            if source:
                break
    title_span = found.title_span
    return Article(
        id=article_id,
        path=path,
        text=text,
        paragraphs=tuple(found.paragraphs),
        title=text[title_span[0] : title_span[1]] if title_span else None,
        title_span=title_span,
        date=pick_date(found.dates),
        author=found.author,
        source=source,
        cruft=tuple(found.cruft),
        content_hash=content_hash,
    )
