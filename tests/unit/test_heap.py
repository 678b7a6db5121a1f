"""The app's heap: loads are frozen out of the collector, and thawed every few loads."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from newsbrowse.tui.heap import Heap


class Node:
    """An object that can sit in a reference cycle (only the collector frees those)."""

    me: Node | None = None


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def garbage_cycle() -> weakref.ref[Node]:
    node = Node()
    node.me = node
    return weakref.ref(node)


def test_a_load_is_frozen_out_of_collections() -> None:
    heap = Heap(thaw_every=3)
    cycle = garbage_cycle()
    heap.keep_loaded()
    assert gc.get_freeze_count() > 0
    gc.collect()
    assert cycle() is not None, "frozen: a full collection does not walk it"


def test_every_nth_load_thaws_and_frees_the_cycles_frozen_meanwhile() -> None:
    heap = Heap(thaw_every=3)
    cycle = garbage_cycle()
    heap.keep_loaded()
    heap.keep_loaded()
    gc.collect()
    assert cycle() is not None
    heap.keep_loaded()  # the third: thawed, collected, frozen again
    assert cycle() is None
    assert gc.get_freeze_count() > 0
