"""The ``newsbrowse`` command: the app with no subcommand, line-oriented answers with one.

Imports are lazy so that ``--help`` and ``--version`` load neither textual nor whoosh.
Exit codes: 0 success (an empty result too), 1 a runtime error, 2 a usage error.
Errors are one line on stderr; scripts get JSON on stdout with nothing else mixed in.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsbrowse.index.search import syntax_lines

from .output import RuntimeFailure, UsageError


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsbrowse")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (cheap: imports nothing heavy)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--corpus",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of articles (default: $NEWSBROWSE_CORPUS, else the bundled seeds)",
    )
    common.add_argument(
        "--index-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="where to keep the index (default: the user cache directory)",
    )
    parser = argparse.ArgumentParser(
        prog="newsbrowse",
        description="Browse a folder of saved news articles: search, read, see who said what.",
        parents=[common],
        epilog="With no command, opens the interactive browser.",
    )
    parser.add_argument("--version", action="version", version=f"newsbrowse {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", parents=[common], help="build or update the index")
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser(
        "search",
        parents=[common],
        help="search the articles",
        epilog="query syntax:\n" + syntax_lines(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", help="the query (see below)")
    p.add_argument("--limit", type=_positive, default=20, help="at most N hits (default 20)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("articles", parents=[common], help="list the articles")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", parents=[common], help="print one article's text")
    p.add_argument("id", help="the article id (its path inside the corpus)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("quotes", parents=[common], help="list quotes: who said what")
    p.add_argument("--speaker", help="a speaker's name or id (any spelling)")
    p.add_argument("--article", help="an article id")
    p.add_argument("--kind", choices=("direct", "partial", "indirect"))
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("speakers", parents=[common], help="list everyone quoted")
    p.add_argument("--article", help="only the speakers of this article")
    p.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def resolve_corpus(args: argparse.Namespace) -> Path:
    """--corpus, else $NEWSBROWSE_CORPUS, else the bundled seeds."""
    corpus = getattr(args, "corpus", None)
    if corpus is None and os.environ.get("NEWSBROWSE_CORPUS"):
        corpus = Path(os.environ["NEWSBROWSE_CORPUS"])
    if corpus is None:
        from newsbrowse.index.locations import bundled_corpus

        return bundled_corpus()
    corpus = corpus.expanduser()
    if not corpus.is_dir():
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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        corpus = resolve_corpus(args)
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
    except BrokenPipeError:
        sys.stderr.close()  # e.g. piped into head: not an error worth a message
        return 0
    except Exception as exc:  # the promise: one line, never a traceback
        if os.environ.get("NEWSBROWSE_DEBUG"):
            raise
        _error(f"{exc.__class__.__name__}: {exc} (set NEWSBROWSE_DEBUG=1 for details)")
        return 1


def _run_app(corpus: Path, index_dir: Path | None) -> int:
    if not sys.stdout.isatty() and not os.environ.get("NEWSBROWSE_FORCE_APP"):
        raise UsageError("the browser needs a terminal; see `newsbrowse --help` for commands")
    from .app import NewsbrowseApp

    NewsbrowseApp(corpus=corpus, index_dir=index_dir).run()
    return 0


def _error(message: str) -> None:
    text = " ".join(message.split())
    print(f"newsbrowse: error: {text}", file=sys.stderr)
