"""Reading: a file's bytes to an :class:`~newsbrowse.index.model.Article` (pure, no index).

- ``sniff``: what a file is (text, web page, Markdown) or why it is not an article;
- ``decode``: bytes to safe text (encoding detection, binary refusal, control stripping);
- ``page``: a saved web page to the article's text and the metadata its markup states
  (``page_decode``, ``page_dom``, ``page_lines``; trafilatura finds the body);
- ``markdown``: a Markdown clipping to plain text, its front matter to metadata;
- ``layout``: the text's lines to title, paragraphs and cruft set aside, with ``header``
  (page chrome, headline, standfirst, bylines without "By"), ``headline`` (the scored choice
  of the headline among the first lines), ``fields`` (labelled fields: an e-mail's headers,
  a feed item's), ``memo`` (what each header line is, worked out once) and ``cruft`` (web
  widgets);
- ``metadata``, ``dates``, ``datelines``, ``chrome``: one line's shapes (bylines, sources,
  URLs, dates, datelines, mastheads and menus), and the days stated elsewhere (a URL, a
  wire trailer, a relative date counted back from a capture time);
- ``sources``: which outlet published the article, from ranked candidates;
- ``article``: one file read and parsed, with its content hash.

Each name loads its module on first use: ``strip_controls`` alone needs only ``decode``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

# Bump when what reading makes of a file changes (text, layout, metadata): existing indexes
# then read every file again.
READER_VERSION = 27

if TYPE_CHECKING:
    from .article import parse_article, read_article
    from .decode import strip_controls

__all__ = ["READER_VERSION", "parse_article", "read_article", "strip_controls"]
__getattr__ = exports(
    globals(),
    {"parse_article": "article", "read_article": "article", "strip_controls": "decode"},
)
