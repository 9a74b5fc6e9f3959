"""Clean a directory tree in parallel: one output file and one report line for every input.

Inputs stream from a sorted walk, at most a few tasks per worker are in flight, outputs are written
to a temporary name and renamed when complete, and the report keeps input order, so the same input
gives the same output tree and report whatever the number of workers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from cleaner.deadline import DeadlinePool
from cleaner.document import Document
from cleaner.errors import CleanerError, WorkerError
from cleaner.options import CleanOptions
from cleaner.pipeline import clean
from cleaner.result import to_result

REPORT_NAME = "report.jsonl"
# Suffixes that say what a file is; they are replaced by ".txt" in the output name.
INPUT_SUFFIXES = (".html", ".htm", ".txt", ".gz")
# Seconds one file may take to clean before its worker is stopped and the file reported as a timeout.
DEFAULT_TIMEOUT = 10.0
# Tasks in flight per worker: enough to keep workers busy, few enough that memory stays flat.
_IN_FLIGHT_PER_WORKER = 4
Result = TypeVar("Result")


@dataclass(frozen=True)
class Task:
    """One input file and where its clean text goes (both relative to the batch roots)."""

    source: str
    output: str


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


def output_name(relative: str) -> str:
    """`a/page.html.gz` -> `a/page.txt`: known input suffixes replaced by .txt, others kept."""
    path = Path(relative)
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
    keeps its full name (`a.txt.txt`), so no output overwrites another.
    """
    out = out.resolve()
    used: set[str] = set()
    for directory, subdirs, files in os.walk(root):
        here = Path(directory)
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and (here / d).resolve() != out)
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or not path.is_file():
                continue
            relative = path.relative_to(root).as_posix()
            target = output_name(relative)
            if target in used or target == REPORT_NAME:
                target = f"{relative}.txt"
            used.add(target)
            yield Task(relative, target)


def clean_file(root: str, out: str, task: Task, options: CleanOptions) -> dict[str, Any]:
    """Clean one file and write its text atomically; returns its report record (never raises)."""
    record, document = clean_task(root, task, options)
    if document is not None:
        write_output(Path(out), task, record, to_result(document))
    return record


def clean_task(root: str, task: Task, options: CleanOptions) -> tuple[dict[str, Any], Document | None]:
    """Clean one file without writing it: its report record and the Document (None on error)."""
    record: dict[str, Any] = {
        "path": task.source,
        "output": None,
        "status": "ok",
        "error": None,
        "error_code": None,
    }
    try:
        raw = (Path(root) / task.source).read_bytes()
        record["bytes_in"] = len(raw)
        return record, clean(raw, options)
    except (CleanerError, OSError) as exc:
        return {**record, "status": "error", "error": str(exc), "error_code": _error_code(exc)}, None
    except Exception as exc:  # a bug must not lose the file or stop the batch: record it
        return {
            **record,
            "status": "error",
            "error": f"internal error: {exc!r}",
            "error_code": "internal",
        }, None


def write_output(out: Path, task: Task, record: dict[str, Any], result: dict[str, Any]) -> None:
    """Write a cleaned file's text atomically and complete its report record."""
    write_atomically(out / task.output, result["text"] + "\n" if result["text"] else "")
    record.update(
        output=task.output,
        format=result["format"],
        chars_in=result["chars_in"],
        chars_out=result["chars_out"],
        removed=result["removed"],
    )


def write_atomically(target: Path, text: str) -> None:
    """Write to a temporary name beside the target, then rename: a crash leaves no partial file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)


def _error_code(exc: Exception) -> str:
    return exc.code if isinstance(exc, CleanerError) else "unreadable"


def run_batch(
    root: Path,
    out: Path,
    options: CleanOptions,
    jobs: int = 1,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> BatchSummary:
    """Clean every file under root into out, writing out/report.jsonl in input order; each file
    gets `timeout` seconds (None: no limit)."""
    out.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    report_path = out / REPORT_NAME
    temporary = report_path.with_name(f".{REPORT_NAME}.tmp")
    with temporary.open("w", encoding="utf-8") as report:
        for record in _records(root, out, discover(root, out), options, jobs, timeout):
            report.write(json.dumps(record, ensure_ascii=False) + "\n")
            count_record(summary, record)
            if on_record:
                on_record(record)
    os.replace(temporary, report_path)
    return summary


def count_record(summary: BatchSummary, record: dict[str, Any]) -> None:
    """Add one report record to the summary."""
    if record["status"] == "ok":
        summary.ok += 1
        summary.duplicates += "duplicate_of" in record
        for reason, count in record.get("removed", {}).items():
            summary.removed[reason] = summary.removed.get(reason, 0) + count
    else:
        summary.failed += 1


def _records(
    root: Path, out: Path, tasks: Iterable[Task], options: CleanOptions, jobs: int, timeout: float | None
) -> Iterator[dict[str, Any]]:
    return ordered_map(clean_file, str(root), str(out), tasks, options, jobs, worker_failed, timeout)


def worker_failed(task: Task, error: WorkerError) -> dict[str, Any]:
    """The report record of a file that ran over the time limit or whose worker process died."""
    return {
        "path": task.source,
        "output": None,
        "status": "error",
        "error_code": error.code,
        "error": str(error),
    }


def ordered_map(
    work: Callable[[str, str, Task, CleanOptions], Result],
    root: str,
    out: str,
    tasks: Iterable[Task],
    options: CleanOptions,
    jobs: int,
    failed: Callable[[Task, WorkerError], Result],
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Result]:
    """`work` over the tasks in input order, in `jobs` warm worker processes with a bounded window.

    Each file gets `timeout` seconds; a file that runs over it, or whose worker dies, costs that file
    (`failed`) and never the batch: its worker is replaced and the others go on. With one job and no
    time limit the work runs in this process.
    """
    if jobs <= 1 and timeout is None:
        for task in tasks:
            yield work(root, out, task, options)
        return
    window: list[tuple[Task, Future[Result]]] = []
    pending = iter(tasks)
    with DeadlinePool(jobs, timeout) as executor:
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
                yield failed(task, exc)
