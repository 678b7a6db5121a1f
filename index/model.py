"""The engine's data types. Every position is a span ``(start, end)`` into ``Article.text``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerKind = Literal["person", "organisation"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "indirect")


@dataclass(frozen=True, slots=True)
class Article:
    """One article file, decoded and cleaned.

    ``text`` is the decoded file with control characters removed; it is never altered
    further, so every span the engine hands out indexes into it.
    """

    id: str  # path relative to the corpus root, with forward slashes
    path: str  # absolute path of the file
    text: str
    paragraphs: tuple[Span, ...]  # body paragraphs, cruft set aside
    title: str | None = None
    title_span: Span | None = None
    date: str | None = None  # ISO 8601 day, "2025-08-23"
    author: str | None = None
    source: str | None = None
    cruft: tuple[tuple[Span, str], ...] = ()  # (span, reason) of lines set aside
    content_hash: str = ""
    url: str | None = None  # the article's address on the web, where the file says it
    section: str | None = None  # the section the site files it under ("Courts")
    subtitle: str | None = None  # the standfirst under the headline

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (for indexing, not for spans)."""
        return "\n\n".join(self.text[s:e] for s, e in self.paragraphs)

    @property
    def label(self) -> str:
        """The title, or the first sentence of the body when the article has none."""
        if self.title:
            return self.title
        return first_sentence(self.body) or self.id


def first_sentence(text: str, limit: int = 120) -> str:
    """The first sentence of ``text``, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " ") and i > 20:
            text = text[: i + 1]
            break
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a speaker is named (or referred to) in the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote in one article. ``text == article.text[start:end]``.

    ``speaker`` is the speaker's name as resolved inside the article (``None`` = unknown),
    for joint speakers the names joined ("Ana Roe and Tom Berg"); ``speakers`` lists each
    name (empty when unknown). The library maps each to a corpus-wide :class:`Speaker` id.
    ``role`` is what the attribution calls the speaker ("the minister", "a source close to
    the star"); ``candidates`` whom an unknown (or unsure) speaker may be, likeliest first.
    ``confidence`` is calibrated: of quotes at 0.8 or more, at least 95% have the right
    speaker on the development sets.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_kind: SpeakerKind | None = None
    mention: Mention | None = None
    cue: str | None = None  # the reporting word: "said", "according to", "—", ...
    confidence: float = 0.5
    speakers: tuple[str, ...] = ()
    role: str | None = None
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)  # no slots: pickles (in the index state) much faster
class ArticleSpeaker:
    """A speaker as seen inside one article."""

    name: str  # the fullest name the article gives ("Kaja Kallas")
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()  # every surface form that named them
    roles: tuple[str, ...] = ()  # "EU High Representative", "press secretary of ..."
    gender: Literal["m", "f"] | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the quote extractor found in one article."""

    quotes: tuple[Quote, ...] = ()
    speakers: tuple[ArticleSpeaker, ...] = ()


@dataclass(frozen=True)  # no slots: pickles (in the index state) much faster
class Speaker:
    """One speaker across the corpus, all spellings merged."""

    id: str
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    quotes: int = 0
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A quote with its article and corpus-wide speaker, as the library hands it out."""

    article: str  # article id
    path: str
    quote: Quote
    speaker_id: str | None
    speaker_name: str | None
    cluster: str | None = None  # the id of its :class:`QuoteCluster`, if other articles report it
    speaker_ids: tuple[str, ...] = ()  # every speaker's id (joint speakers each get the quote)

    @property
    def all_speaker_ids(self) -> tuple[str | None, ...]:
        """The ids the quote counts for: each joint speaker's, else its one (or None)."""
        return self.speaker_ids or (self.speaker_id,)


@dataclass(frozen=True)  # no slots: pickles (in the index state) much faster
class ArticleInfo:
    """An article's metadata, without its text."""

    id: str
    path: str
    title: str | None
    label: str
    date: str | None
    author: str | None
    source: str | None
    url: str | None = None
    section: str | None = None


@dataclass  # no slots: pickles (in the index state) much faster
class ArticleSpeakers:
    """Who is quoted in one article: its speakers and each quote's (speaker, kind).

    What the corpus-wide speaker merge needs of an article, kept in the index's state.
    """

    speakers: tuple[ArticleSpeaker, ...] = ()
    quotes: tuple[tuple[str | None, QuoteKind], ...] = ()
    info: ArticleInfo | None = None  # the article's metadata, for listings without the index
    prints: tuple[bytes, ...] = ()  # each quote's fingerprint (quotes.fingerprint), for clusters
    joint: tuple[tuple[str, QuoteKind], ...] = ()  # joint quotes' other speakers: they count too


@dataclass(frozen=True)  # no slots: pickles (in the index state) much faster
class ClusterMember:
    """One report of a clustered statement: a quote of one article."""

    article: str  # article id
    quote: int  # the quote's position among its article's quotes (text order)
    date: str | None  # the article's date
    source: str | None  # the article's outlet


@dataclass(frozen=True)  # no slots: pickles (in the index state) much faster
class QuoteCluster:
    """One statement reported by several articles: its quotes, first reported first.

    ``members`` are in date order (undated last), so ``members[0]`` is the first report
    that the corpus holds.
    """

    id: str
    speaker_id: str | None
    members: tuple[ClusterMember, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that report it, each once, in date order."""
        return tuple(dict.fromkeys(m.article for m in self.members))

    @property
    def first(self) -> ClusterMember:
        """The earliest report."""
        return self.members[0]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result. ``snippet_spans`` index into ``snippet``; ``matches`` into the article."""

    article: str
    title: str | None
    label: str
    date: str | None
    source: str | None
    score: float
    snippet: str
    snippet_spans: tuple[Span, ...] = ()
    url: str | None = None


@dataclass(slots=True)
class SearchResult:
    """The answer to a query."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # every match, or an estimate when ``approximate``
    seconds: float = 0.0
    interpreted: str | None = None  # set when the query was repaired ("interpreted as …")
    error: str | None = None  # set when the query could not be run at all
    notes: list[str] = field(default_factory=list)  # e.g. "prefix wor* limited to 512 terms"
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # "speaker"/"source" -> counts
    approximate: bool = False  # ``total`` is an estimate ("about 5,500"): see search.rank


@dataclass(slots=True)
class UpdateReport:
    """What opening or refreshing a corpus did to its index."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    rebuilt: bool = False
    seconds: float = 0.0
    notice: str | None = None  # e.g. "another process is indexing; showing what is there"
