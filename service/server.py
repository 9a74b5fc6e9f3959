"""Start uvicorn on the app factory; command-line values override CLEANER_* settings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from service.logs import logging_config
from service.settings import get_settings

# Defined here, not in service.metrics: this module must not import prometheus_client, which reads
# the variable once, on import, and would otherwise fix its mode before the variable is set.
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def serve(host: str | None = None, port: int | None = None, workers: int | None = None) -> None:
    """Run the service until interrupted (each worker process builds its own app)."""
    settings = get_settings()
    workers = workers or settings.workers
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
