"""The engine never imports the screen; --help and --version stay light."""

from __future__ import annotations

import subprocess
import sys

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
