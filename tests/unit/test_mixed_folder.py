"""A clippings folder as people keep it: text, saved pages, Markdown and junk side by side.

Indexed through the command line (real subprocesses): the articles are found, the junk is
skipped with its reason, and no markup or entity reaches the stored text, the titles or
``show``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newsbrowse.index.library import Library

ROOT = Path(__file__).resolve().parents[2]
MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z][\w-]*(?:\s[^<>]*)?>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});", re.I
)

DATA = ROOT / "tests" / "data" / "mixed"
ARTICLES = ("cranes.html", "mill.htm", "buses.md", "ferry.txt")


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def zipped() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    return buf.getvalue()


@pytest.fixture
def clippings(tmp_path: Path) -> Path:
    folder = tmp_path / "clippings"
    (folder / "pages").mkdir(parents=True)
    pages = folder / "pages"
    for name in ARTICLES:
        target = pages / name if name.endswith(("html", "htm")) else folder / name
        target.write_bytes((DATA / name).read_bytes())
    (pages / "saved-without-extension").write_bytes((DATA / "cranes.html").read_bytes())
    (folder / "tally.csv").write_text("date,count\n2031-01-01,3\n", encoding="utf-8")
    (folder / "feed.json").write_text('{"items": [1, 2]}', encoding="utf-8")
    (folder / "dump.txt").write_text('[{"title": "not an article"}]', encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    (folder / "shot.txt").write_bytes(png())
    (folder / "bundle.zip").write_bytes(zipped())
    (folder / "old.gz").write_bytes(gzip.compress(b"text"))
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return folder


def run(folder: Path, index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsbrowse.tui",
            "--corpus",
            str(folder),
            "--index-dir",
            str(index),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    return proc


def test_a_mixed_folder_indexes_articles_and_skips_junk_with_reasons(
    clippings: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    report = json.loads(run(clippings, index, "index", "--json").stdout)
    skipped = {s["id"]: s["reason"] for s in report["skipped"]}
    assert set(skipped) == {
        "tally.csv",
        "feed.json",
        "dump.txt",
        "photo.jpg",
        "shot.txt",
        "bundle.zip",
        "old.gz",
        "report.pdf",
    }
    assert "CSV" in skipped["tally.csv"] and "JSON" in skipped["feed.json"]
    assert "JSON" in skipped["dump.txt"] and "PNG" in skipped["shot.txt"]
    assert all(reason.startswith(("not an article", "binary file")) for reason in skipped.values())

    articles = {a["id"]: a for a in json.loads(run(clippings, index, "articles", "--json").stdout)}
    assert set(articles) == {
        "pages/cranes.html",
        "pages/mill.htm",
        "pages/saved-without-extension",
        "buses.md",
        "ferry.txt",
    }
    cranes = articles["pages/cranes.html"]
    assert (cranes["title"], cranes["date"], cranes["author"], cranes["source"]) == (
        "Quay cranes to be replaced after fifty years",
        "2031-05-14",
        "Ros Okafor",
        "The Tidewater Ledger",
    )
    assert cranes["url"] == "https://tidewater.example/2031/05/quay-cranes/"
    assert articles["pages/saved-without-extension"]["title"] == cranes["title"]
    mill = articles["pages/mill.htm"]
    assert (mill["title"], mill["date"], mill["author"], mill["source"], mill["section"]) == (
        "Mill reopens as a café and bakery",
        "2031-04-03",
        "Hal Brennan",
        "Valley Courier",
        "Town",
    )
    buses = articles["buses.md"]
    assert (buses["title"], buses["date"], buses["author"], buses["url"]) == (
        "Night buses return to the old routes",
        "2031-02-09",
        "Pia Sandoval",
        "https://citywire.example/transport/night-buses",
    )
    ferry = articles["ferry.txt"]
    assert (ferry["title"], ferry["author"], ferry["source"], ferry["section"]) == (
        "Ferry operator orders two electric ships",
        "Lena Holm",
        "THE NORTHERN WIRE",
        "Business",
    )

    library = Library(clippings, index)
    for article_id in articles:
        article = library.article(article_id)
        for value in (article.text, article.title or "", article.label):
            assert not MARKUP.search(value), (article_id, MARKUP.search(value))
        human = run(clippings, index, "show", article_id).stdout
        assert not MARKUP.search(human), article_id
    text = library.article("pages/cranes.html").text
    assert "“They have lifted everything" in text and "£12m" in text
    for chrome in ("cookies", "Home", "Share this", "thoughts on", "About time", "©", "miss"):
        assert chrome not in text, chrome
    mill = library.article("pages/mill.htm").text
    assert "town’s residents" in mill and "“We wanted it" in mill and "trust’s chair" in mill
    library.close()


def test_quotes_are_found_in_pages_and_point_into_their_text(
    clippings: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    quotes = json.loads(run(clippings, index, "quotes", "--json").stdout)
    assert any(q["article"] == "pages/cranes.html" for q in quotes), quotes
    library = Library(clippings, index)
    for q in quotes:
        text = library.article(q["article"]).text
        assert text[q["start"] : q["end"]] == q["text"]
    library.close()
