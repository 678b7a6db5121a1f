"""The benchmark corpus generator: deterministic, decodable, quotes in every article."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

N = 20
SEED = 7
OUTLETS = "|".join(re.escape(o) for o in generate.OUTLETS)
# A paragraph holds a quote when it has a pair of quote marks, or indirect speech
# ("X said that …", "According to X, …" where X is not a news outlet).
QUOTE_PAIR = re.compile(r"[“«\"][^“”«»\"]+[”»\"]")
INDIRECT = re.compile(rf"\b(?:said|added) that |^According to (?!(?:{OUTLETS})\b)[A-Z]")
HEADLINE_QUOTE = re.compile(r"^[\w'’-]+: [“«\"]")  # "Kallas: “…”" headlines


def _special(kind: str) -> int:
    """The first article index written in cp1251 / latin-1 / with CRLF line ends."""
    world = generate._world(SEED)
    for i in range(N, 5000):
        if kind == "crlf" and b"\r\n" in generate.render(world, i):
            return i
        if generate.encoding_for(SEED, i) == kind:
            return i
    raise AssertionError(f"no {kind} article in the first 5000")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N articles plus one each in cp1251, latin-1 and with CRLF endings."""
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out, N, SEED)
    generate.rewrite(out, [_special(k) for k in ("cp1251", "latin-1", "crlf")], SEED, 0)
    return out


def _decode(path: Path, index: int) -> str:
    return path.read_bytes().decode(generate.encoding_for(SEED, index))


def _files(corpus: Path) -> list[tuple[int, Path]]:
    files = sorted(corpus.rglob("*.txt"))
    return [(int(p.name.split("_")[0]), p) for p in files]


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    generate.generate(tmp_path / "again", N, SEED, jobs=2)
    first = {p.relative_to(corpus): p.read_bytes() for _, p in _files(corpus)}
    again = {
        p.relative_to(tmp_path / "again"): p.read_bytes()
        for p in (tmp_path / "again").rglob("*.txt")
    }
    assert again == {k: v for k, v in first.items() if int(k.name.split("_")[0]) < N}


def test_other_seed_other_text(tmp_path: Path) -> None:
    a = generate.render(generate.World(1), 0)
    b = generate.render(generate.World(2), 0)
    assert a != b


def test_revision_changes_the_article_only() -> None:
    world = generate.World(SEED)
    assert generate.render(world, 3, revision=1) != generate.render(world, 3)
    assert generate.render(world, 3) == generate.render(generate.World(SEED), 3)


def test_layout_and_encodings(corpus: Path) -> None:
    files = _files(corpus)
    assert len(files) == N + 3
    for index, path in files:
        assert path.parent.name == f"{index // generate.FILES_PER_DIR:04d}"
        text = _decode(path, index)
        assert "\ufffd" not in text
        if generate.encoding_for(SEED, index) != "utf-8":
            with pytest.raises(UnicodeDecodeError):
                path.read_bytes().decode("utf-8")
    cyrillic = _decode(corpus / generate.relpath(SEED, _special("cp1251")), _special("cp1251"))
    assert re.search("[а-яА-Я]{4}", cyrillic)
    assert b"\r\n" in (corpus / generate.relpath(SEED, _special("crlf"))).read_bytes()


def test_articles_look_like_news(corpus: Path) -> None:
    for index, path in _files(corpus):
        text = _decode(path, index).replace("\r\n", "\n")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        words = len(text.split())
        assert 480 <= words <= 1100, (path, words)
        quoted = [
            p
            for p in paragraphs
            if (QUOTE_PAIR.search(p) or INDIRECT.search(p))
            and not p.startswith("Read more:")
            and not HEADLINE_QUOTE.match(p)
        ]
        assert 2 <= len(quoted) <= 6, (path, quoted)


def test_corpus_features_occur() -> None:
    """Over a few hundred articles, every date format, byline and attribution form shows up."""
    world = generate.World(SEED)
    text = "\n".join(generate.render(world, i).decode("utf-8", "replace") for i in range(300))
    patterns = {
        "iso date": r"(?m)^ date \d{4}-\d\d-\d\d",
        "month day, year": r"(?m)^[A-Z][a-z]+ \d{1,2}, \d{4}",
        "dotted date": r"(?m)^\d{4}\.\d\d\.\d\d$",
        "day month year": r"(?m)^\d{1,2} [A-Z][a-z]+ \d{4}$",
        "date and time": r"(?m)^\d{4}-\d\d-\d\d, \d\d?:\d\d$",
        "Author:": r"(?m)^Author: ",
        "By": r"(?m)^By [A-Z]",
        "name | outlet": r"(?m)^[A-Z]\w+ [A-Z][\w-]+ \| ",
        "language switcher": r"(?m)^ua en ru$",
        "font widget": r"\+ ↺ − 16 px",
        "advertisement": r"(?m)^Advertisement$",
        "read more": r"(?m)^Read more: ",
        "share line": r"(?m)^Share: ",
        "photo caption": r"(?m)^.*Photo: [A-Z]\w+ [A-Z]\w+, .* \(",
        "quote then speaker": r"[,] ?[”\"»] [A-Z]\w+ [A-Z]\w+ (?:said|stated|added|noted)\.",
        "speaker then quote": r"[A-Z]\w+ (?:said|stated|told reporters): [“\"«]",
        "appositive": r"[A-Z]\w+ [A-Z]\w+, the [a-z ]+ of [A-Z]\w+, said",
        "pronoun": r"[,] ?[”\"»] (?:she|he) (?:said|stated|added|noted)\.",
        "role phrase": r"[,] ?[”\"»] the (?:spokesman|spokeswoman|[a-z ]+ minister) said\.",
        "partial": r"described it as [“\"«]",
        "indirect that": r"[A-Z]\w+ said that ",
        "according to": r"According to [A-Z]\w+ [A-Z]\w+, ",
        "organisation": r"the [A-Z][\w ]+ said in a statement\.",
    }
    missing = [name for name, pattern in patterns.items() if not re.search(pattern, text)]
    assert not missing


def test_spelling_variants_across_articles() -> None:
    world = generate.World(SEED)
    text = "\n".join(generate.render(world, i).decode("utf-8", "replace") for i in range(400))
    varied = [sp for sp in world.speakers[:60] if len(sp.last) > 1 or len(sp.first) > 1]
    seen_two = [
        sp
        for sp in varied
        if sum(f"{first} {last}" in text for first in sp.first for last in sp.last) >= 2
    ]
    assert len(seen_two) >= 3


def test_reads_back_with_the_engine(corpus: Path, tmp_path: Path) -> None:
    library_module = pytest.importorskip("newsbrowse.index.library")
    library = library_module.Library(corpus, tmp_path / "index")
    try:
        report = library.update()
        assert report.added == N + 3
        assert not report.skipped
        infos = library.articles()
        assert len(infos) == N + 3
        dated = [a for a in infos if a.date]
        assert len(dated) >= (N + 3) * 0.8
        for _, path in _files(corpus):
            article = library.article(path.relative_to(corpus).as_posix())
            assert "\ufffd" not in article.text
            assert len(article.paragraphs) >= 2
        cp1251 = library.article(generate.relpath(SEED, _special("cp1251")))
        assert re.search("[а-яА-Я]{4}", cp1251.text)
        speaker = generate.World(SEED).speakers[0].last[0]
        for query in ("government", "minist*", "goverment~", f"speaker:{speaker}"):
            result = library.search(query)
            assert result.error is None, query
        assert library.search("government").total >= N
    finally:
        library.close()
