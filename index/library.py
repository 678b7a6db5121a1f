"""The facade over one corpus: open it, keep its index fresh, answer queries.

The app and the command line talk only to :class:`Library`; a larger backend could stand
behind the same calls. It sequences the stages and owns no format: the query is parsed and
compiled by ``search``, the index and its stored documents are the ``store``'s, the merged
speakers ``speakers``', the quote clusters ``clusters``'.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from .child_update import ChildUpdate, ChildUpdateError
from .clusters import QuoteClusters, build_clusters
from .errors import IndexDirError, IndexWriteError
from .locations import default_index_dir
from .model import (
    Article,
    ArticleInfo,
    Hit,
    QuoteCluster,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
    UpdateReport,
)
from .search.collect import top_hits
from .search.compile import Compiled, Compiler
from .search.highlight import SNIPPET_REGIONS, match_spans, snippet
from .search.query import Node, parse
from .speakers import SpeakerRegistry, build_registry
from .store.documents import (
    Fields,
    quote_speakers,
    stored_article,
    stored_hit,
    stored_quotes,
    stored_text,
)
from .store.state import CorpusState, load_newest, newest_first
from .store.store import Store, build_folder

Progress = Callable[[int, int], None]  # (done, total)
SORTS = ("relevance", "date")
SYNC_SECONDS = 0.5  # how often a reader looks for another process's changes


class Library:
    """One corpus folder and its index. Safe to call from several threads."""

    def __init__(self, corpus: Path | str, index_dir: Path | str | None = None) -> None:
        self.corpus = Path(corpus).expanduser().resolve()
        self.index_dir = Path(index_dir) if index_dir else default_index_dir(self.corpus)
        self._store = Store(self.index_dir)
        self._lock = threading.RLock()
        self._ix: FileIndex | None = None
        self._searcher: Searcher | None = None
        self._searcher_key: tuple[str, int] | None = None  # (build folder, generation)
        self._synced = 0.0  # when _sync last looked for another process's changes
        self._child: ChildUpdate | None = None  # an update running in a child process
        self._state: CorpusState | None = None  # loaded on first need: see _corpus_state

    # ── lifecycle ────────────────────────────────────────────────────────────────────

    def update(
        self,
        progress: Progress | None = None,
        *,
        rebuild: bool = False,
        wait: bool = False,
        waiting: Callable[[str], None] | None = None,
        isolated: bool = False,
    ) -> UpdateReport:
        """Bring the index up to date with the folder (only new, changed, deleted files).

        If another process is updating the index, wait for it when ``wait`` is set (or when
        there is no index yet), telling ``waiting``; else serve what is there with a notice.
        ``isolated`` runs the update in a child process (the app does: see child_update).
        """
        if not self.corpus.is_dir():
            raise FileNotFoundError(f"no such folder: {self.corpus}")
        if isolated:
            return self._update_in_child(progress, rebuild, waiting)
        with self._lock:
            same_build = self._ix is not None and build_folder(self._ix) == self._store.current()
            known = self._state if same_build else None
        ix, state, report = self._store.update(
            self.corpus, progress, rebuild=rebuild, known=known, wait=wait, waiting=waiting
        )
        with self._lock:
            self._ix = ix
            self._refresh_searcher()
            self._state = state
        return report

    def _update_in_child(
        self, progress: Progress | None, rebuild: bool, waiting: Callable[[str], None] | None
    ) -> UpdateReport:
        child = ChildUpdate(self.corpus, self.index_dir, rebuild=rebuild)
        with self._lock:
            self._child = child
        try:
            report = child.run(progress, waiting)
        except ChildUpdateError as exc:
            if exc.kind == "IndexDirError":
                raise IndexDirError(str(exc)) from None
            raise IndexWriteError(str(exc)) from None
        finally:
            with self._lock:
                self._child = None
        with self._lock:
            self._synced = 0.0
            if self._ix is None:
                self.open()
            else:
                self._sync()
        return report

    def cancel_update(self) -> None:
        """Stop an update running in a child process (the index stays as it was)."""
        with self._lock:
            child = self._child
        if child is not None:
            child.cancel()

    def open(self) -> bool:
        """Open the existing index without updating it; False when there is none usable."""
        with self._lock:
            if self._ix is not None:
                return True
            ix = self._store.open()
            if ix is None:
                return False
            self._ix = ix
            self._refresh_searcher()
            return True

    def close(self) -> None:
        """Release the searcher."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def _refresh_searcher(self) -> None:
        """Open a new searcher when the index changed.

        Not ``Searcher.refresh()``: it reuses segment readers and with them their old
        deletion sets, so deleted articles would still be found.
        """
        if self._ix is None:
            return
        key = (str(build_folder(self._ix)), self._ix.latest_generation())
        old = self._searcher
        if old is not None and self._searcher_key == key:
            return
        self._searcher = self._ix.searcher()
        self._searcher_key = key
        if old is not None:
            old.close()

    def _sync(self) -> None:
        """Follow what another process wrote: a rebuild switched in, or a newer commit.

        Looks at most every ``SYNC_SECONDS``; called with the lock held.
        """
        now = time.monotonic()
        if self._ix is None or now - self._synced < SYNC_SECONDS:
            return
        self._synced = now
        try:
            if self._store.current() != build_folder(self._ix):
                ix = self._store.open()
                if ix is None:
                    return  # mid-switch or damaged: keep serving what is open
                self._ix = ix
            elif (str(build_folder(self._ix)), self._ix.latest_generation()) == self._searcher_key:
                return
        except OSError:
            return
        self._state = None  # read again on first need
        self._refresh_searcher()

    @property
    def _corpus_state(self) -> CorpusState:
        """The sidecar state, read on first need: opening and the first page don't need it.

        Read without holding the lock (seconds at 100,000 articles), so that searches from
        other threads go on meanwhile; the first reader's copy is kept.
        """
        with self._lock:
            if self._state is not None:
                return self._state
            if self._ix is None and not self.open():
                return CorpusState()
            ix = self._ix
            if ix is None:  # open() succeeded, so it is set
                return CorpusState()
        state = self._store.state_for(ix)
        with self._lock:
            if self._state is None and self._ix is ix:
                self._state = state
            return self._state if self._state is not None else state

    @property
    def _registry(self) -> SpeakerRegistry:
        """The merged speakers, merged on first use after a change and then kept."""
        return self._derived(clusters=False)[0]

    @property
    def _clusters(self) -> QuoteClusters:
        """The quote clusters, clustered on first use after a change and then kept."""
        clusters = self._derived(clusters=True)[1]
        assert clusters is not None  # made when asked for
        return clusters

    def _derived(self, *, clusters: bool) -> tuple[SpeakerRegistry, QuoteClusters | None]:
        """The merged speakers (and the quote clusters, when asked): made from the state's
        articles when missing, and kept in the state for the next open (one save for both)."""
        state = self._corpus_state
        with self._lock:
            made = state.registry is None or (clusters and state.clusters is None)
            if state.registry is None:
                state.registry = build_registry(state.articles)
            if clusters and state.clusters is None:
                state.clusters = build_clusters(state.articles, state.registry)
            if made and self._ix is not None:
                self._store.save_derived(state)
            return state.registry, state.clusters

    def derive(self) -> None:
        """Make what is derived from the whole corpus (merged speakers, quote clusters) now
        rather than on first use: the app's update child does, so the app never waits."""
        self._derived(clusters=True)

    def _searcher_or_none(self) -> Searcher | None:
        if self._searcher is None:
            self.open()
        else:
            self._sync()
        return self._searcher

    # ── search ───────────────────────────────────────────────────────────────────────

    def search(
        self, query: str, *, limit: int = 50, sort: str = "relevance", facets: bool = False
    ) -> SearchResult:
        """Run a query. Never raises for a bad query: see ``interpreted`` and ``error``.

        An empty query lists every article, newest first. ``facets`` adds counts by speaker
        and source over every match (it costs a pass over all of them).
        """
        started = time.perf_counter()
        result = SearchResult(query=query)
        if sort not in SORTS:
            result.error = f"unknown sort {sort!r}; use relevance or date"
            return result
        parsed = parse(query)
        result.notes = list(parsed.notes)
        result.interpreted = parsed.interpreted
        if parsed.error:
            result.error = parsed.error
            return result
        with self._lock:
            searcher = self._searcher_or_none()
            if searcher is None:
                result.error = "the index is not built yet"
                return result
            if parsed.tree is None:
                self._list_newest(searcher, result, limit, facets)
                result.seconds = time.perf_counter() - started
                return result
            else:
                compiled = self._compile(searcher, parsed.tree)
                result.notes.extend(compiled.notes)
            self._run(searcher, compiled, result, limit, sort, facets)
        result.seconds = time.perf_counter() - started
        return result

    def _list_newest(
        self, searcher: Searcher, result: SearchResult, limit: int, facets: bool
    ) -> None:
        """The empty query: every article, newest first, from the saved listing."""
        generation = searcher.reader().generation()
        ids = load_newest(build_folder(self._ix), generation) if self._ix is not None else None
        if ids is None or len(ids) != searcher.doc_count():
            ids = [info.id for info in self.articles()]
        result.total = len(ids)
        if facets:
            result.facets = self._facets(searcher, list(searcher.docs_for_query(wq.Every())))
        empty = Compiled(wq.NullQuery)
        for article_id in ids[:limit]:
            fields = searcher.document(id=article_id)
            if fields is not None:
                result.hits.append(self._hit(fields, 0.0, empty))

    def _compile(self, searcher: Searcher, tree: Node) -> Compiled:
        # The speaker registry is consulted (and merged, if stale) only for speaker: queries.
        return Compiler(searcher.reader(), lambda text: self._registry.names_for(text)).compile(
            tree
        )

    def _run(
        self,
        searcher: Searcher,
        compiled: Compiled,
        result: SearchResult,
        limit: int,
        sort: str,
        facets: bool,
    ) -> None:
        if sort == "date":
            found = searcher.search(compiled.query, limit=limit, sortedby="day", reverse=True)
            total, docnums = len(found), list(found.docs()) if facets else None
        else:
            found, total, docnums = top_hits(searcher, compiled.query, limit, keep_docnums=facets)
        result.total = total
        if facets:
            result.facets = self._facets(searcher, docnums or [])
        for hit in found:
            score = hit.score if sort == "relevance" else 0.0  # by date, "score" is the date
            result.hits.append(self._hit(hit.fields(), score or 0.0, compiled))

    def _hit(self, fields: Fields, score: float, compiled: Compiled) -> Hit:
        text, paragraphs = stored_text(fields)
        spans = match_spans(
            text,
            paragraphs,
            compiled.highlight_terms,
            compiled.highlight_phrases,
            limit_regions=SNIPPET_REGIONS,
        )
        excerpt, excerpt_spans = snippet(text, paragraphs, spans)
        return stored_hit(fields, score, excerpt, excerpt_spans)

    def _facets(self, searcher: Searcher, docnums: list[int]) -> dict[str, dict[str, int]]:
        if not docnums:
            return {"speaker": {}, "source": {}}
        ids = searcher.reader().column_reader("id")
        sources = searcher.reader().column_reader("source_key")
        by_source: Counter[str] = Counter()
        by_speaker: Counter[str] = Counter()
        for docnum in docnums:
            source = sources[docnum]
            if source:
                by_source[source.decode() if isinstance(source, bytes) else source] += 1
            aid = ids[docnum]
            aid = aid.decode() if isinstance(aid, bytes) else aid
            by_speaker.update(self._registry.by_article.get(aid, ()))
        names = {s.id: s.name for s in self._registry.index.speakers}
        return {
            "speaker": {names.get(k, k): n for k, n in by_speaker.most_common()},
            "source": dict(by_source.most_common()),
        }

    # ── articles ─────────────────────────────────────────────────────────────────────

    def articles(self) -> list[ArticleInfo]:
        """Every indexed article's metadata, newest first (from memory, not the index)."""
        state = self._corpus_state
        with self._lock:
            infos = [a.info for a in state.articles.values() if a.info is not None]
        return newest_first(infos)

    def _stored(self, article_id: str) -> Fields:
        with self._lock:
            searcher = self._searcher_or_none()
            fields = searcher.document(id=article_id) if searcher is not None else None
        if fields is None:
            raise KeyError(f"no article {article_id!r} in the index")
        return fields

    def article(self, article_id: str) -> Article:
        """The article as indexed (text, paragraphs, metadata). KeyError if unknown."""
        return stored_article(self._stored(article_id))

    def matches(self, article_id: str, query: str) -> list[Span]:
        """Spans in the article's text matched by the query's terms, in order."""
        parsed = parse(query)
        if parsed.tree is None:
            return []
        with self._lock:
            searcher = self._searcher_or_none()
            if searcher is None:
                return []
            compiled = self._compile(searcher, parsed.tree)
        article = self.article(article_id)
        regions = list(article.paragraphs)
        if article.title_span:
            regions.insert(0, article.title_span)
        return match_spans(
            article.text, regions, compiled.highlight_terms, compiled.highlight_phrases
        )

    # ── quotes and speakers ──────────────────────────────────────────────────────────

    def quotes(
        self, *, article: str | None = None, speaker: str | None = None, kind: str | None = None
    ) -> list[QuoteRecord]:
        """Quotes, filtered by article id, speaker (id or any alias) and kind; text order."""
        wanted: set[str] | None = None
        if speaker is not None:
            wanted = set(self._registry.index.resolve(speaker))
            if speaker in {s.id for s in self._registry.index.speakers}:
                wanted.add(speaker)
            if not wanted:
                return []
        if article is not None:
            article_ids = [article]
        elif wanted is not None:
            article_ids = sorted(
                {a for s in self._registry.index.speakers if s.id in wanted for a in s.articles}
            )
        else:
            article_ids = sorted(self._corpus_state.articles)
        records: list[QuoteRecord] = []
        names = {s.id: s.name for s in self._registry.index.speakers}
        clusters = self._clusters.by_quote
        for aid in article_ids:
            try:
                fields = self._stored(aid)
            except KeyError:
                if article is not None:
                    raise
                continue
            for n, q in enumerate(stored_quotes(fields)):
                # joint speakers: the quote is each one's (speaker_ids); it is listed once,
                # as the first wanted speaker's (or the first speaker's)
                every = [self._registry.index.speaker_id(aid, each) for each in quote_speakers(q)]
                sids = [i for i in every if wanted is None or i in wanted]
                if wanted is not None and not sids:
                    continue
                if kind is not None and q.kind != kind:
                    continue
                sid = next((i for i in sids if i is not None), None)
                name = names.get(sid or "")
                every_id: tuple[str, ...] = ()
                if len(q.speakers) > 1:
                    name = " and ".join(
                        names.get(i or "", each) for i, each in zip(every, q.speakers, strict=True)
                    )
                    every_id = tuple(i for i in every if i is not None)
                cluster = clusters.get((aid, n))
                records.append(QuoteRecord(aid, fields["path"], q, sid, name, cluster, every_id))
        return records

    def clusters(self) -> list[QuoteCluster]:
        """Every statement reported by two or more articles: the most reported first, then
        the earliest first reported."""
        found = list(self._clusters.clusters.values())
        found.sort(key=lambda c: (c.first.date is None, c.first.date or "", c.id))
        found.sort(key=lambda c: len(c.articles), reverse=True)
        return found

    def cluster(self, cluster_id: str) -> QuoteCluster | None:
        """One cluster by its id (a quote record's ``cluster``)."""
        return self._clusters.clusters.get(cluster_id)

    def cluster_quotes(self, cluster: QuoteCluster) -> list[QuoteRecord]:
        """The quotes of a cluster, in the cluster's (date) order."""
        names = {s.id: s.name for s in self._registry.index.speakers}
        records = []
        for member in cluster.members:
            try:
                fields = self._stored(member.article)
            except KeyError:  # the index changed meanwhile
                continue
            quotes = stored_quotes(fields)
            if member.quote < len(quotes):
                q = quotes[member.quote]
                first = quote_speakers(q)[:1]  # a joint quote: its first speaker's
                sid = self._registry.index.speaker_id(member.article, first[0]) if first else None
                records.append(
                    QuoteRecord(
                        member.article, fields["path"], q, sid, names.get(sid or ""), cluster.id
                    )
                )
        return records

    def speakers(self, *, article: str | None = None) -> list[Speaker]:
        """Speakers of the corpus (or of one article), most quoted first."""
        if article is None:
            return list(self._registry.index.speakers)
        index = self._registry.index
        counts = Counter(
            sid
            for r in self.quotes(article=article)
            for sid in {index.speaker_id(article, n) for n in quote_speakers(r.quote)}
            if sid
        )
        by_id = {s.id: s for s in self._registry.index.speakers}
        return sorted(
            (
                Speaker(
                    id=sid,
                    name=by_id[sid].name,
                    kind=by_id[sid].kind,
                    aliases=by_id[sid].aliases,
                    roles=by_id[sid].roles,
                    quotes=n,
                    articles=(article,),
                )
                for sid, n in counts.items()
                if sid in by_id
            ),
            key=lambda s: (-s.quotes, s.name),
        )

    @property
    def article_count(self) -> int:
        """How many articles the index holds."""
        with self._lock:
            searcher = self._searcher_or_none()
            return searcher.doc_count() if searcher is not None else 0
