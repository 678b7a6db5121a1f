"""The PolNeAR scorer reads the corpus format, derives gold quotes and scores the way it says.

Runs on ``tests/data/polnear_fixture``: three short invented articles in PolNeAR's on-disk
layout (``data/dev/text``, ``data/dev/attributions``, one ``data/dev/corenlp`` file). Matching
and speaker rules are tested with a stand-in engine, so the numbers do not move when the
extractor improves; one test runs the real engine end to end.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import polnear  # noqa: E402
from polnear_align import Alignment  # noqa: E402
from polnear_format import article_files, load_article, parse_ann  # noqa: E402
from polnear_gold import gold_quotes, quoted_regions, source_shape  # noqa: E402

from newsbrowse.index.reading.decode import strip_controls  # noqa: E402

FIXTURE = HERE.parent / "data" / "polnear_fixture"
DEV = FIXTURE / "data" / "dev"
ALPHA = "fixture_2016-01-01_alpha"
BETA = "fixture_2016-01-02_beta"
GAMMA = "fixture_2016-01-03_gamma"


def _article(article_id: str):
    files = {aid: (tp, ap) for aid, tp, ap in article_files(FIXTURE, "dev")}
    tp, ap = files[article_id]
    return load_article(article_id, "dev", tp, ap)


def _gold(article_id: str) -> list[tuple[str, str, str]]:
    art = _article(article_id)
    return [
        (art.raw[g.start : g.end], g.kind, g.source_text)
        for g in gold_quotes(art.raw, art.attributions)
    ]


# ------------------------------------------------------------------ format


def test_ann_roles_discontinuous_spans_and_missing_source() -> None:
    atts = parse_ann((DEV / "attributions" / f"{BETA}_aa01.ann").read_text(encoding="utf-8"))
    assert [a.id for a in atts] == ["E1", "E2", "E3"]
    assert len(atts[1].content) == 2  # "a b;c d": one discontinuous content span
    assert atts[1].source and atts[1].cue
    assert atts[2].source == ()  # Attribution-no-source
    assert len(atts[2].content) == 2  # Content and Content2


def test_multiline_span_text_does_not_break_parsing() -> None:
    atts = parse_ann((DEV / "attributions" / f"{ALPHA}_aa01.ann").read_text(encoding="utf-8"))
    assert len(atts) == 7 and all(a.content for a in atts)


def test_first_annotator_by_name_and_test_split_refused(tmp_path: Path) -> None:
    files = {aid: ap.name for aid, _tp, ap in article_files(FIXTURE, "dev")}
    assert files[GAMMA] == f"{GAMMA}_aa01.ann"
    assert sorted(files) == [ALPHA, BETA, GAMMA]
    with pytest.raises(ValueError):
        article_files(FIXTURE, "test")
    with pytest.raises(FileNotFoundError):
        article_files(tmp_path, "dev")


# ------------------------------------------------------------------ gold


def test_gold_quotes_kinds_and_sources() -> None:
    assert _gold(ALPHA) == [
        ("We will not rush this,", "direct", "Park"),
        ("The harbour belongs to everyone. It is not for sale,", "direct", "she"),
        ("giveaway", "partial", "Critics"),
        ("We were never asked.\n\n“Not once,", "direct", "Reyes"),  # one multi-paragraph quote
        ("postponed indefinitely,", "partial", "the clerk's office"),
    ]


def test_gold_doubled_apostrophes_and_several_parts() -> None:
    assert _gold(BETA) == [
        ("a house of cards.", "partial", "Senator Ada Rhee"),  # "that ..." makes it partial
        ("We cannot keep borrowing,", "direct", "Ms. Rhee"),
        ("Not this year.", "direct", "Ms. Rhee"),
        ("a long week.", "partial", ""),  # no source
    ]


def test_gold_headline_single_quotes_and_transcript_turns() -> None:
    # the transcript turns open their quote before "HOST:", outside the content
    assert _gold(GAMMA) == [
        ("Heated", "partial", "Host"),
        ("Will you take part in the next debate?", "direct", "HOST"),
        ("I will, if the rules are fair.", "direct", "GUEST"),
        ("We will see,", "direct", "he"),  # one attribution, two quoted parts
        ("Maybe next week.", "direct", "he"),
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “yes” and left.", ["yes"]),
        ("Don't touch Clinton’s car in the ’90s.", []),
        ("The voters’ choice was ‘clear’ today.", ["clear"]),
        ('He said "I read “Dune” twice" today.', ["I read “Dune” twice"]),
        ("''It works,'' she said.", ["It works,"]),
        ("“Open left\n\nand no reopening.", ["Open left"]),
    ],
)
def test_quoted_regions(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in quoted_regions(text)] == quoted


@pytest.mark.parametrize(
    ("source", "shape"),
    [
        ("she", "pronoun"),
        ("a source", "nominal"),
        ("Trump", "named"),
        ("Mr. Holt", "named"),
        ("", "none"),
    ],
)
def test_source_shape(source: str, shape: str) -> None:
    assert source_shape(source) == shape


# ------------------------------------------------------------------ alignment


def test_alignment_maps_across_a_dropped_control_character() -> None:
    raw = _article(BETA).raw
    clean = strip_controls(raw)
    assert clean != raw and len(clean) == len(raw) - 1
    align = Alignment(raw, clean)
    a = raw.index("Ada")
    assert align.to_clean((a, a + 3)) == (a - 1, a + 2)
    assert align.to_raw((a - 1, a + 2)) == (a, a + 3)
    assert align.to_clean((0, 7)) == (0, 7)
    assert Alignment(raw, raw).to_clean((5, 9)) == (5, 9)


def test_gold_spans_carry_to_the_engine_text() -> None:
    tp = DEV / "text" / f"{BETA}.txt"
    scored = polnear.evaluate_article(
        BETA, "dev", tp, DEV / "attributions" / f"{BETA}_aa01.ann", FIXTURE
    )
    engine_text = polnear.run_engine(tp, FIXTURE).text
    for g, (a, b) in zip(scored.gold, scored.gold_clean, strict=True):
        assert engine_text[a:b] == scored.raw[g.start : g.end]


# ------------------------------------------------------------------ speakers


@pytest.mark.parametrize(
    ("predicted", "names", "right"),
    [
        ("Donald Trump", ["Republican nominee Donald Trump"], True),
        ("Donald Trump", ["Trump"], True),
        ("Trump", ["Donald Trump"], True),
        ("Donald Trump", ["Ivanka Trump"], False),
        ("Ada Rhee", ["Ms. Rhee"], True),
        ("Tom Reyes", ["The opposition leader, Tom Reyes"], True),
        ("Hillary Clinton", ["the Clinton campaign"], False),
        ("Hillary Clinton", ["Clinton's spokesman"], False),
        ("Lina Park", ["she"], False),
    ],
)
def test_name_matches(predicted: str, names: list[str], right: bool) -> None:
    assert polnear.name_matches(predicted, names) is right


def _fake_engine(quotes: dict[str, list[polnear.Predicted]]):
    """An engine stand-in: the real reader's text, the given predictions."""
    real = polnear.run_engine

    def run(path: Path, root: Path) -> polnear.EngineOutput:
        out = real(path, root)
        return polnear.EngineOutput(out.text, out.paragraphs, quotes.get(path.stem, []))

    return run


def _span(article: str, needle: str) -> tuple[int, int]:
    text = strip_controls((DEV / "text" / f"{article}.txt").read_text(encoding="utf-8"))
    a = text.index(needle)
    return a, a + len(needle)


def _pred(article: str, needle: str, kind: str, speaker: str | None, mention: str | None):
    a, b = _span(article, needle)
    m = _span(article, mention) if mention else None
    return polnear.Predicted(a, b, kind, speaker, m)


@pytest.fixture
def staged(monkeypatch: pytest.MonkeyPatch) -> dict:
    quotes = {
        ALPHA: [
            _pred(
                ALPHA, "We will not rush this,", "direct", "Lina Park", "Park said on"
            ),  # mention
            _pred(ALPHA, "It is not for sale,", "direct", "Lina Park", None),  # 20/52: coref name
            _pred(ALPHA, "giveaway", "partial", "Tom Reyes", "Tom Reyes"),  # wrong speaker
            _pred(ALPHA, "We were never asked.", "direct", None, None),  # 20/34, no speaker
            _pred(ALPHA, "next month", "indirect", "Lina Park", None),  # not scored
        ],
        BETA: [
            _pred(BETA, "We cannot keep borrowing,", "direct", "Ada Rhee", None),  # by name
            _pred(BETA, "a long week.", "partial", "Ada Rhee", None),  # no source: unchecked
            _pred(BETA, "Ms. Rhee said", "direct", "Ada Rhee", None),  # false positive
        ],
        GAMMA: [
            _pred(GAMMA, "We will see,", "direct", "Sam Hale", "he said"),  # mention
            _pred(GAMMA, "Maybe next week.", "direct", "Sam Hale", None),  # same attribution
        ],
    }
    monkeypatch.setattr(polnear, "run_engine", _fake_engine(quotes))
    return polnear.score(FIXTURE, "dev")


def test_counts_and_metrics_at_both_thresholds(staged: dict) -> None:
    at30 = staged["all"]["at"]["0.3"]
    assert staged["gold_quotes"] == 14
    assert at30["all"]["gold"] == 14 and at30["all"]["found"] == 8
    assert at30["all"]["predicted"] == 9 and at30["all"]["correct"] == 8
    assert at30["all"]["recall"] == round(8 / 14, 4)
    assert at30["all"]["precision"] == round(8 / 9, 4)
    assert at30["direct"]["gold"] == 9 and at30["partial"]["gold"] == 5
    # speaker: 7 checked (a long week has no source); 5 right, 2 wrong
    assert at30["all"]["checked"] == 7 and at30["all"]["speaker_right"] == 5
    at80 = staged["all"]["at"]["0.8"]
    assert at80["all"]["found"] == 6  # "It is not for sale" and "We were never asked" too short
    how = staged["all"]["speaker_right_by"]
    assert how == {"mention": 2, "name": 1, "coref": 1, "same-attribution": 1, "anonymous": 0}


def test_calibration_counts_checked_quotes_by_confidence(staged: dict) -> None:
    cal = staged["all"]["calibration"]
    # every stand-in prediction has confidence 0.5: all seven checked quotes in one bin
    assert cal["0.50-0.65"] == {"right": 5, "of": 7, "share": round(5 / 7, 4)}
    assert cal[">=0.80"] == {"right": 0, "of": 0, "share": 1.0}
    assert sum(v["of"] for k, v in cal.items() if k != ">=0.80") == 7


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a senior aide", True),
        ("one voter", True),
        ("officials", True),
        ("federal prosecutors", True),
        ("the newspaper", False),  # someone the article names: a name is expected
        ("the campaign", False),
        ("he", False),
        ("Ann Roe", False),
    ],
)
def test_anonymous_sources(source: str, expected: bool) -> None:
    assert polnear.anonymous(source) is expected


def test_same_attribution_needs_the_same_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    quotes = {
        GAMMA: [
            _pred(GAMMA, "We will see,", "direct", "Sam Hale", "he said"),
            _pred(GAMMA, "Maybe next week.", "direct", "Ann Other", None),
        ]
    }
    monkeypatch.setattr(polnear, "run_engine", _fake_engine(quotes))
    result = polnear.score(FIXTURE, "dev")["all"]
    assert result["speaker_right_by"]["same-attribution"] == 0
    (wrong,) = result["errors"]["wrong_speaker"]
    assert wrong["predicted"] == "Ann Other" and wrong["source"] == "he"


def test_error_lists(staged: dict) -> None:
    errors = staged["all"]["errors"]
    assert len(errors["missed"]) == 6
    headline = next(e for e in errors["missed"] if e["article"] == GAMMA and e["kind"] == "partial")
    assert headline["in_body"] is False
    (fp,) = errors["false_positive"]
    assert fp["article"] == BETA and "Ms. Rhee said" in fp["context"]
    (wrong,) = errors["wrong_speaker"]
    assert wrong["source"] == "Critics" and wrong["predicted"] == "Tom Reyes"
    (none,) = errors["no_speaker"]
    assert none["source"] == "Reyes"
    for items in errors.values():
        for e in items:
            assert len(e["context"]) <= polnear.CONTEXT and "\n" not in e["context"]


def test_indirect_predictions_are_counted_not_scored(staged: dict) -> None:
    info = staged["all"]["info"]
    assert info["indirect_predicted"] == 1 and info["no_source"] == 1


def test_disagreements_are_excluded_both_ways(
    monkeypatch: pytest.MonkeyPatch, staged: dict, tmp_path: Path
) -> None:
    raw = _article(ALPHA).raw
    giveaway = raw.index("giveaway")
    beta = _article(BETA).raw
    said = beta.index("Ms. Rhee said")
    path = tmp_path / "d.json"
    entries = [
        {"split": "dev", "article": ALPHA, "start": giveaway, "end": giveaway + 8,
         "action": "skip-speaker", "reason": "test"},
        {"split": "dev", "article": GAMMA, "start": 22, "end": 28, "action": "drop-gold",
         "reason": "test"},
        {"split": "dev", "article": BETA, "start": said, "end": said + 13,
         "action": "unannotated", "reason": "test"},
    ]  # fmt: skip
    path.write_text(json.dumps(entries), encoding="utf-8")
    result = polnear.score(FIXTURE, "dev", disagreements=path)
    assert result["all"]["at"] == staged["all"]["at"]
    ex = result["excluding_disagreements"]["at"]["0.3"]["all"]
    assert ex["gold"] == 13 and ex["predicted"] == 8 and ex["correct"] == 8
    assert ex["checked"] == 6 and ex["speaker_right"] == 5
    assert result["disagreements"] == {"drop-gold": 1, "skip-speaker": 1, "unannotated": 1}


# ------------------------------------------------------------------ the CLI, real engine


def test_cli_on_fixture_with_the_real_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert polnear.main(["--polnear", str(FIXTURE), "--errors", "3"]) == 0
    out = capsys.readouterr().out
    assert "PolNeAR dev: 3 articles, 14 gold quotes" in out
    assert "overlap >= 30%" in out and "overlap >= 80%" in out and "missed" in out
    assert polnear.main(["--polnear", str(FIXTURE), "--json", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1 and set(data["all"]["at"]) == {"0.3", "0.8"}
    assert data["all"]["at"]["0.3"]["all"]["found"] >= 1


def test_cli_refuses_test_split_and_missing_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        polnear.main(["--polnear", str(FIXTURE), "--split", "test"])
    assert "invalid choice" in capsys.readouterr().err
    assert polnear.main(["--polnear", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no PolNeAR dev split" in err


def test_committed_disagreements_file_holds_offsets_and_reasons_only() -> None:
    entries = json.loads(polnear.DISAGREEMENTS.read_text(encoding="utf-8"))
    assert entries, "the file lists at least one disagreement"
    for e in entries:
        assert set(e) == {"split", "article", "start", "end", "action", "reason"}
        assert e["split"] in ("dev", "train")
        assert e["action"] in ("drop-gold", "skip-speaker", "unannotated")
        assert 0 <= e["start"] < e["end"] and len(e["reason"]) <= 160
