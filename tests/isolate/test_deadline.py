"""The deadline pool: clean() in warm children, stopped at the time limit, replaced when they die.

Real processes throughout: a pathological page really runs past the limit, children are really
killed (by the pool, or by the test with SIGKILL), and the next call is really served by the new one.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import CleanOptions, clean
from cleaner.batch.engines import LocalEngine
from cleaner.batch.runner import run_batch
from cleaner.batch.tasks import REPORT_NAME
from cleaner.errors import (
    CleanerError,
    CleanTimeoutError,
    InputTooLargeError,
    MemoryLimitError,
    WorkerDiedError,
)
from cleaner.isolate.deadline import DeadlinePool
from tests.conftest import CLI

# A million one-letter lines: every line is a block, and splitting them takes seconds (3 s of CPU on
# the development machine) before the page is refused for its blocks, past every time limit below.
PATHOLOGICAL = b"a\n" * 1_000_000
LIMIT = 0.5
ARTICLE = "Officials said the bridge reopens in May.\nSubscribe to continue reading."


@pytest.fixture(scope="module")
def pool() -> Iterator[DeadlinePool]:
    with DeadlinePool(processes=2, timeout=LIMIT) as running:
        running.wait_ready()
        yield running


def test_cleans_like_clean(pool: DeadlinePool) -> None:
    assert pool.clean(ARTICLE).text() == clean(ARTICLE).text() == "Officials said the bridge reopens in May."


def test_a_pathological_page_times_out_and_the_next_call_is_served(pool: DeadlinePool) -> None:
    started = time.monotonic()
    with pytest.raises(CleanTimeoutError) as caught:
        pool.clean(PATHOLOGICAL, CleanOptions(format="text"))
    assert time.monotonic() - started < LIMIT + 5  # the answer comes at the limit, not at the end
    assert caught.value.code == "timeout" and f"{LIMIT:g} s" in str(caught.value)
    assert isinstance(caught.value, CleanerError)
    assert pool.clean(ARTICLE).text() == "Officials said the bridge reopens in May."


def test_while_one_child_is_stuck_the_other_serves() -> None:
    with DeadlinePool(processes=2, timeout=1.5) as two:
        two.wait_ready()
        stuck = two.submit(clean, PATHOLOGICAL, CleanOptions(format="text"))
        time.sleep(0.1)
        started = time.monotonic()
        assert two.clean(ARTICLE).text()
        assert time.monotonic() - started < 1.0  # before the stuck page's 1.5 s are up
        with pytest.raises(CleanTimeoutError):
            stuck.result()


def test_library_errors_come_back_as_themselves(pool: DeadlinePool) -> None:
    with pytest.raises(InputTooLargeError) as caught:
        pool.clean(b"x" * 100, CleanOptions(max_bytes=10))
    assert caught.value.limit == 10 and caught.value.code == "input_too_large"


def test_a_bug_in_the_child_keeps_its_traceback(pool: DeadlinePool) -> None:
    with pytest.raises(ValueError) as caught:
        pool.submit(int, "not a number").result()
    assert "Traceback" in caught.value.__notes__[0]


def test_a_child_killed_mid_call_costs_that_call_only(pool: DeadlinePool) -> None:
    slow = DeadlinePool(processes=1, timeout=30.0)
    try:
        slow.wait_ready()
        (pid,) = slow.child_pids()
        future = slow.submit(time.sleep, 20)
        time.sleep(0.3)
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(WorkerDiedError) as caught:
            future.result(timeout=10)
        assert caught.value.exitcode == -signal.SIGKILL
        assert slow.clean(ARTICLE).text()
        assert slow.child_pids() != [pid]
    finally:
        slow.shutdown()


def test_a_child_killed_while_idle_is_replaced_before_the_next_call() -> None:
    with DeadlinePool(processes=1, timeout=30.0) as idle:
        idle.wait_ready()
        (pid,) = idle.child_pids()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        assert idle.clean(ARTICLE).text()  # not this call's fault: no error


def test_a_page_over_the_memory_limit_is_refused_and_the_child_replaced() -> None:
    with DeadlinePool(processes=1, timeout=60, memory_limit=100 << 20) as capped:
        capped.wait_ready()
        (pid,) = capped.child_pids()
        with pytest.raises(MemoryLimitError) as caught:
            capped.clean(PATHOLOGICAL, CleanOptions(format="text"))
        assert caught.value.code == "memory_limit" and "100 MiB" in str(caught.value)
        assert capped.clean(ARTICLE).text() and capped.child_pids() != [pid]


def test_max_tasks_replaces_the_child() -> None:
    with DeadlinePool(processes=1, timeout=None, max_tasks=2, initializer=None) as recycled:
        pids = [recycled.submit(os.getpid).result() for _ in range(4)]
    assert pids[0] == pids[1] != pids[2] == pids[3]


def test_shutdown_cancels_what_waits() -> None:
    pool = DeadlinePool(processes=1, timeout=None, initializer=None)
    running = pool.submit(time.sleep, 1)
    waiting = pool.submit(time.sleep, 1)
    time.sleep(0.2)
    pool.shutdown(cancel_futures=True)
    assert running.result() is None and waiting.cancelled()
    with pytest.raises(RuntimeError):
        pool.submit(time.sleep, 0)


@pytest.mark.parametrize(
    "error",
    [
        InputTooLargeError(5, 3, "decompressed input"),
        CleanTimeoutError(2.5),
        MemoryLimitError(1 << 20),
        WorkerDiedError(-9),
    ],
)
def test_errors_survive_pickling(error: CleanerError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and copy.code == error.code


def _tree(root: Path) -> None:
    root.mkdir()
    for number in range(4):
        (root / f"page{number}.txt").write_text(f"Paragraph {number} of the story, as published.\n")
    (root / "page2-slow.txt").write_bytes(PATHOLOGICAL)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_batch_records_the_timeout_and_goes_on(tmp_path: Path, jobs: int) -> None:
    _tree(tmp_path / "in")
    out = tmp_path / "out"
    summary = run_batch(tmp_path / "in", out, CleanOptions(), engine=LocalEngine(jobs, timeout=LIMIT))
    assert (summary.ok, summary.failed) == (4, 1)
    report = {r["path"]: r for r in map(json.loads, (out / REPORT_NAME).read_text().splitlines())}
    assert report["page2-slow.txt"]["error_code"] == "timeout" and report["page2-slow.txt"]["output"] is None
    assert all(r["status"] == "ok" for path, r in report.items() if path != "page2-slow.txt")
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert visible == [*(f"page{n}.txt" for n in range(4)), REPORT_NAME]


def test_the_cli_timeout_flag(tmp_path: Path) -> None:
    import subprocess

    _tree(tmp_path / "in")
    done = subprocess.run(
        [*CLI, "clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--timeout", str(LIMIT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "1 failed" in done.stderr
    lines = (tmp_path / "out" / REPORT_NAME).read_text().splitlines()
    assert [json.loads(line)["error_code"] for line in lines].count("timeout") == 1


def test_one_page_with_a_timeout(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "slow.txt").write_bytes(PATHOLOGICAL)
    (tmp_path / "fine.txt").write_text(ARTICLE)
    command = [*CLI, "clean", "--timeout", str(LIMIT)]
    slow = subprocess.run([*command, str(tmp_path / "slow.txt")], capture_output=True, text=True, timeout=120)
    assert slow.returncode == 1 and f"time limit of {LIMIT:g} s" in slow.stderr
    fine = subprocess.run([*command, str(tmp_path / "fine.txt")], capture_output=True, text=True, timeout=120)
    assert fine.returncode == 0 and fine.stdout == "Officials said the bridge reopens in May.\n"
