"""Evaluate a compiled query over the postings, with Whoosh's scores.

The query is the Whoosh query ``compile`` makes; the answer is what Whoosh's searcher gives
for it (the same documents, the same BM25F scores: ``tests/unit/test_evaluate.py`` compares
the two), computed over whole posting lists (``postings``) instead of one posting per call.

A phrase is the one part that cannot be decided from the postings' document lists alone:
its words' positions must be checked, article by article, and for two common words that is
thousands of articles. Its score does not depend on the check (Whoosh scores a phrase as the
sum of its words' scores), so :class:`Scores` carries every candidate with the score it has
if its phrases hold, and ``check`` confirms one candidate at a time. Ranking then checks
candidates in score order only until the page is full (``rank``), exactly; the count is
exact when every candidate is checked and otherwise estimated from a sample, and says so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.query.qcore import _NullQuery
from whoosh.system import _INT_SIZE

from ..pairs import may_hold, pair_values
from .postings import K1, IndexView, Postings, read_postings

Check = Callable[[int], float | None]  # document → its exact score, or None: no match


@dataclass(slots=True)
class Scores:
    """Candidate documents (global numbers) with their scores.

    ``check`` is None when every candidate matches with exactly that score. Otherwise the
    score is what the document scores if its phrases hold (never less than its real score)
    and ``check`` gives the real one, or None when it does not match at all.
    """

    docs: dict[int, float]
    check: Check | None = None

    @property
    def exact(self) -> bool:
        return self.check is None

    def confirmed(self) -> dict[int, float]:
        """Every matching document with its real score (checks every candidate)."""
        if self.check is None:
            return self.docs
        check = self.check
        out = {}
        for doc in self.docs:
            score = check(doc)
            if score is not None:
                out[doc] = score
        return out


EMPTY = Scores({})


class Evaluator:
    """Evaluates Whoosh queries against one :class:`IndexView`."""

    def __init__(self, view: IndexView) -> None:
        self.view = view
        self._read: dict[tuple[str, bytes], list[Postings]] = {}

    def _postings(self, fieldname: str, tbytes: bytes) -> list[Postings]:
        """The term's postings in every segment (read once per evaluation)."""
        key = (fieldname, tbytes)
        found = self._read.get(key)
        if found is None:
            found = [read_postings(leaf, fieldname, tbytes) for leaf, _ in self.view.leaves]
            self._read[key] = found
        return found

    def scores(self, query: wq.Query) -> Scores:
        """The documents ``query`` matches, scored as Whoosh's BM25F scores them."""
        if isinstance(query, _NullQuery):
            return EMPTY
        if isinstance(query, wq.Term):
            return Scores(self._term(query.fieldname, query.text))
        if isinstance(query, wq.Phrase):
            return self._phrase(query.fieldname, list(query.words))
        if isinstance(query, wq.And):
            return self._and(query.subqueries)
        if isinstance(query, wq.Or):
            return _union([self.scores(q) for q in query.subqueries])
        if isinstance(query, wq.Not):  # alone: every other document, at the Not's boost
            every = Scores(dict.fromkeys(self.view.live(), 0.0))
            return _without(every, self.scores(query.query), query.boost)
        if isinstance(query, wq.Every):
            return Scores(dict.fromkeys(self.view.live(), 1.0))
        if isinstance(query, wq.NumericRange):
            return Scores(self._range(query))
        raise TypeError(f"cannot evaluate {type(query).__name__}")

    # ── leaves ───────────────────────────────────────────────────────────────────────

    def _term(self, fieldname: str, text: str | bytes) -> dict[int, float]:
        view = self.view
        if fieldname not in view.schema:
            return {}
        field = view.schema[fieldname]
        tbytes = field.to_bytes(text) if isinstance(text, str) else text
        scored = field.scorable
        if scored:
            idf = view.idf(fieldname, tbytes)
            norms = view.norms(fieldname)
        k1p1 = K1 + 1
        out: dict[int, float] = {}
        for i, (ids, weights, _values) in enumerate(self._postings(fieldname, tbytes)):
            offset = view.leaves[i][1]
            if not ids:
                continue
            if scored:
                norm = norms[i]
                # bm25() in whoosh.scoring, with the length part precomputed per document
                scores = [
                    idf * ((w * k1p1) / (w + norm[d])) for d, w in zip(ids, weights, strict=True)
                ]
            else:
                scores = weights
            deleted = view.deleted[i]
            if deleted and len(deleted) > len(ids):
                kept = [
                    (d + offset, s) for d, s in zip(ids, scores, strict=True) if d not in deleted
                ]
                out.update(kept)
                continue
            if offset:
                out.update(zip([d + offset for d in ids], scores, strict=True))
            else:
                out.update(zip(ids, scores, strict=True))
            # An update deletes a few documents of an older segment: dropping them afterwards
            # is cheaper than testing every posting (the documents of two segments differ).
            pop = out.pop
            for d in deleted:
                pop(d + offset, None)
        return out

    def _range(self, query: wq.NumericRange) -> dict[int, float]:
        """The documents whose column value lies in the range, at the range's boost (Whoosh
        scores a numeric range as a constant)."""
        view = self.view
        field: Any = view.schema[query.fieldname]
        values = view.column(query.fieldname)  # NUMERIC columns hold the prepared numbers
        low = field.prepare_number(query.start) if query.start is not None else None
        high = field.prepare_number(query.end) if query.end is not None else None
        if query.startexcl or query.endexcl:
            raise TypeError("exclusive numeric ranges are not evaluated")
        boost = query.boost
        return {
            doc: boost
            for doc in view.live()
            if (low is None or values[doc] >= low) and (high is None or values[doc] <= high)
        }

    def _phrase(self, fieldname: str, words: list[str]) -> Scores:
        """The documents holding every word, scored as Whoosh scores a phrase (the sum of
        the words' scores); ``check`` looks at the positions."""
        if not words:
            return EMPTY
        if len(words) == 1:
            return Scores(self._term(fieldname, words[0]))
        view = self.view
        if fieldname not in view.schema or not view.schema[fieldname].scorable:
            docs = _intersect([self._term(fieldname, w) for w in words])
        else:
            docs = self._scored_together(fieldname, words)
        if not docs:
            return EMPTY
        return Scores(docs, self._positions_check(fieldname, words, docs))

    def _scored_together(self, fieldname: str, words: list[str]) -> dict[int, float]:
        """``_intersect`` of the words' ``_term`` scores, scoring only the documents that
        hold every word: two common words are each in half the articles, together in a
        quarter, so most of their scores were computed to be dropped. Same sums of the
        same products (so the same floats). Segment by segment, on local numbers, and a
        global number made only for the documents every word holds (100,000 articles, two
        common words: 57 -> 34 ms; walking one word's list against the other's dict instead
        of intersecting two dicts: 46 -> 34 ms)."""
        field = self.view.schema[fieldname]
        terms = [field.to_bytes(word) for word in words]
        postings = [self._postings(fieldname, tbytes) for tbytes in terms]
        if not all(any(ids for ids, _weights, _values in found) for found in postings):
            return {}
        idfs = [self.view.idf(fieldname, tbytes) for tbytes in terms]
        norm = self._global_norms(fieldname)
        k1p1 = K1 + 1
        out: dict[int, float] = {}
        for i, (_leaf, offset) in enumerate(self.view.leaves):
            if len(terms) == 2:  # most phrases: the loop below, for two words, a third faster
                # The shorter list in a dict, the longer walked. The sum of two scores is
                # the same float in either order (addition commutes), so which is which
                # does not matter.
                (short, idf_short), (long, idf_long) = sorted(
                    [(postings[0][i], idfs[0]), (postings[1][i], idfs[1])],
                    key=lambda pair: len(pair[0][0]),
                )
                looked_up = dict(zip(short[0], short[1], strict=True)).get
                for d, w in zip(long[0], long[1], strict=True):
                    v = looked_up(d)
                    if v is not None:
                        g = offset + d
                        n = norm[g]
                        walked_score = idf_long * ((w * k1p1) / (w + n))
                        out[g] = walked_score + idf_short * ((v * k1p1) / (v + n))
                for d in self.view.deleted[i]:
                    out.pop(offset + d, None)
                continue
            held = [dict(zip(found[i][0], found[i][1], strict=True)) for found in postings]
            keys = _common(held)
            keys.difference_update(self.view.deleted[i])
            weighted = list(zip(idfs, held, strict=True))
            for d in keys:
                g = offset + d
                n = norm[g]
                score = 0.0  # 0.0 + a score is that score, bit for bit
                for idf, weights in weighted:  # bm25() in whoosh.scoring, as ``_term`` has it
                    w = weights[d]
                    score += idf * ((w * k1p1) / (w + n))
                out[g] = score
        return out

    def _global_norms(self, fieldname: str) -> list[float]:
        """``view.norms`` by global document number (kept for the generation)."""
        key = f"global norms of {fieldname}"
        found = self.view.cache.get(key)
        if found is None:
            found = self.view.cache[key] = [n for seg in self.view.norms(fieldname) for n in seg]
        return found

    def _positions_check(self, fieldname: str, words: list[str], docs: dict[int, float]) -> Check:
        """A candidate's score when the words stand one after another in it, else None.

        A document's positions are found where they lie, by bisecting the postings already
        read for scoring (indexing every candidate's positions up front cost more than the
        few hundred checks a page and an estimated count need), and compared in C: the set
        of starts each word allows, intersected word by word.
        """
        field = self.view.schema[fieldname]
        offsets = [offset for _leaf, offset in self.view.leaves]
        # per word, per segment: the document numbers and their positions
        found = [
            [(ids, values or []) for ids, _weights, values in self._postings(fieldname, term)]
            for term in map(field.to_bytes, words)
        ]
        first, later = found[0], list(enumerate(found[1:], 1))
        last = len(words) - 1
        # The field's pair signatures (``pairs``), when it keeps them: an article whose
        # signature rules out one of the phrase's pairs is answered without its positions.
        column_name = f"{fieldname}_pairs"
        signatures = (
            self.view.byte_column(column_name)
            if column_name in self.view.schema
            else [None] * len(offsets)
        )
        pairs = pair_values(words)

        def check(doc: int) -> float | None:
            seg = bisect_right(offsets, doc) - 1
            local = doc - offsets[seg]
            if (column := signatures[seg]) is not None:
                blob, begins, lengths = column
                if not may_hold(blob, begins[local], lengths[local], pairs):
                    return None
            ids, values = first[seg]
            starts = set(accumulate(loads(values[bisect_left(ids, local)][_INT_SIZE:])))
            for shift, segments in later:
                ids, values = segments[seg]
                # where the word would start the phrase: its positions less ``shift`` (the
                # extra first value, -shift, is below every start)
                deltas = loads(values[bisect_left(ids, local)][_INT_SIZE:])
                allowed = accumulate(deltas, initial=-shift)
                if shift == last:
                    return None if starts.isdisjoint(allowed) else docs[doc]
                starts.intersection_update(allowed)
                if not starts:
                    return None
            return docs[doc]

        return check

    # ── compounds ────────────────────────────────────────────────────────────────────

    def _and(self, subqueries: Sequence[wq.Query]) -> Scores:
        positive = [q for q in subqueries if not isinstance(q, wq.Not)]
        negative = [q for q in subqueries if isinstance(q, wq.Not)]
        if not positive:
            positive = [wq.Every()]
        parts = [self.scores(q) for q in positive]
        docs = _intersect([p.docs for p in parts])
        checks = [p for p in parts if p.check is not None]
        result = Scores(docs, _all_hold(parts) if checks else None)
        for neg in negative:
            result = _without(result, self.scores(neg.query), neg.boost)
        return result


def _common(parts: list[dict[int, float]]) -> set[int]:
    """The documents in every part, as one set (built in C: walks the smaller part)."""
    keys = parts[0].keys() & parts[1].keys()
    for part in parts[2:]:
        keys.intersection_update(part)
    return keys


def _intersect(parts: list[dict[int, float]]) -> dict[int, float]:
    """Documents in every part, their scores summed (in part order)."""
    if not parts:
        return {}
    if len(parts) == 1:
        return dict(parts[0])
    keys = _common(parts)
    if not keys:
        return {}
    if len(parts) == 2:
        a, b = parts
        return {doc: a[doc] + b[doc] for doc in keys}
    first, rest = parts[0], parts[1:]
    out = {}
    for doc in keys:
        score = first[doc]
        for part in rest:
            score += part[doc]
        out[doc] = score
    return out


def _union(parts: list[Scores]) -> Scores:
    """Documents in any part, their scores summed (in part order)."""
    parts = [p for p in parts if p.docs]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    out = dict(parts[0].docs)
    for part in parts[1:]:
        # The larger side is copied in C and the smaller added into it in Python (a phrase's
        # body candidates and its few title ones). The sum is the same either way round: a
        # running total plus one part's score, and floating-point addition commutes.
        small, out = (part.docs, out) if len(part.docs) <= len(out) else (out, dict(part.docs))
        get = out.get
        for doc, score in small.items():
            found = get(doc)
            out[doc] = score if found is None else found + score
    if all(p.check is None for p in parts):
        return Scores(out)

    pairs = [(part.docs, part.check) for part in parts]

    def check(doc: int) -> float | None:
        total = None
        for docs, part_check in pairs:
            if doc not in docs:
                continue
            score = docs[doc] if part_check is None else part_check(doc)
            if score is not None:
                total = score if total is None else total + score
        return total

    return Scores(out, check)


def _all_hold(parts: list[Scores]) -> Check:
    def check(doc: int) -> float | None:
        total = None
        for part in parts:
            score = part.docs[doc] if part.check is None else part.check(doc)
            if score is None:
                return None
            total = score if total is None else total + score
        return total

    return check


def _without(result: Scores, excluded: Scores, boost: float) -> Scores:
    """``result`` minus the documents ``excluded`` matches. Whoosh scores ``NOT x`` as a
    match of every other document at the Not's boost: each one left gains ``boost``."""
    docs = {
        d: s + boost
        for d, s in result.docs.items()
        if excluded.check is not None or d not in excluded.docs
    }
    if excluded.check is None:
        return Scores(docs, _plus(result.check, boost))
    inner, outer = excluded, result

    def check(doc: int) -> float | None:
        if doc in inner.docs and inner.check is not None and inner.check(doc) is not None:
            return None
        score = outer.docs[doc] if outer.check is None else outer.check(doc)
        return None if score is None else score + boost

    return Scores(docs, check)


def _plus(check: Check | None, boost: float) -> Check | None:
    if check is None:
        return None
    inner = check

    def plus(doc: int) -> float | None:
        score = inner(doc)
        return None if score is None else score + boost

    return plus
