"""A small in-memory stand-in for ``Library``: same calls, naive search and quote finding.

Used where a test needs text the real engine would not produce (a speaker whose name is
markup), or needs to control timing (a slow search).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsbrowse.index.model import (
    Article,
    ArticleInfo,
    Hit,
    Quote,
    QuoteCluster,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
    UpdateReport,
)

QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»")
DATE = re.compile(r"\b(\d{4})[-.](\d{2})[-.](\d{2})\b")
SPEAKERS: dict[str, tuple[str, ...]] = {
    "Kaja Kallas": ("Kaja Kallas", "Kallas"),
    "Dmitry Peskov": ("Dmitry Peskov", "Peskov", "the spokesman", "press secretary"),
    "Sergey Lavrov": ("Sergey Lavrov", "Lavrov", "Russian top diplomat"),
    "Donald Trump": ("Donald Trump", "Trump"),
}


def _paragraphs(text: str) -> list[Span]:
    spans = []
    for found in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if found.group().strip():
            spans.append(found.span())
    return spans


class FakeLibrary:
    """Indexes ``*.txt`` under ``corpus`` in memory."""

    def __init__(
        self,
        corpus: Path | str,
        index_dir: Path | str | None = None,
        *,
        speakers: dict[str, tuple[str, ...]] | None = None,
        delay: Callable[[str], float] | None = None,
    ) -> None:
        self.corpus = Path(corpus)
        self._speakers = speakers or SPEAKERS
        self._delay = delay
        self._articles: dict[str, Article] = {}
        self._quotes: dict[str, list[QuoteRecord]] = {}
        self.searches: list[str] = []

    def open(self) -> bool:
        """No index exists before the first update."""
        return False

    def warm(self) -> None:
        """Nothing to read ahead: the index is in memory."""

    def update(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        rebuild: bool = False,
        isolated: bool = False,
        **_: object,
    ) -> UpdateReport:
        files = sorted(self.corpus.glob("*.txt"))
        for done, path in enumerate(files, 1):
            self._add(path)
            if progress:
                progress(done, len(files))
        return UpdateReport(added=len(files))

    def _add(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        paragraphs = _paragraphs(text)
        title_span = None
        if paragraphs and len(text[slice(*paragraphs[0])]) < 140:
            title_span = paragraphs.pop(0)
        date = DATE.search(text)
        article = Article(
            id=path.name,
            path=str(path),
            text=text,
            paragraphs=tuple(paragraphs),
            title=text[slice(*title_span)] if title_span else None,
            title_span=title_span,
            date="-".join(date.groups()) if date else None,
            source="Fake News Wire",
        )
        self._articles[article.id] = article
        self._quotes[article.id] = self._find_quotes(article)

    def _find_quotes(self, article: Article) -> list[QuoteRecord]:
        records = []
        for start, end in article.paragraphs:
            block = article.text[start:end]
            speaker = None
            for name, aliases in self._speakers.items():
                if any(alias in block for alias in aliases):
                    speaker = name
                    break
            for found in QUOTE.finditer(block):
                group = next(i for i in (1, 2, 3) if found.group(i) is not None)
                s, e = found.span(group)
                words = len(found.group(group).split())
                quote = Quote(
                    start + s,
                    start + e,
                    found.group(group),
                    "direct" if words >= 6 else "partial",
                    speaker,
                )
                sid = _sid(speaker) if speaker else None
                records.append(QuoteRecord(article.id, article.path, quote, sid, speaker))
        return records

    # ----- queries --------------------------------------------------------------------------

    def _terms(self, query: str) -> tuple[list[str], str | None]:
        speaker = None
        if found := re.search(r'speaker:"([^"]*)"', query):
            speaker = found.group(1)
            query = query.replace(found.group(), " ")
        return [t.lower() for t in re.findall(r"\w+", query)], speaker

    def search(
        self, query: str, *, limit: int = 50, sort: str = "relevance", facets: bool = True
    ) -> SearchResult:
        started = time.perf_counter()
        self.searches.append(query)
        if self._delay is not None:
            time.sleep(self._delay(query))
        result = SearchResult(query=query)
        if query.count('"') % 2:
            result.error = 'unbalanced quote mark: add the closing "'
            return result
        terms, speaker = self._terms(query)
        articles = sorted(self._articles.values(), key=lambda a: a.date or "", reverse=True)
        for article in articles:
            low = article.text.lower()
            if not all(re.search(rf"\b{re.escape(t)}", low) for t in terms):
                continue
            if speaker and not any(r.speaker_name == speaker for r in self._quotes[article.id]):
                continue
            result.hits.append(self._hit(article, terms))
        result.total = len(result.hits)
        result.hits = result.hits[:limit]
        result.seconds = time.perf_counter() - started
        return result

    def _hit(self, article: Article, terms: list[str]) -> Hit:
        spans = self.matches(article.id, " ".join(terms))
        start = spans[0][0] if spans else article.paragraphs[0][0] if article.paragraphs else 0
        start = max(0, start - 30)
        snippet = article.text[start : start + 120].replace("\n", " ")
        local = tuple(
            (s - start, e - start) for s, e in spans if s >= start and e <= start + len(snippet)
        )
        return Hit(
            article.id,
            article.title,
            article.label,
            article.date,
            article.source,
            1.0,
            snippet,
            local,
        )

    def matches(self, article_id: str, query: str) -> list[Span]:
        article = self._articles[article_id]
        terms, _ = self._terms(query)
        regions = list(article.paragraphs)
        if article.title_span:
            regions.insert(0, article.title_span)
        spans: list[Span] = []
        for rs, re_ in regions:
            for term in terms:
                pattern = re.compile(rf"\b{re.escape(term)}\w*", re.IGNORECASE)
                spans += [
                    (rs + m.start(), rs + m.end()) for m in pattern.finditer(article.text[rs:re_])
                ]
        return sorted(spans)

    def articles(self) -> list[ArticleInfo]:
        items = sorted(self._articles.values(), key=lambda a: a.date or "", reverse=True)
        return [
            ArticleInfo(a.id, a.path, a.title, a.label, a.date, a.author, a.source) for a in items
        ]

    def article(self, article_id: str) -> Article:
        return self._articles[article_id]

    def quotes(
        self,
        *,
        article: str | None = None,
        speaker: str | None = None,
        kind: str | None = None,
        cluster: bool = True,  # the fake's clusters are fixed
    ) -> list[QuoteRecord]:
        ids = [article] if article else sorted(self._quotes)
        out = []
        for aid in ids:
            for record in self._quotes[aid]:
                if speaker and speaker not in (record.speaker_id, record.speaker_name):
                    continue
                if kind and record.quote.kind != kind:
                    continue
                out.append(record)
        return out

    def speakers(self, *, article: str | None = None) -> list[Speaker]:
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        arts: dict[str, set[str]] = {}
        for record in self.quotes(article=article):
            if record.speaker_id:
                counts[record.speaker_id] = counts.get(record.speaker_id, 0) + 1
                names[record.speaker_id] = record.speaker_name or ""
                arts.setdefault(record.speaker_id, set()).add(record.article)
        return sorted(
            (
                Speaker(sid, names[sid], "person", quotes=n, articles=tuple(sorted(arts[sid])))
                for sid, n in counts.items()
            ),
            key=lambda s: (-s.quotes, s.name),
        )

    def clusters(self) -> list[QuoteCluster]:
        return []  # the fake's quotes are never reported twice

    def cancel_update(self) -> None:
        pass

    def close(self) -> None:
        pass


def _sid(name: str) -> str:
    return "sp-" + re.sub(r"\W+", "-", name.lower()).strip("-") + f"-{len(name)}"


if TYPE_CHECKING:
    from newsbrowse.tui.session import LibraryAPI

    def _satisfies(fake: FakeLibrary) -> LibraryAPI:
        """mypy checks here that the fake makes every call the app makes of the engine."""
        return fake
