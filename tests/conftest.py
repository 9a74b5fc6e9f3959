"""Shared test fixtures: the ASGI app, a real uvicorn server on a free port, and paths on disk."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from service.app import create_app
from service.settings import Settings

# Property tests: CI runs a fixed, bounded set of examples (the same every run, no example database);
# `HYPOTHESIS_PROFILE=fuzz` runs many more, by hand.
hypothesis_settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.register_profile(
    "fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
# The installed console script, as users run it (falls back to the module in a bare source tree).
_SCRIPT = Path(sys.executable).with_name("article-cleaner")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cleaner.cli"]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# How long a server may take to answer /healthz before the test gives up. A guard against a hang, not
# a speed check: on a machine shared by several test runs a server with warm children can take
# minutes to start, and a process that dies fails the wait at once anyway.
START_GUARD = 600.0


def wait_until_healthy(
    base_url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = START_GUARD
) -> None:
    """Poll /healthz until the server answers, failing early (with its log) if the process dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise TimeoutError(f"{base_url} did not become healthy in {timeout} s")


def start_server(
    command: list[str], env: dict[str, str], port: int, log: Path, timeout: float = START_GUARD
) -> tuple[subprocess.Popen[bytes], str]:
    """Start a server process in a process group of its own and wait for it; the caller stops it
    (`stop_server`). If it does not come up, the whole group is stopped before the error goes on:
    uvicorn's workers and their cleaning children would otherwise outlive it, holding the port.

    Its stderr (the service's log lines) goes to the file `log`: a pipe that nobody reads would fill
    up after some hundred requests and block the server.
    """
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=sink,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process, log, timeout)
    except BaseException:
        stop_server(process)
        raise
    return process, base_url


def stop_server(process: subprocess.Popen[bytes], grace: float = 15.0) -> None:
    """Stop the server's whole process group: SIGTERM (a graceful shutdown), then SIGKILL for
    whatever is left after `grace` seconds, the supervisor's workers and their children included."""
    _signal_group(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    while _signal_group(process.pid, 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    _signal_group(process.pid, signal.SIGKILL)
    process.wait()


def _signal_group(group: int, signum: int) -> bool:
    """Send `signum` to the process group; False when no process of it is left."""
    try:
        os.killpg(group, signum)
    except ProcessLookupError:
        return False
    return True


@dataclass(frozen=True)
class Server:
    """A running server: where it answers and where it logs."""

    url: str
    log: Path


def serve_command(port: int, *extra: str) -> list[str]:
    """`article-cleaner serve` on 127.0.0.1:port, as users start it."""
    return [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), *extra]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real service: `article-cleaner serve` (uvicorn) on a free port, with a 1 MB body limit."""
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    process, base_url = start_server(
        serve_command(port),
        {"CLEANER_MAX_BODY_BYTES": str(1024 * 1024), "CLEANER_MAX_BATCH_DOCUMENTS": "20"},
        port,
        log,
    )
    yield Server(base_url, log)
    stop_server(process)


@pytest.fixture(scope="session")
def server_url(server: Server) -> str:
    return server.url


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=60.0) as client:
        yield client


@pytest.fixture(scope="session")
def app_client() -> Iterator[TestClient]:
    """The ASGI app in-process, with the same limits as the real server."""
    settings = Settings(max_body_bytes=1024 * 1024, max_batch_documents=20)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (it exists for developers and CI, not for users)")
    return SHARED


@dataclass
class Api:
    """One client interface over both transports."""

    client: TestClient | httpx.Client
    base: str

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.post(self.base + path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(self.base + path, **kwargs)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, self.base + path, **kwargs)


@pytest.fixture(params=["asgi", "http"])
def api(request: pytest.FixtureRequest) -> Api:
    """The service in-process (ASGI) and over a real socket (uvicorn): each test using it runs twice."""
    if request.param == "asgi":
        return Api(request.getfixturevalue("app_client"), "")
    return Api(request.getfixturevalue("http"), request.getfixturevalue("server_url"))


# Tests that need Redis get a redis-server of this test session's own, on a free port: several
# checkouts testing at once on one machine (each flushing "its" database) then never meet. Without
# the redis-server program they use the machine's server on 127.0.0.1:6379, database 11, and skip,
# saying why, when it does not answer.
REDIS_TEST_URL = "redis://127.0.0.1:6379/11"


@pytest.fixture(scope="session")
def redis_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.redis_servers import REDIS_SERVER, RedisServer

    if REDIS_SERVER is None:
        yield REDIS_TEST_URL
        return
    server = RedisServer(tmp_path_factory.mktemp("redis"), persistent=False).start()
    yield server.url(11)
    server.stop()


@pytest.fixture
def redis_url(redis_server_url: str) -> Iterator[str]:
    """A flushed Redis database for this test, or a skip when no Redis server answers."""
    import redis

    client = redis.Redis.from_url(redis_server_url, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis server answers at {redis_server_url} ({exc}); CI's .ci/run starts one")
    client.flushdb()
    yield redis_server_url
    client.flushdb()
    client.close()
