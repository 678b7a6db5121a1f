"""The subcommands: keep the index fresh, then answer for a person, a pipe or a script.

Each ``cmd_*`` answers one :class:`Call` in one of three forms:

- on a terminal, Rich tables and highlighted snippets, sized to the window;
- into a pipe or a file (stdout is not a terminal), plain text for ``grep``, ``cut`` and
  ``head``: ``show`` writes the article's decoded text exactly as stored (no header: the
  text holds the file's own title; ``--json`` has the metadata); a table writes one row
  per line, its cells tab-separated and whole (no wrapping, no ``…``, no colour, no header
  row, no count line), each cell on one line (tabs and newlines in it become spaces);
- with ``--json``, the shapes of :mod:`.output`.

Untrusted text (titles, article text, names, queries) reaches Rich only as ``Text``
objects, never as markup strings, and only through :mod:`.safe_text`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsbrowse.index import IndexDirError, IndexWriteError
from newsbrowse.index.library import Library
from newsbrowse.index.model import ArticleInfo, QuoteRecord, SearchResult, Speaker, UpdateReport

from .citation import citation, shown
from .output import (
    RuntimeFailure,
    UsageError,
    article_info_json,
    article_json,
    cluster_json,
    dump_json,
    quote_json,
    report_json,
    search_json,
    speaker_json,
)
from .plural import counted
from .safe_text import clean, printable

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

PROGRESS_AFTER_SECONDS = 1.0
MATCH_STYLE = "bold black on yellow"


@dataclass(frozen=True)
class Call:
    """One command being answered: the library (brought up to date), the arguments, where
    the answer and the messages go, and what the update did."""

    library: Library
    args: argparse.Namespace
    out: Console
    err: Console
    report: UpdateReport
    plain: bool = False  # stdout is a pipe or a file: plain text, see the module docstring

    def line(self, text: Text) -> None:
        """One line for a person: Rich on a terminal, its plain text elsewhere."""
        if self.plain:
            sys.stdout.write(text.plain + "\n")
        else:
            self.out.print(text)


def write_rows(rows: Iterable[Sequence[str | None]]) -> None:
    """A table for a pipe: one row per line, whole cells separated by tabs."""
    write = sys.stdout.write
    for row in rows:
        write("\t".join(clean(cell) for cell in row) + "\n")


def no_article(article_id: str) -> RuntimeFailure:
    """The one answer to an unknown article id (``show``, ``--article``): exit code 1."""
    return RuntimeFailure(
        f"no article {clean(article_id)[:200]!r}; `newsbrowse articles` lists them"
    )


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
        plain = not sys.stdout.isatty()
        return COMMANDS[args.command](Call(library, args, out, err, report, plain))
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
            from rich.progress import (  # only a slow update shows a bar
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            bar = Progress(
                TextColumn("indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("·"),
                TimeRemainingColumn(),
                TextColumn("left"),
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


# ── index ─────────────────────────────────────────────────────────────────────────────


def cmd_index(call: Call) -> int:
    """What the update did, and where the index is. The merged speakers and the quote
    clusters are made here too, so that the app finds the index complete (clustering in the
    app's process took minutes and gigabytes at 100,000 articles)."""
    library, report = call.library, call.report
    started = time.perf_counter()
    library.derive()
    report.seconds += time.perf_counter() - started
    if call.args.json:
        dump_json(report_json(report, library.article_count))
        return 0
    line = Text()
    line.append(f"{counted(library.article_count, 'article')} indexed", style="bold")
    line.append(
        f" ({report.added} added, {report.changed} changed, {report.deleted} deleted, "
        f"{report.unchanged} unchanged{', rebuilt' if report.rebuilt else ''}) "
        f"in {report.seconds:.2f} s"
    )
    call.line(line)
    call.line(Text(f"index: {library.index_dir}", style="dim"))
    for fid, reason in report.skipped:
        call.line(Text.assemble(("skipped ", "yellow"), clean(fid), ": ", clean(reason)))
    if report.skipped:
        call.line(Text(counted(len(report.skipped), "skipped file"), style="yellow"))
    return 0


# ── search ────────────────────────────────────────────────────────────────────────────


def cmd_search(call: Call) -> int:
    """Ranked hits with lit snippets; notes and repairs go to stderr."""
    args, err = call.args, call.err
    result = call.library.search(args.query, limit=args.limit, sort=args.sort, facets=True)
    if result.error:
        raise UsageError(f"{result.error} (query: {printable(args.query)[:80]!r})")
    for note in result.notes:
        err.print(Text(f"newsbrowse: {note}", style="yellow"))
    if result.interpreted:
        err.print(Text(f"newsbrowse: interpreted as: {printable(result.interpreted)[:200]}"))
    if args.json:
        dump_json(search_json(result))
    elif call.plain:
        write_rows((h.date, h.title, h.source, h.article, h.snippet) for h in result.hits)
    else:
        _print_hits(result, call.out)
    return 0


def _print_hits(result: SearchResult, out: Console) -> None:
    about = "about " if result.approximate else ""  # an estimated total (search.rank)
    summary = Text(about + counted(result.total, "article", grouped=bool(about)), style="bold")
    summary.append(f" · {result.seconds * 1000:.0f} ms", style="dim")
    out.print(summary)
    for n, hit in enumerate(result.hits, 1):
        head = Text(f"{n:>3}. ", style="dim")
        head.append(printable(hit.label), style="bold")
        meta = " · ".join(x for x in (hit.date, printable(hit.source), hit.article) if x)
        out.print(head)
        out.print(Text("     " + meta, style="dim"))
        snippet = Text(printable(hit.snippet))
        for s, e in hit.snippet_spans:
            snippet.stylize(MATCH_STYLE, s, e)
        out.print(Text("     ") + snippet)
    speakers = result.facets.get("speaker", {})
    if speakers:
        line = Text("speakers: ", style="dim")
        line.append(", ".join(f"{printable(k)} {v}" for k, v in list(speakers.items())[:8]))
        out.print(line)


# ── articles and show ─────────────────────────────────────────────────────────────────


def cmd_articles(call: Call) -> int:
    """Every article, newest first."""
    infos = call.library.articles()
    if call.args.json:
        dump_json([article_info_json(a) for a in infos])
        return 0
    if call.plain:
        write_rows((a.date, a.title, a.author, a.source, a.id) for a in infos)
        return 0
    table = Table("date", "title", "author", "source", box=None, header_style="bold")
    # An id is for copying into `show`: never cut, even in a narrow window.
    table.add_column("id", no_wrap=True, overflow="fold", min_width=_widest(a.id for a in infos))
    for a in infos:
        label = (
            Text(printable(a.title)) if a.title else Text(printable(a.label), style="italic dim")
        )
        table.add_row(
            Text(a.date or ""),
            label,
            Text(printable(a.author)),
            Text(printable(a.source)),
            Text(printable(a.id)),
        )
    call.out.print(table)
    call.out.print(Text(counted(len(infos), "article"), style="dim"))
    return 0


def cmd_show(call: Call) -> int:
    """One article: on a terminal its title, metadata and paragraphs; in a pipe its text."""
    args, out = call.args, call.out
    try:
        article = call.library.article(args.id)
    except KeyError:
        raise no_article(args.id) from None
    if args.json:
        dump_json(article_json(article))
        return 0
    if call.plain:
        text = printable(article.text)  # the stored text is clean already: the same string
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    out.print(Text(printable(article.label), style="bold"))
    meta = " · ".join(
        x for x in (article.date, printable(article.author), printable(article.source)) if x
    )
    if meta:
        out.print(Text(meta, style="dim"))
    if article.url:
        out.print(Text(printable(article.url), style="dim"))
    out.print()
    for start, end in article.paragraphs:
        out.print(Text(article.text[start:end]))
        out.print()
    return 0


# ── quotes and speakers ───────────────────────────────────────────────────────────────


def cmd_quotes(call: Call) -> int:
    """Who said what: quotes filtered by speaker, article and kind; cited; or clustered."""
    args, out = call.args, call.out
    try:
        records = call.library.quotes(article=args.article, speaker=args.speaker, kind=args.kind)
    except KeyError:
        raise no_article(args.article) from None
    infos = {a.id: a for a in call.library.articles()}
    if args.clusters:
        return _print_clusters(call, records, infos)
    if args.json:
        dump_json([quote_json(r, infos.get(r.article)) for r in records])
        return 0
    if args.cite:
        for r in records:
            call.line(Text(_cite(r, infos.get(r.article))))
        return 0
    if call.plain:  # an unknown speaker is an empty cell
        write_rows((r.speaker_name, r.quote.kind, r.quote.text, r.article) for r in records)
        return 0
    table = Table("speaker", "kind", "quote", "article", box=None, header_style="bold")
    for r in records:
        table.add_row(
            Text(printable(r.speaker_name) or "unknown", style="bold" if r.speaker_name else "dim"),
            Text(r.quote.kind),
            Text(shown(printable(r.quote.text), r.quote.kind)),
            Text(r.article, style="dim"),
        )
    out.print(table)
    out.print(Text(counted(len(records), "quote"), style="dim"))
    return 0


def _cite(record: QuoteRecord, info: ArticleInfo | None) -> str:
    date, outlet = _dated(info)
    q = record.quote
    return citation(q.text, q.kind, record.speaker_name, outlet, date)


def _print_clusters(call: Call, records: list[QuoteRecord], infos: dict[str, ArticleInfo]) -> int:
    """The clusters holding the selected quotes, each with its reports in date order."""
    wanted = {r.cluster for r in records if r.cluster}
    clusters = [c for c in call.library.clusters() if c.id in wanted]
    members = {c.id: call.library.cluster_quotes(c) for c in clusters}
    if call.args.json:
        dump_json([cluster_json(c, members[c.id], infos) for c in clusters])
        return 0
    rows = [
        (c.id, *_dated(infos.get(r.article)), r) for c in clusters for r in members[c.id]
    ]  # (cluster, date, outlet, report)
    if call.plain:
        write_rows(
            (cid, date, outlet, r.speaker_name, r.article, r.quote.text)
            for cid, date, outlet, r in rows
        )
        return 0
    for cluster in clusters:
        reports = members[cluster.id]
        who = next((r.speaker_name for r in reports if r.speaker_name), None)
        first = cluster.first
        head = Text(cluster.id, style="bold")
        head.append(f"  {printable(who) or 'unknown speaker'}", style="bold")
        head.append(f" · {counted(len(cluster.articles), 'article')} · first reported", style="dim")
        by = f"by {printable(first.source)}" if first.source else ""
        when = " ".join(x for x in (first.date, by) if x) or f"in {first.article}"
        head.append(f" {when}", style="dim")
        call.out.print(head)
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
        for cid, date, outlet, r in rows:
            if cid == cluster.id:
                table.add_row(
                    Text(date or "undated", style="dim"),
                    Text(printable(outlet), style="dim"),
                    Text(shown(printable(r.quote.text), r.quote.kind)),
                    Text(r.article, style="dim"),
                )
        call.out.print(table)
    many = counted(len(clusters), "statement")
    call.out.print(Text(f"{many} reported by more than one article", style="dim"))
    return 0


def _dated(info: ArticleInfo | None) -> tuple[str | None, str | None]:
    """An article's date and outlet, when known."""
    return (info.date, info.source) if info is not None else (None, None)


def cmd_speakers(call: Call) -> int:
    """Everyone quoted (in the corpus or one article), most quoted first."""
    try:
        speakers = call.library.speakers(article=call.args.article)
    except KeyError:
        raise no_article(call.args.article) from None
    if call.args.json:
        dump_json([speaker_json(s) for s in speakers])
        return 0
    if call.plain:
        write_rows(
            (s.name, s.kind, str(s.quotes), str(len(s.articles)), ", ".join(_others(s)))
            for s in speakers
        )
        return 0
    table = Table("speaker", "kind", "quotes", "articles", "also named", box=None)
    for s in speakers:
        table.add_row(
            Text(printable(s.name), style="bold"),
            Text(s.kind),
            Text(str(s.quotes)),
            Text(str(len(s.articles))),
            Text(printable(", ".join(_others(s))[:80])),
        )
    call.out.print(table)
    call.out.print(Text(counted(len(speakers), "speaker"), style="dim"))
    return 0


def _others(speaker: Speaker) -> list[str]:
    """The speaker's other names."""
    return [a for a in speaker.aliases if a != speaker.name]


def _widest(values: Iterable[str]) -> int:
    return max((len(v) for v in values), default=2)


COMMANDS: dict[str, Callable[[Call], int]] = {
    "index": cmd_index,
    "search": cmd_search,
    "articles": cmd_articles,
    "show": cmd_show,
    "quotes": cmd_quotes,
    "speakers": cmd_speakers,
}
