"""The layers hold: the engine never imports the UI, each stage reaches only downwards, the
UI uses the engine's faces, nothing imports in a circle; --help and --version stay light."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ENGINE_MODULES = [
    "newsbrowse.index",
    "newsbrowse.index.library",
    "newsbrowse.index.store",
    "newsbrowse.index.quotes",
    "newsbrowse.index.speakers",
    "newsbrowse.index.reading",
]


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_engine_imports_neither_textual_nor_rich() -> None:
    loaded = _loaded_after("\n".join(f"import {m}" for m in ENGINE_MODULES))
    assert "textual" not in loaded
    assert "rich" not in loaded
    assert "whoosh" in loaded  # the probe really imported the engine


def test_help_and_version_import_neither_textual_nor_whoosh() -> None:
    for flag in ("--help", "--version"):
        code = (
            "import sys\nfrom newsbrowse.tui.cli import main\n"
            "try:\n    main([" + repr(flag) + "])\nexcept SystemExit:\n    pass"
        )
        loaded = _loaded_after(code)
        assert "textual" not in loaded, flag
        assert "whoosh" not in loaded, flag
        assert "rich" not in loaded, flag


def test_the_plain_parts_of_the_ui_load_neither_textual_nor_rich() -> None:
    plain = ["session", "navigation", "output", "user_state", "safe_text", "keymap"]
    plain += ["live", "search_history", "unavailable"]
    loaded = _loaded_after("\n".join(f"import newsbrowse.tui.{m}" for m in plain))
    assert "textual" not in loaded
    assert "rich" not in loaded


# ── the layers, read from the source (every import, at any depth, type-only ones too) ──

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"newsbrowse.index": ROOT / "index", "newsbrowse.tui": ROOT / "tui"}
STAGES = ("reading", "quotes", "search", "store")  # newsbrowse.index.<stage> sub-packages
BASE = ("model", "errors", "analysis", "speakers", "locations", "atomic", "lazy")


def _modules() -> dict[str, Path]:
    """Every module of both packages by dotted name (a package by its ``__init__``)."""
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """What ``name`` imports: our modules by dotted name (a ``from`` import of a module
    names that module), other packages by their top-level name."""
    is_package = path.name == "__init__.py"
    here = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                base = f"{anchor}.{base}" if base else anchor
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            found.add(target if target.startswith("newsbrowse.") else target.split(".")[0])
    return found


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def _breaking(rule: Callable[[str, str], bool]) -> list[str]:
    return sorted(f"{a} -> {b}" for a, targets in IMPORTS.items() for b in targets if rule(a, b))


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_engine_never_imports_the_ui() -> None:
    assert not _breaking(
        lambda a, b: (
            _in(a, "newsbrowse.index") and (_in(b, "newsbrowse.tui") or b in ("textual", "rich"))
        )
    )


def test_reading_and_quotes_never_reach_the_store_or_search() -> None:
    later = ("newsbrowse.index.store", "newsbrowse.index.search", "newsbrowse.index.library")
    assert not _breaking(
        lambda a, b: (
            (_in(a, "newsbrowse.index.reading") or _in(a, "newsbrowse.index.quotes"))
            and any(_in(b, p) for p in later)
        )
    )


def test_the_base_never_reaches_a_stage_or_the_library() -> None:
    above = [f"newsbrowse.index.{s}" for s in (*STAGES, "library")]
    base = [f"newsbrowse.index.{m}" for m in BASE]
    assert not _breaking(lambda a, b: a in base and any(_in(b, p) for p in above))


def test_search_never_reaches_the_store_or_quotes() -> None:
    others = ("newsbrowse.index.store", "newsbrowse.index.quotes")
    assert not _breaking(
        lambda a, b: _in(a, "newsbrowse.index.search") and any(_in(b, p) for p in others)
    )


def test_the_ui_uses_only_the_engines_faces() -> None:
    """The UI imports a stage's package, never a module inside it (store, decode, ...)."""
    inside = tuple(f"newsbrowse.index.{s}." for s in STAGES)
    assert not _breaking(lambda a, b: _in(a, "newsbrowse.tui") and b.startswith(inside))


def test_only_the_command_line_imports_the_app_and_commands_never_import_it() -> None:
    assert _breaking(lambda a, b: b == "newsbrowse.tui.app") == [
        "newsbrowse.tui.cli -> newsbrowse.tui.app"
    ]
    assert not _breaking(lambda a, b: a == "newsbrowse.tui.commands" and b == "newsbrowse.tui.cli")


def test_no_import_cycles() -> None:
    graph = {a: {b for b in targets if b in MODULES and b != a} for a, targets in IMPORTS.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(cycles)


def test_the_rules_see_the_imports() -> None:
    """A check on the checks: the scan finds imports that are known to exist."""
    assert "newsbrowse.index.store.documents" in IMPORTS["newsbrowse.index.library"]
    assert "newsbrowse.index.quotes.scores" in IMPORTS["newsbrowse.index.quotes.sieves"]
    assert "newsbrowse.tui.app" in IMPORTS["newsbrowse.tui.cli"]  # a lazy import, in main()
    assert "textual" in IMPORTS["newsbrowse.tui.safe_text"]  # inside a function
    assert "whoosh" in IMPORTS["newsbrowse.index.search.compile"]


def test_every_lazy_export_resolves() -> None:
    for package in ("newsbrowse.index", *(f"newsbrowse.index.{s}" for s in STAGES)):
        module = importlib.import_module(package)
        for name in module.__all__:
            assert getattr(module, name) is not None, f"{package}.{name}"
