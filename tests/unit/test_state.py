"""The sidecar state on disk: a stream of small pickles, read back whole."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest

from newsbrowse.index.library import Library
from newsbrowse.index.store import state as state_module
from newsbrowse.index.store.state import STATE_FILE, CorpusState


@pytest.fixture
def saved_state(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[CorpusState, Path]:
    monkeypatch.setattr(state_module, "CHUNK", 2)  # five seeds: three pieces per part
    lib = Library(seeds_copy, tmp_path / "index")
    lib.update()
    assert lib.speakers()  # merges the registry into the state
    assert lib.clusters()  # and clusters the quotes
    state = lib._corpus_state
    lib.close()
    out = tmp_path / "saved"
    out.mkdir()
    state.save(out)
    return state, out


def pieces(path: Path) -> int:
    count = 0
    with open(path, "rb") as fh:
        unpickler = pickle.Unpickler(fh)
        while True:
            try:
                unpickler.load()
            except EOFError:
                return count
            count += 1


def test_state_round_trips_through_small_pieces(saved_state: tuple[CorpusState, Path]) -> None:
    state, where = saved_state
    loaded = CorpusState.load(where)
    assert loaded is not None
    assert (loaded.generation, loaded.version) == (state.generation, state.version)
    assert loaded.files == state.files and loaded.articles == state.articles
    names = [(s.id, s.name, s.quotes) for s in state.registry.index.speakers]
    assert [(s.id, s.name, s.quotes) for s in loaded.registry.index.speakers] == names
    assert loaded.registry.names == state.registry.names
    assert loaded.clusters == state.clusters
    # head, count, 3 pieces of files, count, 3 pieces of articles, registry, clusters
    assert pieces(where / STATE_FILE) == 11


def test_a_state_in_an_earlier_format_reads_as_missing(tmp_path: Path) -> None:
    """Earlier states lack the quote fingerprints: they are rebuilt from the index."""
    state = CorpusState(generation=3, version="v", files={"a.txt": state_module.FileEntry(1, 2)})
    (tmp_path / STATE_FILE).write_bytes(pickle.dumps(state))
    assert CorpusState.load(tmp_path) is None
    with open(tmp_path / STATE_FILE, "wb") as fh:
        pickler = pickle.Pickler(fh)
        pickler.dump(("newsbrowse-state-stream-1", 3, "v", 1))
        pickler.dump(0)
        pickler.dump(0)
        pickler.dump(None)
    assert CorpusState.load(tmp_path) is None


@pytest.mark.parametrize("keep", [0.0, 0.3, 0.9])
def test_a_cut_short_state_reads_as_missing(
    saved_state: tuple[CorpusState, Path], keep: float
) -> None:
    _, where = saved_state
    path = where / STATE_FILE
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert CorpusState.load(where) is None


def test_searches_go_on_while_another_thread_reads_the_state(
    warm_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = warm_copy
    lib = Library(corpus, index)
    assert lib.open()
    reading, release = threading.Event(), threading.Event()
    real_state_for = lib._store.state_for

    def slow_state_for(ix):  # a big corpus: seconds to unpickle
        reading.set()
        release.wait(60)
        return real_state_for(ix)

    monkeypatch.setattr(lib._store, "state_for", slow_state_for)
    listed: list = []
    reader = threading.Thread(target=lambda: listed.extend(lib.articles()))
    reader.start()
    assert reading.wait(30)
    totals: list[int] = []
    searched = threading.Event()

    def search() -> None:
        totals.extend([lib.search("Kallas").total, lib.search("").total])
        searched.set()

    threading.Thread(target=search, daemon=True).start()
    try:
        assert searched.wait(20), "searches queued behind the state read"
    finally:
        release.set()
        reader.join(30)
    assert totals[0] > 0 and totals[1] == 5
    assert len(listed) == 5
    lib.close()
