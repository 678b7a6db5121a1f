"""The search history: kept across runs (newest first, distinct, bounded), walked as a shell
walks its history."""

from __future__ import annotations

import json
from pathlib import Path

from newsbrowse.tui.search_history import HISTORY_LIMIT, HistoryWalk, remember
from newsbrowse.tui.session import Session
from newsbrowse.tui.user_state import UserState


def test_remember_puts_a_query_first_once() -> None:
    assert remember(["b", "a"], "a") == ["a", "b"]
    assert remember(["b", "a"], "  c ") == ["c", "b", "a"]
    assert remember(["b", "a"], "   ") == ["b", "a"]
    assert remember([str(i) for i in range(5)], "new", limit=3) == ["new", "0", "1"]


def test_up_walks_back_and_down_brings_the_draft_back() -> None:
    walk = HistoryWalk(lambda: ["kallas", "peskov", "lavrov"])
    assert walk.newer() is None, "not walking: nothing newer"
    assert walk.older("kal") == "kallas"
    assert walk.older("kallas") == "peskov"
    assert walk.older("peskov") == "lavrov"
    assert walk.older("lavrov") is None, "the oldest"
    assert walk.newer() == "peskov"
    assert walk.newer() == "kallas"
    assert walk.newer() == "kal", "past the newest: what was typed"
    assert not walk.walking
    assert walk.newer() is None


def test_the_walk_skips_the_query_already_shown_and_ends_when_reset() -> None:
    walk = HistoryWalk(lambda: ["kallas", "peskov"])
    assert walk.older("kallas") == "peskov", "the search just run is not shown again"
    walk.reset()
    assert not walk.walking
    assert walk.older("") == "kallas"


def test_the_history_is_kept_across_runs_bounded_and_clean(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    one = Session(tmp_path / "corpus", state_file=state)
    for query in ("kallas", "peskov", "kallas", "", "a\x1b]0;x\x07b"):
        one.remember_search(query)
    again = Session(tmp_path / "other-corpus", state_file=state)
    assert again.user.history == ["a ]0;x b", "kallas", "peskov"]
    assert again.history.older("") == "a ]0;x b"
    many = UserState.load(state)
    for i in range(HISTORY_LIMIT + 20):
        many.add_search(f"q{i}")
    many.save()
    kept = UserState.load(state).history
    assert len(kept) == HISTORY_LIMIT and kept[0] == f"q{HISTORY_LIMIT + 19}"


def test_a_damaged_history_is_dropped_not_raised(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"history": ["ok", 3, None, "ok", "\x00"], "theme": "nord"}))
    assert UserState.load(state).history == ["ok"]
    state.write_text(json.dumps({"history": "not a list"}))
    assert UserState.load(state).history == []
