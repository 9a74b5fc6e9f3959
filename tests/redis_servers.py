"""Redis servers of the tests' own: started on a free port, killed for real, restarted on the same
port and directory (so an append-only file brings the data back)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import redis

from tests.conftest import free_port

REDIS_SERVER = shutil.which("redis-server")


@dataclass
class RedisServer:
    """One redis-server process; `persistent` keeps every write in an fsync'd append-only file."""

    directory: Path
    persistent: bool = True
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> RedisServer:
        if REDIS_SERVER is None:
            raise RuntimeError("redis-server is not installed")
        self.port = self.port or free_port()
        self.directory.mkdir(parents=True, exist_ok=True)
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent else []
        where = ["--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
        self.process = subprocess.Popen(
            [REDIS_SERVER, *where, "--save", "", "--logfile", "redis.log", *persistence],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url(), socket_connect_timeout=0.5)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.directory / "redis.log").read_text(errors="replace"))
            try:
                client.ping()
                return self
            except redis.RedisError:
                time.sleep(0.05)
            finally:
                client.close()
        raise TimeoutError(f"redis-server on port {self.port} did not answer")

    def kill(self) -> None:
        """SIGKILL: no shutdown save, no goodbye; what survives is what was on disk."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
