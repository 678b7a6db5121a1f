"""Benchmark the quote extractor: articles per second on one core.

    python tests/benchmarks/bench_extract.py [-n 300] [--runs 5] [--seed 1]

Generates (deterministically, from the seed) 600-word articles with 2–6 quotes attributed
in varied ways and names, places and organisations sprinkled through the prose, then times
``extract_quotes`` over all of them and prints the median of a few runs. Times are CPU time
of this process (``time.process_time``), so other work on the machine disturbs them less.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from newsbrowse.index.model import Span
from newsbrowse.index.quotes import extract_quotes


def _list(text: str) -> list[str]:
    return text.split()


FIRST = _list("Anna Maria Jonas Peter Olena Sergey Laura Tomas Ingrid Marco Yusuf Elena")
LAST = _list("Berg Novak Hartmann Kovalenko Lindqvist Moreau Rossi Demir Petrova Silva")
ROLES = [
    "the foreign minister of Norland",
    "the spokeswoman for the ministry",
    "a senior adviser to the president",
    "the head of the central bank",
]
TITLES = ["Prime Minister", "Foreign Minister", "Governor", "Senator", "Defence Minister"]
WORDS = _list(
    "the government talks peace security region forces agreement support deal border week plan "
    "conflict energy situation issue pressure interest negotiations proposal offer guarantee "
    "threat risk effort response concern warning signal future capital city infrastructure "
    "network market price inflation growth budget reform strategy mission will would could "
    "should has have is are was were remains continues expects plans new major key large small "
    "recent further several many some most first last other in on at for with from after before "
    "during over under between against about into"
)
CLAUSES = [
    "the talks had made little progress on the main issues",
    "the government would not accept any deal that ignored the border",
    "prices were likely to rise further before the winter",
    "the plan could still work if both sides showed more flexibility",
    "the mission had achieved most of its goals in the region",
]


PLACES = ["Norland", "Brussels", "Geneva", "Eastport", "the European Union", "NATO"]
ORGS = ["the Foreign Ministry", "the Interior Ministry", "the Kremlin", "the White House"]


def _filler(rng: random.Random, words: int) -> str:
    """News-like sentences: common words with names, places and organisations mixed in."""
    out = []
    while words > 0:
        n = min(words, rng.randint(12, 24))
        parts = [rng.choice(WORDS) for _ in range(n)]
        for _ in range(rng.randint(0, 3)):
            pick = rng.random()
            if pick < 0.3:
                extra = f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
            elif pick < 0.6:
                extra = rng.choice(PLACES)
            elif pick < 0.8:
                extra = rng.choice(ORGS)
            else:
                extra = rng.choice(LAST)
            parts.insert(rng.randrange(1, len(parts) + 1), extra)
        sentence = " ".join(parts)
        out.append(sentence[0].upper() + sentence[1:] + ".")
        words -= len(sentence.split())
    return " ".join(out)


def _quote_paragraph(rng: random.Random, first: str, last: str) -> str:
    full = f"{first} {last}"
    title = rng.choice(TITLES)
    body = rng.choice(CLAUSES).capitalize()
    form = rng.randrange(6)
    if form == 0:
        return f"“{body},” {title} {full} said on Monday."
    if form == 1:
        return f"{full}, {rng.choice(ROLES)}, said: “{body}.”"
    if form == 2:
        return f"{last} said that {rng.choice(CLAUSES)}, adding that “{rng.choice(CLAUSES)}.”"
    if form == 3:
        return f"According to {full}, {rng.choice(CLAUSES)}."
    if form == 4:
        return f"“{body},” she said. “{rng.choice(CLAUSES).capitalize()}.”"
    return f"{rng.choice(CLAUSES).capitalize()}, {title} {full} told reporters."


def make_article(rng: random.Random, words: int = 600) -> tuple[str, list[Span]]:
    """One synthetic article and its paragraph spans."""
    quotes = rng.randint(2, 6)
    paragraphs = []
    budget = words
    for _ in range(quotes):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        para = _quote_paragraph(rng, first, last)
        paragraphs.append(para)
        budget -= len(para.split())
    per = max(20, budget // (quotes + 1))
    for n in range(quotes + 1):
        paragraphs.insert(2 * n, _filler(rng, per))
    spans = []
    text = ""
    for para in paragraphs:
        spans.append((len(text), len(text) + len(para)))
        text += para + "\n\n"
    return text, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = [make_article(rng) for _ in range(args.n)]
    words = statistics.mean(len(t.split()) for t, _ in articles)
    quotes = sum(len(extract_quotes(t, p).quotes) for t, p in articles)
    rates = []
    for _ in range(args.runs):
        t0 = time.process_time()
        for text, paragraphs in articles:
            extract_quotes(text, paragraphs)
        rates.append(len(articles) / (time.process_time() - t0))
    print(
        f"{args.n} articles of ~{words:.0f} words, {quotes} quotes found; "
        f"median {statistics.median(rates):.0f} articles/s over {args.runs} runs "
        f"(min {min(rates):.0f}, max {max(rates):.0f})"
    )


if __name__ == "__main__":
    main()
