"""Error responses: one JSON shape, `{"error": {"code", "message"}}`, for every 4xx the service sends."""

from __future__ import annotations

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


def install_error_handlers(app: FastAPI) -> None:
    """Route every expected failure to a 4xx JSON body that says what is wrong."""

    @app.exception_handler(CleanerError)
    async def _cleaner_error(_: Request, exc: CleanerError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, str(exc)), status_code=status_of(exc))

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_describe(problem) for problem in exc.errors()]
        if any(problem["type"] == "json_invalid" for problem in problems):
            return JSONResponse(
                error_body("malformed_json", "the body is not valid JSON", problems=problems), status_code=400
            )
        summary = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in problems)
        return JSONResponse(error_body("invalid_request", summary, problems=problems), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(
            error_body(code, str(exc.detail)), status_code=exc.status_code, headers=exc.headers
        )


def _describe(problem: Any) -> dict[str, Any]:
    """A validation problem without the offending input: error bodies never echo documents back."""
    return {
        "loc": list(problem.get("loc", ())),
        "msg": problem.get("msg", ""),
        "type": problem.get("type", ""),
    }
