"""Shared test fixtures: the ASGI app, a real uvicorn server on a free port, and paths on disk."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

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


def wait_until_healthy(base_url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Poll /healthz until the server answers, failing early if the process dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"server exited with {process.returncode}: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise TimeoutError(f"{base_url} did not become healthy in {timeout} s")


def start_server(command: list[str], env: dict[str, str], port: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start a server process and wait for it; the caller stops it."""
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process)
    except Exception:
        process.kill()
        raise
    return process, base_url


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The real service: `article-cleaner serve` (uvicorn) on a free port, with a 1 MB body limit."""
    port = free_port()
    process, base_url = start_server(
        [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port)],
        {"CLEANER_MAX_BODY_BYTES": str(1024 * 1024), "CLEANER_MAX_BATCH_DOCUMENTS": "20"},
        port,
    )
    yield base_url
    stop_server(process)


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


# Tests that need Redis use the real server on 127.0.0.1:6379, in a database of their own that they
# flush (and nothing else); they skip, saying why, when Redis does not answer.
REDIS_TEST_URL = "redis://127.0.0.1:6379/11"


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A flushed Redis database for this test (db 11), or a skip when no Redis server answers."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis server answers at {REDIS_TEST_URL} ({exc}); CI's .ci/run starts one")
    client.flushdb()
    yield REDIS_TEST_URL
    client.flushdb()
    client.close()
