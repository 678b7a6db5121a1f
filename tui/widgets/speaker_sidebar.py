"""The speaker sidebar: who is quoted (in this article or the corpus) and what they said."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from newsbrowse.index.model import QuoteRecord

from ..citation import is_verbatim
from ..safe_text import rich_text, shorten
from .quote_provenance import QuoteProvenance
from .saved_items import SavedItems
from .speaker_tree import FilterEntry, NodeData, SpeakerEntry, SpeakerTree

UNATTRIBUTED = "(unattributed)"


class SpeakerSidebar(Vertical):
    """Speakers with counts; ``enter`` on a speaker lands on their first quote and expands
    them to their quotes (``space`` folds); ``t`` opens their timeline; ``c`` toggles the
    scope. Below, the saved searches and bookmarks."""

    DEFAULT_CSS = """
    SpeakerSidebar { height: 1fr; }
    SpeakerSidebar #scope { height: 1; padding: 0 1; color: $text-muted; }
    SpeakerSidebar #scope:hover { color: $text; }
    SpeakerSidebar SpeakerTree { height: 1fr; background: transparent; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "toggle_scope", "scope", id="speakers.scope"),
        Binding("f", "filter", "filter", id="speakers.filter"),
        Binding("t", "timeline", "timeline", id="speakers.timeline"),
    ]

    @dataclass
    class QuoteChosen(Message):
        """Open this quote's article and jump to it."""

        record: QuoteRecord

    @dataclass
    class SpeakerSelected(Message):
        """The speaker under the cursor (the one ``s``/``S`` step through)."""

        speaker: SpeakerEntry

    @dataclass
    class SpeakerChosen(Message):
        """``enter`` on a speaker: land on their first quote."""

        speaker: SpeakerEntry

    @dataclass
    class TimelineRequested(Message):
        """``t``: show this speaker's timeline."""

        speaker: SpeakerEntry

    @dataclass
    class FilterRequested(Message):
        """Filter the results to this speaker's articles."""

        speaker: SpeakerEntry

    @dataclass
    class ScopeChanged(Message):
        """The user switched between this article's and the whole corpus's speakers."""

        corpus: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus_scope = False
        # "also in 2 articles, first reported …" for a quote other articles report too: set
        # by the screen (the session knows the clusters), shown for the quote under the cursor.
        self.provenance_of: Callable[[QuoteRecord], str | None] = lambda _record: None
        self._quotes: dict[str | None, list[QuoteRecord]] = {}
        self._labels: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(self._scope_label(), id="scope")
        tree = SpeakerTree(Text("speakers"), id="speaker-tree")
        tree.show_root = False
        tree.auto_expand = False  # enter lands on a quote (and expands); space folds
        yield tree
        yield QuoteProvenance(id="sidebar-provenance")
        yield SavedItems(id="saved")

    @property
    def speaker_tree(self) -> SpeakerTree:
        """The speaker tree."""
        return self.query_one(SpeakerTree)

    def _scope_label(self) -> Content:
        article, corpus = ("●", "○") if not self.corpus_scope else ("○", "●")
        return Content.assemble(f"{article} article  {corpus} corpus  ", ("(c)", "$text-muted"))

    def set_scope(self, corpus: bool) -> None:
        """Switch scope (the screen fills the tree for it)."""
        if corpus != self.corpus_scope:
            self.corpus_scope = corpus
            self.query_one("#scope", Static).update(self._scope_label())
            self.post_message(self.ScopeChanged(corpus))

    def action_toggle_scope(self) -> None:
        """Switch between the article's speakers and the corpus's."""
        self.set_scope(not self.corpus_scope)

    def on_click(self, event) -> None:
        """A click on the scope line toggles it."""
        if getattr(event.widget, "id", None) == "scope":
            self.action_toggle_scope()

    # ----- filling ----------------------------------------------------------------------------

    def show_speakers(
        self,
        speakers: Sequence[SpeakerEntry],
        quotes: Sequence[QuoteRecord],
        labels: dict[str, str] | None = None,
    ) -> None:
        """Fill the tree; quotes are grouped under their speaker (added when expanded).

        ``labels`` maps article ids to titles, shown beside quotes in corpus scope.
        """
        tree = self.speaker_tree
        self._labels = labels or {}
        self.border_subtitle = None
        previous = self.selected
        node = tree.cursor_node
        while node is not None and not isinstance(node.data, SpeakerEntry):
            node = node.parent
        was_open = node is not None and node.is_expanded
        self._quotes = {}
        for record in quotes:
            for key in record.all_speaker_ids:  # a joint quote is each speaker's
                self._quotes.setdefault(key, []).append(record)
        entries = list(speakers)
        if None in self._quotes and all(s.speaker_id is not None for s in entries):
            entries.append(SpeakerEntry(None, UNATTRIBUTED, len(self._quotes[None])))
        tree.clear()
        restore: TreeNode[NodeData] | None = None
        for entry in entries:
            label = Text.assemble(rich_text(entry.name, "bold"), (f" {entry.count}", "dim"))
            node = tree.root.add(label, entry)
            if previous is not None and entry.speaker_id == previous.speaker_id:
                restore = node
        if restore is not None:
            if was_open:
                restore.expand()
            self._move_cursor(restore)

    def quotes_of(self, speaker_id: str | None) -> list[QuoteRecord]:
        """The quotes shown under a speaker in the current scope."""
        return list(self._quotes.get(speaker_id, ()))

    def focus_speaker(self, speaker_id: str | None) -> bool:
        """Expand a speaker's node and put the cursor on it."""
        for node in self.speaker_tree.root.children:
            if isinstance(node.data, SpeakerEntry) and node.data.speaker_id == speaker_id:
                node.expand()
                self._move_cursor(node)
                return True
        return False

    def _move_cursor(self, node: TreeNode[NodeData]) -> None:
        tree = self.speaker_tree
        _ = tree.last_line  # rebuilds the tree's lines, so the node knows its line
        tree.move_cursor(node)
        tree.scroll_to_node(node, animate=False)

    @property
    def selected(self) -> SpeakerEntry | None:
        """The speaker under the cursor (or owning the quote under it)."""
        node = self.speaker_tree.cursor_node
        while node is not None and not isinstance(node.data, SpeakerEntry):
            node = node.parent
        return node.data if node is not None and isinstance(node.data, SpeakerEntry) else None

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        event.stop()
        node, entry = event.node, event.node.data
        if not isinstance(entry, SpeakerEntry) or node.children:
            return
        if entry.speaker_id is not None:
            label = Text.assemble(("⌕ ", "bold"), "filter results to ", rich_text(entry.name))
            node.add_leaf(label, FilterEntry(entry))
        for record in self._quotes.get(entry.speaker_id, ()):
            text = shorten(record.quote.text, 200)
            if is_verbatim(record.quote.kind):
                label = Text.assemble(("“", "dim"), text, ("”", "dim"))
            else:  # reported speech: never in quotation marks
                label = Text(text, style="italic")
            if self.corpus_scope:
                where = self._labels.get(record.article, record.article)
                label.append(f"  {shorten(where, 40)}", "dim")
            node.add_leaf(label, record)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        event.stop()
        if (entry := self.selected) is not None:
            self.post_message(self.SpeakerSelected(entry))
        data = event.node.data
        line = self.provenance_of(data) if isinstance(data, QuoteRecord) else None
        self.query_one(QuoteProvenance).show_line(line)
        self.refresh_bindings()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        data = event.node.data
        if isinstance(data, QuoteRecord):
            self.post_message(self.QuoteChosen(data))
        elif isinstance(data, FilterEntry):
            self.post_message(self.FilterRequested(data.speaker))
        elif isinstance(data, SpeakerEntry):
            event.node.expand()
            self.post_message(self.SpeakerChosen(data))

    def why_not(self, action: str) -> str | None:
        """Why ``action`` can't act now (the main screen dims the key and shows this)."""
        entry = self.selected
        if action == "filter":
            if entry is None:
                return "No speaker under the cursor to filter by."
            if entry.speaker_id is None:
                return "Unattributed quotes have no speaker to filter by."
        if action == "timeline" and entry is None:
            return "No speaker under the cursor: move to one, then t for their timeline."
        return None

    def action_timeline(self) -> None:
        """Show the selected speaker's timeline (or say why not)."""
        if (reason := self.why_not("timeline")) is not None:
            self.notify(reason, timeout=3, markup=False)
        elif (entry := self.selected) is not None:
            self.post_message(self.TimelineRequested(entry))

    def action_filter(self) -> None:
        """Filter the results to the selected speaker (or say why not)."""
        if (reason := self.why_not("filter")) is not None:
            self.notify(reason, timeout=3, markup=False)
        elif (entry := self.selected) is not None:
            self.post_message(self.FilterRequested(entry))
