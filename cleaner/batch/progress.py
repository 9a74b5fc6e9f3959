"""The batch's progress bar: a tqdm bar on a terminal (errors printed above it), nothing otherwise."""

from __future__ import annotations

import sys
from typing import Any

from cleaner.batch.inputs import input_tasks
from cleaner.batch.jobs import Job


class Progress:
    """A tqdm bar on a terminal; nothing when stderr is a file or a pipe."""

    def __init__(self, total: int | None) -> None:
        self._bar: Any = None
        self.done = 0  # records seen (the one-line message of a run that stops says how many)
        if total is not None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)

    def update_record(self, record: dict[str, Any]) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(1)
            if record["status"] != "ok":
                self._bar.write(f"error: {record['path']}: {record['error']}", file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def progress_bar(job: Job) -> Progress:
    if not sys.stderr.isatty() or job.out is None:
        return Progress(None)
    return Progress(sum(1 for _ in input_tasks(job.source, job.out, job.input_format)[1]))
