"""mypy finds no error in either package (CI runs only pytest, so the type check is a test).

``index/`` and ``tui/`` install as ``newsbrowse.index`` and ``newsbrowse.tui`` through
setuptools' ``package-dir``, which mypy cannot follow (an editable install maps them with an
import hook). So the check runs over a link tree, ``newsbrowse/{index,tui,seeds}`` pointing
at the folders, on mypy's path. The tree and mypy's cache sit in the temporary folder, keyed
by this checkout, so a second run re-checks only what changed (about a second).

The UI tests' ``FakeLibrary`` is checked too: it must satisfy the same protocol as the
real library. Run it alone, with mypy's own report: ``python tests/unit/test_typecheck.py``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("index", "tui", "seeds")  # newsbrowse.<name> is the folder <name>/
EXTRA_MODULES = ("fake_library",)  # tests/ui/fake_library.py


def _work_dir() -> Path:
    digest = hashlib.blake2b(str(ROOT).encode(), digest_size=6).hexdigest()
    work = Path(tempfile.gettempdir()) / f"newsbrowse-mypy-{digest}"
    links = work / "path" / "newsbrowse"
    links.mkdir(parents=True, exist_ok=True)
    for name in PACKAGES:
        link = links / name
        if not link.is_symlink() or link.resolve() != ROOT / name:
            tmp = links / f".{name}.{os.getpid()}"
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(ROOT / name, target_is_directory=True)
            os.replace(tmp, link)
    return work


def run_mypy() -> subprocess.CompletedProcess[str]:
    """mypy over newsbrowse.index, newsbrowse.tui and the fake library, as configured."""
    work = _work_dir()
    env = dict(os.environ, MYPYPATH=os.pathsep.join([str(work / "path"), str(ROOT / "tests/ui")]))
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")]
    command += ["--cache-dir", str(work / "cache"), "--no-error-summary"]
    command += ["-p", "newsbrowse.index", "-p", "newsbrowse.tui"]
    for module in EXTRA_MODULES:
        command += ["-m", module]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    # Report the checkout's paths, not the link tree's.
    for name in PACKAGES:
        result.stdout = result.stdout.replace(str(work / "path/newsbrowse" / name), name)
    return result


def test_mypy_finds_no_errors() -> None:
    result = run_mypy()
    assert result.returncode == 0, f"mypy:\n{result.stdout}{result.stderr}"
    assert result.stdout.strip() == "", result.stdout


if __name__ == "__main__":
    outcome = run_mypy()
    print(outcome.stdout + outcome.stderr or "mypy: no errors")
    sys.exit(outcome.returncode)
