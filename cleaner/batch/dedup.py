"""The batch with corpus-level dedup (`--dedup`): near-duplicate articles, site boilerplate.

Two passes, because both need the whole corpus before any output can be final:

1. every input is cleaned and sketched by the engine (`cleaner.batch.dedup_plan.sketch_input`); the
   driver spools each record and Document, in input order, to `OUT/.dedup-spool.pickle` (appended
   and flushed: the spool is pass 1's journal, which `--resume` continues). The sketches stay with
   the engine, which then makes the `DedupPlan` where they are (in this process, or on Dask);
2. the driver reads the spool back, marks each Document's site boilerplate from the plan, and
   writes its output (unless it is a dropped duplicate) and its report line; then duplicates.jsonl.

One article per cluster is kept (the longest clean text; ties go to the first in input order), or all
with `keep="all"`. Every input still gets its report line; a duplicate's says `duplicate_of` (the
kept one) and `similarity`. `duplicates.jsonl` lists every cluster with its members and verified
pairs. Nothing depends on the engine or the number of workers.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from cleaner.batch.choices import DUPLICATES_NAME, Keep
from cleaner.batch.dedup_plan import DedupPlan, document_site
from cleaner.batch.engines import Engine, LocalEngine
from cleaner.batch.inputs import InputFormat, input_tasks
from cleaner.batch.journal import (
    JournalWriter,
    Replay,
    begin_run,
    finish_run,
    pickle_entry,
    pickled_entries,
    report_entries,
)
from cleaner.batch.runner import OnRecord, remember, run_settings
from cleaner.batch.sinks import (
    LINES_PER_PART,
    OutputError,
    OutputFormat,
    Sink,
    close_all,
    make_sink,
    write_article,
)
from cleaner.batch.tasks import REPORT_NAME, BatchSummary, Task, complete_record, count_record
from cleaner.document import Document
from cleaner.near.site_boilerplate import mark_site_boilerplate
from cleaner.options import CleanOptions
from cleaner.result import to_result

SPOOL_NAME = ".dedup-spool.pickle"
# A spool entry: the task (without its bytes), its pass-1 record and Document (None on error).
Spooled = tuple[Task, dict[str, Any], Document | None]


def run_dedup_batch(
    source: Path,
    out: Path,
    options: CleanOptions,
    jobs: int = 1,
    keep: Keep = "longest",
    on_record: OnRecord | None = None,
    *,
    engine: Engine | None = None,
    input_format: InputFormat = "files",
    output_format: OutputFormat = "text",
    resume: bool = False,
    lines_per_part: int = LINES_PER_PART,
) -> BatchSummary:
    """Clean every input under source into out, grouping near-duplicate articles across the corpus."""
    engine = engine or LocalEngine(jobs)
    out.mkdir(parents=True, exist_ok=True)
    root, tasks = input_tasks(source, out, input_format)
    settings = run_settings(
        source, options, input_format, output_format, dedup=keep, lines_per_part=lines_per_part
    )
    earlier = begin_run(out, settings, resume)
    if earlier == "finished":  # nothing left to do: the summary of what was done
        return _summary(record for _, record in report_entries(out / REPORT_NAME))
    spool = out / SPOOL_NAME
    plan = _first_pass(engine, root, out, _numbered(tasks), options, spool, earlier is not None, on_record)
    summary = _second_pass(
        out, spool, plan, options, keep, make_sink(out, output_format, lines_per_part, options.to)
    )
    _write_lines(out / DUPLICATES_NAME, (view.line(n) for n, view in enumerate(plan.clusters, start=1)))
    finish_run(out, settings)
    spool.unlink(missing_ok=True)
    return summary


def _first_pass(
    engine: Engine,
    root: Path,
    out: Path,
    tasks: Iterator[Task],
    options: CleanOptions,
    spool: Path,
    resuming: bool,
    on_record: OnRecord | None,
) -> DedupPlan:
    """Clean and sketch every input not spooled yet, spool it; the plan from all the sketches."""
    replay: Replay[Spooled] = Replay(
        pickled_entries(spool) if resuming else iter(()), tasks, lambda _: True, lambda entry: entry[1]
    )
    done = sum(1 for _ in replay)
    # What an earlier run spooled is sketched again (cheap), not cleaned again.
    earlier = (
        dataclasses.replace(task, spooled=(record, document))
        for task, record, document in _spooled(spool, done)
    )
    pending: deque[Task] = deque()
    passed, plan = engine.sketch(
        str(root), str(out), remember(chain(earlier, replay.remaining), pending), options
    )
    writer = JournalWriter(spool, replay.offset, encode=pickle_entry)
    try:
        for record, document in passed:
            task = pending.popleft()
            if task.spooled is None:
                writer.append((dataclasses.replace(task, raw=None), record, document))
            if on_record:
                on_record(record)
    finally:
        writer.close()
    return plan()


def _second_pass(
    out: Path, spool: Path, plan: DedupPlan, options: CleanOptions, keep: Keep, sink: Sink
) -> BatchSummary:
    """Mark site boilerplate, write what is kept, and write every report line, in input order."""
    duplicates = plan.duplicates()
    summary = BatchSummary()
    sink.start()
    report = JournalWriter(out / REPORT_NAME, 0, before_sync=sink.sync)
    try:
        for task, record, document in _spooled(spool):
            if document is not None:
                site = document_site(record, document)
                mark_site_boilerplate(document, plan.boilerplate.get(site, {}), site, options)
                result = to_result(document, options=options)
                kept = duplicates.get(task.number)
                if kept is not None:
                    record["duplicate_of"], record["similarity"] = kept
                if kept is None or keep == "all":
                    record = write_article(sink, out, summary.total, task, record, result)
                else:
                    complete_record(record, None, result)  # a dropped duplicate: reported, not written
            report.append(record)
            count_record(summary, record)
    except BaseException as exc:
        close_all([sink.close, report.close], out, summary.total, quiet=True)
        if isinstance(exc, OSError):
            raise OutputError(out, summary.total, exc) from None
        raise
    close_all([sink.close, report.close], out, summary.total, quiet=False)
    return summary


def _spooled(spool: Path, limit: int | None = None) -> Iterator[Spooled]:
    for number, (_, entry) in enumerate(pickled_entries(spool)):
        if limit is not None and number >= limit:
            return
        yield entry


def _numbered(tasks: Iterable[Task]) -> Iterator[Task]:
    for number, task in enumerate(tasks):
        yield dataclasses.replace(task, number=number)


def _summary(records: Iterable[dict[str, Any]]) -> BatchSummary:
    summary = BatchSummary()
    for record in records:
        count_record(summary, record)
    return summary


def _write_lines(target: Path, lines: Iterable[dict[str, Any]]) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    os.replace(temporary, target)
