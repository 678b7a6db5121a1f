"""Reading PolNeAR from disk: its articles and their attribution annotations.

PolNeAR (networkdynamics/PolNeAR) keeps, per split, ``data/<split>/text/<name>.txt`` (the raw
article, UTF-8) and ``data/<split>/attributions/<name>_<annotator>.ann``: BRAT standoff. Each
``T`` line is a text-bound span ``T12<TAB>Content 315 448;463 553<TAB>text`` (character
offsets into the raw text, ``;`` between the pieces of a discontinuous span); each ``E`` line
ties one attribution together: ``E3<TAB>Attribution:T12 Cue:T11 Source:T10 Content:T9``
(``Attribution-no-source`` when there is no source; ``Content2`` for a second content). ``#``
lines are annotator notes, ``Discuss``/``Discard`` spans are annotator bookkeeping, and a T
line's text may run over several lines. The annotation holds no coreference links.

A few articles were annotated by more than one annotator; we take the first annotation file
by name, so every run scores the same gold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]

SPLITS = ("dev", "train")  # the test split is never read
_T_RE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_RE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution: spans into the raw article text."""

    id: str
    content: tuple[Span, ...]  # in text order; a discontinuous content has several
    source: tuple[Span, ...] = ()  # empty for ``Attribution-no-source``
    cue: tuple[Span, ...] = ()


@dataclass
class PolnearArticle:
    """One PolNeAR article: its id (the text file's stem), raw text and attributions."""

    id: str
    split: str
    text_path: Path
    ann_path: Path
    raw: str
    attributions: list[Attribution] = field(default_factory=list)


def split_dir(root: Path, split: str) -> Path:
    """``<root>/data/<split>``, or ``<root>/<split>`` when ``root`` already is ``data``."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (use one of {', '.join(SPLITS)})")
    for base in (root / "data", root):
        if (base / split / "text").is_dir():
            return base / split
    raise FileNotFoundError(f"no PolNeAR {split} split under {root} (expected data/{split}/text)")


def article_files(root: Path, split: str) -> list[tuple[str, Path, Path]]:
    """``(article id, text file, annotation file)`` of every annotated article, by id."""
    base = split_dir(root, split)
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # first annotator by name
    out = []
    for text in sorted((base / "text").glob("*.txt")):
        if text.stem in anns:
            out.append((text.stem, text, anns[text.stem]))
    return out


def parse_spans(offsets: str) -> tuple[Span, ...]:
    """``"315 448;463 553"`` -> ``((315, 448), (463, 553))``, sorted."""
    spans = []
    for piece in offsets.split(";"):
        a, b = piece.split()
        spans.append((int(a), int(b)))
    return tuple(sorted(spans))


def parse_ann(text: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file, in the order of their first content character."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        m = _T_RE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), parse_spans(m.group(3)))
            continue
        m = _E_RE.match(line)
        if m:
            roles = [tuple(arg.split(":", 1)) for arg in m.group(2).split() if ":" in arg]
            events.append((m.group(1), roles))  # type: ignore[arg-type]
    out = []
    for eid, roles in events:
        content: list[Span] = []
        source: list[Span] = []
        cue: list[Span] = []
        for role, tid in roles:
            if tid not in spans:
                continue
            kind = role.rstrip("0123456789")
            target = {"Content": content, "Source": source, "Cue": cue}.get(kind)
            if target is not None:
                target.extend(spans[tid][1])
        if content:
            out.append(Attribution(eid, tuple(sorted(content)), tuple(sorted(source)), tuple(cue)))
    out.sort(key=lambda a: a.content[0])
    return out


def load_article(article_id: str, split: str, text_path: Path, ann_path: Path) -> PolnearArticle:
    """Read one article's raw text (UTF-8, exactly as PolNeAR's offsets count) and annotation."""
    raw = text_path.read_bytes().decode("utf-8", errors="replace")
    attributions = parse_ann(ann_path.read_text(encoding="utf-8", errors="replace"))
    return PolnearArticle(article_id, split, text_path, ann_path, raw, attributions)
