"""create_app(): the FastAPI application, with warm-up, request context (ids, access log, metrics),
error handlers, the API routes, /metrics and the playground page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from service import docs, metrics, playground
from service.access import HEALTH_PATH, AccessMiddleware
from service.api import router
from service.cleaning import Cleaner
from service.collections import open_store
from service.collections import router as collections_router
from service.errors import install_error_handlers
from service.middleware import RequestContextMiddleware
from service.ratelimit import open_rate_limiter
from service.schemas import BatchDocument, BatchRequest, CleanRequest
from service.server import die_with_supervisor
from service.settings import Settings, get_settings
from service.version import VERSION

DESCRIPTION = """Turn raw scraped pages (HTML or plain text) into clean article text.

Paywall prompts, subscription and newsletter calls-to-action, social-embed residue, comment stubs,
related-headline lists and repeated paragraphs are removed, and with `explain` every removed block
says why. Errors are JSON: `{"error": {"code": "...", "message": "...", "request_id": "..."}}`.
`GET /` is a playground page over this API; `GET /metrics` has Prometheus metrics."""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = app.dependency_overrides.get(get_settings, get_settings)()
    app.state.settings = settings
    die_with_supervisor()
    app.state.cleaner = Cleaner(settings)
    app.state.store = open_store(settings)
    app.state.metrics.set_index_limits(settings.collection_max_documents, settings.collections_max_documents)
    app.state.limiter = open_rate_limiter(settings.rate_limit, settings.rate_limit_burst, settings.redis_url)
    try:
        # Warm-up: the first clean() loads trafilatura's models and compiles the rule patterns; doing
        # it here (in every child) keeps that second off the first users' requests.
        await app.state.cleaner.start()
        yield
    finally:
        if app.state.limiter is not None:
            await app.state.limiter.close()
        app.state.store.close()
        app.state.cleaner.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; `settings` overrides the environment (tests, embedding)."""
    app = FastAPI(
        title="article-cleaner",
        version=VERSION,
        description=DESCRIPTION,
        lifespan=_lifespan,
        # No redirects: a trailing-slash redirect builds its Location from the Host header (an open
        # redirect); a path the service does not have is a 404.
        redirect_slashes=False,
        # /docs is served by service.docs, with Swagger UI's files from this service, not a CDN.
        docs_url=None,
        redoc_url=None,
    )
    if settings is not None:
        app.dependency_overrides[get_settings] = lambda: settings
    settings = settings or get_settings()
    app.state.metrics = metrics.Metrics.from_environment()
    # Outermost last: request ids and the access log see everything, CORS answers preflights before
    # keys are asked for (browsers send none), and access checks run before any route reads a body.
    app.add_middleware(
        AccessMiddleware,
        max_body_bytes=settings.max_body_bytes,
        api_keys=settings.api_keys,
        auth_failure_limit=settings.auth_failure_limit,
        body_timeout=settings.body_timeout,
        max_unfinished_bytes=settings.max_unfinished_bytes,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Content-Encoding", "Accept", "X-Request-ID"],
            expose_headers=["X-Request-ID", "X-Document-Id", "Retry-After"],
            max_age=600,
        )
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(metrics.router)
    app.include_router(playground.router)
    app.include_router(docs.router)
    app.include_router(collections_router)
    _register_schemas(app, bool(settings.api_keys), CleanRequest, BatchRequest, BatchDocument)
    return app


def _register_schemas(app: FastAPI, keys: bool, *models: Any) -> None:
    """Add models the routes read by hand (raw-or-JSON bodies, per-item batch checks) to the schema,
    and, when the service has API keys, the bearer scheme on every route that needs one."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {})
            schemas = components.setdefault("schemas", {})
            for model in models:
                found = model.model_json_schema(ref_template="#/components/schemas/{model}")
                for name, definition in found.pop("$defs", {}).items():
                    schemas.setdefault(name, definition)
                schemas.setdefault(model.__name__, found)
            # The batch's documents are read one by one (a bad one is an error item), as BatchDocuments.
            documents = schemas["BatchRequest"]["properties"]["documents"]
            documents["items"] = {"$ref": "#/components/schemas/BatchDocument"}
            if keys:
                components["securitySchemes"] = {"apiKey": {"type": "http", "scheme": "bearer"}}
                schema["security"] = [{"apiKey": []}]
                schema["paths"][HEALTH_PATH]["get"]["security"] = []
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
