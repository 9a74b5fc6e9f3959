"""Engines decide where the work runs, never what it is.

An engine maps a per-input function over the tasks and yields the results in input order, streaming
(a bounded number of tasks in flight), so the driver that writes outputs and the report is the same
for every engine and the outputs are byte-identical whichever runs them:

- `LocalEngine`: `jobs` warm processes with a time limit per input (`cleaner.batch.tasks.ordered_map`), or
  this process (`jobs=1` and no limit);
- `cleaner.batch.engine_dask.DaskEngine`: a Dask cluster, embedded (a LocalCluster) or at an address.

A worker that dies costs the input it was cleaning (an error record from `died`), never the batch;
so does, on the local engine, an input that runs over the time limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from cleaner.batch.dedup_plan import DedupPlan, Row, local_plan, sketch_died, sketch_input
from cleaner.batch.tasks import DEFAULT_TIMEOUT, Task, ordered_map
from cleaner.document import Document
from cleaner.errors import WorkerError
from cleaner.options import CleanOptions

Result = TypeVar("Result")
# The per-input function: (input root, output root, task, options) -> result. A plain module-level
# function, so that any engine can ship it to another process by reference.
Work = Callable[[str, str, Task, CleanOptions], Result]
# Pass 1 of --dedup as an engine runs it: (record, Document) per input in order, and, once those
# are all taken, the plan, made where the sketches are.
Passed = Iterator[tuple[dict[str, Any], Document | None]]
Sketching = tuple[Passed, Callable[[], DedupPlan]]


class Engine(Protocol):
    """Runs `work` over tasks somewhere; yields results in input order."""

    def ordered(
        self,
        work: Work[Result],
        root: str,
        out: str,
        tasks: Iterable[Task],
        options: CleanOptions,
        died: Callable[[Task, WorkerError], Result],
    ) -> Iterator[Result]: ...

    def sketch(self, root: str, out: str, tasks: Iterable[Task], options: CleanOptions) -> Sketching:
        """Pass 1 of --dedup (`sketch_input` on every task), then the `DedupPlan`."""
        ...


@dataclass(frozen=True)
class LocalEngine:
    """This machine: `jobs` warm worker processes, each input stopped after `timeout` seconds (an
    error record, `cleaner.isolate.deadline`); in this process with one job and no time limit."""

    jobs: int = 1
    timeout: float | None = DEFAULT_TIMEOUT

    def ordered(
        self,
        work: Work[Result],
        root: str,
        out: str,
        tasks: Iterable[Task],
        options: CleanOptions,
        died: Callable[[Task, WorkerError], Result],
    ) -> Iterator[Result]:
        return ordered_map(work, root, out, tasks, options, self.jobs, died, self.timeout)

    def sketch(self, root: str, out: str, tasks: Iterable[Task], options: CleanOptions) -> Sketching:
        rows: list[Row] = []

        def passed() -> Passed:
            for record, document, row in self.ordered(sketch_input, root, out, tasks, options, sketch_died):
                if row is not None:
                    rows.append(row)
                yield record, document

        return passed(), lambda: local_plan(rows, options)
