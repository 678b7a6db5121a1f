"""The subcommands: keep the index fresh, then answer with Rich output or JSON.

Untrusted text (titles, article text, names, queries) reaches Rich only as ``Text``
objects, never as markup strings.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from newsbrowse.index import IndexWriteError
from newsbrowse.index.folders import IndexDirError
from newsbrowse.index.library import Library
from newsbrowse.index.model import QuoteRecord, SearchResult, UpdateReport
from newsbrowse.index.reading import strip_controls

from .cli import RuntimeFailure, UsageError, dump_json

PROGRESS_AFTER_SECONDS = 1.0
MATCH_STYLE = "bold black on yellow"


def run_command(args: argparse.Namespace, corpus: Path, index_dir: Path | None) -> int:
    """Run one subcommand; returns the exit code."""
    out = Console(highlight=False, soft_wrap=False)
    err = Console(stderr=True, highlight=False)
    library = Library(corpus, index_dir)
    try:
        report = _update(
            library, err, rebuild=getattr(args, "rebuild", False), wait=args.command == "index"
        )
        if report.notice:
            err.print(Text(f"newsbrowse: {report.notice}", style="yellow"))
        handler = COMMANDS[args.command]
        return handler(library, args, out, err, report)
    finally:
        library.close()


def _update(library: Library, err: Console, rebuild: bool, wait: bool) -> UpdateReport:
    """Update the index, with a progress bar on a terminal when it takes over a second."""
    started = time.perf_counter()
    bar: Progress | None = None
    task: TaskID | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None or task is None:  # both are set together, on the first slow call
            if not err.is_terminal or time.perf_counter() - started < PROGRESS_AFTER_SECONDS:
                return
            bar = Progress(
                TextColumn("indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            bar.start()
            task = bar.add_task("index", total=total)
        bar.update(task, completed=done)

    def waiting(why: str) -> None:
        err.print(Text(f"newsbrowse: {why}…", style="yellow"))

    try:
        return library.update(progress, rebuild=rebuild, wait=wait, waiting=waiting)
    except IndexWriteError as exc:
        raise RuntimeFailure(str(exc)) from exc
    except IndexDirError as exc:
        raise UsageError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    finally:
        if bar is not None:
            bar.stop()


def _safe(text: str | None) -> str:
    return strip_controls(text or "")


# ── index ─────────────────────────────────────────────────────────────────────────────


def cmd_index(library: Library, args, out: Console, err: Console, report: UpdateReport) -> int:
    if args.json:
        data = asdict(report)
        data["skipped"] = [{"id": i, "reason": r} for i, r in report.skipped]
        data["articles"] = library.article_count
        dump_json(data)
        return 0
    line = Text()
    line.append(f"{library.article_count} articles indexed", style="bold")
    line.append(
        f" ({report.added} added, {report.changed} changed, {report.deleted} deleted, "
        f"{report.unchanged} unchanged{', rebuilt' if report.rebuilt else ''}) "
        f"in {report.seconds:.2f} s"
    )
    out.print(line)
    out.print(Text(f"index: {library.index_dir}", style="dim"))
    for fid, reason in report.skipped:
        out.print(Text.assemble(("skipped ", "yellow"), _safe(fid), ": ", reason))
    return 0


# ── search ────────────────────────────────────────────────────────────────────────────


def cmd_search(library: Library, args, out: Console, err: Console, report: UpdateReport) -> int:
    result = library.search(args.query, limit=args.limit, sort=args.sort, facets=True)
    if result.error:
        raise UsageError(f"{result.error} (query: {_safe(args.query)[:80]!r})")
    for note in result.notes:
        err.print(Text(f"newsbrowse: {note}", style="yellow"))
    if result.interpreted:
        err.print(Text(f"newsbrowse: interpreted as: {_safe(result.interpreted)[:200]}"))
    if args.json:
        dump_json(_search_json(result))
        return 0
    _print_hits(result, out)
    return 0


def _search_json(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "interpreted": result.interpreted,
        "notes": result.notes,
        "total": result.total,
        "seconds": round(result.seconds, 4),
        "hits": [
            {
                "article": h.article,
                "title": h.title,
                "label": h.label,
                "date": h.date,
                "source": h.source,
                "score": round(h.score, 4),
                "snippet": h.snippet,
                "snippet_spans": [list(s) for s in h.snippet_spans],
            }
            for h in result.hits
        ],
        "facets": result.facets,
    }


def _print_hits(result: SearchResult, out: Console) -> None:
    summary = Text(f"{result.total} articles", style="bold")
    summary.append(f" · {result.seconds * 1000:.0f} ms", style="dim")
    out.print(summary)
    for n, hit in enumerate(result.hits, 1):
        head = Text(f"{n:>3}. ", style="dim")
        head.append(_safe(hit.label), style="bold")
        meta = " · ".join(x for x in (hit.date, _safe(hit.source), hit.article) if x)
        out.print(head)
        out.print(Text("     " + meta, style="dim"))
        snippet = Text(_safe(hit.snippet))
        for s, e in hit.snippet_spans:
            snippet.stylize(MATCH_STYLE, s, e)
        out.print(Text("     ") + snippet)
    speakers = result.facets.get("speaker", {})
    if speakers:
        line = Text("speakers: ", style="dim")
        line.append(", ".join(f"{_safe(k)} {v}" for k, v in list(speakers.items())[:8]))
        out.print(line)


# ── articles and show ─────────────────────────────────────────────────────────────────


def cmd_articles(library: Library, args, out: Console, err: Console, report: UpdateReport) -> int:
    infos = library.articles()
    if args.json:
        dump_json(
            [
                {
                    "id": a.id,
                    "path": a.path,
                    "title": a.title,
                    "date": a.date,
                    "author": a.author,
                    "source": a.source,
                }
                for a in infos
            ]
        )
        return 0
    table = Table("date", "title", "author", "source", "id", box=None, header_style="bold")
    for a in infos:
        label = Text(_safe(a.title)) if a.title else Text(_safe(a.label), style="italic dim")
        table.add_row(
            Text(a.date or ""), label, Text(_safe(a.author)), Text(_safe(a.source)), Text(a.id)
        )
    out.print(table)
    return 0


def cmd_show(library: Library, args, out: Console, err: Console, report: UpdateReport) -> int:
    try:
        article = library.article(args.id)
    except KeyError:
        raise RuntimeFailure(f"no article {args.id!r}; `newsbrowse articles` lists them") from None
    if args.json:
        dump_json(
            {
                "id": article.id,
                "path": article.path,
                "title": article.title,
                "date": article.date,
                "author": article.author,
                "source": article.source,
                "text": article.text,
                "paragraphs": [list(p) for p in article.paragraphs],
            }
        )
        return 0
    out.print(Text(_safe(article.label), style="bold"))
    meta = " · ".join(x for x in (article.date, _safe(article.author), _safe(article.source)) if x)
    if meta:
        out.print(Text(meta, style="dim"))
    out.print()
    for start, end in article.paragraphs:
        out.print(Text(article.text[start:end]))
        out.print()
    return 0


# ── quotes and speakers ───────────────────────────────────────────────────────────────


def _quote_json(r: QuoteRecord) -> dict[str, Any]:
    q = r.quote
    return {
        "path": r.path,
        "article": r.article,
        "speaker": r.speaker_name,
        "speaker_id": r.speaker_id,
        "speaker_kind": q.speaker_kind,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "mention": (
            {"start": q.mention.start, "end": q.mention.end, "text": q.mention.text}
            if q.mention
            else None
        ),
        "cue": q.cue,
        "confidence": q.confidence,
    }


def cmd_quotes(library: Library, args, out: Console, err: Console, report: UpdateReport) -> int:
    try:
        records = library.quotes(article=args.article, speaker=args.speaker, kind=args.kind)
    except KeyError:
        raise RuntimeFailure(f"no article {args.article!r}") from None
    if args.json:
        dump_json([_quote_json(r) for r in records])
        return 0
    table = Table("speaker", "kind", "quote", "article", box=None, header_style="bold")
    for r in records:
        table.add_row(
            Text(_safe(r.speaker_name) or "unknown", style="bold" if r.speaker_name else "dim"),
            Text(r.quote.kind),
            Text("“" + _safe(r.quote.text) + "”"),
            Text(r.article, style="dim"),
        )
    out.print(table)
    out.print(Text(f"{len(records)} quotes", style="dim"))
    return 0


def cmd_speakers(library: Library, args, out: Console, err: Console, report: UpdateReport) -> int:
    speakers = library.speakers(article=args.article)
    if args.json:
        dump_json(
            [
                {
                    "id": s.id,
                    "name": s.name,
                    "kind": s.kind,
                    "quotes": s.quotes,
                    "articles": list(s.articles),
                    "aliases": list(s.aliases),
                    "roles": list(s.roles),
                }
                for s in speakers
            ]
        )
        return 0
    table = Table("speaker", "kind", "quotes", "articles", "also named", box=None)
    for s in speakers:
        table.add_row(
            Text(_safe(s.name), style="bold"),
            Text(s.kind),
            Text(str(s.quotes)),
            Text(str(len(s.articles))),
            Text(_safe(", ".join(a for a in s.aliases if a != s.name)[:80])),
        )
    out.print(table)
    return 0


COMMANDS = {
    "index": cmd_index,
    "search": cmd_search,
    "articles": cmd_articles,
    "show": cmd_show,
    "quotes": cmd_quotes,
    "speakers": cmd_speakers,
}
