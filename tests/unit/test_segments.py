"""Segments written a term at a time hold what Whoosh's own writer writes."""

from __future__ import annotations

import pickle
import random
import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.filedb.filetables import md5_hash
from whoosh.formats import Positions
from whoosh.writing import SegmentWriter

from newsbrowse.index.analysis import JoinedTerms
from newsbrowse.index.store.documents import PRE_ANALYZED, build_schema
from newsbrowse.index.store.prepare import prepare
from newsbrowse.index.store.scan import scan
from newsbrowse.index.store.segments import SegmentBuilder, encode_positions, md5_low32

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    root = tmp_path_factory.mktemp("docs")
    shutil.copytree(SEEDS, root / "c", ignore=shutil.ignore_patterns("__init__.py", "__py*"))
    (root / "c" / "accents.txt").write_text("Genève\n\nRésumé naïve résumé, «quoted» words.\n")
    docs = [prepare(stat, root / "c").doc for stat in scan(root / "c")]
    return [d for d in docs if d is not None]


def write(folder: Path, docs: list[dict], builder: bool) -> whoosh_index.FileIndex:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer: SegmentWriter = (
        SegmentBuilder(ix, PRE_ANALYZED) if builder else SegmentWriter(ix, compound=False)
    )
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return whoosh_index.open_dir(str(folder))


def postings(ix: whoosh_index.FileIndex) -> dict:
    """Every term's postings (positions decoded, documents by id, block statistics) and
    term statistics."""
    out = {}
    with ix.reader() as reader:
        ids = [fields["id"] for fields in reader.all_stored_fields()]
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            fmt = ix.schema[fieldname].format
            rows = []
            while matcher.is_active():
                value = matcher.value()
                if isinstance(fmt, Positions):
                    value = fmt.decode_positions(value)
                blocks = (matcher.block_min_length(), matcher.block_max_length())
                rows.append((ids[matcher.id()], matcher.weight(), value, blocks))
                matcher.next()
            rows.sort()
            info = reader.term_info(fieldname, term)
            stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length())
            out[fieldname, term] = (rows, stats, info.max_weight())
        assert len(ids) == reader.doc_count_all()  # no deletions: numbers map to ids
    return out


def per_document(ix: whoosh_index.FileIndex) -> tuple:
    with ix.reader() as reader:
        names = ix.schema.names()
        lengths = [
            [reader.doc_field_length(d, n) for n in names] for d in range(reader.doc_count())
        ]
        columns = {n: list(reader.column_reader(n)) for n in names if ix.schema[n].column_type}
        totals = [reader.field_length(n) for n in names]
        return list(reader.all_stored_fields()), lengths, columns, totals


def test_a_built_segment_holds_what_whoosh_writes(tmp_path: Path, documents: list[dict]) -> None:
    whoosh = write(tmp_path / "whoosh", documents, builder=False)
    built = write(tmp_path / "built", documents, builder=True)
    assert postings(built) == postings(whoosh)
    assert per_document(built) == per_document(whoosh)
    files = {p.name.split(".", 1)[1] for p in (tmp_path / "whoosh").glob("MAIN_*.*")}
    assert {p.name.split(".", 1)[1] for p in (tmp_path / "built").glob("MAIN_*.*")} == files


def test_an_update_that_merges_segments_goes_through_whoosh_and_reads_the_same(
    tmp_path: Path, documents: list[dict]
) -> None:
    """Whoosh's merge policy pools other segments' postings; ours join them there."""
    folder = tmp_path / "merged"
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    for doc in documents:  # one small segment per document, merged as they come
        writer = SegmentBuilder(ix, PRE_ANALYZED)
        writer.add_document(**doc)
        writer.commit(merge=True)
    merged = whoosh_index.open_dir(str(folder))
    assert len(merged._segments()) < len(documents)
    reference = write(tmp_path / "whoosh", documents, builder=False)
    assert postings(merged) == postings(reference)


def test_terms_of_several_blocks_are_written_as_whoosh_writes_them(
    tmp_path: Path, documents: list[dict]
) -> None:
    """Terms in more than one block of 128 postings (their statistics gathered block by
    block), in scored and unscored fields, with words once and many times in a document."""
    rng = random.Random(7)
    words = [f"w{n}" for n in range(40)]
    docs = [
        {
            **documents[n % len(documents)],
            "id": f"d{n}",
            "body": JoinedTerms(rng.choices(words, k=rng.randint(1, 60))),
            "day": 20250101 + n % 3,
        }
        for n in range(300)
    ]
    whoosh = write(tmp_path / "whoosh", docs, builder=False)
    built = write(tmp_path / "built", docs, builder=True)
    found = postings(built)
    assert found == postings(whoosh)
    assert max(len(rows) for rows, _, _ in found.values()) > 2 * 128


def test_the_term_index_hash_is_whooshs() -> None:
    rng = random.Random(3)
    for size in range(60):
        key = bytes(rng.randrange(256) for _ in range(size))
        assert md5_low32(key) == md5_hash(key)


@pytest.mark.parametrize("seed", range(5))
def test_positions_read_back_as_whoosh_reads_them(seed: int) -> None:
    rng = random.Random(seed)
    fmt = Positions()
    for _ in range(500):
        limit = rng.choice([300, 70_000, 3_000_000])
        positions = sorted(rng.sample(range(limit), rng.choice([1, 2, 3, 17])))
        value = encode_positions(positions)
        assert fmt.decode_positions(value) == positions
        assert fmt.decode_frequency(value) == len(positions)


def test_words_far_into_a_long_article_are_written_as_whoosh_writes_them(
    tmp_path: Path, documents: list[dict]
) -> None:
    """A word at one position is written from a table of values up to the 4,096th position
    and encoded beyond it: both must read back as Whoosh's own writer writes them."""
    filler = [f"w{n % 50}" for n in range(6000)]  # repeated words: many positions each
    for at, word in ((300, "alone"), (4095, "edge"), (4096, "past"), (5000, "beyond")):
        filler[at] = word
    long_doc = {**documents[0], "id": "long", "body": JoinedTerms(filler)}
    docs = [*documents, long_doc]
    whoosh = write(tmp_path / "whoosh", docs, builder=False)
    built = write(tmp_path / "built", docs, builder=True)
    found = postings(built)
    assert found == postings(whoosh)
    assert [
        rows[0][2]
        for (field, term), (rows, _, _) in sorted(found.items())
        if field == "body" and term in (b"alone", b"edge", b"past", b"beyond")
    ] == [[300], [5000], [4095], [4096]]


def test_joined_terms_are_the_text_whoosh_splits_and_pickle_whole() -> None:
    terms = JoinedTerms(["hello", "world", "resum"])
    assert terms == "hello world resum" and terms.split() == terms.terms
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(terms, protocol))
        assert (again, again.terms, type(again)) == (terms, terms.terms, JoinedTerms)
