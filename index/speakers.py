"""One speaker, many names: folding spellings and merging speakers across the corpus.

``fold_name`` is used both when indexing and when querying, so ``speaker:tkachenkiy``
finds Tkachenkyi and Tkachenky. ``merge_counted`` groups each article's speakers into
corpus-wide :class:`~.model.Speaker` records in linear time (dictionary look-ups, no
pairwise comparisons): full names by their folded first and last name, a lone surname with
the one full name in the corpus that ends with it, organisations by their folded name.
:class:`SpeakerRegistry` is that merge plus what search needs of it, kept with the index's
state and merged again only after the index changes. (Who is who inside one article is the
extractor's :class:`~.quotes.entities.ArticleEntities`.)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .model import ArticleSpeaker, ArticleSpeakers, Extraction, Speaker, SpeakerKind

# Transliteration variants of common Slavic first names, folded to one spelling.
_NAME_GROUPS = [
    "alexander aleksandr alexandr oleksandr oleksander aleksander aleksandar",
    "alexandra aleksandra oleksandra",
    "alexei alexey aleksei aleksey oleksiy oleksii olexiy",
    "sergey sergei serhiy serhii sergiy sergii",
    "dmitry dmitri dmitriy dmitrii dmytro",
    "mikhail mykhailo mykhaylo mihail",
    "andrey andrei andriy andrii",
    "yuri yuriy yurii iurii yury",
    "yevgeny evgeny evgeniy yevgeniy yevhen evgenii",
    "vitaly vitaliy vitalii vitali",
    "anatoly anatoliy anatolii",
    "oleg oleh",
    "olga olha",
    "tatiana tatyana tetiana tatjana",
    "natalia natalya nataliya",
    "yulia yuliya yuliia",
    "maria mariya",
    "igor ihor",
    "kirill kyrylo",
    "denis denys",
    "vladislav vladyslav",
    "vasily vasyl vasiliy vasilii",
    "grigory hryhoriy grigoriy",
    "georgy heorhiy georgiy georgii",
    "maxim maksim maksym",
    "yekaterina ekaterina kateryna",
    "nikolai nikolay mykola",
    "pyotr petr petro",
    "yaroslav jaroslav",
    "valery valeriy valerii",
    "arseniy arseny arsenii",
    "svetlana svitlana",
    "iryna irina",
    "olena elena yelena",
    "halyna galina",
]
_CANON = {v: g.split()[0] for g in _NAME_GROUPS for v in g.split()}
_APOSTROPHE_RE = re.compile(r"[’'`]")
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ı": "i", "œ": "oe"})
_WORD_RE = re.compile(r"\w+")
_STOP = frozenset(["the", "of", "for", "and", "a", "an"])


_ENDINGS = ("yy", "iy", "yi", "ij", "ii", "yj")


def _fold_token(tok: str) -> str:
    if tok in _CANON:
        return _CANON[tok]
    if len(tok) > 4 and tok.endswith(_ENDINGS):
        return tok[:-2] + "y"
    return tok


@lru_cache(maxsize=1 << 18)
def fold_name(name: str) -> str:
    """Lowercase, accents folded, transliterations unified: "Tkachenkyi" -> "tkachenky"."""
    text = name.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
        text = "".join(c for c in text if not unicodedata.combining(c))
    if "'" in text or "’" in text or "`" in text:
        text = _APOSTROPHE_RE.sub("", text)
    return " ".join([_fold_token(t) for t in _WORD_RE.findall(text.replace("_", " "))])


def speaker_terms(name: str) -> list[str]:
    """Folded tokens of a speaker's name for the search index's ``speaker`` field."""
    return fold_name(name).split()


def _slug(name: str) -> str:
    return "-".join(fold_name(name).split()) or "speaker"


def _person_key(folded: str) -> str:
    """First and last folded token: "anna k berg" -> "anna berg"."""
    parts = folded.split()
    return parts[0] if len(parts) < 2 else parts[0] + " " + parts[-1]


def _org_key(folded: str) -> str:
    parts = [p for p in folded.split() if p not in _STOP]
    return "org:" + " ".join(parts)


class _Group:
    """Everything seen of one corpus-wide speaker while merging."""

    __slots__ = ("aliases", "articles", "key", "kind", "names", "quotes", "roles")

    def __init__(self, key: str, kind: SpeakerKind) -> None:
        self.key = key
        self.kind = kind
        self.names: dict[str, int] = {}
        self.aliases: dict[str, None] = {}
        self.roles: dict[str, int] = {}
        self.quotes = 0
        self.articles: list[str] = []


class SpeakerIndex:
    """Corpus-wide speakers, and the way from an article's local names to them."""

    def __init__(self, speakers: list[Speaker], local: dict[tuple[str, str], str]) -> None:
        self.speakers = speakers
        self._local = local
        self._rank = {s.id: n for n, s in enumerate(speakers)}
        self._tables: tuple[dict[str, list[str]], ...] | None = None

    def _lookup(self) -> tuple[dict[str, list[str]], ...]:
        """Phrase and token tables for :meth:`resolve`, built on first use."""
        if self._tables is not None:
            return self._tables
        phrase: dict[str, list[str]] = defaultdict(list)
        name_tokens: dict[str, list[str]] = defaultdict(list)
        alias_tokens: dict[str, list[str]] = defaultdict(list)
        for s in self.speakers:
            folded = fold_name(s.name)
            own = set(folded.split())
            phrase[folded].append(s.id)
            phrase[s.id].append(s.id)
            for tok in own - _STOP:
                name_tokens[tok].append(s.id)
            seen = {folded}
            for alias in s.aliases:
                fa = fold_name(alias)
                if fa and fa not in seen:
                    seen.add(fa)
                    phrase[fa].append(s.id)
            for tok in {t for a in seen for t in a.split()} - _STOP - own:
                alias_tokens[tok].append(s.id)
        self._tables = (phrase, name_tokens, alias_tokens)
        return self._tables

    def speaker_id(self, article_id: str, local_name: str) -> str | None:
        """The corpus-wide id of the speaker an article calls ``local_name``."""
        return self._local.get((article_id, local_name))

    def resolve(self, query: str) -> list[str]:
        """Ids of speakers whose name or aliases match ``query``, most quoted first."""
        folded = fold_name(query)
        if not folded:
            return []
        phrase, name_tokens, alias_tokens = self._lookup()
        ids = set(phrase.get(folded, [])) | set(phrase.get(query.strip(), []))
        tokens = [t for t in folded.split() if t not in _STOP] or folded.split()
        for table in (name_tokens, alias_tokens):
            found = set.intersection(*(set(table.get(t, ())) for t in tokens))
            if found or ids:
                ids |= found
                break
        return sorted(ids, key=lambda i: self._rank.get(i, len(self._rank)))


def _full_names(speaker_lists: Iterable[Sequence[ArticleSpeaker]]) -> dict[str, set[str]]:
    """Folded last name -> person keys of every full (two-word or longer) name."""
    by_last: dict[str, set[str]] = defaultdict(set)
    for speakers in speaker_lists:
        for sp in speakers:
            if sp.kind == "person":
                folded = fold_name(sp.name)
                if len(folded.split()) >= 2:
                    by_last[folded.split()[-1]].add(_person_key(folded))
    return by_last


def _key(sp: ArticleSpeaker, by_last: Mapping[str, set[str]]) -> str:
    folded = fold_name(sp.name)
    if sp.kind == "organisation":
        return _org_key(folded)
    parts = folded.split()
    if len(parts) == 1 and len(by_last.get(parts[0], ())) == 1:
        return next(iter(by_last[parts[0]]))
    return _person_key(folded)


def _quote_counts(ex: Extraction) -> dict[str | None, int]:
    """Quotes per local name; a joint quote counts for each of its speakers."""
    counts: dict[str | None, int] = {}
    for q in ex.quotes:
        for name in q.speakers or (q.speaker,):
            counts[name] = counts.get(name, 0) + 1
    return counts


def merge_speakers(extractions: Mapping[str, Extraction]) -> SpeakerIndex:
    """Merge every article's speakers into corpus-wide speakers."""
    return merge_counted({aid: (ex.speakers, _quote_counts(ex)) for aid, ex in extractions.items()})


CountedSpeakers = tuple[Sequence[ArticleSpeaker], Mapping[str | None, int]]


def merge_counted(articles: Mapping[str, CountedSpeakers]) -> SpeakerIndex:
    """Merge every article's speakers, given with their quote counts by local name."""
    by_last = _full_names(speakers for speakers, _ in articles.values())
    groups: dict[str, _Group] = {}
    local_keys: dict[tuple[str, str], str] = {}
    for article_id, (article_speakers, counts) in articles.items():
        for sp in article_speakers:
            key = _key(sp, by_last)
            g = groups.get(key)
            if g is None:
                g = groups[key] = _Group(key, sp.kind)
            g.names[sp.name] = g.names.get(sp.name, 0) + 1
            g.aliases.setdefault(sp.name, None)
            for alias in sp.aliases:
                g.aliases.setdefault(alias, None)
            for role in sp.roles:
                g.roles[role] = g.roles.get(role, 0) + 1
            g.quotes += counts.get(sp.name, 0)
            g.articles.append(article_id)
            local_keys[(article_id, sp.name)] = key
    speakers, ids = _build(groups.values())
    local = {k: ids[key] for k, key in local_keys.items()}
    return SpeakerIndex(speakers, local)


def _display_name(g: _Group) -> str:
    """The most frequent of the fullest names (ties: the longest, then alphabetical)."""
    if len(g.names) == 1:
        return next(iter(g.names))
    most = max(n.count(" ") for n in g.names)
    full = [(-c, -len(n), n) for n, c in g.names.items() if n.count(" ") == most]
    return min(full)[2]


def _build(groups: Iterable[_Group]) -> tuple[list[Speaker], dict[str, str]]:
    """Speakers with stable slug ids, most quoted first."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    out = []
    for g in sorted(groups, key=lambda g: g.key):
        name = _display_name(g)
        slug = _slug(name)
        if slug in taken:
            slug = f"{slug}-{'org' if g.kind == 'organisation' else 'person'}"
        base, n = slug, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        taken.add(slug)
        ids[g.key] = slug
        aliases = tuple(a for a in g.aliases if a != name)
        roles = tuple(sorted(g.roles, key=lambda r: -g.roles[r]))
        articles = tuple(sorted(set(g.articles)))
        out.append(Speaker(slug, name, g.kind, aliases, roles, g.quotes, articles))
    out.sort(key=lambda s: (-s.quotes, -len(s.articles), s.id))
    return out, ids


# ── the corpus's registry ───────────────────────────────────────────────────────────────


@dataclass
class SpeakerRegistry:
    """Merged speakers plus what search needs from them."""

    index: SpeakerIndex
    names: dict[str, set[str]] = field(default_factory=dict)  # id -> folded local names
    by_article: dict[str, set[str]] = field(default_factory=dict)  # article -> quoted ids

    def names_for(self, text: str) -> list[str]:
        """Folded names to search for ``speaker:text`` (every merged spelling)."""
        found = {" ".join(speaker_terms(text))}
        for sid in self.index.resolve(text):
            found |= self.names.get(sid, set())
        return sorted(n for n in found if n)


def build_registry(articles: Mapping[str, ArticleSpeakers]) -> SpeakerRegistry:
    """Merge every article's speakers (quote counts are all the merge needs of quotes)."""
    index = merge_counted(
        {
            aid: (a.speakers, Counter(name for name, _ in (*a.quotes, *a.joint)))
            for aid, a in articles.items()
        }
    )
    registry = SpeakerRegistry(index)
    for aid, a in articles.items():
        quoted = {name for name, _ in (*a.quotes, *a.joint) if name}
        for sp in a.speakers:
            sid = index.speaker_id(aid, sp.name)
            if sid is None:
                continue
            registry.names.setdefault(sid, set()).add(" ".join(speaker_terms(sp.name)))
            if sp.name in quoted:
                registry.by_article.setdefault(aid, set()).add(sid)
    return registry
