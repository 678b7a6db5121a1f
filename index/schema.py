"""The Whoosh schema. Bump SCHEMA_VERSION on any change: existing indexes then rebuild."""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from .analysis import name_analyzer, text_analyzer

SCHEMA_VERSION = 1
TITLE_BOOST = 2.0


def build_schema() -> Schema:
    """Fields: searchable text, sortable metadata, and the stored extraction."""
    prose = text_analyzer()
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        path=STORED(),
        title=TEXT(analyzer=prose, stored=True, field_boost=TITLE_BOOST),
        body=TEXT(analyzer=prose, phrase=True),
        quote=TEXT(analyzer=prose, phrase=True),
        author=TEXT(analyzer=name_analyzer(), stored=True),
        source=TEXT(analyzer=name_analyzer(), stored=True),
        speaker=TEXT(analyzer=name_analyzer(), phrase=True),
        # Sortable metadata: date as an ISO string ("" when unknown) sorts correctly.
        date=ID(stored=True, sortable=True),
        source_key=ID(sortable=True),
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
