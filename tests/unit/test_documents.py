"""The stored document (index/store/documents.py): what is written for an article comes back
as the same article, quotes and speakers; the query language's fields exist in the schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import RamStorage

from newsbrowse.index.model import Article, ArticleInfo, Extraction
from newsbrowse.index.quotes import extract_quotes
from newsbrowse.index.reading import read_article
from newsbrowse.index.search import FIELDS
from newsbrowse.index.store.documents import (
    Fields,
    article_info,
    article_speakers,
    build_schema,
    document,
    dumps_extraction,
    loads_extraction,
    stored_article,
    stored_file,
    stored_hit,
    stored_info,
    stored_quotes,
    stored_speakers,
    stored_text,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def stored(doc: Fields) -> Fields:
    """``doc`` written to a fresh in-memory index and read back, as the library reads it."""
    ix = RamStorage().create_index(build_schema())
    with ix.writer() as writer:
        writer.add_document(**doc)
    with ix.searcher() as searcher:
        fields = searcher.document(id=doc["id"])
    assert fields is not None
    return fields


@pytest.fixture(scope="module", params=sorted(p.name for p in SEEDS.glob("*.txt")))
def seed(request: pytest.FixtureRequest) -> tuple[Article, Extraction, Fields]:
    article = read_article(SEEDS / request.param, SEEDS)
    extraction = extract_quotes(article.text, article.paragraphs)
    return article, extraction, stored(document(article, extraction, 1234, 5678))


def test_an_article_comes_back_as_it_was_written(seed) -> None:
    article, _, fields = seed
    assert stored_article(fields) == article
    text, paragraphs = stored_text(fields)
    assert text == article.text and paragraphs == list(article.paragraphs)
    assert stored_file(fields) == (1234, 5678, article.content_hash)


def test_its_extraction_and_metadata_come_back(seed) -> None:
    article, extraction, fields = seed
    assert stored_quotes(fields) == extraction.quotes
    assert stored_speakers(fields) == article_speakers(article, extraction)
    assert (
        stored_info(fields)
        == article_info(article)
        == ArticleInfo(
            article.id,
            article.path,
            article.title,
            article.label,
            article.date,
            article.author,
            article.source,
        )
    )
    hit = stored_hit(fields, 2.5, "snippet", ((0, 3),))
    assert (hit.article, hit.title, hit.label, hit.date, hit.source, hit.score) == (
        article.id,
        article.title,
        article.label,
        article.date,
        article.source,
        2.5,
    )


def test_the_extraction_json_round_trips(seed) -> None:
    _, extraction, _ = seed
    assert loads_extraction(dumps_extraction(extraction)) == extraction


def test_every_field_of_the_query_language_is_in_the_schema() -> None:
    names = set(build_schema().names())
    # date: is searched as the number "day"; the text "date" is stored for display.
    assert {name for name in FIELDS if name != "date"} <= names
    assert {"date", "day"} <= names


JOINT_TEXT = (
    "Ana Roe and Tom Berg said in a joint statement that the talks had failed.\n\n"
    "“It is over,” a senior aide said."
)


def test_joint_speakers_roles_and_unknowns_round_trip_and_each_speaker_gets_the_quote() -> None:
    from newsbrowse.index.speakers import build_registry

    paragraphs = ((0, JOINT_TEXT.index("\n")), (JOINT_TEXT.index("“"), len(JOINT_TEXT)))
    article = Article("a.txt", "/x/a.txt", JOINT_TEXT, paragraphs)
    extraction = extract_quotes(article.text, article.paragraphs)
    joint, unknown = extraction.quotes
    assert joint.speakers == ("Ana Roe", "Tom Berg") and joint.speaker == "Ana Roe and Tom Berg"
    assert unknown.speaker is None and unknown.role == "senior aide"
    assert loads_extraction(dumps_extraction(extraction)) == extraction
    fields = stored(document(article, extraction, 1, 2))
    assert stored_quotes(fields) == extraction.quotes
    registry = build_registry({"a.txt": stored_speakers(fields)})
    counts = {s.name: s.quotes for s in registry.index.speakers}
    assert counts == {"Ana Roe": 1, "Tom Berg": 1}
    assert registry.by_article["a.txt"] == {
        registry.index.speaker_id("a.txt", "Ana Roe"),
        registry.index.speaker_id("a.txt", "Tom Berg"),
    }


def test_an_extraction_stored_before_joint_speakers_still_reads() -> None:
    old = (
        '{"quotes":[{"start":0,"end":3,"text":"abc","kind":"direct","speaker":"Ana Roe",'
        '"speaker_kind":"person","mention":null,"cue":"said","confidence":0.9}],"speakers":[]}'
    )
    (q,) = loads_extraction(old).quotes
    assert q.speakers == ("Ana Roe",) and q.role is None and q.candidates == ()
