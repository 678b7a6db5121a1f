"""A speaker's timeline and its export (tui/timeline.py), without the app."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsbrowse.index.model import ArticleInfo, Quote, QuoteRecord
from newsbrowse.tui.timeline import (
    build_timeline,
    by_cluster,
    exports_dir,
    render,
    summary,
    write_export,
)


def info(article: str, date: str | None, source: str | None = None) -> ArticleInfo:
    return ArticleInfo(article, f"/c/{article}", None, f"Title of {article}", date, None, source)


def record(article: str, start: int, text: str = "words", kind: str = "direct") -> QuoteRecord:
    quote = Quote(start, start + len(text), text, kind, "Anna Berg", confidence=0.875)  # type: ignore[arg-type]
    return QuoteRecord(article, f"/c/{article}", quote, "sp-1", "Anna Berg")


CATALOG = {
    "new_one.txt": info("new_one.txt", "2025-10-01"),
    "new.txt": info("new.txt", "2025-09-01", "Fox News"),
    "old.txt": info("old.txt", "2025-01-02", "News.Az"),
    "undated.txt": info("undated.txt", None),
}
RECORDS = [
    record("undated.txt", 4, "last"),
    record("new.txt", 50, "later"),
    record("old.txt", 90, "second"),
    record("old.txt", 10, "first"),
]


def test_entries_are_in_date_order_with_outlet_kind_and_confidence() -> None:
    entries = build_timeline(RECORDS, CATALOG)
    assert [e.record.quote.text for e in entries] == ["first", "second", "later", "last"]
    first = entries[0]
    assert (first.date, first.first.outlet, first.kind) == ("2025-01-02", "News.Az", "direct")
    assert first.confidence == 0.875
    assert first.first.title == "Title of old.txt"
    assert entries[-1].date is None  # undated last


def test_the_reports_of_one_cluster_are_one_entry() -> None:
    clustered = [
        replace(record("new.txt", 5, "we will go"), cluster="c1"),
        replace(record("old.txt", 7, "we shall go"), cluster="c1"),
        record("old.txt", 90, "alone"),
    ]
    entries = build_timeline(clustered, CATALOG, key=by_cluster)
    assert len(entries) == 2
    folded = next(e for e in entries if len(e.reports) == 2)
    assert [r.article for r in folded.reports] == ["old.txt", "new.txt"]  # earliest first
    unclustered = [record("new.txt", 5, "we will"), record("old.txt", 7, "we will")]
    assert len(build_timeline(unclustered, CATALOG, key=by_cluster)) == 2


def test_by_default_nothing_is_folded_and_a_key_folds_reports_of_one_statement() -> None:
    assert len(build_timeline(RECORDS, CATALOG)) == 4
    same = [record("new.txt", 5, "we will"), record("old.txt", 7, "we will")]
    folded = build_timeline(same, CATALOG, key=lambda r: r.quote.text)
    assert len(folded) == 1
    assert [r.article for r in folded[0].reports] == ["old.txt", "new.txt"]  # earliest first
    assert summary(folded) == "2 quotes in 2 articles (1 statement), 2025-01-02 – 2025-09-01"


def test_an_indirect_quote_is_never_in_quotation_marks() -> None:
    [entry] = build_timeline([record("old.txt", 1, "that talks failed", "indirect")], CATALOG)
    assert entry.text == "that talks failed"
    assert "“" not in render("markdown", "Anna Berg", [entry])
    [direct] = build_timeline([record("old.txt", 1, "We won")], CATALOG)
    assert direct.text == "“We won”"


def test_summary_counts_quotes_articles_and_dates() -> None:
    entries = build_timeline(RECORDS, CATALOG)
    assert summary(entries) == "4 quotes in 3 articles, 2025-01-02 – 2025-09-01"
    assert summary(build_timeline(RECORDS[:1], CATALOG)) == "1 quote in 1 article"


def test_markdown_export_lists_every_quote_and_escapes_markup() -> None:
    tricky = record("old.txt", 1, "a *bold* [link](x) | pipe")
    path = record("new_one.txt", 1, "snake_case")
    entries = build_timeline([tricky, *RECORDS, path], CATALOG)
    text = render("markdown", "Anna [Berg]", entries, "c1k")
    assert "“snake\\_case” (Title of new\\_one.txt, `new_one.txt`)" in text
    assert text.startswith("# Anna \\[Berg\\]: timeline\n")
    assert "\\*bold\\* \\[link\\](x) \\| pipe" in text
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(items) == 6
    assert items[1].startswith("- **2025-01-02** · News.Az · direct · 0.88 — “first”")
    assert items[1].endswith("(Title of old.txt, `old.txt`)")  # a code span: no escapes


def test_csv_export_has_a_header_and_one_row_per_quote() -> None:
    rows = list(
        csv.DictReader(io.StringIO(render("csv", "Anna", build_timeline(RECORDS, CATALOG))))
    )
    assert [r["quote"] for r in rows] == ["first", "second", "later", "last"]
    assert rows[0]["outlet"] == "News.Az" and rows[0]["kind"] == "direct"
    assert rows[0]["confidence"] == "0.88" and rows[3]["date"] == ""


def test_json_export_keeps_statements_and_their_reports() -> None:
    same = [record("new.txt", 5, "we will"), record("old.txt", 7, "we will"), *RECORDS[:1]]
    entries = build_timeline(same, CATALOG, key=lambda r: r.quote.text)
    data = json.loads(render("json", "Anna Berg", entries))
    assert data["speaker"] == "Anna Berg"
    assert [len(s["reports"]) for s in data["statements"]] == [2, 1]
    assert data["statements"][0]["reports"][0]["article"] == "old.txt"


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        render("xml", "Anna", [])


def test_exports_go_to_new_files_in_the_user_data_directory(private_home: Path) -> None:
    folder = exports_dir()
    assert folder == private_home / ".local" / "share" / "newsbrowse" / "exports"
    entries = build_timeline(RECORDS, CATALOG)
    first = write_export(folder, "Anna Berg / ../x", entries, "markdown")
    second = write_export(folder, "Anna Berg / ../x", entries, "markdown")
    assert first.parent == folder and second.parent == folder
    assert first.name == "anna-berg-x-timeline.md" and second.name == "anna-berg-x-timeline-2.md"
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert write_export(folder, "Anna", entries, "csv").suffix == ".csv"
