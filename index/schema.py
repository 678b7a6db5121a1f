"""The Whoosh schema. Bump SCHEMA_VERSION on any change: existing indexes then rebuild."""

from __future__ import annotations

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from .analysis import name_analyzer, pre_analyzed

SCHEMA_VERSION = 2
TITLE_BOOST = 2.0


def build_schema() -> Schema:
    """Fields: searchable text, sortable metadata, and what rebuilds an article.

    Prose fields hold terms computed before indexing (``analysis.index_terms``), so the
    costly analysis runs in the worker processes, not in the single writer.
    """
    terms = pre_analyzed()
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        path=STORED(),
        title=TEXT(analyzer=terms, field_boost=TITLE_BOOST),
        body=TEXT(analyzer=terms, phrase=True),
        # Adjacent body term pairs: a phrase query first intersects these cheap postings.
        pairs=TEXT(analyzer=terms, phrase=False),
        quote=TEXT(analyzer=terms, phrase=True),
        author=TEXT(analyzer=name_analyzer(), stored=True),
        source=TEXT(analyzer=name_analyzer(), stored=True),
        speaker=TEXT(analyzer=name_analyzer(), phrase=True),
        # Dates: shown as ISO text; ranged and sorted as the number YYYYMMDD.
        date=STORED(),
        day=NUMERIC(int, bits=32, signed=False, sortable=True),
        source_key=ID(sortable=True),
        title_text=STORED(),
        label=STORED(),
        # The decoded text and its layout: spans in the stored extraction index into this text,
        # so an article is rebuilt from the index alone, whatever happened to the file since.
        text=STORED(),
        layout=STORED(),  # JSON: paragraphs, title_span, cruft
        # The extraction, so opening a corpus never re-extracts: JSON of quotes and speakers.
        extraction=STORED(),
        # Bookkeeping for incremental updates (and for rebuilding the sidecar state).
        content_hash=STORED(),
        size=STORED(),
        mtime_ns=STORED(),
    )
