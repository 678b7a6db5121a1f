"""The command palette's own commands: "Open article…" and "Go to speaker…".

Both list the session's catalog and, when one is chosen, post a request
(:class:`~.messages.OpenArticle`, :class:`~.messages.GoToSpeaker`) to the main screen, which
does the work. Names and titles are untrusted: they are shown as ``Content`` and lit by
:func:`highlight`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.message import Message

from .messages import GoToSpeaker, OpenArticle
from .safe_text import clean, shorten
from .screens.main import MainScreen
from .session import Session


def highlight(matcher: Matcher, candidate: str, prefix: int = 0) -> Content:
    """``candidate`` as plain ``Content`` with the matched letters lit.

    (``Matcher.highlight`` parses its argument as markup, so untrusted names can't go there.)
    The first ``prefix`` characters (a fixed label) are shown dim.
    """
    result = Content(candidate)
    if prefix:
        result = result.stylize("$text-muted", 0, prefix)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                result = result.stylize(matcher.match_style, offset, offset + 1)
    return result


@dataclass(frozen=True)
class Candidate:
    """One command: the id it acts on, its text (prefix included) and a dim suffix."""

    key: str
    text: str
    suffix: str


class CatalogCommands(Provider):
    """One command per catalog entry; the first ``DISCOVER`` show before anything is typed."""

    PREFIX: ClassVar[str] = ""
    DISCOVER: ClassVar[int] = 15

    def candidates(self, session: Session) -> Sequence[Candidate]:
        """The commands, in the order to discover them."""
        raise NotImplementedError

    def request(self, key: str) -> Message:
        """What to ask of the main screen when the command for ``key`` is chosen."""
        raise NotImplementedError

    @property
    def _main(self) -> MainScreen:
        """The main screen (the app's default screen, under the palette and any modal)."""
        return next(s for s in self.app.screen_stack if isinstance(s, MainScreen))

    def _run(self, key: str) -> None:
        self._main.post_message(self.request(key))

    async def discover(self) -> Hits:
        """The first few entries: newest articles, most quoted speakers."""
        for candidate in self.candidates(self._main.session)[: self.DISCOVER]:
            display = Content(candidate.text).stylize("$text-muted", 0, len(self.PREFIX))
            yield DiscoveryHit(
                display + Content(candidate.suffix).stylize("$text-muted"),
                partial(self._run, candidate.key),
                text=candidate.text,
            )

    async def search(self, query: str) -> Hits:
        """Entries whose text fuzzily matches ``query``."""
        matcher = self.matcher(query)
        for candidate in self.candidates(self._main.session):
            if (score := matcher.match(candidate.text)) > 0:
                yield Hit(
                    score,
                    highlight(matcher, candidate.text, len(self.PREFIX))
                    + Content(candidate.suffix).stylize("$text-muted"),
                    partial(self._run, candidate.key),
                    text=candidate.text,
                )


class ArticleCommands(CatalogCommands):
    """ "Open article…": one command per article, by title (or first-sentence label)."""

    PREFIX = "Open article… "

    def candidates(self, session: Session) -> list[Candidate]:
        result = []
        for info in session.articles:
            meta = " · ".join(clean(x) for x in (info.date, info.source) if x)
            text = self.PREFIX + shorten(info.label, 90)
            result.append(Candidate(info.id, text, f"  {meta}" if meta else ""))
        return result

    def request(self, key: str) -> Message:
        return OpenArticle(key)


class SpeakerCommands(CatalogCommands):
    """ "Go to speaker…": one command per speaker of the corpus, expanded in the sidebar."""

    PREFIX = "Go to speaker… "

    def candidates(self, session: Session) -> list[Candidate]:
        return [
            Candidate(s.id, self.PREFIX + clean(s.name), f"  {s.quotes}") for s in session.speakers
        ]

    def request(self, key: str) -> Message:
        return GoToSpeaker(key)
