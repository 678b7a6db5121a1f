"""Back and forward through the places visited, as in a web browser (and frogmouth).

A place is an article and where in it the reader was: a reading position (the text offset at
the top of the view) or a quote that was marked. Every jump (opening a result, choosing a
quote or a speaker, the palette, a bookmark, the timeline) is a step; ``backspace`` /
``alt+left`` go back, ``alt+right`` forward. Pure Python: the main screen measures where the
reader is and moves it.

Where the user is now is passed in at every call (``here``), because the reader moves
between steps: scrolling changes the position of the current place, and previewing a result
(moving through the list) shows an article that is not in the history yet. That preview
becomes a place once the user leaves it by a jump or by going back, so ``alt+right`` can
return to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsbrowse.index.model import Span

LIMIT = 200  # places kept; the oldest go first


@dataclass(frozen=True)
class Place:
    """An article and where in it: a marked quote, else a reading position."""

    article: str
    offset: int = 0  # the text offset at the top of the view
    quote: Span | None = None  # the quote marked there, if any

    def same_spot(self, other: Place) -> bool:
        """Whether two places are the same stop: one article, one quote (or none)."""
        return self.article == other.article and self.quote == other.quote


class History:
    """The places visited, oldest first, and which one the user is at."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._places: list[Place] = []
        self._index = -1  # the current place; -1 while there is none
        self._limit = max(2, limit)

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place kept, oldest first."""
        return tuple(self._places)

    @property
    def index(self) -> int:
        """The position of the current place in :attr:`places` (-1: none yet)."""
        return self._index

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def can_go_back_from(self, here: Place | None) -> bool:
        """Whether :meth:`back` from ``here`` has somewhere to go: an older place, or the
        current one when ``here`` is another article (a previewed result)."""
        if self.can_go_back:
            return True
        return self._index >= 0 and here is not None and here.article != self._places[0].article

    def visit(self, here: Place | None, there: Place) -> None:
        """A jump from ``here`` (None: nothing shown) to ``there``: a step forward.

        The places after the current one are dropped, as a browser drops its forward list
        when a new page is opened.
        """
        self._settle(here, truncate=True)
        del self._places[self._index + 1 :]
        current = self._places[self._index] if self._index >= 0 else None
        if current is not None and current.same_spot(there) and there.quote is None:
            return  # opening the article already shown (a previewed result): no new step
        self._places.append(there)
        self._index = len(self._places) - 1
        self._trim()

    def back(self, here: Place | None) -> Place | None:
        """The place before this one (None at the oldest); ``here`` is kept to come back."""
        self._settle(here, truncate=True)
        if self._index <= 0:
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self, here: Place | None) -> Place | None:
        """The place after this one (None at the newest). A preview is not kept: only
        scrolling within the current place is."""
        self._settle(here, truncate=False)
        if self._index >= len(self._places) - 1:
            return None
        self._index += 1
        return self._places[self._index]

    def note(self, here: Place | None) -> None:
        """Keep where the user is in the current place (before a preview replaces it)."""
        self._settle(here, truncate=False)

    def _settle(self, here: Place | None, *, truncate: bool) -> None:
        """Record where the user is: the current place's new position, or (``truncate``)
        a place reached without a step, such as a previewed result, as a new place."""
        if here is None:
            return
        if self._index >= 0 and self._places[self._index].article == here.article:
            self._places[self._index] = here
            return
        if not truncate:
            return
        del self._places[self._index + 1 :]
        self._places.append(here)
        self._index = len(self._places) - 1
        self._trim()

    def _trim(self) -> None:
        extra = len(self._places) - self._limit
        if extra > 0:
            del self._places[:extra]
            self._index -= extra
