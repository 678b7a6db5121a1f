"""Score the quote extractor's direct and partial quotes against PolNeAR (dev or train split).

    python tests/quality/polnear.py --polnear /work/data/polnear [--split dev|train] [--json]
        [--errors N] [--limit N] [--exclude-disagreements]

``--polnear`` is a folder holding PolNeAR's ``data/<split>/text`` and ``data/<split>/attributions``
(and, optionally, ``data/<split>/corenlp``). The test split is never read.

- **Gold** (``polnear_gold``): the quoted parts of every attribution's content; a part is
  ``direct`` when it is (nearly) the whole content, else ``partial``; its speaker is the
  attribution's source.
- **Predictions**: the engine run on each article file exactly as newsbrowse reads it
  (:func:`run_engine`); direct and partial quotes are scored, indirect ones only counted.
  Offsets are carried between PolNeAR's raw text and newsbrowse's text by ``polnear_align``.
- **Matching** as ``score.py`` does (its ``match``): one-to-one, greedy by overlap; a match
  when the shared characters cover at least 30% (and, reported too, 80%) of the gold quote.
- **Speaker right** when the predicted speaker's mention overlaps the gold source span, or the
  predicted name matches (folded; a surname alone may match) a name in the source, or a name
  CoreNLP's coreference gives the entity the source refers to (``polnear_coref``; automatic,
  counted apart). A speaker must be given, except where the source names nobody (``a
  senior aide said``): an unknown speaker described by the source's words (its mention
  overlaps the source, and the quote has a role) is right there, counted apart
  ("anonymous"). Quotes whose attribution has no source are left out of speaker accuracy.
- **Calibration**: speaker accuracy per confidence bin, and of all quotes at 0.8 or more.
- **Disagreements**: ``polnear_disagreements.json`` lists places where we judge PolNeAR's
  annotation wrong (offsets and reasons only). ``--exclude-disagreements`` reports the scores
  both with and without them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from polnear_align import Alignment  # noqa: E402
from polnear_coref import load_chains, source_names  # noqa: E402
from polnear_format import SPLITS, article_files, load_article  # noqa: E402
from polnear_gold import GoldQuote, gold_quotes, source_shape  # noqa: E402
from score import CONFIDENCE_BINS, _calibration, _ratio, match  # noqa: E402

from newsbrowse.index.speakers import fold_name  # noqa: E402

THRESHOLDS = (0.3, 0.8)
KINDS = ("direct", "partial")
DISAGREEMENTS = HERE / "polnear_disagreements.json"
CONTEXT = 120  # at most this many characters of article text per error line

Span = tuple[int, int]


@dataclass(frozen=True)
class Predicted:
    """One predicted quote, in the engine's own (clean-text) offsets."""

    start: int
    end: int
    kind: str
    speaker: str | None
    mention: Span | None
    confidence: float = 0.5
    role: str | None = None  # what the attribution calls an unknown speaker ("a senior aide")


@dataclass
class EngineOutput:
    """What the engine made of one article file."""

    text: str
    paragraphs: tuple[Span, ...]
    quotes: list[Predicted]


def run_engine(path: Path, root: Path) -> EngineOutput:
    """Read the file as newsbrowse reads it and extract its quotes.

    The one place that touches the engine's API: repoint these imports after a refactor.
    """
    from newsbrowse.index.quotes import extract_quotes
    from newsbrowse.index.reading import read_article

    article = read_article(path, root)
    quotes = [
        Predicted(
            q.start,
            q.end,
            q.kind,
            q.speaker,
            (q.mention.start, q.mention.end) if q.mention is not None else None,
            q.confidence,
            q.role,
        )
        for q in extract_quotes(article.text, article.paragraphs).quotes
    ]
    return EngineOutput(article.text, article.paragraphs, quotes)


# ------------------------------------------------------------------ speakers


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    "mr mrs ms miss dr sen senator rep gov governor president pres vice prof gen rev "
    "secretary minister chairman chairwoman speaker judge justice mayor sir lady lord"
)


def _name_pieces(name: str) -> list[list[str]]:
    """Folded word lists of a source's name-like pieces (split at commas and "who")."""
    pieces = re.split(r",|\bwho\b|\(|\)", name)
    out = []
    for piece in pieces:
        words = fold_name(re.sub(r"['’]s\b", "", piece)).split()
        if words:
            out.append(words)
    return out


def name_matches(predicted: str, names: Sequence[str]) -> bool:
    """Whether the predicted speaker names one of ``names``.

    Folded. Right when the predicted name's words end a piece of the gold name ("Donald Trump"
    in "Republican nominee Donald Trump"), or when the surnames agree and the gold gives no
    different first name ("Trump" for "Donald Trump", not "Ivanka Trump").
    """
    p = fold_name(predicted).split()
    if not p:
        return False
    for name in names:
        for g in _name_pieces(name):
            if len(p) <= len(g) and g[-len(p) :] == p:
                return True
            if g[-1] == p[-1]:
                before = g[-2] if len(g) >= 2 else None
                if len(p) == 1 or before is None or before == p[0] or before in _TITLES:
                    return True
    return False


def _overlaps(a: Span, spans: Sequence[Span]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


# ------------------------------------------------------------------ per article


@dataclass
class Scored:
    """One article's gold, predictions and what is needed to judge speakers."""

    id: str
    split: str
    raw: str
    gold: list[GoldQuote]
    gold_clean: list[Span]
    source_clean: list[tuple[Span, ...]]
    chain_names: list[list[str]]
    preds: list[Predicted]  # direct and partial
    indirect: list[Predicted]
    align: Alignment
    paragraphs: tuple[Span, ...]
    error: str | None = None


def evaluate_article(
    article_id: str, split: str, text_path: Path, ann_path: Path, root: Path
) -> Scored:
    """Gold and predictions of one article, offsets aligned to the engine's text."""
    art = load_article(article_id, split, text_path, ann_path)
    gold = gold_quotes(art.raw, art.attributions)
    error = None
    try:
        out = run_engine(text_path, root)
    except Exception as exc:  # an unreadable file scores as all gold missed
        error = f"{type(exc).__name__}: {exc}"
        out = EngineOutput(art.raw, (), [])
    align = Alignment(art.raw, out.text)
    chains = load_chains(text_path) if gold else []
    return Scored(
        id=article_id,
        split=split,
        raw=art.raw,
        gold=gold,
        gold_clean=[align.to_clean((g.start, g.end)) for g in gold],
        source_clean=[tuple(align.to_clean(s) for s in g.source) for g in gold],
        chain_names=[source_names(chains, g.source) if g.source else [] for g in gold],
        preds=[q for q in out.quotes if q.kind in KINDS],
        indirect=[q for q in out.quotes if q.kind not in KINDS],
        align=align,
        paragraphs=out.paragraphs,
        error=error,
    )


_ANONYMOUS = _words(
    "a an one two three four several some many most another other few both all numerous"
)


_DEFINITE = _words("the this that these those his her its their our my your")


def anonymous(source_text: str) -> bool:
    """Whether a source names nobody: ``a senior aide``, ``one voter``, ``officials``
    (indefinite, or a bare lower-case plural), not ``the newspaper`` (someone named)."""
    words = source_text.split()
    if not words or source_shape(source_text) != "nominal":
        return False
    first = words[0].lower()
    if first in _ANONYMOUS:
        return True
    bare = first not in _DEFINITE and all(w.islower() for w in words)
    return bare and words[-1].isalpha() and words[-1].endswith("s")


def speaker_verdict(a: Scored, g: int, q: Predicted) -> str | None:
    """How the predicted speaker is right ("mention", "name", "coref", "anonymous") or None
    (not shown). A speaker must be given, except for a source that names nobody (``a senior
    aide said``): there the right answer is an unknown speaker described by that source's
    words (its mention overlaps the source and the quote carries a role)."""
    if q.speaker is None:
        gq = a.gold[g]
        if (
            q.role
            and q.mention is not None
            and _overlaps(q.mention, a.source_clean[g])
            and anonymous(gq.source_text)
        ):
            return "anonymous"
        return None
    if q.mention is not None and _overlaps(q.mention, a.source_clean[g]):
        return "mention"
    if q.speaker and name_matches(q.speaker, [a.gold[g].source_text]):
        return "name"
    if q.speaker and name_matches(q.speaker, a.chain_names[g]):
        return "coref"
    return None


def speaker_verdicts(a: Scored, matched: dict[int, int]) -> dict[int, str | None]:
    """The verdict of every matched gold quote. One attribution has one source, so a quote
    whose own evidence is silent is right when another quote of the same attribution was
    shown right for the same predicted speaker ("same-attribution": ``“A,” he said. “B.”``)."""
    verdicts = {g: speaker_verdict(a, g, a.preds[p]) for g, p in matched.items()}
    shown: dict[str, set[str]] = {}
    for g, v in verdicts.items():
        speaker = a.preds[matched[g]].speaker
        if v is not None and speaker:
            shown.setdefault(a.gold[g].attribution, set()).add(speaker)
    for g, v in verdicts.items():
        speaker = a.preds[matched[g]].speaker
        if v is None and speaker in shown.get(a.gold[g].attribution, ()):
            verdicts[g] = "same-attribution"
    return verdicts


# ------------------------------------------------------------------ disagreements


@dataclass
class Exclusions:
    """Where we judge PolNeAR's annotation wrong, by (split, article id)."""

    drop_gold: dict[tuple[str, str], list[Span]] = field(default_factory=dict)
    skip_speaker: dict[tuple[str, str], list[Span]] = field(default_factory=dict)
    unannotated: dict[tuple[str, str], list[Span]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Exclusions:
        """Read the disagreements file: a JSON list of {split, article, start, end, action,
        reason}; ``action`` is ``drop-gold`` (not a quote), ``skip-speaker`` (the source is
        not the speaker) or ``unannotated`` (a quote PolNeAR left without attribution)."""
        out = cls()
        for entry in json.loads(path.read_text(encoding="utf-8")):
            key = (entry["split"], entry["article"])
            target = {
                "drop-gold": out.drop_gold,
                "skip-speaker": out.skip_speaker,
                "unannotated": out.unannotated,
            }[entry["action"]]
            target.setdefault(key, []).append((int(entry["start"]), int(entry["end"])))
        return out

    def count(self) -> dict[str, int]:
        return {
            "drop-gold": sum(map(len, self.drop_gold.values())),
            "skip-speaker": sum(map(len, self.skip_speaker.values())),
            "unannotated": sum(map(len, self.unannotated.values())),
        }


# ------------------------------------------------------------------ tallying


def _counts() -> dict[str, int]:
    return {"gold": 0, "found": 0, "checked": 0, "speaker_right": 0, "predicted": 0, "correct": 0}


def tally(articles: Sequence[Scored], ex: Exclusions | None = None) -> dict[str, Any]:
    """Counts, metrics and error lists over the articles (errors at the 30% threshold)."""
    ex = ex or Exclusions()
    counts = {t: {k: _counts() for k in ("all", *KINDS)} for t in THRESHOLDS}
    by_shape: dict[str, dict[str, int]] = {}
    how: dict[str, int] = {
        "mention": 0,
        "name": 0,
        "coref": 0,
        "same-attribution": 0,
        "anonymous": 0,
    }
    calibration = _bins()
    errors: dict[str, list[dict[str, Any]]] = {
        "missed": [],
        "false_positive": [],
        "wrong_speaker": [],
        "no_speaker": [],
    }
    info = {"articles": len(articles), "unreadable": 0, "no_source": 0, "indirect_predicted": 0}
    info.update({"indirect_on_missed_gold": 0, "excluded_gold": 0, "excluded_predictions": 0})
    info["excluded_speaker_checks"] = 0
    info["wrong_unverifiable"] = 0
    for a in articles:
        key = (a.split, a.id)
        info["unreadable"] += a.error is not None
        info["indirect_predicted"] += len(a.indirect)
        keep_g = [
            g
            for g, q in enumerate(a.gold)
            if not _overlaps((q.start, q.end), ex.drop_gold.get(key, []))
        ]
        info["excluded_gold"] += len(a.gold) - len(keep_g)
        unannotated = [a.align.to_clean(s) for s in ex.unannotated.get(key, [])]
        keep_p = [p for p, q in enumerate(a.preds) if not _overlaps((q.start, q.end), unannotated)]
        info["excluded_predictions"] += len(a.preds) - len(keep_p)
        preds = [(a.preds[p].start, a.preds[p].end) for p in keep_p]
        for t in THRESHOLDS:
            pairs = match([[a.gold_clean[g]] for g in keep_g], preds, t)
            matched = {keep_g[g]: keep_p[p] for g, p in pairs}
            verdicts = speaker_verdicts(a, matched)
            c = counts[t]
            for g in keep_g:
                gq = a.gold[g]
                checked = bool(gq.source) and not _overlaps(
                    (gq.start, gq.end), ex.skip_speaker.get(key, [])
                )
                verdict = verdicts.get(g)
                for kind in ("all", gq.kind):
                    c[kind]["gold"] += 1
                    if g in matched:
                        c[kind]["found"] += 1
                        c[kind]["checked"] += checked
                        c[kind]["speaker_right"] += checked and verdict is not None
                if t == THRESHOLDS[0]:
                    info["no_source"] += not gq.source
                    info["excluded_speaker_checks"] += bool(gq.source) and not checked
                    _errors(a, g, matched.get(g), verdict, checked, errors, info)
                    if g in matched and checked:
                        shape = by_shape.setdefault(source_shape(gq.source_text), _counts())
                        shape["checked"] += 1
                        shape["speaker_right"] += verdict is not None
                        if verdict:
                            how[verdict] += 1
                        _calibrate(calibration, a.preds[matched[g]].confidence, verdict)
            matched_p = set(matched.values())
            for p in keep_p:
                q = a.preds[p]
                for kind in ("all", q.kind):
                    c[kind]["predicted"] += 1
                    c[kind]["correct"] += p in matched_p
                if t == THRESHOLDS[0] and p not in matched_p:
                    errors["false_positive"].append(_pred_error(a, q))
    return {
        "info": info,
        "at": {str(t): _metrics(c) for t, c in counts.items()},
        "speaker_by_source": {
            k: {"checked": v["checked"], "right": v["speaker_right"]} for k, v in by_shape.items()
        },
        "speaker_right_by": how,
        "calibration": _calibration(calibration),
        "error_counts": {k: len(v) for k, v in errors.items()},
        "errors": errors,
    }


def _errors(
    a: Scored,
    g: int,
    p: int | None,
    verdict: str | None,
    checked: bool,
    errors: dict[str, list[dict[str, Any]]],
    info: dict[str, int],
) -> None:
    gq = a.gold[g]
    entry = {
        "split": a.split,
        "article": a.id,
        "start": gq.start,
        "end": gq.end,
        "kind": gq.kind,
        "source": gq.source_text or None,
        "context": context(a.raw, gq.start, gq.end),
    }
    if p is None:
        span = a.gold_clean[g]
        near = [q for q in a.indirect if _overlaps((q.start, q.end), [span])]
        if near:
            info["indirect_on_missed_gold"] += 1
        body = any(s <= span[0] and span[1] <= e for s, e in a.paragraphs)
        errors["missed"].append({**entry, "as_indirect": bool(near), "in_body": body})
        return
    q = a.preds[p]
    if not checked or verdict is not None:
        return
    entry["predicted"] = q.speaker
    if q.mention is not None:
        entry["mention"] = list(a.align.to_raw(q.mention))
    entry["coref_names"] = a.chain_names[g]
    shape = source_shape(gq.source_text)
    if q.speaker and shape in ("pronoun", "nominal") and not a.chain_names[g]:
        info["wrong_unverifiable"] += 1  # "he", "the mayor": no chain names whom; maybe right
    errors["wrong_speaker" if q.speaker else "no_speaker"].append(entry)


def _pred_error(a: Scored, q: Predicted) -> dict[str, Any]:
    start, end = a.align.to_raw((q.start, q.end))
    return {
        "split": a.split,
        "article": a.id,
        "start": start,
        "end": end,
        "kind": q.kind,
        "predicted": q.speaker,
        "context": context(a.raw, start, end),
    }


def context(text: str, start: int, end: int, limit: int = CONTEXT) -> str:
    """``…before ⟨span…⟩ after…`` on one line, at most ``limit`` characters."""
    clean = lambda s: re.sub(r"\s+", " ", "".join(c if c.isprintable() else " " for c in s))  # noqa: E731
    before = clean(text[max(0, start - 30) : start])[-24:]
    after = clean(text[end : end + 30])[:18]
    inner = clean(text[start:end])
    room = limit - len(before) - len(after) - 4
    if len(inner) > room:
        inner = inner[: room - 1] + "…"
    return f"…{before}⟨{inner}⟩{after}…"


def _bins() -> dict[float, list[int]]:
    return {b: [0, 0] for b in CONFIDENCE_BINS}


def _calibrate(bins: dict[float, list[int]], confidence: float, verdict: str | None) -> None:
    """Count a checked quote in the bin of its confidence (right, all)."""
    low = max(b for b in CONFIDENCE_BINS if confidence >= b)
    bins[low][0] += verdict is not None
    bins[low][1] += 1


def _metrics(c: dict[str, dict[str, int]]) -> dict[str, Any]:
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
            "speaker_accuracy": _ratio(n["speaker_right"], n["checked"]),
        }
    return out


# ------------------------------------------------------------------ running


def evaluate(root: Path, split: str, limit: int | None = None) -> list[Scored]:
    """Every annotated article of the split (the first ``limit`` by id), evaluated."""
    files = article_files(root, split)
    if limit is not None:
        files = files[:limit]
    return [evaluate_article(aid, split, tp, ap, tp.parent.parent.parent) for aid, tp, ap in files]


def score(
    root: Path,
    split: str = "dev",
    limit: int | None = None,
    disagreements: Path | None = None,
) -> dict[str, Any]:
    """The result for one split; with ``disagreements``, also the result excluding them."""
    started, cpu = time.perf_counter(), time.process_time()
    articles = evaluate(root, split, limit)
    result: dict[str, Any] = {"split": split, "articles": len(articles)}
    result["gold_quotes"] = sum(len(a.gold) for a in articles)
    result["all"] = tally(articles)
    if disagreements is not None:
        ex = Exclusions.load(disagreements)
        result["disagreements"] = ex.count()
        result["excluding_disagreements"] = tally(articles, ex)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["cpu_seconds"] = round(time.process_time() - cpu, 2)
    return result


def _table(res: dict[str, Any]) -> list[str]:
    lines = []
    for t, by_kind in res["at"].items():
        lines.append(f"overlap >= {float(t):.0%}")
        lines.append(
            f"  {'kind':8} {'gold':>5} {'found':>6} {'recall':>7} {'pred':>5} {'correct':>8} "
            f"{'precision':>9} {'f1':>6} {'speaker':>8} {'(of)':>6}"
        )
        for kind, m in by_kind.items():
            lines.append(
                f"  {kind:8} {m['gold']:5d} {m['found']:6d} {m['recall']:7.3f} "
                f"{m['predicted']:5d} {m['correct']:8d} {m['precision']:9.3f} {m['f1']:6.3f} "
                f"{m['speaker_accuracy']:8.3f} {m['checked']:6d}"
            )
    by = res["speaker_by_source"]
    shapes = ", ".join(f"{k} {v['right']}/{v['checked']}" for k, v in sorted(by.items()))
    lines.append(f"speaker right by gold source shape (30%): {shapes}")
    how = res["speaker_right_by"]
    lines.append(
        f"speaker right by: mention overlap {how['mention']}, name {how['name']}, "
        f"CoreNLP-coreference name {how['coref']}, same attribution's other quote "
        f"{how['same-attribution']}, unknown for a source that names nobody "
        f"{how['anonymous']}"
    )
    cal = res["calibration"]
    lines.append(
        "speaker right by confidence (30%): "
        + ", ".join(f"{k} {v['right']}/{v['of']} ({v['share']:.3f})" for k, v in cal.items())
    )
    info = res["info"]
    lines.append(
        f"of the wrong speakers, {info['wrong_unverifiable']} have a pronoun or role-noun source "
        "that no CoreNLP chain names (the prediction may be right)"
    )
    lines.append(
        f"not scored: {info['no_source']} gold quotes without a source (no speaker check); "
        f"{info['indirect_predicted']} indirect predictions, on {info['indirect_on_missed_gold']}"
        f" missed gold quotes; {info['unreadable']} unreadable articles"
    )
    return lines


_ERROR_TITLES = {
    "missed": "missed (gold quote not found)",
    "false_positive": "false positives (predicted, no gold quote)",
    "wrong_speaker": "wrong speaker",
    "no_speaker": "no speaker (matched, predicted speaker None)",
}


def _error_line(kind: str, e: dict[str, Any]) -> str:
    where = f"{e['split']}/{e['article']} {e['start']}-{e['end']} [{e['kind']}]"
    if kind == "missed":
        flags = ("" if e["in_body"] else " outside-body") + (
            " as-indirect" if e["as_indirect"] else ""
        )
        return f"  {where}{flags} src={e['source']!r} {e['context']}"
    if kind == "false_positive":
        return f"  {where} pred={e['predicted']!r} {e['context']}"
    return f"  {where} gold={e['source']!r} pred={e.get('predicted')!r} {e['context']}"


def render(result: dict[str, Any], errors: int) -> str:
    """The scores (and the first ``errors`` errors of each sort) as a report."""
    res = result["all"]
    lines = [
        f"PolNeAR {result['split']}: {result['articles']} articles, {result['gold_quotes']} gold "
        f"quotes; {result['seconds']} s wall, {result['cpu_seconds']} s CPU",
        "",
        *_table(res),
    ]
    if "excluding_disagreements" in result:
        n = result["disagreements"]
        ex = result["excluding_disagreements"]
        lines += [
            "",
            f"excluding disagreements (the file, dev and train: {n['drop-gold']} gold quotes to "
            f"drop, {n['skip-speaker']} speaker checks to skip, {n['unannotated']} unannotated "
            f"quotes; on this run: {ex['info']['excluded_gold']} gold dropped, "
            f"{ex['info']['excluded_speaker_checks']} speaker checks skipped, "
            f"{ex['info']['excluded_predictions']} predictions set aside)",
            *_table(ex),
        ]
    for kind, title in _ERROR_TITLES.items():
        items = res["errors"][kind]
        lines += ["", f"{title}: {len(items)}"]
        lines += [_error_line(kind, e) for e in items[:errors]]
        if len(items) > errors:
            lines.append(f"  … {len(items) - errors} more (--errors N, or --json)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, required=True, help="folder holding data/<split>")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--errors", type=int, default=20, help="errors listed per sort")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument(
        "--exclude-disagreements",
        action="store_true",
        help=f"also score without the cases in {DISAGREEMENTS.name}",
    )
    args = parser.parse_args(argv)
    try:
        result = score(
            args.polnear,
            args.split,
            args.limit,
            DISAGREEMENTS if args.exclude_disagreements else None,
        )
    except (FileNotFoundError, ValueError) as exc:
        print(f"polnear.py: {exc}", file=sys.stderr)
        return 2
    if args.json:
        for res in (result["all"], result.get("excluding_disagreements")):
            if res:
                res["errors"] = {k: v[: args.errors] for k, v in res["errors"].items()}
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(render(result, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
