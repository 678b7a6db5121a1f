"""Up and Down in the search input walk the searches of this and earlier runs.

Plain Python, no Textual. The entries (newest first, distinct) are kept by
:class:`~.user_state.UserState`; :class:`HistoryWalk` is one walk through them, as a shell
does it: the first Up keeps what was typed (the draft) and shows the newest other search;
Down past the newest brings the draft back; typing ends the walk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

HISTORY_LIMIT = 200  # searches kept


def remember(entries: Sequence[str], query: str, limit: int = HISTORY_LIMIT) -> list[str]:
    """``entries`` with ``query`` first (once; blank queries are not kept), at most ``limit``."""
    query = query.strip()
    if not query:
        return list(entries[:limit])
    return [query, *(entry for entry in entries if entry != query)][:limit]


class HistoryWalk:
    """A walk through past searches; ``entries()`` gives them, newest first."""

    def __init__(self, entries: Callable[[], Sequence[str]]) -> None:
        self._entries = entries
        self._shown: list[str] = []  # the entries of this walk (a snapshot)
        self._index = -1  # -1: not walking (the draft is shown)
        self._draft = ""

    @property
    def walking(self) -> bool:
        """Whether an entry of the history (not the draft) is shown."""
        return self._index >= 0

    def reset(self) -> None:
        """End the walk (the user typed, or a search was run)."""
        self._index = -1
        self._shown = []

    def older(self, current: str) -> str | None:
        """The search before the one shown (None: there is none)."""
        if self._index < 0:
            self._draft = current
            self._shown = [entry for entry in self._entries() if entry != current.strip()]
        if self._index + 1 >= len(self._shown):
            return None
        self._index += 1
        return self._shown[self._index]

    def newer(self) -> str | None:
        """The search after the one shown, or the draft after the newest (None: not walking)."""
        if self._index < 0:
            return None
        self._index -= 1
        return self._draft if self._index < 0 else self._shown[self._index]
