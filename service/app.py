"""create_app(): the FastAPI application, with warm-up, request context (ids, access log, metrics),
error handlers, the API routes, /metrics and the playground page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from cleaner.pipeline import clean
from service import metrics, playground
from service.api import router
from service.collections import open_store
from service.collections import router as collections_router
from service.errors import install_error_handlers
from service.middleware import RequestContextMiddleware
from service.schemas import EXAMPLE_PAGE, BatchDocument, CleanRequest
from service.settings import Settings, get_settings
from service.version import VERSION

DESCRIPTION = """Turn raw scraped pages (HTML or plain text) into clean article text.

Paywall prompts, subscription and newsletter calls-to-action, social-embed residue, comment stubs,
related-headline lists and repeated paragraphs are removed, and with `explain` every removed block
says why. Errors are JSON: `{"error": {"code": "...", "message": "...", "request_id": "..."}}`.
`GET /` is a playground page over this API; `GET /metrics` has Prometheus metrics."""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Warm-up: the first clean() loads trafilatura's models and compiles the rule patterns; doing it
    # here keeps that second off the first user's request.
    await run_in_threadpool(clean, EXAMPLE_PAGE)
    app.state.store = open_store(app.dependency_overrides.get(get_settings, get_settings)())
    try:
        yield
    finally:
        app.state.store.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; `settings` overrides the environment (tests, embedding)."""
    app = FastAPI(title="article-cleaner", version=VERSION, description=DESCRIPTION, lifespan=_lifespan)
    if settings is not None:
        app.dependency_overrides[get_settings] = lambda: settings
    app.state.metrics = metrics.Metrics.from_environment()
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(metrics.router)
    app.include_router(playground.router)
    app.include_router(collections_router)
    _register_schemas(app, CleanRequest, BatchDocument)
    return app


def _register_schemas(app: FastAPI, *models: Any) -> None:
    """Add models the routes read by hand (raw-or-JSON bodies, per-item batch checks) to the schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                components.setdefault(
                    model.__name__, model.model_json_schema(ref_template="#/components/schemas/{model}")
                )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
