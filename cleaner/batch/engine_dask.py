"""The Dask engine: the same per-input work, run on a Dask cluster (dask.distributed).

Embedded, it is a LocalCluster of worker processes on this machine (one thread each: cleaning is
CPU-bound Python); given a scheduler address, it is whatever cluster answers there (dask-kubernetes,
dask-jobqueue on Slurm or PBS, `dask scheduler` + `dask worker` by hand). Workers need article-cleaner
installed (the same version) and, for a tree of files, the input directory at the same path.

Tasks go to the cluster in chunks of `chunk_size` consecutive inputs (a task per page would spend
more on scheduling than on cleaning), at most two chunks per worker thread in flight; results come
back to the driver in input order. A chunk whose worker died (`KilledWorker`: Dask already retried it
elsewhere) is retried one input at a time, so a page that kills workers costs only itself.

With --dedup, pass 1 leaves each chunk's sketches on the cluster, and `cleaner.batch.dask_dedup` makes
the plan there.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar
from uuid import uuid4

from distributed import Client, Future, KilledWorker, LocalCluster

from cleaner.batch.dask_dedup import distributed_plan
from cleaner.batch.dedup_plan import Row, Sketched, sketch_died, sketch_input
from cleaner.batch.engines import Passed, Sketching, Work
from cleaner.batch.tasks import Task
from cleaner.errors import WorkerDiedError, WorkerError
from cleaner.options import CleanOptions

# What Dask's KilledWorker means for an input that killed its worker twice (alone the second time).
_KILLED = WorkerDiedError(None, "twice, alone the second time, while cleaning this input")

Result = TypeVar("Result")
# 16 pages of ~30 ms each: half a second of work per task, well above Dask's ~1 ms per task.
CHUNK_SIZE = 16


@contextmanager
def dask_engine(
    scheduler: str | None = None, workers: int = 1, chunk_size: int = CHUNK_SIZE
) -> Iterator[DaskEngine]:
    """A DaskEngine on the cluster at `scheduler`, or on a LocalCluster of `workers` processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield DaskEngine(client, chunk_size)
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield DaskEngine(client, chunk_size)


class DaskEngine:
    """Runs the work on a Dask cluster through `client`."""

    def __init__(self, client: Client, chunk_size: int = CHUNK_SIZE) -> None:
        self.client, self.chunk_size = client, chunk_size

    def ordered(
        self,
        work: Work[Result],
        root: str,
        out: str,
        tasks: Iterable[Task],
        options: CleanOptions,
        died: Callable[[Task, WorkerError], Result],
    ) -> Iterator[Result]:
        for chunk, future in self._window(work, root, out, tasks, options):
            yield from self._take(future, chunk, lambda task: [died(task, _KILLED)], work, root, out, options)

    def sketch(self, root: str, out: str, tasks: Iterable[Task], options: CleanOptions) -> Sketching:
        kept: list[Future] = []  # each chunk's Rows, left on the cluster

        def passed() -> Passed:
            for chunk, future in self._window(sketch_input, root, out, tasks, options):
                yield from self._split(future, chunk, root, out, options, kept)

        return passed(), lambda: distributed_plan(self.client, kept, options)

    def _window(
        self, work: Work[Any], root: str, out: str, tasks: Iterable[Task], options: CleanOptions
    ) -> Iterator[tuple[list[Task], Future]]:
        """(chunk, future) in input order, with at most two chunks per worker thread in flight."""
        run, iterator = uuid4().hex[:8], iter(tasks)
        chunks = iter(lambda: list(islice(iterator, self.chunk_size)), [])
        window: deque[tuple[list[Task], Future]] = deque()
        for number, chunk in enumerate(chunks):
            window.append((chunk, self._submit(work, root, out, chunk, options, f"clean-{run}-{number}")))
            if len(window) >= 2 * max(1, sum(self.client.nthreads().values())):
                yield window.popleft()
        while window:
            yield window.popleft()

    def _submit(
        self, work: Work[Any], root: str, out: str, chunk: list[Task], options: CleanOptions, key: str
    ) -> Future:
        return self.client.submit(run_chunk, work, root, out, chunk, options, key=key, pure=False)

    def _take(
        self,
        future: Future,
        chunk: list[Task],
        died: Callable[[Task], list[Result]],
        work: Work[Result],
        root: str,
        out: str,
        options: CleanOptions,
    ) -> list[Result]:
        """A chunk's results; if its worker died, each input again alone (`died` when it kills again)."""
        try:
            return list(future.result())
        except KilledWorker:
            results: list[Result] = []
            for task in chunk:
                alone = self._submit(work, root, out, [task], options, f"alone-{uuid4().hex}")
                try:
                    results.extend(alone.result())
                except KilledWorker:
                    results.extend(died(task))
                finally:
                    alone.release()
            return results
        finally:
            future.release()

    def _split(
        self,
        future: Future,
        chunk: list[Task],
        root: str,
        out: str,
        options: CleanOptions,
        kept: list[Future],
    ) -> list[tuple[dict[str, Any], Any]]:
        """Pass 1 of a chunk: (record, Document) pairs to the driver, the Rows kept on the cluster."""
        outcomes = self.client.submit(_outcomes, future, pure=False)
        rows = self.client.submit(_rows, future, pure=False)
        try:
            taken: list[tuple[dict[str, Any], Any]] = outcomes.result()
        except KilledWorker:
            rows.release()
            died: Callable[[Task], list[Sketched]] = lambda task: [sketch_died(task, _KILLED)]  # noqa: E731
            sketched = self._take(future, chunk, died, sketch_input, root, out, options)
            kept.append(self.client.scatter([_rows(sketched)])[0])  # a handful of Rows, sent back
            return _outcomes(sketched)
        finally:
            outcomes.release()
        kept.append(rows)
        future.release()
        return taken


def run_chunk(
    work: Work[Result], root: str, out: str, chunk: list[Task], options: CleanOptions
) -> list[Result]:
    """On a worker: the work over one chunk of inputs, in order."""
    return [work(root, out, task, options) for task in chunk]


def _outcomes(sketched: list[Sketched]) -> list[tuple[dict[str, Any], Any]]:
    return [(record, document) for record, document, _ in sketched]


def _rows(sketched: list[Sketched]) -> list[Row]:
    return [row for _, _, row in sketched if row is not None]
