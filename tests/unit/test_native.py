"""The engine's compiled modules (``.packaging/newsbrowse_build.py``): the install under test
runs them, they are built from the sources here, and they do exactly what the Python does."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / ".packaging"))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
import generate  # noqa: E402  (tests/benchmarks, not a package)
from newsbrowse_build import compiled_sources  # noqa: E402  (.packaging, not a package)

PURE = bool(os.environ.get("NEWSBROWSE_PURE"))
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)
REINSTALL = "reinstall the project (pip install -e '.[test]') to compile the changed sources"


def _module(source: Path) -> str:
    return "newsbrowse." + ".".join(source.relative_to(ROOT).with_suffix("").parts)


def test_the_build_compiles_the_per_article_and_per_match_loops_only() -> None:
    names = {_module(p) for p in compiled_sources()}
    assert "newsbrowse.index.quotes.tokens" in names
    assert "newsbrowse.index.reading.article" in names
    assert {"newsbrowse.index.search.evaluate", "newsbrowse.index.search.rank"} <= names
    assert not any(n.endswith("__init__") or ".reading.page" in n for n in names)
    assert not any(n.startswith(("newsbrowse.tui", "newsbrowse.index.store.store")) for n in names)
    # the query language and the snippets stay plain Python (parsed once a query)
    assert not names & {"newsbrowse.index.search.query", "newsbrowse.index.search.highlight"}


@pytest.mark.skipif(PURE, reason="installed with NEWSBROWSE_PURE=1: plain Python asked for")
def test_the_installed_engine_runs_compiled() -> None:
    plain = [
        name
        for name in map(_module, compiled_sources())
        if not str(importlib.import_module(name).__file__).endswith(SUFFIXES)
    ]
    assert not plain, f"not compiled: {plain} ({REINSTALL}; a C compiler is needed)"


def test_no_compiled_module_is_older_than_its_source() -> None:
    """An editable install builds each module beside its source (a compiled module's
    ``__file__`` is not always where it lies, so look there)."""
    stale = [
        source.name
        for source in compiled_sources()
        for suffix in SUFFIXES
        if (built := source.with_name(source.stem + suffix)).exists()
        and built.stat().st_mtime < source.stat().st_mtime
    ]
    assert not stale, f"compiled before their sources last changed: {stale} ({REINSTALL})"


CHILD = r"""
import hashlib, json, sys
from pathlib import Path
from newsbrowse.index.store.prepare import prepare
from newsbrowse.index.store.scan import FileStat
out = {}
for root in map(Path, sys.argv[1:]):
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        st = path.stat()
        stat = FileStat(path.relative_to(root).as_posix(), str(path), st.st_size, st.st_mtime_ns)
        prepared = prepare(stat, root)
        out[str(path)] = hashlib.sha1(repr(prepared).encode()).hexdigest()
import newsbrowse.index.quotes.tokens as tokens
print(json.dumps({"tokens": tokens.__file__, "prepared": out}))
"""


def _prepared(env: dict[str, str], cwd: Path, roots: list[Path]) -> dict:
    found = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, roots)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict = json.loads(found.stdout)
    return result


@pytest.mark.skipif(PURE, reason="installed with NEWSBROWSE_PURE=1: nothing compiled to compare")
def test_compiled_and_plain_python_prepare_every_article_alike(tmp_path: Path) -> None:
    """Every file of the test data (text, Markdown, saved pages, odd encodings) and 300
    generated articles: the same article, quotes, speakers and index fields, to the byte."""
    generated = tmp_path / "generated"
    generate.generate(generated, 300, seed=11)
    roots = [ROOT / "seeds", ROOT / "tests" / "data", generated]
    plain = tmp_path / "plain" / "newsbrowse"  # the sources alone, no compiled module
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    for part in ("index", "seeds"):
        shutil.copytree(ROOT / part, plain / part, ignore=ignore)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONHASHSEED": "0"}
    compiled = _prepared(env, tmp_path, roots)
    pure = _prepared(env | {"PYTHONPATH": str(plain.parent)}, tmp_path, roots)
    assert compiled["tokens"].endswith(SUFFIXES)
    assert pure["tokens"] == str(plain / "index" / "quotes" / "tokens.py")
    assert len(compiled["prepared"]) > 600
    differ = [p for p, h in compiled["prepared"].items() if pure["prepared"][p] != h]
    assert not differ, f"compiled and plain Python prepare these differently: {differ[:10]}"
