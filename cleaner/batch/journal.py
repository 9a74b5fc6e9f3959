"""The batch's journal: the report, appended as inputs finish, is what `--resume` resumes from.

Protocol (one writer, the driver; the same for every engine):

1. At the start, `OUT/.article-cleaner-run.json` records the run's settings (input, formats,
   options) with `"finished": false`; at the end it says `"finished": true`.
2. Inputs finish in input order. For each, the output is written whole first (a file renamed into
   place, or a JSON line flushed), then its report line is appended and flushed. The report and the
   JSON Lines parts are fsync'd at most once a second and at the end.
3. `--resume` reads the report's whole lines in order, pairs each with the next input, and keeps the
   longest prefix whose inputs are the same (else: `ResumeError`, nothing is touched) and whose
   outputs are there and whole (`Sink.accept`). The report is cut after that prefix, the outputs of
   the rest are written anew, and the prefix's inputs are never cleaned again.

A process crash (kill -9, the OOM killer) loses nothing: whatever the report names was written
before it. A machine crash can lose the last second of report lines (those inputs are cleaned
again) and could leave an output empty: the prefix stops at the first missing or empty output.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, Generic, Literal, TypeVar

from cleaner.batch.tasks import Task, printable
from cleaner.errors import CleanerError

MANIFEST_NAME = ".article-cleaner-run.json"
SYNC_SECONDS = 1.0
Entry = TypeVar("Entry")
Earlier = Literal["interrupted", "finished"] | None


class ResumeError(CleanerError):
    """The interrupted run cannot be resumed as asked (other settings, or the inputs changed)."""

    code = "cannot_resume"


def begin_run(out: Path, settings: dict[str, Any], resume: bool) -> Earlier:
    """Record the run's settings; with `resume`, check them against the earlier run's.

    Says what there is to resume: nothing (the run starts afresh), an interrupted run, or a
    finished one.
    """
    path = out / MANIFEST_NAME
    if resume and path.exists():
        manifest = json.loads(path.read_text(encoding="utf-8"))
        earlier = manifest.get("settings")
        if earlier != settings:
            changed = sorted(k for k in settings.keys() | earlier.keys() if settings.get(k) != earlier.get(k))
            raise ResumeError(
                f"the run in {out} was started with other settings ({', '.join(changed)}): "
                "resume it with the same ones, or start afresh without --resume"
            )
        return "finished" if manifest.get("finished") else "interrupted"
    _write_json(path, {"settings": settings, "finished": False})
    return None


def finish_run(out: Path, settings: dict[str, Any]) -> None:
    """Mark the run finished (every input has its report line)."""
    _write_json(out / MANIFEST_NAME, {"settings": settings, "finished": True})


def report_entries(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(end offset, record) for each whole line of a report; stops at a torn or unreadable line."""
    if not path.exists():
        return
    offset = 0
    with path.open("rb") as handle:
        for line in handle:
            try:
                record = json.loads(line) if line.endswith(b"\n") else None
            except ValueError:
                record = None
            if not isinstance(record, dict):
                return
            offset += len(line)
            yield offset, record


class Replay(Generic[Entry]):
    """The earlier entries that still hold, matched in order against the tasks of this run.

    Iterate it first; then `offset` is where the journal is cut and `remaining` the tasks to do.
    """

    def __init__(
        self,
        entries: Iterator[tuple[int, Entry]],
        tasks: Iterator[Task],
        accept: Callable[[Entry], bool],
        record_of: Callable[[Entry], dict[str, Any]],
    ) -> None:
        self._entries, self._accept, self._record_of = entries, accept, record_of
        self.remaining: Iterator[Task] = tasks
        self.offset = 0

    def __iter__(self) -> Iterator[Entry]:
        for end, entry in self._entries:
            task = next(self.remaining, None)
            record = self._record_of(entry)
            if task is None or (record.get("path"), record.get("line")) != (
                printable(task.source),
                task.line,
            ):
                where = f"{record.get('path')}" + (f" line {record['line']}" if record.get("line") else "")
                raise ResumeError(
                    f"the inputs changed since the interrupted run (its report has {where} where this "
                    f"run has {printable(task.source) if task else 'no more inputs'}): start afresh without --resume"
                )
            if not self._accept(entry):
                self.remaining = chain([task], self.remaining)
                return
            self.offset = end
            yield entry


class JournalWriter:
    """Appends entries after `offset`, flushed one by one and fsync'd at most once a second."""

    def __init__(
        self,
        path: Path,
        offset: int = 0,
        encode: Callable[[Any], bytes] = lambda record: (
            json.dumps(record, ensure_ascii=False) + "\n"
        ).encode(),
        before_sync: Callable[[], None] | None = None,
    ) -> None:
        self._handle: BinaryIO = path.open("ab")
        self._handle.truncate(offset)
        self._encode, self._before_sync = encode, before_sync
        self._synced = time.monotonic()

    def append(self, entry: Any) -> None:
        self._handle.write(self._encode(entry))
        self._handle.flush()
        if time.monotonic() - self._synced >= SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """Outputs first, then the journal: a durable journal entry never names a lost output."""
        if self._before_sync is not None:
            self._before_sync()
        os.fsync(self._handle.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        try:
            self.sync()
        finally:
            self._handle.close()


def pickled_entries(path: Path) -> Iterator[tuple[int, Any]]:
    """(end offset, entry) for each whole pickle of a spool; stops at a torn or unreadable one."""
    if not path.exists():
        return
    with path.open("rb") as handle:
        while True:
            try:
                entry = pickle.load(handle)
            except Exception:  # EOF, a torn last entry, or garbage: the spool ends here
                return
            yield handle.tell(), entry


def pickle_entry(entry: Any) -> bytes:
    return pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)


def _write_json(path: Path, value: dict[str, Any]) -> None:
    temporary = path.with_name(f"{path.name}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(value, handle, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
