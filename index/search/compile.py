"""Compile a parsed query into a Whoosh query, with bounded term expansion.

Besides the Whoosh query it collects what to light up in an article: the index terms that
match anywhere and the phrases that match as runs of terms.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import distance

from ..analysis import fold, index_terms, stem
from . import query as ast

DEFAULT_FIELDS = ("title", "body")
PROSE_FIELDS = {"title", "body", "quote"}
MAX_EXPANSION = 256  # terms one prefix or fuzzy word may expand to


@dataclass
class Compiled:
    """The Whoosh query and what to highlight."""

    query: wq.Query
    highlight_terms: set[str] = field(default_factory=set)
    highlight_phrases: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


SpeakerExpander = Callable[[str], list[str]]  # user text -> folded speaker names
Lexicon = Callable[[str], list[str]]  # field -> every term in it, sorted


class Compiler:
    """Turns a syntax tree into a Whoosh query against one reader.

    ``lexicon``, when given, lists a field's terms sorted (``postings.IndexView``): prefix
    and fuzzy words expand from it as Whoosh would from the reader (the same terms in the
    same order), without walking every segment's term file again.
    """

    def __init__(
        self, reader: IndexReader, speaker_names: SpeakerExpander, lexicon: Lexicon | None = None
    ) -> None:
        self.reader = reader
        self.speaker_names = speaker_names
        self.lexicon = lexicon

    def compile(self, tree: ast.Node) -> Compiled:
        out = Compiled(wq.NullQuery)
        q = self._node(tree, out, positive=True)
        if isinstance(tree, ast.Not):
            q = wq.And([wq.Every(), q])
        out.query = q or wq.NullQuery
        return out

    def _node(self, node: ast.Node, out: Compiled, positive: bool) -> wq.Query:
        if isinstance(node, ast.And):
            return wq.And([self._node(c, out, positive) for c in node.children])
        if isinstance(node, ast.Or):
            return wq.Or([self._node(c, out, positive) for c in node.children])
        if isinstance(node, ast.Not):
            return wq.Not(self._node(node.child, out, not positive))
        if isinstance(node, ast.DateRange):
            return _date_range(node)
        if node.field == "speaker":
            return self._speaker(node.text)
        fields = (node.field,) if node.field else DEFAULT_FIELDS
        if isinstance(node, ast.Prefix):
            return self._expanding(node.text, fields, out, positive, fuzzy=0)
        if isinstance(node, ast.Fuzzy):
            return self._expanding(node.text, fields, out, positive, fuzzy=node.distance)
        words = _field_terms(node.text, fields[0])
        if not words:
            return wq.NullQuery
        if positive and fields[0] in PROSE_FIELDS:
            if len(words) == 1:
                out.highlight_terms.add(words[0])
            else:
                out.highlight_phrases.append(tuple(words))
        if len(words) == 1:
            return wq.Or([wq.Term(f, words[0]) for f in fields])
        return wq.Or([wq.Phrase(f, words) for f in fields])

    def _expanding(
        self, text: str, fields: tuple[str, ...], out: Compiled, positive: bool, fuzzy: int
    ) -> wq.Query:
        """A prefix (fuzzy=0) or fuzzy word, expanded to at most MAX_EXPANSION terms."""
        folded = fold(text).replace(" ", "")
        found: list[wq.Query] = []
        truncated = False
        for fieldname in fields:
            if fieldname in PROSE_FIELDS:
                stemmed = stem(folded)
                key = _common_prefix(folded, stemmed) if not fuzzy else stemmed
            else:
                key = folded
            if not key:
                continue
            if self.lexicon is not None:
                candidates = _expand(self.lexicon(fieldname), key, fuzzy)
            elif fuzzy:
                candidates = _decoded(self.reader.terms_within(fieldname, key, fuzzy, prefix=1))
            else:
                candidates = _decoded(self.reader.expand_prefix(fieldname, key))
            for n, word in enumerate(candidates):
                if n >= MAX_EXPANSION:
                    truncated = True
                    break
                found.append(wq.Term(fieldname, word))
                if positive and fieldname in PROSE_FIELDS:
                    out.highlight_terms.add(word)
        if truncated:
            shown = f"{text}*" if not fuzzy else f"{text}~{fuzzy}"
            out.notes.append(f"{shown} matches too many words; searched the first {MAX_EXPANSION}")
        return wq.Or(found) if found else wq.NullQuery

    def _speaker(self, text: str) -> wq.Query:
        names = [name.split() for name in self.speaker_names(text)]
        single = {words[0] for words in names if len(words) == 1}
        found: list[wq.Query] = [wq.Term("speaker", word) for word in sorted(single)]
        for words in names:
            # A phrase holding one of the single words finds nothing more, and phrases are
            # slow (positions are checked per article): "belouseva" covers "valentina belouseva".
            if len(words) > 1 and single.isdisjoint(words):
                found.append(wq.Phrase("speaker", words))
        return wq.Or(found) if found else wq.NullQuery


def _expand(lexicon: list[str], key: str, fuzzy: int) -> Iterator[str]:
    """Terms of a sorted lexicon starting with ``key`` (``fuzzy`` = 0), or within ``fuzzy``
    edits of it and sharing its first letter (``IndexReader.terms_within(prefix=1)``)."""
    start = key[:1] if fuzzy else key
    for term in islice(lexicon, bisect_left(lexicon, start), None):
        if not term.startswith(start):
            return
        near = abs(len(term) - len(key)) <= fuzzy  # no closer in edits than in length
        if not fuzzy or (near and distance(term, key, limit=fuzzy) <= fuzzy):
            yield term


def _decoded(terms: Iterable[str | bytes]) -> Iterator[str]:
    """Terms as text (the reader gives some as UTF-8 bytes), lazily: expansion stops early."""
    for term in terms:
        yield term if isinstance(term, str) else term.decode("utf-8")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _field_terms(text: str, fieldname: str) -> list[str]:
    if fieldname in PROSE_FIELDS:
        return index_terms(text)
    return fold(text).split()


def _date_range(node: ast.DateRange) -> wq.Query:
    """``2025-08`` covers 20250800..20250899; an unknown date is never inside a range."""
    start = int((node.start or "0001").replace("-", "").ljust(8, "0"))
    end = int((node.end or "9999").replace("-", "").ljust(8, "9"))
    return wq.NumericRange("day", start, end)
