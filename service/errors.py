"""Error responses: one JSON shape, `{"error": {"code", "message", "request_id"}}`, for every error.

Every error answer goes through `_respond`, which adds the request id (so a user's report can be
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
from starlette.exceptions import HTTPException as StarletteHTTPException

from cleaner.errors import (
    BinaryInputError,
    CleanerError,
    CollectionMismatchError,
    DecodeError,
    EmptyInputError,
    IdConflictError,
    InputTooLargeError,
    StoreUnavailableError,
    UnknownFormatError,
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


def _respond(
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
    body = error_body(code, message, **extra)
    body["error"]["request_id"] = request_id
    if request_id and status >= 500:
        # The middleware adds this header to every answer it sends; a 500 is sent outside it.
        headers = {**(headers or {}), REQUEST_ID_HEADER: request_id}
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every expected failure to a 4xx JSON body that says what is wrong (and the rest to 500)."""

    @app.exception_handler(CleanerError)
    async def _cleaner_error(request: Request, exc: CleanerError) -> JSONResponse:
        return _respond(request, status_of(exc), exc.code, str(exc))

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_describe(problem) for problem in exc.errors()]
        if any(problem["type"] == "json_invalid" for problem in problems):
            return _respond(request, 400, "malformed_json", "the body is not valid JSON", problems=problems)
        summary = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in problems)
        return _respond(request, 422, "invalid_request", summary, problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _respond(request, exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug, not bad input: the body says only that, and the server logs the traceback.
        logger.error(
            "unhandled %s", type(exc).__name__, exc_info=exc, extra={"request_id": request_id_of(request)}
        )
        message = "internal error; quote the request_id when reporting it"
        return _respond(request, 500, "internal_error", message)


def _describe(problem: Any) -> dict[str, Any]:
    """A validation problem without the offending input: error bodies never echo documents back."""
    return {
        "loc": list(problem.get("loc", ())),
        "msg": problem.get("msg", ""),
        "type": problem.get("type", ""),
    }
