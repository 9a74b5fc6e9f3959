"""What a batch reads: the tasks of a tree of pages, or of JSON Lines files, in a fixed order.

Both stream: a tree is walked one directory at a time, a JSON Lines file is read line by line, so
memory does not grow with the size of the input. The order is the report's order, the same for
every engine and every number of workers.

- `files`: every regular, non-hidden file under DIR is one page (`cleaner.batch.tasks.discover`).
- `jsonl`: DIR is one `.jsonl`/`.jsonl.gz` file or a folder of them; each non-blank line is one
  document, whose clean text (as text output) goes to `OUT/<file>/<line>.txt`. A file of the folder
  that is not named `.jsonl(.gz)` gives one error record (`not_jsonl`); a file that cannot be read
  to its end (a broken gzip stream) keeps its whole lines and gives one error record for the rest.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, get_args

from cleaner.batch.jsonl import is_jsonl
from cleaner.batch.tasks import Task, discover, walk

InputFormat = Literal["files", "jsonl"]
INPUT_FORMATS: tuple[str, ...] = get_args(InputFormat)


def input_tasks(source: Path, out: Path, input_format: InputFormat) -> tuple[Path, Iterator[Task]]:
    """The root that task paths are relative to, and the tasks in report order."""
    if input_format == "files":
        return source, discover(source, out)
    if source.is_file():
        return source.parent, _jsonl_tasks(source.parent, iter([source.name]))
    return source, _jsonl_tasks(source, walk(source, out))


def _jsonl_tasks(root: Path, names: Iterator[str]) -> Iterator[Task]:
    for relative in names:
        if is_jsonl(relative):
            yield from _lines(root, relative)
        else:
            yield Task(relative, relative, fault=("not_jsonl", "not a JSON Lines file (.jsonl or .jsonl.gz)"))


def _lines(root: Path, relative: str) -> Iterator[Task]:
    number = 0
    opener = gzip.open if relative.lower().endswith(".gz") else open
    try:
        with opener(root / relative, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():  # a blank line holds no document
                    yield Task(relative, f"{relative}/{number}.txt", line=number, raw=raw)
    except (OSError, EOFError, zlib.error) as exc:
        message = f"cannot read past line {number}: {exc}" if number else f"cannot read: {exc}"
        yield Task(relative, relative, line=number + 1, fault=("unreadable", message))
