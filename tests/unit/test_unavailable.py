"""A key that can't act says why (and the same answer dims it in the footer)."""

from __future__ import annotations

from newsbrowse.tui.unavailable import NO_ARTICLE, KeyState, why_not

READING = KeyState(article=True, query="kallas", matches=3, quotes=2, speaker=True, ready=True)


def test_keys_that_can_act_say_nothing() -> None:
    for action in ("match", "quote", "speaker_quote", "reload", "focus_search", "back"):
        assert why_not(action, READING) is None, action
    assert why_not("copy_quote", KeyState(article=True, quotes=1, current_quote=True)) is None
    assert why_not("toggle_sidebar", KeyState(narrow=True)) is None


def test_each_key_says_what_is_missing() -> None:
    assert why_not("match", KeyState()) == NO_ARTICLE
    assert "press /" in (why_not("match", KeyState(article=True, query=" ")) or "")
    no_match = why_not("match", KeyState(article=True, query="zorblatt"))
    assert no_match == "No match for “zorblatt” in this article."
    assert why_not("quote", KeyState(article=True)) == "No quotes in this article."
    assert "speaker" in (why_not("speaker_quote", KeyState(article=True)) or "").lower()
    assert "] or [" in (why_not("copy_quote", KeyState(article=True, quotes=2)) or "")
    assert "No quotes" in (why_not("copy_quote", KeyState(article=True)) or "")
    assert "always shown" in (why_not("toggle_sidebar", KeyState()) or "")
    assert "still being built" in (why_not("reload", KeyState(building=True)) or "")
    assert why_not("reload", KeyState()) is None, "the index failed to open: R tries again"


def test_a_query_in_a_notice_is_one_clean_short_line() -> None:
    query = "[b]x[/b]\x1b]0;title\x07 " + "word " * 30
    reason = why_not("match", KeyState(article=True, query=query)) or ""
    assert "\x1b" not in reason and "\x07" not in reason
    assert "…" in reason and len(reason) < 90


def test_the_browsing_keys_say_what_is_missing() -> None:
    assert "Nothing further back" in (why_not("history_back", KeyState()) or "")
    assert why_not("history_back", KeyState(back=True)) is None
    assert "Nothing further forward" in (why_not("history_forward", KeyState(back=True)) or "")
    assert why_not("history_forward", KeyState(forward=True)) is None
    assert "open an article" in (why_not("bookmark", KeyState()) or "")
    assert why_not("bookmark", KeyState(highlighted=True)) is None  # the highlighted result
    assert why_not("bookmark", KeyState(article=True)) is None
    assert "No query to save" in (why_not("save_search", KeyState(search="  ")) or "")
    assert why_not("save_search", KeyState(search="peskov")) is None
