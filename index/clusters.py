"""Quote provenance: one statement reported by several articles becomes one cluster.

Quotes are compared by their fingerprints (:mod:`.quotes.fingerprint`: content words in
order). Two quotes are the same statement when

- **the wording matches**: at least ``WORDING_SHARE`` of the shorter quote's content words are
  in the longer one, and ``WORDING_PAIRS`` of its consecutive content-word pairs (the same
  words in the same order; ``UNKNOWN_WORDING_PAIRS`` when a speaker is unknown). That holds
  for identical and near-identical wording and for a quote inside a longer one. A phrase
  (fewer than ``STATEMENT_WORDS`` content words) is often a catchphrase said again and again,
  so it matches only its own known speaker's quotes within ``WINDOW_DAYS``;
- **or it is reworded** (another translation, a paraphrase in indirect speech): the same
  known speaker, both reported within ``WINDOW_DAYS`` of each other, and the content words
  they share, in the same order, carry at least ``REWORDED_SHARE`` of the weight of the
  lighter quote's content words and ``REWORDED_RARITY`` in all, standing in two places or
  more (not one shared phrase). A word weighs by its rarity among the corpus's quotes, so
  names, numbers and rare words count and the speaker's everyday words barely do.

Both need ``MIN_SHARED`` shared content words. Two quotes of one article are two statements.
Quotes by two different known speakers never join (a lone surname the speaker merge kept
apart counts as its most quoted full name); one with an unknown speaker joins on wording
only, and never bridges two people. A phrase joins the statement nearest in time and never
bridges two statements. A cluster is kept when it spans two articles or more.

The thresholds were set on the PolNeAR train and dev articles (924 US political news
articles from seven outlets, 2015-16; 7,974 quotes), reading every candidate pair near them:
72 clusters of 154 quotes, 71 of them one statement each (one phrase, "radical Islamic
terrorism", joined a statement made the same day rather than the one it came from); about
six pairs that were one statement stayed apart (short, or an unknown speaker). On the
generated 10,000-article corpus, whose quotes are random, one cluster.

Speed and memory: no pair is compared unless it can match. Wording candidates come from
postings of consecutive content-word pairs, by prefix filtering (a quote looks up only as
many of its rarest pairs as a match needs, and takes the longer quotes found under two of
them); rewording candidates from each speaker's quotes in date order, within the window.
Quotes are rows of flat arrays, prepared for comparison only when compared: at 100,000
generated articles (545,652 quotes) clustering took 19 s and 232 MB over the loaded state,
where an object per quote took 44 s and 1.9 GB (same clusters, one sitting).
"""

from __future__ import annotations

import math
import zlib
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import combinations, islice, repeat
from operator import and_, lshift, or_, rshift, xor

from .model import ArticleSpeakers, ClusterMember, QuoteCluster, Speaker
from .quotes.fingerprint import unpack
from .speakers import SpeakerRegistry, fold_name

MIN_SHARED = 3  # content words two quotes must share, whatever else holds
WORDING_SHARE = 0.8  # of the shorter quote's content words, found in the longer one
WORDING_PAIRS = 0.6  # of its consecutive content-word pairs, found in the longer one
UNKNOWN_WORDING_PAIRS = 0.8  # the same, when a speaker is unknown (no speaker vouches)
STATEMENT_WORDS = 5  # fewer content words: a phrase, matched only within the window
REWORDED_SHARE = 0.5  # weighted share of the lighter quote's words, in order
REWORDED_RARITY = 1.5  # and their rarities' sum: a few rare words, not the speaker's everyday ones
WINDOW_DAYS = 3  # reports of one statement not matched word for word are this close
RARITY_PRIOR = 100  # quotes added to the corpus's count, so a small corpus's words aren't all rare
SKETCH_MASK = (1 << 22) - 1  # counters for how many quotes hold a word pair (16 MB)
PREPARED_LIMIT = 20_000  # quotes prepared for comparison at once


class QuoteTable:
    """Every quote as clustering sees it, a row each in flat arrays: half a million quotes
    (100,000 articles) as an object each, with their sets, took gigabytes."""

    def __init__(self) -> None:
        self.article_ids: list[str] = []
        self._article_row: dict[str, int] = {}
        self.speaker_ids: list[str] = []
        self._speaker_row: dict[str, int] = {}
        self.article = array("I")  # into article_ids
        self.quote = array("I")  # position among the article's quotes
        self.speaker = array("i")  # into speaker_ids; UNKNOWN when no known speaker
        self.day = array("i")  # the article's date as a day number; UNDATED when none
        self.terms = array("I")  # every quote's fingerprint, one after another
        self.ends = array("Q")  # where each quote's terms end

    def add(
        self, article: str, quote: int, speaker: str | None, day: int | None, terms: Sequence[int]
    ) -> None:
        """One quote: its article, position, corpus-wide speaker id, day and fingerprint."""
        row = self._article_row.get(article)
        if row is None:
            row = self._article_row[article] = len(self.article_ids)
            self.article_ids.append(article)
        self.article.append(row)
        self.quote.append(quote)
        self.speaker.append(UNKNOWN if speaker is None else self._speaker_index(speaker))
        self.day.append(UNDATED if day is None else day)
        self.terms.extend(terms)
        self.ends.append(len(self.terms))

    def _speaker_index(self, speaker: str) -> int:
        row = self._speaker_row.get(speaker)
        if row is None:
            row = self._speaker_row[speaker] = len(self.speaker_ids)
            self.speaker_ids.append(speaker)
        return row

    def __len__(self) -> int:
        return len(self.article)

    def terms_of(self, i: int) -> array[int]:
        """Quote ``i``'s fingerprint: its content-word hashes in order."""
        return self.terms[self.ends[i - 1] if i else 0 : self.ends[i]]

    def article_of(self, i: int) -> str:
        return self.article_ids[self.article[i]]

    def speaker_of(self, i: int) -> str | None:
        s = self.speaker[i]
        return None if s == UNKNOWN else self.speaker_ids[s]


UNKNOWN = -1  # QuoteTable.speaker of a quote with no known speaker
UNDATED = 0  # QuoteTable.day of an undated quote (day numbers start at 1)


@dataclass
class QuoteClusters:
    """Every cluster of the corpus, and the way from a quote to its cluster."""

    clusters: dict[str, QuoteCluster] = field(default_factory=dict)
    by_quote: dict[tuple[str, int], str] = field(default_factory=dict)  # (article, n) -> id


def build_clusters(
    articles: Mapping[str, ArticleSpeakers], registry: SpeakerRegistry
) -> QuoteClusters:
    """Cluster every quote of the corpus (``articles`` as kept in the index's state)."""
    table = QuoteTable()
    dates: dict[str, tuple[str | None, str | None]] = {}
    surnames = _surname_owners(registry.index.speakers)
    for aid, a in articles.items():
        info = a.info
        dates[aid] = (info.date, info.source) if info is not None else (None, None)
        day = day_number(dates[aid][0])
        for n, ((name, _kind), print_) in enumerate(zip(a.quotes, a.prints, strict=False)):
            sid = registry.index.speaker_id(aid, name) if name else None
            sid = surnames.get(sid, sid) if sid is not None else None
            table.add(aid, n, sid, day, unpack(print_))
    result = QuoteClusters()
    for group in cluster_items(table):
        cluster = _cluster(table, group, dates)
        while cluster.id in result.clusters:  # two first reports whose ids collide
            cluster = replace(cluster, id=cluster.id + "x")
        result.clusters[cluster.id] = cluster
        for m in cluster.members:
            result.by_quote[(m.article, m.quote)] = cluster.id
    return result


def _surname_owners(speakers: Sequence[Speaker]) -> dict[str, str]:
    """Lone surnames the speaker merge kept apart ("Trump", when the corpus names several
    Trumps), each to the most quoted full name ending in it: for comparing speakers only."""
    owners: dict[str, str] = {}
    for s in speakers:  # most quoted first
        parts = fold_name(s.name).split()
        if s.kind == "person" and len(parts) >= 2:
            owners.setdefault(parts[-1], s.id)
    return {
        s.id: owners[fold_name(s.name)]
        for s in speakers
        if s.kind == "person" and fold_name(s.name) in owners
    }


def day_number(iso: str | None) -> int | None:
    """``"2025-08-22"`` as a day number; None when absent or unreadable."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _cluster(
    table: QuoteTable, group: list[int], dates: Mapping[str, tuple[str | None, ...]]
) -> QuoteCluster:
    """One group as a cluster: its reports in date order (undated last), its id made from
    the first report (so it stays while that report does)."""
    ordered = sorted(
        group,
        key=lambda i: (table.day[i] == UNDATED, table.day[i], table.article_of(i), table.quote[i]),
    )
    members = tuple(
        ClusterMember(table.article_of(i), table.quote[i], *dates[table.article_of(i)][:2])
        for i in ordered
    )
    first = members[0]
    cid = f"c{zlib.crc32(f'{first.article}#{first.quote}'.encode()):08x}"
    speaker = next((s for s in map(table.speaker_of, ordered) if s is not None), None)
    return QuoteCluster(cid, speaker, members)


# ── the clustering proper ────────────────────────────────────────────────────────────────


class _Prepared:
    """What comparisons need of one quote, computed when it is compared."""

    __slots__ = ("pairs", "position", "terms", "weight")

    def __init__(self, terms: Sequence[int], weights: Mapping[int, float]) -> None:
        # Each word's first position: assigned last to first, the first one stays.
        self.position = dict(zip(reversed(terms), range(len(terms) - 1, -1, -1), strict=True))
        self.terms = frozenset(self.position)
        self.pairs = frozenset(_pairs(terms))
        self.weight = sum(map(weights.__getitem__, self.terms))


def _pairs(terms: Sequence[int]) -> list[int]:
    """Consecutive content-word pairs, each as one int (ints hash fast)."""
    return list(map(or_, map(lshift, terms, repeat(32)), islice(terms, 1, None)))


class _PreparedCache:
    """Prepared quotes, made on demand and dropped in bulk past ``limit`` (memory stays
    flat however many quotes the corpus has)."""

    def __init__(self, table: QuoteTable, weights: Mapping[int, float], limit: int) -> None:
        self.table, self.weights, self.limit = table, weights, limit
        self.made: dict[int, _Prepared] = {}

    def __getitem__(self, i: int) -> _Prepared:
        found = self.made.get(i)
        if found is None:
            if len(self.made) >= self.limit:
                self.made.clear()
            found = self.made[i] = _Prepared(self.table.terms_of(i), self.weights)
        return found


def cluster_items(table: QuoteTable) -> list[list[int]]:
    """Groups of rows of ``table`` that report one statement, each across two or more
    articles; in no particular order."""
    weights, size = _rarity(table)
    usable = [i for i in range(len(table)) if size[i] >= MIN_SHARED]
    prepared = _PreparedCache(table, weights, PREPARED_LIMIT)
    matches = [
        (a, b)
        for a, b in sorted(
            _wording_candidates(table, usable, size) | _reworded_candidates(table, usable)
        )
        if _same(table, a, b, prepared[a], prepared[b], weights)
    ]
    # Statements first; then each phrase joins the nearest in time, never bridging two.
    statement = [n >= STATEMENT_WORDS for n in size]
    joined = _Joined(table, statement)
    for a, b in matches:
        if statement[a] and statement[b]:
            joined.union(a, b)
    phrases = [(a, b) for a, b in matches if not (statement[a] and statement[b])]
    phrases.sort(key=lambda ab: _gap(table, *ab))
    for a, b in phrases:
        joined.union(a, b)
    return [g for g in joined.groups() if len({table.article[i] for i in g}) > 1]


def _gap(table: QuoteTable, a: int, b: int) -> int:
    """Days between two reports (undated: as far apart as can be)."""
    da, db = table.day[a], table.day[b]
    return abs(da - db) if da != UNDATED and db != UNDATED else 1 << 30


def _rarity(table: QuoteTable) -> tuple[dict[int, float], array[int]]:
    """Each word's rarity among the quotes, in (0, 1]: 1 for a word in one quote of many;
    and each quote's number of distinct content words."""
    df: dict[int, int] = defaultdict(int)
    size = array("I")
    for i in range(len(table)):
        terms = set(table.terms_of(i))
        size.append(len(terms))
        for t in terms:
            df[t] += 1
    n = len(table) + RARITY_PRIOR
    total = math.log(n)
    return {t: math.log(n / (k + 1)) / total for t, k in df.items()}, size


def _counted_pairs(terms: Sequence[int]) -> tuple[list[int], list[int]]:
    """A quote's distinct word pairs, and each one's counter (see ``_wording_candidates``)."""
    pairs = list(set(_pairs(terms)))
    mixed = map(xor, pairs, map(rshift, pairs, repeat(29)))
    return pairs, list(map(and_, mixed, repeat(SKETCH_MASK)))


def _wording_candidates(
    table: QuoteTable, usable: list[int], size: array[int]
) -> set[tuple[int, int]]:
    """Every pair of quotes that could match in wording, found by prefix filtering.

    The shorter quote must find ``WORDING_PAIRS`` of its ``n`` word pairs in the longer one,
    so the longer one lacks at most ``spare = n - needed`` of them, and holds at least two of
    any ``spare + 2`` (``n`` is 4 or more, so ``needed`` is 2 or more). Each quote looks up
    its rarest ``spare + 2`` pairs and takes the longer quotes found under two of them: sets
    intersected, so a pair that half the quotes share costs little. How many quotes hold a
    word pair is counted in a fixed table of counters (a pair shares its counter with a few
    others: a count is never too low), so a pair counted once is in one quote alone and gets
    no postings: memory goes with the pairs that repeat, not with every pair.
    Phrases are left to :func:`_reworded_candidates`: they match only one speaker's,
    within the window.
    """
    statements = [i for i in usable if size[i] >= STATEMENT_WORDS]
    counts = array("I", bytes(4 * (SKETCH_MASK + 1)))
    for i in statements:
        for slot in _counted_pairs(table.terms_of(i))[1]:
            counts[slot] += 1
    postings: dict[int, set[int]] = defaultdict(set)
    for i in statements:
        pairs, slots = _counted_pairs(table.terms_of(i))
        for pair, slot in zip(pairs, slots, strict=True):
            if counts[slot] > 1:
                postings[pair].add(i)
    found: set[tuple[int, int]] = set()
    for i in statements:
        pairs, slots = _counted_pairs(table.terms_of(i))
        spare = len(pairs) - math.ceil(WORDING_PAIRS * len(pairs))
        ranked = sorted(zip(map(counts.__getitem__, slots), pairs, strict=True))
        held = [postings[pair] for count, pair in ranked[: spare + 2] if count > 1]
        shared: set[int] = set()
        for a, b in combinations(held, 2):
            shared |= a & b
        shared.discard(i)
        shortest = size[i]
        found.update((i, j) if i < j else (j, i) for j in shared if size[j] >= shortest)
    return found


def _reworded_candidates(table: QuoteTable, usable: list[int]) -> set[tuple[int, int]]:
    """Pairs by one known speaker, within the window, sharing ``MIN_SHARED`` words."""
    by_speaker: dict[int, list[int]] = defaultdict(list)
    for i in usable:
        if table.speaker[i] != UNKNOWN and table.day[i] != UNDATED:
            by_speaker[table.speaker[i]].append(i)
    found: set[tuple[int, int]] = set()
    for group in by_speaker.values():
        group.sort(key=table.day.__getitem__)
        days = [table.day[i] for i in group]
        words = [frozenset(table.terms_of(i)) for i in group]
        for k, i in enumerate(group):
            end = bisect_right(days, days[k] + WINDOW_DAYS, k + 1)
            for m in range(k + 1, end):
                if len(words[k] & words[m]) >= MIN_SHARED:
                    j = group[m]
                    found.add((i, j) if i < j else (j, i))
    return found


def _same(
    table: QuoteTable,
    a: int,
    b: int,
    pa: _Prepared,
    pb: _Prepared,
    weights: Mapping[int, float],
) -> bool:
    """Whether two quotes report the same statement (see the module's docstring)."""
    if table.article[a] == table.article[b]:
        return False  # two quotes of one article are two statements (the extractor merged)
    sa, sb = table.speaker[a], table.speaker[b]
    known = sa != UNKNOWN and sb != UNKNOWN
    if known and sa != sb:
        return False
    shared = pa.terms & pb.terms
    if len(shared) < MIN_SHARED:
        return False
    near = _gap(table, a, b) <= WINDOW_DAYS
    short, long_ = (pa, pb) if len(pa.terms) <= len(pb.terms) else (pb, pa)
    pairs = WORDING_PAIRS if known else UNKNOWN_WORDING_PAIRS
    if (
        len(shared) >= WORDING_SHARE * len(short.terms)
        and len(short.pairs & long_.pairs) >= pairs * len(short.pairs)
        and (len(short.terms) >= STATEMENT_WORDS or (near and known))
    ):
        return True
    if not (near and known):
        return False
    light, heavy = (pa, pb) if pa.weight <= pb.weight else (pb, pa)
    ordered = _ordered(shared, light, heavy, weights)
    weight = sum(weights[t] for t in ordered)
    return (
        weight >= REWORDED_RARITY
        and weight >= REWORDED_SHARE * light.weight
        and _places(ordered, light, heavy) >= 2
    )


def _places(ordered: list[int], light: _Prepared, heavy: _Prepared) -> int:
    """In how many separate places the shared words stand: one shared phrase ("radical
    Islamic terrorism") is one piece of evidence however many words it has."""
    places = 0
    for prev, t in zip([None, *ordered], ordered, strict=False):
        if not (
            prev is not None
            and light.position[t] == light.position[prev] + 1
            and heavy.position[t] == heavy.position[prev] + 1
        ):
            places += 1
    return places


def _ordered(
    shared: frozenset[int], light: _Prepared, heavy: _Prepared, weights: Mapping[int, float]
) -> list[int]:
    """The heaviest run of shared words that appear in the same order in both quotes."""
    order = sorted(shared, key=light.position.__getitem__)
    other = [heavy.position[t] for t in order]
    best: list[float] = []
    back: list[int] = []
    for k, t in enumerate(order):
        before = max((m for m in range(k) if other[m] < other[k]), key=best.__getitem__, default=-1)
        best.append(weights[t] + (best[before] if before >= 0 else 0.0))
        back.append(before)
    k = max(range(len(order)), key=best.__getitem__, default=-1)
    run = []
    while k >= 0:
        run.append(order[k])
        k = back[k]
    return run[::-1]


class _Joined:
    """Union-find over quotes that never puts two different known speakers together, nor
    two statements together through a phrase."""

    def __init__(self, table: QuoteTable, statement: Sequence[bool]) -> None:
        self.parent = list(range(len(table)))
        self.speaker = table.speaker.tolist()  # by group root: its known speaker, if any
        self.is_statement = statement
        self.holds_statement = list(statement)  # by group root

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        sa, sb = self.speaker[ra], self.speaker[rb]
        if sa != UNKNOWN and sb != UNKNOWN and sa != sb:
            return  # an unknown speaker's quote would bridge two people: keep them apart
        bridged = not (self.is_statement[a] and self.is_statement[b])
        if bridged and self.holds_statement[ra] and self.holds_statement[rb]:
            return  # a phrase would bridge two statements: it joins the first only
        self.parent[rb] = ra
        self.speaker[ra] = sa if sa != UNKNOWN else sb
        self.holds_statement[ra] = self.holds_statement[ra] or self.holds_statement[rb]

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [g for g in out.values() if len(g) > 1]
