"""A saved web page to an article: its text (headline, standfirst, body) and what it states.

The body comes from trafilatura, the reference library for finding the article in a page,
run on a copy of the tree whose layout tables and tag soup are repaired first (old sites lay
pages out with ``<table>`` and wrap paragraphs in ``<font>``, which hides their paragraphs).
The metadata is weighed in :mod:`.page_meta`: the page's own markup (:mod:`.page_dom`)
where it states it, the plain-text rules (:mod:`.header`, :mod:`.sources`) read over the
visible lines of the article's container (read here) where it does not, trafilatura's own
metadata last.

The article's text is what a reader should see and nothing else: the headline, the
standfirst and the body paragraphs, blank lines between them, entities decoded, no markup.
Every span the engine hands out points into it.
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from ..errors import UnreadableFile
from ..model import Article
from .decode import strip_controls
from .hints import Hints
from .page_decode import decode_page
from .page_dom import page_facts
from .page_lines import page_lines
from .page_meta import (
    author_of,
    date_of,
    fold,
    section_of,
    source_of,
    subtitle_of,
    title_of,
    url_of,
)

_BLOCK = re.compile(r"p|div|table|ul|ol|dl|h[1-6]|blockquote|pre|section|article")
_INLINE = ("p", "font", "span", "b", "i", "em", "strong", "a", "center", "small", "big", "u")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# A tag, an entity, or what is left of a broken tag: a "<" not set apart by spaces ("0<",
# "<0" from "<h1><0"); "costs < forecasts" is text.
_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z!][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|<(?=\S)|(?<=\S)<|^<|<$", re.I
)
# A heading's span that is not the headline: its kicker, its standfirst, screen readers' words.
_HEADING_EXTRA = re.compile(
    r"kicker|overline|eyebrow|category|rubric|caption|standfirst|subtitle|subhead|\bdek\b"
    r"|visually-hidden|sr-only|screen-reader|aural",
    re.IGNORECASE,
)
_ACTION_LINK = re.compile(r"\s*(?:#|javascript:)", re.IGNORECASE)
_MIN_BODY_SHARE = 0.4  # trafilatura's body shorter than this share of the container's: use that
_CONTAINER_LINES = 3  # the article's container shows at least this many lines above the body

TextParser = Callable[[str, str, str], Article]  # parse_article(text, article_id, path)


@dataclass(frozen=True, slots=True)
class Page:
    """A page read: the article's text and the metadata hints that go with it."""

    text: str
    hints: Hints


def read_page(data: bytes, parse_text: TextParser) -> Page:
    """Read a saved page's bytes. ``parse_text`` lays out plain text (:func:`parse_article`)."""
    html = decode_page(data)
    root = _parse(html)
    facts = page_facts(root)
    extracted = _trafilatura(_repaired(root))
    paragraphs = _body(extracted.body) if extracted is not None else []
    shown = _container_article(root, paragraphs, parse_text)
    if shown is not None and _weak(paragraphs, shown):
        paragraphs = [shown.text[s:e] for s, e in shown.paragraphs if (s, e) != _span(shown)]
    paragraphs = _without_dateline_lines(paragraphs)
    title = _plain(title_of(facts, shown, extracted, root))
    subtitle = _plain(subtitle_of(facts, shown, title))
    pieces = [p for p in (title, subtitle) if p]
    seen = {fold(p) for p in pieces}
    pieces += [p for p in paragraphs if fold(p) not in seen]
    pieces = [strip_controls(p) for p in pieces]
    text = "\n\n".join(pieces)
    source = _plain(source_of(facts, shown, extracted, root, title))
    hints = Hints(
        title_span=(0, len(title)) if title else None,
        date=date_of(facts, shown, extracted, html),
        author=_plain(author_of(facts, shown, extracted, source)),
        source=source,
        url=url_of(facts, extracted),
        section=_plain(section_of(facts, shown, title)),
        subtitle=subtitle,
    )
    return Page(text, hints)


def _plain(value: str | None) -> str | None:
    """A metadata value as one line of text; ``None`` if it holds markup (a script's
    strings can reach a library's guesses) or nothing but punctuation (``<`` from a broken tag)."""
    if value is None:
        return None
    value = " ".join(strip_controls(value).split())
    if not any(ch.isalnum() for ch in value):
        return None
    return None if _MARKUP.search(value) else value


# ── parsing and repair ───────────────────────────────────────────────────────────────────


def _parse(html: str) -> HtmlElement:
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str with a declaration
    # Control characters are no HTML; lxml's parser keeps them in a text node, and then
    # refuses any text made from it (a script dropped before its tail: a ValueError).
    html = strip_controls(html)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(f"cannot read as a web page ({exc})") from None
    if root is None:
        raise UnreadableFile("cannot read as a web page (empty document)")
    _drop_heading_controls(root)
    return root


def _drop_heading_controls(root: HtmlElement) -> None:
    """Take out of each headline what sites put in it beside its words: controls (``<a
    href="#">Add to ...</a>``, a button: a link that goes nowhere is an action), a kicker,
    a standfirst or words for screen readers in spans of their own (``<span
    class="kicker">``, ``"caption"``, ``"visually-hidden"``). A heading that is nothing but
    those keeps them (themes wrap a headline in a link)."""
    for heading in root.iter("h1", "h2"):
        controls = [
            el
            for el in heading.iter("a", "button", "span", "small", "div", "p")
            if el.tag == "button"
            or (el.tag == "a" and _ACTION_LINK.match(el.get("href") or ""))
            or (el.tag != "a" and _HEADING_EXTRA.search(el.get("class") or ""))
        ]
        if not controls:
            continue
        left = heading.text_content()
        for el in controls:
            left = left.replace(el.text_content(), " ", 1)
        if left.strip():
            for el in controls:
                el.drop_tree()  # its tail, text after it in the heading, stays


def _repaired(root: HtmlElement) -> HtmlElement:
    """A copy whose layout tables are blocks and whose inline wrappers of blocks are blocks.

    ``<td><font><p>..<p>..</font></td>``: trafilatura would read the table as data and the
    ``<font>`` as one paragraph; as ``<div>`` they are the containers they are. Without
    its scripts, but for their data (JSON-LD, a framework's JSON): trafilatura read an ad
    script's code in an element named "author" as the author's name ("Googletag Cmd ...").
    """
    tree = copy.deepcopy(root)
    for script in list(tree.iter("script")):
        if "json" not in (script.get("type") or ""):
            script.drop_tree()
    layout_tables = [
        t
        for t in tree.iter("table")
        if t.find(".//p") is not None or t.find(".//table") is not None
    ]
    for table in layout_tables:
        for el in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            el.tag = "div"
    for el in reversed(list(tree.iter(*_INLINE))):  # innermost first: a wrapper's wrapper too
        if any(isinstance(c.tag, str) and _BLOCK.fullmatch(c.tag) for c in el.iterchildren()):
            el.tag = "div"
    return tree


def _trafilatura(tree: HtmlElement) -> Any:
    """trafilatura's extraction (a ``Document``), or ``None`` when it finds nothing."""
    import trafilatura  # loaded on first use: importing it costs ~0.3 s

    try:
        # Its libraries warn about what they find in a page ("tzname EST identified but not
        # understood", from dateutil): a page is data, and that must not reach the terminal.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return trafilatura.bare_extraction(
                tree,
                fast=True,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
            )
    except Exception:  # a library failing on one page must not stop indexing
        return None


def _body(body: HtmlElement | None) -> list[str]:
    """trafilatura's body as paragraphs: one per block, list items bulleted, rows joined."""
    if body is None:
        return []
    out: list[str] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            out.extend(f"• {t}" for item in el.iter("item") if (t := _flat(item)))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [c for cell in row.iter("cell") if (c := _flat(cell))]
                if cells:
                    out.append("  ".join(cells))
        else:
            text = _flat(el)
            if text:
                out.append(text)
    return out


def _flat(el: HtmlElement) -> str:
    """An extracted element's text, line breaks (``<lb/>``) kept, spaces collapsed."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


# ── the article's container, read as plain text ──────────────────────────────────────────


def _container_article(
    root: HtmlElement, paragraphs: list[str], parse_text: TextParser
) -> Article | None:
    """The visible lines of the element holding the story, laid out as a plain-text article.

    It is the nearest ancestor of the first body paragraph that shows a few lines above it
    (the headline, the byline, the date). Without a body to start from, the whole page.
    """
    start = _find_paragraph(root, paragraphs)
    node = start
    while node is not None and start is not None:
        lines = page_lines(node)
        anchor = fold(" ".join(start.text_content().split())[:40])
        above = 0
        for line in lines:
            if fold(line).startswith(anchor[:30]):
                break
            above += bool(line)
        if above >= _CONTAINER_LINES or node.tag == "body":
            return parse_text("\n".join(lines), "", "")
        node = node.getparent()
    body = root.find("body")
    return parse_text("\n".join(page_lines(body if body is not None else root)), "", "")


def _find_paragraph(root: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The element holding the first long body paragraph."""
    for paragraph in paragraphs[:4]:
        words = paragraph.split()
        if len(words) < 8:
            continue
        probe = " ".join(words[:5])
        found = root.xpath("//text()[contains(normalize-space(.), $p)]", p=probe)
        for node in found:
            parent = node.getparent()
            if parent is not None and parent.tag not in ("script", "style", "title", "head"):
                return parent
    return None


def _weak(paragraphs: list[str], shown: Article) -> bool:
    """Whether trafilatura's body is missing or much shorter than the container's story:
    its text up to the first related links after the story has begun (a page that runs
    the next stories in full under "Related Topics" holds several times one story)."""
    ours = sum(len(p) for p in paragraphs)
    begun = next((s for s, e in shown.paragraphs if len(shown.text[s:e].split()) >= 12), None)
    related = [s for (s, _), reason in shown.cruft if reason == "related link"]
    end = min((s for s in related if begun is not None and s > begun), default=len(shown.text))
    theirs = sum(min(e, end) - s for s, e in shown.paragraphs if s < end)
    return ours == 0 or ours < _MIN_BODY_SHARE * theirs


def _without_dateline_lines(paragraphs: list[str]) -> list[str]:
    """Without a dateline the page prints on a line of its own before the paragraph that
    opens with it again ("LONDON", share buttons, then "LONDON (Reuters) - A healthcare …")."""
    kept = []
    for i, line in enumerate(paragraphs):
        words = line.split()
        if 0 < len(words) <= 5 and words[0].isupper():
            after = next((p for p in paragraphs[i + 1 : i + 8] if len(p.split()) >= 8), "")
            if after.startswith((line + " (", line + " -", line + " –", line + " —")):
                continue
        kept.append(line)
    return kept


def _span(article: Article) -> tuple[int, int] | None:
    if article.subtitle is None:
        return None
    start = article.text.find(article.subtitle)
    return (start, start + len(article.subtitle)) if start >= 0 else None
