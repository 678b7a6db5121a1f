"""Back and forward through the places visited (tui/history.py), without the app."""

from __future__ import annotations

from newsbrowse.tui.history import History, Place

A, B, C = Place("a.txt"), Place("b.txt", quote=(10, 20)), Place("c.txt", offset=300)


def test_nothing_to_go_back_to_at_first() -> None:
    history = History()
    assert history.back(None) is None
    assert history.forward(None) is None
    history.visit(None, A)
    assert history.back(A) is None
    assert not history.can_go_back


def test_back_returns_where_the_user_was_and_forward_comes_again() -> None:
    history = History()
    history.visit(None, A)
    history.visit(Place("a.txt", offset=120), B)  # read A down to 120, then jumped to B
    assert history.back(B) == Place("a.txt", offset=120)
    assert history.forward(Place("a.txt", offset=150)) == B
    # the position scrolled to before going forward is kept
    assert history.back(B) == Place("a.txt", offset=150)


def test_a_new_jump_drops_the_forward_places() -> None:
    history = History()
    history.visit(None, A)
    history.visit(A, B)
    assert history.back(B) == A
    history.visit(A, C)
    assert history.forward(C) is None
    assert history.places == (A, C)


def test_a_previewed_article_becomes_a_place_when_left() -> None:
    history = History()
    history.visit(None, A)
    preview = Place("p.txt", offset=40)  # moved through the results: not a step
    assert history.back(preview) == A
    assert history.forward(A) == preview


def test_a_preview_is_not_kept_by_going_forward() -> None:
    history = History()
    history.visit(None, A)
    history.visit(A, B)
    assert history.back(B) == A
    assert history.forward(Place("p.txt")) == B
    assert history.places == (A, B)


def test_opening_the_previewed_article_is_one_step_not_two() -> None:
    history = History()
    history.visit(None, Place("a.txt"))
    history.visit(Place("a.txt", offset=30), Place("a.txt"))
    assert history.places == (Place("a.txt", offset=30),)


def test_a_jump_to_a_quote_in_the_same_article_is_a_step() -> None:
    history = History()
    history.visit(None, A)
    quote = Place("a.txt", offset=0, quote=(50, 60))
    history.visit(Place("a.txt", offset=20), quote)
    assert history.back(quote) == Place("a.txt", offset=20)
    assert history.forward(Place("a.txt", offset=20)) == quote


def test_a_jump_from_a_quote_comes_back_to_that_quote() -> None:
    history = History()
    history.visit(None, A)
    history.visit(A, Place("b.txt", quote=(10, 20)))
    here = Place("b.txt", offset=5, quote=(30, 40))  # then ] to another quote
    history.visit(here, C)
    assert history.back(C) == here


def test_the_oldest_places_go_first() -> None:
    history = History(limit=3)
    history.visit(None, Place("0"))
    for n in range(1, 6):
        history.visit(Place(str(n - 1)), Place(str(n)))
    assert [p.article for p in history.places] == ["3", "4", "5"]
    assert history.back(Place("5")) == Place("4")
    assert history.back(Place("4")) == Place("3")
    assert history.back(Place("3")) is None


def test_back_is_possible_from_a_previewed_article_only() -> None:
    history = History()
    assert not history.can_go_back_from(Place("a", 0, None))
    history.visit(None, Place("a", 0, None))
    assert not history.can_go_back_from(Place("a", 120, None))  # scrolled, same article
    assert history.can_go_back_from(Place("b", 0, None))  # a result previewed since
    assert history.back(Place("b", 0, None)) == Place("a", 0, None)


def test_a_note_keeps_the_position_of_the_current_place_only() -> None:
    history = History()
    history.visit(None, A)
    history.note(Place("a.txt", offset=500))  # about to preview another article
    history.note(Place("p.txt", offset=9))  # a preview: not kept
    assert history.places == (Place("a.txt", offset=500),)
    history.visit(Place("p.txt"), B)
    assert history.back(B) == Place("p.txt")
    assert history.back(Place("p.txt")) == Place("a.txt", offset=500)
