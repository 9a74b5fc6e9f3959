"""Where clean articles go: a text file per input, or JSON Lines parts. Written by the driver only.

Both sinks write an article completely before the report line that names it is written, which is
what lets `--resume` trust the report: every `ok` line names an output that is there and whole.

- `TextSink`: `OUT/<output name>` per input, written to a temporary name and renamed.
- `JsonlSink`: one line per article (`cleaner.batch.jsonl.result_line`) in `OUT/articles-00000.jsonl`,
  `articles-00001.jsonl`, ... of `lines_per_part` lines each, appended and flushed line by line
  (fsync'd with the report). On resume, the parts are cut back to the articles the report names.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Literal, Protocol, get_args

from cleaner.batch.jsonl import result_line
from cleaner.batch.tasks import WRITING_NAME, Task, complete_record, printable, write_output
from cleaner.errors import CleanerError

OutputFormat = Literal["text", "jsonl"]
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)
# 100,000 articles of a few KB: parts of some hundred MB, the size corpus tools like to shard by.
LINES_PER_PART = 100_000
# After these the output's file system takes nothing more (full, over quota, read-only): the run stops.
FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


class OutputError(CleanerError):
    """Nothing more can be written into OUT: the run stopped after the inputs it reported, and
    `--resume` cleans the rest once OUT takes files again (no input is lost or reported twice)."""

    code = "output_unwritable"

    def __init__(self, out: Path, done: int, exc: OSError) -> None:
        full = exc.errno == errno.ENOSPC
        what = "no space left on the device of" if full else "cannot write into"
        reason = "" if full else f" ({exc.strerror or exc})"
        remedy = "free some space" if full else "fix that"
        super().__init__(
            f"{what} {out}{reason}; stopped after {done} inputs, each with its report line: "
            f"{remedy} and run the same command with --resume to clean the rest"
        )
        self.out, self.done, self.errno = out, done, exc.errno

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild_output_error, (self.out, self.done, self.errno)


def _rebuild_output_error(out: Path, done: int, number: int | None) -> OutputError:
    return OutputError(out, done, OSError(number, os.strerror(number) if number else ""))


class Sink(Protocol):
    """Writes articles and checks, on resume, that the outputs a report names are there."""

    # Whether a write that fails costs that input alone (a file per input), or leaves the output in
    # a state no later write may follow (a part file with half a line): then the run stops.
    per_input_failures: bool

    def write(self, task: Task, record: dict[str, Any], result: dict[str, Any]) -> None:
        """Write the article and complete its report record (`output`, sizes, removed counts)."""

    def accept(self, record: dict[str, Any]) -> bool:
        """On resume, in report order: is this earlier record's output there and whole?"""

    def start(self) -> None:
        """Get ready to write after the accepted records (a fresh run accepted none)."""

    def sync(self) -> None:
        """Make what was written durable (before the report is fsync'd)."""

    def close(self) -> None: ...


def make_sink(
    out: Path, output_format: OutputFormat, lines_per_part: int = LINES_PER_PART, rendering: str = "text"
) -> Sink:
    """The sink of an output format; files hold the rendering asked for (JSON Lines carry it as a field)."""
    return JsonlSink(out, lines_per_part) if output_format == "jsonl" else TextSink(out, rendering)


class TextSink:
    """One file per input: `.txt`, or `.md` / `.html` for those renderings."""

    per_input_failures = True

    def __init__(self, out: Path, rendering: str = "text") -> None:
        self.out, self.rendering = out, rendering

    def write(self, task: Task, record: dict[str, Any], result: dict[str, Any]) -> None:
        try:
            write_output(self.out, task, record, result, self.rendering)
        except OSError:
            (self.out / WRITING_NAME).unlink(missing_ok=True)  # a half-written file takes no space
            raise

    def accept(self, record: dict[str, Any]) -> bool:
        if record.get("status") != "ok" or record.get("output") is None:
            return True
        try:
            size = (self.out / record["output"]).stat().st_size
        except OSError:
            return False
        return size > 0 or not record.get("chars_out")  # empty after a machine crash: redo it

    def start(self) -> None:
        pass

    def sync(self) -> None:
        pass

    def close(self) -> None:
        pass


class JsonlSink:
    """Articles as JSON Lines, in parts of `lines_per_part` lines."""

    per_input_failures = False

    def __init__(self, out: Path, lines_per_part: int = LINES_PER_PART) -> None:
        self.out, self.lines_per_part = out, lines_per_part
        self._written = 0
        self._handle: BinaryIO | None = None
        self._available: int | None = None

    def part_name(self, index: int) -> str:
        return f"articles-{index:05d}.jsonl"

    def write(self, task: Task, record: dict[str, Any], result: dict[str, Any]) -> None:
        part = self._written // self.lines_per_part
        if self._handle is None or self._written % self.lines_per_part == 0:
            self._open(part)
        assert self._handle is not None
        self._handle.write(result_line(record.get("id") or printable(task.source), result).encode("utf-8"))
        self._handle.flush()  # the line is whole in the file before the report names it
        self._written += 1
        complete_record(record, self.part_name(part), result)

    def accept(self, record: dict[str, Any]) -> bool:
        if record.get("status") != "ok" or record.get("output") is None:
            return True
        if self._available is None:
            self._available = self._count_lines()
        if self._written >= self._available:
            return False
        self._written += 1
        return True

    def start(self) -> None:
        """Cut the parts back to the accepted articles and drop later parts."""
        index, keep = divmod(self._written, self.lines_per_part)
        path = self.out / self.part_name(index)
        if keep:
            _truncate_to_lines(path, keep)
        else:
            path.unlink(missing_ok=True)
        index += 1
        while (self.out / self.part_name(index)).exists():
            (self.out / self.part_name(index)).unlink()
            index += 1
        if keep:
            self._handle = path.open("ab")

    def sync(self) -> None:
        if self._handle is not None:
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        handle, self._handle = self._handle, None  # closed even when syncing or flushing fails
        if handle is not None:
            try:
                os.fsync(handle.fileno())
            finally:
                handle.close()

    def _open(self, part: int) -> None:
        self.close()
        self._handle = (self.out / self.part_name(part)).open("wb")

    def _count_lines(self) -> int:
        """Whole lines in the parts as they are, stopping at the first missing or short part."""
        total, index = 0, 0
        while (path := self.out / self.part_name(index)).exists():
            with path.open("rb") as handle:
                lines = sum(1 for line in handle if line.endswith(b"\n"))
            total += lines
            if lines < self.lines_per_part:
                break
            index += 1
        return total


def _truncate_to_lines(path: Path, lines: int) -> None:
    """Keep the first `lines` whole lines of a file."""
    offset = 0
    with path.open("rb") as handle:
        for _ in range(lines):
            offset += len(handle.readline())
    with path.open("r+b") as handle:
        handle.truncate(offset)


def write_article(
    sink: Sink, out: Path, done: int, task: Task, record: dict[str, Any], result: dict[str, Any]
) -> dict[str, Any]:
    """Write one article; the record to report. An output that cannot be written (a name the file
    system refuses, a folder in the way) makes that input an error record and the batch goes on;
    a full or read-only disk, or a part file left mid-line, stops the run (`OutputError`)."""
    try:
        sink.write(task, record, result)
    except OSError as exc:
        if exc.errno in FULL_ERRNOS or not sink.per_input_failures:
            raise OutputError(out, done, exc) from None
        message = f"cannot write {printable(task.output)}: {exc.strerror or exc}"
        return {**record, "output": None, "status": "error", "error_code": "unwritable", "error": message}
    return record


def close_all(closers: list[Callable[[], None]], out: Path, done: int, quiet: bool) -> None:
    """Close each (all of them, whatever fails); the first OSError as an `OutputError` unless `quiet`
    (another error is already on its way out)."""
    failed: OSError | None = None
    for close in closers:
        try:
            close()
        except OSError as exc:
            failed = failed or exc
    if failed is not None and not quiet:
        raise OutputError(out, done, failed)
