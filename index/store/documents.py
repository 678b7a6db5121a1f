"""The stored document: how an article and its extraction live in the index, and back.

This module is the one owner of the stored format: the Whoosh schema and its version, the
document written for an article, the extraction's JSON, and every reader that turns stored
fields back into the model (an :class:`Article`, a :class:`Hit`, an :class:`ArticleInfo`,
the quotes, what the speaker merge needs). A new field is added here, with
``SCHEMA_VERSION`` bumped (existing indexes then rebuild), and nowhere else needs to know
how it is stored. The query language's field names (``search.query.FIELDS``) are checked
against this schema by tests/unit/test_documents.py.
"""

from __future__ import annotations

import json
from typing import Any

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, NUMERIC, STORED, TEXT, Schema

from ..analysis import joined_terms, name_analyzer, pre_analyzed
from ..model import (
    Article,
    ArticleInfo,
    ArticleSpeaker,
    ArticleSpeakers,
    Extraction,
    Hit,
    Mention,
    Quote,
    Span,
)
from ..pairs import signature
from ..quotes.fingerprint import fingerprint
from ..speakers import speaker_terms

SCHEMA_VERSION = 6  # bump on any change to the stored document: existing indexes rebuild
TITLE_BOOST = 2.0
PRE_ANALYZED = ("title", "body", "quote")  # fields holding ``index_terms`` joined by spaces
REPEATING = ("author", "source", "section", "day", "source_key")  # values many articles share

Fields = dict[str, Any]  # one stored document, as written and as Whoosh hands it back


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
        # Which word pairs the body may hold (``pairs.signature``): a phrase's candidates are
        # sifted with it before their positions are read.
        body_pairs=COLUMN(VarBytesColumn()),
        quote=TEXT(analyzer=terms, phrase=True),
        author=TEXT(analyzer=name_analyzer(), stored=True),
        source=TEXT(analyzer=name_analyzer(), stored=True),
        section=TEXT(analyzer=name_analyzer(), stored=True),
        speaker=TEXT(analyzer=name_analyzer(), phrase=True),
        # Dates: shown as ISO text; ranged and sorted as the number YYYYMMDD.
        date=STORED(),
        day=NUMERIC(int, bits=32, signed=False, sortable=True),
        source_key=ID(sortable=True),
        title_text=STORED(),
        label=STORED(),
        url=STORED(),
        subtitle=STORED(),
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


# ── writing ──────────────────────────────────────────────────────────────────────────────


def document(article: Article, extraction: Extraction, size: int, mtime_ns: int) -> Fields:
    """The document stored for an article (``size``/``mtime_ns``: its file's, when read)."""
    quoted = {name for q in extraction.quotes for name in quote_speakers(q)}
    speaker_text = " , ".join(
        " ".join(speaker_terms(sp.name)) for sp in extraction.speakers if sp.name in quoted
    )
    body = joined_terms(article.body)
    return {
        "id": article.id,
        "path": article.path,
        "title": joined_terms(article.title or ""),
        "title_text": article.title or "",
        "body": body,
        "body_pairs": signature(body.terms),
        "quote": joined_terms("\n".join(q.text for q in extraction.quotes)),
        "author": article.author or "",
        "source": article.source or "",
        "section": article.section or "",
        "url": article.url or "",
        "subtitle": article.subtitle or "",
        "speaker": speaker_text,
        "date": article.date or "",
        "source_key": article.source or "",
        "label": article.label,
        "text": article.text,
        "layout": json.dumps(
            {
                "paragraphs": article.paragraphs,
                "title_span": article.title_span,
                "cruft": article.cruft,
            }
        ),
        "extraction": dumps_extraction(extraction),
        "content_hash": article.content_hash,
        "size": size,
        "mtime_ns": mtime_ns,
        # 0 for an unknown date: sorts last by date and lies outside every date range.
        "day": int(article.date.replace("-", "")) if article.date else 0,
    }


def article_info(article: Article) -> ArticleInfo:
    """The article's metadata, kept in the sidecar state for quick listings."""
    return ArticleInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        label=article.label,
        date=article.date,
        author=article.author,
        source=article.source,
        url=article.url,
        section=article.section,
    )


def quote_speakers(q: Quote) -> tuple[str, ...]:
    """Each person a quote is attributed to: joint speakers each get the quote."""
    return q.speakers or ((q.speaker,) if q.speaker else ())


def article_speakers(article: Article, extraction: Extraction) -> ArticleSpeakers:
    """What the speaker merge and the quote clusters need of an article, kept in the
    sidecar state."""
    return _article_speakers(extraction, article_info(article))


def _article_speakers(ex: Extraction, info: ArticleInfo) -> ArticleSpeakers:
    """One (speaker, kind) per quote, in order (the clusters index quotes by position); a
    joint quote's other speakers apart, so that each of them counts it too."""
    names = [quote_speakers(q) for q in ex.quotes]
    return ArticleSpeakers(
        ex.speakers,
        tuple((n[0] if n else None, q.kind) for n, q in zip(names, ex.quotes, strict=True)),
        info,
        tuple(fingerprint(q.text) for q in ex.quotes),
        tuple((other, q.kind) for n, q in zip(names, ex.quotes, strict=True) for other in n[1:]),
    )


# ── reading ──────────────────────────────────────────────────────────────────────────────


def stored_text(fields: Fields) -> tuple[str, list[Span]]:
    """The article's text and its body paragraphs (what a snippet is cut from)."""
    layout = json.loads(fields["layout"])
    return fields["text"], [tuple(p) for p in layout["paragraphs"]]


def stored_article(fields: Fields) -> Article:
    """The article as indexed: text, layout and metadata."""
    layout = json.loads(fields["layout"])
    return Article(
        id=fields["id"],
        path=fields["path"],
        text=fields["text"],
        paragraphs=tuple(tuple(p) for p in layout["paragraphs"]),
        title=fields.get("title_text") or None,
        title_span=tuple(layout["title_span"]) if layout.get("title_span") else None,
        date=fields.get("date") or None,
        author=fields.get("author") or None,
        source=fields.get("source") or None,
        cruft=tuple((tuple(s), r) for s, r in layout.get("cruft", ())),
        content_hash=fields.get("content_hash", ""),
        url=fields.get("url") or None,
        section=fields.get("section") or None,
        subtitle=fields.get("subtitle") or None,
    )


def stored_hit(fields: Fields, score: float, snippet: str, snippet_spans: tuple[Span, ...]) -> Hit:
    """A search hit for the stored article, with its snippet."""
    return Hit(
        article=fields["id"],
        title=fields.get("title_text") or None,
        label=fields["label"],
        date=fields.get("date") or None,
        source=fields.get("source") or None,
        score=float(score),
        snippet=snippet,
        snippet_spans=snippet_spans,
        url=fields.get("url") or None,
    )


def stored_info(fields: Fields) -> ArticleInfo:
    """The stored article's metadata."""
    return ArticleInfo(
        id=fields["id"],
        path=fields["path"],
        title=fields.get("title_text") or None,
        label=fields["label"],
        date=fields.get("date") or None,
        author=fields.get("author") or None,
        source=fields.get("source") or None,
        url=fields.get("url") or None,
        section=fields.get("section") or None,
    )


def stored_quotes(fields: Fields) -> tuple[Quote, ...]:
    """The stored article's quotes, in text order."""
    return loads_extraction(fields["extraction"]).quotes


def stored_speakers(fields: Fields) -> ArticleSpeakers:
    """What the speaker merge and the quote clusters need of the stored article."""
    return _article_speakers(loads_extraction(fields["extraction"]), stored_info(fields))


def stored_file(fields: Fields) -> tuple[int, int, str]:
    """``(size, mtime_ns, content_hash)`` of the file the article was read from."""
    return fields["size"], fields["mtime_ns"], fields["content_hash"]


# ── the extraction's JSON ────────────────────────────────────────────────────────────────


def speaker_to_dict(sp: ArticleSpeaker) -> dict[str, Any]:
    """An article's speaker as stored."""
    return {
        "name": sp.name,
        "kind": sp.kind,
        "aliases": list(sp.aliases),
        "roles": list(sp.roles),
        "gender": sp.gender,
    }


def speaker_from_dict(d: dict[str, Any]) -> ArticleSpeaker:
    """An article's speaker from its stored form."""
    return ArticleSpeaker(
        name=d["name"],
        kind=d["kind"],
        aliases=tuple(d.get("aliases", ())),
        roles=tuple(d.get("roles", ())),
        gender=d.get("gender"),
    )


def quote_to_dict(q: Quote) -> dict[str, Any]:
    """A quote as stored (compact: the mention is ``[start, end, text]``; joint speakers,
    role and candidates only when there are some)."""
    mention = q.mention
    d = {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker,
        "speaker_kind": q.speaker_kind,
        "mention": [mention.start, mention.end, mention.text] if mention else None,
        "cue": q.cue,
        "confidence": q.confidence,
    }
    if len(q.speakers) > 1:
        d["speakers"] = list(q.speakers)
    if q.role:
        d["role"] = q.role
    if q.candidates:
        d["candidates"] = list(q.candidates)
    return d


def quote_from_dict(d: dict[str, Any]) -> Quote:
    """A quote from its stored form."""
    m = d.get("mention")
    return Quote(
        start=d["start"],
        end=d["end"],
        text=d["text"],
        kind=d["kind"],
        speaker=d.get("speaker"),
        speaker_kind=d.get("speaker_kind"),
        mention=Mention(m[0], m[1], m[2]) if m else None,
        cue=d.get("cue"),
        confidence=d.get("confidence", 0.5),
        speakers=tuple(d.get("speakers") or ((d["speaker"],) if d.get("speaker") else ())),
        role=d.get("role"),
        candidates=tuple(d.get("candidates", ())),
    )


def dumps_extraction(ex: Extraction) -> str:
    """The extraction as the ``extraction`` field's JSON."""
    return _EXTRACTION_JSON(
        {
            "quotes": [quote_to_dict(q) for q in ex.quotes],
            "speakers": [speaker_to_dict(s) for s in ex.speakers],
        }
    )


# What ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` calls, made once: with
# any argument of its own, ``dumps`` builds a new encoder at every call.
_EXTRACTION_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def loads_extraction(text: str) -> Extraction:
    """The extraction from the ``extraction`` field's JSON."""
    data = json.loads(text)
    return Extraction(
        quotes=tuple(quote_from_dict(q) for q in data.get("quotes", ())),
        speakers=tuple(speaker_from_dict(s) for s in data.get("speakers", ())),
    )
