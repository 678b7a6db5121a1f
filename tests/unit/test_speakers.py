"""Folding names and merging speakers across spellings and articles."""

from __future__ import annotations

from newsbrowse.index.model import ArticleSpeaker, Extraction, Quote
from newsbrowse.index.speakers import fold_name, merge_speakers, speaker_terms


def ex(*speakers: tuple[str, str, int], aliases: tuple[str, ...] = ()) -> Extraction:
    """An extraction with ``count`` quotes for each (name, kind, count)."""
    quotes = []
    sps = []
    pos = 0
    for name, kind, count in speakers:
        sps.append(ArticleSpeaker(name, kind, aliases))  # type: ignore[arg-type]
        for _ in range(count):
            quotes.append(Quote(pos, pos + 1, "x", "direct", name))
            pos += 2
    return Extraction(tuple(quotes), tuple(sps))


def test_fold_name_unifies_transliterations() -> None:
    assert {fold_name(n) for n in ("Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskyi")} == {
        "zelensky"
    }
    assert fold_name("Oleksandr") == fold_name("Alexander") == fold_name("Aleksandr")
    assert fold_name("Sergey") == fold_name("Sergei") == fold_name("Serhiy")
    assert fold_name("José Müller-Lüdenscheidt") == "jose muller ludenscheidt"
    assert fold_name("O’Brien") == "obrien"
    assert fold_name("Kaja Kallas") != fold_name("Siim Kallas")


def test_speaker_terms_are_folded_tokens() -> None:
    assert speaker_terms("Volodymyr Zelenskyy") == ["volodymyr", "zelensky"]
    assert speaker_terms("Russian Foreign Ministry") == ["russian", "foreign", "ministry"]
    assert speaker_terms("") == []


def test_spellings_merge_across_articles() -> None:
    index = merge_speakers(
        {
            "a.txt": ex(("Volodymyr Zelenskyy", "person", 2)),
            "b.txt": ex(("Zelensky", "person", 1)),
            "c.txt": ex(("Volodymyr Zelensky", "person", 1)),
        }
    )
    assert len(index.speakers) == 1
    sp = index.speakers[0]
    assert sp.id == "volodymyr-zelensky"
    assert sp.quotes == 4
    assert sp.articles == ("a.txt", "b.txt", "c.txt")
    assert {"Zelensky", "Volodymyr Zelensky", "Volodymyr Zelenskyy"} <= {sp.name, *sp.aliases}
    assert index.speaker_id("b.txt", "Zelensky") == sp.id


def test_surname_joins_the_one_full_name_only() -> None:
    index = merge_speakers(
        {
            "a.txt": ex(("Kaja Kallas", "person", 3)),
            "b.txt": ex(("Kallas", "person", 1)),
        }
    )
    assert [s.id for s in index.speakers] == ["kaja-kallas"]
    ambiguous = merge_speakers(
        {
            "a.txt": ex(("Kaja Kallas", "person", 3)),
            "b.txt": ex(("Siim Kallas", "person", 1)),
            "c.txt": ex(("Kallas", "person", 1)),
        }
    )
    ids = {s.id for s in ambiguous.speakers}
    assert ids == {"kaja-kallas", "siim-kallas", "kallas"}
    assert ambiguous.speaker_id("c.txt", "Kallas") == "kallas"


def test_person_never_merges_with_organisation() -> None:
    index = merge_speakers(
        {
            "a.txt": ex(("Berg", "person", 1)),
            "b.txt": ex(("Berg", "organisation", 2)),
        }
    )
    kinds = sorted((s.kind, s.id) for s in index.speakers)
    assert [k for k, _ in kinds] == ["organisation", "person"]
    assert len({i for _, i in kinds}) == 2


def test_speakers_sorted_by_quotes_and_aliases_kept() -> None:
    index = merge_speakers(
        {
            "a.txt": ex(("Dmitry Peskov", "person", 1), ("Kremlin", "organisation", 1)),
            "b.txt": ex(("Dmitri Peskov", "person", 2), aliases=("the spokesman",)),
        }
    )
    peskov = index.speakers[0]
    assert peskov.name in ("Dmitry Peskov", "Dmitri Peskov")
    assert peskov.quotes == 3
    assert "the spokesman" in peskov.aliases


def test_resolve_queries() -> None:
    index = merge_speakers(
        {
            "a.txt": ex(("Kaja Kallas", "person", 2), ("Kremlin", "organisation", 1)),
            "b.txt": ex(("Volodymyr Zelenskyy", "person", 1)),
            "c.txt": ex(("Siim Kallas", "person", 1)),
        }
    )
    assert index.resolve("kaja kallas") == ["kaja-kallas"]
    assert index.resolve("Kallas") == ["kaja-kallas", "siim-kallas"]
    assert index.resolve("Zelensky") == ["volodymyr-zelensky"]
    assert index.resolve("zelenskiy") == ["volodymyr-zelensky"]
    assert index.resolve("kremlin") == ["kremlin"]
    assert index.resolve("kaja-kallas") == ["kaja-kallas"]
    assert index.resolve("nobody") == []
    assert index.resolve("") == []


def test_merge_is_deterministic_and_scales_linearly() -> None:
    extractions = {
        f"{n:05d}.txt": ex(
            (f"Person{n % 500} Surname{n % 700}", "person", 1), ("Kremlin", "organisation", 1)
        )
        for n in range(5000)
    }
    first = merge_speakers(extractions)
    second = merge_speakers(dict(reversed(list(extractions.items()))))
    assert [s.id for s in first.speakers] == [s.id for s in second.speakers]
    assert first.speakers[0].id == "kremlin"
    assert first.speakers[0].quotes == 5000


def test_a_joint_quote_is_each_speakers_in_the_library(tmp_path) -> None:
    from newsbrowse.index.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text(
        "Talks collapse\n\nAna Roe and Tom Berg said in a joint statement that the talks had "
        "failed.\n\n“We will try again in May,” Roe said.\n",
        encoding="utf-8",
    )
    lib = Library(corpus, tmp_path / "index")
    try:
        lib.update()
        by_name = {s.name: s for s in lib.speakers()}
        assert by_name["Ana Roe"].quotes == 2 and by_name["Tom Berg"].quotes == 1
        berg = [r.quote.text for r in lib.quotes(speaker="Tom Berg")]
        assert berg == ["the talks had failed"]
        assert len(lib.quotes(speaker="Ana Roe")) == 2
        per_article = {s.name: s.quotes for s in lib.speakers(article="talks.txt")}
        assert per_article == {"Ana Roe": 2, "Tom Berg": 1}
    finally:
        lib.close()


def test_merge_counts_a_joint_quote_for_each_speaker() -> None:
    joint = Quote(0, 1, "x", "direct", "Ana Roe and Tom Berg", speakers=("Ana Roe", "Tom Berg"))
    sps = (ArticleSpeaker("Ana Roe", "person"), ArticleSpeaker("Tom Berg", "person"))
    index = merge_speakers({"a": Extraction((joint,), sps)})
    assert {s.name: s.quotes for s in index.speakers} == {"Ana Roe": 1, "Tom Berg": 1}
