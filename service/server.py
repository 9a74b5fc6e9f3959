"""Start uvicorn on the app factory; command-line values override CLEANER_* settings."""

from __future__ import annotations

import uvicorn

from service.settings import get_settings


def serve(host: str | None = None, port: int | None = None, workers: int | None = None) -> None:
    """Run the service until interrupted (each worker process builds its own app)."""
    settings = get_settings()
    uvicorn.run(
        "service.app:create_app",
        factory=True,
        host=host or settings.host,
        port=settings.port if port is None else port,
        workers=workers or settings.workers,
        log_level=settings.log_level,
        proxy_headers=True,
    )
