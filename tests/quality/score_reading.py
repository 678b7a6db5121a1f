"""Score reading (an article's metadata) against gold files.

    python tests/quality/score_reading.py [--set NAME | --gold GOLD.json --corpus DIR] [--json]

With no arguments every known set is scored and reported separately: the seeds
(tests/data/seeds-gold.json over seeds/), the development set (tests/data/devset/) and the
second development set of text shapes the first does not have (tests/data/devset2/), the
third (tests/data/devset3/), the fourth, the fifth and the sixth (tests/data/devset4/,
devset5/, devset6/, each scored before tuning on it).
``--set NAME`` scores one of them; ``--gold``/``--corpus`` score any other gold file.
``--set devset6-tuning`` and ``--set devset6-check`` score the sixth set's odd-numbered files
(the half rules may be tuned on) and its even-numbered files (the half only scored).

Per field, an article is right when the engine's value equals the gold value after
normalisation: whitespace collapsed, curly and straight quotes folded, dashes folded.
The source is also compared case-insensitively and without a leading "The"; the author
is compared as printed (two authors stay "A and B"). A gold null is right only when the
engine also finds nothing. A field the gold entry lacks is not scored for that article;
a field the engine's Article does not have yet is skipped and named in the report.

title, date, author and source are the targets; url, section and subtitle are reported.
Accuracy is given per field, overall and per format (txt/html), with every miss listed.
It is a report: the exit status is 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds-gold.json"
SEEDS_CORPUS = ROOT / "seeds"
DEVSET_GOLD = ROOT / "tests" / "data" / "devset" / "gold.json"
DEVSET_CORPUS = ROOT / "tests" / "data" / "devset" / "articles"
DEVSET2_GOLD = ROOT / "tests" / "data" / "devset2" / "gold.json"
DEVSET2_CORPUS = ROOT / "tests" / "data" / "devset2" / "articles"
DEVSET3_GOLD = ROOT / "tests" / "data" / "devset3" / "gold.json"
DEVSET3_CORPUS = ROOT / "tests" / "data" / "devset3" / "articles"
DEVSET4_GOLD = ROOT / "tests" / "data" / "devset4" / "gold.json"
DEVSET4_CORPUS = ROOT / "tests" / "data" / "devset4" / "articles"
DEVSET5_GOLD = ROOT / "tests" / "data" / "devset5" / "gold.json"
DEVSET5_CORPUS = ROOT / "tests" / "data" / "devset5" / "articles"
DEVSET6_GOLD = ROOT / "tests" / "data" / "devset6" / "gold.json"
DEVSET6_CORPUS = ROOT / "tests" / "data" / "devset6" / "articles"
DEFAULT_SETS = (
    ("seeds", SEEDS_GOLD, SEEDS_CORPUS),
    ("devset", DEVSET_GOLD, DEVSET_CORPUS),
    ("devset2", DEVSET2_GOLD, DEVSET2_CORPUS),
    ("devset3", DEVSET3_GOLD, DEVSET3_CORPUS),
    ("devset4", DEVSET4_GOLD, DEVSET4_CORPUS),
    ("devset5", DEVSET5_GOLD, DEVSET5_CORPUS),
    ("devset6", DEVSET6_GOLD, DEVSET6_CORPUS),
)
# Halves of a set, by the parity of the number a file name starts with: name -> (set, parity).
HALVES = {"devset6-tuning": ("devset6", 1), "devset6-check": ("devset6", 0)}

TARGETS = ("title", "date", "author", "source")
REPORTED = ("url", "section", "subtitle")
FIELDS = TARGETS + REPORTED
FORMATS = ("txt", "html")

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′`´"})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)

Reader = Callable[[Path, Path], Any]
Keep = Callable[[dict[str, Any]], bool]


def read(path: Path, corpus: Path) -> Any:
    """Read one article with the engine: the only place that names the engine's reader.

    After a refactor of reading, repoint this function and nothing else.
    """
    from newsbrowse.index.reading import read_article

    return read_article(path, corpus)


def normalise(value: object) -> str | None:
    """Fold a field value for comparison: NFC, quotes, dashes, whitespace; empty is None."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).translate(_QUOTES)
    text = " ".join(_DASHES.sub("-", text).split())
    return text or None


def normalise_source(value: object) -> str | None:
    """A source folded further: case-insensitive, without a leading "The"."""
    text = normalise(value)
    if text is None:
        return None
    return _LEADING_THE.sub("", text).casefold() or None


def same(field: str, expected: object, got: object) -> bool:
    """Whether the engine's value for ``field`` counts as the gold value."""
    fold = normalise_source if field == "source" else normalise
    return fold(expected) == fold(got)


def article_format(entry: dict[str, Any]) -> str:
    """The gold entry's format, or the one its file name implies (the seeds' gold has none)."""
    if entry.get("format"):
        return str(entry["format"])
    return "html" if Path(entry["file"]).suffix.lower() in {".html", ".htm"} else "txt"


def _empty() -> dict[str, Any]:
    return {"right": 0, "total": 0, "by_format": {f: {"right": 0, "total": 0} for f in FORMATS}}


def in_half(parity: int) -> Keep:
    """Keep the gold entries whose file name starts with a number of ``parity`` (1 = odd)."""

    def keep(entry: dict[str, Any]) -> bool:
        number = re.match(r"\d+", Path(entry["file"]).name)
        return number is not None and int(number.group()) % 2 == parity

    return keep


def score(
    gold_path: Path, corpus: Path, reader: Reader | None = None, keep: Keep | None = None
) -> dict[str, Any]:
    """Read every gold article (or those ``keep`` keeps) and compare its fields; the counts,
    the misses, the skips."""
    reader = reader or read
    entries = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    entries = [e for e in entries if keep is None or keep(e)]
    counts = {field: _empty() for field in FIELDS}
    misses: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    has_field = dict.fromkeys(FIELDS, False)
    read_ok: list[tuple[dict[str, Any], Any]] = []
    for entry in entries:
        try:
            article = reader(Path(corpus) / entry["file"], Path(corpus))
        except Exception as exc:  # a report: an unreadable article is a miss, not a crash
            errors.append({"file": entry["file"], "error": f"{type(exc).__name__}: {exc}"})
            article = None
        read_ok.append((entry, article))
        if article is not None:
            for field in FIELDS:
                has_field[field] = has_field[field] or hasattr(article, field)
    skipped = {f: "not in the engine's Article yet" for f in FIELDS if not has_field[f]}
    for entry, article in read_ok:
        fmt = article_format(entry)
        for field in FIELDS:
            if field in skipped or field not in entry:
                continue
            expected = entry[field]
            got = getattr(article, field, None) if article is not None else None
            right = article is not None and same(field, expected, got)
            _tally(counts[field], fmt, right)
            if not right:
                shown = got if article is not None else "<unreadable>"
                misses.append(
                    {
                        "file": entry["file"],
                        "format": fmt,
                        "field": field,
                        "expected": expected,
                        "got": shown,
                    }
                )
    return {
        "gold": str(gold_path),
        "corpus": str(corpus),
        "articles": len(entries),
        "formats": {f: sum(article_format(e) == f for e in entries) for f in FORMATS},
        "fields": {f: _with_accuracy(c) for f, c in counts.items() if f not in skipped},
        "skipped_fields": skipped,
        "misses": misses,
        "errors": errors,
    }


def _tally(count: dict[str, Any], fmt: str, right: bool) -> None:
    by_format = count["by_format"].setdefault(fmt, {"right": 0, "total": 0})
    for bucket in (count, by_format):
        bucket["total"] += 1
        bucket["right"] += int(right)


def _accuracy(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def _with_accuracy(count: dict[str, Any]) -> dict[str, Any]:
    return {
        "right": count["right"],
        "total": count["total"],
        "accuracy": _accuracy(count["right"], count["total"]),
        "by_format": {
            fmt: {**c, "accuracy": _accuracy(c["right"], c["total"])}
            for fmt, c in count["by_format"].items()
        },
    }


def _cell(count: dict[str, Any] | None) -> str:
    if not count or not count["total"]:
        return f"{'-':>14}"
    return f"{count['right']:>4}/{count['total']:<3} {count['accuracy']:6.1%}"


def render(name: str, result: dict[str, Any]) -> str:
    """One set's scores as a human-readable report."""
    formats = ", ".join(f"{n} {f}" for f, n in result["formats"].items() if n)
    lines = [f"== {name}: {result['articles']} articles ({formats}) ==", f"   {result['gold']}"]
    lines.append(f"  {'field':9} {'all':>14} {'txt':>14} {'html':>14}")
    for field in FIELDS:
        if field in result["skipped_fields"]:
            lines.append(f"  {field:9} skipped: {result['skipped_fields'][field]}")
            continue
        count = result["fields"][field]
        if not count["total"]:
            lines.append(f"  {field:9} not in this gold")
            continue
        mark = "*" if field in TARGETS else " "
        by = count["by_format"]
        lines.append(
            f"{mark} {field:9} {_cell(count)} {_cell(by.get('txt'))} {_cell(by.get('html'))}"
        )
    lines.append("  (* = target field)")
    if result["errors"]:
        lines.append(f"unreadable articles: {len(result['errors'])}")
        lines.extend(f"  {e['file']}: {e['error']}" for e in result["errors"])
    lines.append(f"misses: {len(result['misses'])}")
    for m in result["misses"]:
        lines.append(
            f"  {m['file']} [{m['field']}] expected {_short(m['expected'])}, got {_short(m['got'])}"
        )
    return "\n".join(lines)


def _short(value: object, limit: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=[name for name, _, _ in DEFAULT_SETS] + list(HALVES),
        help="score one known set (or half of one) only",
    )
    parser.add_argument("--gold", type=Path, help="a gold file (default: every known set)")
    parser.add_argument("--corpus", type=Path, help="the folder the gold's files are in")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if (args.gold is None) != (args.corpus is None):
        parser.error("--gold and --corpus go together")
    if args.set and args.gold is not None:
        parser.error("--set and --gold are alternatives")
    keep: Keep | None = None
    if args.gold is not None:
        sets: Sequence[tuple[str, Path, Path]] = ((args.gold.stem, args.gold, args.corpus),)
    elif args.set in HALVES:
        whole, parity = HALVES[args.set]
        sets = [(args.set, gold, corpus) for name, gold, corpus in DEFAULT_SETS if name == whole]
        keep = in_half(parity)
    else:
        sets = [s for s in DEFAULT_SETS if args.set in (None, s[0])]
    results = {}
    for name, gold, corpus in sets:
        try:
            results[name] = score(gold, corpus, keep=keep)
        except (OSError, ValueError) as exc:
            print(f"score_reading: cannot read gold {gold}: {exc}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        print("\n\n".join(render(name, r) for name, r in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
