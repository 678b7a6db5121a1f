"""Short garbage collections while keys are pressed: what is loaded to stay is frozen.

A full collection walks every object the app holds: with a 1 MB article laid out it took
80 ms and fell on about one key press in fifteen (n, ], a typed letter); with a 100,000-
article corpus's lists loaded it takes 0.7 s. After a big load (the corpus's lists, an
article laid out) :meth:`Heap.keep_loaded` moves everything alive into the permanent
generation (``gc.freeze``), which collections skip.

Frozen objects that die later are still freed by reference counting; only those in
reference cycles (widgets a recompose replaced, say) wait for a thaw. As CPython's own rule
for full collections, a thaw is due once the frozen objects have grown by :data:`GROWTH`
since the last, so what waits stays a bounded share of the heap; the app thaws
(:meth:`Heap.thaw`: one full collection) only when no key has come for a while.
"""

from __future__ import annotations

import gc
import time

GROWTH = 0.5  # a thaw is due once the frozen objects have grown by half since the last
IDLE = 3.0  # seconds without a key before a due thaw runs


class Heap:
    """Freezes after each load; says when a thaw (a full collection) is due."""

    def __init__(self, growth: float = GROWTH) -> None:
        self.growth = growth
        self.base: int | None = None  # frozen objects just after the last thaw or new base
        self.last_key = 0.0  # time.monotonic() of the latest key pressed

    def keep_loaded(self, *, new_base: bool = False) -> None:
        """Freeze what is alive now. ``new_base``: this load replaces the bulk of what is
        held (the corpus's lists): it sets the size later growth is measured from."""
        gc.freeze()
        if new_base or self.base is None:
            self.base = gc.get_freeze_count()

    @property
    def due(self) -> bool:
        """Whether the frozen objects have grown enough since the last thaw to thaw."""
        return self.base is not None and gc.get_freeze_count() > self.base * (1 + self.growth)

    def pressed(self) -> None:
        """A key came: a thaw waits until the keys stop."""
        self.last_key = time.monotonic()

    def thaw_if_idle(self) -> bool:
        """Thaw if one is due and no key has come for :data:`IDLE` seconds (the pause, 0.7 s
        at 100,000 articles, then falls while the person reads, not on a key)."""
        # idle first: counting the frozen objects walks them (10 ms at 1M, 100k articles)
        if time.monotonic() - self.last_key >= IDLE and self.due:
            self.thaw()
            return True
        return False

    def thaw(self) -> None:
        """Collect everything (what died frozen in cycles with it), then freeze again."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.base = gc.get_freeze_count()
