"""The command line's JSON is written once (tui/output.py) and carries the whole model: a
field added to a record reaches scripts, or is left out here on purpose."""

from __future__ import annotations

import dataclasses
import json

from newsbrowse.index.model import (
    Article,
    ArticleInfo,
    ClusterMember,
    Hit,
    Mention,
    Quote,
    QuoteCluster,
    QuoteRecord,
    SearchResult,
    Speaker,
    UpdateReport,
)
from newsbrowse.tui.output import (
    article_info_json,
    article_json,
    cluster_json,
    quote_json,
    report_json,
    search_json,
    speaker_json,
)

MENTION = Mention(40, 45, "Berg")
QUOTE = Quote(0, 10, "We will go", "direct", "Anna Berg", "person", MENTION, "said", 0.9)
RECORD = QuoteRecord("a.txt", "/c/a.txt", QUOTE, "anna-berg", "Anna Berg", "c1")
HIT = Hit("a.txt", "Title", "Title", "2025-08-01", "Wire", 1.5, "…snippet…", ((1, 4),))
INFO = ArticleInfo("a.txt", "/c/a.txt", "Title", "Title", "2025-08-01", "Ann", "Wire")
ARTICLE = Article("a.txt", "/c/a.txt", "Title\n\nBody.", ((7, 12),), "Title", (0, 5))
SPEAKER = Speaker("anna-berg", "Anna Berg", "person", ("Berg",), ("minister",), 3, ("a.txt",))


def names(record: object) -> set[str]:
    return {f.name for f in dataclasses.fields(record)}  # type: ignore[arg-type]


def assert_shape(shape: dict, record: object, left_out: set[str], renamed: dict[str, str]) -> None:
    """Every field is in ``shape`` (under its own name, or renamed), or left out on purpose."""
    expected = {renamed.get(n, n) for n in names(record) - left_out}
    assert expected <= set(shape), expected - set(shape)
    json.dumps(shape)  # and it is JSON


def test_quotes_carry_every_quote_field_and_the_corpus_speaker() -> None:
    shape = quote_json(RECORD)
    # The article-local speaker name gives way to the corpus-wide one (same key).
    assert_shape(shape, QUOTE, left_out=set(), renamed={})
    assert_shape(shape, RECORD, left_out={"quote"}, renamed={"speaker_name": "speaker"})
    assert shape["speaker"] == "Anna Berg" and shape["speaker_id"] == "anna-berg"
    assert shape["mention"] == {"start": 40, "end": 45, "text": "Berg"}
    assert shape["cluster"] == "c1"
    assert shape["citation"] == "“We will go” — Anna Berg"
    assert quote_json(RECORD, INFO)["citation"] == "“We will go” — Anna Berg, Wire, 2025-08-01"


def test_clusters_carry_every_cluster_field() -> None:
    member = ClusterMember("a.txt", 0, "2025-08-01", "Wire")
    cluster = QuoteCluster("c1", "anna-berg", (member, ClusterMember("b.txt", 3, None, None)))
    shape = cluster_json(cluster, [RECORD], {"a.txt": INFO})
    assert_shape(shape, cluster, left_out={"members"}, renamed={})  # members: first_reported
    assert shape["first_reported"] == {"date": "2025-08-01", "source": "Wire", "article": "a.txt"}
    assert shape["articles"] == ["a.txt", "b.txt"] and shape["speaker"] == "Anna Berg"
    assert shape["quotes"] == [quote_json(RECORD, INFO)]


def test_search_carries_every_result_and_hit_field() -> None:
    result = SearchResult("q", [HIT], 1, 0.01, None, None, ["note"], {"speaker": {}})
    shape = search_json(result)
    assert_shape(shape, result, left_out={"error"}, renamed={})  # an error exits with code 2
    assert_shape(shape["hits"][0], HIT, left_out=set(), renamed={})


def test_articles_speakers_and_the_update_report() -> None:
    # The label is derived (title, else the first sentence); scripts have the text for it.
    assert_shape(article_info_json(INFO), INFO, left_out={"label"}, renamed={})
    # An article's cruft and content hash are the index's business; its layout is given
    # by its paragraphs.
    left_out = {"title_span", "cruft", "content_hash"}
    assert_shape(article_json(ARTICLE), ARTICLE, left_out=left_out, renamed={})
    assert_shape(speaker_json(SPEAKER), SPEAKER, left_out=set(), renamed={})
    report = UpdateReport(added=1, skipped=[("b.txt", "binary file")])
    shape = report_json(report, articles=4)
    assert_shape(shape, report, left_out=set(), renamed={})
    assert shape["skipped"] == [{"id": "b.txt", "reason": "binary file"}]
    assert shape["articles"] == 4
