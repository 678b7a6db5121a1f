"""The top line: the corpus name and counts, or indexing progress while the index is built.

After the last file is read, a big build still writes its index for a while (about as long
again at 10,000 articles): the line says so and counts the seconds, so that it never looks
stuck.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import ProgressBar, Static

from ..plural import counted
from ..safe_text import content


class HeaderLine(Horizontal):
    """``newsbrowse · <corpus> · 5 articles · 12 speakers · 40 quotes`` plus progress."""

    DEFAULT_CSS = """
    HeaderLine { height: 1; background: $panel; }
    HeaderLine #app-name { width: auto; padding: 0 1; text-style: bold; color: $text-accent; }
    HeaderLine #corpus { width: 1fr; color: $text; }
    HeaderLine ProgressBar { width: auto; display: none; padding: 0 1; }
    HeaderLine ProgressBar Bar { width: 20; }
    HeaderLine.-indexing ProgressBar { display: block; }
    """

    def __init__(self, corpus_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._name = corpus_name
        self._started: tuple[float, int] | None = None  # (time, done) of the first progress
        self._writing: tuple[float, int] | None = None  # (since, total) once every file is read
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("newsbrowse"), id="app-name")
        yield Static(content(self._name), id="corpus")
        yield ProgressBar(show_eta=False, id="progress")

    def _set(self, *parts: str) -> None:
        line = Content(" · ").join([content(self._name).stylize("bold"), *map(content, parts)])
        self.query_one("#corpus", Static).update(line)

    def show_progress(self, done: int, total: int) -> None:
        """Show indexing progress (``total=0``: opening, unknown size)."""
        # An indeterminate bar animates every frame: only show the bar once the size is known.
        self.set_class(bool(total), "-indexing")
        self.query_one(ProgressBar).update(total=total or 1, progress=done)
        if not total:
            self._set("opening index…")
            return
        now = time.monotonic()
        if done >= total:
            if self._writing is None:
                self._writing = (now, total)
                self._ticker = self.set_interval(1.0, self._show_writing)
            self._show_writing()
            return
        if self._started is None:
            self._started = (now, done)
        parts = [f"indexing {done:,}/{total:,}"]
        parts.extend(_pace(done - self._started[1], now - self._started[0], total - done))
        self._set(*parts)

    def _show_writing(self) -> None:
        """Every file is read; the index is being written (seconds so far, once past 2)."""
        if self._writing is None:
            return
        since, total = self._writing
        seconds = time.monotonic() - since
        parts = [f"indexing {total:,}/{total:,}", "writing the index…"]
        if seconds >= 2:
            parts.append(f"{seconds:.0f} s")
        self._set(*parts)

    def _end_progress(self) -> None:
        """Indexing is over: the next update measures its own pace."""
        self.remove_class("-indexing")
        self._started = self._writing = None
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def show_opened(self) -> None:
        """The index is open; counts follow."""
        self._end_progress()
        self._set("counting…")

    def show_counts(self, articles: int, speakers: int, quotes: int, note: str = "") -> None:
        """Show the corpus counts; indexing is over."""
        self._end_progress()
        parts = [
            counted(articles, "article", grouped=True),
            counted(speakers, "speaker", grouped=True),
            counted(quotes, "quote", grouped=True),
        ]
        self._set(*parts, *([note] if note else []))

    def show_error(self, message: str) -> None:
        """Show that the index could not be opened."""
        self._end_progress()
        line = Content(" · ").join(
            [content(self._name).stylize("bold"), content(message).stylize("$text-error")]
        )
        self.query_one("#corpus", Static).update(line)


def _pace(done: int, seconds: float, left: int) -> list[str]:
    """The rate and the time left to read the files, once there is enough to tell them."""
    if done < 2 or seconds < 1.0:
        return []
    rate = done / seconds
    eta = left / rate
    # "to read": the files are counted as they are read; writing the index comes after.
    shown = f"{eta:.0f} s" if eta < 90 else f"{eta / 60:.0f} min"
    shown += " left to read"
    return [f"{rate:,.0f}/s", shown]
