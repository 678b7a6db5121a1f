"""Decoding article bytes: encodings, binary refusal, control-character stripping."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsbrowse.index.reading.decode import UnreadableFile, decode_bytes, strip_controls

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"

UK = (
    "Зеленський заявив, що Україна готова до переговорів.\n\n"
    "«Ми не здамося», — наголосив він у Києві.\n"
)
RU = (
    "Песков заявил, что Кремль открыт к диалогу.\n\n"
    "Сроки встречи пока не определены, сообщили в Москве.\n"
)
FR = (
    "Le ministre a été très clair à Genève.\n\n"
    "« Nous irons jusqu'au bout », a-t-il déclaré après la réunion.\n"
)
DE = (
    "Die Außenministerin äußerte sich über die Lage.\n\n"
    "Es gäbe keine schnelle Lösung, sagte sie in München.\n"
)
EN = "Kallas said the talks were “welcome”.\n\nShe spoke in Brussels — again.\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("enc_cp1251_uk.txt", UK),
        ("enc_cp1251_ru.txt", RU),
        ("enc_latin1_fr.txt", FR),
        ("enc_latin1_de.txt", DE),
        ("enc_utf16le_bom.txt", UK),
        ("enc_utf16be_bom.txt", FR),
        ("enc_utf8_bom.txt", EN),
    ],
)
def test_fixture_encodings_decode_exactly(name: str, expected: str) -> None:
    assert decode_bytes((ARTICLES / name).read_bytes()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Київ",  # too short for a statistical detector on its own
        "Москва, 23 августа 2025 года",
        "Ми не віддамо жодного сантиметра своєї землі, — заявив президент.",
        "Їжак і ґанок: Єдність",
    ],
)
def test_cp1251_cyrillic(text: str) -> None:
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "text",
    [
        "café",
        "Grüße aus München",
        "Voilà où en est la trêve : l'Élysée espère, Moscou répond « non ».",
        "El presidente señaló que la situación en España no cambió. Añadió: «No hay opción».",
        "O ministro não disse quando a reunião será realizada em São Paulo.",
        "Ærø og Øresund: Åbenrå",
    ],
)
def test_latin1_western(text: str) -> None:
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        (
            "koi8_r",
            "Песков заявил, что Кремль открыт к диалогу, однако сроки встречи не определены.",
        ),
        ("cp1253", "Ο πρόεδρος της Ουκρανίας δήλωσε ότι η χώρα είναι έτοιμη για διαπραγματεύσεις."),
        ("cp1254", "Ukrayna Devlet Başkanı, ülkesinin müzakerelere hazır olduğunu söyledi."),
        ("cp1250", "Zażółć gęślą jaźń. Prezydent powiedział, że sytuacja jest poważna."),
        ("gbk", "乌克兰总统泽连斯基表示，乌克兰准备进行谈判，但不会放弃任何领土。"),
    ],
)
def test_other_code_pages_are_not_forced_into_cp1251_or_cp1252(codec: str, text: str) -> None:
    assert decode_bytes(text.encode(codec)) == text


def test_cp1251_with_latin_names_in_it() -> None:
    text = "Глава дипломатії ЄС Kaja Kallas заявила, що NATO має бути готовим."
    assert decode_bytes(text.encode("cp1251")) == text


def test_cp1252_punctuation_bytes_become_typographic_characters() -> None:
    assert decode_bytes("“Smart” quotes – and a dash…".encode("cp1252")) == (
        "“Smart” quotes – and a dash…"
    )


def test_plain_utf8_and_ascii() -> None:
    assert (
        decode_bytes("Kallas: «Russia» – ‘peace’ ✓\n".encode()) == "Kallas: «Russia» – ‘peace’ ✓\n"
    )
    assert decode_bytes(b"plain ascii\n") == "plain ascii\n"


def test_utf8_bom_is_removed() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"abc") == "abc"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bom_marked_unicode(codec: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    assert decode_bytes(bom + UK.encode(codec)) == UK


def test_utf16_with_odd_trailing_byte_still_decodes() -> None:
    text = decode_bytes(codecs.BOM_UTF16_LE + "Київ".encode("utf-16-le") + b"\x00")
    assert text.startswith("Київ")


def test_utf8_cut_in_the_middle_of_a_character() -> None:
    data = "Kallas said “no”. Ukraine’s".encode()
    assert decode_bytes(data + "€".encode()[:2]) == "Kallas said “no”. Ukraine’s"


def test_ascii_then_one_latin1_letter_at_the_end_is_latin1() -> None:
    assert decode_bytes(b"Rendez-vous au caf\xe9") == "Rendez-vous au café"


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    good = "Зеленський заявив, що Україна готова до переговорів. " * 3
    text = decode_bytes(good.encode() + b"\xff" + good.encode())
    assert text == good + "\ufffd" + good


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"GIF87a....", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"BZh91AY&SY\x12\x34", "bzip2 archive"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4/QuickTime media"),
        (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    ],
)
def test_magic_numbers_are_binary(data: bytes, kind: str) -> None:
    with pytest.raises(UnreadableFile) as err:
        decode_bytes(data)
    assert err.value.reason == f"binary file ({kind})"


def test_text_that_merely_starts_like_bzip2_is_text() -> None:
    assert decode_bytes(b"BZh is not an archive here\n") == "BZh is not an archive here\n"


def test_nul_bytes_without_bom_are_binary() -> None:
    with pytest.raises(UnreadableFile, match="NUL"):
        decode_bytes("Kyiv news\n".encode("utf-16-le"))


def test_empty_bytes() -> None:
    with pytest.raises(UnreadableFile) as err:
        decode_bytes(b"")
    assert err.value.reason == "empty file"


def test_control_character_soup_is_binary() -> None:
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 20
    with pytest.raises(UnreadableFile, match="binary"):
        decode_bytes(data)


def test_unreadable_file_carries_its_reason() -> None:
    err = UnreadableFile("cannot decode as text")
    assert err.reason == "cannot decode as text"
    assert str(err) == "cannot decode as text"


# --- strip_controls ------------------------------------------------------------------------


def test_terminal_escapes_are_removed_whole() -> None:
    dirty = "Title\x1b]0;pwned\x07 here, \x1b[31mred\x1b[0m text"
    assert strip_controls(dirty) == "Title here, red text"


def test_esc_and_bel_never_survive() -> None:
    out = strip_controls("a\x1bb\x07c\x1b[")
    assert "\x1b" not in out and "\x07" not in out
    assert out == "abc["


def test_line_endings_are_normalised() -> None:
    assert strip_controls("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_unicode_line_separators_become_newlines() -> None:
    assert strip_controls("a\u2028b\u2029c\x85d") == "a\nb\nc\nd"


def test_bidi_overrides_are_removed() -> None:
    text = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
    assert strip_controls(f"safe{text}line") == "safeline"


def test_c0_c1_and_del_removed_tab_and_newline_kept() -> None:
    c0 = "".join(chr(c) for c in range(0x20))
    c1 = "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
    assert strip_controls(f"x{c0}{c1}\x7fy") == "x\t\n\ny"  # \r became \n


def test_clean_text_is_returned_unchanged() -> None:
    text = "Kallas said «no».\n\n\tIndented — fine.\u00a0"
    assert strip_controls(text) is text


def test_controls_fixture_has_no_escape_or_bell() -> None:
    text = strip_controls(decode_bytes((ARTICLES / "controls.txt").read_bytes()))
    assert not any(ch in text for ch in "\x1b\x07\r\u202e\u202c")
    assert "pwned" not in text and "[31m" not in text
    assert text.startswith("Ministers weigh new sanctions on Russia\n")
