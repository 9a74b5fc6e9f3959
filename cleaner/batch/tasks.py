"""One input of a batch, and the local process pool that cleans many in input order.

A task is a file of the tree or a line of a JSON Lines file; `clean_task` turns it into a report
record and a Document and never raises (a failing input is an error record). `ordered_map` runs a
per-task function in this process or in warm worker processes with a bounded window and yields
results in input order; an input over the time limit, or whose worker dies, costs that input alone. Writing is the driver's (`cleaner.batch.runner`, `cleaner.batch.sinks`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from cleaner.batch.jsonl import parse_line
from cleaner.document import Document
from cleaner.errors import CleanerError, WorkerError
from cleaner.options import CleanOptions
from cleaner.render import SUFFIXES
from cleaner.result import to_result

REPORT_NAME = "report.jsonl"
# The one temporary name of the batch's single writer: an output is written here, then renamed.
WRITING_NAME = ".writing.tmp"
# Suffixes that say what a file is; they are replaced by ".txt" in the output name.
INPUT_SUFFIXES = (".html", ".htm", ".txt", ".gz")
# Seconds one input may take to clean before its worker is stopped and the input reported as a timeout.
DEFAULT_TIMEOUT = 10.0
# Tasks in flight per worker: enough to keep workers busy, few enough that memory stays flat.
_IN_FLIGHT_PER_WORKER = 4
# What the batch's workers run (cleaning, and sketching for --dedup), loaded once in the fork server.
_WORK_MODULES = ("cleaner.batch.tasks", "cleaner.batch.dedup")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Task:
    """One input and where its clean text goes (relative to the batch roots).

    A file of a tree is read by whoever cleans it; a JSON Lines document carries its `line` number
    and the line's bytes (`raw`). `fault` is (error code, message) for an input the reader could
    not even split into documents (a corrupt gzip stream, a file that is not JSON Lines).
    """

    source: str
    output: str
    line: int | None = None
    raw: bytes | None = field(default=None, repr=False, compare=False)
    fault: tuple[str, str] | None = None
    # With --dedup: the input's position in report order, and (resuming) what an earlier run's
    # pass 1 spooled for it (its record and Document), so that it is only sketched, not cleaned.
    number: int = field(default=-1, compare=False)
    spooled: tuple[dict[str, Any], Document | None] | None = field(default=None, repr=False, compare=False)


# What cleaning one input gives: its report record and its result (None on error).
Outcome = tuple[dict[str, Any], dict[str, Any] | None]


@dataclass
class BatchSummary:
    """What a batch did: counts for the exit code and the closing message."""

    ok: int = 0
    failed: int = 0
    # With --dedup: near-duplicate articles (dropped, or only reported with keep="all").
    duplicates: int = 0
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.ok + self.failed


def printable(name: str) -> str:
    """A file name as valid Unicode text for the report: bytes that are not UTF-8 (which the OS hands
    over as lone surrogates) written as `\\xNN`. The same name gives the same text, so resume can
    match a report line to its input."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name decodes to: escape it as it is
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def output_name(relative: str) -> str:
    """`a/page.html.gz` -> `a/page.txt`: known input suffixes replaced by .txt, others kept; a name
    that is not UTF-8 gets its printable form (so that the report can name the output)."""
    path = Path(printable(relative))
    name = path.name
    while True:
        stem, dot, suffix = name.rpartition(".")
        if not dot or not stem or f".{suffix.lower()}" not in INPUT_SUFFIXES:
            break
        name = stem
    return str(path.with_name(f"{name}.txt"))


def discover(root: Path, out: Path) -> Iterator[Task]:
    """Every regular, non-hidden file under root in sorted order, skipping the output directory.

    Two inputs that would share an output name (`a.html` and `a.txt`) keep apart: the later one
    keeps its full name (`a.txt.txt`), so no output overwrites another. An output name that is a
    folder of the input (`x.html` beside a folder `x.txt/`, whose outputs go into `OUT/x.txt/`)
    takes the full name too.
    """
    directory: Path | None = None
    used: set[str] = set()
    for relative in walk(root, out):
        if Path(relative).parent != directory:  # names collide only within one directory
            directory, used = Path(relative).parent, set()
        target = output_name(relative)
        if target in used or target == REPORT_NAME or _is_folder(root / target):
            target = f"{printable(relative)}.txt"
        while target in used or _is_folder(root / target):
            target += ".txt"
        used.add(target)
        yield Task(relative, target)


def _is_folder(path: Path) -> bool:
    """Whether the path is a folder; a name the file system refuses (too long) is none."""
    try:
        return path.is_dir()
    except OSError:
        return False


def walk(root: Path, out: Path) -> Iterator[str]:
    """Relative paths of the regular, non-hidden files under root, sorted per directory (a
    directory's files, then its subdirectories), skipping the output directory. Streams: memory
    holds one directory's listing, however large the tree."""
    out = out.resolve()
    for directory, subdirs, files in os.walk(root):
        here = Path(directory)
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and (here / d).resolve() != out)
        for name in sorted(files):
            path = here / name
            if not name.startswith(".") and path.is_file():
                yield path.relative_to(root).as_posix()


def clean_input(root: str, out: str, task: Task, options: CleanOptions) -> Outcome:
    """Clean one input (in a worker): its report record and result; writing is the caller's."""
    record, document = clean_task(root, task, options)
    return record, None if document is None else to_result(document, options=options)


def clean_task(root: str, task: Task, options: CleanOptions) -> tuple[dict[str, Any], Document | None]:
    """Clean one input without writing it: its report record and the Document (None on error)."""
    from cleaner.pipeline import clean  # here, not at the top: `article-cleaner --help` needs no parser

    record = base_record(task)
    try:
        if task.fault is not None:
            return {**record, "status": "error", "error_code": task.fault[0], "error": task.fault[1]}, None
        if task.raw is None:
            raw: bytes | str = (Path(root) / task.source).read_bytes()
            url = None
        else:
            record["id"], raw, url = parse_line(task.raw)
        record["bytes_in"] = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "replace"))
        return record, clean(raw, options, url=url)
    except (CleanerError, OSError) as exc:
        return {**record, "status": "error", "error": str(exc), "error_code": _error_code(exc)}, None
    except Exception as exc:  # a bug must not lose the file or stop the batch: record it
        return {
            **record,
            "status": "error",
            "error": f"internal error: {exc!r}",
            "error_code": "internal",
        }, None


def write_output(
    out: Path, task: Task, record: dict[str, Any], result: dict[str, Any], rendering: str = "text"
) -> None:
    """Write a cleaned file's rendering (`.txt`, `.md` or `.html`) atomically and complete its
    report record."""
    body = result[rendering]
    target = rendered_name(task.output, rendering)
    write_atomically(out / target, body.rstrip("\n") + "\n" if body else "", temporary=out / WRITING_NAME)
    complete_record(record, target, result)


def rendered_name(output: str, rendering: str) -> str:
    """`a/page.txt` -> `a/page.md` for Markdown: a task's output name with its rendering's suffix."""
    return output.removesuffix(".txt") + SUFFIXES[rendering]


def complete_record(record: dict[str, Any], output: str | None, result: dict[str, Any]) -> None:
    """A cleaned input's report record: where it went (None: not written) and what was removed."""
    record.update(
        output=output,
        format=result["format"],
        chars_in=result["chars_in"],
        chars_out=result["chars_out"],
        removed=result["removed"],
    )


def write_atomically(target: Path, text: str, temporary: Path | None = None) -> None:
    """Write to a temporary name (beside the target unless given), then rename: a crash leaves no
    partial file. A single writer passes one fixed `temporary`, so a crash leaves no stray file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary or target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)


def _error_code(exc: Exception) -> str:
    return exc.code if isinstance(exc, CleanerError) else "unreadable"


def count_record(summary: BatchSummary, record: dict[str, Any]) -> None:
    """Add one report record to the summary."""
    if record["status"] == "ok":
        summary.ok += 1
        summary.duplicates += "duplicate_of" in record
        for reason, count in record.get("removed", {}).items():
            summary.removed[reason] = summary.removed.get(reason, 0) + count
    else:
        summary.failed += 1


def base_record(task: Task) -> dict[str, Any]:
    """The start of an input's report record: which input (a file, or a line of one), no output yet."""
    record: dict[str, Any] = {"path": printable(task.source)}
    if task.line is not None:
        record.update(line=task.line, id=None)
    record.update(output=None, status="ok", error=None, error_code=None)
    return record


def worker_died(task: Task, error: WorkerError) -> dict[str, Any]:
    """The report record of an input that ran over the time limit, or whose worker process died."""
    return {**base_record(task), "status": "error", "error_code": error.code, "error": str(error)}


def ordered_map(
    work: Callable[[str, str, Task, CleanOptions], Result],
    root: str,
    out: str,
    tasks: Iterable[Task],
    options: CleanOptions,
    jobs: int,
    died: Callable[[Task, WorkerError], Result],
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Result]:
    """`work` over the tasks in input order, in `jobs` warm worker processes with a bounded window
    (`cleaner.isolate.deadline`).

    Each input gets `timeout` seconds; one that runs over it, or whose worker dies, costs that input
    (`died`, with the error saying which) and never the batch: its worker is replaced and the others
    go on. With one job and no time limit the work runs in this process.
    """
    if jobs <= 1 and timeout is None:
        for task in tasks:
            yield work(root, out, task, options)
        return
    from cleaner.isolate.deadline import DeadlinePool

    window: list[tuple[Task, Future[Result]]] = []
    pending = iter(tasks)
    with DeadlinePool(jobs, timeout, preload=_WORK_MODULES) as executor:
        while True:
            while len(window) < jobs * _IN_FLIGHT_PER_WORKER:
                upcoming = next(pending, None)
                if upcoming is None:
                    break
                window.append((upcoming, executor.submit(work, root, out, upcoming, options)))
            if not window:
                return
            task, future = window.pop(0)
            try:
                yield future.result()
            except WorkerError as exc:
                yield died(task, exc)
