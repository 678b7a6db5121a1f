"""Short garbage collections while keys are pressed: what is loaded to stay is frozen.

A full collection walks every object the app holds: with a 1 MB article laid out it took
80 ms and fell on about one key press in fifteen (n, ], a typed letter); with a 100,000-
article corpus's lists loaded it takes 0.7 s. After a big load (the corpus's lists, an
article laid out) :meth:`Heap.keep_loaded` moves everything alive into the permanent
generation (``gc.freeze``), which collections skip.

Frozen objects that die later are still freed by reference counting; only those in
reference cycles (widgets a recompose replaced, say) wait for a thaw. As CPython's own rule
for full collections, a thaw comes once the frozen objects have grown by :data:`GROWTH`
since the last: what waits stays a bounded share of the heap, and the thaw's full
collection (on a load, which the user is waiting for anyway) is paid once per that growth.
"""

from __future__ import annotations

import gc

GROWTH = 0.5  # thaw once the frozen objects have grown by half since the last thaw


class Heap:
    """Freezes after each load; thaws (collects it all) when the frozen heap has grown."""

    def __init__(self, growth: float = GROWTH) -> None:
        self.growth = growth
        self.base: int | None = None  # frozen objects just after the last thaw or new base

    def keep_loaded(self, *, new_base: bool = False) -> None:
        """Freeze what is alive now. ``new_base``: this load replaces the bulk of what is
        held (the corpus's lists): it sets the size later growth is measured from."""
        gc.freeze()
        count = gc.get_freeze_count()
        if new_base or self.base is None:
            self.base = count
        elif count > self.base * (1 + self.growth):
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.base = gc.get_freeze_count()
