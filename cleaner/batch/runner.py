"""The batch job (`article-cleaner clean DIR -o OUT`): inputs -> engine -> sink, with a resumable report.

The driver (this module) reads the inputs in order (`cleaner.batch.inputs`), an engine cleans them where
it likes and hands back results in input order (`cleaner.batch.engines`), and the driver writes each
article (`cleaner.batch.sinks`) and then its report line (`cleaner.batch.journal`). One writer, in input order:
the outputs and the report are byte-identical for any engine and any number of workers, memory holds
only the tasks in flight, and `resume=True` continues an interrupted run from its report.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from cleaner.batch.engines import Engine, LocalEngine
from cleaner.batch.inputs import InputFormat, input_tasks
from cleaner.batch.journal import JournalWriter, Replay, begin_run, finish_run, report_entries
from cleaner.batch.sinks import LINES_PER_PART, OutputError, OutputFormat, close_all, make_sink, write_article
from cleaner.batch.tasks import (
    REPORT_NAME,
    BatchSummary,
    Outcome,
    Task,
    clean_input,
    count_record,
    worker_died,
)
from cleaner.errors import WorkerError
from cleaner.options import CleanOptions

OnRecord = Callable[[dict[str, Any]], None]


def run_batch(
    source: Path,
    out: Path,
    options: CleanOptions,
    jobs: int = 1,
    on_record: OnRecord | None = None,
    *,
    engine: Engine | None = None,
    input_format: InputFormat = "files",
    output_format: OutputFormat = "text",
    resume: bool = False,
    lines_per_part: int = LINES_PER_PART,
) -> BatchSummary:
    """Clean every input under `source` into `out`, with one report line per input, in input order.

    `engine` defaults to a local pool of `jobs` processes. With `resume`, an interrupted run into
    the same `out` (same settings) is continued: finished inputs are kept, not cleaned again.
    """
    engine = engine or LocalEngine(jobs)
    out.mkdir(parents=True, exist_ok=True)
    root, tasks = input_tasks(source, out, input_format)
    settings = run_settings(source, options, input_format, output_format, lines_per_part=lines_per_part)
    resuming = begin_run(out, settings, resume)
    sink = make_sink(out, output_format, lines_per_part, options.to)
    summary = BatchSummary()
    replay = Replay(report_entries(out / REPORT_NAME) if resuming else iter(()), tasks, sink.accept, _same)
    for record in replay:
        _count(summary, record, on_record)
    sink.start()
    report = JournalWriter(out / REPORT_NAME, replay.offset, before_sync=sink.sync)
    try:
        pending: deque[Task] = deque()
        for record, result in engine.ordered(
            clean_input, str(root), str(out), remember(replay.remaining, pending), options, _died
        ):
            task = pending.popleft()
            if result is not None:
                record = write_article(sink, out, summary.total, task, record, result)
            report.append(record)
            _count(summary, record, on_record)
    except BaseException as exc:
        close_all([sink.close, report.close], out, summary.total, quiet=True)
        if isinstance(exc, OSError):  # the report itself could not be written
            raise OutputError(out, summary.total, exc) from None
        raise
    close_all([sink.close, report.close], out, summary.total, quiet=False)
    try:
        finish_run(out, settings)
    except OSError as exc:
        raise OutputError(out, summary.total, exc) from None
    return summary


def run_settings(
    source: Path, options: CleanOptions, input_format: str, output_format: str, **extra: Any
) -> dict[str, Any]:
    """What makes two runs the same job (the engine and the number of workers do not)."""
    cleaning = {
        name: sorted(value) if isinstance(value, frozenset) else value
        for name, value in dataclasses.asdict(options).items()
    }
    return {
        "input": str(source.resolve()),
        "input_format": input_format,
        "output_format": output_format,
        "options": cleaning,
        **extra,
    }


def remember(tasks: Iterable[Task], pending: deque[Task]) -> Iterator[Task]:
    """The tasks, each noted as it goes to the engine (results come back in the same order)."""
    for task in tasks:
        pending.append(task)
        yield task


def _count(summary: BatchSummary, record: dict[str, Any], on_record: OnRecord | None) -> None:
    count_record(summary, record)
    if on_record:
        on_record(record)


def _same(record: dict[str, Any]) -> dict[str, Any]:
    return record


def _died(task: Task, error: WorkerError) -> Outcome:
    return worker_died(task, error), None
