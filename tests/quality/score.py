"""Score the quote extractor against a gold file.

    python tests/quality/score.py [--gold GOLD.json] [--corpus DIR] [--json]

Matching follows the SFU Gender Gap Tracker: a predicted quote matches a gold quote when
the characters they share cover at least 30% of the gold quote (80% is reported too),
one-to-one, greedily by overlap, whatever the kinds. A match is speaker-right when the
predicted speaker is the gold speaker, one of its aliases in that article, or folds to the
same name. A gold speaker may be a list (joint speakers: each predicted name must be one of
them) or null (unknown: only an unknown prediction is right). Recall is reported by gold kind,
precision by predicted kind. Calibration: speaker accuracy of the matched quotes by their
confidence, and of every quote at 0.8 or more.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsbrowse.index.model import QUOTE_KINDS, Quote
from newsbrowse.index.quotes import extract_quotes
from newsbrowse.index.reading import read_article
from newsbrowse.index.speakers import fold_name

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT / "tests" / "data" / "seeds-gold.json"
DEFAULT_CORPUS = ROOT / "seeds"
THRESHOLDS = (0.3, 0.8)

Span = tuple[int, int]


def locate(text: str, quote: str) -> list[Span]:
    """Every place ``quote`` occurs in ``text`` (whitespace-insensitive as a fallback)."""
    spans = []
    start = text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    if not spans:
        words = quote.split()
        if words:
            pattern = r"\s+".join(re.escape(w) for w in words)
            spans = [m.span() for m in re.finditer(pattern, text)]
    return spans


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(
    golds: Sequence[list[Span]], preds: Sequence[Span], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (gold, prediction) pairs whose overlap covers ``threshold`` of the gold."""
    candidates = []
    for g, spans in enumerate(golds):
        for p, pred in enumerate(preds):
            best = max((_overlap(span, pred) for span in spans), default=0)
            length = max(span[1] - span[0] for span in spans) if spans else 0
            if length and best >= threshold * length:
                candidates.append((best, -g, -p))
    pairs = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _best, g, p in sorted(candidates, reverse=True):
        if -g not in used_g and -p not in used_p:
            used_g.add(-g)
            used_p.add(-p)
            pairs.append((-g, -p))
    return pairs


def speaker_right(predicted: str | None, gold: str, aliases: Sequence[str]) -> bool:
    """Whether the predicted speaker is the gold speaker (or an alias of it)."""
    if not predicted:
        return False
    names = [gold, *aliases]
    return predicted in names or fold_name(predicted) in {fold_name(n) for n in names}


def gold_speaker_right(
    predicted: str | Sequence[str] | None,
    gold: str | Sequence[str] | None,
    speakers: dict[str, list[str]],
) -> bool:
    """Whether the predicted speaker(s) match a gold speaker that may be a list or null."""
    if gold is None:
        return not predicted
    golds = [gold] if isinstance(gold, str) else list(gold)
    preds = [predicted] if isinstance(predicted, str) or predicted is None else list(predicted)
    if not preds or None in preds:
        return False
    return all(any(speaker_right(p, g, speakers.get(g, [])) for g in golds) for p in preds)


def predicted(q: Quote) -> str | Sequence[str] | None:
    """The quote's speaker as scored: the list of joint speakers, else the one name."""
    return list(q.speakers) if len(q.speakers) > 1 else q.speaker


def _empty_counts() -> dict[str, Any]:
    return {
        "gold": 0,
        "found": 0,
        "speaker_right": 0,
        "predicted": 0,
        "correct": 0,
    }


def score(gold_path: Path = DEFAULT_GOLD, corpus: Path = DEFAULT_CORPUS) -> dict[str, Any]:
    """Run the extractor on every gold article and compare."""
    gold_files = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    counts = {t: {k: _empty_counts() for k in ("all", *QUOTE_KINDS)} for t in THRESHOLDS}
    calibration = {b: [0, 0] for b in CONFIDENCE_BINS}
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    wrong_speaker: list[dict[str, Any]] = []
    unlocated: list[dict[str, Any]] = []
    for entry in gold_files:
        article = read_article(Path(corpus) / entry["file"], Path(corpus))
        quotes = extract_quotes(article.text, article.paragraphs).quotes
        golds = entry["quotes"]
        spans = [locate(article.text, g["text"]) for g in golds]
        for g, found in zip(golds, spans, strict=True):
            if not found:
                unlocated.append({"file": entry["file"], "text": g["text"]})
        preds = [(q.start, q.end) for q in quotes]
        for t in THRESHOLDS:
            pairs = match(spans, preds, t)
            _count(counts[t], entry, golds, quotes, pairs)
            if t == THRESHOLDS[0]:
                _collect(entry, golds, quotes, pairs, misses, false_positives, wrong_speaker)
                for g, p in pairs:
                    right = gold_speaker_right(
                        predicted(quotes[p]), golds[g]["speaker"], entry["speakers"]
                    )
                    low = max(b for b in CONFIDENCE_BINS if quotes[p].confidence >= b)
                    calibration[low][0] += right
                    calibration[low][1] += 1
    return {
        "files": len(gold_files),
        "at": {str(t): _metrics(c) for t, c in counts.items()},
        "calibration": _calibration(calibration),
        "misses": misses,
        "false_positives": false_positives,
        "wrong_speaker": wrong_speaker,
        "unlocated": unlocated,
    }


def _count(
    c: dict[str, dict[str, Any]],
    entry: dict[str, Any],
    golds: list[dict[str, Any]],
    quotes: Sequence[Quote],
    pairs: list[tuple[int, int]],
) -> None:
    matched_g = {g: p for g, p in pairs}
    matched_p = {p for _g, p in pairs}
    for g, gold in enumerate(golds):
        for kind in ("all", gold["kind"]):
            c[kind]["gold"] += 1
            if g in matched_g:
                c[kind]["found"] += 1
                q = quotes[matched_g[g]]
                if gold_speaker_right(predicted(q), gold["speaker"], entry["speakers"]):
                    c[kind]["speaker_right"] += 1
    for p, q in enumerate(quotes):
        for kind in ("all", q.kind):
            c[kind]["predicted"] += 1
            if p in matched_p:
                c[kind]["correct"] += 1


def _collect(
    entry: dict[str, Any],
    golds: list[dict[str, Any]],
    quotes: Sequence[Quote],
    pairs: list[tuple[int, int]],
    misses: list[dict[str, Any]],
    false_positives: list[dict[str, Any]],
    wrong_speaker: list[dict[str, Any]],
) -> None:
    matched_g = {g: p for g, p in pairs}
    matched_p = {p for _g, p in pairs}
    for g, gold in enumerate(golds):
        if g not in matched_g:
            misses.append({"file": entry["file"], **gold})
            continue
        q = quotes[matched_g[g]]
        if not gold_speaker_right(predicted(q), gold["speaker"], entry["speakers"]):
            wrong_speaker.append(
                {
                    "file": entry["file"],
                    "kind": gold["kind"],
                    "gold": gold["speaker"],
                    "predicted": q.speaker,
                    "text": gold["text"],
                }
            )
    for p, q in enumerate(quotes):
        if p not in matched_p:
            false_positives.append(
                {"file": entry["file"], "kind": q.kind, "speaker": q.speaker, "text": q.text}
            )


CONFIDENCE_BINS = (0.0, 0.5, 0.65, 0.8, 0.9)


def _calibration(bins: dict[float, list[int]]) -> dict[str, Any]:
    """Speaker accuracy of matched quotes (30%) per confidence bin, and of every quote at
    0.8 or more (the promise: at least 95% right)."""
    out: dict[str, Any] = {}
    edges = [*CONFIDENCE_BINS, 1.01]
    for lo, hi in itertools.pairwise(edges):
        right, n = bins[lo]
        out[f"{lo:.2f}-{min(hi, 1.0):.2f}"] = {"right": right, "of": n, "share": _ratio(right, n)}
    high = [bins[b] for b in CONFIDENCE_BINS if b >= 0.8]
    right, n = sum(r for r, _ in high), sum(n for _, n in high)
    out[">=0.80"] = {"right": right, "of": n, "share": _ratio(right, n)}
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _metrics(c: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out = {}
    for kind, n in c.items():
        precision = _ratio(n["correct"], n["predicted"])
        recall = _ratio(n["found"], n["gold"])
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0
        out[kind] = {
            **n,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speaker_accuracy": _ratio(n["speaker_right"], n["found"]),
        }
    return out


def render(result: dict[str, Any]) -> str:
    """The scores as a human-readable report."""
    lines = [f"{result['files']} articles"]
    for t, by_kind in result["at"].items():
        lines.append("")
        lines.append(f"overlap >= {float(t):.0%}")
        lines.append(
            f"  {'kind':9} {'gold':>5} {'found':>6} {'recall':>7} {'pred':>5} {'correct':>8} "
            f"{'precision':>9} {'f1':>6} {'speaker':>8}"
        )
        for kind, m in by_kind.items():
            lines.append(
                f"  {kind:9} {m['gold']:5d} {m['found']:6d} {m['recall']:7.3f} "
                f"{m['predicted']:5d} {m['correct']:8d} {m['precision']:9.3f} {m['f1']:6.3f} "
                f"{m['speaker_accuracy']:8.3f}"
            )
    lines.append("")
    lines.append(
        "speaker right by confidence (30%): "
        + ", ".join(
            f"{k} {v['right']}/{v['of']} ({v['share']:.3f})"
            for k, v in result["calibration"].items()
        )
    )
    sections = [
        ("misses (gold not found)", result["misses"], "speaker"),
        ("false positives (predicted, not in gold)", result["false_positives"], "speaker"),
    ]
    for title, items, who in sections:
        lines.append("")
        lines.append(f"{title}: {len(items)}")
        for item in items:
            lines.append(f"  {item['file']} [{item['kind']}] {item[who]}: {item['text']!r}")
    lines.append("")
    lines.append(f"wrong speaker: {len(result['wrong_speaker'])}")
    for item in result["wrong_speaker"]:
        lines.append(
            f"  {item['file']} [{item['kind']}] gold {item['gold']!r}, "
            f"predicted {item['predicted']!r}: {item['text']!r}"
        )
    if result["unlocated"]:
        lines.append("")
        lines.append(f"gold quotes not found in the article text: {len(result['unlocated'])}")
        for item in result["unlocated"]:
            lines.append(f"  {item['file']}: {item['text']!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = score(args.gold, args.corpus)
    print(json.dumps(result, indent=1, ensure_ascii=False) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
