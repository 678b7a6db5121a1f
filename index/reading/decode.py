"""Turning a file's bytes into safe text: encoding detection, binary refusal, control stripping.

Cheap checks come first (BOMs, magic numbers, NUL bytes, strict UTF-8); only bytes that fail
them go to charset-normalizer, whose answer is steered so that Windows-1251 Cyrillic and
Latin-1/Windows-1252 Western text both come out right.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import UnreadableFile

# (signature, offset, what it is). Checked before anything else.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"PK\x07\x08", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"BZh", 0, ""),  # bzip2: confirmed below, "BZh" alone could start a text
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7z archive"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", 0, "Mach-O or Java class file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "MS Office document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ID3", 0, "MP3 audio"),
    (b"\x1aE\xdf\xa3", 0, "Matroska/WebM video"),
    (b"wOFF", 0, "WOFF font"),
    (b"wOF2", 0, "WOFF2 font"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
)
# The signatures a file's first byte leaves possible, in the order above: most files start
# with a letter that opens none of them, and are not tried against all 28.
_MAGIC_ELSEWHERE = tuple(m for m in _MAGIC if m[1] != 0)
_MAGIC_BY_FIRST = {
    bytes([b]): tuple(m for m in _MAGIC if m[1] != 0 or m[0][0] == b)
    for b in {sig[0] for sig, offset, _ in _MAGIC if offset == 0}
}
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Windows-1252 for 0x80-0x9F, Latin-1 elsewhere (and for the five bytes cp1252 leaves undefined).
_CP1252_HIGH = {
    b: ch for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", errors="ignore"))
}

_ASCII = bytes(range(0x80))
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CYRILLIC_FAMILY = {"cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5"}
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC_CHAR = re.compile(r"[\u0400-\u04ff]")
_LATIN_CHAR = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC_VOWELS = frozenset("аеиоуыэюяіїєёАЕИОУЫЭЮЯІЇЄЁ")


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text, or raise :class:`UnreadableFile`.

    Handles UTF-8 (with or without BOM), UTF-16/32 with BOM, Windows-1251, Latin-1 and
    whatever else charset-normalizer recognises. Control characters are left for
    :func:`strip_controls`.
    """
    return _check_text(_decode(data)[0])


def decode_text(data: bytes) -> str:
    """``strip_controls(decode_bytes(data))``, the text of a plain file.

    Strict UTF-8 without a control character, bidi mark or line separator (nearly every
    file) is told from the bytes at C speed; two regex scans of the decoded text would cost
    more than decoding it.
    """
    text, utf8 = _decode(data)
    if utf8 and _clean_utf8(data):
        return text  # nothing to refuse (no control characters) and nothing to strip
    return strip_controls(_check_text(text))


def _decode(data: bytes) -> tuple[str, bool]:
    """:func:`decode_bytes` before its check of the text; and whether the text is ``data``
    read as strict UTF-8."""
    if not data:
        raise UnreadableFile("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), False
    kind = _magic(data)
    if kind:
        raise UnreadableFile(f"binary file ({kind})")
    if b"\x00" in data:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    text = _utf8(data)
    if text is None:
        text = _legacy(data)
    return text, False


# What :data:`_SPECIAL` matches, as strict UTF-8 encodes it: C0 controls but tab and newline,
# DEL (bytes), C1 controls (``\xc2\x80``-``\xc2\x9f``), U+2028-U+202E and U+2066-U+2069.
_ASCII_CONTROLS = frozenset([*range(0x09), *range(0x0B, 0x20), 0x7F])
_NOT_ASCII_CONTROLS = bytes(b for b in range(256) if b not in _ASCII_CONTROLS)
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_MARKS_UTF8 = re.compile(rb"\xe2(?:\x80[\xa8-\xae]|\x81[\xa6-\xa9])")


def _clean_utf8(data: bytes) -> bool:
    """Whether strict UTF-8 ``data`` decodes to a text without a :data:`_SPECIAL` character
    (a deletion and two searches for a rare lead byte, not a scan of every character)."""
    if data.translate(None, _NOT_ASCII_CONTROLS):
        return False  # an ASCII control character
    if b"\xc2" in data and _C1_UTF8.search(data):
        return False
    return b"\xe2" not in data or _MARKS_UTF8.search(data) is None


_BOM_STARTS = tuple(bom for bom, _ in _BOMS)


def binary_kind(data: bytes) -> str | None:
    """What binary file ``data`` is (``"PNG image"``), by its signature; ``None`` if none."""
    if data.startswith(_BOM_STARTS):
        return None
    return _magic(data)


def _magic(data: bytes) -> str | None:
    """What kind of binary file the signature says ``data`` is, if any."""
    for sig, offset, kind in _MAGIC_BY_FIRST.get(data[:1], _MAGIC_ELSEWHERE):
        if data.startswith(sig, offset):
            if not kind:  # bzip2 needs its block magic too
                if _BZIP2.match(data):
                    return "bzip2 archive"
                continue
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    return None


def _utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 if it is UTF-8 (a cut-off last character or a rare bad byte allowed)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        # A scrape cut in the middle of a multi-byte character, when the rest shows UTF-8
        # (a lone high byte after pure ASCII is more likely Latin-1: b"caf\xe9").
        if exc.reason == "unexpected end of data" and not head.isascii():
            return head.decode("utf-8", errors="replace")
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - (len(data) - len(data.translate(None, _ASCII)))
    good = non_ascii - bad
    if good >= 20 * bad:  # overwhelmingly valid UTF-8 with a stray byte or two
        return text
    return None


def _cp1252(data: bytes) -> str:
    """Windows-1252, falling back to Latin-1 for its undefined bytes."""
    return data.decode("latin-1").translate(_CP1252_HIGH)


def _looks_cp1251(data: bytes) -> bool:
    """Whether the bytes read as Windows-1251 give Cyrillic words, not junk.

    Real Cyrillic words are not mixed with Latin letters, are lower, upper or title case,
    and have a natural share of vowels; other code pages read as cp1251 fail one of these.
    """
    words = mixed = odd_case = letters = vowels = 0
    for word in _LETTERS.findall(data.decode("cp1251", errors="replace")):
        if not _CYRILLIC_CHAR.search(word):
            continue
        if _LATIN_CHAR.search(word):
            mixed += 1
            continue
        if len(word) < 2:
            continue
        words += 1
        if not (word.islower() or word.isupper() or word.istitle()):
            odd_case += 1
        letters += len(word)
        vowels += sum(ch in _CYRILLIC_VOWELS for ch in word)
    if not words or words < 3 * mixed or odd_case * 5 > words:
        return False
    return 0.2 <= vowels / letters <= 0.7


def _legacy(data: bytes) -> str:
    """Decode bytes that are neither BOM-marked nor UTF-8 (single-byte code pages etc.)."""
    if _looks_cp1251(data):
        guess = charset_normalizer.from_bytes(data, cp_isolation=sorted(_CYRILLIC_FAMILY)).best()
        # Another Cyrillic code page only when the detector is sure and cp1251 reads worse.
        if (
            guess is not None
            and guess.encoding != "cp1251"
            and "cp1251" not in guess.could_be_from_charset
            and guess.coherence >= 0.5
        ):
            return str(guess)
        return data.decode("cp1251", errors="replace")
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        if len(data.translate(None, _PRINTABLE_ASCII)) <= len(data) // 10:
            return _cp1252(data)
        raise UnreadableFile("cannot decode as text")
    # The detector often cannot tell cp1250 from cp1252 on Western text: when a Western
    # reading is as good as the best, take it (Turkish or Polish text reads better as such).
    for m in matches:
        if (
            m.chaos <= best.chaos + 0.01
            and m.coherence >= best.coherence - 0.05
            and not _WESTERN.isdisjoint((m.encoding, *m.could_be_from_charset))
        ):
            return _cp1252(data)
    return str(best)


def _check_text(text: str) -> str:
    """Refuse decoded text that is mostly control characters (binary in disguise)."""
    sample = text[:65536]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > 8 and controls > len(sample) // 10:
        raise UnreadableFile("binary file (control characters)")
    return text


# --- control characters -------------------------------------------------------------------

# Whole terminal escape sequences (CSI and terminated OSC) go, not just their ESC.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)")
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_TABLE: dict[int, str | None] = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE.update({c: None for c in range(0x7F, 0xA0)})
_TABLE.update({c: None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE.update({0x0D: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"})


def strip_controls(text: str) -> str:
    """Remove control characters (keeping ``\\n`` and ``\\t``) and bidi overrides.

    CRLF and lone CR become ``\\n``, as do NEL and the Unicode line/paragraph separators;
    terminal escape sequences (``ESC [ ... m``, ``ESC ] ... BEL``) are removed whole.
    """
    if _SPECIAL.search(text) is None:
        return text
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    return text.replace("\r\n", "\n").translate(_TABLE)


# --- a text browser's link marks -------------------------------------------------------------

# "lynx -dump" numbers each link in the text ("By [9]Ana Quell") and lists the addresses at the
# end under "References" ("   9. https://..."); with that list present, the marks go.
_REFERENCES = re.compile(r"^[ \t]*References[ \t]*\n\n(?:[ \t]*\d{1,4}\. \S+\n?)+\s*\Z", re.M)
_LINK_MARK = re.compile(r"\[\d{1,4}\](?=\S)")
_LAST_REFERENCE = re.compile(r"\n[ \t]*\d{1,4}\. \S+\s*\Z")  # the list's last line


def unmark_links(text: str) -> str:
    """``text`` without a text browser's link marks when it ends with their references:
    ``By [9]Ana Quell`` reads ``By Ana Quell``."""
    if _LAST_REFERENCE.search(text[-160:]) is None:
        return text
    m = _REFERENCES.search(text)
    if m is None:
        return text
    return _LINK_MARK.sub("", text[: m.start()]) + text[m.start() :]
