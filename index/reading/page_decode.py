"""A saved web page's bytes to text: the charset it declares, or the one its bytes show.

A page says its charset in a BOM, a ``<meta charset>``, a ``<meta http-equiv>`` or an XML
declaration. As browsers do, a page that says ISO-8859-1 (or ASCII) is read as
Windows-1252: old sites declare Latin-1 and write curly quotes in the 0x80-0x9F range. The
same range written as character references (``&#147;``) means the Windows-1252 characters
too. A page that declares nothing, or declares what its bytes are not, is decoded like any
text file (:func:`.decode.decode_bytes`).
"""

from __future__ import annotations

import codecs
import re

from .decode import decode_bytes

_HEAD_BYTES = 4096  # browsers look for the declaration in the first 1024 bytes; be generous
_META = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9._:-]+)", re.IGNORECASE
)
_XML = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"'](?P<charset>[A-Za-z0-9._:-]+)")
_WESTERN = {"latin_1", "iso8859_1", "ascii", "cp1252", "iso8859_15"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Windows-1252 for 0x80-0x9F (the five bytes it leaves undefined stay as they are).
_C1 = {b: ch for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", errors="ignore"))}
_C1_REFERENCE = re.compile(r"&#(?:(1[2-5]\d)|[xX]([89][0-9a-fA-F]));")


def decode_page(data: bytes) -> str:
    """The page's text, C1 references and bytes read as Windows-1252 characters."""
    text = _decode(data)
    if "&#" in text:
        text = _C1_REFERENCE.sub(_reference, text)
    return text.translate(_C1)


def declared_charset(data: bytes) -> str | None:
    """The codec the page declares (normalised by Python's codec registry), if any."""
    head = data[:_HEAD_BYTES]
    m = _XML.match(head) or _META.search(head)
    if m is None:
        return None
    try:
        return codecs.lookup(m.group("charset").decode("ascii")).name.replace("-", "_")
    except (LookupError, UnicodeDecodeError):
        return None


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    charset = declared_charset(data)
    if charset in _WESTERN:
        try:
            data.decode("utf-8")  # a page that says Latin-1 but is UTF-8 is UTF-8
        except UnicodeDecodeError:
            return data.decode("latin-1")  # 0x80-0x9F become cp1252 in decode_page
    elif charset is not None and charset not in ("utf_8", "utf_16", "utf_32"):
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data)


def _reference(m: re.Match[str]) -> str:
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    return _C1.get(code, m.group())
