"""Memory and fairness bounds of the real server: request heads are capped (431), unfinished bodies
are bounded in total and read under a deadline, and pending counts only requests being cleaned."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

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
