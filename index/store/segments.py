"""Whoosh segments written a term at a time instead of a posting at a time.

Whoosh's own writer sends every posting through a sorting pool (sorted runs pickled to disk
when the pool fills, then heap-merged) and its postings writer takes one posting per Python
call. With ~350 postings per article that was most of a build. :class:`SegmentBuilder` keeps
a segment's postings in memory grouped by term: documents arrive in order, so every term's
list is already sorted, and each term's blocks are written with a few builtins per block.

The files are Whoosh's own (the W3 codec's): Whoosh opens, searches, merges and updates them
as ever. One thing differs: each block's data is pickled with the current pickle protocol
rather than protocol 2, in which every positions value is rebuilt through ``codecs.encode``
(a block of a common word unpickles ~7× faster, and a search reads thousands of them).
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Iterable, Iterator
from itertools import chain, starmap
from operator import sub
from pickle import HIGHEST_PROTOCOL, dumps
from typing import Any

try:
    from _md5 import md5 as _md5  # type: ignore[import-not-found]  # CPython's own MD5
except ImportError:  # pragma: no cover
    from hashlib import md5 as _md5

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PerDocWriter,
    W3PostingsWriter,
    W3Segment,
    W3TermInfo,
)
from whoosh.columns import CompressedBytesColumn, PickleColumn
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.formats import Positions
from whoosh.index import FileIndex
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import _length_byte_cache, length_to_byte
from whoosh.writing import MERGE_SMALL, SegmentWriter

from ..analysis import JoinedTerms

BLOCK = 128  # postings per block (the W3 codec's default)
PROTOCOL = HIGHEST_PROTOCOL
COMPRESSION = 0  # zlib level of postings blocks: none, decompressing cost more than reading
TERM_BYTES = 120  # rough memory of one buffered term besides its postings
ITEMS_HELD = 20_000  # values of the repeating fields whose postings' items are kept
POSTING_BYTES = 12  # rough memory of one buffered posting besides its value (document, weight, end)

Item = tuple[bytes, int, float, bytes | None]  # (term, frequency, weight, value)


class BlockPostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer, pickling block data with the current protocol (for the
    postings Whoosh writes itself: merged segments', vectors)."""

    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block but for the protocol of the data pickle.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        assert self._terminfo is not None  # a term is open
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = dumps(data, PROTOCOL)
        comp = self._compression if len(databytes) >= COMPRESSION_MIN_SIZE else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        info = (
            len(ids),
            ids[-1],
            self._maxweight,
            comp,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        )
        infobytes = dumps(info, 2)
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class BlockFieldWriter(W3FieldWriter):
    """The W3 field writer, able to write a whole term's postings at once (:meth:`write_term`):
    the bytes Whoosh's postings writer makes posting by posting, made block by block."""

    def __init__(self, codec: W3Codec, storage: Any, segment: W3Segment) -> None:
        # W3FieldWriter.__init__, with TermIndexWriter for its term index
        self._codec = codec
        self._storage = storage
        self._segment = segment
        self._fieldname = None
        self._fieldid = None
        self._btext = None
        self._fieldobj = None
        self._format = None
        self._tindex = TermIndexWriter(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        self._fixedsize = fieldobj.format.fixed_value_size()
        self._compression = self._codec._compression
        self._offset = self._postfile.tell()  # where write_term writes next

    def write_term(
        self,
        btext: bytes,
        docs: array,
        weights: array,
        values: list[bytes] | None,
        lengths: array | None,
    ) -> None:
        """Write one term's postings (sorted by document) and its term info, as
        ``W3PostingsWriter`` and ``W3TermInfo`` would."""
        count = len(docs)
        if count <= BLOCK:  # most terms: one block, nothing sliced
            block, total, maxweight, minlength, maxlength = self._block(
                docs, weights, values, lengths, last=True
            )
            data = WHOOSH3_HEADER_MAGIC + block
        else:
            # The term info's statistics gathered block by block, as W3TermInfo.add_block
            # does (the lengths as bytes: length_to_byte keeps their order).
            parts = [WHOOSH3_HEADER_MAGIC]
            total = 0
            maxweight = 0.0
            minlength = 255
            maxlength = 0
            for start in range(0, count, BLOCK):
                end = min(start + BLOCK, count)
                block_values = values[start:end] if values is not None else None
                block, weight, block_max, block_min_length, block_max_length = self._block(
                    docs[start:end], weights[start:end], block_values, lengths, end == count
                )
                parts.append(block)
                total += weight
                maxweight = max(maxweight, block_max)
                minlength = min(minlength, block_min_length)
                maxlength = max(maxlength, block_max_length)
            data = b"".join(parts)
        self._postfile.write(data)
        terminfo = _TERMINFO.pack(
            False, total, count, minlength, maxlength, maxweight, docs[0], docs[-1]
        )
        offset = self._offset
        self._offset += len(data)
        self._tindex.add(
            pack_ushort(self._fieldid) + btext, terminfo + pack_long(offset) + pack_int(len(data))
        )

    def _block(
        self,
        ids: array,
        weights: array,
        values: list[bytes] | None,
        lengths: array | None,
        last: bool,
    ) -> tuple[bytes, float, float, int, int]:
        """One block's bytes (``W3PostingsWriter._write_block``'s), with its sum of weights,
        its greatest weight and its least and greatest length as bytes."""
        if lengths is None:
            min_length, max_length = 0, _ZERO_LENGTH
        else:
            if len(ids) == 1:
                least = greatest = lengths[ids[0]]
            else:
                block_lengths = list(map(lengths.__getitem__, ids))
                least, greatest = min(block_lengths), max(block_lengths)
            # length_to_byte of each, read from _LENGTH_BYTES
            table = _LENGTH_BYTES
            min_length = table[least] if least < len(table) else 255
            max_length = table[greatest] if greatest < len(table) else 255
        # W3PostingsWriter's _mini_ids, _mini_weights and _mini_values, in C loops (but for
        # a block of one posting, a third of all, where setting up those loops costs more)
        if len(ids) == 1:
            total = maxweight = weights[0]
            mini_weights = None if maxweight == 1.0 else maxweight
            mini_ids: tuple[int, ...] = (ids[0],)
        else:
            total = sum(weights)
            maxweight = max(weights)
            first = weights[0]
            if weights.count(first) == len(weights):
                mini_weights = None if first == 1.0 else first
            else:
                mini_weights = tuple(weights)
            mini_ids = tuple(map(sub, ids, chain((0,), ids)))  # the gaps (delta_encode)
        fixedsize = self._fixedsize
        mini_values: tuple[bytes, ...] | bytes | None
        if fixedsize is None or fixedsize < 0:
            mini_values = tuple(values) if values is not None else ()
        elif fixedsize == 0:
            mini_values = None
        else:
            mini_values = b"".join(values) if values is not None else b""
        databytes = dumps((mini_ids, mini_weights, mini_values), PROTOCOL)
        comp = self._compression if len(databytes) >= COMPRESSION_MIN_SIZE else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        infobytes = dumps((len(ids), ids[-1], maxweight, comp, min_length, max_length), 2)
        blocklength = len(infobytes) + len(databytes)
        head = pack_int(-blocklength if last else blocklength)
        return head + infobytes + databytes, total, maxweight, min_length, max_length


class TermIndexWriter(OrderedHashWriter):
    """Whoosh's term index writer (an ordered hash file) making the same file with fewer
    calls: one write a term, one write a hash table."""

    def __init__(self, dbfile: Any) -> None:
        super().__init__(dbfile)
        self._pos = dbfile.tell()  # where the next key goes (only ``add`` writes until closing)
        if self.hashtype == 0:
            self.hashfn = md5_low32

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        pos = self._pos
        self.index.append(pos)
        item = _KEY_VALUE_LENGTHS.pack(len(key), len(value)) + key + value
        self.dbfile.write(item)
        self._pos += len(item)
        h = self.hashfn(key)
        self.buckets[h & 255].append((h, pos))
        self.lastkey = key

    def _write_hashes(self) -> None:
        # HashWriter._write_hashes, each table written at once, not a slot at a time
        dbfile = self.dbfile
        null = (0, 0)
        for entries in self.buckets:
            numslots = 2 * len(entries)
            self.directory.append((dbfile.tell(), numslots))
            hashtable = [null] * numslots
            for hashval, position in entries:
                slot = (hashval >> 8) % numslots
                while hashtable[slot] != null:
                    slot = (slot + 1) % numslots
                hashtable[slot] = (hashval, position)
            dbfile.write(b"".join(starmap(_POINTER.pack, hashtable)))


def md5_low32(key: bytes) -> int:
    """``filetables.md5_hash``, the term index's hash (the low 32 bits of the key's MD5), from
    the digest's last four bytes rather than its hex, with CPython's own MD5 where it has one:
    OpenSSL's (hashlib's) costs twice as much to set up for a key of a few bytes."""
    return int.from_bytes(_md5(key).digest()[12:], "big")


_TERMINFO = W3TermInfo._struct
_ZERO_LENGTH = length_to_byte(0)  # the greatest length of a block of a field without lengths


def _length_bytes() -> bytes:
    """``length_to_byte(n)`` at index ``n`` for every ``n`` under the length from which it is
    255: a bytes look-up, not a Python call and a bisection a block (its thresholds are
    increasing, so ``bisect_left`` gives ``b`` from the one before ``b``'s, excluded, to
    ``b``'s, included). Made from the thresholds by repeating each byte, not by calling
    ``length_to_byte`` ~100,000 times in each process."""
    thresholds = _length_byte_cache
    parts = [bytes((0,)) * (thresholds[0] + 1)]
    parts += [bytes((b,)) * (thresholds[b] - thresholds[b - 1]) for b in range(1, 255)]
    return b"".join(parts)


_LENGTH_BYTES = _length_bytes()
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # before each key and value in a hash file
_POINTER = struct.Struct("!Iq")  # a hash table's slot: the key's hash and position


class FastPerDocWriter(W3PerDocWriter):
    """The W3 per-document writer, compressing stored fields at zlib level 1 (level 3 cost
    twice the time for a few percent of size; any level reads back the same)."""

    def _create_column(self, fieldname: str, column: Any) -> None:
        if fieldname == "_stored":
            column = STORED
        super()._create_column(fieldname, column)


STORED = PickleColumn(CompressedBytesColumn(level=1))


class BlockCodec(W3Codec):
    """The W3 codec, writing through :class:`BlockFieldWriter`. The segments it makes
    carry the plain W3 codec, so reading an index never needs this class."""

    def per_document_writer(self, storage: Any, segment: Any) -> W3PerDocWriter:
        return FastPerDocWriter(self, storage, segment)

    def field_writer(self, storage: Any, segment: Any) -> BlockFieldWriter:
        return BlockFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return BlockPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def new_segment(self, storage: Any, indexname: str) -> W3Segment:  # noqa: ARG002
        plain = W3Codec(self._blocklimit, self._compression, self._inlinelimit)
        return W3Segment(plain, indexname)


class _Term:
    """One term's postings in the segment being built, in document order.

    In a field buffered as position gaps (:meth:`SegmentBuilder._index_words`), a posting of
    a word at one position under ``len(_WHOLE_AT)`` (most postings) keeps neither bytes nor a
    weight: its ``ends`` entry is that position, under ``len(_WHOLE_AT)``, its value the
    shared one at that position (``_WHOLE_AT``) and its weight the field's boost. Other
    postings keep their whole value, whose first four bytes are the count of positions; their
    ``ends`` entry is ``len(_WHOLE_AT)`` past the end of the value. Such a term keeps no
    weights, and its ``values`` are the empty ``_NO_VALUES`` until a posting has a value.

    The arrays are unsigned (``I``): ``array("i").append`` parses its argument through
    ``PyArg_Parse`` (~200 instructions); an unsigned array's reads the int directly. They are
    made by copying empty ones: ``array("I")`` parses its arguments too.
    """

    __slots__ = ("docs", "ends", "values", "weights")

    def __init__(self, gaps: bool = False) -> None:
        self.docs = _NEW_UINTS()
        self.ends = _NEW_UINTS()  # where each posting's value ends in ``values`` (or see above)
        if gaps:
            self.weights = _NO_WEIGHTS
            self.values = _NO_VALUES
        else:
            self.weights = array("f")
            self.values = bytearray()  # the postings' values, concatenated

    def postings(self, boost: float | None = None) -> tuple[array, list[bytes] | None]:
        """Each posting's weight and value; ``boost``: the postings were buffered as position
        gaps (:meth:`SegmentBuilder._index_words`) in a field of that boost."""
        ends = self.ends
        if not ends:
            return self.weights, None
        values = bytes(self.values)
        out = []
        start = 0
        if boost is None:
            for end in ends:
                out.append(values[start:end])
                start = end
            return self.weights, out
        unit = _BOOSTS.get(boost)  # array("f", [boost]), made once: it parses its arguments
        if unit is None:
            unit = _BOOSTS[boost] = array("f", [boost])
        weights = unit * len(ends)
        whole = _WHOLE_AT
        if not values:  # every posting a word at one position: no loop in Python
            return weights, list(map(whole.__getitem__, ends))
        limit = len(whole)
        for i, end in enumerate(ends):
            if end < limit:
                out.append(whole[end])
            else:
                end -= limit
                value = values[start:end]
                out.append(value)
                weights[i] = int.from_bytes(value[:4], "big") * boost  # the count (pack_uint)
                start = end
        return weights, out


_NEW_UINTS = array("I").__copy__  # a new empty array (see _Term)
_NO_WEIGHTS = array("f")  # shared: never added to (a gaps field's weights are its boost)
_NO_VALUES = bytearray()  # shared: never added to, replaced by a new one at a term's first value
_BOOSTS: dict[float, array] = {}  # a field's boost → a one-weight array of it


class SegmentBuilder(SegmentWriter):
    """A Whoosh segment writer that keeps postings by term in memory (see the module).

    ``add_document`` takes the same fields as Whoosh's. The ``pre_analyzed`` fields hold
    terms computed beforehand, space-separated (``analysis.index_terms``; their analyzer
    only splits; a ``JoinedTerms`` value gives its list, which is not split again): their
    postings are made here without Whoosh's token objects. Other indexed fields go through
    ``field.index`` as in Whoosh. ``buffered`` estimates the bytes held, so that the caller
    can close the segment (``_finalize_segment``) before memory runs short.
    """

    def __init__(
        self,
        ix: FileIndex,
        pre_analyzed: Iterable[str] = (),
        repeating: Iterable[str] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("compound", False)
        super().__init__(ix, codec=BlockCodec(compression=COMPRESSION), **kwargs)
        self._pre_analyzed = frozenset(pre_analyzed)
        self._repeating = frozenset(repeating)
        # field → term → postings; terms as text in pre-analysed fields, else as bytes
        self._terms: dict[str, dict[Any, _Term]] = {}
        self._lengths: dict[str, array] = {}
        # (field, value) → its postings' items, for the ``repeating`` fields (a source, a day,
        # an author): Whoosh's analyzers made each anew, 3-10 µs a field and article.
        self._items: dict[tuple[str, Any], list[Item]] = {}
        # field name → (field, its ``_gaps_boost``), for the names documents have given
        self._known: dict[str, tuple[Any, float | None]] = {}
        self.buffered = 0

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        perdoc = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        known = self._known
        if not all(map(known.__contains__, names)):
            self._check_fields(schema, names)
            for name in names:
                known[name] = (schema[name], self._gaps_boost(name, schema[name]))
        perdoc.start_doc(docnum)
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field, boost = known[name]
            length = self._index(name, field, boost, value, docnum) if field.indexed else 0
            if not field.scorable:
                length = 0  # as Whoosh: only scored fields keep lengths
            elif length:
                lengths = self._lengths.setdefault(name, array("I"))
                lengths.extend([0] * (docnum + 1 - len(lengths)))
                lengths[docnum] = length
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _gaps_boost(self, name: str, field: Any) -> float | None:
        """The field's boost if its postings are buffered as position gaps, else None."""
        if name in self._pre_analyzed and isinstance(field.format, Positions):
            return float(field.format.field_boost)
        return None

    def _index(self, name: str, field: Any, boost: float | None, value: Any, docnum: int) -> int:
        """Buffer the field's postings of ``docnum``; return its length (the term count).
        ``boost``: the field's ``_gaps_boost``."""
        terms = self._terms.setdefault(name, {})
        if boost is not None:
            words = value.terms if isinstance(value, JoinedTerms) else value.split()
            return self._index_words(terms, words, docnum)
        length = 0
        added = 0
        for tbytes, freq, weight, vbytes in self._items_of(name, field, value):
            term = terms.get(tbytes)
            if term is None:
                term = terms[tbytes] = _Term()
                added += TERM_BYTES + len(tbytes)
            term.docs.append(docnum)
            term.weights.append(weight)
            if vbytes:
                term.values += vbytes
                term.ends.append(len(term.values))
                added += len(vbytes)
            added += POSTING_BYTES
            length += freq
        self.buffered += added
        return length

    def _items_of(self, name: str, field: Any, value: Any) -> Iterable[Item]:
        """``field.index(value)``'s items; made once per value of a ``repeating`` field."""
        if name not in self._repeating:
            return field.index(value)
        key = (name, value)
        items = self._items.get(key)
        if items is None:
            if len(self._items) >= ITEMS_HELD:
                self._items.clear()
            items = self._items[key] = list(field.index(value))
        return items

    def _index_words(self, terms: dict[str, _Term], words: list[str], docnum: int) -> int:
        """Buffer the postings ``Positions.word_values`` would make of ``words``."""
        positions: dict[str, list[int]] = {}
        for pos, word in enumerate(words):
            if word in positions:
                positions[word].append(pos)
            else:
                positions[word] = [pos]
        # ~2 bytes of gaps a position (the count of bytes is not kept per posting)
        added = POSTING_BYTES * len(positions) + 2 * len(words)
        get = terms.get
        limit = len(_WHOLE_AT)
        gaps = _GAPS
        heads = _HEADS
        for word, poslist in positions.items():
            term = get(word)
            if term is None:
                term = terms[word] = _Term(gaps=True)
                added += TERM_BYTES + len(word)
            term.docs.append(docnum)
            count = len(poslist)
            last = poslist[-1]
            if count == 1 and last < limit:
                term.ends.append(last)  # no bytes, no weight: see _Term
                continue
            values = term.values
            if values is _NO_VALUES:
                values = term.values = bytearray()
            if 1 < count < limit and last < limit:
                # encode_positions(poslist), written here: a call a repeated word cost more
                # than the encoding (every gap is under len(_GAPS): none exceeds the last)
                values += heads[count]
                previous = 0
                for pos in poslist:
                    values += gaps[pos - previous]
                    previous = pos
                values += b"e."
            else:
                values += encode_positions(poslist)
            term.ends.append(len(values) + limit)
        self.buffered += added
        return len(words)

    def _flush_segment(self) -> None:
        if self.pool.current or self.pool.runs:
            # Postings merged in from other segments (an update's merge policy) are in
            # Whoosh's pool: add ours to them and let Whoosh write the lot.
            for item in self._buffered_postings():
                self.pool.add(item)
            self._terms.clear()
            super()._flush_segment()
            return
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        for name in sorted(self._terms):
            terms = self._terms[name]
            if not terms:
                continue
            field = self.schema[name]
            lengths = self._lengths.get(name)
            if lengths is not None:
                lengths.extend([0] * (self.docnum - len(lengths)))
            fieldwriter.start_field(name, field)
            boost = self._gaps_boost(name, field)
            # Whoosh orders terms by their bytes; text (pre-analysed fields hold their terms as
            # text) sorts the same as its UTF-8 bytes: both by code point.
            for key in sorted(terms):
                term = terms[key]
                weights, values = term.postings(boost)
                fieldwriter.write_term(_as_bytes(key), term.docs, weights, values, lengths)
            fieldwriter.finish_field()
        fieldwriter.close()
        self._terms.clear()

    def _buffered_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes | None]]:
        for name, terms in self._terms.items():
            boost = self._gaps_boost(name, self.schema[name])
            for key, term in terms.items():
                tbytes = _as_bytes(key)
                weights, split = term.postings(boost)
                values: list[bytes | None] = [None] * len(term.docs)
                values = split or values  # type: ignore[assignment]
                for doc, weight, value in zip(term.docs, weights, values, strict=True):
                    yield name, tbytes, doc, weight, value


def merge_live(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """The commit's merge policy: Whoosh's own (``MERGE_SMALL``) over the segments that still
    hold a live article. One whose every article was deleted is dropped, and its files are
    cleared by the commit; Whoosh's policy kept it for ever, so a folder whose files were all
    replaced kept every old article's postings on disk and in every search's segment list."""
    live: list[Any] = MERGE_SMALL(writer, [seg for seg in segments if seg.doc_count() > 0])
    return live


def _as_bytes(term: str | bytes) -> bytes:
    return term.encode("utf-8") if isinstance(term, str) else term


def encode_positions(poslist: list[int]) -> bytes:
    """A ``Positions`` value: the count, then the gaps as a pickled list.

    ``Positions.encode`` pickles the gaps with protocol 2 and a memo entry; the pickle made
    here (protocol 1 opcodes, no memo) is ~5 bytes shorter per posting, four times faster to
    make, and reads back as the same list (``Positions.decode_positions`` unpickles it).
    """
    if len(poslist) == 1:
        return framed(1, _gap_opcode(poslist[0]))
    parts = [pack_uint(len(poslist)), b"]("]  # what ``framed`` puts around the gaps, joined
    previous = 0  # once with them here (a segment buffers the value of each repeated word)
    for pos in poslist:
        gap = pos - previous
        previous = pos
        parts.append(_GAPS[gap] if gap < 4096 else _gap_opcode(gap))
    parts.append(b"e.")
    return b"".join(parts)


def _gap_opcode(gap: int) -> bytes:
    """The pickle opcode of one gap (a non-negative int): BININT1, BININT2 or BININT."""
    if gap < 256:
        return b"K" + bytes((gap,))
    if gap < 65536:
        return b"M" + gap.to_bytes(2, "little")
    return b"J" + gap.to_bytes(4, "little", signed=True)


def framed(count: int, gaps: bytes) -> bytes:
    """The ``Positions`` value of ``count`` positions from their gaps' opcodes (as
    ``encode_positions`` makes it)."""
    if count == 1:
        return pack_uint(1) + b"]" + gaps + b"a."
    return pack_uint(count) + b"](" + gaps + b"e."


# The opcodes of the first 4,096 gaps, made once here, not per position; and the whole value
# of a word at one of the first 4,096 positions (most postings), shared, not made per posting.
_GAPS = [_gap_opcode(n) for n in range(4096)]
_WHOLE_AT = [framed(1, gaps) for gaps in _GAPS]
_HEADS = [pack_uint(count) + b"](" for count in range(len(_GAPS))]  # of several positions
