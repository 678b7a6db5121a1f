"""What a page's markup says about its article, to be preferred over the text's layout.

A web page states its headline, byline, date and outlet in markup (``<h1>``, JSON-LD,
``<meta>``, a byline element); those answers are more reliable than reading the extracted
text's shape, so they travel with the text as hints and win wherever they are given.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model import Article, Span


@dataclass(frozen=True, slots=True)
class Hints:
    """Metadata known before the text is laid out; ``None`` means "let the text decide"."""

    title_span: Span | None = None  # where the headline is in the text
    date: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    section: str | None = None
    subtitle: str | None = None

    def apply(self, article: Article) -> Article:
        """``article`` with every given hint in place of what the layout found."""
        given = {
            name: value
            for name in ("date", "author", "source", "url", "section", "subtitle")
            if (value := getattr(self, name)) is not None
        }
        return dataclasses.replace(article, **given) if given else article
