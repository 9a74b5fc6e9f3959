"""The batch loses nothing, whatever the disk and the names (issue 15, part 6).

Every input ends in an output or an error record; a name or a line the batch cannot use is that
input's error (or a usage error before any work), and the rest of the batch goes on; a full disk
stops the run in one line (exit 1) and `--resume` finishes it once there is room (a real tmpfs,
mounted when the tests run as root; skipped otherwise).
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import random
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.textgen import article
from cleaner import CleanOptions
from cleaner.batch import tasks
from cleaner.batch.journal import JournalWriter
from cleaner.batch.runner import run_batch
from cleaner.batch.sinks import OutputError
from cleaner.batch.tasks import printable
from tests.conftest import CLI

TEXT_OPTIONS = CleanOptions(format="text")


def _page(seed: int, paragraphs: tuple[int, int] = (4, 6)) -> str:
    return "\n\n".join(article(random.Random(seed), paragraphs)) + "\n"


def _report(out: Path) -> list[dict[str, object]]:
    raw = (out / "report.jsonl").read_bytes()
    raw.decode("utf-8")  # strict: the report is UTF-8 text, whatever the names were
    return [json.loads(line) for line in raw.splitlines()]


def _check_every_input_accounted(out: Path, inputs: int) -> list[dict[str, object]]:
    records = _report(out)
    assert len(records) == inputs
    for record in records:
        if record["status"] == "ok" and record["output"] is not None:
            assert (out / str(record["output"])).is_file(), record
        else:
            assert record["status"] == "error" or record["output"] is None
    return records


# --- names that are not UTF-8 ------------------------------------------------------------------

BAD_NAMES = [
    [b"caf\xe9.html"],
    [b"\xff\xfe.txt"],
    [b"ok\x80\x81.htm", b"plain.txt"],
    [b"d\xe9/a.html", b"d\xe9/b.txt", b"e.txt"],
    [b"\xc3(.txt", b"\xed\xa0\x80.txt"],  # a broken two-byte sequence; an encoded surrogate
    [b"caf\xe9.html", b"caf\xc3\xa9.html"],  # the same word in Latin-1 and in UTF-8
    [b"x\xfe.html.gz", b"x.txt"],
]


def _write_bytes_tree(root: bytes, names: list[bytes], gzip_ok: bool = True) -> None:
    import gzip

    for number, name in enumerate(names):
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = _page(number).encode()
        with open(path, "wb") as handle:
            handle.write(gzip.compress(data) if gzip_ok and name.endswith(b".gz") else data)


@pytest.mark.parametrize("names", BAD_NAMES, ids=[repr(n)[:40] for n in BAD_NAMES])
@pytest.mark.parametrize("output_format", ["text", "jsonl"])
def test_names_that_are_not_utf8_are_cleaned_and_reported_in_printable_form(
    tmp_path: Path, names: list[bytes], output_format: str
) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    _write_bytes_tree(os.fsencode(source), names)
    summary = run_batch(source, out, TEXT_OPTIONS, output_format=output_format)  # type: ignore[arg-type]
    assert (summary.ok, summary.failed) == (len(names), 0)
    records = _check_every_input_accounted(out, len(names))
    assert sorted(r["path"] for r in records) == sorted(printable(os.fsdecode(n)) for n in names)
    if output_format == "jsonl":
        lines = (out / "articles-00000.jsonl").read_bytes().decode("utf-8").splitlines()
        assert sorted(json.loads(line)["id"] for line in lines) == sorted(r["path"] for r in records)
    # A resume of the finished run matches every report line to its input again: nothing redone.
    again = run_batch(source, out, TEXT_OPTIONS, output_format=output_format, resume=True)  # type: ignore[arg-type]
    assert again.ok == len(names) and _report(out) == records


def test_printable_names() -> None:
    assert printable("plain/a.txt") == "plain/a.txt"
    assert printable("café.txt") == "café.txt"
    assert printable(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert printable("\ud800x") == "\\ud800x"  # a surrogate no file name decodes to


# --- JSON Lines ids and urls that are not Unicode ------------------------------------------------

SURROGATE_LINES = [
    ('{"id": "\\ud800", "content": "x"}', "error"),
    ('{"id": "a\\udfffb", "content": "x"}', "error"),
    ('{"id": "ok", "content": "x", "url": "https://example.com/\\ud83d"}', "error"),
    ('{"id": "ok", "content": "x", "url": "https://example.com/\\udc00a"}', "error"),
    ('{"id": "\\ud83d\\ude00", "content": "x"}', "ok"),  # a pair is one character (an emoji)
    ('{"id": "fine", "content": "x", "url": "https://example.com/\\u00e9"}', "ok"),
    ('{"id": "content-may", "content": "text \\ud800 with a lone one"}', "ok"),  # replaced in the text
]


@pytest.mark.parametrize("output_format", ["text", "jsonl"])
def test_lone_surrogates_in_ids_and_urls_are_error_records(tmp_path: Path, output_format: str) -> None:
    source, out = tmp_path / "docs.jsonl", tmp_path / "out"
    body = _page(1).replace("\n", "\\n").replace('"', "'")
    lines = [line.replace('"x"', f'"{body}"') for line, _ in SURROGATE_LINES]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_batch(source, out, TEXT_OPTIONS, input_format="jsonl", output_format=output_format)  # type: ignore[arg-type]
    records = _check_every_input_accounted(out, len(lines))
    assert [r["status"] for r in records] == [expected for _, expected in SURROGATE_LINES]
    for record in records:
        if record["status"] == "error":
            assert record["error_code"] == "malformed_line" and "lone surrogate" in str(record["error"])


# --- outputs that collide with input folders ------------------------------------------------------

COLLISIONS = [
    ["x.html", "x.txt/a.html"],
    ["x.htm", "x.txt/a.txt"],
    ["x.html.gz", "x.txt/b.html"],
    ["x.html", "x.txt/a.html", "x.html.txt/c.txt"],  # the fallback name is a folder too
    ["sub/y.html", "sub/y.txt/deeper/z.txt"],
    ["x.html", "x.txt", "x.txt.txt/a.html"],  # a name collision and a folder collision at once
    ["report.html", "a.txt"],  # the report's own name
]


@pytest.mark.parametrize("names", COLLISIONS, ids=[",".join(n) for n in COLLISIONS])
def test_an_output_name_that_is_an_input_folder_takes_another_name(tmp_path: Path, names: list[str]) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    import gzip

    for number, name in enumerate(names):
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _page(number).encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    summary = run_batch(source, out, TEXT_OPTIONS)
    assert (summary.ok, summary.failed) == (len(names), 0)
    records = _check_every_input_accounted(out, len(names))
    outputs = [str(r["output"]) for r in records]
    assert len(set(outputs)) == len(outputs) and "report.jsonl" not in outputs
    for record in records:  # each output holds its own input's text
        first_words = (source / str(record["path"])).read_bytes()
        if not str(record["path"]).endswith(".gz"):
            assert first_words.decode().split()[0] in (out / str(record["output"])).read_text()


# --- an output the file system refuses, for one input only -----------------------------------------


@pytest.mark.parametrize("length", [252, 253, 255])
def test_an_output_name_too_long_is_that_inputs_error_and_the_batch_goes_on(
    tmp_path: Path, length: int
) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    long_name = "a" * (length - 3) + ".md"  # its output name, + ".txt", is over 255 bytes
    (source / long_name).write_text(_page(1))
    (source / "b.txt").write_text(_page(2))
    summary = run_batch(source, out, TEXT_OPTIONS)
    records = _check_every_input_accounted(out, 2)
    by_path = {r["path"]: r for r in records}
    assert by_path[long_name]["status"] == "error" and by_path[long_name]["error_code"] == "unwritable"
    assert by_path["b.txt"]["status"] == "ok" and (summary.ok, summary.failed) == (1, 1)
    assert not (out / ".writing.tmp").exists()


# --- -o inside the input folder ---------------------------------------------------------------------


@pytest.mark.parametrize("inside", ["out", "nested/out", ".hidden-out"])
def test_an_output_folder_inside_the_input_is_never_read_back(tmp_path: Path, inside: str) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for number in range(3):
        (source / f"{number}.txt").write_text(_page(number))
    out = source / inside
    for resume in (False, True, False):
        done = subprocess.run(
            [*CLI, "clean", str(source), "-o", str(out), "--format", "text", "--jobs", "1"]
            + (["--resume"] if resume else []),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert sorted(r["path"] for r in _report(out)) == ["0.txt", "1.txt", "2.txt"]


# --- a full disk ---------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of 96 KiB (grown later by the test with a remount); skipped unless root can mount."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:8]}"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _grow(mount: Path, size: str) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size}", str(mount)], check=True)


@pytest.mark.parametrize(
    ("output_format", "jobs", "pages", "extra"),
    [
        ("text", "1", 60, []),
        ("text", "2", 120, []),
        ("jsonl", "1", 60, []),
        ("jsonl", "2", 120, []),
        ("text", "1", 60, ["--dedup"]),
        ("jsonl", "2", 90, ["--dedup", "--keep", "all"]),
    ],
)
def test_a_full_disk_stops_in_one_line_and_resume_finishes_the_run(
    tmp_path: Path, small_disk: Path, output_format: str, jobs: str, pages: int, extra: list[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for number in range(pages):
        (source / f"{number:03d}.txt").write_text(_page(number, (8, 12)))
    (source / "empty.txt").write_text("")  # an error record among them
    inputs = pages + 1
    reference = tmp_path / "reference"
    command = [
        *CLI,
        "clean",
        str(source),
        "--format",
        "text",
        "--jobs",
        jobs,
        "--output-format",
        output_format,
    ]
    command += extra
    assert subprocess.run([*command, "-o", str(reference)], capture_output=True, timeout=300).returncode == 1

    out = small_disk / "out"
    full = subprocess.run([*command, "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert full.returncode == 1
    lines = full.stderr.strip().splitlines()
    assert len(lines) == 1 and "no space left" in lines[0] and "--resume" in lines[0], full.stderr
    assert "Traceback" not in full.stderr
    report = out / "report.jsonl"
    done = (
        len([line for line in report.read_bytes().splitlines() if line.endswith(b"}")])
        if report.exists()
        else 0
    )
    # --dedup spools every cleaned input first (its pass 1), and may fill the disk before any report line.
    assert done < inputs and (done > 0 or "--dedup" in extra), "the disk was meant to fill up mid-batch"

    # Still full: resuming stops again, cleanly, and loses nothing already reported.
    again = subprocess.run(
        [*command, "-o", str(out), "--resume"], capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1, again.stderr

    _grow(small_disk, "16m")
    finished = subprocess.run(
        [*command, "-o", str(out), "--resume"], capture_output=True, text=True, timeout=300
    )
    assert finished.returncode == 1, finished.stderr  # 1: the empty input failed, as in the reference
    assert "cleaned 60" in finished.stderr or f"cleaned {pages} of {inputs}" in finished.stderr
    assert _report(out) == _report(reference)
    if output_format == "text":
        for record in _report(reference):
            if record["output"]:
                assert (out / str(record["output"])).read_bytes() == (
                    reference / str(record["output"])
                ).read_bytes()
    else:
        assert (out / "articles-00000.jsonl").read_bytes() == (
            reference / "articles-00000.jsonl"
        ).read_bytes()
    assert not (out / ".writing.tmp").exists()


# --- the same stop without root: the fault injected where it cannot be made real ---------------------


def _pages(root: Path, count: int) -> None:
    root.mkdir()
    for number in range(count):
        (root / f"{number:02d}.txt").write_text(_page(number))


@pytest.mark.parametrize("fail_at", [0, 1, 5, 11])
@pytest.mark.parametrize(
    ("number", "where"),
    [(errno.ENOSPC, "output"), (errno.EDQUOT, "output"), (errno.EROFS, "output"), (errno.ENOSPC, "report")],
)
def test_a_disk_that_takes_nothing_more_stops_the_run_and_resume_finishes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int, number: int, where: str
) -> None:
    source, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "reference"
    _pages(source, 12)
    run_batch(source, reference, TEXT_OPTIONS)
    calls = {"n": 0}

    def failing(original: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls["n"] += 1
            if calls["n"] > fail_at:
                raise OSError(number, os.strerror(number))
            return original(*args, **kwargs)

        return wrapper

    with monkeypatch.context() as patch:
        if where == "output":
            patch.setattr(tasks, "write_atomically", failing(tasks.write_atomically))
        else:
            patch.setattr(JournalWriter, "append", failing(JournalWriter.append))
        with pytest.raises(OutputError) as stopped:
            run_batch(source, out, TEXT_OPTIONS)
    assert stopped.value.done == fail_at and "--resume" in str(stopped.value)
    assert len(_report(out)) == fail_at  # every input before the stop has its line, none after
    assert not (out / ".writing.tmp").exists()
    run_batch(source, out, TEXT_OPTIONS, resume=True)
    assert _report(out) == _report(reference)
    for record in _report(reference):
        assert (out / str(record["output"])).read_bytes() == (reference / str(record["output"])).read_bytes()


def test_output_error_survives_pickling_and_says_what_to_do(tmp_path: Path) -> None:
    full = OutputError(tmp_path, 7, OSError(errno.ENOSPC, "No space left on device"))
    again = pickle.loads(pickle.dumps(full))
    assert (again.done, again.errno, str(again)) == (7, errno.ENOSPC, str(full))
    assert "no space left" in str(full) and "free some space" in str(full) and "--resume" in str(full)
    read_only = OutputError(tmp_path, 0, OSError(errno.EROFS, "Read-only file system"))
    assert "Read-only file system" in str(read_only) and "--resume" in str(read_only)
