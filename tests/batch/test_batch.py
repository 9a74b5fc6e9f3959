"""The directory batch as a library: output names, discovery, atomic writes, nothing dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import CleanOptions
from cleaner.batch.runner import run_batch
from cleaner.batch.tasks import REPORT_NAME, Task, clean_input, discover, output_name, write_atomically


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("page.html", "page.txt"),
        ("page.htm", "page.txt"),
        ("page.txt", "page.txt"),
        ("a/b/page.html.gz", "a/b/page.txt"),
        ("page.TXT.GZ", "page.txt"),
        ("page.gz", "page.txt"),
        ("notes.md", "notes.md.txt"),
        ("v1.2.html", "v1.2.txt"),
        (".html", ".html.txt"),
    ],
)
def test_output_name(source: str, expected: str) -> None:
    assert output_name(source) == expected


def test_discover_sorts_skips_hidden_and_output_and_splits_collisions(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "a.txt", "report.jsonl", ".git/config", "sub/x.htm", "out/old.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    tasks = list(discover(tmp_path, tmp_path / "out"))
    assert tasks == [
        Task("a.html", "a.txt"),
        Task("a.txt", "a.txt.txt"),
        Task("b.txt", "b.txt"),
        Task("report.jsonl", "report.jsonl.txt"),
        Task("sub/x.htm", "sub/x.txt"),
    ]


def test_clean_input_never_raises(tmp_path: Path) -> None:
    record, result = clean_input(
        str(tmp_path), str(tmp_path / "out"), Task("missing.txt", "missing.txt"), CleanOptions()
    )
    assert result is None and record["status"] == "error" and record["error_code"] == "unreadable"


def test_write_atomically_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.txt"
    write_atomically(target, "one")
    write_atomically(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_every_input_ends_in_an_output_or_an_error(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for number in range(12):
        (source / f"{number:02}.txt").write_text(
            f"Paragraph number {number} of the test corpus." if number % 4 else ""
        )
    seen: list[str] = []
    summary = run_batch(
        source, out, CleanOptions(), jobs=2, on_record=lambda record: seen.append(record["path"])
    )
    assert (summary.ok, summary.failed) == (9, 3)
    report = [json.loads(line) for line in (out / REPORT_NAME).read_text().splitlines()]
    assert [r["path"] for r in report] == seen == sorted(seen)
    for record in report:
        assert (record["status"] == "ok") == (out / output_name(record["path"])).exists()
        assert record["status"] == "ok" or record["error"]
