"""Nothing lost: the near-duplicate index in Redis survives a service restart and a Redis crash
(append-only file, fsync'd on every write), the service answers a clear 503 while Redis is away and
reconnects when it is back; a batch killed mid-run leaves no partial output file, and no report line for an output that is not whole.

All real: our own redis-server on a free port, killed with SIGKILL and started again on the same
port and directory; real uvicorn processes; the real CLI killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from cleaner import CleanOptions
from cleaner.batch.engines import LocalEngine
from cleaner.batch.runner import run_batch
from tests.conftest import CLI, free_port, serve_command, start_server, stop_server
from tests.redis_servers import REDIS_SERVER, RedisServer
from tests.service.test_collections_api import OTHER, STORY, SYNDICATED, UPDATED

pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="needs the redis-server program")


def _post(http: httpx.Client, url: str, lines: list[str], **fields: Any) -> httpx.Response:
    return http.post(f"{url}/v1/clean", json={"content": "\n".join(lines), "format": "text", **fields})


def test_the_index_survives_restarts_and_the_service_reconnects(tmp_path: Path) -> None:
    redis_server = RedisServer(tmp_path / "redis").start()
    dedup = {"collection": "news"}
    port = free_port()
    env = {"CLEANER_REDIS_URL": redis_server.url(3), "CLEANER_RATE_LIMIT": "6000"}
    service, url = start_server(serve_command(port), env, port, tmp_path / "service.log")
    try:
        with httpx.Client(timeout=30) as http:
            assert _post(http, url, STORY, id="story", dedup=dedup).json()["near_duplicate_of"] is None

            redis_server.kill()  # a crash: only what reached the append-only file survives
            down = _post(http, url, UPDATED, id="updated", dedup=dedup)
            assert down.status_code == 503 and down.json()["error"]["code"] == "store_unavailable"
            assert down.headers["retry-after"] == "1" and down.headers["x-request-id"]
            # Cleaning without a collection needs no Redis; the rate limit falls back to memory.
            assert _post(http, url, OTHER).status_code == 200
            assert http.get(f"{url}/healthz").status_code == 200

            redis_server.start()  # same port, same directory: the service reconnects by itself
            back = _post(http, url, UPDATED, id="updated", dedup=dedup).json()["near_duplicate_of"]
            assert back["id"] == "story"

            stop_server(service)
            redis_server.stop()
            redis_server.start()
            service, url = start_server(serve_command(port), env, port, tmp_path / "restarted.log")
            again = _post(http, url, SYNDICATED, id="syndicated", dedup=dedup).json()["near_duplicate_of"]
            assert again["id"] == "story"
            assert _post(http, url, UPDATED, id="updated", dedup=dedup).json()["near_duplicate_of"] == back
    finally:
        stop_server(service)
        redis_server.stop()
    assert '"error_code": "store_unavailable"' in (tmp_path / "service.log").read_text()


def test_the_service_starts_while_redis_is_down_and_serves_once_it_is_up(tmp_path: Path) -> None:
    redis_server = RedisServer(tmp_path / "redis")
    redis_server.port = free_port()
    port = free_port()
    env = {"CLEANER_REDIS_URL": redis_server.url()}
    service, url = start_server(serve_command(port), env, port, tmp_path / "service.log")
    try:
        with httpx.Client(timeout=30) as http:
            down = _post(http, url, STORY, id="s", dedup={"collection": "c"})
            assert down.status_code == 503 and down.json()["error"]["code"] == "store_unavailable"
            redis_server.start()
            assert _post(http, url, STORY, id="s", dedup={"collection": "c"}).status_code == 200
    finally:
        stop_server(service)
        redis_server.stop()


def _pages(root: Path, count: int) -> None:
    root.mkdir()
    for number in range(count):
        lines = [
            f"Paragraph {line} of story {number}, with words enough to be an article line."
            for line in range(40)
        ]
        (root / f"story-{number:03}.txt").write_text("\n".join(lines) + "\nSubscribe to continue reading.\n")


def test_a_batch_killed_mid_run_leaves_only_complete_files(tmp_path: Path) -> None:
    _pages(tmp_path / "in", 200)
    reference = tmp_path / "reference"
    run_batch(tmp_path / "in", reference, CleanOptions(), engine=LocalEngine(1, timeout=None))
    expected = {path.name: path.read_bytes() for path in reference.glob("*.txt")}
    assert len(expected) == 200

    for attempt in range(2):
        out = tmp_path / f"killed{attempt}"
        batch = subprocess.Popen(
            [*CLI, "clean", str(tmp_path / "in"), "-o", str(out), "--jobs", "2"],
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the kill takes the workers too
        )
        deadline = time.monotonic() + 60
        while len(list(out.glob("*.txt"))) < 50 * (attempt + 1) and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(batch.pid, signal.SIGKILL)
        batch.wait()
        written = {path.name: path.read_bytes() for path in out.glob("*.txt")}
        assert 0 < len(written) < 200, "the kill should land mid-run"
        for name, content in written.items():
            assert content == expected[name], f"{name} is incomplete"
        # The report is the run's journal: a line only after its output is whole (the last line may
        # be torn by the kill; --resume cuts it).
        lines = (out / "report.jsonl").read_text().splitlines() if (out / "report.jsonl").exists() else []
        for line in lines[:-1]:
            record = json.loads(line)
            assert record["status"] == "ok" and record["output"] in written
