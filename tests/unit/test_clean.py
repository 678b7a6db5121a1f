"""Cruft recognition and paragraph layout."""

from __future__ import annotations

import pytest

from newsbrowse.index.reading.layout import cruft_reason, layout

BODY = (
    "EU foreign ministers met in Brussels on Tuesday to discuss a new package of sanctions "
    "against Russia, officials said after the meeting.\n\n"
    "The package is expected to be adopted next week, once Hungary lifts its objections.\n"
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ua en ru", "language switcher"),
        ("EN | DE | FR", "language switcher"),
        ("UKR / ENG", "language switcher"),
        ("+ ↺ − 16 px", "font-size controls"),
        ("A- A A+", "font-size controls"),
        ("#News", "section tag"),
        ("#Politics #Ukraine", "section tag"),
        ("Tags: Ukraine, Russia, EU", "section tag"),
        ("Share", "share buttons"),
        ("Facebook Twitter WhatsApp", "share buttons"),
        ("Copy link", "share buttons"),
        ("Share on Facebook | Telegram | X", "share buttons"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Read more: EU adopts its 15th sanctions package", "related link"),
        ("Read also: Why Hungary objects", "related link"),
        ("See also: Kallas visits Kyiv", "related link"),
        ("Читайте також: Що відомо про переговори", "related link"),
        ("Photo: Reuters", "photo caption"),
        (
            "Kallas in Brussels Photo: Kaja Kallas, EU foreign policy chief (Getty Images)",
            "photo caption",
        ),
        (
            "Soldiers fire at Russian positions near Bakhmut. (AP Photo/Efrem Lukatsky)",
            "photo caption",
        ),
        ("Фото: Офіс президента", "photo caption"),
        ("No Comments", "comments counter"),
        ("3 Comments", "comments counter"),
        ("© 2025 Example Media. All rights reserved.", "copyright notice"),
        ("Subscribe to our Telegram channel", "subscription prompt"),
    ],
)
def test_cruft_lines(line: str, reason: str) -> None:
    assert cruft_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Kremlin finds new reasons to drag out peace talks",
        "It is obvious that Russia does not want peace.",
        "Read the full statement below, the ministry said.",
        "Share prices fell sharply in Moscow on Monday after the announcement.",
        "Photographers gathered outside the building before the talks began.",
        "Ukraine’s president said the advertisement campaign had worked.",
        "The talks ended early (according to Reuters) without any agreement.",
        "Related talks are expected in Geneva next week.",
        "A",
        "+380 44 123 4567 is the hotline number for relatives, the ministry said.",
    ],
)
def test_body_lines_are_not_cruft(line: str) -> None:
    assert cruft_reason(line) is None


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_title_and_paragraphs() -> None:
    text = "Ministers weigh new sanctions on Russia\n\n" + BODY
    out = layout(text)
    assert out.title_span is not None
    assert text[slice(*out.title_span)] == "Ministers weigh new sanctions on Russia"
    assert spans_text(text, out.paragraphs) == [
        BODY.split("\n\n")[0],
        BODY.split("\n\n")[1].strip(),
    ]
    assert out.cruft == []


def test_paragraphs_are_trimmed_including_nbsp() -> None:
    text = "\u00a0  EU ministers met on Tuesday, officials said.  \u00a0\n\n\tSecond one here.\t\n"
    out = layout(text)
    assert spans_text(text, out.paragraphs) == [
        "EU ministers met on Tuesday, officials said.",
        "Second one here.",
    ]


def test_cruft_lines_are_set_aside_with_reasons() -> None:
    text = (
        "ua en ru\n\nMinisters weigh new sanctions on Russia\n\n"
        "Share\nFacebook Twitter WhatsApp\n\n" + BODY + "\nADVERTISEMENT\n\nNo Comments\n"
    )
    out = layout(text)
    assert [(text[s:e], r) for (s, e), r in out.cruft] == [
        ("ua en ru", "language switcher"),
        ("Share", "share buttons"),
        ("Facebook Twitter WhatsApp", "share buttons"),
        ("ADVERTISEMENT", "advertisement"),
        ("No Comments", "comments counter"),
    ]
    assert len(out.paragraphs) == 2


def test_repeated_headline_is_cruft() -> None:
    text = "Kallas visits Kyiv\n\nKallas visits Kyiv\n\n" + BODY
    out = layout(text)
    assert [(text[s:e], r) for (s, e), r in out.cruft] == [
        ("Kallas visits Kyiv", "repeated headline")
    ]
    assert text[slice(*out.title_span)] == "Kallas visits Kyiv"  # the first copy


def test_repeated_headline_with_caption_on_the_same_line() -> None:
    line = "Kallas visits Kyiv Photo: Kaja Kallas at the station (Getty Images)"
    text = f"Kallas visits Kyiv\n\n{line}\nAuthor: Jane Doe\n\n" + BODY
    out = layout(text)
    reasons = {text[s:e]: r for (s, e), r in out.cruft}
    assert reasons[line] == "repeated headline with photo caption"
    assert reasons["Author: Jane Doe"] == "byline"
    assert out.author == "Jane Doe"


def test_lead_that_starts_like_the_headline_is_kept() -> None:
    text = "Zelensky meets Trump\n\nZelensky meets Trump in Washington on Friday, aides said.\n"
    out = layout(text)
    assert spans_text(text, out.paragraphs) == [
        "Zelensky meets Trump in Washington on Friday, aides said."
    ]


def test_date_prefix_is_metadata_and_the_paragraph_starts_after_it() -> None:
    text = " date 2025-08-23 Kallas, the EU’s foreign policy chief, said so.\n\nShe spoke.\n"
    out = layout(text)
    assert spans_text(text, out.paragraphs)[0] == "Kallas, the EU’s foreign policy chief, said so."
    assert [(text[s:e], r) for (s, e), r in out.cruft] == [("date 2025-08-23", "date")]
    assert out.title_span is None


def test_date_line_followed_by_font_controls() -> None:
    text = " date 2026-02-23 + ↺ − 16 px\n\n" + BODY
    out = layout(text)
    assert [(text[s:e], r) for (s, e), r in out.cruft] == [
        ("date 2026-02-23", "date"),
        ("+ ↺ − 16 px", "font-size controls"),
    ]


def test_stray_last_character_after_an_nbsp_line() -> None:
    text = "Ministers weigh new sanctions on Russia\n\n" + BODY + "\n\u00a0\n\na"
    out = layout(text)
    assert out.cruft[-1] == ((len(text) - 1, len(text)), "stray character")
    assert spans_text(text, out.paragraphs)[-1].startswith("The package")


def test_short_last_paragraph_of_words_is_kept() -> None:
    text = BODY + "\nKyiv remains calm.\n"
    assert spans_text(text, layout(text).paragraphs)[-1] == "Kyiv remains calm."


def test_hard_wrapped_block_is_one_paragraph() -> None:
    text = (
        "EU foreign ministers met in Brussels on Tuesday to discuss a\n"
        "new package of sanctions against Russia, officials said after\n"
        "the meeting, which lasted six hours.\n\nNext.\n"
    )
    out = layout(text)
    assert len(out.paragraphs) == 2
    assert text[slice(*out.paragraphs[0])].endswith("lasted six hours.")
    assert "\n" in text[slice(*out.paragraphs[0])]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    lines = [
        "EU foreign ministers met in Brussels on Tuesday to discuss a new package of sanctions "
        "against Russia, officials said.",
        "The package is expected to be adopted next week, once Hungary and Slovakia lift their "
        "objections to it.",
        "Short final sentence.",
    ]
    text = "\n".join(lines)
    assert spans_text(text, layout(text).paragraphs) == lines


def test_short_lines_that_each_end_a_sentence_stay_separate() -> None:
    text = "Kallas spoke first.\nRubio did not attend.\nThe talks ended early.\n"
    assert len(layout(text).paragraphs) == 3


def test_body_sentence_first_line_is_not_a_title() -> None:
    out = layout(BODY)
    assert out.title_span is None
    assert len(out.paragraphs) == 2


def test_single_line_file_has_no_title() -> None:
    text = "Ministers weigh new sanctions on Russia\n"
    out = layout(text)
    assert out.title_span is None
    assert spans_text(text, out.paragraphs) == ["Ministers weigh new sanctions on Russia"]


def test_first_line_running_into_the_next_is_not_a_title() -> None:
    text = (
        "Ministers in Brussels weighed new sanctions\nagainst Russia on Tuesday, officials said.\n"
    )
    assert layout(text).title_span is None


def test_title_after_cruft_and_before_date() -> None:
    text = "#News\n\nKaja Kallas: «Russia does not want peace»\n\n2025.08.22\n\n" + BODY
    out = layout(text)
    assert text[slice(*out.title_span)] == "Kaja Kallas: «Russia does not want peace»"
    assert [d.iso for d, _ in out.dates] == ["2025-08-22"]


def test_empty_and_blank_text() -> None:
    for text in ("", "\n\n", "  \u00a0 \n\t"):
        out = layout(text)
        assert out.paragraphs == [] and out.cruft == [] and out.title_span is None


def test_a_headline_with_its_sites_name_is_the_headline_and_the_site() -> None:
    text = "Kallas Warns Russia Over Talks | Reuters\n\n" + BODY
    out = layout(text)
    assert text[slice(*out.title_span)] == "Kallas Warns Russia Over Talks"
    assert (out.site, out.author) == ("Reuters", None)
    assert ((text.index("Reuters"), text.index("Reuters") + 7), "site name") in out.cruft


def test_byline_after_the_title_with_outlet() -> None:
    text = "Kallas warns Russia\n\nDaryna Vialko | RBC-Ukraine\n\n" + BODY
    out = layout(text)
    assert (out.author, out.outlet) == ("Daryna Vialko", "RBC-Ukraine")


def test_dateline_word_that_starts_the_body_is_not_a_title() -> None:
    text = "Kyiv\n\nKyiv was attacked overnight by drones, the mayor said.\n"
    out = layout(text)
    assert out.title_span is None
    assert len(out.paragraphs) == 2
