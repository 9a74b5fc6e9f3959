"""The `article-cleaner` command: clean a page or a directory, score on labelled pages, or serve.

Exit codes: 0 all inputs cleaned, 1 some inputs failed (each one reported), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from cleaner.batch.dedup import DUPLICATES_NAME, KEEP_CHOICES
from cleaner.batch.inputs import INPUT_FORMATS
from cleaner.batch.jobs import ENGINES, Job, run_job
from cleaner.batch.progress import progress_bar
from cleaner.batch.sinks import OUTPUT_FORMATS
from cleaner.batch.tasks import DEFAULT_TIMEOUT, REPORT_NAME
from cleaner.errors import CleanerError
from cleaner.evaluate import (
    CLEANER,
    MODE_FOLDERS,
    CleanerSystem,
    Predictor,
    baselines,
    evaluate,
    find_pages,
    to_dict,
    to_table,
)
from cleaner.isolate.deadline import DeadlinePool
from cleaner.options import DEFAULT_OPTIONS, FORMATS, CleanOptions
from cleaner.pipeline import clean
from cleaner.result import to_result

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (public so the docs and tests can read the same help)."""
    parser = argparse.ArgumentParser(
        prog="article-cleaner",
        description="Turn raw scraped pages (HTML or plain text) into clean article text.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    cleaning = commands.add_parser(
        "clean",
        help="clean one page (to stdout) or a directory (to -o OUT)",
        description="Clean PAGE (.html/.htm/.txt, optionally .gz, or - for stdin) to stdout, "
        "or every file under DIR into OUT with a report.jsonl line per input.",
    )
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
        "--json",
        action="store_true",
        help="print the full result as JSON (text, metadata, removed counts, blocks)",
    )
    cleaning.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=os.cpu_count() or 1,
        help="worker processes for a directory (default: number of CPUs)",
    )
    cleaning.add_argument(
        "--timeout",
        type=_non_negative_float,
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
        default="local",
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
        default="longest",
        help="with --dedup: write one article per cluster, the longest (default), or all of them",
    )
    cleaning.add_argument(
        "--site-min-docs",
        type=_non_negative_int,
        default=DEFAULT_OPTIONS.site_min_docs,
        metavar="K",
        help=f"with --dedup: a block on K or more stories of one site is site boilerplate "
        f"(default {DEFAULT_OPTIONS.site_min_docs}; 0 turns it off)",
    )

    evaluating = commands.add_parser(
        "eval",
        help="score the cleaner on labelled pages",
        description="Clean every labelled page of a benchmark folder (ground-truth.json plus html/ "
        "or fulltext/ pages) and score it with the 4-token shingle metric, per page type, with the "
        "labelled snippets lost and left and the article paragraphs lost, next to trafilatura's "
        "settings (HTML) or no cleaning (text) on the same pages in the same run.",
    )
    evaluating.add_argument("folder", type=Path, metavar="BENCH_DIR")
    evaluating.add_argument(
        "--mode",
        choices=("html", "text"),
        default="html",
        help="score the html/ pages or the fulltext/ (plain text) pages (default html)",
    )
    evaluating.add_argument("--per-doc", action="store_true", help="list every document's scores")
    evaluating.add_argument(
        "--worst", type=int, default=10, metavar="N", help="how many worst documents to list"
    )
    evaluating.add_argument("--json", action="store_true", help="print the evaluation as JSON")
    evaluating.add_argument(
        "--baselines",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run trafilatura's settings (html) or no cleaning (text) on the same pages (default on)",
    )
    evaluating.add_argument(
        "--jobs", "-j", type=_positive_int, default=1, metavar="N", help="processes to spread pages over"
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
    serving.add_argument("--port", type=int, default=None, help="port (default 8000, or CLEANER_PORT)")
    serving.add_argument(
        "--workers", type=_positive_int, default=None, help="worker processes (default 1, or CLEANER_WORKERS)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        from service.server import serve  # the web stack loads only for this command

        serve(host=args.host, port=args.port, workers=args.workers)
        return EXIT_OK
    if args.command == "eval":
        return _evaluate(args)
    options = CleanOptions(format=args.format, site_min_docs=args.site_min_docs)
    if args.scheduler and args.engine != "dask":
        print("article-cleaner: --scheduler is for --engine dask", file=sys.stderr)
        return EXIT_USAGE
    if args.input != "-" and (Path(args.input).is_dir() or args.input_format == "jsonl"):
        job = Job(
            source=Path(args.input),
            out=args.output,
            options=options,
            input_format=args.input_format,
            output_format=args.output_format,
            dedup=args.keep if args.dedup else None,
            resume=args.resume,
        )
        limit = DEFAULT_TIMEOUT if args.timeout is None else args.timeout or None  # 0: no limit
        return _clean_directory(job, args.engine, args.scheduler, args.jobs, limit)
    if args.dedup or args.resume or args.output_format != "text":
        print(
            "article-cleaner: --dedup, --resume and --output-format compare or write the inputs of a directory (or of JSON Lines); give a DIR",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return _clean_page(args.input, args.output, options, args.json, args.timeout or None)


def _clean_page(
    source: str, output: Path | None, options: CleanOptions, as_json: bool, timeout: float | None
) -> int:
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        print(f"article-cleaner: cannot read {source}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, FileNotFoundError) else EXIT_FAILED
    try:
        if timeout is None:
            document = clean(raw, options)
        else:
            with DeadlinePool(1, timeout) as pool:
                document = pool.clean(raw, options)
        result = to_result(document, explain=as_json)
    except CleanerError as exc:
        print(f"article-cleaner: {source}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    rendered = json.dumps(result, ensure_ascii=False, indent=2) if as_json else result["text"]
    if output is None:
        sys.stdout.write(rendered + "\n")
    else:
        output.write_text(rendered + "\n", encoding="utf-8")
    return EXIT_OK


def _clean_directory(job: Job, engine: str, scheduler: str | None, jobs: int, timeout: float | None) -> int:
    if job.out is None:
        print("article-cleaner: cleaning a directory needs -o OUT", file=sys.stderr)
        return EXIT_USAGE
    if not job.source.exists():
        print(f"article-cleaner: cannot read {job.source}: no such file or directory", file=sys.stderr)
        return EXIT_USAGE
    progress = progress_bar(job)
    try:
        summary = run_job(job, engine, scheduler, jobs, on_record=progress.update_record, timeout=timeout)
    except CleanerError as exc:  # cannot resume, or no Dask installed: nothing was cleaned
        progress.close()
        print(f"article-cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    progress.close()
    out = job.out
    removed = ", ".join(f"{reason} {count}" for reason, count in sorted(summary.removed.items()))
    duplicates = "reported" if job.dedup == "all" else "dropped"
    print(
        f"cleaned {summary.ok} of {summary.total} inputs into {out}"
        + (f"; {summary.failed} failed (see {out / REPORT_NAME})" if summary.failed else "")
        + (f"; removed blocks: {removed}" if removed else "")
        + (
            f"; {summary.duplicates} near-duplicate articles {duplicates} (see {out / DUPLICATES_NAME})"
            if job.dedup
            else ""
        ),
        file=sys.stderr,
    )
    return EXIT_FAILED if summary.failed else EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    folder, mode = args.folder, args.mode
    if not (folder / "ground-truth.json").is_file():
        print(f"article-cleaner: {folder} has no ground-truth.json", file=sys.stderr)
        return EXIT_USAGE
    if not find_pages(folder, mode):
        print(
            f"article-cleaner: {folder} has no {MODE_FOLDERS[mode][0]}/ pages for --mode {mode}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    systems: dict[str, Predictor] = {CLEANER: CleanerSystem(CleanOptions(format=mode))}
    if args.baselines:
        systems.update(baselines(mode))
    with _eval_progress(len(find_pages(folder, mode)) * len(systems)) as advance:
        evaluation = evaluate(folder, mode, systems, jobs=args.jobs, progress=advance)
    if args.json:
        print(json.dumps(to_dict(evaluation, per_document=args.per_doc, worst=args.worst), indent=2))
    else:
        print(to_table(evaluation, per_document=args.per_doc, worst=args.worst))
    return EXIT_OK


@contextlib.contextmanager
def _eval_progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr when it is a terminal (an evaluation of a benchmark takes minutes)."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="page", file=sys.stderr, leave=False) as bar:
        yield bar.update


def _at_least(minimum: float, kind: type[int] | type[float] = int) -> Callable[[str], float]:
    """An argparse type: a number of `kind` no smaller than `minimum` (nan refused)."""

    def parse(value: str) -> float:
        number = kind(value)
        if not number >= minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum:g} or more")
        return number

    return parse


_positive_int = _at_least(1)
_non_negative_int = _at_least(0)
_non_negative_float = _at_least(0, float)


def run() -> None:
    """Console-script entry: main(), quiet when the reader of stdout goes away (`| head`)."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)


if __name__ == "__main__":
    run()
