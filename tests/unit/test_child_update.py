"""The app's update runs in a child process: it works whatever the app did to sys.stderr."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsbrowse.index import IndexDirError
from newsbrowse.index.child_update import ChildUpdate, ChildUpdateError
from newsbrowse.index.library import Library
from newsbrowse.index.store import store as store_module


class DetachedStderr:
    """What Textual puts in sys.stderr while the app runs: no real file behind it."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return -1


@pytest.mark.slow
def test_a_big_first_build_works_with_the_apps_stderr(
    tmp_path: Path, make_corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = store_module.PARALLEL_THRESHOLD + 20  # big enough for build worker processes
    corpus = make_corpus(tmp_path / "corpus", n)
    monkeypatch.setattr(sys, "stderr", DetachedStderr())
    library = Library(corpus, tmp_path / "index")
    seen: list[tuple[int, int]] = []
    report = library.update(lambda done, total: seen.append((done, total)), isolated=True)
    assert report.added == n
    assert seen and seen[-1] == (n, n)
    assert library.search("report").total == n  # the parent sees the child's index
    library.close()


def test_a_child_update_picks_up_changes(seeds_copy: Path, tmp_path: Path) -> None:
    library = Library(seeds_copy, tmp_path / "index")
    assert library.update(isolated=True).added == 5
    assert library.search("Kallas").total == 4
    (seeds_copy / "new.txt").write_text("Zebra news\n\nA zebra was seen.\n", encoding="utf-8")
    report = library.update(isolated=True)
    assert (report.added, report.unchanged) == (1, 5)
    library._synced = 0.0
    assert library.search("zebra").total == 1
    library.close()


def test_the_childs_errors_keep_their_kind(seeds_copy: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("x", encoding="utf-8")
    library = Library(seeds_copy, notes)
    with pytest.raises(IndexDirError, match="not a newsbrowse index"):
        library.update(isolated=True)
    assert (notes / "mine.txt").read_text(encoding="utf-8") == "x"


def test_a_cancelled_child_update_says_so(seeds_copy: Path, tmp_path: Path) -> None:
    child = ChildUpdate(seeds_copy, tmp_path / "index")
    child.cancel()
    with pytest.raises(ChildUpdateError, match="cancelled"):
        child.run()


def test_the_child_makes_the_speakers_and_clusters_so_the_app_never_waits(
    seeds_copy: Path, tmp_path: Path
) -> None:
    from newsbrowse.index.store.state import CorpusState
    from newsbrowse.index.store.store import build_folder

    library = Library(seeds_copy, tmp_path / "index")
    library.update(isolated=True)
    assert library.open() and library._ix is not None
    saved = CorpusState.load(build_folder(library._ix))
    assert saved is not None and saved.registry is not None and saved.clusters is not None
    assert len(saved.clusters.clusters) == 1  # the seeds' two Kallas translations
    library.close()
