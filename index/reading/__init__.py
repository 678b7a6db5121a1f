"""Reading: a file's bytes to an :class:`~newsbrowse.index.model.Article` (pure, no index).

- ``decode``: bytes to safe text (encoding detection, binary refusal, control stripping);
- ``layout``: the text's lines to title, paragraphs and cruft set aside;
- ``metadata``: dates, bylines, sources, and what a title looks like;
- ``article``: one file read and parsed, with its content hash.
"""

from ..errors import UnreadableFile
from .article import parse_article, read_article
from .decode import strip_controls

__all__ = ["UnreadableFile", "parse_article", "read_article", "strip_controls"]
