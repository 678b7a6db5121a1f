"""A term's postings read a block at a time, and what stays the same per index generation.

Whoosh's matchers hand out one posting per Python call (and its BM25F reads each document's
field length from a column, per posting): ~3 µs per matched article per field, which set the
speed of every query over a common word. Here a term's blocks are read whole, each with one
unpickle, into plain lists. What a query needs besides, and what only changes with the index
(field lengths as BM25 norms, dates, sources), is computed once per generation in
:class:`IndexView`.
"""

from __future__ import annotations

import io
import mmap
import os
import pickle
import sys
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from struct import Struct, calcsize
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, _lenfield
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import ID
from whoosh.reading import EmptyReader, IndexReader, TermNotFound
from whoosh.searching import Searcher
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length

K1 = 1.2  # BM25F's defaults, as Whoosh's BM25F() uses them
B = 0.75
_MAGIC_SIZE = 4  # each term's postings start with a 4-byte tag
_BLOCK_LENGTH = Struct("!i").unpack_from  # a block's length, negative for the last block

Postings = tuple[list[int], list[float], list[bytes] | None]  # ids, weights, values


def read_postings(leaf: IndexReader, fieldname: str, tbytes: bytes) -> Postings:
    """One term's postings in one segment: local document numbers (deleted ones included),
    weights and values (None when the field stores none). Empty when the term is absent."""
    terms = leaf._terms  # type: ignore[attr-defined]
    try:
        info = terms.term_info(fieldname, tbytes)
    except (KeyError, TermNotFound):
        return [], [], None
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        return list(ids), [float(w) for w in weights], list(values) if values else None
    start, size = info.extent()
    if isinstance(size, tuple):  # W3TermInfo.from_bytes leaves the length in a 1-tuple
        size = size[0]
    # The term's blocks in one read, each block's header and data unpickled straight from
    # one stream: reading and slicing block by block cost a tenth more.
    whole = terms._postfile.get(start, size)
    stream = io.BytesIO(whole)
    load = pickle.load
    ids_out: list[int] = []
    weights_out: list[float] = []
    values_out: list[bytes] = []
    pos = _MAGIC_SIZE
    last = False
    while not last:
        length = _BLOCK_LENGTH(whole, pos)[0]
        last = length < 0
        end = pos + _INT_SIZE + abs(length)
        stream.seek(pos + _INT_SIZE)
        count, _maxid, _maxweight, compressed, _minlen, _maxlen = load(stream)
        if compressed:
            ids, weights, values = pickle.loads(zlib.decompress(whole[stream.tell() : end]))
        else:
            ids, weights, values = load(stream)
        pos = end
        ids_out += accumulate(ids)
        if weights is None:
            weights_out += [1.0] * count
        elif isinstance(weights, float):
            weights_out += [weights] * count
        else:
            weights_out += weights
        if values:
            values_out += values
    return ids_out, weights_out, values_out or None


class IndexView:
    """One generation of the index as the evaluator reads it: its segments, global
    statistics, and per-document arrays built on first use and kept until it changes."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        self.reader = reader
        # An index of no segments reads as one EmptyReader leaf, which has no terms to read.
        self.leaves: list[tuple[IndexReader, int]] = [
            (leaf, offset)
            for leaf, offset in reader.leaf_readers()
            if not isinstance(leaf, EmptyReader)
        ]
        self.deleted: list[frozenset[int]] = [
            leaf.deleted_docs_set if leaf.has_deletions() else frozenset()  # type: ignore[attr-defined]
            for leaf, _ in self.leaves
        ]
        self.doc_count_all = reader.doc_count_all()
        self.doc_count = reader.doc_count()
        self.schema = reader.schema
        self._norms: dict[str, list[list[float]]] = {}
        self._idf: dict[tuple[str, bytes], float] = {}
        self._columns: dict[str, list[Any]] = {}
        self._looked_up: set[str] = set()  # columns whose values were read where they lie
        self._live: list[int] | None = None
        self._lexicons: dict[str, list[str]] = {}
        self.cache: dict[str, Any] = {}  # other per-generation values, by their owner's key

    def idf(self, fieldname: str, tbytes: bytes) -> float:
        """Whoosh's idf: ``log(N / (df + 1)) + 1`` over every segment, deletions included
        (1.0 in an index of no documents, where no term has postings to weigh)."""
        key = (fieldname, tbytes)
        idf = self._idf.get(key)
        if idf is None:
            from math import log

            df = self.reader.doc_frequency(fieldname, tbytes)
            idf = self._idf[key] = log(max(self.doc_count_all, 1) / (df + 1)) + 1
        return idf

    def norms(self, fieldname: str) -> list[list[float]]:
        """Per segment and local document: ``K1 * ((1 - B) + B * length / average)``, the
        length part of BM25 exactly as Whoosh computes it (same operations, same order).

        A length is stored as one byte, so there are 256 norms at most: each is computed
        once and every document's looked up in C (per document in Python, 100,000 articles'
        norms cost a fresh command 80 ms)."""
        found = self._norms.get(fieldname)
        if found is not None:
            return found
        avgfl = self.searcher.avg_field_length(fieldname) or 1
        out = []
        for leaf, _ in self.leaves:
            lengths = _field_lengths(leaf, fieldname)
            if isinstance(lengths, bytes):
                table = [K1 * ((1 - B) + B * byte_to_length(b) / avgfl) for b in range(256)]
                out.append(list(map(table.__getitem__, lengths)))
            else:
                out.append([K1 * ((1 - B) + B * fl / avgfl) for fl in lengths])
        self._norms[fieldname] = out
        return out

    def column(self, fieldname: str) -> list[Any]:
        """A column's values by global document number (deleted documents included)."""
        found = self._columns.get(fieldname)
        if found is None:
            found = []
            for leaf, _ in self.leaves:
                found += column_values(leaf, fieldname)
            self._columns[fieldname] = found
        return found

    def values_at(self, fieldname: str, docs: Iterable[int]) -> list[Any]:
        """The column's values of ``docs`` (global numbers): from the whole column if it was
        read, else each read where it lies in its segment's mapped file (a command's one
        search with facets wants the values of its matches, not of every article: 100,000
        articles' ``id`` column took 32 ms to read whole). A second look-up in the same
        generation (an app's or a script's next search) reads the column whole, once: the
        sources of a common word's 50,000 matches at 100,000 articles cost a search with
        facets 38 ms each time where they lie, 1 ms from the whole column (read in 24 ms)."""
        whole = self._columns.get(fieldname)
        if whole is None and fieldname in self._looked_up:
            whole = self.column(fieldname)
        self._looked_up.add(fieldname)
        mapped = self.byte_column(fieldname) if whole is None else []
        if whole is not None or None in mapped:
            whole = self.column(fieldname)
            return [whole[d] for d in docs]
        field = self.schema[fieldname]
        decode = field.from_column_value
        firsts = [offset for _, offset in self.leaves]
        out = []
        for d in docs:
            segment = bisect_right(firsts, d) - 1
            blob, starts, lengths = mapped[segment]  # type: ignore[misc]
            local = d - firsts[segment]
            start = starts[local]
            out.append(decode(blob[start : start + lengths[local]]))
        return out

    def byte_column(self, fieldname: str) -> list[ByteColumn | None]:
        """A bytes column, per segment, as one blob with each document's offset and length
        into it (None where a segment keeps it otherwise): a value is read where it lies, so
        100,000 values cost no object each (making them took 135 ms at 100,000 articles)."""
        key = f"byte column {fieldname}"
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = [_byte_column(leaf, fieldname) for leaf, _ in self.leaves]
        return found

    def lexicon(self, fieldname: str) -> list[str]:
        """Every term of a text field in any segment, sorted: prefix and fuzzy words expand
        by bisecting it, where Whoosh merges every segment's term file again for each."""
        found = self._lexicons.get(fieldname)
        if found is None:
            terms: set[bytes] = set()
            for leaf, _ in self.leaves:
                terms.update(leaf.lexicon(fieldname))
            found = self._lexicons[fieldname] = sorted(t.decode("utf-8") for t in terms)
        return found

    def live(self) -> list[int]:
        """Every document that is not deleted, by global number."""
        if self._live is None:
            live: list[int] = []
            for (leaf, offset), deleted in zip(self.leaves, self.deleted, strict=True):
                count = leaf.doc_count_all()
                live += [offset + d for d in range(count) if d not in deleted]
            self._live = live
        return self._live


ByteColumn = tuple[Any, list[int], Any]  # the mapped file, each document's offset and length


def _byte_column(leaf: IndexReader, fieldname: str) -> ByteColumn | None:
    """A ``VarBytesColumn``'s file mapped into memory and parsed as Whoosh writes it: the
    values, then each document's length (big-endian, of the type the last byte names).
    Whoosh's reader copies the file and derives the offsets in a Python loop: 72 ms at
    100,000 articles against 5 for a mapping read where it is used."""
    if not leaf.has_column(fieldname):
        return None
    try:
        perdoc = leaf._perdoc  # type: ignore[attr-defined]
        folder = perdoc._storage.folder
        filename = W3Codec.column_filename(perdoc._segment, fieldname)
    except AttributeError:  # another codec or storage: no file to map
        return None
    try:
        with open(os.path.join(folder, filename), "rb") as file:
            whole = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # gone with a rebuild, or empty: every article is checked
        return None
    code = chr(whole[-1])
    count = leaf.doc_count_all()
    if code == "X" or code not in "BHILQ":  # offsets stored too, or not a length type
        return None
    begin = len(whole) - 1 - calcsize(code) * count
    lengths = array(code, whole[begin:-1])
    if sys.byteorder == "little":
        lengths.byteswap()
    return whole, list(accumulate(lengths, initial=0)), lengths


def column_values(leaf: IndexReader, fieldname: str) -> list[Any]:
    """Every document's value in a column of one segment, as Whoosh's reader gives them,
    read in one go where the column's layout allows (Whoosh reads one value per call:
    seconds for the id column at 100,000 articles)."""
    field = leaf.schema[fieldname]
    raw = leaf.column_reader(fieldname, translate=False)
    count = leaf.doc_count_all()
    if isinstance(raw, VarBytesColumn.Reader) and len(raw._lengths) == count:
        blob = raw._dbfile.get(raw._basepos, sum(raw._lengths))
        ends = list(accumulate(raw._lengths))
        starts = [0, *ends[:-1]]
        if isinstance(field, ID) and blob.isascii():  # text: one decode, then slices
            text = blob.decode("ascii")
            return [text[a:b] for a, b in zip(starts, ends, strict=True)]
        values = [blob[a:b] for a, b in zip(starts, ends, strict=True)]
    elif isinstance(raw, NumericColumn.Reader):
        numbers = array(raw._typecode, raw._dbfile.get(raw._basepos, raw._count * raw._fixedlen))
        if sys.byteorder == "little":
            numbers.byteswap()  # written big-endian ("!")
        values = numbers.tolist() + [raw._default] * (count - raw._count)
    else:
        return list(leaf.column_reader(fieldname))
    return [field.from_column_value(v) for v in values]


def _field_lengths(leaf: IndexReader, fieldname: str) -> bytes | list[int]:
    """Each document's length in ``fieldname`` as Whoosh scores it: as the stored bytes
    (``byte_to_length`` of each is the length), or as numbers from another codec."""
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # type: ignore[attr-defined]
        raw = column._dbfile.get(column._basepos, column._count) if column is not None else b""
    except AttributeError:  # another codec: ask per document
        return [leaf.doc_field_length(d, fieldname) or 0 for d in range(count)]
    return bytes(raw) + bytes(max(0, count - len(raw)))
