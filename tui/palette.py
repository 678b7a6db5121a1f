"""The command palette's own commands: "Open article…", "Go to speaker…", "Timeline of…",
"Saved search…" and "Bookmark…".

Each lists part of the session (its catalog, the user's saved searches and bookmarks) and,
when one is chosen, posts a request (:mod:`.messages`: ``OpenArticle``, ``GoToSpeaker``,
``ShowTimeline``, ``RunSavedSearch``, ``OpenBookmark``) to the main screen, which does the
work. Names and titles are untrusted: they are shown as ``Content`` and lit by
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

from .messages import GoToSpeaker, OpenArticle, OpenBookmark, RunSavedSearch, ShowTimeline
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
    WEIGHT: ClassVar[float] = 1.0  # below 1: ranked under other commands that match as well

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
                    score * self.WEIGHT,
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


class TimelineCommands(CatalogCommands):
    """ "Timeline of…": one command per speaker of the corpus, opening their timeline."""

    PREFIX = "Timeline of… "
    WEIGHT = 0.9  # "Go to speaker…" first: typing a name and enter lands on a quote

    def candidates(self, session: Session) -> list[Candidate]:
        return [
            Candidate(s.id, self.PREFIX + clean(s.name), f"  {s.quotes}") for s in session.speakers
        ]

    def request(self, key: str) -> Message:
        return ShowTimeline(key)


class SavedSearchCommands(CatalogCommands):
    """ "Saved search…": the user's saved searches, with their query and live count."""

    PREFIX = "Saved search… "

    def candidates(self, session: Session) -> list[Candidate]:
        result = []
        for search in session.saved.searches:
            count = session.saved_counts.get(search.name)
            shown = "…" if count is None else f"{count:,}"
            suffix = f"  {shorten(search.query, 40) or '(every article)'} · {shown}"
            result.append(Candidate(search.name, self.PREFIX + clean(search.name), suffix))
        return result

    def request(self, key: str) -> Message:
        return RunSavedSearch(key)


class BookmarkCommands(CatalogCommands):
    """ "Bookmark…": this corpus's bookmarks, newest first."""

    PREFIX = "Bookmark… "

    def candidates(self, session: Session) -> list[Candidate]:
        result = []
        for mark in session.bookmarks():
            key = f"{mark.article}\0{mark.quote[0]},{mark.quote[1]}" if mark.quote else mark.article
            result.append(Candidate(key, self.PREFIX + shorten(mark.label, 90), ""))
        return result

    def request(self, key: str) -> Message:
        article, _, span = key.partition("\0")
        if not span:
            return OpenBookmark(article, None)
        start, end = (int(x) for x in span.split(","))
        return OpenBookmark(article, (start, end))
