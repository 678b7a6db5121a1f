"""The index as a cache of the corpus: incremental updates, versions, damage, locks, disk errors."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsbrowse.index import IndexWriteError
from newsbrowse.index.library import Library
from newsbrowse.index.locations import default_index_dir
from newsbrowse.index.store import Store
from newsbrowse.index.store import state as state_module
from newsbrowse.index.store import store as store_module

ARTICLE = (
    "Headline about ceasefire\n\nThe minister said the ceasefire would hold, officials said.\n"
)


def build_dir(library: Library) -> Path:
    """The build folder in use inside the library's index folder."""
    folder = Store(library.index_dir).current()
    assert folder is not None
    return folder


@pytest.fixture
def library(seeds_copy: Path, tmp_path: Path) -> Library:
    lib = Library(seeds_copy, tmp_path / "index")
    lib.update()
    yield lib
    lib.close()


def test_first_build_indexes_every_seed(library: Library) -> None:
    assert library.article_count == 5
    assert {a.id for a in library.articles()} == {p.name for p in library.corpus.glob("*.txt")}


def test_second_open_changes_nothing(library: Library) -> None:
    report = library.update()
    assert (report.added, report.changed, report.deleted, report.unchanged) == (0, 0, 0, 5)


def test_added_file_is_found(library: Library) -> None:
    (library.corpus / "sub").mkdir()
    (library.corpus / "sub" / "new.txt").write_text(ARTICLE, encoding="utf-8")
    report = library.update()
    assert report.added == 1 and report.unchanged == 5
    assert [h.article for h in library.search("ceasefire hold").hits] == ["sub/new.txt"]


def test_changed_file_is_reindexed(library: Library) -> None:
    target = library.corpus / "000_f5f97ad7e3ccccf8.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    report = library.update()
    assert report.changed == 1
    assert library.search("ceasefire hold").total == 1
    assert library.search("Zaporizhzhia").total == 0


def test_deleted_file_is_dropped(library: Library) -> None:
    (library.corpus / "001_065d88eab2c2a7bf.txt").unlink()
    report = library.update()
    assert report.deleted == 1
    assert library.article_count == 4
    assert library.search("Vialko").total == 0
    with pytest.raises(KeyError):
        library.article("001_065d88eab2c2a7bf.txt")


def test_touched_file_is_not_rewritten(library: Library) -> None:
    target = library.corpus / "002_0ed02c48502558b3.txt"
    os.utime(target, ns=(1, 1))
    report = library.update()
    assert (report.added, report.changed, report.deleted) == (0, 0, 0)


def test_unreadable_files_are_skipped_with_reasons(library: Library) -> None:
    (library.corpus / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (library.corpus / "empty.txt").write_bytes(b"")
    report = library.update()
    reasons = dict(report.skipped)
    assert set(reasons) == {"photo.png", "empty.txt"}
    assert "binary" in reasons["photo.png"] and "empty" in reasons["empty.txt"]
    assert library.article_count == 5
    again = library.update()
    # Listed again, once each; skipped files are not counted among the unchanged articles.
    assert again.skipped == report.skipped and again.unchanged == 5


def test_version_change_rebuilds(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "VERSION", store_module.VERSION + "-next")
    report = Library(library.corpus, library.index_dir).update()
    assert report.rebuilt and report.added == 5


def test_rebuild_flag(library: Library) -> None:
    report = library.update(rebuild=True)
    assert report.rebuilt and report.added == 5 and library.article_count == 5


SEGMENT_FILES = [".pst", ".trm", "._stored.col", ".day.col", ".id.col", "._body_len.col"]


@pytest.mark.parametrize("suffix", SEGMENT_FILES)
@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete"])
def test_damaged_segment_is_detected_and_rebuilt(
    library: Library, damage: str, suffix: str
) -> None:
    library.close()
    targets = [p for p in build_dir(library).glob("MAIN_*") if p.name.endswith(suffix)]
    assert targets
    for seg in targets:
        if damage == "truncate":
            seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])
        elif damage == "garbage":
            seg.write_bytes(b"not an index" * 20)
        else:
            seg.unlink()
    assert Store(library.index_dir).open() is None
    fresh = Library(library.corpus, library.index_dir)
    report = fresh.update()
    assert report.rebuilt and "rebuilt" in report.notice
    assert fresh.article_count == 5 and fresh.search("Kallas").total == 4


def test_deleted_toc_and_deleted_folder_rebuild(library: Library) -> None:
    library.close()
    for toc in build_dir(library).glob("*.toc"):
        toc.unlink()
    assert Library(library.corpus, library.index_dir).update().added == 5
    shutil.rmtree(library.index_dir)
    assert Library(library.corpus, library.index_dir).update().added == 5


@pytest.mark.parametrize("part", ["FILES_FILE", "ARTICLES_FILE", "JOURNAL_FILE"])
def test_stale_sidecar_state_is_rebuilt_from_the_index(library: Library, part: str) -> None:
    library.close()
    (build_dir(library) / getattr(state_module, part)).write_bytes(b"broken")
    fresh = Library(library.corpus, library.index_dir)
    report = fresh.update()
    assert (report.added, report.changed, report.unchanged) == (0, 0, 5)
    assert {a.id for a in fresh.articles()} == {p.name for p in library.corpus.glob("*.txt")}
    assert fresh.speakers()
    again = state_module.CorpusState.load(build_dir(library))  # saved again, whole
    assert again is not None and set(again.articles) == {a.id for a in fresh.articles()}


def test_open_and_first_page_do_not_read_the_state(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first screen comes from the index and the small newest-first listing."""
    expected = [a.id for a in library.articles()]
    reads: list[Path] = []
    real_load = state_module.CorpusState.load
    monkeypatch.setattr(
        state_module.CorpusState,
        "load",
        classmethod(lambda cls, d: reads.append(d) or real_load.__func__(cls, d)),
    )
    fresh = Library(library.corpus, library.index_dir)
    assert fresh.open()
    result = fresh.search("", limit=3)
    assert [h.article for h in result.hits] == expected[:3] and result.total == 5
    assert reads == []
    assert [a.id for a in fresh.articles()] == expected  # the state, read when needed
    assert len(reads) == 1
    fresh.close()


def test_newest_listing_follows_updates(library: Library) -> None:
    (library.corpus / "late.txt").write_text(
        "Latest news\n\nPublished: 2031-01-02\n\nThe harbour reopened today.\n"
    )
    library.update()
    fresh = Library(library.corpus, library.index_dir)
    first = fresh.search("", limit=2).hits
    assert first[0].article == "late.txt" and fresh.search("").total == 6
    # a listing from another generation is ignored, not trusted
    (build_dir(library) / state_module.NEWEST_FILE).write_bytes(b"garbage")
    again = Library(library.corpus, library.index_dir)
    assert [h.article for h in again.search("", limit=2).hits] == [h.article for h in first]
    fresh.close()
    again.close()


def test_default_index_lives_in_the_user_cache(seeds_copy: Path, private_home: Path) -> None:
    index_dir = default_index_dir(seeds_copy)
    assert index_dir.is_relative_to(private_home / ".cache")
    assert default_index_dir(seeds_copy) == index_dir  # stable
    assert default_index_dir(seeds_copy.parent) != index_dir


def test_corpus_is_never_written(seeds_copy: Path, tmp_path: Path) -> None:
    before = sorted((p.name, p.stat().st_mtime_ns) for p in seeds_copy.rglob("*"))
    seeds_copy.chmod(0o555)
    try:
        Library(seeds_copy, tmp_path / "ix").update()
    finally:
        seeds_copy.chmod(0o755)
    assert sorted((p.name, p.stat().st_mtime_ns) for p in seeds_copy.rglob("*")) == before


def test_disk_full_leaves_previous_index_usable(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whoosh.writing import SegmentWriter

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    (library.corpus / "new.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(SegmentWriter, "commit", full)
    with pytest.raises(IndexWriteError, match="No space left"):
        library.update()
    monkeypatch.undo()
    assert library.search("Kallas").total == 4  # the old index still answers
    fresh = Library(library.corpus, library.index_dir)
    assert fresh.update().added == 1  # and the next update catches up


HOLD_LOCK = """
import sys, time
from pathlib import Path
from newsbrowse.index.store.lockfile import IndexLock
lock = IndexLock(Path(sys.argv[1]) / "newsbrowse.lock")
assert lock.acquire(5)
print("held", flush=True)
time.sleep(60)
"""


def test_locked_index_serves_what_is_there(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.3)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(library.index_dir)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        (library.corpus / "new.txt").write_text(ARTICLE, encoding="utf-8")
        other = Library(library.corpus, library.index_dir)
        report = other.update()
        assert report.notice and "another newsbrowse process" in report.notice
        assert other.article_count == 5  # served what was there
        assert other.search("Kallas").total == 4
    finally:
        holder.kill()
        holder.wait()
    assert Library(library.corpus, library.index_dir).update().added == 1


@pytest.mark.parametrize(("before", "facets"), [("zorblatt", False), ("peace", True)])
def test_a_reader_follows_a_rebuild_that_removed_its_build(
    library: Library, before: str, facets: bool
) -> None:
    """Another process rebuilds and switches in while this library has the old build open:
    the old build is removed, and Whoosh opens a file only when first read (the stored
    fields for a first hit, the columns for facets). The search answers from the new build
    instead of failing half-way ("'NoneType' object is not subscriptable")."""
    expected = library.search("peace", facets=facets)
    reader = Library(library.corpus, library.index_dir)
    reader.search(before)  # opens the index
    reader.search(before)  # looks at the folder: not again for a while
    old = reader._ix
    other = Library(library.corpus, library.index_dir)
    other.update(rebuild=True)
    other.close()
    result = reader.search("peace", facets=facets)
    assert result.error is None
    assert result.total == expected.total > 0 and result.facets == expected.facets
    assert [h.article for h in result.hits] == [h.article for h in expected.hits]
    assert reader._ix is not old
    reader.close()


def test_an_article_is_read_from_the_new_build_after_a_rebuild(library: Library) -> None:
    """As for a search: an article asked for after another process's rebuild removed the
    build this library had open comes from the new build."""
    article_id = library.search("peace").hits[0].article
    expected = library.article(article_id)
    reader = Library(library.corpus, library.index_dir)
    reader.search("zorblatt")  # opens the index
    reader.search("zorblatt")  # looks at the folder: not again for a while
    other = Library(library.corpus, library.index_dir)
    other.update(rebuild=True)
    other.close()
    assert reader.article(article_id) == expected
    reader.close()


def _replace_corpus(corpus: Path, make_corpus: Callable[..., Path], new: Path, n: int) -> None:
    """Delete every file of ``corpus`` and put ``n`` other reports in their place."""
    for path in corpus.iterdir():
        path.unlink()
    make_corpus(new, n, seed=2)
    for path in new.iterdir():
        path.rename(corpus / f"new-{path.name}")


@pytest.mark.parametrize("workers", [False, True], ids=["one-process", "build-workers"])
def test_a_segment_whose_articles_were_all_deleted_is_dropped_with_its_files(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_corpus: Callable[..., Path],
    workers: bool,
) -> None:
    """A folder whose files were all replaced: the old articles' segment goes at the commit,
    and its files with it, instead of being kept for ever and read by every search."""
    corpus = make_corpus(tmp_path / "corpus", 30)
    lib = Library(corpus, tmp_path / "index")
    lib.update()
    old = {seg.segment_id() for seg in lib._ix._segments()}
    assert old and any(old_id in p.name for p in build_dir(lib).iterdir() for old_id in old)
    if workers:
        monkeypatch.setattr(store_module, "PARALLEL_THRESHOLD", 20)
        monkeypatch.setattr(store_module, "_worker_count", lambda: 2)
    _replace_corpus(corpus, make_corpus, tmp_path / "new", 40)
    report = lib.update()
    assert (report.deleted, report.added) == (30, 40)
    segments = lib._ix._segments()
    assert segments and all(seg.doc_count() > 0 for seg in segments)
    assert not old & {seg.segment_id() for seg in segments}
    assert not any(old_id in p.name for p in build_dir(lib).iterdir() for old_id in old)
    assert lib.article_count == 40 and lib.search("report").total == 40
    lib.close()


def test_an_update_that_deletes_every_article_leaves_an_empty_index(
    tmp_path: Path, make_corpus: Callable[..., Path]
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 12)
    lib = Library(corpus, tmp_path / "index")
    lib.update()
    for path in corpus.iterdir():
        path.unlink()
    assert lib.update().deleted == 12
    assert lib._ix._segments() == []
    assert lib.article_count == 0 and lib.search("report").total == 0
    (corpus / "back.txt").write_text(ARTICLE, encoding="utf-8")
    assert lib.update().added == 1 and lib.search("ceasefire").total == 1
    lib.close()
