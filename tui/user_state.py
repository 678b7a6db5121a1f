"""What the app remembers between runs: theme, reading positions and the search history
(one file in the user state dir)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from newsbrowse.index.atomic import replacing
from newsbrowse.index.locations import APP

from .safe_text import clean
from .search_history import HISTORY_LIMIT, remember


def state_path() -> Path:
    """The state file: ``<user state dir>/newsbrowse/state.json``."""
    return platformdirs.user_state_path(APP) / "state.json"


@dataclass
class UserState:
    """The theme, per corpus each article's reading position (a text offset), and the
    searches run (newest first, distinct, across corpora: a query means the same anywhere)."""

    path: Path
    theme: str | None = None
    positions: dict[str, dict[str, int]] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> UserState:
        """Read the state file; a missing or damaged file gives an empty state."""
        path = path or state_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict):
            return cls(path)
        theme = data.get("theme")
        positions: dict[str, dict[str, int]] = {}
        raw = data.get("positions")
        if isinstance(raw, dict):
            for corpus, articles in raw.items():
                if isinstance(articles, dict):
                    positions[str(corpus)] = {
                        str(k): v for k, v in articles.items() if isinstance(v, int) and v >= 0
                    }
        history: list[str] = []
        raw = data.get("history")
        if isinstance(raw, list):
            entries = (clean(entry) for entry in raw if isinstance(entry, str))
            history = list(dict.fromkeys(entry for entry in entries if entry))
        return cls(
            path, theme if isinstance(theme, str) else None, positions, history[:HISTORY_LIMIT]
        )

    def position(self, corpus: str, article: str) -> int | None:
        """The remembered text offset of ``article`` in ``corpus``, if any."""
        return self.positions.get(corpus, {}).get(article)

    def set_position(self, corpus: str, article: str, offset: int) -> None:
        """Remember where ``article`` was being read."""
        self.positions.setdefault(corpus, {})[article] = max(0, int(offset))

    def add_search(self, query: str) -> bool:
        """Put ``query`` first in the history; False when that changed nothing."""
        history = remember(self.history, clean(query))
        if history == self.history:
            return False
        self.history = history
        return True

    def save(self) -> None:
        """Write the state atomically; failures are ignored (state is a convenience)."""
        data = {"theme": self.theme, "positions": self.positions, "history": self.history}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replacing(self.path) as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
        except OSError:
            pass
