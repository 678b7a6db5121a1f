"""A page's visible text as lines, the way a reader (or a copy-paste) sees it.

Scripts, styles, forms, hidden elements and comments are dropped; block elements break the
line, ``<br>`` too; a menu of short links (``<ul>`` of ``<li><a>``) becomes one line joined
by bars, as scrapers print it. The lines feed the plain-text rules (:mod:`.header`) where a
page's markup says nothing (old table layouts), and the lookups of visible text the page
rules need (the headline a ``<title>`` abbreviates).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

SKIPPED = frozenset(
    " ".join(
        (
            "script style noscript template svg math head iframe object embed canvas select",
            "option button input textarea form datalist audio video map area",
        )
    ).split()
)
BLOCKS = frozenset(
    " ".join(
        (
            "address article aside blockquote body center dd details dialog dir div dl dt",
            "fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main menu",
            "nav ol p pre section summary table tbody thead tfoot tr td th ul caption",
        )
    ).split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MENU_ITEM_CHARS = 40


def hidden(el: HtmlElement) -> bool:
    """Whether an element is hidden from readers (``hidden``, ``aria-hidden``, display:none)."""
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    return (
        bool(style) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style) is not None
    )


def page_lines(root: HtmlElement) -> list[str]:
    """The visible lines under ``root``: whitespace collapsed, blank lines between blocks."""
    out: list[str] = []
    _walk(root, out)
    text = "".join(out)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _SPACE.sub(" ", raw).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _walk(el: HtmlElement, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in SKIPPED or hidden(el):
        return
    if tag == "br":
        out.append("\n")
        return
    if tag in ("ul", "ol") and _menu(el):
        out.append("\n\n" + " | ".join(_text(li) for li in el if _is_li(li)) + "\n\n")
        return
    block = tag in BLOCKS
    if block:
        out.append("\n\n")
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append("\n\n")


def _is_li(el: HtmlElement) -> bool:
    return isinstance(el.tag, str) and el.tag == "li"


def _menu(el: HtmlElement) -> bool:
    """A list of three or more short links: a menu, printed on one line."""
    items = [li for li in el if _is_li(li)]
    if len(items) < 3:
        return False
    for li in items:
        text = _text(li)
        if not text or len(text) > _MENU_ITEM_CHARS or li.find(".//a") is None:
            return False
    return True


def _text(el: HtmlElement) -> str:
    """An element's visible text on one line."""
    return _SPACE.sub(" ", " ".join(visible_text(el).split())).strip()


def visible_text(el: HtmlElement) -> str:
    """An element's text without scripts, styles and hidden parts (lines not kept)."""
    parts: list[str] = []
    _collect(el, parts)
    return "".join(parts)


def _collect(el: HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag and tag not in SKIPPED and not hidden(el):
        if tag in BLOCKS or tag == "br":
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            _collect(child, parts)
            if child.tail:
                parts.append(child.tail)
        if tag in BLOCKS:
            parts.append(" ")
