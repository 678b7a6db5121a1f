"""Reading: a file's bytes to an :class:`~newsbrowse.index.model.Article` (pure, no index).

- ``decode``: bytes to safe text (encoding detection, binary refusal, control stripping);
- ``layout``: the text's lines to title, paragraphs and cruft set aside;
- ``metadata``: dates, bylines, sources, and what a title looks like;
- ``article``: one file read and parsed, with its content hash.

Each name loads its module on first use: ``strip_controls`` alone needs only ``decode``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

# Bump when what reading makes of a file changes (text, layout, metadata): existing indexes
# then read every file again.
READER_VERSION = 2

if TYPE_CHECKING:
    from .article import parse_article, read_article
    from .decode import strip_controls

__all__ = ["READER_VERSION", "parse_article", "read_article", "strip_controls"]
__getattr__ = exports(
    globals(),
    {"parse_article": "article", "read_article": "article", "strip_controls": "decode"},
)
