"""Command palette: "Open article…"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..safe_text import clean, shorten
from .highlight import highlight

if TYPE_CHECKING:
    from ..app import NewsbrowseApp

PREFIX = "Open article… "
DISCOVER = 15


class ArticleCommands(Provider):
    """One command per article, by title (or first-sentence label)."""

    @property
    def _app(self) -> NewsbrowseApp:
        return cast("NewsbrowseApp", self.app)

    def _candidates(self) -> list[tuple[str, str, Content]]:
        result = []
        for info in self._app.article_list:
            text = PREFIX + shorten(info.label, 90)
            meta = " · ".join(clean(x) for x in (info.date, info.source) if x)
            result.append((info.id, text, Content(f"  {meta}" if meta else "")))
        return result

    async def discover(self) -> Hits:
        """The newest articles."""
        for article_id, text, meta in self._candidates()[:DISCOVER]:
            display = Content(text).stylize("$text-muted", 0, len(PREFIX))
            yield DiscoveryHit(
                display + meta.stylize("$text-muted"),
                partial(self._app.open_article, article_id),
                text=text,
            )

    async def search(self, query: str) -> Hits:
        """Articles whose title fuzzily matches."""
        matcher = self.matcher(query)
        for article_id, text, meta in self._candidates():
            if (score := matcher.match(text)) > 0:
                yield Hit(
                    score,
                    highlight(matcher, text, len(PREFIX)) + meta.stylize("$text-muted"),
                    partial(self._app.open_article, article_id),
                    text=text,
                )
