"""Command palette: "Go to speaker…" (expands the speaker in the sidebar, corpus scope)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..safe_text import clean
from .highlight import highlight

if TYPE_CHECKING:
    from ..app import NewsbrowseApp

PREFIX = "Go to speaker… "
DISCOVER = 15


class SpeakerCommands(Provider):
    """One command per speaker of the corpus."""

    @property
    def _app(self) -> NewsbrowseApp:
        return cast("NewsbrowseApp", self.app)

    def _candidates(self) -> list[tuple[str, str, int]]:
        return [(s.id, PREFIX + clean(s.name), s.quotes) for s in self._app.speaker_list]

    async def discover(self) -> Hits:
        """The most quoted speakers."""
        for speaker_id, text, quotes in self._candidates()[:DISCOVER]:
            display = Content(text).stylize("$text-muted", 0, len(PREFIX))
            yield DiscoveryHit(
                display + Content(f"  {quotes}").stylize("$text-muted"),
                partial(self._app.go_to_speaker, speaker_id),
                text=text,
            )

    async def search(self, query: str) -> Hits:
        """Speakers whose name fuzzily matches."""
        matcher = self.matcher(query)
        for speaker_id, text, quotes in self._candidates():
            if (score := matcher.match(text)) > 0:
                display = highlight(matcher, text, len(PREFIX))
                yield Hit(
                    score,
                    display + Content(f"  {quotes}").stylize("$text-muted"),
                    partial(self._app.go_to_speaker, speaker_id),
                    text=text,
                )
