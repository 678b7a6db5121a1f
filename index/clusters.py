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

Speed: no pair is compared unless it can match. Wording candidates come from an inverted
index of consecutive content-word pairs, by prefix filtering (a quote looks up only as many
of its rarest pairs as a match needs, and takes only longer quotes from their postings);
rewording candidates from each speaker's quotes in date order, within the window.
"""

from __future__ import annotations

import math
import zlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

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


@dataclass(frozen=True)
class ClusterItem:
    """One quote as clustering sees it."""

    article: str
    quote: int  # position among the article's quotes
    speaker: str | None  # corpus-wide speaker id
    day: int | None  # the article's date as a day number
    terms: tuple[int, ...]  # fingerprint: content-word hashes in order


@dataclass
class QuoteClusters:
    """Every cluster of the corpus, and the way from a quote to its cluster."""

    clusters: dict[str, QuoteCluster] = field(default_factory=dict)
    by_quote: dict[tuple[str, int], str] = field(default_factory=dict)  # (article, n) -> id


def build_clusters(
    articles: Mapping[str, ArticleSpeakers], registry: SpeakerRegistry
) -> QuoteClusters:
    """Cluster every quote of the corpus (``articles`` as kept in the index's state)."""
    items: list[ClusterItem] = []
    dates: dict[str, tuple[str | None, str | None]] = {}
    surnames = _surname_owners(registry.index.speakers)
    for aid, a in articles.items():
        info = a.info
        dates[aid] = (info.date, info.source) if info is not None else (None, None)
        day = day_number(dates[aid][0])
        for n, ((name, _kind), print_) in enumerate(zip(a.quotes, a.prints, strict=False)):
            sid = registry.index.speaker_id(aid, name) if name else None
            sid = surnames.get(sid, sid) if sid is not None else None
            items.append(ClusterItem(aid, n, sid, day, unpack(print_)))
    groups = cluster_items(items)
    result = QuoteClusters()
    for group in groups:
        cluster = _cluster(items, group, dates)
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
    items: Sequence[ClusterItem], group: list[int], dates: Mapping[str, tuple[str | None, ...]]
) -> QuoteCluster:
    """One group as a cluster: its reports in date order (undated last), its id made from
    the first report (so it stays while that report does)."""
    ordered = sorted(
        group,
        key=lambda i: (items[i].day is None, items[i].day or 0, items[i].article, items[i].quote),
    )
    members = tuple(
        ClusterMember(items[i].article, items[i].quote, *dates[items[i].article][:2])
        for i in ordered
    )
    first = members[0]
    cid = f"c{zlib.crc32(f'{first.article}#{first.quote}'.encode()):08x}"
    speaker = next((items[i].speaker for i in ordered if items[i].speaker), None)
    return QuoteCluster(cid, speaker, members)


# ── the clustering proper ────────────────────────────────────────────────────────────────


class _Prepared:
    """What comparisons need of one quote, computed once."""

    __slots__ = ("pairs", "position", "terms", "weight")

    def __init__(self, terms: tuple[int, ...], weights: Mapping[int, float]) -> None:
        # Each word's first position: assigned last to first, the first one stays.
        self.position = dict(zip(reversed(terms), range(len(terms) - 1, -1, -1), strict=True))
        self.terms = frozenset(self.position)
        self.pairs = frozenset([a << 32 | b for a, b in pairwise(terms)])  # ints hash fast
        self.weight = sum(map(weights.__getitem__, self.terms))


def cluster_items(items: Sequence[ClusterItem]) -> list[list[int]]:
    """Groups of indexes into ``items`` that report one statement, each across two or more
    articles; in no particular order."""
    weights = _rarity(items)
    prepared = [_Prepared(it.terms, weights) for it in items]
    usable = [i for i, p in enumerate(prepared) if len(p.terms) >= MIN_SHARED]
    matches = [
        (a, b)
        for a, b in sorted(
            _wording_candidates(usable, prepared) | _reworded_candidates(usable, items, prepared)
        )
        if _same(items[a], items[b], prepared[a], prepared[b], weights)
    ]
    # Statements first; then each phrase joins the nearest in time, never bridging two.
    statement = [len(p.terms) >= STATEMENT_WORDS for p in prepared]
    joined = _Joined(items, statement)
    for a, b in matches:
        if statement[a] and statement[b]:
            joined.union(a, b)
    phrases = [(a, b) for a, b in matches if not (statement[a] and statement[b])]
    phrases.sort(key=lambda ab: _gap(items[ab[0]], items[ab[1]]))
    for a, b in phrases:
        joined.union(a, b)
    return [g for g in joined.groups() if len({items[i].article for i in g}) > 1]


def _gap(a: ClusterItem, b: ClusterItem) -> int:
    """Days between two reports (undated: as far apart as can be)."""
    return abs(a.day - b.day) if a.day is not None and b.day is not None else 1 << 30


def _rarity(items: Sequence[ClusterItem]) -> dict[int, float]:
    """Each word's rarity among the quotes, in (0, 1]: 1 for a word in one quote of many."""
    df: dict[int, int] = defaultdict(int)
    for it in items:
        for t in set(it.terms):
            df[t] += 1
    total = math.log(len(items) + RARITY_PRIOR)
    return {t: math.log((len(items) + RARITY_PRIOR) / (n + 1)) / total for t, n in df.items()}


def _wording_candidates(usable: list[int], prepared: Sequence[_Prepared]) -> set[tuple[int, int]]:
    """Every pair of quotes that could match in wording, found by prefix filtering.

    The shorter quote must find ``WORDING_PAIRS`` of its word pairs in the longer one, so
    the longer one holds at least one of the shorter's rarest ``n - needed + 1`` pairs: only
    those are looked up, and only longer quotes taken from their postings. Phrases are left
    to :func:`_reworded_candidates`: they match only one speaker's, within the window.
    """
    size = [len(p.terms) for p in prepared]
    statements = [i for i in usable if size[i] >= STATEMENT_WORDS]
    postings: dict[int, list[int]] = defaultdict(list)
    for i in sorted(statements, key=size.__getitem__, reverse=True):
        for pair in prepared[i].pairs:
            postings[pair].append(i)  # longest first
    df = {pair: len(found) for pair, found in postings.items()}
    found: set[tuple[int, int]] = set()
    for i in statements:
        pairs = prepared[i].pairs
        needed = math.ceil(WORDING_PAIRS * len(pairs))
        for pair in sorted(pairs, key=df.__getitem__)[: len(pairs) - needed + 1]:
            for j in postings[pair]:
                if size[j] < size[i]:
                    break
                if j != i:
                    found.add((i, j) if i < j else (j, i))
    return found


def _reworded_candidates(
    usable: list[int], items: Sequence[ClusterItem], prepared: Sequence[_Prepared]
) -> set[tuple[int, int]]:
    """Pairs by one known speaker, within the window, sharing ``MIN_SHARED`` words."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i in usable:
        speaker = items[i].speaker
        if speaker is not None and items[i].day is not None:
            by_speaker[speaker].append(i)
    found: set[tuple[int, int]] = set()
    for group in by_speaker.values():
        group.sort(key=lambda i: items[i].day or 0)
        days = [items[i].day or 0 for i in group]
        for k, i in enumerate(group):
            terms = prepared[i].terms
            end = bisect_right(days, days[k] + WINDOW_DAYS, k + 1)
            for j in group[k + 1 : end]:
                if len(terms & prepared[j].terms) >= MIN_SHARED:
                    found.add((i, j) if i < j else (j, i))
    return found


def _same(
    a: ClusterItem,
    b: ClusterItem,
    pa: _Prepared,
    pb: _Prepared,
    weights: Mapping[int, float],
) -> bool:
    """Whether two quotes report the same statement (see the module's docstring)."""
    if a.article == b.article:
        return False  # two quotes of one article are two statements (the extractor merged)
    if a.speaker is not None and b.speaker is not None and a.speaker != b.speaker:
        return False
    shared = pa.terms & pb.terms
    if len(shared) < MIN_SHARED:
        return False
    near = a.day is not None and b.day is not None and abs(a.day - b.day) <= WINDOW_DAYS
    known = a.speaker is not None and b.speaker is not None
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

    def __init__(self, items: Sequence[ClusterItem], statement: Sequence[bool]) -> None:
        self.parent = list(range(len(items)))
        self.speaker = [it.speaker for it in items]
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
        if sa is not None and sb is not None and sa != sb:
            return  # an unknown speaker's quote would bridge two people: keep them apart
        bridged = not (self.is_statement[a] and self.is_statement[b])
        if bridged and self.holds_statement[ra] and self.holds_statement[rb]:
            return  # a phrase would bridge two statements: it joins the first only
        self.parent[rb] = ra
        self.speaker[ra] = sa or sb
        self.holds_statement[ra] = self.holds_statement[ra] or self.holds_statement[rb]

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [g for g in out.values() if len(g) > 1]
