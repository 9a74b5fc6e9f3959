"""The tests' own servers: started in a process group of their own, and stopped whole, also when
they fail to start (uvicorn's workers and their cleaning children must not outlive the test)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import free_port, serve_command, start_server, stop_server


def _group_is_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_a_server_that_never_answers_is_stopped_whole(tmp_path: Path) -> None:
    """Two workers serving one port while the test waits on another: the wait fails, and the
    supervisor, its workers and their cleaning children are all gone, the port free again."""
    port, elsewhere = free_port(), free_port()
    failure: list[BaseException] = []

    def start() -> None:
        try:
            start_server(
                serve_command(port, "--workers", "2"), {}, elsewhere, tmp_path / "server.log", timeout=30
            )
        except BaseException as exc:
            failure.append(exc)

    starting = threading.Thread(target=start)
    starting.start()
    seen: set[int] = set()  # the server's processes, as they appear
    while starting.is_alive():
        for process in psutil.process_iter(["cmdline"]):
            if "serve" in (process.info["cmdline"] or []) and str(port) in process.info["cmdline"]:
                with contextlib.suppress(psutil.Error):
                    seen |= {process.pid, *(child.pid for child in process.children(recursive=True))}
        time.sleep(0.2)
    starting.join()
    assert failure and isinstance(failure[0], TimeoutError)
    assert seen, "the server never started"
    assert [pid for pid in seen if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"] == []
    assert _port_is_free(port)


def test_a_server_that_dies_at_start_is_reported_with_its_log(tmp_path: Path) -> None:
    port = free_port()
    with pytest.raises(RuntimeError, match="server exited with 2"):
        start_server(serve_command(port, "--workers", "0"), {}, port, tmp_path / "server.log")


def test_stopping_a_server_ends_its_whole_group(tmp_path: Path) -> None:
    port = free_port()
    process, _ = start_server(serve_command(port, "--workers", "2"), {}, port, tmp_path / "server.log")
    stop_server(process)
    assert _group_is_gone(process.pid) and _port_is_free(port)
