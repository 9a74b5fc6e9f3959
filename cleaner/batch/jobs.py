"""A batch job as the command line states it, run on the engine it names.

The job (what: inputs, options, formats, dedup, resume) and the engine (where: local processes or a
Dask cluster) are chosen apart; `run_job` opens the engine and runs the job on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.batch.dedup import Keep, run_dedup_batch
from cleaner.batch.engines import Engine, LocalEngine
from cleaner.batch.inputs import InputFormat
from cleaner.batch.runner import run_batch
from cleaner.batch.sinks import OutputFormat
from cleaner.batch.tasks import DEFAULT_TIMEOUT, BatchSummary
from cleaner.errors import CleanerError
from cleaner.options import CleanOptions


class EngineUnavailableError(CleanerError):
    """The engine asked for cannot be used here (Dask is not installed)."""

    code = "engine_unavailable"


@dataclass(frozen=True)
class Job:
    """What to clean and how; never where."""

    source: Path
    out: Path | None
    options: CleanOptions
    input_format: InputFormat = "files"
    output_format: OutputFormat = "text"
    dedup: Keep | None = None
    resume: bool = False


def run_job(
    job: Job,
    engine: str = "local",
    scheduler: str | None = None,
    jobs: int = 1,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> BatchSummary:
    """Run the job on a local pool of `jobs` processes (each input stopped after `timeout` seconds),
    or on Dask (at `scheduler`, or embedded; no time limit there: Dask cannot stop a task)."""
    assert job.out is not None
    with open_engine(engine, scheduler, jobs, timeout) as running:
        if job.dedup:
            return run_dedup_batch(
                job.source,
                job.out,
                job.options,
                keep=job.dedup,
                on_record=on_record,
                engine=running,
                input_format=job.input_format,
                output_format=job.output_format,
                resume=job.resume,
            )
        return run_batch(
            job.source,
            job.out,
            job.options,
            on_record=on_record,
            engine=running,
            input_format=job.input_format,
            output_format=job.output_format,
            resume=job.resume,
        )


@contextmanager
def open_engine(
    name: str, scheduler: str | None = None, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[Engine]:
    """The engine of that name, ready; a Dask LocalCluster is started here and stopped after."""
    if name == "local":
        yield LocalEngine(jobs, timeout)
        return
    try:
        from cleaner.batch.engine_dask import dask_engine
    except ImportError as exc:
        raise EngineUnavailableError(
            f"--engine dask needs Dask ({exc.name} is not installed): pip install 'article-cleaner[dask]'"
        ) from None
    with dask_engine(scheduler, jobs) as engine:
        yield engine
