"""The build backend: setuptools', with the engine's per-article modules compiled by mypyc.

A build worker spends most of an article reading it (``index/reading``) and finding its
quotes (``index/quotes``), and a search most of its time in loops over the matching
articles (``index/search``): plain Python that mypyc (mypy's compiler, needed at build time
only) turns into C extension modules with the same behaviour: extraction about 40% faster, a
first build about 15%, the slowest searches at 100,000 articles 10-25%
(``tests/benchmarks/RESULTS.md``). The ``.py`` files are installed
beside them and are what runs wherever the compiled modules are absent:

- ``NEWSBROWSE_PURE=1`` when installing asks for plain Python (nothing is compiled);
- a machine with no C compiler, or a compile that fails, gets plain Python and a warning.

The project's metadata, packages and data are all in ``pyproject.toml``; this module only adds
the extension modules to the wheel (and, for an editable install, beside the sources), so the
project needs no ``setup.py``. pyproject's ``backend-path`` points here.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools import build_meta as _meta
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / "build" / "mypyc-src"
GROUP = "newsbrowse.index.native"  # the one shared library: newsbrowse/index/native__mypyc
# The same compile whatever is installed: other packages (Whoosh, charset-normalizer) are
# typed Any, never read from site-packages (a build's isolated environment lacks them); only
# the compiled modules' own type errors stop the compile (tests/unit/test_typecheck.py runs
# mypy over everything).
MYPY_FLAGS = [
    "--no-site-packages",
    "--ignore-missing-imports",
    "--follow-imports=silent",
    "--no-warn-unused-ignores",  # the ignores are for the typed packages it does not read
]


def compiled_sources(root: Path = ROOT) -> list[Path]:
    """What runs once an article: the reading of a file (but for saved web pages, which lean
    on lxml, untyped), the quote extractor and the pair signatures; and what runs once a
    matching article in a search (its evaluation, ranking and postings). Not the packages'
    ``__init__`` (an editable install's finder would not find the modules of a compiled
    package), nor what tests replace in place (the store, the app)."""
    index = root / "index"
    candidates = [
        *(index / "reading").glob("*.py"),
        *(index / "quotes").glob("*.py"),
        index / "speakers.py",
        index / "store" / "documents.py",
        index / "search" / "evaluate.py",
        index / "search" / "rank.py",
        index / "search" / "postings.py",
        index / "pairs.py",
    ]
    return sorted(
        p for p in candidates if p.name != "__init__.py" and not p.name.startswith("page")
    )


def _stage() -> list[str]:
    """The compiled sources, copied under ``STAGE/newsbrowse/index`` (paths relative to
    ``STAGE``): mypyc names a module by its folders, and the source folders install under
    other names (``index`` is ``newsbrowse.index``: pyproject's package-dir)."""
    shutil.rmtree(STAGE, ignore_errors=True)
    package = STAGE / "newsbrowse"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "data")
    shutil.copytree(ROOT / "index", package / "index", ignore=ignore)
    (package / "seeds").mkdir()  # a package of data that index/ imports
    (package / "seeds" / "__init__.py").write_text("")
    return [str(Path("newsbrowse") / p.relative_to(ROOT)) for p in compiled_sources()]


def _extensions() -> list[Extension]:
    """The compiled modules, or none (plain Python)."""
    if os.environ.get("NEWSBROWSE_PURE"):
        _fall_back("NEWSBROWSE_PURE is set")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _fall_back("mypyc is not installed")
        return []
    sources = _stage()
    cwd = os.getcwd()
    os.chdir(STAGE)  # module names from the staged folders; C sources in STAGE/build
    try:
        extensions: list[Extension] = mypycify(
            [*MYPY_FLAGS, *sources], group_name=GROUP, multi_file=True
        )
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error: never block
        _fall_back(str(exc))
        return []
    finally:
        os.chdir(cwd)
    for ext in extensions:  # mypycify's paths are relative to STAGE
        ext.sources = [str(STAGE / s) for s in ext.sources]
        ext.include_dirs = [
            *(str(STAGE / d) for d in ext.include_dirs),  # STAGE / an absolute path is it
            # the group's headers, which multi_file's C files include by name alone
            str(STAGE.joinpath("build", *GROUP.split(".")[:-1])),
        ]
    return extensions


def _fall_back(why: str) -> None:
    """Say why the install is plain Python, and remove what an earlier build compiled beside
    the sources (an editable install's), which would shadow them."""
    print(f"newsbrowse: not compiled ({why}); installing plain Python", file=sys.stderr)
    shared = ROOT / "index" / (GROUP.rsplit(".", 1)[1] + "__mypyc.py")  # its name, as a module's
    for source in [*compiled_sources(), shared]:
        for built in source.parent.glob(source.stem + ".*"):
            if built.suffix in (".so", ".pyd"):
                built.unlink()


class OptionalBuildExt(build_ext):
    """Compiles on every core; if any module fails, none is kept (a compiled module needs
    the shared library and every compiled module it imports), and plain Python is
    installed."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def build_extensions(self) -> None:
        try:
            super().build_extensions()
        except Exception as exc:
            _fall_back(str(exc))
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            self.extensions = []


class _Backend(_meta._BuildMetaBackend):
    """setuptools' backend, running ``setup()`` with the compiled modules when it builds
    (not when it only reads the metadata or the build's requirements)."""

    compiling = False

    def run_setup(self, setup_script: str = "setup.py") -> None:  # noqa: ARG002  (there is none)
        ext_modules = _extensions() if self.compiling else []
        setup(ext_modules=ext_modules, cmdclass={"build_ext": OptionalBuildExt})

    def build_wheel(self, *args: Any, **kwargs: Any) -> str:
        self.compiling = True
        return super().build_wheel(*args, **kwargs)

    def build_editable(self, *args: Any, **kwargs: Any) -> str:
        self.compiling = True
        return super().build_editable(*args, **kwargs)


_BACKEND = _Backend()
get_requires_for_build_wheel = _BACKEND.get_requires_for_build_wheel
get_requires_for_build_sdist = _BACKEND.get_requires_for_build_sdist
prepare_metadata_for_build_wheel = _BACKEND.prepare_metadata_for_build_wheel
build_wheel = _BACKEND.build_wheel
build_sdist = _BACKEND.build_sdist
get_requires_for_build_editable = _BACKEND.get_requires_for_build_editable
prepare_metadata_for_build_editable = _BACKEND.prepare_metadata_for_build_editable
build_editable = _BACKEND.build_editable
