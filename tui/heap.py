"""Short garbage collections while keys are pressed: what is loaded to stay is frozen.

A full collection walks every object the app holds; with a 1 MB article laid out that took
80 ms, and it fell on about one key press in fifteen (n, ], a typed letter). After a big
load (an article laid out, the corpus's lists) :func:`keep_loaded` moves everything alive
into the permanent generation (``gc.freeze``), which collections skip. Objects frozen and
later dropped are still freed by reference counting; only those in reference cycles wait
for the next thaw, every :data:`THAW_EVERY` loads, when a full collection (on a load, which
the user is waiting for anyway) takes them.
"""

from __future__ import annotations

import gc

THAW_EVERY = 16  # loads between thaws: bounds what cycles freed meanwhile can hold


class Heap:
    """Counts the loads and freezes after each, thawing every :data:`THAW_EVERY`."""

    def __init__(self, thaw_every: int = THAW_EVERY) -> None:
        self.thaw_every = thaw_every
        self.loads = 0

    def keep_loaded(self) -> None:
        """Freeze what is alive now; every ``thaw_every`` loads, first collect it all."""
        self.loads += 1
        if self.loads % self.thaw_every == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
