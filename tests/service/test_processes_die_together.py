"""Processes die together, on a real server with two workers: a SIGKILLed worker takes its fork
server and cleaning children along (idle, and busy with requests); a SIGKILLed supervisor takes its
workers along, and the port stops answering. Each check polls, at most 30 s, for the end."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

import httpx
import psutil

from tests.conftest import free_port, serve_command, start_server, stop_server
from tests.isolate.test_lifeline import wait_gone

SLOW_PAGE = ("<p>" + "word " * 40 + "</p>\n") * 4000  # a page that keeps a child busy a while


def _workers(supervisor: psutil.Process) -> list[psutil.Process]:
    """uvicorn's workers: the supervisor's children that have cleaning processes of their own."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = [child for child in supervisor.children() if child.children()]
        if len(workers) == 2:
            return workers
        time.sleep(0.2)
    raise AssertionError("two workers with children did not appear")


def _hammer(url: str, stop: threading.Event) -> None:
    with httpx.Client(timeout=60) as http:
        while not stop.is_set():
            with contextlib.suppress(httpx.HTTPError):  # the worker it talks to is killed
                http.post(
                    f"{url}/v1/clean", content=SLOW_PAGE.encode(), headers={"content-type": "text/html"}
                )


def test_killed_worker_and_killed_supervisor_leave_nothing_behind(tmp_path: Path) -> None:
    port = free_port()
    process, url = start_server(serve_command(port, "--workers", "2"), {}, port, tmp_path / "server.log")
    stop = threading.Event()
    clients = [threading.Thread(target=_hammer, args=(url, stop), daemon=True) for _ in range(4)]
    try:
        supervisor = psutil.Process(process.pid)
        first, second = _workers(supervisor)
        for client in clients:  # the children are busy when their worker is killed
            client.start()
        time.sleep(0.5)
        left_behind = [p.pid for p in first.children(recursive=True)]
        assert len(left_behind) >= 3  # a fork server and two children
        first.kill()
        assert wait_gone(left_behind) == [], "the killed worker's fork server or children live on"
        # The supervisor replaces the worker or not; either way, killing it ends every worker.
        everyone = [p.pid for p in supervisor.children(recursive=True) if p.pid != first.pid]
        assert second.pid in everyone
        supervisor.kill()
        left = wait_gone(everyone)
        assert left == [], [_describe(pid) for pid in left]
        try:
            answered = httpx.get(f"{url}/healthz", timeout=2).status_code
        except httpx.TransportError:
            answered = None
        assert answered is None, "the port still answers after the supervisor died"
    finally:
        stop.set()
        stop_server(process)


def _describe(pid: int) -> str:
    try:
        return " ".join(psutil.Process(pid).cmdline())[:120]
    except psutil.Error:
        return str(pid)


def test_a_single_process_server_is_not_tied_to_its_launcher(tmp_path: Path) -> None:
    """Without workers there is no supervisor: the server must not die with whoever started it (a
    shell that exits after `nohup article-cleaner serve &`)."""
    port = free_port()
    process, url = start_server(serve_command(port), {}, port, tmp_path / "server.log")
    try:
        assert "ARTICLE_CLEANER_SUPERVISOR_PID" not in psutil.Process(process.pid).environ()
        assert httpx.get(f"{url}/healthz", timeout=10).status_code == 200
    finally:
        stop_server(process)
