"""A speaker's timeline: every quote of theirs across the corpus in date order, and its export.

Pure Python (no Textual): the timeline screen shows :func:`build_timeline`'s entries, and
``e`` writes them with :func:`write_export` as Markdown, CSV or JSON.

**Folding (the seam for quote clusters).** The same statement is often reported by several
articles. An entry holds every report of one statement, the earliest first; which quotes are
"the same statement" is decided by ``key``, a function of a quote. The default,
:func:`one_per_quote`, keeps each quote apart. Once quotes carry a cluster id from the
engine (issue 15, "quote provenance across articles"), the one caller,
``screens/timeline.py``, passes a key that returns that id, and the timeline folds with no
other change.

Indirect quotes are never put inside quotation marks, on screen or in an export.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from newsbrowse.index.locations import APP
from newsbrowse.index.model import ArticleInfo, QuoteRecord

from .plural import counted
from .safe_text import clean

StatementKey = Callable[[QuoteRecord], Hashable]
FORMATS = {"markdown": "md", "csv": "csv", "json": "json"}


def one_per_quote(record: QuoteRecord) -> Hashable:
    """Every quote its own statement (nothing folded)."""
    return (record.article, record.quote.start, record.quote.end)


def by_cluster(record: QuoteRecord) -> Hashable:
    """Reports of one statement (quotes of one cluster, see ``index/clusters.py``) are one
    entry; a quote that no other article reports is its own."""
    return ("cluster", record.cluster) if record.cluster else one_per_quote(record)


@dataclass(frozen=True)
class Report:
    """One article's report of a statement: the quote and where it appeared."""

    record: QuoteRecord
    date: str | None
    outlet: str | None
    title: str  # the article's title, or its first sentence

    @property
    def article(self) -> str:
        return self.record.article


@dataclass(frozen=True)
class TimelineEntry:
    """One statement: its reports, the earliest first."""

    reports: tuple[Report, ...]

    @property
    def first(self) -> Report:
        return self.reports[0]

    @property
    def record(self) -> QuoteRecord:
        return self.first.record

    @property
    def date(self) -> str | None:
        return self.first.date

    @property
    def kind(self) -> str:
        return self.record.quote.kind

    @property
    def confidence(self) -> float:
        return self.record.quote.confidence

    @property
    def text(self) -> str:
        """The words, one line, inside quotation marks unless the quote is indirect."""
        words = clean(self.record.quote.text)
        return words if self.kind == "indirect" else f"“{words}”"


def _when(report: Report) -> tuple[bool, str, str, int]:
    """Date order: dated first, oldest first; then by article and place in it."""
    return (report.date is None, report.date or "", report.article, report.record.quote.start)


def build_timeline(
    records: Sequence[QuoteRecord],
    catalog: Mapping[str, ArticleInfo],
    key: StatementKey = one_per_quote,
) -> list[TimelineEntry]:
    """One speaker's quotes as entries in date order (undated ones last)."""
    groups: dict[Hashable, list[Report]] = {}
    for record in records:
        info = catalog.get(record.article)
        report = Report(
            record,
            info.date if info else None,
            info.source if info else None,
            info.label if info else record.article,
        )
        groups.setdefault(key(record), []).append(report)
    entries = [TimelineEntry(tuple(sorted(reports, key=_when))) for reports in groups.values()]
    return sorted(entries, key=lambda entry: _when(entry.first))


def date_span(entries: Sequence[TimelineEntry]) -> str:
    """``2025-03-01 – 2026-02-23`` (or one date, or empty when none is dated)."""
    dates = sorted(r.date for e in entries for r in e.reports if r.date)
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def summary(entries: Sequence[TimelineEntry]) -> str:
    """``12 quotes in 3 articles, 2025-03-01 – 2026-02-23``."""
    quotes = sum(len(e.reports) for e in entries)
    articles = len({r.article for e in entries for r in e.reports})
    text = f"{counted(quotes, 'quote')} in {counted(articles, 'article')}"
    if len(entries) != quotes:
        text += f" ({counted(len(entries), 'statement')})"
    span = date_span(entries)
    return f"{text}, {span}" if span else text


# ----- export ---------------------------------------------------------------------------------


def exports_dir() -> Path:
    """Where exports go: ``<user data dir>/newsbrowse/exports`` (never the corpus)."""
    return platformdirs.user_data_path(APP) / "exports"


def _rows(entries: Sequence[TimelineEntry]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for number, entry in enumerate(entries, 1):
        for report in entry.reports:
            quote = report.record.quote
            rows.append(
                {
                    "statement": number,
                    "date": report.date or "",
                    "outlet": clean(report.outlet),
                    "article": report.article,
                    "title": clean(report.title),
                    "speaker": clean(report.record.speaker_name),
                    "kind": quote.kind,
                    "confidence": round(quote.confidence, 2),
                    "quote": clean(quote.text),
                    "start": quote.start,
                    "end": quote.end,
                }
            )
    return rows


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str | None) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def to_markdown(speaker: str, entries: Sequence[TimelineEntry], corpus: str = "") -> str:
    """A heading, a summary line, and one list item per statement (its other reports
    indented under it)."""
    lines = [f"# {_md(speaker)}: timeline", ""]
    where = f" (newsbrowse, folder {_md(corpus)})" if corpus else " (newsbrowse)"
    lines += [_md(summary(entries)) + where, ""]
    for entry in entries:
        for n, report in enumerate(entry.reports):
            quote = report.record.quote
            words = _md(quote.text) if quote.kind == "indirect" else f"“{_md(quote.text)}”"
            meta = " · ".join(
                x
                for x in (
                    f"**{report.date}**" if report.date else "undated",
                    _md(report.outlet),
                    quote.kind,
                    f"{quote.confidence:.2f}",
                )
                if x
            )
            path = clean(report.article).replace("`", "'")  # in a code span: no escapes
            item = f"{meta} — {words} ({_md(report.title)}, `{path}`)"
            lines.append(("  - also: " if n else "- ") + item)
    return "\n".join(lines) + "\n"


def to_csv(entries: Sequence[TimelineEntry]) -> str:
    """One row per report, with a header; ``statement`` numbers the folded entries."""
    out = io.StringIO()
    rows = _rows(entries)
    fields = list(rows[0]) if rows else ["statement", "date", "outlet", "article", "quote"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_json(speaker: str, entries: Sequence[TimelineEntry]) -> str:
    """``{"speaker": …, "statements": [{"reports": [...]}, …]}``."""
    rows = _rows(entries)
    statements: list[dict[str, object]] = []
    for row in rows:
        number = row.pop("statement")
        assert isinstance(number, int)
        if len(statements) < number:
            statements.append({"reports": []})
        reports = statements[number - 1]["reports"]
        assert isinstance(reports, list)
        reports.append(row)
    data = {"speaker": clean(speaker), "summary": summary(entries), "statements": statements}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render(fmt: str, speaker: str, entries: Sequence[TimelineEntry], corpus: str = "") -> str:
    """The export's text in ``fmt`` (markdown, csv or json)."""
    if fmt == "markdown":
        return to_markdown(speaker, entries, corpus)
    if fmt == "csv":
        return to_csv(entries)
    if fmt == "json":
        return to_json(speaker, entries)
    raise ValueError(f"unknown export format {fmt!r}; use markdown, csv or json")


def slug(name: str) -> str:
    """A file-name-safe form of a speaker's name (``dmitry-peskov``)."""
    text = re.sub(r"[^\w]+", "-", clean(name).lower(), flags=re.UNICODE).strip("-_")
    return text[:60] or "speaker"


def write_export(
    folder: Path, speaker: str, entries: Sequence[TimelineEntry], fmt: str, corpus: str = ""
) -> Path:
    """Write a new file ``<folder>/<speaker>-timeline.<ext>`` (``-2``, ``-3``… when taken:
    an existing file is never replaced) and return its path. Raises OSError."""
    text = render(fmt, speaker, entries, corpus)
    folder.mkdir(parents=True, exist_ok=True)
    base, ext = f"{slug(speaker)}-timeline", FORMATS[fmt]
    for n in range(1, 10_000):
        path = folder / (f"{base}.{ext}" if n == 1 else f"{base}-{n}.{ext}")
        try:
            with path.open("x", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        return path
    raise OSError(f"no free file name for {base}.{ext} in {folder}")
