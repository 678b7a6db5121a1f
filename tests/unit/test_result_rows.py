"""The results list's rows and snippets (widgets/results.py), without the app."""

from __future__ import annotations

from newsbrowse.index.model import Hit
from newsbrowse.tui.widgets.results import hit_row, outlet_width, snippet_lines


def hit(
    label: str = "A headline",
    *,
    title: str | None = "A headline",
    date: str | None = "2025-08-23",
    source: str | None = "Fox News",
    snippet: str = "",
    spans: tuple[tuple[int, int], ...] = (),
) -> Hit:
    return Hit("a.txt", title, label, date, source, 1.0, snippet, spans)


def test_a_row_is_date_outlet_and_headline_exactly_as_wide_as_asked() -> None:
    row = hit_row(hit("Kallas says Russia does not want peace"), 40, 8)
    assert len(row.plain) == 40
    assert row.plain.startswith("2025-08-23 Fox News Kallas says")
    assert row.plain.endswith("…")
    short = hit_row(hit("Short"), 40, 8)
    assert short.plain == "2025-08-23 Fox News Short".ljust(40)


def test_missing_date_and_outlet_keep_the_columns_aligned() -> None:
    row = hit_row(hit("Undated", date=None, source=None), 30, 6)
    assert row.plain == (" " * 10 + " " + " " * 6 + " " + "Undated").ljust(30)
    assert hit_row(hit("No outlets at all", source=None), 30, 0).plain.startswith(
        "2025-08-23 No outlets"
    )


def test_long_outlets_are_cut_and_the_column_follows_the_longest_shown() -> None:
    hits = [hit(source="News.Az"), hit(source="Radio Free Europe / Radio Liberty")]
    assert outlet_width(hits, 80) == 14
    assert outlet_width(hits, 46) == 9
    assert outlet_width(hits, 34) == 0  # 80 columns: the headline gets the room
    assert outlet_width([hit(source=None)], 80) == 0
    assert "Radio Fr…" in hit_row(hits[1], 46, 9).plain


def test_untrusted_text_is_one_clean_line() -> None:
    row = hit_row(hit("[b]x[/b]\x1b]0;pwned\x07 line\nbreak", source="[@click=app.quit]"), 60, 14)
    assert "\x1b" not in row.plain and "\n" not in row.plain and "\x07" not in row.plain
    assert "[b]x[/b]" in row.plain


def test_read_rows_are_dimmed() -> None:
    row = hit_row(hit(), 40, 8, read=True)
    assert any(
        span.start == 0 and span.end == 40 and "dim" in str(span.style) for span in row.spans
    )
    assert not any("dim" in str(s.style) and s.end == 40 for s in hit_row(hit(), 40, 8).spans)


def test_the_snippet_is_two_lines_at_most_with_matches_lit() -> None:
    text = "Kallas told Digital that while dialogue is necessary, " * 4
    lines = snippet_lines(hit(snippet=text, spans=((0, 6),)), 30)
    assert len(lines) == 2 and all(line.plain.startswith("  ") for line in lines)
    assert all(len(line.plain) <= 30 for line in lines)
    assert lines[1].plain.endswith("…")
    lit = [lines[0].plain[s.start : s.end] for s in lines[0].spans if "underline" in str(s.style)]
    assert lit == ["Kallas"]


def test_a_snippet_that_repeats_the_headline_goes_on_after_its_sentence() -> None:
    label = "The European Union remains sceptical about the prospects of a near-term meeting"
    snippet = label + " between the two presidents, Kallas said. Kallas, the EU's envoy, said more."
    lines = snippet_lines(
        hit(label + "…", title=None, snippet=snippet, spans=((108, 114), (121, 127))), 60
    )
    shown = " ".join(line.plain.strip() for line in lines)
    assert shown.startswith("Kallas, the EU's envoy")
    assert "sceptical" not in shown
    lit = [
        line.plain[s.start : s.end]
        for line in lines
        for s in line.spans
        if "underline" in str(s.style)
    ]
    assert lit == ["Kallas"]  # the span after the cut moved with the text; the other went
    only = snippet_lines(hit(label, title=None, snippet=label + "."), 60)
    assert only == []  # nothing left to show: no snippet rather than the same words twice
