"""Quotes written out as what they are: verbatim words quoted, reported speech never."""

from __future__ import annotations

import pytest

from newsbrowse.index.model import ClusterMember, QuoteCluster
from newsbrowse.tui.citation import citation, provenance, shown

DIRECT = "There has been a lot of pressure on Ukraine to concede,"
INDIRECT = "The European Union remains sceptical about the prospects of a meeting"


@pytest.mark.parametrize("kind", ["direct", "partial"])
def test_a_verbatim_quote_is_cited_in_quotation_marks(kind: str) -> None:
    assert citation(DIRECT, kind, "Kaja Kallas", "News.Az", "2026-02-23") == (
        "“There has been a lot of pressure on Ukraine to concede” — Kaja Kallas, News.Az, "
        "2026-02-23"
    )


def test_an_indirect_quote_is_cited_as_reported_speech() -> None:
    assert citation(INDIRECT, "indirect", "Kaja Kallas", "News.Az", "2026-02-23") == (
        "Kaja Kallas said that the European Union remains sceptical about the prospects of a "
        "meeting (News.Az, 2026-02-23)"
    )
    assert "“" not in citation(INDIRECT, "indirect", None, None, None)
    # a clause that already starts with "that", or ends a sentence, reads as one sentence
    assert citation("that talks would go on.", "indirect", "Ada Rhee", None, None) == (
        "Ada Rhee said that talks would go on"
    )


DAY, WIRE, ANN = "2026-02-23", "News.Az", "Ann Berg"


@pytest.mark.parametrize(
    ("speaker", "outlet", "date", "direct", "indirect"),
    [
        (None, WIRE, DAY, "“Go” (News.Az, 2026-02-23)", "go now (News.Az, 2026-02-23)"),
        (ANN, None, DAY, "“Go” — Ann Berg, 2026-02-23", "Ann Berg said that go now (2026-02-23)"),
        (ANN, WIRE, None, "“Go” — Ann Berg, News.Az", "Ann Berg said that go now (News.Az)"),
        (ANN, None, None, "“Go” — Ann Berg", "Ann Berg said that go now"),
        (None, None, None, "“Go”", "go now"),
    ],
)  # fmt: skip
def test_unknown_parts_are_left_out_with_their_punctuation(
    speaker: str | None, outlet: str | None, date: str | None, direct: str, indirect: str
) -> None:
    assert citation("Go", "direct", speaker, outlet, date) == direct
    assert citation("go now", "indirect", speaker, outlet, date) == indirect


def test_untrusted_text_is_one_clean_line() -> None:
    cited = citation("We\nwill \x1b]0;x\x07go", "direct", "Ann\tBerg", "Wire\x00", "2026-01-01")
    assert cited == "“We will ]0;x go” — Ann Berg, Wire, 2026-01-01"


def test_shown_quotes_only_verbatim_words() -> None:
    assert shown(DIRECT, "direct") == "“There has been a lot of pressure on Ukraine to concede”"
    assert shown("clear", "partial") == "“clear”"
    assert shown(INDIRECT, "indirect") == INDIRECT


CLUSTER = QuoteCluster(
    "c1",
    "kaja-kallas",
    (
        ClusterMember("a.txt", 2, "2025-08-22", "News.Az"),
        ClusterMember("b.txt", 4, "2025-08-23", None),
        ClusterMember("c.txt", 0, None, "Wire"),
    ),
)


def test_provenance_names_the_first_report() -> None:
    assert (
        provenance(CLUSTER, "b.txt") == "also in 2 articles, first reported 2025-08-22 by News.Az"
    )
    assert provenance(CLUSTER, "a.txt") == "also in 2 articles, first reported here"
    one = QuoteCluster("c2", None, CLUSTER.members[1:])
    assert provenance(one, "c.txt") == "also in 1 article, first reported 2025-08-23"
    undated = QuoteCluster(
        "c3", None, (ClusterMember("x.txt", 0, None, None), *CLUSTER.members[2:])
    )
    assert provenance(undated, "c.txt") == "also in 1 article, first reported in x.txt"
    assert provenance(QuoteCluster("c4", None, CLUSTER.members[:1]), "a.txt") is None
