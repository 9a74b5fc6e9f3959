"""Per-request context: a request id, one access log line, and the request metrics.

A plain ASGI middleware rather than `BaseHTTPMiddleware`: it sees the status the app really sent,
never buffers bodies, and the context variable it sets is visible to the route, to the worker
threads the route uses, and to the error handlers.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.logs import REQUEST_ID
from service.metrics import Metrics

REQUEST_ID_HEADER = "X-Request-ID"
# An incoming id is kept only when short and made of safe characters (it goes into logs and headers).
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
UNMATCHED_ROUTE = "unmatched"  # one label for every path no route knows (scanners, typos)
_MAX_LOGGED_PATH = 200

logger = logging.getLogger("article_cleaner.access")


def accept_request_id(incoming: str | None) -> str:
    """The caller's id when it is safe to repeat, otherwise a new one."""
    if incoming is not None and _SAFE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def route_template(scope: Scope) -> str:
    """The matched route's path template (`/v1/clean`, `/static/{name}`), never the raw path."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class RequestContextMiddleware:
    """Give each HTTP request an id (header in, header out, every log line), time it, count it."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = accept_request_id(Headers(scope=scope).get(REQUEST_ID_HEADER))
        # Also kept in the request state, where error handlers outside this middleware find it.
        scope.setdefault("state", {})["request_id"] = request_id
        token = REQUEST_ID.set(request_id)
        status = 500  # what the client gets if the app raises before answering
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = route_template(scope)
            self.metrics.observe_request(scope["method"], route, status, seconds)
            fields = {
                "method": scope["method"],
                "path": scope["path"][:_MAX_LOGGED_PATH],
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 2),
            }
            if error_code := scope["state"].get("error_code"):
                fields["error_code"] = error_code
            logger.log(
                logging.ERROR if status >= 500 else logging.INFO,
                "%s %s %s",
                scope["method"],
                fields["path"],
                status,
                extra=fields,
            )
            REQUEST_ID.reset(token)
