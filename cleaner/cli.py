"""The `article-cleaner` command: clean a page or a directory, score on labelled pages, or serve.

Exit codes: 0 all inputs cleaned, 1 some inputs failed (each one reported), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Literal

from cleaner.batch import DEFAULT_TIMEOUT, REPORT_NAME, discover, run_batch
from cleaner.batch_dedup import DUPLICATES_NAME, KEEP_CHOICES, Keep, run_dedup_batch
from cleaner.deadline import DeadlinePool
from cleaner.errors import CleanerError
from cleaner.evaluate import MODE_FOLDERS, cleaner_predictor, evaluate, find_pages
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
        help=f"time limit per file: a file over it is reported as a timeout and the batch goes on "
        f"(default {DEFAULT_TIMEOUT:g} for a directory, none for one page; 0: no limit)",
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
        "or fulltext/ pages) and score it with the 4-token shingle metric.",
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
        return _evaluate(args.folder, args.mode, args.per_doc, args.worst, args.json)
    options = CleanOptions(format=args.format, site_min_docs=args.site_min_docs)
    timeout = args.timeout or None  # 0: no limit
    if args.input != "-" and Path(args.input).is_dir():
        limit = DEFAULT_TIMEOUT if args.timeout is None else timeout
        return _clean_directory(
            Path(args.input), args.output, options, args.jobs, args.dedup and args.keep, limit
        )
    if args.dedup:
        print("article-cleaner: --dedup compares the files of a directory; give a DIR", file=sys.stderr)
        return EXIT_USAGE
    return _clean_page(args.input, args.output, options, args.json, timeout)


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


def _clean_directory(
    root: Path,
    out: Path | None,
    options: CleanOptions,
    jobs: int,
    dedup: Keep | Literal[False],
    timeout: float | None,
) -> int:
    if out is None:
        print("article-cleaner: cleaning a directory needs -o OUT", file=sys.stderr)
        return EXIT_USAGE
    progress = _progress_bar(root, out)
    if dedup:
        summary = run_dedup_batch(
            root, out, options, jobs, dedup, on_record=progress.update_record, timeout=timeout
        )
    else:
        summary = run_batch(root, out, options, jobs, on_record=progress.update_record, timeout=timeout)
    progress.close()
    removed = ", ".join(f"{reason} {count}" for reason, count in sorted(summary.removed.items()))
    duplicates = "reported" if dedup == "all" else "dropped"
    print(
        f"cleaned {summary.ok} of {summary.total} files into {out}"
        + (f"; {summary.failed} failed (see {out / REPORT_NAME})" if summary.failed else "")
        + (f"; removed blocks: {removed}" if removed else "")
        + (
            f"; {summary.duplicates} near-duplicate articles {duplicates} (see {out / DUPLICATES_NAME})"
            if dedup
            else ""
        ),
        file=sys.stderr,
    )
    return EXIT_FAILED if summary.failed else EXIT_OK


def _evaluate(folder: Path, mode: str, per_doc: bool, worst: int, as_json: bool) -> int:
    if not (folder / "ground-truth.json").is_file():
        print(f"article-cleaner: {folder} has no ground-truth.json", file=sys.stderr)
        return EXIT_USAGE
    if not find_pages(folder, mode):
        print(
            f"article-cleaner: {folder} has no {MODE_FOLDERS[mode][0]}/ pages for --mode {mode}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    evaluation = evaluate(folder, mode, cleaner_predictor(CleanOptions(format=mode)))  # type: ignore[arg-type]
    if as_json:
        print(json.dumps(evaluation.to_dict(per_document=per_doc, worst=worst), indent=2))
        return EXIT_OK
    corpus = evaluation.corpus
    print(
        f"{mode}: F1 {corpus.f1:.4f}  precision {corpus.precision:.4f}  recall {corpus.recall:.4f}  "
        f"({corpus.documents} documents, {corpus.documents / max(evaluation.seconds, 1e-9):.1f} pages/s)"
    )
    if evaluation.missing_pages:
        print(f"{len(evaluation.missing_pages)} labelled ids have no page (scored as empty)")
    rows = sorted(evaluation.documents, key=lambda run: run.id) if per_doc else evaluation.worst(worst)
    if rows:
        print("\nper document:" if per_doc else f"\nworst {len(rows)}:")
        for run in rows:
            note = f"  ({run.error})" if run.error else ""
            print(
                f"  F1 {run.score.f1:.3f}  P {run.score.precision:.3f}  R {run.score.recall:.3f}  {run.id}{note}"
            )
    if evaluation.removed:
        print(
            "\nremoved blocks: "
            + ", ".join(f"{reason} {count}" for reason, count in evaluation.removed.items())
        )
    return EXIT_OK


class _Progress:
    """A tqdm bar on a terminal; nothing when stderr is a file or a pipe."""

    def __init__(self, total: int | None) -> None:
        self._bar: Any = None
        if total is not None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)

    def update_record(self, record: dict[str, Any]) -> None:
        if self._bar is not None:
            self._bar.update(1)
            if record["status"] != "ok":
                self._bar.write(f"error: {record['path']}: {record['error']}", file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress_bar(root: Path, out: Path) -> _Progress:
    if not sys.stderr.isatty():
        return _Progress(None)
    return _Progress(sum(1 for _ in discover(root, out)))


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _non_negative_float(value: str) -> float:
    number = float(value)
    if not number >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


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
