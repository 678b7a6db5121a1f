"""A speaker's timeline: every quote of theirs across the corpus in date order.

Each entry shows its date, outlet, kind, confidence and article, then the words. ``enter``
closes the screen with the chosen quote (the main screen jumps to it, a step in the
history); ``e`` exports the timeline as Markdown, CSV or JSON to a new file in the user data
directory and shows its path; ``escape`` or ``q`` goes back.

Quotes reported by several articles (one cluster id, see ``index/clusters.py``) fold into
one entry: :func:`statement_key` is the one place that decides (see ``tui/timeline.py``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsbrowse.index.model import QuoteRecord

from ..plural import counted
from ..safe_text import clean, content, shorten
from ..timeline import TimelineEntry, by_cluster, exports_dir, summary, write_export
from ..widgets.key_footer import KeyFooter
from .choice import ChoiceScreen

FORMAT_CHOICES = (("markdown", "Markdown (.md)"), ("csv", "CSV (.csv)"), ("json", "JSON (.json)"))


def statement_key(record: QuoteRecord) -> Hashable:
    """Which quotes are one statement: the reports of one cluster fold into one entry."""
    return by_cluster(record)


def entry_prompt(entry: TimelineEntry, width: int) -> Content:
    """An entry: ``date  outlet · kind · confidence · article`` on one line, then the words
    wrapped and indented, then the other articles that reported it."""
    first = entry.first
    meta = [x for x in (clean(first.outlet), entry.kind, f"{entry.confidence:.2f}") if x]
    head = Content.assemble(
        (first.date or "undated  ", "bold" if first.date else "italic dim"),
        "  ",
        (" · ".join(meta), "$text-secondary"),
        " · ",
        (clean(first.title), "dim"),
    ).truncate(max(width, 1), ellipsis=True)
    words = Content(entry.text).wrap(max(width - 2, 1))
    lines = [head, *(Content("  ") + line for line in words)]
    if len(entry.reports) > 1:
        others = ", ".join(
            f"{clean(r.outlet) or shorten(clean(r.title), 30)} ({r.date or 'undated'})"
            for r in entry.reports[1:]
        )
        also = Content(f"also in {len(entry.reports) - 1}: {others}").stylize("dim")
        lines += [Content("  ") + line for line in also.wrap(max(width - 2, 1))]
    return Content("\n").join(lines)


class TimelineScreen(Screen[QuoteRecord | None]):
    """One speaker's quotes in date order; dismissed with the quote to jump to, or None."""

    DEFAULT_CSS = """
    TimelineScreen { layout: vertical; }
    TimelineScreen #timeline-title { height: auto; padding: 0 1; background: $panel; }
    TimelineScreen #timeline-status {
        height: auto; padding: 0 1; color: $text-success; display: none;
    }
    TimelineScreen #timeline-status.-shown { display: block; }
    TimelineScreen #timeline-status.-error { color: $text-error; }
    TimelineScreen #timeline {
        height: 1fr; border: round $accent; padding: 0 1; background: $surface;
        text-wrap: nowrap; text-overflow: ellipsis; scrollbar-gutter: stable;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "down", show=False, id="timeline.down"),
        Binding("k", "cursor_up", "up", show=False, id="timeline.up"),
        Binding("enter", "jump", "go to quote", id="timeline.jump"),
        Binding("e", "export", "export", id="timeline.export"),
        Binding("escape,q", "close", "back", id="timeline.close"),
    ]

    def __init__(
        self,
        speaker: str,
        entries: Sequence[TimelineEntry],
        *,
        corpus: str = "",
        current: tuple[str, int] | None = None,
        export_folder: Path | None = None,
    ) -> None:
        """``current`` (article, quote start) puts the cursor on that quote's entry."""
        super().__init__()
        self.speaker = clean(speaker) or "unattributed"
        self.entries = list(entries)
        self.corpus = corpus
        self.exported: Path | None = None
        self._current = current
        self._export_folder = export_folder
        self._width = 0

    def compose(self) -> ComposeResult:
        title = Content.assemble(
            ("Timeline", "bold $text-accent"),
            " · ",
            content(self.speaker, "bold"),
            " · ",
            (summary(self.entries) if self.entries else "no quotes", "dim"),
        )
        yield Static(title, id="timeline-title")
        timeline = OptionList(id="timeline", markup=False)
        timeline.border_title = Content("Quotes, oldest first")
        timeline.border_subtitle = Content("enter: go to quote · e: export · escape: back")
        yield timeline
        yield Static("", id="timeline-status")
        yield KeyFooter()

    @property
    def timeline(self) -> OptionList:
        return self.query_one("#timeline", OptionList)

    def on_mount(self) -> None:
        self._fill()
        timeline = self.timeline
        timeline.focus()
        index = 0
        if self._current is not None:
            for i, entry in enumerate(self.entries):
                if any((r.article, r.record.quote.start) == self._current for r in entry.reports):
                    index = i
                    break
        if self.entries:
            timeline.highlighted = index

    def _fill(self) -> None:
        timeline = self.timeline
        width = timeline.scrollable_content_region.width
        self._width = width if width > 0 else 76
        keep = timeline.highlighted
        timeline.set_options([Option(entry_prompt(e, self._width)) for e in self.entries])
        if keep is not None and self.entries:
            timeline.highlighted = min(keep, len(self.entries) - 1)

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self.timeline.scrollable_content_region.width != self._width:
            self._fill()

    @on(OptionList.OptionSelected, "#timeline")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.entries[event.option_index].record)

    def action_cursor_down(self) -> None:
        self.timeline.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.timeline.action_cursor_up()

    def action_jump(self) -> None:
        """Go to the highlighted quote."""
        index = self.timeline.highlighted
        if index is not None and index < len(self.entries):
            self.dismiss(self.entries[index].record)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        """Ask for a format, then write the timeline to a new file and show its path."""
        if not self.entries:
            self._status("Nothing to export: no quotes.", error=True)
            return
        self.app.push_screen(ChoiceScreen("Export the timeline as", FORMAT_CHOICES), self._export)

    def _export(self, fmt: str | None) -> None:
        if fmt is None:
            return
        folder = self._export_folder or exports_dir()
        try:
            path = write_export(folder, self.speaker, self.entries, fmt, self.corpus)
        except OSError as error:
            self._status(f"Could not export: {error.strerror or error}", error=True)
            return
        self.exported = path
        self._status(f"Exported {counted(len(self.entries), 'entry', 'entries')} to {path}")

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#timeline-status", Static)
        status.set_class(error, "-error")
        status.add_class("-shown")
        status.update(content(text))
        self.notify(clean(text), severity="error" if error else "information", markup=False)
