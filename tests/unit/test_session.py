"""The app's session without the app: the catalog's order, the user's state, the engine."""

from __future__ import annotations

from pathlib import Path

from newsbrowse.index.model import ArticleInfo, Quote, QuoteRecord, UpdateReport
from newsbrowse.tui.session import Session
from newsbrowse.tui.user_state import UserState


def info(article_id: str, date: str) -> ArticleInfo:
    return ArticleInfo(article_id, f"/c/{article_id}", None, article_id, date, None, None)


def record(article: str, start: int) -> QuoteRecord:
    return QuoteRecord(article, "", Quote(start, start + 1, "x", "direct", None), None, None)


def test_corpus_quotes_follow_the_catalog_then_the_text(tmp_path: Path) -> None:
    session = Session(tmp_path, state_file=tmp_path / "state.json")
    session.set_catalog([info("new.txt", "2025-09-01"), info("old.txt", "2025-01-01")], [])
    session.set_corpus_quotes(
        [record("old.txt", 3), record("gone.txt", 1), record("new.txt", 9), record("new.txt", 2)]
    )
    assert session.corpus_quotes is not None
    order = [(r.article, r.quote.start) for r in session.corpus_quotes]
    assert order == [("new.txt", 2), ("new.txt", 9), ("old.txt", 3), ("gone.txt", 1)]
    assert session.article_labels() == {"new.txt": "new.txt", "old.txt": "old.txt"}


def test_positions_and_theme_are_kept_on_disk_per_corpus(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    one = Session(tmp_path / "one", state_file=state)
    one.remember_position("a.txt", 120)
    one.remember_theme("nord")
    again = Session(tmp_path / "one", state_file=state)
    assert again.position("a.txt") == 120
    assert again.user.theme == "nord"
    assert Session(tmp_path / "two", state_file=state).position("a.txt") is None
    assert UserState.load(state).theme == "nord"


def test_the_library_comes_from_the_factory(tmp_path: Path) -> None:
    made: list[tuple[Path, Path | None]] = []

    class Stub:
        def __init__(self, corpus: Path, index_dir: Path | None) -> None:
            made.append((corpus, index_dir))

        def update(self, progress: object = None, *, rebuild: bool = False) -> UpdateReport:
            return UpdateReport()

    session = Session(tmp_path / "c\x1bx", tmp_path / "i", library_factory=Stub)  # type: ignore[arg-type]
    session.make_library()
    assert made == [(tmp_path / "c\x1bx", tmp_path / "i")]
    assert session.name == "c x"  # safe to show: the escape character is gone
