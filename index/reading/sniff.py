"""What kind of file an article file is: plain text, a saved web page, Markdown, or not an
article at all (data, code, media), by its name and its first bytes.

A clippings folder holds more than articles: spreadsheets, JSON dumps, images, archives.
Those are refused with a reason the index report shows, never indexed as text. A page saved
without an extension (or as ``.txt``) is recognised by its markup.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from ..errors import UnreadableFile
from .decode import binary_kind

Kind = Literal["text", "html", "markdown"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".mhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
# Files whose name says they are data, code or media, never an article.
_NOT_ARTICLES = {
    **dict.fromkeys((".csv", ".tsv"), "spreadsheet data (CSV)"),
    **dict.fromkeys((".xls", ".xlsx", ".ods", ".numbers"), "spreadsheet"),
    **dict.fromkeys((".json", ".jsonl", ".ndjson", ".geojson"), "JSON data"),
    **dict.fromkeys((".yaml", ".yml", ".toml", ".ini", ".cfg"), "configuration file"),
    **dict.fromkeys((".xml", ".rss", ".atom", ".opml"), "XML data"),
    **dict.fromkeys((".js", ".mjs", ".css", ".py", ".sh", ".sql"), "source code"),
    **dict.fromkeys((".svg", ".ico"), "image"),
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"), "image"),
    **dict.fromkeys((".mp3", ".wav", ".ogg", ".m4a", ".mp4", ".mov", ".webm", ".avi"), "media"),
    **dict.fromkeys((".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar"), "archive"),
    **dict.fromkeys((".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages"), "document"),
    **dict.fromkeys((".exe", ".dll", ".so", ".dylib", ".bin", ".pyc", ".db", ".sqlite"), "binary"),
}
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(rb"<(?:head|body|title|meta|div|p|article)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 2048


def kind_of(name: str, data: bytes) -> Kind:
    """The file's kind, or :class:`UnreadableFile` with the reason it is not an article."""
    binary = binary_kind(data)
    if binary:
        raise UnreadableFile(f"binary file ({binary})")
    suffix = _suffix(name)
    if suffix in _NOT_ARTICLES and not (suffix == ".xml" and _looks_html(data)):
        raise UnreadableFile(f"not an article ({_NOT_ARTICLES[suffix]}, {suffix})")
    if suffix in _HTML_SUFFIXES or _looks_html(data):
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if _looks_json(data):
        raise UnreadableFile("not an article (JSON data)")
    return "text"


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 and dot > name.rfind("/") else ""


def _looks_html(data: bytes) -> bool:
    """A document that opens as HTML (doctype, ``<html>``, ``<head>``), BOM or not."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    if _HTML_START.match(head):
        return True
    return head.lstrip()[:1] == b"<" and len(_HTML_TAGS.findall(head)) >= 3


def _looks_json(data: bytes) -> bool:
    """A whole file that parses as a JSON object or array."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"[") or len(data) > 4 * 2**20:
        return False
    try:
        json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return False
    return True
