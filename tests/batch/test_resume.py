"""--resume after a real crash: the batch is killed with SIGKILL mid-run, then resumed.

Nothing finished is cleaned again (its output keeps its inode and mtime), and the resumed run ends
with exactly the tree an uninterrupted run writes: no output missing, truncated or duplicated.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from cleaner import CleanOptions
from cleaner.batch.journal import ResumeError
from cleaner.batch.runner import run_batch
from tests.conftest import CLI
from tests.planted import html_page, tree, write_html_pages

PAGES = 240


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _kill_midway(args: list[str], progress: Path, at: int) -> None:
    """Start the CLI, wait until `progress` has `at` lines (or bytes), then SIGKILL its whole group."""
    process = subprocess.Popen(
        [*CLI, *args], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        size = (
            _lines(progress)
            if progress.suffix == ".jsonl"
            else progress.stat().st_size
            if progress.exists()
            else 0
        )
        if size >= at:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the run ended before it could be killed: make the input larger"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _finished(out: Path) -> dict[str, tuple[int, int]]:
    """Output -> (inode, mtime) for every output the (partial) report names."""
    names = [json.loads(line).get("output") for line in (out / "report.jsonl").read_text().splitlines()]
    return {name: ((out / name).stat().st_ino, (out / name).stat().st_mtime_ns) for name in names if name}


def _jsonl_input(root: Path) -> None:
    rng = random.Random(9)
    for part in range(2):
        lines = [
            json.dumps(
                {"id": f"doc-{part}-{n}", "content": html_page(rng), "url": f"https://news.example/{n}"}
            )
            for n in range(PAGES // 2)
        ]
        (root / f"part-{part}.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))


@pytest.mark.parametrize("formats", [("files", "text"), ("jsonl", "jsonl")])
def test_resume_after_kill_9_redoes_nothing_finished_and_loses_nothing(
    tmp_path: Path, formats: tuple[str, str]
) -> None:
    source, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "reference"
    source.mkdir()
    _jsonl_input(source) if formats[0] == "jsonl" else write_html_pages(source, PAGES)
    flags = ["--input-format", formats[0], "--output-format", formats[1], "--jobs", "2"]
    _kill_midway(["clean", str(source), "-o", str(out), *flags], out / "report.jsonl", at=PAGES // 4)
    done_before = _lines(out / "report.jsonl")
    assert PAGES // 4 <= done_before < PAGES
    finished = _finished(out) if formats[1] == "text" else {}
    resumed = subprocess.run(
        [*CLI, "clean", str(source), "-o", str(out), *flags, "--resume"], capture_output=True
    )
    assert resumed.returncode == 0, resumed.stderr
    subprocess.run(
        [*CLI, "clean", str(source), "-o", str(reference), *flags], check=True, capture_output=True
    )
    assert tree(out) == tree(reference)  # every output whole, the report complete and in order
    for name, stamp in finished.items():  # nothing the killed run had finished was written again
        assert ((out / name).stat().st_ino, (out / name).stat().st_mtime_ns) == stamp, name


def test_dedup_resumes_pass_one_from_its_spool(tmp_path: Path) -> None:
    source, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "reference"
    write_html_pages(source, PAGES)
    flags = ["--dedup", "--jobs", "2"]
    _kill_midway(["clean", str(source), "-o", str(out), *flags], out / ".dedup-spool.pickle", at=50_000)
    assert not (out / "report.jsonl").exists()  # killed in pass 1
    resumed = subprocess.run(
        [*CLI, "clean", str(source), "-o", str(out), *flags, "--resume"], capture_output=True
    )
    assert resumed.returncode == 0, resumed.stderr
    subprocess.run(
        [*CLI, "clean", str(source), "-o", str(reference), *flags], check=True, capture_output=True
    )
    assert tree(out) == tree(reference)


def _small_tree(root: Path) -> None:
    for number in range(6):
        (root / f"{number}.txt").parent.mkdir(parents=True, exist_ok=True)
        (root / f"{number}.txt").write_text(f"Paragraph number {number} of the corpus.\nSubscribe now.\n")


def test_resume_cuts_a_torn_line_and_redoes_a_missing_output(tmp_path: Path) -> None:
    source, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "reference"
    _small_tree(source)
    run_batch(source, reference, CleanOptions())
    run_batch(source, out, CleanOptions())
    report = (out / "report.jsonl").read_bytes().splitlines(keepends=True)
    (out / "report.jsonl").write_bytes(b"".join(report[:4]) + report[4][:20])  # a machine crash mid-line
    (out / "2.txt").unlink()  # named by the report, lost by the crash
    kept = (out / "1.txt").stat().st_ino
    seen: list[str] = []
    summary = run_batch(source, out, CleanOptions(), on_record=lambda r: seen.append(r["path"]), resume=True)
    assert summary.ok == 6 and seen == [f"{n}.txt" for n in range(6)]
    assert tree(out) == tree(reference)
    assert (out / "1.txt").stat().st_ino == kept


def test_resume_refuses_other_settings_or_changed_inputs(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    _small_tree(source)
    run_batch(source, out, CleanOptions())
    with pytest.raises(ResumeError, match="other settings"):
        run_batch(source, out, CleanOptions(format="html"), resume=True)
    done = subprocess.run(
        [*CLI, "clean", str(source), "-o", str(out), "--format", "html", "--resume"], capture_output=True
    )
    assert done.returncode == 2 and b"other settings (options)" in done.stderr
    (source / "0.txt").rename(source / "00.txt")
    with pytest.raises(ResumeError, match="inputs changed"):
        run_batch(source, out, CleanOptions(), resume=True)


def test_resuming_a_finished_run_rewrites_nothing(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    _small_tree(source)
    run_batch(source, out, CleanOptions())
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    summary = run_batch(source, out, CleanOptions(), resume=True)
    assert summary.ok == 6
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert {name: after[name] for name in before if name.endswith(".txt")} == {
        name: stamp for name, stamp in before.items() if name.endswith(".txt")
    }
