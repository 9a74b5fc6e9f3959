"""Faults the service must survive, made real: a page past the time limit, a cleaning child killed
with SIGKILL mid-request, a worker holding all the requests it may, and another request served
meanwhile. Over ASGI (to reach the children) and over a real uvicorn server."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil
import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings
from tests.conftest import free_port, serve_command, start_server, stop_server
from tests.service.test_hostile import check_answer

LIMIT = 0.5
# A million one-letter lines: splitting them takes seconds (3 s of CPU on the development machine)
# before the page is refused for its blocks, so it runs past every time limit below.
PATHOLOGICAL = b"a\n" * 1_000_000
ARTICLE = b"The council approved the new cycling plan on Monday evening by a large majority."
TEXT = {"content-type": "text/plain"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(clean_timeout=LIMIT, clean_processes=2))) as running:
        yield running


def test_a_page_past_the_time_limit_is_422_and_the_next_is_served(client: TestClient) -> None:
    started = time.monotonic()
    response = client.post("/v1/clean", content=PATHOLOGICAL, headers=TEXT)
    check_answer(response, 422, "timeout")
    assert f"{LIMIT:g} s" in response.json()["error"]["message"]
    assert time.monotonic() - started < LIMIT + 5
    check_answer(client.post("/v1/clean", content=ARTICLE, headers=TEXT), 200)


def test_a_batch_document_past_the_limit_is_an_error_item(client: TestClient) -> None:
    documents = [
        {"id": "slow", "content": PATHOLOGICAL.decode(), "format": "text"},
        {"id": "fine", "content": ARTICLE.decode()},
    ]
    results = client.post("/v1/clean/batch", json={"documents": documents}).json()["results"]
    assert [(r["status"], r["error"] and r["error"]["code"]) for r in results] == [
        ("error", "timeout"),
        ("ok", None),
    ]


def test_a_page_over_the_memory_limit_is_422() -> None:
    with TestClient(create_app(Settings(clean_timeout=60, clean_processes=1, clean_memory_mb=100))) as capped:
        response = capped.post("/v1/clean", content=PATHOLOGICAL, headers=TEXT)
        check_answer(response, 422, "memory_limit")
        assert "100 MiB" in response.json()["error"]["message"]
        check_answer(capped.post("/v1/clean", content=ARTICLE, headers=TEXT), 200)


def test_a_child_killed_mid_request_is_503_and_replaced() -> None:
    with TestClient(create_app(Settings(clean_timeout=60, clean_processes=2))) as client:
        cleaner = client.app.state.cleaner  # type: ignore[attr-defined]
        before = set(cleaner.child_pids())
        with ThreadPoolExecutor(2) as threads:
            slow = [
                threads.submit(client.post, "/v1/clean", content=PATHOLOGICAL, headers=TEXT) for _ in range(2)
            ]
            _wait_until_busy(before)
            for pid in before:
                os.kill(pid, signal.SIGKILL)
            answers = [future.result() for future in slow]
        for response in answers:
            check_answer(response, 503, "worker_died")
            assert response.headers["retry-after"] == "1"
        check_answer(client.post("/v1/clean", content=ARTICLE, headers=TEXT), 200)
        assert not before & set(cleaner.child_pids())


def _wait_until_busy(pids: set[int], seconds: float = 0.3) -> None:
    """Until each process has used `seconds` of CPU (so it is cleaning, not waiting for work)."""
    ticks = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        used = []
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            used.append((int(fields[11]) + int(fields[12])) / ticks)
        if min(used) >= seconds:
            return
        time.sleep(0.05)
    raise TimeoutError("the children never got busy")


def test_a_worker_holding_its_most_requests_answers_503() -> None:
    settings = Settings(clean_timeout=LIMIT, clean_processes=1, max_pending=1)
    with TestClient(create_app(settings)) as busy, ThreadPoolExecutor(1) as threads:
        slow = threads.submit(busy.post, "/v1/clean", content=PATHOLOGICAL, headers=TEXT)
        _wait_until_busy(set(busy.app.state.cleaner.child_pids()), 0.05)  # type: ignore[attr-defined]
        response = busy.post("/v1/clean", content=ARTICLE, headers=TEXT)
        check_answer(response, 503, "overloaded")
        assert response.headers["retry-after"]
        check_answer(slow.result(), 422, "timeout")
        check_answer(busy.post("/v1/clean", content=ARTICLE, headers=TEXT), 200)


def test_no_time_limit_cleans_in_the_workers_threads() -> None:
    with TestClient(create_app(Settings(clean_timeout=0))) as unlimited:
        assert unlimited.app.state.cleaner.child_pids() == []  # type: ignore[attr-defined]
        check_answer(unlimited.post("/v1/clean", content=ARTICLE, headers=TEXT), 200)


def test_the_real_server_stays_fast_for_others_while_a_page_runs_out(tmp_path: Path) -> None:
    port = free_port()
    env = {"CLEANER_CLEAN_TIMEOUT": "1.5", "CLEANER_CLEAN_PROCESSES": "2"}
    process, url = start_server(serve_command(port), env, port, tmp_path / "server.log")
    try:
        with httpx.Client(timeout=30) as http:
            slow_answer: list[httpx.Response] = []
            slow = threading.Thread(
                target=lambda: slow_answer.append(
                    http.post(f"{url}/v1/clean", content=PATHOLOGICAL, headers=TEXT)
                )
            )
            slow.start()
            time.sleep(0.2)
            for _ in range(5):
                started = time.monotonic()
                check_answer(http.post(f"{url}/v1/clean", content=ARTICLE, headers=TEXT), 200)
                assert time.monotonic() - started < 1.0  # before the stuck page's 1.5 s
            slow.join()
            check_answer(slow_answer[0], 422, "timeout")
            check_answer(http.post(f"{url}/v1/clean", content=ARTICLE, headers=TEXT), 200)
    finally:
        stop_server(process)
    assert '"error_code": "timeout"' in (tmp_path / "server.log").read_text()


def _descendants(pid: int) -> set[int]:
    try:
        return {child.pid for child in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


def _poll(condition: Callable[[], bool], seconds: float = 300) -> bool:
    """Wait for what the code promises will happen. The limit only guards against a hang: on a
    machine shared by several test runs, starting a worker and its children can take minutes."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_killed_worker_takes_its_children_and_is_replaced(tmp_path: Path) -> None:
    port = free_port()
    process, url = start_server(serve_command(port, "--workers", "2"), {}, port, tmp_path / "server.log")
    try:

        def workers() -> list[int]:
            spawned = [p for p in _descendants(process.pid) if b"spawn_main" in _cmdline(p)]
            return spawned if all(len(_descendants(p)) == 3 for p in spawned) else []

        # Each worker: a fork server and two warm cleaning children.
        assert _poll(lambda: len(workers()) == 2), "the workers did not start their children"
        victim = workers()[0]
        doomed = _descendants(victim)
        os.kill(victim, signal.SIGKILL)
        assert _poll(lambda: not doomed & _descendants(process.pid)), "the dead worker's children outlived it"
        assert _poll(lambda: len(workers()) == 2), "uvicorn did not replace the worker"
        with httpx.Client(timeout=30) as http:
            for _ in range(6):
                check_answer(http.post(f"{url}/v1/clean", content=ARTICLE, headers=TEXT), 200)
        everything = _descendants(process.pid)
    finally:
        stop_server(process)
    assert _poll(lambda: not [p for p in everything if Path(f"/proc/{p}").exists()], 15), (
        "processes outlived the server"
    )


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
