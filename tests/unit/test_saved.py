"""Saved searches, bookmarks and read marks on disk (tui/saved.py): kept, shared, never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrowse.tui.saved import VERSION, Bookmark, SavedSearch, SavedStore, saved_path

CORPUS = "/home/me/clippings"


def test_lives_in_the_user_data_directory(private_home: Path) -> None:
    assert saved_path() == private_home / ".local" / "share" / "newsbrowse" / "saved.json"


def test_a_missing_file_is_an_empty_store_and_nothing_is_written_until_a_change(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "saved.json"
    store = SavedStore.load(path)
    assert store.searches == [] and store.bookmarks(CORPUS) == [] and store.problem is None
    assert not path.exists()


def test_everything_kept_survives_a_new_start(tmp_path: Path) -> None:
    path = tmp_path / "data" / "saved.json"
    store = SavedStore.load(path)
    assert store.save_search("kallas", "kallas peace", "date") is False
    store.toggle_bookmark(CORPUS, Bookmark("a.txt", "A title"))
    store.toggle_bookmark(CORPUS, Bookmark("b.txt", "“words” — Someone", quote=(10, 20)))
    store.set_read(CORPUS, "a.txt")
    again = SavedStore.load(path)
    assert again.searches == [SavedSearch("kallas", "kallas peace", "date")]
    marks = again.bookmarks(CORPUS)
    assert [(m.article, m.quote) for m in marks] == [("b.txt", (10, 20)), ("a.txt", None)]
    assert all(m.created for m in marks)
    assert again.read(CORPUS) == {"a.txt"} and again.read("/elsewhere") == set()
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == VERSION


def test_a_name_saved_twice_replaces_its_query(tmp_path: Path) -> None:
    store = SavedStore.load(tmp_path / "saved.json")
    store.save_search("war", "ukraine")
    assert store.save_search("war", "ukraine OR russia") is True
    assert store.searches == [SavedSearch("war", "ukraine OR russia")]
    store.remove_search("war")
    assert SavedStore.load(tmp_path / "saved.json").searches == []


def test_bookmarking_again_removes_the_bookmark(tmp_path: Path) -> None:
    store = SavedStore.load(tmp_path / "saved.json")
    assert store.toggle_bookmark(CORPUS, Bookmark("a.txt", "A")) is True
    assert store.bookmark(CORPUS, "a.txt", None) is not None
    assert store.toggle_bookmark(CORPUS, Bookmark("a.txt", "A")) is False
    assert store.bookmarks(CORPUS) == []


def test_read_marks_come_and_go(tmp_path: Path) -> None:
    store = SavedStore.load(tmp_path / "saved.json")
    assert store.set_read(CORPUS, "a.txt") is True
    assert store.set_read(CORPUS, "a.txt") is False  # already read: nothing to write
    assert store.is_read(CORPUS, "a.txt")
    assert store.set_read(CORPUS, "a.txt", False) is True
    assert SavedStore.load(tmp_path / "saved.json").read(CORPUS) == set()


def test_two_apps_add_to_the_file_rather_than_undo_each_other(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    first, second = SavedStore.load(path), SavedStore.load(path)
    first.save_search("one", "kallas")
    second.save_search("two", "peskov")
    second.toggle_bookmark(CORPUS, Bookmark("a.txt", "A"))
    first.set_read(CORPUS, "b.txt")
    final = SavedStore.load(path)
    assert [s.name for s in final.searches] == ["one", "two"]
    assert [m.article for m in final.bookmarks(CORPUS)] == ["a.txt"]
    assert final.read(CORPUS) == {"b.txt"}


def test_a_damaged_file_is_set_aside_and_what_it_held_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    bad = {
        "version": VERSION,
        "searches": [{"name": "good", "query": "kallas"}, {"name": 3}],
        "corpora": {CORPUS: {"bookmarks": [{"article": "a.txt", "label": "A"}], "read": 7}},
    }
    text = json.dumps(bad)
    path.write_text(text, encoding="utf-8")
    store = SavedStore.load(path)
    assert store.problem is not None and "damaged" in store.problem
    [aside] = tmp_path.glob("saved.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == text  # the bad file, byte for byte
    assert str(aside) in store.problem
    assert store.searches == [SavedSearch("good", "kallas")]
    assert [m.article for m in store.bookmarks(CORPUS)] == ["a.txt"]
    store.set_read(CORPUS, "x.txt")  # the next change writes a good file
    assert SavedStore.load(path).problem is None


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"searches": []}', "\xff\xfe"])
def test_unreadable_content_is_set_aside_never_overwritten(tmp_path: Path, text: str) -> None:
    path = tmp_path / "saved.json"
    path.write_bytes(text.encode("latin-1"))
    store = SavedStore.load(path)
    assert store.problem is not None and "\n" not in store.problem
    store.save_search("new", "words")
    asides = list(tmp_path.glob("saved.json.damaged-*"))
    assert len(asides) == 1 and asides[0].read_bytes() == text.encode("latin-1")
    assert SavedStore.load(path).searches == [SavedSearch("new", "words")]


def test_a_file_from_a_newer_version_is_read_but_never_written(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    text = json.dumps({"version": VERSION + 1, "searches": [{"name": "n", "query": "q"}]})
    path.write_text(text, encoding="utf-8")
    store = SavedStore.load(path)
    assert store.searches == [SavedSearch("n", "q")]
    assert store.problem is not None and "newer" in store.problem
    store.save_search("mine", "words")  # kept for this run only
    assert [s.name for s in store.searches] == ["n", "mine"]
    assert path.read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob("saved.json.damaged-*"))


def test_a_file_that_cannot_be_read_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "saved.json"
    text = json.dumps({"version": VERSION})
    path.write_text(text, encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # (chmod stops no one when the tests run as root, as they do on CI)
    monkeypatch.setattr(Path, "read_bytes", denied)
    store = SavedStore.load(path)
    assert store.problem is not None and "can't read" in store.problem
    store.save_search("mine", "words")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == text
    assert store.searches == [SavedSearch("mine", "words")]


def test_a_write_that_fails_says_so_and_keeps_the_change_for_this_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsbrowse.tui.saved.replacing", full)
    store = SavedStore.load(tmp_path / "saved.json")
    store.save_search("mine", "words")
    assert store.problem is not None and "can't save" in store.problem
    assert "No space left" in store.problem
    assert store.searches == [SavedSearch("mine", "words")]
    assert not (tmp_path / "saved.json").exists()
