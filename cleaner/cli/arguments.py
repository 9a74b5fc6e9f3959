"""The command line's arguments: the parser, the value types, and usage errors as one line.

Every usage error is one line on stderr, `article-cleaner: ...`, saying what is wrong and what is
allowed, and exit code 2: never argparse's usage dump, "invalid parse value" or a traceback.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from cleaner.batch.choices import ENGINES, KEEP_CHOICES
from cleaner.batch.inputs import INPUT_FORMATS
from cleaner.batch.sinks import OUTPUT_FORMATS
from cleaner.batch.tasks import DEFAULT_TIMEOUT
from cleaner.options import DEFAULT_OPTIONS, FORMATS, RENDERINGS
from cleaner.version import __version__

EXIT_USAGE = 2
# Longest --timeout, in seconds (a week): beyond it a timer cannot be set on every platform, and no
# page needs it (0 turns the limit off).
MAX_TIMEOUT = 7 * 24 * 3600.0


class UsageError(Exception):
    """A usage error found after parsing (options that do not go together, an unwritable OUT)."""


class UsageParser(argparse.ArgumentParser):
    """argparse, saying a usage error in one line (and where the help is), exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"article-cleaner: {message}; see '{self.prog} --help'\n")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """A value outside the choices: say which values are allowed, plainly."""
        if action.choices is not None and value not in action.choices:
            allowed = ", ".join(map(str, action.choices))
            raise argparse.ArgumentError(action, f"{value!r} is not one of: {allowed}")


def number(kind: type[int] | type[float], minimum: float, maximum: float = math.inf) -> Callable[[str], Any]:
    """An argparse type: a whole (int) or decimal (float) number in [minimum, maximum]; nan, inf and
    numbers too large for a float (1e400) refused."""
    noun = "a whole number" if kind is int else "a number"
    allowed = f"{minimum:g} to {maximum:g}" if maximum < math.inf else f"{minimum:g} or more"

    def parse(value: str) -> Any:
        try:
            parsed = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {noun} ({allowed})") from None
        if kind is float and not math.isfinite(parsed):
            raise argparse.ArgumentTypeError(f"{value!r} is not a finite number ({allowed})")
        if not minimum <= parsed <= maximum:
            raise argparse.ArgumentTypeError(f"{value!r} is out of range: give {noun}, {allowed}")
        return parsed

    parse.__name__ = noun  # what argparse would name in a message of its own
    return parse


def absolute_url(value: str) -> str:
    """An argparse type: an absolute http(s) URL, as a page's metadata and site key need."""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{value!r} is not an absolute http(s) URL (https://host/path)")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (public so the docs and tests can read the same help)."""
    parser = UsageParser(
        prog="article-cleaner",
        description="Turn raw scraped pages (HTML or plain text) into clean article text.",
    )
    parser.add_argument("--version", action="version", version=f"article-cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _clean_arguments(
        commands.add_parser(
            "clean",
            help="clean one page (to stdout) or a directory (to -o OUT)",
            description="Clean PAGE (.html/.htm/.txt, optionally .gz, or - for stdin) to stdout, "
            "or every file under DIR into OUT with a report.jsonl line per input.",
        )
    )
    _eval_arguments(
        commands.add_parser(
            "eval",
            help="score the cleaner on labelled pages",
            description="Clean every labelled page of a benchmark folder (ground-truth.json plus html/ "
            "or fulltext/ pages) and score it with the 4-token shingle metric, per page type, with the "
            "labelled snippets lost and left and the article paragraphs lost, next to trafilatura's "
            "settings (HTML) or no cleaning (text) on the same pages in the same run.",
        )
    )
    serving = commands.add_parser(
        "serve",
        help="run the HTTP service (uvicorn)",
        description="Run the HTTP service. Other settings come from "
        "CLEANER_* environment variables (see the README).",
    )
    serving.add_argument(
        "--host", default=None, help="interface to bind (default 127.0.0.1, or CLEANER_HOST)"
    )
    serving.add_argument(
        "--port", type=number(int, 0, 65535), default=None, help="port (default 8000, or CLEANER_PORT)"
    )
    serving.add_argument(
        "--workers",
        type=number(int, 1),
        default=None,
        help="worker processes (default 1, or CLEANER_WORKERS)",
    )
    return parser


def _clean_arguments(cleaning: argparse.ArgumentParser) -> None:
    cleaning.add_argument("input", metavar="PAGE|DIR|-", help="a file, a directory, or - for stdin")
    cleaning.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="output directory (required for a directory; for a page, a file to write)",
    )
    cleaning.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="what the input is (default: auto, sniffed from the content)",
    )
    cleaning.add_argument(
        "--url",
        type=absolute_url,
        help="one page: the address it came from (returned as its url; HTML metadata and "
        "site boilerplate use it)",
    )
    cleaning.add_argument(
        "--to",
        choices=RENDERINGS,
        default="text",
        help="the rendering of the clean article: plain text (default), Markdown (headings, lists, "
        "quotes, pipe tables, fenced code) or a minimal sanitised HTML document; a directory run "
        "writes .txt, .md or .html files, JSON Lines carry it as a field",
    )
    cleaning.add_argument(
        "--include-links",
        action="store_true",
        help="with --to markdown|html: keep link targets (http, https, mailto and relative only)",
    )
    cleaning.add_argument(
        "--include-images",
        action="store_true",
        help="with --to markdown|html: keep image references",
    )
    cleaning.add_argument(
        "--json",
        action="store_true",
        help="one page: print the full result as JSON (text, metadata, removed counts, every block "
        "and why it was removed)",
    )
    cleaning.add_argument(
        "--explain",
        action="store_true",
        help="with --output-format jsonl: each line also carries every block and why it was removed",
    )
    cleaning.add_argument(
        "--jobs",
        "-j",
        type=number(int, 1),
        default=None,
        help="worker processes for a directory (default: number of CPUs)",
    )
    cleaning.add_argument(
        "--timeout",
        type=number(float, 0, MAX_TIMEOUT),
        default=None,
        metavar="SECONDS",
        help=f"time limit per input: one over it is reported as a timeout and the batch goes on "
        f"(default {DEFAULT_TIMEOUT:g} for a directory, none for one page; 0: no limit; "
        f"the local engine only)",
    )
    cleaning.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="files",
        help="files: every file under DIR is a page (default); jsonl: DIR is a .jsonl(.gz) file or a "
        'folder of them, one {"id", "content", "url"?} document per line',
    )
    cleaning.add_argument(
        "--output-format",
        choices=OUTPUT_FORMATS,
        default="text",
        help="text: a .txt file per input (default); jsonl: OUT/articles-NNNNN.jsonl, one result "
        "(id, text, metadata, removed counts) per line",
    )
    cleaning.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run into OUT (same inputs and options): finished inputs are "
        "kept, the rest are cleaned",
    )
    cleaning.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="where a directory is cleaned: local processes (default), or a Dask cluster "
        "(pip install article-cleaner[dask]); the output is the same",
    )
    cleaning.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler to use (tcp://host:8786); default: a LocalCluster "
        "of --jobs worker processes on this machine",
    )
    cleaning.add_argument(
        "--dedup",
        action="store_true",
        help="for a directory: group near-duplicate articles across all files (OUT/duplicates.jsonl) "
        "and mark blocks repeated on many stories of a site as site_boilerplate",
    )
    cleaning.add_argument(
        "--keep",
        choices=KEEP_CHOICES,
        default=None,
        help="with --dedup: write one article per cluster, the longest (default), or all of them",
    )
    cleaning.add_argument(
        "--site-min-docs",
        type=number(int, 0),
        default=None,
        metavar="K",
        help=f"with --dedup: a block on K or more stories of one site is site boilerplate "
        f"(default {DEFAULT_OPTIONS.site_min_docs}; 0 turns it off)",
    )


def _eval_arguments(evaluating: argparse.ArgumentParser) -> None:
    evaluating.add_argument("folder", type=Path, metavar="BENCH_DIR")
    evaluating.add_argument(
        "--mode",
        choices=("html", "text"),
        default="html",
        help="score the html/ pages or the fulltext/ (plain text) pages (default html)",
    )
    evaluating.add_argument("--per-doc", action="store_true", help="list every document's scores")
    evaluating.add_argument(
        "--worst", type=number(int, 0), default=10, metavar="N", help="how many worst documents to list"
    )
    evaluating.add_argument("--json", action="store_true", help="print the evaluation as JSON")
    evaluating.add_argument(
        "--baselines",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run trafilatura's settings (html) or no cleaning (text) on the same pages (default on)",
    )
    evaluating.add_argument(
        "--jobs", "-j", type=number(int, 1), default=1, metavar="N", help="processes to spread pages over"
    )


def check_clean_arguments(args: argparse.Namespace, directory: bool) -> None:
    """Options that do not go together, refused before any work (UsageError saying why).

    Also fills in the defaults of the directory options, left None so that giving one is seen."""
    given = [flag for flag, value in _directory_options(args) if value]
    if not directory and given:
        raise UsageError(f"{', '.join(given)}: for a directory (or JSON Lines) run; {args.input} is one page")
    if directory and args.json:
        raise UsageError(
            "--json prints one page's result; for a directory use --output-format jsonl "
            "(with --explain for every block)"
        )
    if args.explain and not (directory and args.output_format == "jsonl"):
        raise UsageError("--explain is for --output-format jsonl; for one page, --json has every block")
    if (args.include_links or args.include_images) and args.to == "text":
        raise UsageError("--include-links and --include-images go with --to markdown or --to html")
    if directory and args.url:
        raise UsageError("--url is for one page; in a JSON Lines input each document carries its own url")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    if not args.dedup and (args.keep or args.site_min_docs is not None):
        raise UsageError("--keep and --site-min-docs go with --dedup")
    args.jobs = args.jobs or os.cpu_count() or 1
    args.engine = args.engine or "local"
    args.keep = args.keep or KEEP_CHOICES[0]
    if args.site_min_docs is None:
        args.site_min_docs = DEFAULT_OPTIONS.site_min_docs


def _directory_options(args: argparse.Namespace) -> list[tuple[str, object]]:
    """Each option of a directory run, and whether it was given."""
    return [
        ("--dedup", args.dedup),
        ("--resume", args.resume),
        ("--output-format", args.output_format != "text"),
        ("--input-format", args.input_format != "files"),
        ("--jobs", args.jobs is not None),
        ("--engine", args.engine is not None),
        ("--scheduler", args.scheduler),
    ]
