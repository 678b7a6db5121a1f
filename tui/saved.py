"""What the user keeps on purpose: saved searches, bookmarks and read marks.

One small JSON file in the user data directory (``~/.local/share/newsbrowse/saved.json`` on
Linux), unlike the reading positions and theme of :mod:`.user_state`, which are a
convenience kept in the state directory. This file holds the user's own work, so:

- it carries a version; a file from a newer newsbrowse is read but never overwritten;
- it is written atomically (a temporary file renamed over it), and re-read before each
  change, so two running apps add to it rather than undo each other;
- a damaged file is never overwritten or lost: it is renamed aside
  (``saved.json.damaged-<time>``), whatever could be read from it is kept, and
  :attr:`SavedStore.problem` says so in one line.

Saved searches are global (a query means the same in any folder); bookmarks and read marks
belong to one corpus folder (article ids are paths inside it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from newsbrowse.index.atomic import replacing
from newsbrowse.index.locations import APP
from newsbrowse.index.model import Span

VERSION = 1
SORTS = ("relevance", "date")


def saved_path() -> Path:
    """The file: ``<user data dir>/newsbrowse/saved.json``."""
    return platformdirs.user_data_path(APP) / "saved.json"


def now() -> str:
    """The time now, as saved (ISO 8601, UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SavedSearch:
    """A query kept under a name (like notmuch's saved searches)."""

    name: str
    query: str
    sort: str = "relevance"


@dataclass(frozen=True)
class Bookmark:
    """An article, or one quote in it (``quote`` is its span), kept to come back to."""

    article: str
    label: str  # what to show: the article's title, or the quote and its speaker
    quote: Span | None = None
    created: str = ""

    @property
    def key(self) -> tuple[str, Span | None]:
        """What makes two bookmarks the same."""
        return (self.article, self.quote)


class Damaged(ValueError):
    """The file could not be read as a saved-items file."""


@dataclass
class _Data:
    searches: list[SavedSearch]
    bookmarks: dict[str, list[Bookmark]]  # corpus key → bookmarks, oldest first
    read: dict[str, set[str]]  # corpus key → article ids


class SavedStore:
    """Saved searches, and per corpus bookmarks and read marks, kept in one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None  # one line for the user, set when something is wrong
        self.writable = True
        self._data = _Data([], {}, {})

    @classmethod
    def load(cls, path: Path | None = None) -> SavedStore:
        """Read the file (a missing one is an empty store); never raises."""
        store = cls(path or saved_path())
        store._reload()
        return store

    # ----- reading --------------------------------------------------------------------------

    @property
    def searches(self) -> list[SavedSearch]:
        """The saved searches, in the order saved."""
        return list(self._data.searches)

    def bookmarks(self, corpus: str) -> list[Bookmark]:
        """The corpus's bookmarks, newest first."""
        return list(reversed(self._data.bookmarks.get(corpus, [])))

    def bookmark(self, corpus: str, article: str, quote: Span | None) -> Bookmark | None:
        """The bookmark of this article (or quote), if there is one."""
        for mark in self._data.bookmarks.get(corpus, []):
            if mark.key == (article, quote):
                return mark
        return None

    def read(self, corpus: str) -> set[str]:
        """The ids of the corpus's articles marked read."""
        return set(self._data.read.get(corpus, ()))

    def is_read(self, corpus: str, article: str) -> bool:
        return article in self._data.read.get(corpus, ())

    # ----- changing (each re-reads the file, changes it and writes it at once) -------------

    def save_search(self, name: str, query: str, sort: str = "relevance") -> bool:
        """Keep ``query`` under ``name`` (replacing a search of that name); True if it
        replaced one."""
        replaced = False

        def change(data: _Data) -> None:
            nonlocal replaced
            replaced = any(s.name == name for s in data.searches)
            search = SavedSearch(name, query, sort if sort in SORTS else "relevance")
            if replaced:
                data.searches = [search if s.name == name else s for s in data.searches]
            else:
                data.searches.append(search)

        self._change(change)
        return replaced

    def remove_search(self, name: str) -> None:
        """Forget the saved search called ``name``."""

        def change(data: _Data) -> None:
            data.searches = [s for s in data.searches if s.name != name]

        self._change(change)

    def toggle_bookmark(self, corpus: str, bookmark: Bookmark) -> bool:
        """Add the bookmark, or remove it if it is there already; True if it was added."""
        added = False

        def change(data: _Data) -> None:
            nonlocal added
            marks = data.bookmarks.setdefault(corpus, [])
            kept = [m for m in marks if m.key != bookmark.key]
            added = len(kept) == len(marks)
            if added:
                kept.append(bookmark if bookmark.created else _stamped(bookmark))
            data.bookmarks[corpus] = kept

        self._change(change)
        return added

    def remove_bookmark(self, corpus: str, article: str, quote: Span | None) -> None:
        """Forget one bookmark."""

        def change(data: _Data) -> None:
            marks = data.bookmarks.get(corpus, [])
            data.bookmarks[corpus] = [m for m in marks if m.key != (article, quote)]

        self._change(change)

    def set_read(self, corpus: str, article: str, read: bool = True) -> bool:
        """Mark an article read (or unread); True if that changed anything."""
        if self.is_read(corpus, article) == read:
            return False

        def change(data: _Data) -> None:
            ids = data.read.setdefault(corpus, set())
            if read:
                ids.add(article)
            else:
                ids.discard(article)

        self._change(change)
        return True

    def _change(self, change: Callable[[_Data], None]) -> None:
        self._reload()
        change(self._data)
        self._write()

    # ----- the file -----------------------------------------------------------------------

    def _reload(self) -> None:
        """Read the file into memory. A damaged file is set aside (its readable entries
        kept); one that can't be read, or comes from a newer version, is left alone and
        nothing more is written to it."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:  # none yet (or removed meanwhile: keep what is held)
            return
        except OSError as error:
            self._stop(f"can't read {self.path}: {_reason(error)}")
            return
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:  # UnicodeDecodeError is one
            self._set_aside("it is not valid JSON")
            return
        try:
            self._data = _parse(data, strict=True)
        except Damaged as error:
            try:
                self._data = _parse(data, strict=False)
            except Damaged:
                self._data = _Data([], {}, {})
            if isinstance(data, dict) and _version(data) > VERSION:
                self._stop(
                    f"{self.path} was written by a newer newsbrowse; changes made now are not saved"
                )
                return
            self._set_aside(str(error))

    def _set_aside(self, why: str) -> None:
        """Rename the damaged file aside (never over another file) and say so."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        try:
            self.path.rename(aside)
        except OSError as error:
            self._stop(f"{self.path} is damaged ({why}) and can't be set aside: {_reason(error)}")
            return
        self.problem = (
            f"Saved searches and bookmarks: {self.path.name} was damaged ({why}); "
            f"kept it as {aside} and started a new one with what could be read"
        )

    def _stop(self, problem: str) -> None:
        self.writable = False
        self.problem = problem

    def _write(self) -> None:
        if not self.writable:
            return
        data = _dump(self._data)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replacing(self.path) as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
                handle.write("\n")
        except OSError as error:
            self.problem = f"can't save {self.path}: {_reason(error)}"


def _stamped(bookmark: Bookmark) -> Bookmark:
    return Bookmark(bookmark.article, bookmark.label, bookmark.quote, now())


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _version(data: dict[str, Any]) -> int:
    version = data.get("version")
    return version if isinstance(version, int) else 0


def _parse(data: object, *, strict: bool) -> _Data:
    """The file's content as :class:`_Data`. ``strict``: any bad entry is :class:`Damaged`;
    else bad entries are skipped (what is kept of a damaged file)."""
    if not isinstance(data, dict):
        raise Damaged("it holds no table of saved items")
    version = data.get("version")
    if version != VERSION and strict:
        raise Damaged(f"unknown version {version!r}")
    out = _Data([], {}, {})

    def bad(what: str) -> None:
        if strict:
            raise Damaged(what)

    searches = data.get("searches", [])
    for item in searches if isinstance(searches, list) else []:
        if (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("query"), str)
        ):
            sort = item.get("sort")
            out.searches.append(
                SavedSearch(item["name"], item["query"], sort if sort in SORTS else "relevance")
            )
        else:
            bad("a saved search is not readable")
    if not isinstance(searches, list):
        bad("the saved searches are not a list")
    corpora = data.get("corpora", {})
    if not isinstance(corpora, dict):
        bad("the corpora are not a table")
        corpora = {}
    for corpus, entry in corpora.items():
        if not isinstance(entry, dict):
            bad(f"corpus {corpus!r} is not a table")
            continue
        marks = entry.get("bookmarks", [])
        for item in marks if isinstance(marks, list) else []:
            mark = _bookmark(item)
            if mark is None:
                bad("a bookmark is not readable")
            else:
                out.bookmarks.setdefault(corpus, []).append(mark)
        read = entry.get("read", [])
        if not isinstance(read, list) or not all(isinstance(x, str) for x in read):
            bad("the read marks are not a list of article ids")
        else:
            out.read[corpus] = set(read)
    return out


def _bookmark(item: object) -> Bookmark | None:
    if not isinstance(item, dict):
        return None
    article, label, quote = item.get("article"), item.get("label"), item.get("quote")
    created = item.get("created", "")
    if not isinstance(article, str) or not isinstance(label, str):
        return None
    span: Span | None = None
    if quote is not None:
        if not (
            isinstance(quote, list)
            and len(quote) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in quote)
        ):
            return None
        span = (quote[0], quote[1])
    return Bookmark(article, label, span, created if isinstance(created, str) else "")


def _dump(data: _Data) -> dict[str, Any]:
    corpora: dict[str, Any] = {}
    for corpus in sorted(set(data.bookmarks) | set(data.read)):
        corpora[corpus] = {
            "bookmarks": [
                {
                    "article": m.article,
                    "label": m.label,
                    "quote": list(m.quote) if m.quote is not None else None,
                    "created": m.created,
                }
                for m in data.bookmarks.get(corpus, [])
            ],
            "read": sorted(data.read.get(corpus, ())),
        }
    return {
        "version": VERSION,
        "searches": [{"name": s.name, "query": s.query, "sort": s.sort} for s in data.searches],
        "corpora": corpora,
    }
