"""The ``newsbrowse`` command: the app with no subcommand, line-oriented answers with one.

Imports are lazy so that ``--help`` and ``--version`` load neither textual nor whoosh.
Exit codes: 0 success (an empty result too, and a reader that closed the pipe early),
1 a runtime error (an unknown article id too), 2 a usage error. Errors are one plain line
on stderr, never a traceback or a Python exception name; scripts get JSON on stdout with
nothing else mixed in.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from newsbrowse.index.search import syntax_lines

from .argv import COMMANDS, split_argv
from .output import RuntimeFailure, UsageError
from .safe_text import clean


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsbrowse")
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for (reading the package metadata costs
    every command a few hundredths of a second)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        print(f"newsbrowse {_version()}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line (no usage block) like every other error."""

    def error(self, message: str) -> NoReturn:
        _error(f"{message}; see `{self.prog} --help`")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (cheap: imports nothing heavy).

    It parses what :func:`.argv.split_argv` leaves: the corpus word and search's query words
    are taken out first (see that module), so ``-kremlin`` never reaches argparse.
    """
    common = _Parser(add_help=False, allow_abbrev=False)
    common.add_argument(
        "--corpus",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="folder of articles (default: $NEWSBROWSE_CORPUS, else the bundled seeds)",
    )
    common.add_argument(
        "--index-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="where to keep the index (default: the user cache directory)",
    )
    parser = _Parser(
        prog="newsbrowse",
        usage="%(prog)s [-h] [--version] [DIR] [--corpus DIR] [--index-dir DIR] [COMMAND ...]",
        description="Browse a folder of saved news articles: search, read, see who said what.",
        parents=[common],
        allow_abbrev=False,
        epilog=(
            "DIR (or --corpus DIR) is the folder of articles; with no command, newsbrowse "
            "opens the interactive browser on it. Each command has its own --help."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="newsbrowse")

    def command(name: str, help: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=help, allow_abbrev=False, **kwargs)

    def folder_after(p: argparse.ArgumentParser) -> None:
        """``newsbrowse index DIR``: the folder may follow a command that takes no word."""
        p.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="the folder of articles")

    p = command("index", "build or update the index")
    folder_after(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "search",
        "search the articles",
        epilog=SEARCH_EPILOG + syntax_lines(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "query",
        nargs="*",
        metavar="QUERY",
        help="the query (see below); its words are joined with spaces",
    )
    p.add_argument("--limit", type=_positive, default=20, help="at most N hits (default 20)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("articles", "list the articles")
    folder_after(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("show", "print one article's text")
    p.add_argument("id", help="the article id (its path inside the corpus)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("quotes", "list quotes: who said what")
    folder_after(p)
    p.add_argument("--speaker", help="a speaker's name or id (any spelling)")
    p.add_argument("--article", help="an article id")
    p.add_argument("--kind", choices=("direct", "partial", "indirect"))
    shape = p.add_mutually_exclusive_group()
    shape.add_argument(
        "--clusters",
        action="store_true",
        help="list the statements that several articles report, with their articles in date order",
    )
    shape.add_argument("--cite", action="store_true", help="print one citation per quote")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("speakers", "list everyone quoted")
    folder_after(p)
    p.add_argument("--article", help="only the speakers of this article")
    p.add_argument("--json", action="store_true", help="print JSON")
    return parser


SEARCH_EPILOG = (
    "Every word after `search` is part of the query, a leading - (NOT) included:\n"
    "`newsbrowse search peace -kremlin`. The options above work in any position;\n"
    'after -- everything is query. An empty query ("") lists every article.\n\n'
    "query syntax:\n"
)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def resolve_corpus(args: argparse.Namespace, word: str | None = None) -> Path:
    """DIR (``word``) or --corpus, else $NEWSBROWSE_CORPUS, else the bundled seeds."""
    corpus: Path | None = getattr(args, "corpus", None)
    if word is not None:
        if corpus is not None:
            raise UsageError(f"two folders given, {word} and --corpus {corpus}: give one")
        corpus = Path(word)
    if corpus is None and os.environ.get("NEWSBROWSE_CORPUS"):
        corpus = Path(os.environ["NEWSBROWSE_CORPUS"])
    if corpus is None:
        from newsbrowse.index.locations import bundled_corpus

        return bundled_corpus()
    corpus = corpus.expanduser()
    if corpus.is_file():
        raise UsageError(
            f"{corpus} is a file, not a folder: give the folder that holds your articles"
        )
    if not corpus.is_dir():
        if word is not None and os.sep not in word and not word.startswith((".", "~")):
            raise UsageError(f"no such folder or command: {word} (commands: {', '.join(COMMANDS)})")
        raise UsageError(f"no such folder: {corpus}")
    return corpus


def _check_index_dir(corpus: Path, index_dir: Path | None) -> None:
    """Refuse an index folder newsbrowse may not write in, before anything starts."""
    from newsbrowse.index import IndexDirError, check_index_dir, default_index_dir

    try:
        check_index_dir(index_dir if index_dir is not None else default_index_dir(corpus), corpus)
    except IndexDirError as exc:
        raise UsageError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsbrowse`` command."""
    try:
        code = _main(sys.argv[1:] if argv is None else argv)
    except SystemExit:  # --help and --version, usage errors
        _flush_stdout()
        raise
    return code if _flush_stdout() else 0


def _flush_stdout() -> bool:
    """Flush now rather than at interpreter exit, where a closed pipe would print a
    traceback-like warning and exit 120. False when the reader had gone."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return False
    return True


def _main(argv: list[str]) -> int:
    """Parse and run; every failure becomes one line on stderr and an exit code."""
    try:
        split = split_argv(argv)
        args = build_parser().parse_args(split.args)
        if split.query is not None:
            if not split.query:
                raise UsageError('search needs a query (an empty one, "", lists every article)')
            args.query = " ".join(split.query)
        folder = getattr(args, "folder", None)
        if folder is not None:
            given = split.corpus_word or getattr(args, "corpus", None)
            if given is not None:
                raise UsageError(f"two folders given, {given} and {folder}: give one")
            args.corpus = folder
        corpus = resolve_corpus(args, split.corpus_word)
        if split.stray is not None:
            raise UsageError(f"unknown command: {split.stray} (commands: {', '.join(COMMANDS)})")
        index_dir = getattr(args, "index_dir", None)
        _check_index_dir(corpus, index_dir)
        if args.command is None:
            return _run_app(corpus, index_dir)
        from .commands import run_command

        return run_command(args, corpus, index_dir)
    except UsageError as exc:
        _error(str(exc))
        return 2
    except RuntimeFailure as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:  # e.g. piped into head, which has all it wants: not an error
        _silence_stdout()
        return 0
    except Exception as exc:  # the promise: one plain line, never a traceback
        if os.environ.get("NEWSBROWSE_DEBUG"):
            raise
        _error(_plain(exc))
        return 1


def _plain(exc: BaseException) -> str:
    """What went wrong, as a sentence without Python's name for it."""
    from newsbrowse.index.errors import NewsbrowseError

    if isinstance(exc, NewsbrowseError):  # written for people already
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror.lower()}{where}"
    message = str(exc) or "no message"
    return f"unexpected error: {message}; run with NEWSBROWSE_DEBUG=1 for details"


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that nothing more (the exit flush too) meets the closed
    pipe: the recipe of the Python docs (signal module, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (tests capture it): nothing to do
        pass


def _run_app(corpus: Path, index_dir: Path | None) -> int:
    if not sys.stdout.isatty() and not os.environ.get("NEWSBROWSE_FORCE_APP"):
        raise UsageError("the browser needs a terminal; see `newsbrowse --help` for commands")
    from .app import NewsbrowseApp

    NewsbrowseApp(corpus=corpus, index_dir=index_dir).run()
    return 0


def _error(message: str) -> None:
    """One line on stderr, with no control character from a path or a query in it."""
    print(f"newsbrowse: error: {clean(message)}", file=sys.stderr)
