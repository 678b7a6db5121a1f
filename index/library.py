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
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from .clusters import QuoteClusters, build_clusters
from .errors import IndexDirError, IndexWriteError
from .locations import default_index_dir
from .model import (
    Article,
    ArticleInfo,
    ArticleSpeakers,
    Hit,
    QuoteCluster,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
    UpdateReport,
)
from .search.compile import DEFAULT_FIELDS, Compiled, Compiler
from .search.evaluate import Evaluator
from .search.highlight import SNIPPET_REGIONS, match_spans, snippet
from .search.postings import IndexView
from .search.query import Node, parse
from .search.rank import by_date, by_score
from .speakers import SpeakerRegistry, build_registry
from .store.documents import (
    Fields,
    quote_speakers,
    stored_article,
    stored_hit,
    stored_quotes,
    stored_text,
)
from .store.state import (
    CorpusState,
    SpeakerFacets,
    StateDamaged,
    load_newest,
    newest_first,
    speaker_facets,
)
from .store.store import Store, build_folder

Progress = Callable[[int, int], None]  # (done, total)
_T = TypeVar("_T")
SORTS = ("relevance", "date")
SYNC_SECONDS = 0.5  # how often a reader looks for another process's changes
SEARCH_FIRST_SECONDS = 1.0  # the longest a background read waits for a search
# After a search, background reads wait this much longer: the app draws the answer meanwhile
# (with a read running, drawing shares the interpreter with it and takes twice as long).
ANSWER_DRAWN_SECONDS = 0.3


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
        self._view: IndexView | None = None  # the searcher's generation, as search reads it
        self._synced = 0.0  # when _sync last looked for another process's changes
        self._child: Any = None  # a child_update.ChildUpdate running, if any
        self._state: CorpusState | None = None  # loaded on first need: see _corpus_state
        self._searching: set[int] = set()  # threads searching now: other reads wait for them
        self._answered = (-ANSWER_DRAWN_SECONDS, 0)  # when the last search ended, and its thread
        self._quiet = threading.Condition()

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
        from .child_update import ChildUpdate, ChildUpdateError  # the app's, not a command's

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
        self._view = None
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
        state.pause = self._let_searches_first
        with self._lock:
            if self._state is None and self._ix is ix:
                self._state = state
            return self._state if self._state is not None else state

    def _let_searches_first(self) -> None:
        """Between two pieces of a long read (the article list, the speakers): wait while a
        search runs, and for ``ANSWER_DRAWN_SECONDS`` after one, so that a key typed
        meanwhile is answered and drawn first (for at most ``SEARCH_FIRST_SECONDS`` each
        time, so that the read still ends)."""
        me = threading.get_ident()
        deadline = time.monotonic() + SEARCH_FIRST_SECONDS
        with self._quiet:
            while (now := time.monotonic()) < deadline:
                if self._searching - {me}:
                    until = deadline
                else:
                    ended, thread = self._answered
                    until = ended + ANSWER_DRAWN_SECONDS if thread != me else now
                    if until <= now:
                        return
                self._quiet.wait(min(until, deadline) - now)

    def _on_current_build(self, read: Callable[[], _T]) -> _T:
        """``read()``; if it fails and :meth:`_follow_rebuild` opened another build, once
        more on that one."""
        try:
            return read()
        except Exception:
            if not self._follow_rebuild():
                raise
            return read()

    def _follow_rebuild(self) -> bool:
        """After a failed read: whether another process switched a rebuilt index in since
        this library opened its build, which that process then removed (Whoosh opens a
        file when first read, so a read of the old build can fail anywhere). If so, the
        new build is opened, to read again."""
        with self._lock:
            if self._ix is None:
                return False
            try:
                if self._store.current() in (None, build_folder(self._ix)):
                    return False
            except OSError:
                return False
            self._synced = float("-inf")  # look now
            self._sync()
            return True

    @property
    def _registry(self) -> SpeakerRegistry:
        """The merged speakers, merged on first use after a change and then kept."""
        return self._derived(clusters=False)[0]

    @property
    def _clusters(self) -> QuoteClusters:
        """The quote clusters, clustered on first use after a change and then kept."""
        clusters = self._corpus_state.clusters  # saved for this generation: no registry read
        if clusters is None:
            clusters = self._derived(clusters=True)[1]
        assert clusters is not None  # made when asked for
        return clusters

    def _derived(self, *, clusters: bool) -> tuple[SpeakerRegistry, QuoteClusters | None]:
        """The merged speakers (and the quote clusters, when asked): made from the state's
        articles when missing, and kept in the state for the next open (one save for both)."""
        state = self._corpus_state
        # Read (from disk, in pieces that wait for searches) and merged or clustered
        # without the lock, which every search takes: a second thread at worst does the same
        # work again.
        registry = state.registry
        made = False
        if registry is None:
            registry = build_registry(self._articles_of(state))
            with self._lock:
                if state.registry is None:
                    state.registry, made = registry, True
                registry = state.registry
        assert registry is not None
        if clusters and state.clusters is None:
            found = build_clusters(self._articles_of(state), registry)
            with self._lock:
                if state.clusters is None:
                    state.clusters, made = found, True
        if made and self._ix is not None:
            with self._lock:
                self._store.save_derived(state)
        return registry, state.clusters

    def derive(self) -> None:
        """Make what is derived from the whole corpus (merged speakers, quote clusters) now
        rather than on first use, unless saved for this generation already: the app's
        update child does, so that the app reads them rather than making them itself
        (seconds at 100,000 articles)."""
        state = self._corpus_state
        if state.speaker_facets() is None or state.clusters is None:
            self._derived(clusters=True)

    def merge_speakers(self) -> None:
        """Merge the speakers now and save them, unless saved for this generation already."""
        if self._corpus_state.speaker_facets() is None:
            self._registry  # noqa: B018  (merged and saved on first use)

    def _articles_of(self, state: CorpusState) -> dict[str, ArticleSpeakers]:
        """Each article's speakers; read from the index again if their file is damaged."""
        try:
            return state.articles
        except StateDamaged:
            ix = self._ix
            if ix is None:
                return {}
            rebuilt = self._store.state_from_index(ix)
            rebuilt.pause = self._let_searches_first
            with self._lock:
                if self._state is state:
                    self._state = rebuilt
            self._store.save_derived(rebuilt)
            return rebuilt.articles

    def warm(self) -> None:
        """Read now what the first word searched after an open would wait for: the field
        lengths BM25 weighs by and each segment's stored-field offsets (100,000 articles:
        the first word took 86 ms, the next 12 ms)."""
        with self._lock:
            searcher = self._searcher_or_none()
            if searcher is None:
                return
            view = self._index_view(searcher)
            for fieldname in DEFAULT_FIELDS:
                if fieldname in view.schema:
                    view.norms(fieldname)
            for leaf, _offset in view.leaves:
                if leaf.doc_count_all():
                    leaf.stored_fields(0)

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
        me = threading.get_ident()
        with self._quiet:
            self._searching.add(me)
        try:
            return self._on_current_build(partial(self._search, query, limit, sort, facets))
        finally:
            with self._quiet:
                self._searching.discard(me)
                self._answered = (time.monotonic(), me)
                self._quiet.notify_all()

    def _search(self, query: str, limit: int, sort: str, facets: bool) -> SearchResult:
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
            every = searcher.docs_for_query(wq.Every())
            result.facets = self._facets(self._index_view(searcher), every)
        empty = Compiled(wq.NullQuery)
        for article_id in ids[:limit]:
            fields = searcher.document(id=article_id)
            if fields is not None:
                result.hits.append(self._hit(fields, 0.0, empty))

    def _compile(self, searcher: Searcher, tree: Node) -> Compiled:
        # The speaker registry is consulted (and merged, if stale) only for speaker: queries.
        return Compiler(
            searcher.reader(),
            lambda text: self._registry.names_for(text),
            self._index_view(searcher).lexicon,
        ).compile(tree)

    def _run(
        self,
        searcher: Searcher,
        compiled: Compiled,
        result: SearchResult,
        limit: int,
        sort: str,
        facets: bool,
    ) -> None:
        view = self._index_view(searcher)
        scores = Evaluator(view).scores(compiled.query)
        if sort == "date":
            ranked = by_date(scores, limit, view.column("day"))
        else:
            ranked = by_score(scores, limit, exact=facets)
        result.total, result.approximate = ranked.total, ranked.approximate
        if facets:
            matched = scores.confirmed()
            result.total, result.approximate = len(matched), False
            result.facets = self._facets(view, matched)
        for doc, score in ranked.hits:
            score = score if sort == "relevance" else 0.0  # by date, "score" is the date
            result.hits.append(self._hit(searcher.reader().stored_fields(doc), score, compiled))

    def _index_view(self, searcher: Searcher) -> IndexView:
        """The searcher's generation as the evaluator reads it (made once per generation)."""
        view = self._view
        if view is None or view.searcher is not searcher:
            view = self._view = IndexView(searcher)
        return view

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

    def _facets(self, view: IndexView, docs: Iterable[int]) -> dict[str, dict[str, int]]:
        """Counts by speaker and by source over ``docs``, from per-generation arrays; most
        first, equal counts by name."""
        docs = list(docs)
        by_source = Counter(filter(None, view.values_at("source_key", docs)))
        facets, of_doc = self._speakers_by_document(view)
        if of_doc is None:
            quoted: Iterable[Sequence[int]] = facets.quoted_in(view.values_at("id", docs))
        else:
            quoted = map(of_doc.__getitem__, docs)
        by_number = Counter(chain.from_iterable(quoted))
        names, speakers = facets.names, facets.speakers
        counts = ((speakers[k], n) for k, n in by_number.items())
        return {
            "speaker": _most_first((names.get(sid, sid), n) for sid, n in counts),
            "source": _most_first((_text(k), n) for k, n in by_source.items()),
        }

    def _speakers_by_document(
        self, view: IndexView
    ) -> tuple[SpeakerFacets, list[tuple[int, ...]] | None]:
        """The speaker facets, and the speakers' numbers each document quotes (by document
        number), kept for the generation: from the saved facets part, or from the registry
        (merged if need be). The documents' numbers are made for a generation's second
        search with facets (None before): a command's one search counts from the columns."""
        found = view.cache.get("speakers")
        if found is None:
            facets = self._corpus_state.speaker_facets() or speaker_facets(self._registry)
            found = view.cache["speakers"] = (facets, None)
        elif found[1] is None:
            facets = found[0]
            found = view.cache["speakers"] = (facets, facets.by_document(view.column("id")))
        return found

    # ── articles ─────────────────────────────────────────────────────────────────────

    def articles(self) -> list[ArticleInfo]:
        """Every indexed article's metadata, newest first (from memory, not the index)."""
        state = self._corpus_state
        try:
            infos = state.infos()
        except StateDamaged:
            articles = self._articles_of(state)
            infos = [a.info for a in articles.values() if a.info is not None]
        with self._lock:
            ix = self._ix
        ids = load_newest(build_folder(ix), state.generation) if ix is not None else None
        if ids is not None and len(ids) == len(infos):  # in the saved order: no sort
            by_id = {info.id: info for info in infos}
            ordered = [by_id.get(i) for i in ids]
            if all(ordered):
                return ordered  # type: ignore[return-value]
        return newest_first(infos)

    def _stored(self, article_id: str) -> Fields:
        fields = self._on_current_build(partial(self._document, article_id))
        if fields is None:
            raise KeyError(f"no article {article_id!r} in the index")
        return fields

    def _document(self, article_id: str) -> Fields | None:
        with self._lock:
            searcher = self._searcher_or_none()
            return searcher.document(id=article_id) if searcher is not None else None

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
        self,
        *,
        article: str | None = None,
        speaker: str | None = None,
        kind: str | None = None,
        cluster: bool = True,
    ) -> list[QuoteRecord]:
        """Quotes, filtered by article id, speaker (id or any alias) and kind; text order.

        With ``cluster=False`` the quotes carry their clusters only if already made or saved
        (the app: clustering 100,000 articles' quotes takes minutes and gigabytes, which its
        update child spends instead); otherwise they are clustered first when missing."""
        if cluster:
            by_quote: Mapping[tuple[str, int], str] = self._clusters.by_quote
        else:
            saved = self._corpus_state.clusters_if_saved()
            by_quote = saved.by_quote if saved is not None else {}
        if article is not None and speaker is None:
            light = self._corpus_state.article_speakers(article)
            if light is not None:  # one article: its own speakers, not the whole registry
                local, cards = light
                names = {sid: card[0] for sid, card in cards.items()}
                return self._records(article, local.get, names, by_quote, kind)
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
            article_ids = sorted(self._articles_of(self._corpus_state))
        names = {s.id: s.name for s in self._registry.index.speakers}
        index = self._registry.index
        records: list[QuoteRecord] = []
        for aid in article_ids:
            try:
                speaker_id = partial(index.speaker_id, aid)
                records += self._records(aid, speaker_id, names, by_quote, kind, wanted)
            except KeyError:
                if article is not None:
                    raise
        return records

    def _records(
        self,
        article_id: str,
        speaker_id: Callable[[str], str | None],
        names: dict[str, str],
        clusters: Mapping[tuple[str, int], str],
        kind: str | None,
        wanted: set[str] | None = None,
    ) -> list[QuoteRecord]:
        """One article's quotes with their speakers' corpus-wide ids and names, and the
        cluster each is in (``clusters``: by article and quote number)."""
        fields = self._stored(article_id)
        records = []
        for n, q in enumerate(stored_quotes(fields)):
            if kind is not None and q.kind != kind:
                continue
            # joint speakers: the quote is each one's (speaker_ids); it is listed once, as
            # the first wanted speaker's (or the first speaker's)
            every = [speaker_id(each) for each in quote_speakers(q)]
            sids = [i for i in every if wanted is None or i in wanted]
            if wanted is not None and not sids:
                continue
            sid = next((i for i in sids if i is not None), None)
            name = names.get(sid or "")
            every_id: tuple[str, ...] = ()
            if len(q.speakers) > 1:
                name = " and ".join(
                    names.get(i or "", each) for i, each in zip(every, q.speakers, strict=True)
                )
                every_id = tuple(i for i in every if i is not None)
            cluster = clusters.get((article_id, n))
            records.append(QuoteRecord(article_id, fields["path"], q, sid, name, cluster, every_id))
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
        counts = Counter(
            sid
            for r in self.quotes(article=article, cluster=False)
            for sid in set(r.all_speaker_ids)
            if sid
        )
        light = self._corpus_state.article_speakers(article)
        if light is not None:
            cards = light[1]
        else:
            cards = {
                s.id: (s.name, s.kind, s.aliases, s.roles) for s in self._registry.index.speakers
            }
        return sorted(
            (
                Speaker(
                    id=sid,
                    name=cards[sid][0],
                    kind=cards[sid][1],  # type: ignore[arg-type]
                    aliases=cards[sid][2],
                    roles=cards[sid][3],
                    quotes=n,
                    articles=(article,),
                )
                for sid, n in counts.items()
                if sid in cards
            ),
            key=lambda s: (-s.quotes, s.name),
        )

    @property
    def article_count(self) -> int:
        """How many articles the index holds."""
        with self._lock:
            searcher = self._searcher_or_none()
            return searcher.doc_count() if searcher is not None else 0


def _most_first(counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """``counts`` as a dict, the highest first and equal ones by name (not in the order the
    matches happened to be gathered in, which differs between kinds of query). Two speakers
    of one name (not merged: two people) show as that name with the higher count."""
    out: dict[str, int] = {}
    for name, count in sorted(counts, key=lambda item: (-item[1], item[0])):
        out.setdefault(name, count)
    return out


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value
