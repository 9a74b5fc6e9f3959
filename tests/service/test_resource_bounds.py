"""Memory and fairness bounds of the real server: request heads are capped (431), unfinished bodies
are bounded in total and read under a deadline, and pending counts only requests being cleaned."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import psutil
import pytest

from tests.conftest import Server, free_port, serve_command, start_server, stop_server

HEAD_LIMIT = 16 * 1024


@pytest.fixture(scope="module")
def bounded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    log = tmp_path_factory.mktemp("bounds") / "server.log"
    env = {"CLEANER_MAX_HEADER_BYTES": str(HEAD_LIMIT), "CLEANER_CLEAN_TIMEOUT": "0"}
    process, url = start_server(serve_command(port), env, port, log)
    yield Server(url, log)
    stop_server(process)


def _port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def _raw(server: Server, head: bytes, chunk: int = 65536) -> bytes:
    """Send a request head over a socket, in chunks, and read what the server answers."""
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=30) as connection:
        try:
            for start in range(0, len(head), chunk):
                connection.sendall(head[start : start + chunk])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server closed the connection at the limit: its answer is already on its way
        answer = b""
        try:
            while part := connection.recv(65536):
                answer += part
        except ConnectionResetError:
            pass
        return answer


HEADS = {
    "one 4 MiB header": b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (4 << 20) + b"\r\n\r\n",
    "many small headers": b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-H: 0123456789\r\n" * 20_000 + b"\r\n",
    "a 1 MiB URL": b"GET /healthz?" + b"q" * (1 << 20) + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    "a header that never ends": b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * (1 << 20),
    "slow small chunks": b"POST /v1/clean HTTP/1.1\r\nHost: x\r\nCookie: " + b"c" * (64 * 1024) + b"\r\n\r\n",
}


@pytest.mark.parametrize("name", list(HEADS))
def test_a_request_head_over_the_limit_is_431(bounded: Server, name: str) -> None:
    chunk = 512 if name == "slow small chunks" else 65536
    answer = _raw(bounded, HEADS[name], chunk)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert b'"code": "headers_too_large"' in answer


def test_a_head_under_the_limit_is_served(bounded: Server) -> None:
    headers = {f"x-h{n}": "v" * 100 for n in range(HEAD_LIMIT // 200)}
    assert httpx.get(f"{bounded.url}/healthz", headers=headers, timeout=30).status_code == 200
    # Keep-alive: the count starts again for each request of a connection.
    with httpx.Client(timeout=30) as http:
        for _ in range(5):
            assert http.get(f"{bounded.url}/healthz", headers=headers).status_code == 200


@pytest.mark.parametrize("body_bytes", [1, HEAD_LIMIT, 10 * HEAD_LIMIT, 600_000])
def test_a_body_sent_with_its_head_is_not_counted_as_head(bounded: Server, body_bytes: int) -> None:
    body = (b"The council met on Monday. " * (body_bytes // 27 + 1))[:body_bytes]
    head = (
        f"POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
    )
    answer = _raw(bounded, head.encode() + b"Connection: close\r\n\r\n" + body, chunk=1 << 20)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]


def test_many_connections_with_huge_heads_do_not_grow_memory(bounded: Server) -> None:
    worker = _server_process(bounded)
    before = worker.memory_info().rss
    sockets = []
    try:
        for _ in range(100):
            connection = socket.create_connection(("127.0.0.1", _port(bounded)), timeout=30)
            sockets.append(connection)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"z" * (4 << 20))
        grown = worker.memory_info().rss - before
    finally:
        for connection in sockets:
            connection.close()
    assert grown < 64 << 20, f"{grown >> 20} MiB more for 100 connections sending 4 MiB heads"
    assert httpx.get(f"{bounded.url}/healthz", timeout=30).status_code == 200


def _server_process(server: Server) -> psutil.Process:
    for connection in psutil.net_connections("tcp"):
        if connection.laddr and connection.laddr.port == _port(server) and connection.status == "LISTEN":
            assert connection.pid is not None
            return psutil.Process(connection.pid)
    raise AssertionError("no process listens on the server's port")


# --- fairness: one worker, one cleaning child, small limits -------------------------------------

BUDGET = 8.0
# Slow pages sent in one batch by test_a_batch_shares_one_time_budget.
BATCH_PAGES = 16
MAX_PENDING, PER_CLIENT = 4, 2


def _slow_lines() -> int:
    """Lines of one-letter text that take a child about two seconds (measured here, once): the
    tests below compare orders and outcomes, never durations, so the page only has to be slow."""
    from cleaner import CleanOptions, clean

    lines = 5000
    started = time.monotonic()
    clean(b"a\n" * lines, CleanOptions(format="text"))
    per_line = max((time.monotonic() - started) / lines, 1e-6)
    # Under the block limit (a longer page is refused at once with too_many_blocks, never slow), and
    # short enough that a batch of BATCH_PAGES of them, each line "a\\n" in JSON, fits the 2 MiB body.
    fits_a_batch = (2 << 20) // (BATCH_PAGES * len("a\\n")) - 1_000
    return min(int(2.0 / per_line), CleanOptions().max_blocks - 1_000, fits_a_batch)


@pytest.fixture(scope="module")
def slow_page() -> bytes:
    return b"a\n" * _slow_lines()


@pytest.fixture(scope="module")
def fair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    log = tmp_path_factory.mktemp("fair") / "server.log"
    env = {
        "CLEANER_CLEAN_PROCESSES": "1",
        "CLEANER_CLEAN_TIMEOUT": "120",
        "CLEANER_REQUEST_TIMEOUT": str(BUDGET),
        "CLEANER_BODY_TIMEOUT": "2",
        "CLEANER_MAX_UNFINISHED_BYTES": str(2 << 20),
        "CLEANER_MAX_PENDING": str(MAX_PENDING),
        "CLEANER_MAX_PENDING_PER_CLIENT": str(PER_CLIENT),
        "CLEANER_MAX_BODY_BYTES": str(2 << 20),
    }
    process, url = start_server(serve_command(port), env, port, log)
    yield Server(url, log)
    stop_server(process)
    # Clients hang up on purpose in these tests: that is a 499 in the log, never a 500.
    assert '"status": 500' not in log.read_text(), "a request of this module ended in a 500"


def _as(client: str) -> dict[str, str]:
    return {"x-forwarded-for": client, "content-type": "text/plain"}


def _answer(connection: socket.socket) -> bytes:
    connection.settimeout(60)
    answer = b""
    with contextlib.suppress(ConnectionResetError, TimeoutError):
        while part := connection.recv(65536):
            answer += part
    return answer


def test_a_body_that_does_not_arrive_in_time_is_408(fair: Server) -> None:
    with socket.create_connection(("127.0.0.1", _port(fair)), timeout=30) as connection:
        connection.sendall(b"POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly ten b")
        answer = _answer(connection)
    assert answer.startswith(b"HTTP/1.1 408 ") and b'"body_timeout"' in answer, answer[:300]


def test_slow_bodies_neither_fill_memory_nor_take_the_pending_slots(fair: Server) -> None:
    """Many connections trickle bodies: their bytes are bounded in total (503 past it, at once),
    and as they are not being cleaned, a good client is still served."""
    held = []
    refused = 0
    try:
        for number in range(30):  # 30 x 200 KB declared and half sent: past the 2 MiB bound
            connection = socket.create_connection(("127.0.0.1", _port(fair)), timeout=30)
            held.append(connection)
            head = f"POST /v1/clean HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 10.1.0.{number}\r\n"
            connection.sendall((head + "Content-Type: text/plain\r\nContent-Length: 200000\r\n\r\n").encode())
            connection.sendall(b"w " * 50_000)
        time.sleep(0.5)  # let the server read what was sent (no timing is asserted)
        for connection in held:
            connection.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                if connection.recv(4096).startswith(b"HTTP/1.1 503"):
                    refused += 1
        good = httpx.post(
            f"{fair.url}/v1/clean", content=b"The council met on Monday.", headers=_as("10.2.0.1"), timeout=60
        )
        assert good.status_code == 200, good.text
    finally:
        for connection in held:
            connection.close()
    assert refused >= 1  # the bound on unfinished bodies was reached


def test_a_batch_shares_one_time_budget(fair: Server, slow_page: bytes) -> None:
    # Sixteen slow pages (each up to two seconds, under the block limit) take far longer than the
    # budget even if the machine got faster since the page was measured; within the 2 MiB body limit.
    content = slow_page.decode()
    documents = [{"id": f"d{n}", "content": content, "format": "text"} for n in range(BATCH_PAGES)]
    response = httpx.post(
        f"{fair.url}/v1/clean/batch", json={"documents": documents}, headers=_as("10.3.0.1"), timeout=300
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [item["id"] for item in results] == [f"d{n}" for n in range(BATCH_PAGES)]
    codes = [item["error"]["code"] for item in results if item["status"] == "error"]
    assert "time_budget" in codes  # 16 pages of up to 2 s on one child cannot fit in 8 s
    assert set(codes) <= {"time_budget"}


def test_one_client_cannot_hold_every_slot(fair: Server, slow_page: bytes) -> None:
    with ThreadPoolExecutor(6) as threads:
        greedy = [
            threads.submit(
                httpx.post, f"{fair.url}/v1/clean", content=slow_page, headers=_as("10.4.0.1"), timeout=300
            )
            for _ in range(PER_CLIENT + 2)
        ]
        statuses = sorted(future.result().status_code for future in greedy)
    assert statuses.count(429) >= 2, statuses
    assert all(status in {200, 429, 503} for status in statuses)


def test_clients_take_turns_for_the_child(fair: Server, slow_page: bytes) -> None:
    """A batch of slow pages from one client, then one small page from another: the small page is
    answered first (first in, first out would make it wait for the whole batch)."""
    finished: list[str] = []
    documents = [{"id": f"b{n}", "content": slow_page.decode(), "format": "text"} for n in range(4)]

    def batch() -> None:
        httpx.post(
            f"{fair.url}/v1/clean/batch", json={"documents": documents}, headers=_as("10.5.0.1"), timeout=300
        )
        finished.append("batch")

    def small() -> None:
        response = httpx.post(
            f"{fair.url}/v1/clean",
            content=b"The council met on Monday.",
            headers=_as("10.5.0.2"),
            timeout=300,
        )
        assert response.status_code == 200
        finished.append("small")

    with ThreadPoolExecutor(2) as threads:
        first = threads.submit(batch)
        _wait_for_busy_child(fair)
        second = threads.submit(small)
        first.result()
        second.result()
    assert finished == ["small", "batch"]


def test_work_stops_when_the_client_hangs_up(fair: Server, slow_page: bytes) -> None:
    busy_before = _children(fair)
    documents = [{"id": f"g{n}", "content": slow_page.decode(), "format": "text"} for n in range(3)]
    body = json.dumps({"documents": documents}).encode()
    with socket.create_connection(("127.0.0.1", _port(fair)), timeout=30) as connection:
        head = f"POST /v1/clean/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        connection.sendall(head.encode() + body)
        busy = _wait_for_busy_child(fair)
    # Hung up: the child cleaning the batch is stopped (replaced), the rest of the batch never runs.
    deadline = time.monotonic() + 30
    while busy in _children(fair) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert busy not in _children(fair), "the gone client's page is still being cleaned"
    assert busy_before  # the server had a child before, and has one again
    good = httpx.post(
        f"{fair.url}/v1/clean", content=b"The council met on Monday.", headers=_as("10.6.0.1"), timeout=60
    )
    assert good.status_code == 200
    assert '"status": 499' in fair.log.read_text() and '"error_code": "client_closed"' in fair.log.read_text()


def _children(server: Server) -> set[int]:
    """The cleaning children of the server's worker (the fork server's children)."""
    worker = _server_process(server)
    return {p.pid for p in worker.children(recursive=True) if p.ppid() != worker.pid}


def _wait_for_busy_child(server: Server) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for pid in _children(server):
            with contextlib.suppress(psutil.Error):
                if psutil.Process(pid).cpu_percent(interval=0.2) > 50:
                    return pid
    raise AssertionError("no child got busy")
