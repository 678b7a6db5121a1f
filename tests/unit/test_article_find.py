"""Find in the article without the app: folding, the offset map back, hits by region."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.tui.article_find import FoldedText, find_spans, fold

QUICK = settings(max_examples=300, deadline=None)


def hits(text: str, needle: str, regions: list[tuple[int, int]] | None = None) -> list[str]:
    spans = find_spans(FoldedText(text), regions or [(0, len(text))], needle)
    return [text[start:end] for start, end in spans]


def test_case_and_accents_fold_both_ways() -> None:
    text = "Le Café Société de ZÜRICH; café society; CAFE"
    assert hits(text, "cafe") == ["Café", "café", "CAFE"]
    assert hits(text, "CAFÉ SOCIÉTÉ") == ["Café Société"]
    assert hits(text, "zurich") == ["ZÜRICH"]


def test_typographic_marks_match_their_plain_forms() -> None:
    text = "the minister’s “peace” plan — a “so-called” deal"
    assert hits(text, "minister's") == ["minister’s"]
    assert hits(text, '"peace"') == ["“peace”"]
    assert hits(text, "plan - a") == ["plan — a"]


def test_spaces_match_any_whitespace_and_the_needle_is_literal() -> None:
    text = "peace\n  talks [/] a.b (x)"
    assert hits(text, "peace talks") == ["peace\n  talks"]
    assert hits(text, "[/]") == ["[/]"]
    assert hits(text, "a.b") == ["a.b"] and hits(text, "(x)") == ["(x)"]
    assert hits(text, "   ") == [] and hits(text, "") == []


def test_ligatures_and_sharp_s_expand_and_map_back_whole() -> None:
    text = "Straße ﬁnal Strasse"
    assert hits(text, "strasse") == ["Straße", "Strasse"]
    assert hits(text, "final") == ["ﬁnal"]


def test_hits_stay_inside_one_shown_region() -> None:
    text = "cruft kallas\n\nKallas said\n\nand kallas"
    regions = [(14, 25), (27, 37)]
    assert find_spans(FoldedText(text), regions, "kallas") == [(14, 20), (31, 37)]
    assert hits(text, "said and", regions) == [], "across two paragraphs"


@QUICK
@given(st.text(max_size=60), st.text(min_size=1, max_size=3))
def test_every_hit_is_a_span_whose_folded_text_is_the_needle(text: str, needle: str) -> None:
    words = fold(needle).split()
    for start, end in find_spans(FoldedText(text), [(0, len(text))], needle):
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]).split() == words


@QUICK
@given(st.text(max_size=60))
def test_the_offset_map_is_monotonic_and_in_range(text: str) -> None:
    folded = FoldedText(text)
    starts = [folded.source_start(i) for i in range(len(folded.folded))]
    assert starts == sorted(starts)
    assert all(0 <= s < len(text) for s in starts)


def test_a_letter_that_folds_to_two_is_found_only_whole() -> None:
    # "ß" folds to "ss": typing "s" does not light it, typing "ss" does
    assert find_spans(FoldedText("Straße"), [(0, 6)], "s") == [(0, 1)]
    assert find_spans(FoldedText("Straße"), [(0, 6)], "ss") == [(4, 5)]
