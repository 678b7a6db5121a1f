"""Markdown clippings: front matter as metadata, the Markdown as plain text.

Web clippers save an article as Markdown with a front-matter block (``title``, ``author``,
``published``, ``source`` — often the page's URL —, ``tags``). The front matter gives the
metadata; the body is read as plain text with its Markdown syntax taken out (headings,
emphasis, links, images, code fences, block quotes), so a reader sees the words, not the
marks, and the plain-text rules find whatever the front matter does not say.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .dates import parse_date
from .hints import Hints
from .metadata import URL, clean_outlet, joined_names, name_list

_FRONT = re.compile(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S
)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w -]*?)\s*[:=]\s*(?P<value>.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(?P<value>.+)$")
_KEYS = {
    "title": ("title", "headline"),
    "subtitle": ("subtitle", "dek", "standfirst", "subheadline"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "date_published"),
    "author": ("author", "authors", "byline", "by", "creator"),
    "source": ("source", "publisher", "publication", "site", "site_name", "sitename", "outlet"),
    "url": ("url", "link", "source_url", "canonical", "canonical_url", "original_url", "source"),
    "section": ("section", "category", "categories"),
}
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?:[^()\s]+|[^()]*\([^()]*\))(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(?P<a>.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)(?P<b>[^*]+?)(?<=\S)\*(?!\w)"
)
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(?P<c>[^_]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`+(?P<code>[^`]+)`+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<rest>\S.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


@dataclass(frozen=True, slots=True)
class Clipping:
    """A Markdown file read: its plain text and the front matter's metadata."""

    text: str
    hints: Hints


def read_markdown(source: str) -> Clipping:
    """Split off the front matter, turn the Markdown into plain text, keep the metadata."""
    front: dict[str, list[str]] = {}
    m = _FRONT.match(source)
    if m:
        front = _front_matter(m.group("body"))
        source = source[m.end() :]
    lines, heading = _plain_lines(source.split("\n"))
    title = _first(front, "title") or heading
    if title:
        title = _inline(title)
        while lines and not lines[0].strip():
            lines = lines[1:]
        if lines and lines[0].strip() == title:  # the heading repeats the front matter's title
            lines = lines[1:]
        lines = [title, "", *lines]
    text = "\n".join(lines).strip("\n")
    hints = Hints(
        title_span=(0, len(title)) if title and text.startswith(title) else None,
        date=_front_date(front),
        author=_front_author(front),
        source=_front_source(front),
        url=_front_url(front),
        section=_first(front, "section"),
        subtitle=_first(front, "subtitle"),
    )
    return Clipping(text, hints)


def _front_matter(block: str) -> dict[str, list[str]]:
    """``key: value`` pairs (YAML's simple form, TOML's ``key = value``); lists kept."""
    out: dict[str, list[str]] = {}
    key: str | None = None
    for raw in block.split("\n"):
        item = _LIST_ITEM.match(raw)
        if item and key is not None:
            out.setdefault(key, []).append(_unquote(item.group("value")))
            continue
        m = _KEY.match(raw.strip())
        if not m:
            continue
        key = m.group("key").strip().lower().replace(" ", "_").replace("-", "_")
        value = m.group("value").strip()
        if value.startswith("[") and value.endswith("]"):
            out[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            out[key] = [_unquote(value)]
    return out


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    m = re.fullmatch(r"\[\[(?P<name>[^\]|]+)(?:\|[^\]]*)?\]\]", value)  # [[Wiki Link]]
    return (m.group("name") if m else value).strip()


def _first(front: dict[str, list[str]], field: str) -> str | None:
    for key in _KEYS[field]:
        for value in front.get(key, ()):
            if value and not (field != "url" and URL.fullmatch(value)):
                return value
    return None


def _front_date(front: dict[str, list[str]]) -> str | None:
    value = _first(front, "date")
    return parse_date(value) if value else None


def _front_author(front: dict[str, list[str]]) -> str | None:
    for key in _KEYS["author"]:
        names = [n for n in front.get(key, ()) if n and not URL.fullmatch(n)]
        if names:
            if len(names) == 1:
                return name_list(names[0]) or names[0]
            return joined_names(names)
    return None


def _front_source(front: dict[str, list[str]]) -> str | None:
    value = _first(front, "source")
    return clean_outlet(value) if value else None


def _front_url(front: dict[str, list[str]]) -> str | None:
    for key in _KEYS["url"]:
        for value in front.get(key, ()):
            if URL.fullmatch(value):
                return value
    return None


def _plain_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """The Markdown's lines as plain text, and its first level-one heading."""
    out: list[str] = []
    heading: str | None = None
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            out.append(line)
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            out.append("")
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            if heading is None and line.strip().startswith("="):
                heading = out[-1].strip()
            out.append("")
            continue
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        m = _HEADING.match(line)
        if m:
            text = _inline(m.group("text"))
            if heading is None and line.lstrip().startswith("# "):
                heading = text
            out.append(text)
            continue
        bullet = _BULLET.match(line)
        if bullet:
            line = f"{bullet.group('indent')}• {bullet.group('rest')}"
        out.append(_inline(line))
    return out, heading


def _inline(text: str) -> str:
    """Markdown's inline marks out: images, links, emphasis, code, inline HTML, entities."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _REF_LINK.sub(lambda m: m.group("text"), text)
    text = _AUTOLINK.sub(lambda m: m.group("url"), text)
    text = _CODE.sub(lambda m: m.group("code"), text)
    for _ in range(2):  # nested emphasis: ***both***
        text = _EMPHASIS.sub(lambda m: m.group("a") or m.group("b"), text)
    text = _UNDERSCORE.sub(lambda m: m.group("c"), text)
    text = _TAG.sub("", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text)  # backslash escapes
    return html.unescape(text).rstrip()
