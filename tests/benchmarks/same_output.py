"""Digests that say whether a speed change left the output alone: run with each checkout's
Python, then compare.

    OTHER/.venv/bin/python tests/benchmarks/same_output.py extract before.json \\
        --corpus /tmp/prof-corpus --corpus /work/data/polnear/data/train/text
    .venv/bin/python tests/benchmarks/same_output.py extract after.json --corpus …
    python tests/benchmarks/same_output.py compare before.json after.json

- ``read``: ``read_article`` of every file of the corpora (and of this repository's
  ``tests/data`` and ``seeds``), each as the digest of the whole article's ``repr``.
- ``extract``: ``extract_quotes`` of every article of the corpora (and of this repository's
  ``tests/data`` and ``seeds``), each as the digest of its ``repr``.
- ``index``: the first ``--n`` articles of the first corpus (and the repository's own) written
  by ``SegmentBuilder`` into two segments, read back: digests of every posting (documents,
  weights, values), every stored field, every field length and the sortable columns.
- ``compare``: the entries that differ (exit status 1 if any).

The corpora should be data nobody tuned on (a generated corpus, PolNeAR's train split).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
OWN = (REPO / "tests" / "data", REPO / "seeds")
SUFFIXES = {".txt", ".html", ".htm", ".md", ""}


def _digest(value: object) -> str:
    return hashlib.sha1(repr(value).encode()).hexdigest()


def _files(corpora: list[Path]) -> Iterator[tuple[Path, Path]]:
    for corpus in corpora:
        for path in sorted(corpus.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES:
                yield corpus, path


def read(corpora: list[Path]) -> dict[str, str]:
    from newsbrowse.index.reading import read_article

    out = {}
    for corpus, path in _files([*corpora, *OWN]):
        try:
            out[str(path)] = _digest(read_article(path, corpus))
        except Exception as exc:  # a reading error is an output too
            out[str(path)] = f"read error {type(exc).__name__}: {exc}"
    return out


def extract(corpora: list[Path]) -> dict[str, str]:
    from newsbrowse.index.quotes import extract_quotes
    from newsbrowse.index.reading import read_article

    out = {}
    for corpus, path in _files([*corpora, *OWN]):
        try:
            article = read_article(path, corpus)
        except Exception as exc:  # a reading error is an output too
            out[str(path)] = f"read error {type(exc).__name__}"
            continue
        out[str(path)] = _digest(extract_quotes(article.text, article.paragraphs))
    return out


def index(corpora: list[Path], n: int) -> dict[str, Any]:
    from whoosh import index as whoosh_index

    from newsbrowse.index.quotes import extract_quotes
    from newsbrowse.index.reading import read_article
    from newsbrowse.index.search.postings import read_postings
    from newsbrowse.index.store.documents import PRE_ANALYZED, REPEATING, build_schema, document
    from newsbrowse.index.store.segments import SegmentBuilder

    paths = list(_files(corpora[:1]))[:n] + list(_files(list(OWN)))
    articles = []
    for corpus, path in paths:
        try:
            articles.append(read_article(path, corpus))
        except Exception:  # what cannot be read is not indexed
            continue
    folder = tempfile.mkdtemp()
    ix = whoosh_index.create_in(folder, build_schema())
    cut = len(articles) * 3 // 5  # two segments, as a worker closes one when memory asks
    for part in (articles[:cut], articles[cut:]):
        writer = SegmentBuilder(ix, PRE_ANALYZED, REPEATING, _lk=False)
        for a in part:
            writer.add_document(**document(a, extract_quotes(a.text, a.paragraphs), 1, 1))
        writer.commit()
    out: dict[str, Any] = {"articles": len(articles)}
    with whoosh_index.open_dir(folder).searcher() as searcher:
        for i, (leaf, _offset) in enumerate(searcher.reader().leaf_readers()):
            docs = range(leaf.doc_count_all())
            out[f"postings {i}"] = _digest(
                [(f, t, read_postings(leaf, f, t)) for f, t in leaf.all_terms()]
            )
            out[f"stored {i}"] = _digest([sorted(leaf.stored_fields(d).items()) for d in docs])
            lengths = [
                (name, [leaf.doc_field_length(d, name) for d in docs])
                for name in leaf.schema.scorable_names()
            ]
            columns = [
                (name, [leaf.column_reader(name)[d] for d in docs])
                for name in ("id", "day", "source_key")
                if leaf.has_column(name)
            ]
            out[f"lengths and columns {i}"] = _digest((lengths, columns))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("read", "extract", "index", "compare"))
    parser.add_argument("files", nargs="+", type=Path, help="the output (two to compare)")
    parser.add_argument("--corpus", action="append", type=Path, default=[])
    parser.add_argument("--n", type=int, default=1500, help="articles indexed (index)")
    args = parser.parse_args(argv)
    if args.what == "compare":
        a, b = (json.loads(f.read_text()) for f in args.files[:2])
        differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        print(f"{len(a)} and {len(b)} entries; {len(differ)} differ")
        for key in differ[:20]:
            print("  ", key)
        return 1 if differ else 0
    if args.what == "index":
        out = index(args.corpus, args.n)
    else:
        out = (read if args.what == "read" else extract)(args.corpus)
    args.files[0].write_text(json.dumps(out, indent=0, sort_keys=True))
    print(f"{len(out)} entries written to {args.files[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
