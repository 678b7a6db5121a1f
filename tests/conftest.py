"""Shared fixtures. Every test runs with a private HOME and XDG dirs: none touches the real home."""

from __future__ import annotations

import gc
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

MakeCorpus = Callable[..., Path]


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    """The app freezes what it loads (tui/heap.py) and thaws only between keys; a test's
    app is done with its test: let the collector have it all back."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG directories at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in [
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_DATA_HOME", ".local/share"),
    ]:
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("NEWSBROWSE_CORPUS", raising=False)
    return home


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled seeds."""
    dest = tmp_path / "corpus"
    shutil.copytree(SEEDS, dest, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return dest


@pytest.fixture(scope="session")
def warm_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Seeds indexed once per session (per xdist worker): a template to copy, never to use."""
    from newsbrowse.index.library import Library

    root = tmp_path_factory.mktemp("warm")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    library = Library(corpus, index)
    library.update()
    library.close()
    return corpus, index


@pytest.fixture
def warm_copy(tmp_path: Path, warm_index: tuple[Path, Path]) -> tuple[Path, Path]:
    """This test's own copy of the seeds and of their warm index."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(warm_index[0], corpus)
    shutil.copytree(warm_index[1], index)
    return corpus, index


REPORT_WORDS = [
    "minister",
    "talks",
    "border",
    "sanctions",
    "ceasefire",
    "parliament",
    "election",
    "budget",
    "energy",
    "grain",
    "summit",
    "envoy",
    "treaty",
    "coalition",
    "protest",
    "court",
    "ruling",
    "inflation",
    "drone",
    "harbour",
    "pipeline",
]


def write_reports(root: Path, n: int, seed: int = 1) -> Path:
    """``n`` short dated reports, each quoting one of seven speakers (seeded)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = " ".join(rng.choice(REPORT_WORDS) for _ in range(120))
        cause = rng.choice(REPORT_WORDS)
        text = (
            f"Report number {i}\n\n2025-0{1 + i % 9}-1{i % 10}\n\n"
            f"“We will not give up on {cause},” Anna Berg{i % 7} said.\n\n{body}.\n"
        )
        (root / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def make_corpus() -> MakeCorpus:
    """``make_corpus(root, n, seed=1)``: write ``n`` small synthetic reports into ``root``."""
    return write_reports
