"""What the command line gives back: its two kinds of failure and its JSON.

The JSON shapes are public (scripts read them), so each is written here once, and
tests/unit/test_output.py checks that every field of the model reaches it or is left out on
purpose. They are not the index's stored JSON, which is the store's own and changes with its
schema. Plain Python: ``cli`` imports this module before it knows the command, and ``--help``
must stay light (no Rich, no Textual, no Whoosh).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from newsbrowse.index.model import (
    Article,
    ArticleInfo,
    QuoteCluster,
    QuoteRecord,
    SearchResult,
    Speaker,
    UpdateReport,
)

from .citation import citation


class UsageError(Exception):
    """Bad arguments or a query that cannot be searched (exit code 2)."""


class RuntimeFailure(Exception):
    """Something went wrong while running (exit code 1)."""


def dump_json(data: Any) -> None:
    """JSON on stdout, nothing else."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def report_json(report: UpdateReport, articles: int) -> dict[str, Any]:
    """``newsbrowse index --json``: what the update did, and how many articles there are."""
    data = asdict(report)
    data["skipped"] = [{"id": i, "reason": r} for i, r in report.skipped]
    data["articles"] = articles
    return data


def search_json(result: SearchResult) -> dict[str, Any]:
    """``newsbrowse search --json``."""
    return {
        "query": result.query,
        "interpreted": result.interpreted,
        "notes": result.notes,
        "total": result.total,
        "approximate": result.approximate,
        "seconds": round(result.seconds, 4),
        "hits": [
            {
                "article": h.article,
                "title": h.title,
                "label": h.label,
                "date": h.date,
                "source": h.source,
                "url": h.url,
                "score": round(h.score, 4),
                "snippet": h.snippet,
                "snippet_spans": [list(s) for s in h.snippet_spans],
            }
            for h in result.hits
        ],
        "facets": result.facets,
    }


def article_info_json(info: ArticleInfo) -> dict[str, Any]:
    """One entry of ``newsbrowse articles --json``."""
    return {
        "id": info.id,
        "path": info.path,
        "title": info.title,
        "date": info.date,
        "author": info.author,
        "source": info.source,
        "section": info.section,
        "url": info.url,
    }


def article_json(article: Article) -> dict[str, Any]:
    """``newsbrowse show ID --json``: the text and its paragraph spans."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "author": article.author,
        "source": article.source,
        "section": article.section,
        "subtitle": article.subtitle,
        "url": article.url,
        "text": article.text,
        "paragraphs": [list(p) for p in article.paragraphs],
    }


def quote_json(record: QuoteRecord, info: ArticleInfo | None = None) -> dict[str, Any]:
    """One entry of ``newsbrowse quotes --json``: the quote with its corpus-wide speaker,
    its cluster (other articles report it) and its citation (``info``: its article's)."""
    q = record.quote
    outlet, date = (info.source, info.date) if info is not None else (None, None)
    return {
        "path": record.path,
        "article": record.article,
        "speaker": record.speaker_name,
        "speaker_id": record.speaker_id,
        "speaker_ids": list(record.speaker_ids),  # each joint speaker's corpus-wide id
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
        "cluster": record.cluster,
        "citation": citation(q.text, q.kind, record.speaker_name, outlet, date),
        "speakers": list(q.speakers),  # joint speakers each, as the article names them
        "role": q.role,
        "candidates": list(q.candidates),  # whom an unknown or unsure speaker may be
    }


def cluster_json(
    cluster: QuoteCluster, records: list[QuoteRecord], infos: dict[str, ArticleInfo]
) -> dict[str, Any]:
    """One entry of ``newsbrowse quotes --clusters --json``: a statement and its reports,
    first reported first."""
    first = cluster.first
    return {
        "id": cluster.id,
        "speaker_id": cluster.speaker_id,
        "speaker": next((r.speaker_name for r in records if r.speaker_name), None),
        "articles": list(cluster.articles),
        "first_reported": {"date": first.date, "source": first.source, "article": first.article},
        "quotes": [quote_json(r, infos.get(r.article)) for r in records],
    }


def speaker_json(speaker: Speaker) -> dict[str, Any]:
    """One entry of ``newsbrowse speakers --json``."""
    return {
        "id": speaker.id,
        "name": speaker.name,
        "kind": speaker.kind,
        "quotes": speaker.quotes,
        "articles": list(speaker.articles),
        "aliases": list(speaker.aliases),
        "roles": list(speaker.roles),
    }
