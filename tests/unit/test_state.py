"""The sidecar state on disk: a file table read by every command, the articles as a base
plus a journal that updates append to, the merged speakers apart."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrowse.index.library import Library
from newsbrowse.index.model import ArticleSpeakers
from newsbrowse.index.store import state as state_module
from newsbrowse.index.store.state import (
    ARTICLES_FILE,
    FILES_FILE,
    JOURNAL_FILE,
    CorpusState,
    StateDamaged,
    load_articles,
)


def build_dir(lib: Library) -> Path:
    current = lib._store.current()
    assert current is not None
    return current


@pytest.fixture
def lib(seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setattr(state_module, "CHUNK", 2)  # five seeds: three pieces
    library = Library(seeds_copy, tmp_path / "index")
    library.update()
    assert library.speakers()  # merges the registry, and keeps it beside the state
    assert library.clusters()  # and clusters the quotes
    yield library
    library.close()


def test_state_round_trips_and_reads_articles_and_speakers_only_when_asked(lib: Library) -> None:
    state = lib._corpus_state
    loaded = CorpusState.load(build_dir(lib))
    assert loaded is not None
    assert (loaded.generation, loaded.version, loaded.files) == (
        state.generation,
        state.version,
        state.files,
    )
    assert loaded._articles is None and not loaded._registry_read  # nothing else read yet
    assert loaded.articles == state.articles
    names = [(s.id, s.name, s.quotes) for s in state.registry.index.speakers]
    assert [(s.id, s.name, s.quotes) for s in loaded.registry.index.speakers] == names
    assert not loaded._clusters_read and loaded.clusters == state.clusters


def test_an_update_appends_to_the_journal_without_reading_the_articles(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = build_dir(lib)
    base = (folder / ARTICLES_FILE).read_bytes()
    reads: list[int] = []
    real = state_module.load_articles
    monkeypatch.setattr(state_module, "load_articles", lambda *a: reads.append(1) or real(*a))
    fresh = Library(lib.corpus, lib.index_dir)
    (lib.corpus / "late.txt").write_text("Late news\n\nThe harbour reopened, Peskov said.\n")
    (lib.corpus / "000_f5f97ad7e3ccccf8.txt").unlink()
    report = fresh.update()
    assert (report.added, report.deleted) == (1, 1)
    assert reads == []  # the update never read the articles
    assert (folder / ARTICLES_FILE).read_bytes() == base  # nor rewrote them
    assert (folder / JOURNAL_FILE).stat().st_size > 0
    again = CorpusState.load(folder)
    assert again is not None and again.generation == fresh._ix.latest_generation()
    ids = set(again.articles)
    assert "late.txt" in ids and "000_f5f97ad7e3ccccf8.txt" not in ids and len(ids) == 5
    listed = Library(lib.corpus, lib.index_dir).articles()
    assert {a.id for a in listed} == ids
    # the newest-first listing was updated from the last one: the same as made afresh
    newest = state_module.load_newest(folder, again.generation)
    assert newest == [a.id for a in state_module.newest_first(listed)]
    fresh.close()


def test_a_long_journal_is_folded_into_the_base(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_module, "COMPACT_AT", 0.0)
    folder = build_dir(lib)
    lib.articles()  # the articles in memory: a save may rewrite them
    (lib.corpus / "one.txt").write_text("One\n\nThe first note.\n")
    lib.update()
    (lib.corpus / "two.txt").write_text("Two\n\nThe second note.\n")
    lib.update()
    assert (folder / JOURNAL_FILE).stat().st_size == 0  # folded into the base
    again = CorpusState.load(folder)
    assert again is not None and {"one.txt", "two.txt"} <= set(again.articles)


@pytest.mark.parametrize("part", [ARTICLES_FILE, JOURNAL_FILE])
@pytest.mark.parametrize("keep", [0.0, 0.5])
def test_cut_short_articles_read_as_damaged(
    lib: Library, part: str, keep: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_module, "COMPACT_AT", 100.0)  # keep the journal
    (lib.corpus / "late.txt").write_text("Late\n\nA journal entry for this test.\n")
    lib.update()
    path = build_dir(lib) / part
    data = path.read_bytes()
    assert data
    path.write_bytes(data[: int(len(data) * keep)])
    loaded = CorpusState.load(build_dir(lib))
    assert loaded is not None
    with pytest.raises(StateDamaged):
        _ = loaded.articles


@pytest.mark.parametrize("keep", [0.0, 0.3, 0.9])
def test_a_cut_short_file_table_reads_as_missing(lib: Library, keep: float) -> None:
    path = build_dir(lib) / FILES_FILE
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert CorpusState.load(build_dir(lib)) is None


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


def test_speaker_facets_read_only_their_part_of_the_speakers_file(lib: Library) -> None:
    expected = lib.search("peace", facets=True).facets
    assert expected["speaker"]
    fresh = Library(lib.corpus, lib.index_dir)
    assert fresh.search("peace", facets=True).facets == expected
    assert not fresh._corpus_state._registry_read  # the registry itself was not read
    fresh.close()


def test_the_article_list_reads_the_metadata_file_not_the_articles(lib: Library) -> None:
    (lib.corpus / "late.txt").write_text("Late news\n\nThe harbour reopened on Monday.\n")
    lib.update()  # one journal entry beside the base
    expected = [a.id for a in state_module.newest_first(lib._corpus_state.infos())]
    fresh = Library(lib.corpus, lib.index_dir)
    listed = fresh.articles()
    assert [a.id for a in listed] == expected and "late.txt" in expected
    assert fresh._corpus_state._articles is None  # the articles themselves were not read
    fresh.close()


def test_one_articles_quotes_and_speakers_read_only_that_article_of_the_speakers(
    lib: Library,
) -> None:
    articles = [a.id for a in lib.articles()]
    expected = {a: (lib.quotes(article=a), lib.speakers(article=a)) for a in articles}
    assert any(quotes for quotes, _ in expected.values())
    fresh = Library(lib.corpus, lib.index_dir)
    for article, (quotes, speakers) in expected.items():
        assert fresh.quotes(article=article) == quotes
        assert fresh.speakers(article=article) == speakers
    assert not fresh._corpus_state._registry_read  # the registry itself was not read
    fresh.close()


def test_speaker_facets_from_an_older_index_are_made_again_and_saved(lib: Library) -> None:
    """An index saved before the facets' columns: the facets (and the registry behind them)
    are merged again once, saved in the new form, and give the same counts."""
    expected = lib.search("peace", facets=True).facets
    path = build_dir(lib) / state_module.SPEAKERS_FILE
    generation = lib._corpus_state.generation
    with open(path, "rb") as fh:
        unpickler = pickle.Unpickler(fh)
        _at, facets = unpickler.load()
        rest = fh.read()
    older = {aid: tuple(facets.speakers[n] for n in rows) for aid, rows in _rows(facets)}
    with open(path, "wb") as fh:  # the older form: (names, {article: speaker ids})
        pickle.dump((generation, (facets.names, older)), fh)
        fh.write(rest)
    fresh = Library(lib.corpus, lib.index_dir)
    assert fresh._corpus_state.speaker_facets() is None
    assert fresh.search("peace", facets=True).facets == expected
    fresh.close()
    again = Library(lib.corpus, lib.index_dir)
    assert isinstance(again._corpus_state.speaker_facets(), state_module.SpeakerFacets)
    assert again.search("peace", facets=True).facets == expected
    again.close()


def _rows(facets: state_module.SpeakerFacets) -> list[tuple[str, list[int]]]:
    ids = facets.article_ids.split("\0")[:-1]
    starts = [0, *facets.ends]
    return [(aid, list(facets.numbers[starts[i] : starts[i + 1]])) for i, aid in enumerate(ids)]


speaker_ids = st.text(alphabet="abcxyz-0", min_size=1, max_size=4)
article_ids = st.text(min_size=1, max_size=8).filter(lambda s: "\0" not in s)


@given(
    quoted=st.dictionaries(article_ids, st.sets(speaker_ids, max_size=4), max_size=12),
    asked=st.lists(st.one_of(article_ids, st.sampled_from(["gone"])), max_size=20),
)
def test_each_documents_speakers_come_as_a_dictionary_of_sets_gives_them(
    quoted: dict[str, set[str]], asked: list[str]
) -> None:
    """The columns give each asked article its speakers (sorted; none for an unknown
    article, or left out by ``quoted_in``), as the plain {article: speakers} does, before
    and after a pickle."""
    people = [SimpleNamespace(id=s, name=s.upper()) for s in set().union(*quoted.values())]
    registry = SimpleNamespace(index=SimpleNamespace(speakers=people), by_article=quoted)
    facets = state_module.speaker_facets(registry)  # type: ignore[arg-type]
    expected = [tuple(sorted(quoted.get(aid, ()))) for aid in asked]
    for found in (facets, pickle.loads(pickle.dumps(facets))):
        rows = found.by_document(asked)
        assert [tuple(found.speakers[n] for n in row) for row in rows] == expected
        once = set(asked)  # quoted_in: no id twice, rows in no particular order
        known = sorted(tuple(sorted(quoted[aid])) for aid in once if aid in quoted)
        rows = list(found.quoted_in(once))
        assert sorted(tuple(found.speakers[n] for n in row) for row in rows) == known
    assert facets.names == {p.id: p.name for p in people}


def test_articles_packed_by_workers_are_written_as_they_are_only_when_they_are_the_last_set(
    tmp_path: Path,
) -> None:
    """``packed_as``: bytes the workers pickled stand for the last articles set; anything
    else (not the last, or set again since) is pickled from the articles themselves."""
    values = {name: ArticleSpeakers(prints=(name.encode(),)) for name in "abc"}
    pack = pickle.dumps([("b", values["b"]), ("c", values["c"])], pickle.HIGHEST_PROTOCOL)
    marked = pickle.dumps([("b", "a marker")], pickle.HIGHEST_PROTOCOL)  # as if it lied

    def saved(order: str, packs: list[bytes], ids: list[str], then: str = "") -> Path:
        state = CorpusState(3, "v")
        for article_id in order:
            state.set_article(article_id, values[article_id])
        state.packed_as(packs, ids)
        for article_id in then:
            state.set_article(article_id, values[article_id])
        folder = tmp_path / f"{order}-{then}-{len(packs[0])}"
        folder.mkdir()
        state.save(folder)
        return folder / ARTICLES_FILE

    honest = saved("abc", [pack], ["b", "c"])
    assert pack in honest.read_bytes()
    assert load_articles(honest.parent, 3) == values
    assert list(load_articles(honest.parent, 3)) == ["a", "b", "c"]
    assert b"a marker" in saved("ab", [marked], ["b"]).read_bytes()  # written as given
    assert b"a marker" not in saved("ba", [marked], ["b"]).read_bytes()  # not the last set
    assert b"a marker" not in saved("ab", [marked], ["b"], then="a").read_bytes()  # set since


def test_articles_written_by_an_earlier_version_in_pieces_sharing_one_memo_still_read(
    tmp_path: Path,
) -> None:
    """Version 2 of the articles' base: one pickler for the header and every piece."""
    values = {name: ArticleSpeakers(prints=(name.encode(),)) for name in "abcde"}
    with open(tmp_path / ARTICLES_FILE, "wb") as fh:
        pickler = pickle.Pickler(fh, pickle.HIGHEST_PROTOCOL)
        pickler.dump(("newsbrowse-articles-2", 4, 5))
        items = list(values.items())
        for start in range(0, 5, 2):
            pickler.dump(items[start : start + 2])
    (tmp_path / JOURNAL_FILE).write_bytes(b"")
    assert load_articles(tmp_path, 4) == values
