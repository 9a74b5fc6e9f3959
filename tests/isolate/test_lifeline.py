"""Processes die together: when the process using a DeadlinePool is SIGKILLed, its fork server and
its cleaning children exit, idle or busy with a call, with the parent-death signal or with the
lifeline pipe alone. Real processes, real SIGKILL; each test polls (at most 30 s) for the end."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from cleaner.isolate.lifeline import set_parent_death_signal
from tests.conftest import ROOT

# How long the processes left behind may take to notice and exit: a guard, not a speed check.
GONE_WITHIN = 30.0

_USER = """
import sys, time
from cleaner.isolate.deadline import DeadlinePool

if __name__ == "__main__":
    busy, preload = sys.argv[1] == "busy", sys.argv[2:]
    pool = DeadlinePool(2, None, initializer=None, preload=preload)
    pool.wait_ready()
    if busy:  # both children inside a call that would last ten minutes
        futures = [pool.submit(time.sleep, 600) for _ in range(2)]
    print(" ".join(map(str, pool.child_pids())), flush=True)
    time.sleep(600)
"""


def wait_gone(pids: list[int], within: float = GONE_WITHIN) -> list[int]:
    """Poll until none of `pids` runs (zombies count as gone); the ones still running after `within`."""
    deadline = time.monotonic() + within
    while True:
        alive = [pid for pid in pids if _running(pid)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("busy", ["idle", "busy"])
@pytest.mark.parametrize("guard", ["both", "lifeline-only"])
def test_a_killed_pool_user_takes_its_fork_server_and_children_along(
    tmp_path: Path, busy: str, guard: str
) -> None:
    script = tmp_path / "user.py"
    script.write_text(_USER)
    preload = ["tests.isolate._without_pdeathsig"] if guard == "lifeline-only" else []
    user = subprocess.Popen(
        [sys.executable, str(script), busy, *preload],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        assert user.stdout is not None
        children = [int(pid) for pid in user.stdout.readline().split()]
        assert len(children) == 2
        fork_servers = {psutil.Process(pid).ppid() for pid in children}
        assert user.pid not in fork_servers  # the children are the fork server's, not the user's
        if busy == "busy":  # both children are inside their call
            deadline = time.monotonic() + GONE_WITHIN
            while time.monotonic() < deadline and any(
                psutil.Process(p).status() == "running" for p in children
            ):
                time.sleep(0.05)
        user.kill()
        user.wait()
        assert wait_gone([*children, *fork_servers]) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(user.pid, signal.SIGKILL)  # whatever of its group is left


def test_the_parent_death_signal_is_armed_on_linux() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("prctl(PR_SET_PDEATHSIG) is Linux's")
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cleaner.isolate.lifeline import set_parent_death_signal as s; print(s(15))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "True"
    assert callable(set_parent_death_signal)
