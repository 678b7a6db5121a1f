"""Reading article files: the seeds against their gold metadata, fixtures, failures."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from newsbrowse.index.model import Article
from newsbrowse.index.reading import parse_article, read_article
from newsbrowse.index.reading.decode import UnreadableFile

TESTS = Path(__file__).resolve().parent.parent
SEEDS = TESTS.parent / "seeds"
ARTICLES = TESTS / "data" / "articles"
GOLD = json.loads((TESTS / "data" / "seeds-gold.json").read_text(encoding="utf-8"))
FIELDS = ("title", "date", "author", "source")


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_seed_metadata_matches_gold(gold: dict) -> None:
    article = read_article(SEEDS / gold["file"], SEEDS)
    assert {f: getattr(article, f) for f in FIELDS} == {f: gold[f] for f in FIELDS}


def test_every_seed_has_gold() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(g["file"] for g in GOLD)


def cruft_of(article: Article) -> list[tuple[str, str]]:
    return [(article.text[s:e], reason) for (s, e), reason in article.cruft]


def paragraphs_of(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in article.paragraphs]


def test_seed_001_layout() -> None:
    article = read_article(SEEDS / "001_065d88eab2c2a7bf.txt", SEEDS)
    reasons = [reason for _, reason in cruft_of(article)]
    assert reasons == ["language switcher", "repeated headline with photo caption", "byline"]
    assert paragraphs_of(article)[0].startswith("The Kremlin said it remains committed")
    assert article.title_span is not None
    assert article.text[slice(*article.title_span)] == article.title


def test_seed_003_cruft() -> None:
    article = read_article(SEEDS / "003_00bf249005eaa565.txt", SEEDS)
    assert cruft_of(article) == [
        ("#News", "section tag"),
        ("2025.08.22", "date"),
        ("a", "stray character"),
    ]
    assert paragraphs_of(article)[-1].startswith("Analysts believe")


def test_seed_004_paragraph_starts_after_the_date() -> None:
    article = read_article(SEEDS / "004_7d5e14b8733fb70a.txt", SEEDS)
    assert paragraphs_of(article)[0].startswith("Kallas, the EU’s foreign policy chief")
    assert cruft_of(article) == [("date 2025-08-23", "date")]


TITLE = "Ministers weigh new sanctions on Russia"

# file: (title, date, author, source, cruft reasons)
EXPECTED: dict[str, tuple[str | None, str | None, str | None, str | None, list[str]]] = {
    "cruft_language_switcher.txt": (TITLE, None, None, None, ["language switcher"]),
    "cruft_language_switcher_spaces.txt": (TITLE, None, None, None, ["language switcher"]),
    "cruft_font_controls.txt": (TITLE, None, None, None, ["font-size controls"]),
    "cruft_font_controls_px.txt": (None, "2026-02-23", None, None, ["date", "font-size controls"]),
    "cruft_section_tag.txt": (TITLE, None, None, None, ["section tag"]),
    "cruft_share_buttons.txt": (TITLE, None, None, None, ["share buttons"] * 3),
    "cruft_advertisement.txt": (TITLE, None, None, None, ["advertisement"] * 2),
    "cruft_related_links.txt": (TITLE, None, None, None, ["related link"] * 3),
    "cruft_photo_credits.txt": (TITLE, None, None, None, ["photo caption"] * 3),
    "cruft_repeated_headline.txt": (TITLE, None, None, None, ["repeated headline"]),
    "cruft_repeated_headline_caption.txt": (
        TITLE,
        None,
        "Jane Doe",
        None,
        ["language switcher", "repeated headline with photo caption", "byline"],
    ),
    "cruft_no_comments.txt": (TITLE, None, None, None, ["comments counter"]),
    "cruft_stray_last_char.txt": (TITLE, None, None, None, ["section tag", "stray character"]),
    "date_label_iso.txt": (None, "2026-02-23", None, None, ["date"]),
    "date_month_name.txt": (TITLE, "2025-03-01", None, None, ["date"]),
    "date_dotted_ymd.txt": (TITLE, "2025-08-22", None, None, ["date"]),
    "date_iso.txt": (TITLE, "2025-08-23", None, None, ["date"]),
    "date_day_month_year.txt": (TITLE, "2026-03-04", None, None, ["date"]),
    "date_iso_time.txt": (TITLE, "2026-03-04", None, None, ["date"]),
    "date_abbrev_month.txt": (TITLE, "2025-03-01", None, None, ["date"]),
    "date_dotted_dmy.txt": (TITLE, "2025-03-01", None, None, ["date"]),
    "date_label_prefix_body.txt": (None, "2025-08-23", None, None, ["date"]),
    "date_published_updated.txt": (TITLE, "2026-03-04", None, None, ["updated date", "date"]),
    "date_updated_only.txt": (TITLE, None, None, None, ["updated date"]),
    "date_in_body_only.txt": (TITLE, None, None, None, []),
    "byline_author_label.txt": (TITLE, None, "Daryna Vialko", None, ["byline"]),
    "byline_by.txt": (TITLE, None, "Jane Doe", None, ["byline"]),
    "byline_pipe_outlet.txt": (TITLE, None, "Daryna Vialko", "RBC-Ukraine", ["byline", "source"]),
    "byline_date_no_comments.txt": (TITLE, "2025-03-01", None, None, ["date", "comments counter"]),
    "source_line.txt": (TITLE, None, None, "Reuters", ["source"]),
    "source_reports.txt": (None, None, None, "News.Az", []),
    "source_not_attribution.txt": ("Kallas: Russia does not want peace", None, None, None, []),
    "no_title_body_first.txt": (None, None, None, None, []),
    "no_title_dateline_body.txt": (None, "2025-08-23", None, None, ["date"]),
    "hard_wrapped.txt": (TITLE, None, None, None, []),
    "controls.txt": (TITLE, None, None, None, []),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_articles(name: str) -> None:
    article = read_article(ARTICLES / name, ARTICLES)
    title, date, author, source, reasons = EXPECTED[name]
    assert (article.title, article.date, article.author, article.source) == (
        title,
        date,
        author,
        source,
    )
    assert [reason for _, reason in article.cruft] == reasons
    assert article.paragraphs, "every fixture has a body"


def test_every_text_fixture_has_expectations() -> None:
    covered = set(EXPECTED) | {p.name for p in ARTICLES.glob("enc_*.txt")}
    covered |= {"binary_png.txt", "binary_nul.txt", "empty.txt", "whitespace_only.txt"}
    assert {p.name for p in ARTICLES.iterdir()} == covered


def test_hard_wrapped_fixture_joins_lines() -> None:
    article = read_article(ARTICLES / "hard_wrapped.txt", ARTICLES)
    assert len(article.paragraphs) == 2
    assert paragraphs_of(article)[0].endswith("which lasted six hours.")


@pytest.mark.parametrize(
    ("name", "first_words"),
    [
        ("enc_cp1251_uk.txt", "Зеленський заявив"),
        ("enc_cp1251_ru.txt", "Песков заявил"),
        ("enc_latin1_fr.txt", "Le ministre a été très clair"),
        ("enc_latin1_de.txt", "Die Außenministerin äußerte"),
        ("enc_utf16le_bom.txt", "Зеленський заявив"),
        ("enc_utf16be_bom.txt", "Le ministre a été très clair"),
        ("enc_utf8_bom.txt", "Kallas said the talks were “welcome”."),
    ],
)
def test_encoded_fixtures_read(name: str, first_words: str) -> None:
    article = read_article(ARTICLES / name, ARTICLES)
    assert article.text.startswith(first_words)
    assert paragraphs_of(article)[0].startswith(first_words)
    assert len(article.paragraphs) == 2


def test_controls_fixture_is_clean() -> None:
    article = read_article(ARTICLES / "controls.txt", ARTICLES)
    assert not any(ch in article.text for ch in "\x1b\x07\r\u202e\u202c")
    assert paragraphs_of(article) == [
        "EU ministers met in Brussels on Tuesday.",
        "The package is expected next week.",
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace_only.txt", "empty file (whitespace only)"),
        ("binary_png.txt", "binary file (PNG image)"),
        ("binary_nul.txt", "binary file (contains NUL bytes)"),
    ],
)
def test_unreadable_fixtures(name: str, reason: str) -> None:
    with pytest.raises(UnreadableFile) as err:
        read_article(ARTICLES / name, ARTICLES)
    assert err.value.reason == reason


def test_identity_hash_and_path(tmp_path: Path) -> None:
    data = "Kallas visits Kyiv\n\nThe EU’s top diplomat arrived on Monday.\n".encode()
    (tmp_path / "2025" / "aug").mkdir(parents=True)
    path = tmp_path / "2025" / "aug" / "kallas.txt"
    path.write_bytes(data)
    article = read_article(path, tmp_path)
    assert article.id == "2025/aug/kallas.txt"
    assert article.path == str(path)  # tmp_path is absolute
    assert Path(article.path).is_absolute()
    assert article.content_hash == hashlib.blake2b(data, digest_size=16).hexdigest()
    assert len(article.content_hash) == 32
    assert article.title == "Kallas visits Kyiv"


def test_relative_paths_are_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Some body text here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    article = read_article(Path("a.txt"), Path("."))
    assert article.id == "a.txt"
    assert article.path == str(tmp_path.resolve() / "a.txt")


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (3 * 2**20 + 2**19))
    with pytest.raises(UnreadableFile) as err:
        read_article(path, tmp_path, max_bytes=2 * 2**20)
    assert err.value.reason == "too large (3.5 MB, limit 2 MB)"


def test_too_large_default_limit_is_8_mb(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: cheap to make
    with pytest.raises(UnreadableFile) as err:
        read_article(path, tmp_path)
    assert err.value.reason == "too large (50.0 MB, limit 8 MB)"


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * 99 + b"\n")
    assert read_article(path, tmp_path, max_bytes=100).paragraphs == ((0, 99),)


def test_file_grown_since_stat_is_read_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grown.txt"
    path.write_bytes(b"a" * 149 + b"\n")
    real = path.stat()  # its size as stat saw it, 50 bytes (the compiled reader wants a stat)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((*real[:6], 50, *real[7:])))
    assert read_article(path, tmp_path).paragraphs == ((0, 149),)
    with pytest.raises(UnreadableFile) as err:
        read_article(path, tmp_path, max_bytes=100)
    assert err.value.reason == "too large (101 bytes, limit 100 bytes)"


def test_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_article(tmp_path / "gone.txt", tmp_path)


def test_parse_article_is_pure_and_keeps_the_text() -> None:
    text = "ua en ru\n\nKallas visits Kyiv\n\nKallas visits Kyiv\n\nShe arrived on Monday.\n"
    first = parse_article(text, "x.txt", "/c/x.txt", "abc")
    assert first == parse_article(text, "x.txt", "/c/x.txt", "abc")
    assert first.text is text
    assert (first.id, first.path, first.content_hash) == ("x.txt", "/c/x.txt", "abc")
    assert first.body == "She arrived on Monday."
    assert first.label == "Kallas visits Kyiv"


def test_parse_article_without_title_labels_by_first_sentence() -> None:
    text = "The European Union remains sceptical about a meeting, Kallas said on Monday. More."
    article = parse_article(text, "x.txt", "/x.txt")
    assert article.title is None and article.title_span is None
    assert article.label.startswith("The European Union remains sceptical")
