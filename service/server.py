"""Start uvicorn on the app factory; command-line values override CLEANER_* settings."""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from cleaner.isolate.lifeline import exit_with_parent
from service.logs import logging_config
from service.settings import get_settings

# Defined here, not in service.metrics: this module must not import prometheus_client, which reads
# the variable once, on import, and would otherwise fix its mode before the variable is set.
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Set for uvicorn's workers to the supervisor's pid: a worker whose supervisor dies stops too.
SUPERVISOR_ENV = "ARTICLE_CLEANER_SUPERVISOR_PID"
# Seconds a worker whose supervisor died has for a graceful stop before it exits outright.
_ORPHAN_GRACE = 10.0


def serve(host: str | None = None, port: int | None = None, workers: int | None = None) -> None:
    """Run the service until interrupted (each worker process builds its own app)."""
    settings = get_settings()
    workers = workers or settings.workers
    if workers > 1:
        os.environ[SUPERVISOR_ENV] = str(os.getpid())
    with _metrics_directory(workers):
        uvicorn.run(
            "service.app:create_app",
            factory=True,
            host=host or settings.host,
            port=settings.port if port is None else port,
            workers=workers,
            log_level=settings.log_level,
            log_config=logging_config(settings.log_format, settings.log_level),
            # The request middleware writes the access line, with the request id and the route.
            access_log=False,
            proxy_headers=True,
            # uvicorn's httptools protocol, with a cap on the request head (service.protocol).
            http="service.protocol:BoundedHttpToolsProtocol",
            forwarded_allow_ips=settings.forwarded_allow_ips,
        )


@contextmanager
def _metrics_directory(workers: int) -> Iterator[None]:
    """With several workers, a fresh directory where each keeps its metric values, so that /metrics,
    whichever worker answers, reports the sum over all of them (prometheus_client's multiprocess mode).

    An operator's own PROMETHEUS_MULTIPROC_DIR is used instead when set, and emptied of the previous
    run's files first (left there, they would add old counts to new ones).
    """
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        Path(given).mkdir(parents=True, exist_ok=True)
        for stale in Path(given).glob("*.db"):
            stale.unlink()
        yield
    elif workers > 1:
        with tempfile.TemporaryDirectory(prefix="article-cleaner-metrics-") as directory:
            os.environ[MULTIPROC_ENV] = directory
            try:
                yield
            finally:
                del os.environ[MULTIPROC_ENV]
    else:
        yield


def die_with_supervisor() -> None:
    """In a uvicorn worker: stop (SIGTERM, then exit after a grace) when the supervisor dies, so a
    killed supervisor does not leave workers serving the port outside any restart or shutdown.
    Nothing outside a worker of `serve` (one process, tests, embedding): its parent may be a shell."""
    supervisor = os.environ.get(SUPERVISOR_ENV, "")
    parent = multiprocessing.parent_process()
    # A worker is a process the supervisor started (multiprocessing knows which); its supervisor
    # may be gone already, before this runs: the watcher then stops the worker at once.
    if supervisor.isdigit() and parent is not None and parent.pid == int(supervisor):
        exit_with_parent(signal.SIGTERM, parent=int(supervisor), grace=_ORPHAN_GRACE)
