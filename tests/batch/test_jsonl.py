"""JSON Lines in and out: every line ends in a result or an error record, a bad line never stops a batch."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest

from cleaner import CleanOptions
from cleaner.batch.jsonl import parse_line
from cleaner.batch.runner import run_batch
from cleaner.errors import MalformedLineError
from tests.conftest import CLI

ARTICLE = "The council approved the plan on Monday.\nSubscribe to continue reading.\n"


def _line(identifier: str | int, content: str = ARTICLE, **extra: str) -> str:
    return json.dumps({"id": identifier, "content": content, **extra})


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"id": "a", "content": "x"', "not a JSON line"),
        (b"\xff\xfe not text", "not"),
        (b'["a", "b"]', "a JSON list, not an object"),
        (b'{"content": "x"}', 'no "id"'),
        (b'{"id": "", "content": "x"}', 'no "id"'),
        (b'{"id": true, "content": "x"}', 'no "id"'),
        (b'{"id": "a"}', 'has no "content" string'),
        (b'{"id": "a", "content": 5}', 'has no "content" string'),
        (b'{"id": "a", "content": "x", "url": 3}', '"url" that is not a string'),
    ],
)
def test_malformed_lines(raw: bytes, message: str) -> None:
    with pytest.raises(MalformedLineError, match=message):
        parse_line(raw)


def test_jsonl_folder_every_line_ends_in_a_result_or_an_error(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "a.jsonl").write_text(
        "\n".join(
            [_line("a1", url="https://www.example.com/x"), "{broken", "", _line(2), "[1]", _line("a5", "")]
        )
        + "\n"
    )
    (source / "b.jsonl.gz").write_bytes(gzip.compress((_line("b1") + "\n").encode()))
    (source / "c.jsonl.gz").write_bytes(gzip.compress(((_line("c1") + "\n") * 400).encode())[:-30])
    (source / "notes.txt").write_text(ARTICLE)
    summary = run_batch(source, out, CleanOptions(format="text"), jobs=2, input_format="jsonl")
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    by_place = {(r["path"], r.get("line")): r for r in report}
    assert by_place["a.jsonl", 1]["id"] == "a1" and by_place["a.jsonl", 1]["output"] == "a.jsonl/1.txt"
    assert (out / "a.jsonl/1.txt").read_text() == "The council approved the plan on Monday.\n"
    assert by_place["a.jsonl", 2]["error_code"] == "malformed_line"
    assert ("a.jsonl", 3) not in by_place  # a blank line holds no document
    assert by_place["a.jsonl", 4]["id"] == "2" and by_place["a.jsonl", 4]["status"] == "ok"
    assert by_place["a.jsonl", 5]["error_code"] == "malformed_line"
    assert by_place["a.jsonl", 6]["error_code"] == "empty_input" and by_place["a.jsonl", 6]["id"] == "a5"
    assert by_place["b.jsonl.gz", 1]["status"] == "ok"
    cut = [r for r in report if r["path"] == "c.jsonl.gz"]
    assert all(r["status"] == "ok" for r in cut[:-1]) and len(cut) > 100
    assert cut[-1]["error_code"] == "unreadable" and cut[-1]["line"] == len(cut)
    assert by_place["notes.txt", None]["error_code"] == "not_jsonl"
    assert summary.failed == 5 and summary.total == len(report)


def test_jsonl_output_in_parts(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name in ("a.txt", "b.txt", "c.html", "d.txt", "e.txt"):
        (source / name).write_text(ARTICLE if name != "d.txt" else "")
    run_batch(source, out, CleanOptions(format="text"), output_format="jsonl", lines_per_part=2)
    parts = sorted(p.name for p in out.glob("articles-*.jsonl"))
    assert parts == ["articles-00000.jsonl", "articles-00001.jsonl"]
    lines = [json.loads(line) for part in parts for line in (out / part).read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a.txt", "b.txt", "c.html", "e.txt"]
    assert lines[0]["text"] == "The council approved the plan on Monday." and lines[0]["removed"] == {
        "paywall": 1
    }
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    assert [r["output"] for r in report] == [*parts[:1] * 2, parts[1], None, parts[1]]


def test_cli_one_jsonl_file_in_and_jsonl_out(tmp_path: Path) -> None:
    page = tmp_path / "docs.jsonl"
    page.write_text(_line("x", url="https://example.com/x") + "\nnot json\n")
    done = subprocess.run(
        [
            *CLI,
            "clean",
            str(page),
            "--input-format",
            "jsonl",
            "--output-format",
            "jsonl",
            "-o",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 1 and b"cleaned 1 of 2 inputs" in done.stderr
    (result,) = [
        json.loads(line) for line in (tmp_path / "o" / "articles-00000.jsonl").read_text().splitlines()
    ]
    assert (
        result["id"] == "x" and result["url"] == "https://example.com/x" and "Subscribe" not in result["text"]
    )
