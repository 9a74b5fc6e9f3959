"""Error responses: one JSON shape, `{"error": {"code", "message", "request_id"}}`, for every error.

Every error answer goes through `respond`, which adds the request id (so a user's report can be
matched to the log lines of that request), counts the error by code, and leaves the code where the
access log line picks it up.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from cleaner.errors import (
    BinaryInputError,
    BudgetExceededError,
    CleanerError,
    CleanTimeoutError,
    CollectionFullError,
    CollectionMismatchError,
    DecodeError,
    EmptyInputError,
    IdConflictError,
    InputTooLargeError,
    MemoryLimitError,
    StoreUnavailableError,
    UnknownFormatError,
    WorkerDiedError,
)
from service.middleware import REQUEST_ID_HEADER

logger = logging.getLogger("article_cleaner.errors")

# HTTP status of each library error; anything else the library raises on purpose is a 422.
STATUS_BY_ERROR: dict[type[CleanerError], int] = {
    EmptyInputError: 400,
    InputTooLargeError: 413,
    BinaryInputError: 415,
    DecodeError: 422,
    UnknownFormatError: 422,
    IdConflictError: 409,
    CollectionMismatchError: 409,
    StoreUnavailableError: 503,
    # The page cost more time than the limit allows: like a body over the size limit, the same page
    # would do the same again, so a 4xx that clients do not retry.
    CleanTimeoutError: 422,
    MemoryLimitError: 422,
    # We cannot tell a crash the page caused from one it did not (the OOM killer, an operator).
    WorkerDiedError: 503,
    # The request's other documents (or waiting for a child) took its time: this one alone may pass.
    BudgetExceededError: 503,
    # Full until an operator drops a collection or raises the bound.
    CollectionFullError: 507,
}
# How long a client should wait before retrying a 503 (the store reconnects, a child restarts).
RETRY_AFTER_SECONDS = 1
# Messages are cut to this length: they may quote a field name or a value, never a document.
MAX_MESSAGE_CHARS = 300
_HTTP_CODES = {
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "input_too_large",
    429: "rate_limited",
}


class ApiError(Exception):
    """An error the routes raise themselves, with its status and machine-readable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The error object, as sent alone or inside a batch item."""
    return {"error": {"code": code, "message": message, **extra}}


def status_of(exc: CleanerError) -> int:
    """The HTTP status that fits a library error."""
    for kind in type(exc).__mro__:
        if kind in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[kind]
    return 422


def request_id_of(request: Request) -> str | None:
    """The id the request middleware gave this request (None for an app built without it)."""
    return request.scope.get("state", {}).get("request_id")


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    request_id = request_id_of(request)
    request.scope.setdefault("state", {})["error_code"] = code
    metrics = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.count_error(code)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 3] + "..."
    body = error_body(code, message, **extra)
    body["error"]["request_id"] = request_id
    if status == 503:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS), **(headers or {})}
    if request_id and status >= 500:
        # The middleware adds this header to every answer it sends; a 500 is sent outside it.
        headers = {**(headers or {}), REQUEST_ID_HEADER: request_id}
    return JSONResponse(body, status_code=status, headers=dict(headers) if headers else None)


def install_error_handlers(app: FastAPI) -> None:
    """Route every expected failure to a 4xx JSON body that says what is wrong (and the rest to 500)."""

    @app.exception_handler(CleanerError)
    async def _cleaner_error(request: Request, exc: CleanerError) -> JSONResponse:
        return respond(request, status_of(exc), exc.code, str(exc))

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_describe(problem) for problem in exc.errors()[:_MAX_PROBLEMS]]
        if any(problem["type"] == "json_invalid" for problem in problems):
            return respond(request, 400, "malformed_json", "the body is not valid JSON", problems=problems)
        return respond(request, 422, "invalid_request", summarize(problems), problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return respond(request, exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(ClientDisconnect)
    async def _client_gone(request: Request, exc: ClientDisconnect) -> JSONResponse:
        # The client hung up while its body was still arriving: nobody reads this answer, and it is
        # no fault of the server's (logged as 499, like a hang-up during cleaning, not as a 500).
        return respond(
            request, 499, "client_closed", "the client closed the connection before its body arrived"
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug, not bad input: the body says only that, and the server logs the traceback.
        logger.error(
            "unhandled %s", type(exc).__name__, exc_info=exc, extra={"request_id": request_id_of(request)}
        )
        message = "internal error; quote the request_id when reporting it"
        return respond(request, 500, "internal_error", message)


_MAX_LOC_CHARS = 64
_MAX_PROBLEMS = 20


def summarize_validation(exc: ValidationError | RequestValidationError) -> str:
    """`field: what is wrong; ...` for a failed validation, never quoting a value at length."""
    return summarize([_describe(problem) for problem in exc.errors()[:_MAX_PROBLEMS]])


def summarize(problems: list[dict[str, Any]]) -> str:
    return "; ".join(f"{'.'.join(map(str, p['loc'])) or 'body'}: {p['msg']}" for p in problems)


def _describe(problem: Any) -> dict[str, Any]:
    """A validation problem without the offending input: error bodies never echo documents back."""
    return {
        # A location may be a key the client invented (an unknown field): keep it short.
        "loc": [
            part if isinstance(part, int) else str(part)[:_MAX_LOC_CHARS] for part in problem.get("loc", ())
        ],
        "msg": str(problem.get("msg", ""))[:MAX_MESSAGE_CHARS],
        "type": problem.get("type", ""),
    }
