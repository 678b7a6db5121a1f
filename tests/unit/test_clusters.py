"""Quote provenance: the same statement reported by several articles forms one cluster.

The statements here are invented; each test says which shape it is about.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrowse.index.clusters import (
    MIN_SHARED,
    QuoteTable,
    _Prepared,
    _rarity,
    _reworded_candidates,
    _same,
    _wording_candidates,
    cluster_items,
    day_number,
)
from newsbrowse.index.library import Library
from newsbrowse.index.quotes.fingerprint import content_words, fingerprint, unpack
from newsbrowse.tui.cli import main

# Other quotes of the same corpus: what makes a word rare or common among its quotes.
BACKGROUND = [
    ("Ada Rhee", "The hospital budget will be cut by a tenth next year."),
    ("Ada Rhee", "We have asked the ministry to publish the waiting lists every month."),
    ("Leo Marsh", "The team played well in the second half and deserved the draw."),
    ("Leo Marsh", "I am not worried about the injuries before the final."),
    ("Mira Osei", "The council has no money left for the new bridge over the river."),
    ("Mira Osei", "Families in the north of the city have waited long enough for buses."),
    ("Tomas Berg", "Prices at the pump will keep rising until the refinery reopens."),
    ("Tomas Berg", "The strike at the port has cost exporters millions every week."),
]

Quote = tuple[str, str | None, str | None, str]  # (article, speaker, date, text)


def clusters(*quotes: Quote) -> list[set[tuple[str, int]]]:
    """The clusters of ``quotes`` (among the background ones), as sets of (article, number)."""
    table = QuoteTable()
    numbers: dict[str, int] = {}
    for article, speaker, date, text in quotes:
        n = numbers[article] = numbers.get(article, -1) + 1
        table.add(article, n, speaker, day_number(date), unpack(fingerprint(text)))
    for k, (speaker, text) in enumerate(BACKGROUND):
        day = day_number(f"2025-0{1 + k % 9}-01")
        table.add(f"bg{k}", 0, speaker, day, unpack(fingerprint(text)))
    return [{(table.article_of(i), table.quote[i]) for i in g} for g in cluster_items(table)]


def test_identical_wording_clusters_whenever_it_was_reported() -> None:
    text = "We will reopen the Harlow railway line before the harvest festival, whatever it costs."
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", text),
        ("b", "ada-rhee", "2025-09-14", text),  # months later, quoted again
    )
    assert found == [{("a", 0), ("b", 0)}]


def test_near_identical_wording_clusters() -> None:
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", "We have come a long way in the last nine months,"),
        ("b", "ada-rhee", "2025-03-02", "We have come a pretty long way in the last nine months."),
    )
    assert found == [{("a", 0), ("b", 0)}]


def test_two_translations_of_one_statement_cluster() -> None:
    """Different verbs and function words; the names, the number and the order survive."""
    found = clusters(
        (
            "a",
            "ada-rhee",
            "2025-03-01",
            "Every promise that the Harlow council made to the 300 families, it has broken.",
        ),
        (
            "b",
            "ada-rhee",
            "2025-03-02",
            "Not one promise the Harlow council gave the 300 families has been kept.",
        ),
    )
    assert found == [{("a", 0), ("b", 0)}]


def test_a_quote_inside_a_longer_one_clusters() -> None:
    long = (
        "The railway matters more than the bridge. We will reopen the Harlow railway line "
        "before the harvest festival, and the fares will not rise."
    )
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", long),
        ("b", "ada-rhee", "2025-03-01", "reopen the Harlow railway line before the harvest"),
    )
    assert found == [{("a", 0), ("b", 0)}]


def test_unrelated_quotes_by_the_same_speaker_stay_apart() -> None:
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", "The Harlow railway line will reopen before the harvest."),
        ("b", "ada-rhee", "2025-03-01", "Harlow needs a new school more than a new railway."),
        ("c", "ada-rhee", "2025-03-02", "The harvest was poor, and the council must help farmers."),
    )
    assert found == []


def test_the_same_words_from_two_different_speakers_stay_apart() -> None:
    text = "We will reopen the Harlow railway line before the harvest festival, whatever it costs."
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", text),
        ("b", "tomas-berg", "2025-03-01", text),
    )
    assert found == []


def test_an_unknown_speaker_joins_on_wording_but_never_bridges_two_people() -> None:
    text = "We will reopen the Harlow railway line before the harvest festival, whatever it costs."
    assert clusters(("a", "ada-rhee", "2025-03-01", text), ("b", None, "2025-03-01", text)) == [
        {("a", 0), ("b", 0)}
    ]
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", text),
        ("b", None, "2025-03-01", text),
        ("c", "tomas-berg", "2025-03-01", text),
    )
    assert len(found) == 1 and ("b", 0) in found[0] and len(found[0]) == 2


def test_a_rewording_far_apart_in_time_is_another_statement() -> None:
    found = clusters(
        (
            "a",
            "ada-rhee",
            "2025-03-01",
            "Every promise that the Harlow council made to the 300 families, it has broken.",
        ),
        (
            "b",
            "ada-rhee",
            "2025-06-20",
            "Not one promise the Harlow council gave the 300 families has been kept.",
        ),
    )
    assert found == []


def test_a_shared_name_alone_is_no_match() -> None:
    """A many-word name counts as one word: sharing it is not sharing a statement."""
    assert content_words("the International Atomic Energy Agency will decide") == [
        "agenc",
        "decid",
    ]
    found = clusters(
        (
            "a",
            "ada-rhee",
            "2025-03-01",
            "The country has written to the International Atomic Energy Agency about the plant",
        ),
        (
            "b",
            "ada-rhee",
            "2025-03-02",
            "There is no inspector of the International Atomic Energy Agency at the plant today",
        ),
    )
    assert found == []


def test_two_quotes_of_one_article_are_never_joined_directly() -> None:
    found = clusters(
        ("a", "ada-rhee", "2025-03-01", "The Harlow railway line will reopen before the harvest."),
        ("a", "ada-rhee", "2025-03-01", "The Harlow railway line will reopen before the harvest."),
    )
    assert found == []


def test_a_short_phrase_joins_one_statement_and_does_not_bridge_two() -> None:
    """Two statements that share a phrase, and the phrase quoted alone: it joins the nearest
    in time, and the two statements stay apart."""
    found = clusters(
        (
            "a",
            "ada-rhee",
            "2025-03-01",
            "It is a national disgrace for Harlow that the line is shut.",
        ),
        ("b", "ada-rhee", "2025-03-01", "national disgrace for Harlow"),
        (
            "c",
            "ada-rhee",
            "2025-03-02",
            "A national disgrace for Harlow: the transport minister should resign.",
        ),
    )
    assert found == [{("a", 0), ("b", 0)}]


def test_the_kallas_translations_in_the_seeds_cluster(warm_copy: tuple[Path, Path]) -> None:
    """Two translations of one statement on Putin's unkept promises, a day apart."""
    lib = Library(*warm_copy)
    records = lib.quotes(speaker="Kallas")
    promises = [r for r in records if "promises" in r.quote.text]
    assert len({r.article for r in promises}) == 2
    assert promises[0].cluster is not None
    assert promises[0].cluster == promises[1].cluster
    others = [r for r in records if r not in promises]
    assert all(r.cluster is None for r in others)  # her other statements stand alone
    cluster = lib.cluster(promises[0].cluster)
    assert cluster is not None and cluster.speaker_id == promises[0].speaker_id
    assert [m.date for m in cluster.members] == ["2025-08-22", "2025-08-23"]  # date order
    assert lib.clusters() == [cluster]
    assert [r.quote for r in lib.cluster_quotes(cluster)] == [r.quote for r in promises]
    lib.close()


def _promises(records: list) -> list:
    return [r for r in records if "promises" in r.quote.text]


def test_the_app_never_clusters_in_its_own_process(seeds_copy: Path, tmp_path: Path) -> None:
    """Opening an article with ``cluster=False`` (the app) shows the clusters only once made,
    here or by another process (the app's update child), and never makes them itself."""
    index_dir = tmp_path / "index"
    app = Library(seeds_copy, index_dir)
    app.update()
    article = _promises(app.quotes(speaker="Kallas", cluster=False))[0].article
    fresh = Library(seeds_copy, index_dir)  # as the app opens an index with no clusters yet
    assert all(r.cluster is None for r in fresh.quotes(article=article, cluster=False))
    assert fresh.speakers(article=article)  # what the reader asks for beside the quotes
    assert not list(index_dir.rglob("newsbrowse-clusters*")), "nothing clustered in the app"
    child = Library(seeds_copy, index_dir)
    child.derive()  # the update child makes and saves them
    child.close()
    shown = _promises(fresh.quotes(article=article, cluster=False))
    assert shown and shown[0].cluster is not None  # picked up from the saved file
    fresh.close()
    app.close()


def test_the_index_command_leaves_the_clusters_made(seeds_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    assert main(["--corpus", str(seeds_copy), "--index-dir", str(index_dir), "index"]) == 0
    opened = Library(seeds_copy, index_dir)
    article = _promises(opened.quotes(speaker="Kallas", cluster=False))[0].article
    opened.close()
    app = Library(seeds_copy, index_dir)
    shown = _promises(app.quotes(article=article, cluster=False))
    assert shown and shown[0].cluster is not None
    app.close()


# ── the candidate search misses no match ─────────────────────────────────────────────────

_quotes = st.lists(
    st.tuples(
        st.sampled_from(["ada", "leo", None]),  # speaker
        st.integers(0, 8),  # day
        st.lists(st.integers(1, 12), min_size=3, max_size=14),  # a small vocabulary: overlaps
    ),
    min_size=2,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_quotes)
def test_every_pair_that_matches_is_a_candidate(quotes: list) -> None:
    """Prefix filtering and the counters only skip pairs that cannot match: brute force over
    every pair finds no match the candidate search missed."""
    table = QuoteTable()
    for k, (speaker, day, terms) in enumerate(quotes):
        table.add(f"a{k}", 0, speaker, day_number(f"2025-03-0{1 + day}"), terms)
    weights, size = _rarity(table)
    usable = [i for i in range(len(table)) if size[i] >= MIN_SHARED]
    found = _wording_candidates(table, usable, size) | _reworded_candidates(table, usable)
    prepared = [_Prepared(table.terms_of(i), weights) for i in range(len(table))]
    for a, b in combinations(range(len(table)), 2):
        if _same(table, a, b, prepared[a], prepared[b], weights):
            assert (a, b) in found
