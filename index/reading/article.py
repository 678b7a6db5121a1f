"""Reading one article file into an :class:`~newsbrowse.index.model.Article`: the size
limit, what kind of file it is (plain text, a saved web page, Markdown, or not an article),
decoding, then the layout and the metadata."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from itertools import pairwise
from pathlib import Path

from ..errors import UnreadableFile
from ..model import Article
from .chrome import nav_line, site_name_shape
from .datelines import dateline_at
from .dates import counted_back, first_appeared, trailer_date, url_date
from .decode import decode_text, strip_controls, unmark_links
from .hints import Hints
from .layout import Layout, layout, unquoted
from .lowercase import as_printed, cased_view
from .markdown import read_markdown
from .metadata import (
    URL,
    credited_author,
    pick_date,
    reported_source,
    signed_outlet,
)
from .sniff import kind_of
from .sources import (
    about_outlet,
    choose,
    copyright_outlet,
    credit_outlet,
    disclaimed_outlet,
    expand_initials,
    masthead_outlet,
    named_host,
    organisation,
    prompt_outlet,
    self_named_outlet,
    signoff_outlet,
)

MAX_BYTES = 8 * 2**20
_OPENING_PARAGRAPHS = 3  # an outlet names itself early (dateline, "X reports"); later it cites
_TOP_LINES = 12  # a site's name atop the text is among its first lines
_FOOTER_LINES = 8  # a page's statements about itself are at its very end
_CLOSING_URL_LINES = 2


def read_article(path: Path, root: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read, decode and parse the article file at ``path`` inside the corpus ``root``.

    Raises :class:`UnreadableFile` for empty, binary, too-large and undecodable files;
    ``OSError`` (missing file, no permission) is left to the caller.
    """
    where = os.path.abspath(path)  # as str(Path(where)): both normalise alike
    article_id = _article_id(where, os.path.abspath(root))
    size = Path(where).stat().st_size
    if size > max_bytes:
        raise UnreadableFile(_too_large(size, max_bytes))
    with open(where, "rb") as f:
        data = f.read(size + 1)  # not max_bytes + 1: a buffer that large costs more than the read
        if len(data) > size:  # the file has grown since stat()
            data += f.read(max_bytes - size)
    if len(data) > max_bytes:
        raise UnreadableFile(_too_large(len(data), max_bytes))
    if not data:
        raise UnreadableFile("empty file")
    kind = kind_of(os.path.basename(where), data)
    content_hash = hashlib.blake2b(data, digest_size=16).hexdigest()
    hints: Hints | None = None
    if kind == "html":
        from .page import read_page  # lxml and trafilatura load only when a page is read

        page = read_page(data, _plain_article)
        text, hints = page.text, page.hints
        if not text.strip():
            raise UnreadableFile("web page without article text")
    else:
        text = unmark_links(decode_text(data))
        if not text or text.isspace():  # not text.strip(), without copying the text
            raise UnreadableFile("empty file (whitespace only)")
        if kind == "markdown":
            clipping = read_markdown(text)
            text, hints = strip_controls(clipping.text), clipping.hints
    return parse_article(text, article_id, where, content_hash, hints=hints)


def _article_id(where: str, root: str) -> str:
    """``Path(where).relative_to(root).as_posix()`` of two absolute, normalised paths: for a
    file under ``root``, what follows ``root`` and a slash (string work, not pathlib's parsing
    of both paths)."""
    if (
        os.sep == "/"
        and len(root) > 1
        and where[len(root) : len(root) + 1] == "/"
        and where.startswith(root)
    ):
        return where[len(root) + 1 :]
    return Path(where).relative_to(root).as_posix()


def _plain_article(text: str, article_id: str, path: str) -> Article:
    """A page's visible lines read as a plain-text article (for the page rules)."""
    return parse_article(text, article_id, path)


def _too_large(size: int, limit: int) -> str:
    """``"too large (50.0 MB, limit 8 MB)"``."""
    return f"too large ({_size(size)}, limit {_size(limit).replace('.0 ', ' ')})"


def _size(n: int) -> str:
    """A byte count for people: ``50.0 MB``, ``12.5 KB``, ``900 bytes``."""
    if n >= 2**20:
        return f"{n / 2**20:.1f} MB"
    if n >= 2**10:
        return f"{n / 2**10:.1f} KB"
    return f"{n} bytes"


def parse_article(
    text: str, article_id: str, path: str, content_hash: str = "", *, hints: Hints | None = None
) -> Article:
    """Build an :class:`Article` from already decoded, control-stripped ``text`` (pure).

    ``hints`` are what a page's markup said (a web page's headline, byline, ...); they win
    over what the text's layout suggests.
    """
    view = cased_view(text) if hints is None else None
    if view is not None:  # a lower-case site: read through a cased copy of the same length
        return _as_printed(_parse(view, article_id, path, content_hash, None), text, view)
    return _parse(text, article_id, path, content_hash, hints)


def _parse(
    text: str, article_id: str, path: str, content_hash: str, hints: Hints | None
) -> Article:
    """The layout and the metadata of ``text`` (see :func:`parse_article`)."""
    found = layout(text, title_span=hints.title_span if hints else None)
    paragraphs = [text[s:e] for s, e in found.paragraphs]
    url = found.url = found.url or _printed_url(found, text) or _closing_url(text)
    title_span = found.title_span
    subtitle = found.subtitle_span
    author: str | None = found.author or credited_author(paragraphs)
    signed: str | None = None
    if author and organisation(author):
        signed = author  # "Posted ... by Eldham Parish News": the outlet
        author = None
    article = Article(
        id=article_id,
        path=path,
        text=unquoted(text) if found.quoted else text,
        paragraphs=tuple(found.paragraphs),
        title=text[title_span[0] : title_span[1]] if title_span else None,
        title_span=title_span,
        date=_date(found, paragraphs, text),
        author=author,
        source=_source(found, text, paragraphs, author, signed),
        cruft=tuple(found.cruft),
        content_hash=content_hash,
        url=url,
        section=found.section,
        subtitle=text[subtitle[0] : subtitle[1]] if subtitle else None,
    )
    return hints.apply(article) if hints else article


def _as_printed(article: Article, text: str, view: str) -> Article:
    """An article read from a cased copy, its text and names as the file prints them."""
    return dataclasses.replace(
        article,
        text=unquoted(text) if article.text != view else text,  # marks blanked in the view
        title=_slice(text, article.title_span),
        author=as_printed(text, view, article.author),
        source=as_printed(text, view, article.source),
        section=as_printed(text, view, article.section),
        subtitle=as_printed(text, view, article.subtitle),
        url=as_printed(text, view, article.url),
    )


def _slice(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def _date(found: Layout, paragraphs: list[str], text: str) -> str | None:
    """The publication day, from the most explicit place that states one: a date line, a
    dateline, a note that the piece first appeared elsewhere, a relative date counted back
    from the time the copy was made, the URL, a wire trailer, and last an e-mail's date."""
    return (
        pick_date(found.dates)
        or _dateline_date(paragraphs)
        or _first_appeared(paragraphs)
        or _counted_back(found)
        or url_date(found.url)
        or trailer_date(text)
        or found.sent
    )


def _first_appeared(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS] + paragraphs[-_OPENING_PARAGRAPHS:]:
        day = first_appeared(paragraph)
        if day:
            return day
    return None


def _counted_back(found: Layout) -> str | None:
    """``Published 5 hours ago`` beside the time the page was scraped or saved."""
    if found.relative is None or found.relative[0] == "updated":
        return None
    captured = next((d for d, _ in found.dates if d.kind == "captured"), None)
    return counted_back(captured, found.relative[1]) if captured else None


def _closing_url(text: str) -> str | None:
    """A bare address on one of the last lines (quoted or not): where a copied article came
    from."""
    for line in _last_lines(text, _CLOSING_URL_LINES):
        line = line.lstrip("> ")  # a forward quotes the article: "> https://..."
        if URL.fullmatch(line):
            return line
    return None


def _printed_url(found: Layout, text: str) -> str | None:
    """The address a browser prints at the foot of each page (``https://...   1/2``)."""
    for (s, e), reason in found.cruft:
        if reason == "print footer":
            return text[s:e].split()[0]
    return None


def _dateline_date(paragraphs: list[str]) -> str | None:
    """The day a dateline gives (``BRENNHOLM, June 2, 2026 /Wire/ --``), if it has a year."""
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS]:
        filed = dateline_at(paragraph)
        if filed and filed.date:
            return filed.date
    return None


def _source(
    found: Layout,
    text: str,
    paragraphs: list[str],
    author: str | None,
    signed: str | None,
) -> str | None:
    """The outlet, from the most trusted place that names one (see :mod:`.sources`).
    ``signed`` is an organisation's name found where the byline goes."""
    candidates: list[tuple[str, str]] = []
    closing = _last_lines(text, _FOOTER_LINES)  # the last line first
    if found.source:
        candidates.append(("label", found.source))
    if signed:
        candidates.append(("byline", signed))
    if found.masthead:
        name = masthead_outlet(found.masthead, text)
        if name:
            candidates.append(("masthead", name))
    if found.outlet:
        candidates.append(("byline", found.outlet))
    if found.card:
        candidates.append(("card", found.card))
    for k, paragraph in enumerate(paragraphs[:_OPENING_PARAGRAPHS]):
        filed = dateline_at(paragraph)
        if filed and filed.outlet:
            header = text[: found.paragraphs[k][0]]
            footer = "\n".join(closing)  # "© The Eldham Press"
            spelled = expand_initials(filed.outlet, header) or expand_initials(filed.outlet, footer)
            candidates.append(("dateline", spelled or filed.outlet))
        reported = reported_source(paragraph)
        if reported:
            candidates.append(("reported", reported))
    for (s, e), reason in found.cruft:
        line = text[s:e]
        if reason == "copyright notice" or "©" in line or "ⓒ" in line:
            name = copyright_outlet(line)
            if name and name != author:  # "© 2026 Ana Quell": a writer's own newsletter
                candidates.append(("copyright", name))
        elif reason in ("subscription prompt", "e-mail furniture"):
            name = prompt_outlet(line)
            if name:
                candidates.append(("prompt", name))
        elif reason == "photo caption":
            name = credit_outlet(line)
            if name:
                candidates.append(("credit", name))
    for s, e in found.paragraphs[-_FOOTER_LINES:]:
        heading, _, after = text[s:e].partition("\n")
        name = about_outlet(heading, after) if heading.startswith("About ") else None
        if name:
            candidates.append(("self", name))
    for line in closing:
        name = self_named_outlet(line)
        if name:
            candidates.append(("self", name))
        if "©" in line:
            name = copyright_outlet(line[line.index("©") :])
            if name and name != author:
                candidates.append(("copyright", name))
        name = disclaimed_outlet(line)
        if name:
            candidates.append(("self", name))
    for below, line in pairwise(closing):
        if nav_line(below):  # "The Eldham Gazette" over "About us   Contact   Terms"
            name = signoff_outlet(line, text, author)
            if name:
                candidates.append(("sign-off", name))
    if found.paragraphs:
        s, e = found.paragraphs[-1]
        name = signoff_outlet(text[s:e], text, found.author) or signed_outlet(text[s:e])
        if name:
            candidates.append(("sign-off", name))
    top = _first_plain_line(text, found)
    if found.section == top and top and site_name_shape(top):
        candidates.append(("top line", top))  # "Eldham Chronicle" over the headline
    address = found.url or found.host
    if address:
        name = named_host(address, text)
        if name:
            candidates.append(("named host", name))
    if found.role_outlet:
        candidates.append(("role", found.role_outlet))
    if found.site:
        candidates.append(("title", found.site))
    if found.sender and not found.forwarded:
        candidates.append(("sender", found.sender))
    if found.host:
        candidates.append(("host", found.host))
    return choose(_demoted(candidates))


def _demoted(candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A lone label in capitals taken for the masthead (``TOWN HALL``) is more likely a beat
    when the page signs off with a name that has an outlet's noun (``Eldham Daily
    Record``): it then ranks with the top line."""
    signed = any(kind in ("sign-off", "copyright") and organisation(n) for kind, n in candidates)
    if not signed:
        return candidates
    return [("top line", n) if k == "masthead" and _beat(n) else (k, n) for k, n in candidates]


def _beat(name: str) -> bool:
    """A short label in capitals without an outlet's noun: ``TOWN HALL``, ``TECH``."""
    return name.isupper() and len(name.split()) <= 3 and not organisation(name)


def _first_plain_line(text: str, found: Layout) -> str | None:
    """The text's first line that is not cruft (a menu's ``Sections``, ``Search``)."""
    crufty = {text[s:e].strip() for (s, e), reason in found.cruft if reason != "section label"}
    for line in first_lines(text, _TOP_LINES):
        line = line.strip()
        if line and line not in crufty:
            return line
    return None


def first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]``, splitting only as much of the text's start as holds them."""
    size = 2048
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):  # none of the first is cut off
            return lines[:count]
        size *= 4


def _last_lines(text: str, count: int) -> list[str]:
    """The last ``count`` non-blank lines of ``text``, stripped."""
    out: list[str] = []
    end = len(text)
    while end > 0 and len(out) < count:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            out.append(line)
        end = start - 1
    return out
