"""Names behind titles, roles, gender, and what the sieves report about each quote."""

from __future__ import annotations

import pytest

from newsbrowse.index.quotes import extract_quotes
from newsbrowse.index.quotes.bounds import np_after
from newsbrowse.index.quotes.phrases import classify, gender_of
from newsbrowse.index.quotes.tokens import Tokens


def np_of(text: str):
    tok = Tokens(text, 0, len(text))
    end = np_after(tok, 0)
    assert end == len(tok)
    return classify(tok, 0, end)


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("EU High Representative Kaja Kallas", "Kaja Kallas", "EU High Representative"),
        ("Senior Treasury official Dana Whitfield", "Dana Whitfield", "Senior Treasury official"),
        ("German Chancellor Heinz Adler", "Heinz Adler", "German Chancellor"),
        ("Secretary of State Lena Park", "Lena Park", "Secretary of State"),
        ("NATO Secretary-General Jan Smit", "Jan Smit", "NATO Secretary-General"),
        ("Mr. Okafor", "Okafor", None),
        ("Sofia Marin", "Sofia Marin", None),
    ],
)
def test_titles_are_roles_not_names(phrase: str, name: str, role: str | None) -> None:
    np = np_of(phrase)
    assert (np.kind, np.name, np.role) == ("person", name, role)
    assert phrase[np.name_span[0] : np.name_span[1]] == name


@pytest.mark.parametrize(
    ("phrase", "kind", "name"),
    [
        ("The Russian Foreign Ministry", "organisation", "Russian Foreign Ministry"),
        ("the Kremlin", "organisation", "Kremlin"),
        ("the White House", "organisation", "White House"),
        ("The Wall Street Journal", "outlet", "Wall Street Journal"),
        ("Politico", "outlet", "Politico"),
        ("News.Az", "outlet", "News.Az"),
        ("officials", "generic", None),
        ("Analysts", "generic", None),
        ("a spokesman", "generic", None),
        ("Moscow", "place", "Moscow"),
        ("She", "pronoun", None),
    ],
)
def test_kinds_of_phrases(phrase: str, kind: str, name: str | None) -> None:
    np = np_of(phrase)
    assert (np.kind, np.name) == (kind, name)


def test_role_phrases_have_classes_and_nationality() -> None:
    diplomat = np_of("the Russian top diplomat")
    assert diplomat.kind == "role"
    assert "diplomat" in diplomat.classes and diplomat.nations == {"ru"}
    leader = np_of("the American leader")
    assert "head" in leader.classes and leader.nations == {"us"}
    assert np_of("the U.S. president").nations == {"us"}
    spokes = np_of("the press secretary of the Russian President")
    assert spokes.classes == {"spokes"}


def test_gender() -> None:
    assert gender_of("Anna Berg") == "f"
    assert gender_of("Peter Berg") == "m"
    assert gender_of("Petrova") == "f"
    assert gender_of("Ivanov") == "m"
    assert gender_of("Okafor", ["Mrs"]) == "f"
    assert gender_of("Okafor") is None


def quotes(text: str):
    return extract_quotes(text, [(0, len(text))])


def test_mention_cue_and_confidence() -> None:
    text = "Kremlin spokesman Anton Sokolov spoke on Monday. “No date is set,” the spokesman said."
    (q,) = quotes(text).quotes
    assert q.speaker == "Anton Sokolov"
    assert q.mention is not None and q.mention.text == "the spokesman"
    assert q.cue == "said"
    assert 0.5 <= q.confidence <= 1.0
    named = quotes("“No date is set,” Anton Sokolov said.").quotes[0]
    assert named.confidence > q.confidence
    assert named.mention is not None and named.mention.text == "Anton Sokolov"


def test_according_to_cue() -> None:
    (q,) = quotes("According to Nadia Haddad, the shipment arrived late.").quotes
    assert q.cue == "according to"


# Another person first, whom a role phrase must not be taken for.
AFTER_OTHERS = "Tomas Reyes opened the hearing on Monday. The levy vote was put off again.\n\n"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ('"The pier will not last the winter," according to Ilse Varga.', "direct"),
        (
            '"The pier will not last the winter," according to the port engineer, Ilse Varga.',
            "direct",
        ),
        ('The pier "will not last the winter," according to Ilse Varga.', "partial"),
        ("According to the port engineer, Ilse Varga, the pier will not last.", "indirect"),
        ("According to port engineer Ilse Varga, the pier will not last the winter.", "indirect"),
        (
            "The pier will not last the winter, according to the finance minister, Ilse Varga.",
            "indirect",
        ),
    ],
)
def test_according_to_names_the_speaker_after_a_quote_or_a_role(sentence: str, kind: str) -> None:
    (q,) = quotes(AFTER_OTHERS + sentence).quotes
    assert (q.kind, q.speaker, q.cue) == (kind, "Ilse Varga", "according to")


@pytest.mark.parametrize(
    "sentence",
    [
        '"The pier will not last the winter," according to a council document.',
        '"The pier will not last the winter," according to a report filed by the engineer.',
    ],
)
def test_according_to_a_document_names_nobody(sentence: str) -> None:
    (q,) = quotes(AFTER_OTHERS + sentence).quotes
    assert (q.kind, q.speaker) == ("direct", None)


def test_dash_citation_cue_and_no_outlet_speaker() -> None:
    text = "Anna Berg spoke in Oslo. «We waited for years», — cites Politico."
    ex = quotes(text)
    (q,) = ex.quotes
    assert (q.speaker, q.cue) == ("Anna Berg", "—")
    assert [s.name for s in ex.speakers] == ["Anna Berg"]


def test_speakers_carry_aliases_roles_and_gender() -> None:
    text = (
        "EU High Representative Kaja Kallas said the talks had failed. "
        "Kallas, the bloc’s chief diplomat, added that Russia had not moved. "
        "She said the pressure would grow."
    )
    ex = quotes(text)
    assert [q.speaker for q in ex.quotes] == ["Kaja Kallas"] * 3
    (sp,) = ex.speakers
    assert sp.gender == "f" and sp.kind == "person"
    assert "Kallas" in sp.aliases
    assert "bloc’s chief diplomat" in sp.aliases
    assert "EU High Representative" in sp.roles


def test_only_quoted_speakers_are_listed() -> None:
    text = "Anna Berg met Peter Novak. “We agreed,” said Anna Berg."
    assert [s.name for s in quotes(text).speakers] == ["Anna Berg"]


def test_relative_clause_names_someone_else() -> None:
    (q,) = quotes("Jonas Weber, who met Carla Mendes on Monday, said the deal was close.").quotes
    assert q.speaker == "Jonas Weber"


def test_organisation_is_kind_organisation() -> None:
    ex = quotes("The Kremlin said the talks would continue.")
    assert ex.quotes[0].speaker_kind == "organisation"
    assert ex.speakers[0].kind == "organisation"


def test_title_excluded_paragraphs_only() -> None:
    text = "Anna Berg: “A headline quote.”\n\nThe minister said nothing new."
    ex = extract_quotes(text, [(32, len(text))])
    assert ex.quotes == ()


@pytest.mark.parametrize("word", ["I'm", "I’m", "We're", "They’ve", "He's", "She’d", "It'll"])
def test_a_pronoun_contraction_is_a_pronoun_never_a_name(word: str) -> None:
    """``I’m told the ferry "will not run …"`` once made "I’m" a speaker: a contracted
    pronoun opening a sentence is a capitalised word, but no name."""
    assert np_of(word).kind == "pronoun"
    text = f'{word} told the ferry "will not run again before May," and nobody disputes it.'
    ex = extract_quotes(text, [(0, len(text))])
    assert all(q.speaker != word for q in ex.quotes)
    assert word not in [s.name for s in ex.speakers]


def test_a_company_named_by_its_web_address_keeps_its_full_stop() -> None:
    """ "Harbourmart.com Inc." is one name, written as in the text (not "Inc .")."""
    text = (
        "Harbourmart.com Inc., the island's largest online shop, pledged to be "
        "“net zero carbon” by 2040."
    )
    found = extract_quotes(text, [(0, len(text))])
    assert [q.speaker for q in found.quotes] == ["Harbourmart.com Inc."]


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Harbour Ferries", "Harbour Ferries"),  # an organisation word opening its name
        ("Police Chief Anna Berg", "Anna Berg"),  # titles before a person's name
    ],
)
def test_an_organisation_word_opening_a_two_word_name_stays_in_it(
    subject: str, speaker: str
) -> None:
    text = f"{subject} said it would be “net zero carbon” by 2040."
    found = extract_quotes(text, [(0, len(text))])
    assert [q.speaker for q in found.quotes] == [speaker]


def test_a_subheading_in_title_case_names_nobody() -> None:
    """ "Ferry Outage Sparks Surge in Complaints" between paragraphs is no person."""
    paragraphs = [
        "The harbour board confirmed the ferry outage on Monday morning.",
        "Ferry Outage Sparks Surge in Complaints",
        "The scale of the outage was also reflected in complaints, and many passengers said "
        "the ferry outage was affecting every route rather than one crossing.",
    ]
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for paragraph in paragraphs:
        spans.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    found = extract_quotes(text, spans)
    assert not [s.name for s in found.speakers if "Outage" in s.name]
    assert all(q.speaker is None or "Outage" not in q.speaker for q in found.quotes)


@pytest.mark.parametrize(
    "subject",
    ["Investigator Ola Brandt", "Park Ranger Supervisor Ola Brandt", "Architect Ola Brandt"],
)
def test_a_job_title_before_a_name_is_not_part_of_it(subject: str) -> None:
    text = f"{subject} said the bridge was “not safe for anyone” after the storm."
    found = extract_quotes(text, [(0, len(text))])
    assert [q.speaker for q in found.quotes] == ["Ola Brandt"]


def test_a_street_is_a_place_not_a_speaker() -> None:
    text = (
        "Witnesses on Harrow Street said they heard “three loud bangs” before midnight. "
        "Harrow Street said nothing else."
    )
    found = extract_quotes(text, [(0, len(text))])
    assert "Harrow Street" not in {s.name for s in found.speakers if s.kind == "person"}


def test_a_phrase_bound_to_a_speaker_that_names_no_job_is_no_alias() -> None:
    """ "the guy" may say something; it is not another name for the speaker."""
    text = (
        "Ola Brandt, the harbour master, said the bridge was “not safe”. "
        "“We will fix it,” the guy said."
    )
    found = extract_quotes(text, [(0, len(text))])
    assert [q.speaker for q in found.quotes] == ["Ola Brandt", "Ola Brandt"]
    assert "guy" not in {a for s in found.speakers for a in s.aliases}


def test_a_name_after_a_plural_possessive_starts_at_the_name() -> None:
    """``Harbour Ferries' Ana Quell``: the apostrophe belongs to the company, not to her."""
    said = quotes("“We sail at noon,” said Harbour Ferries’ Ana Quell.").quotes
    assert [q.speaker for q in said] == ["Ana Quell"]
    group = quotes("“We will strike,” the Bakers’ Union said.").quotes
    assert [q.speaker for q in group] == ["Bakers’ Union"]
