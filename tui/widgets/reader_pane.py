"""The reader's column: the reader, and its find line under it when ``ctrl+f`` opens it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from .find_bar import FindBar
from .quote_provenance import QuoteProvenance
from .reader import Reader


class ReaderPane(Vertical):
    """Holds the :class:`Reader`, the line that says where else its current quote was
    reported, and its :class:`FindBar`, and keeps them in step: what is typed goes to the
    reader's find, the reader's hits and wraps show in the bar."""

    DEFAULT_CSS = """
    ReaderPane { width: 1fr; height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        reader = Reader(id="reader")
        reader.border_title = Content("Reader")
        yield reader
        yield QuoteProvenance(id="provenance")
        yield FindBar(id="find")

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def open_find(self) -> None:
        """Open the find (or go back to its input), the last text selected."""
        bar = self.find_bar
        bar.open()
        if self.reader.find_text is None:
            self.reader.set_find(bar.input.value)

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        message.stop()
        self.reader.set_find(message.text)

    @on(FindBar.Submitted)
    def _find_submitted(self, message: FindBar.Submitted) -> None:
        message.stop()
        self.reader.focus()

    @on(FindBar.Closed)
    def _find_closed(self, message: FindBar.Closed) -> None:
        message.stop()
        self.reader.focus()
        self.reader.close_find()

    @on(Reader.Provenance)
    def _provenance(self, message: Reader.Provenance) -> None:
        message.stop()
        self.query_one(QuoteProvenance).show_line(message.line)

    @on(Reader.Changed)
    def _reader_changed(self, message: Reader.Changed) -> None:
        """Show where the find is (the message goes on to the screen)."""
        reader = message.reader
        bar = self.find_bar
        if reader.find_text is None:
            if bar.is_open:
                if bar.has_focus_within:
                    reader.focus()
                bar.close()
            return
        if not reader.find_text.strip():
            status = ""
        elif not reader.find_hits:
            status = "no hits"
        else:
            k = "-" if reader.find_index is None else str(reader.find_index + 1)
            status = f"{k} of {len(reader.find_hits)}"
        if reader.find_note and reader.find_hits:
            status = f"{status} · {reader.find_note}"
        bar.show_status(status)
