"""The footer: the focused pane's keys first and ``? help`` always, the rest as room allows.

Textual's footer lists keys in the order of the binding chain and cuts what does not fit at
the right edge: at 80 columns that was ``? help``. Here every key is ranked by its binding
id (ids are namespaced: ``results.sort``, ``reader.next_match``, ``main.sidebar``):

1. help, always shown (last, before the palette key at the right edge);
2. the keys of the focused pane (the id's namespace is the pane's);
3. keys named in :attr:`KeyFooter.DISCOVERABLE` (the sidebar toggle);
4. every other key, in the binding chain's order.

Keys that do not fit are dropped whole, from the lowest rank, never cut in half.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ID = "app.help"


class KeyFooter(Footer):
    """A footer that keeps help and the focused pane's keys, dropping the rest first."""

    # A focused widget inside one of these (by id) is in that pane; its keys' namespace.
    PANES: ClassVar[dict[str, tuple[str, ...]]] = {
        "results": ("results",),
        "reader": ("reader",),
        "speakers": ("speakers", "saved"),
        "search": ("search",),
    }
    DISCOVERABLE: ClassVar[tuple[str, ...]] = ("main.sidebar",)
    _pending = False  # a recompose is asked for, after the next refresh
    _shown: tuple[tuple[object, ...], ...] | None = None  # the keys composed, as signatures

    def _pane_namespaces(self) -> tuple[str, ...]:
        focused = self.screen.focused
        if focused is None:
            return ()
        for node in focused.ancestors_with_self:
            if node.id in self.PANES:
                return self.PANES[node.id]
            if isinstance(node, Widget) and node is self.screen:
                break
        return ()

    def ranked(self) -> list[tuple[Binding, bool, str]]:
        """The keys to show, best first: (binding, enabled, tooltip)."""
        panes = self._pane_namespaces()
        keys = [
            (binding, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        ]
        seen: set[str] = set()
        unique = []
        for entry in keys:  # one key per action (the first, as Textual's footer does)
            if entry[0].action not in seen:
                seen.add(entry[0].action)
                unique.append(entry)

        def rank(entry: tuple[Binding, bool, str]) -> int:
            binding_id = entry[0].id or ""
            namespace = binding_id.partition(".")[0]
            if binding_id == HELP_ID:
                return 0
            if namespace in panes:
                return 1
            if binding_id in self.DISCOVERABLE:
                return 2
            return 3

        ranked = sorted(unique, key=rank)  # stable: the chain's order within a rank
        return ranked[1:] + ranked[:1] if ranked and ranked[0][0].id == HELP_ID else ranked

    def _keys(self) -> list[tuple[Binding, bool, str, str]]:
        """What :meth:`compose` shows: ``(binding, enabled, tooltip, classes)`` of the ranked
        keys, grouped, then of the palette's key."""
        if not self._bindings_ready:
            return []
        keys = [
            (
                binding,
                enabled,
                tooltip or binding.description,
                "-help" if binding.id == HELP_ID else "",
            )
            for binding, enabled, tooltip in self._grouped(self.ranked())
        ]
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _node, binding, enabled, _tooltip = palette
                tooltip = binding.tooltip or binding.description
                keys.append((binding, enabled, tooltip, "-command-palette"))
        return keys

    @staticmethod
    def _signature(keys: list[tuple[Binding, bool, str, str]]) -> tuple[tuple[object, ...], ...]:
        return tuple(
            (b.key, b.key_display, b.description, b.action, enabled, tooltip, classes)
            for b, enabled, tooltip, classes in keys
        )

    def bindings_changed(self, screen: Screen) -> None:
        """Recompose once after a burst of binding changes, and only if the keys shown
        change: every focus change, search and article opened changes the bindings, and a
        recompose mounts every key again (a few hundredths of a second each time)."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            if self._shown:
                self.call_after_refresh(self._recompose_if_changed)
            else:  # none shown yet: the keys go into the first frame, with the rows
                self.call_later(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if self.is_attached and self._signature(self._keys()) != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        keys = self._keys()
        self._shown = self._signature(keys)
        for binding, enabled, tooltip, classes in keys:
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
                classes=classes,
            )
            # The palette's key keeps its own look, as in Textual's footer. Not data_bind:
            # each bound key stays in this footer's watchers after it is removed, so every
            # recompose (each article opened) kept ~20 dead keys alive for good.
            if classes != "-command-palette":
                key.set_reactive(FooterKey.compact, self.compact)
            yield key

    def watch_compact(self, compact: bool) -> None:
        for key in self.query(FooterKey):
            if not key.has_class("-command-palette"):
                key.compact = compact

    def _grouped(
        self, keys: list[tuple[Binding, bool, str]]
    ) -> Iterable[tuple[Binding, bool, str]]:
        """Bindings of one group (``n``/``N`` "match") become one key: ``nN match``."""
        done: set[str] = set()
        for binding, enabled, tooltip in keys:
            group = binding.group
            if group is None:
                yield binding, enabled, tooltip
                continue
            if group.description in done:
                continue
            done.add(group.description)
            members = [b for b, _, _ in keys if b.group is not None and b.group == group]
            shown = "".join(self.app.get_key_display(b) for b in members)
            merged = Binding(
                binding.key,
                binding.action,
                group.description,
                key_display=shown,
                id=binding.id,
            )
            yield merged, enabled, tooltip

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._fit)

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Drop whole keys, lowest rank first, until the rest fit (help is never dropped)."""
        if not self.is_attached or not self.size.width:
            return
        keys = list(self.query(FooterKey))
        docked = [key for key in keys if key.styles.dock in ("left", "right")]
        help_keys = [key for key in keys if key.has_class("-help")]
        ranked = [key for key in keys if key not in docked and key not in help_keys]
        room = self.size.width - sum(max(key.outer_size.width, _width(key) + 2) for key in docked)
        room -= sum(map(_width, help_keys))
        for key in ranked:
            room -= _width(key)
            key.display = room >= 0


def _width(key: FooterKey) -> int:
    """The cells a key takes (it is ``width: auto``), worked out from its text as Textual's
    footer lays it out: `` key description `` (compact: ``key description`` and a margin).
    Measured, not read from the layout, so it holds before the new keys are styled."""
    text = cell_len(key.key_display) + (cell_len(key.description) if key.description else 0)
    if key.compact:
        return text + (1 if key.description else 0) + 1
    return text + 2 + (1 if key.description else 0)
