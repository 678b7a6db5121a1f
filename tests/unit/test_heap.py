"""The app's heap: loads are frozen out of the collector; a thaw is due once they grew."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from newsbrowse.tui import heap as heap_module
from newsbrowse.tui.heap import IDLE, Heap


class Node:
    """An object that can sit in a reference cycle (only the collector frees those)."""

    me: Node | None = None


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    """Nothing frozen, and no collection but the ones a test (or the heap) makes."""
    gc.unfreeze()
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.unfreeze()


def garbage_cycle() -> weakref.ref[Node]:
    node = Node()
    node.me = node
    return weakref.ref(node)


def test_a_load_is_frozen_out_of_collections() -> None:
    heap = Heap()
    cycle = garbage_cycle()
    heap.keep_loaded()
    assert gc.get_freeze_count() > 0
    gc.collect()
    assert cycle() is not None, "frozen: a full collection does not walk it"


def test_a_thaw_is_due_once_the_frozen_heap_has_grown_and_frees_its_cycles() -> None:
    heap = Heap(growth=0.5)
    heap.keep_loaded()
    base = gc.get_freeze_count()
    cycle = garbage_cycle()
    heap.keep_loaded()  # a little growth: not due
    assert not heap.due
    gc.collect()
    assert cycle() is not None
    held = [[] for _ in range(base)]  # live objects: the frozen heap grows by all of them
    heap.keep_loaded()
    assert heap.due
    heap.thaw()
    assert cycle() is None
    assert not heap.due
    assert gc.get_freeze_count() > len(held), "what is alive is frozen again"


def test_a_new_base_never_thaws() -> None:
    heap = Heap(growth=0.5)
    heap.keep_loaded()
    cycle = garbage_cycle()
    held = [[] for _ in range(gc.get_freeze_count())]
    heap.keep_loaded(new_base=True)  # the corpus's lists: the bulk, not growth
    assert not heap.due
    gc.collect()
    assert cycle() is not None and held


def test_a_due_thaw_waits_until_no_key_has_come_for_a_while(monkeypatch) -> None:
    now = [100.0]
    monkeypatch.setattr(heap_module.time, "monotonic", lambda: now[0])
    heap = Heap(growth=0.5)
    heap.keep_loaded()
    cycle = garbage_cycle()
    held = [[] for _ in range(gc.get_freeze_count())]
    heap.keep_loaded()
    assert heap.due and held
    heap.pressed()
    now[0] += IDLE / 2
    assert not heap.thaw_if_idle(), "a key came just now"
    gc.collect()
    assert cycle() is not None
    now[0] += IDLE
    assert heap.thaw_if_idle()
    assert cycle() is None and not heap.due
