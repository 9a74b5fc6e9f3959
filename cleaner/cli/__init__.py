"""The `article-cleaner` command: clean a page or a directory, score on labelled pages, or serve.

Exit codes: 0 all inputs cleaned, 1 some inputs failed (each one reported), 2 usage error.

May use every wing below it, and the service (for `serve`). Each command imports what it needs when
it runs, so `--help`, `--version` and usage errors load no parser, model or web stack.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from cleaner.cli.arguments import EXIT_USAGE, UsageError, build_parser, check_clean_arguments
from cleaner.errors import CleanerError
from cleaner.options import CleanOptions

if TYPE_CHECKING:
    from cleaner.batch.jobs import Job

EXIT_OK, EXIT_FAILED = 0, 1


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script. Each command imports what it needs when it runs, so that
    `--help`, `--version` and usage errors start in a fraction of a second."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "eval":
            return _evaluate(args)
        return _clean(args)
    except UsageError as exc:
        print(f"article-cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _serve(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from service.server import serve  # the web stack loads only for this command

    try:
        serve(host=args.host, port=args.port, workers=args.workers)
    except ValidationError as exc:  # a CLEANER_* variable with a wrong value
        problems = "; ".join(  # a check across settings names them in its message (no location)
            f"CLEANER_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" if e["loc"] else e["msg"]
            for e in exc.errors()
        )
        raise UsageError(problems) from None
    return EXIT_OK


def _clean(args: argparse.Namespace) -> int:
    try:
        directory = args.input != "-" and (Path(args.input).is_dir() or args.input_format == "jsonl")
    except OSError as exc:  # a folder on the way that we may not enter
        raise UsageError(f"cannot read {args.input}: {exc.strerror or exc}") from None
    check_clean_arguments(args, directory)
    options = CleanOptions(
        format=args.format,
        site_min_docs=args.site_min_docs,
        to=args.to,
        include_links=args.include_links,
        include_images=args.include_images,
        explain=args.explain,
    )
    if not directory:
        return _clean_page(args.input, args.output, options, args.json, args.timeout or None, args.url)
    from cleaner.batch.jobs import Job

    job = Job(
        source=Path(args.input),
        out=args.output,
        options=options,
        input_format=args.input_format,
        output_format=args.output_format,
        dedup=args.keep if args.dedup else None,
        resume=args.resume,
    )
    from cleaner.batch.tasks import DEFAULT_TIMEOUT

    limit = DEFAULT_TIMEOUT if args.timeout is None else args.timeout or None  # 0: no limit
    return _clean_directory(job, args.engine, args.scheduler, args.jobs, limit)


def _clean_page(
    source: str,
    output: Path | None,
    options: CleanOptions,
    as_json: bool,
    timeout: float | None,
    url: str | None,
) -> int:
    if output is not None and output.is_dir():
        raise UsageError(f"-o {output} is a directory; for one page, -o names the file to write")
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        print(f"article-cleaner: cannot read {source}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, FileNotFoundError | IsADirectoryError) else EXIT_FAILED
    from cleaner.result import to_result

    try:
        if timeout is None:
            from cleaner.pipeline import clean

            document = clean(raw, options, url=url)
        else:
            from cleaner.isolate.deadline import DeadlinePool

            with DeadlinePool(1, timeout) as pool:
                document = pool.clean(raw, options, url=url)
        result = to_result(document, explain=as_json, options=options)
    except CleanerError as exc:
        print(f"article-cleaner: {source}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    rendered = json.dumps(result, ensure_ascii=False, indent=2) if as_json else result[options.to]
    rendered = rendered.rstrip("\n")
    if output is None:
        sys.stdout.write(rendered + "\n")
        return EXIT_OK
    try:
        output.write_text(rendered + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}{_docker_hint(exc)}") from None
    return EXIT_OK


def _clean_directory(job: Job, engine: str, scheduler: str | None, jobs: int, timeout: float | None) -> int:
    if job.out is None:
        raise UsageError("cleaning a directory needs -o OUT")
    if not job.source.exists():
        raise UsageError(f"cannot read {job.source}: no such file or directory")
    if job.source.is_dir() and job.out.resolve() == job.source.resolve():
        raise UsageError(
            f"-o {job.out} is the input folder: the outputs would be read back as inputs; "
            "give another folder (one inside the input is fine: it is skipped)"
        )
    _check_writable_folder(job.out)
    from cleaner.batch.choices import DUPLICATES_NAME
    from cleaner.batch.jobs import run_job
    from cleaner.batch.progress import progress_bar
    from cleaner.batch.sinks import FULL_ERRNOS, OutputError
    from cleaner.batch.tasks import REPORT_NAME

    progress = progress_bar(job)
    try:
        summary = run_job(job, engine, scheduler, jobs, on_record=progress.update_record, timeout=timeout)
    except OutputError as exc:  # the disk filled up: what was reported stands, --resume does the rest
        progress.close()
        print(f"article-cleaner: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        progress.close()
        if exc.errno not in FULL_ERRNOS:
            raise
        print(f"article-cleaner: {OutputError(job.out, progress.done, exc)}", file=sys.stderr)
        return EXIT_FAILED
    except CleanerError as exc:  # cannot resume, or no Dask installed: nothing was cleaned
        progress.close()
        raise UsageError(str(exc)) from None
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


def _check_writable_folder(out: Path) -> None:
    """OUT exists (or is made) and takes a file, before any work: else one line saying why."""
    probe = out / ".article-cleaner-probe"
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except (FileExistsError, NotADirectoryError):
        raise UsageError(f"-o {out} is a file; a directory run writes into a folder") from None
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}{_docker_hint(exc)}") from None


def _docker_hint(exc: OSError) -> str:
    """A bind mount that Docker made is root's, and the image's user may not write it: say how."""
    if isinstance(exc, PermissionError):
        return ' (in Docker, run the container as yourself: docker run --user "$(id -u):$(id -g)" ...)'
    return ""


def _evaluate(args: argparse.Namespace) -> int:
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


def run() -> None:
    """Console-script entry: main(), quiet when the reader of stdout goes away (`| head`)."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)
