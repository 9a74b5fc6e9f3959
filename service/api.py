"""Routes: clean one page (raw body or JSON), clean a batch, health. All cleaning is `cleaner.clean`."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from cleaner.document import Document
from cleaner.errors import CleanerError, EmptyInputError
from cleaner.near.store import CollectionStore
from cleaner.options import RENDERINGS, CleanOptions, Format, Rendering
from cleaner.read.decode import gunzip, has_lone_surrogate
from cleaner.result import to_result
from service.cleaning import CleanerDep, client_of, unless_client_gone
from service.collections import StoreDep, admit_to_collection
from service.errors import MAX_MESSAGE_CHARS, ApiError, error_body, summarize_validation
from service.metrics import Metrics, MetricsDep
from service.schemas import (
    COLLECTION_PATTERN,
    EXAMPLE_PAGE,
    ID_PATTERN,
    BatchDocument,
    BatchItem,
    BatchRequest,
    BatchResponse,
    CleanRequest,
    CleanResult,
    ErrorResponse,
    Health,
)
from service.settings import Settings
from service.version import VERSION


async def app_settings(request: Request) -> Settings:
    """The settings the app was built with (read at start-up: `app.state.settings`).

    This and the other dependencies are `async def` on purpose: FastAPI runs a plain `def`
    dependency in its thread pool, a thread hop per dependency per request (measured: the largest
    share of a worker's own CPU per request under load)."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(app_settings)]
router = APIRouter()
logger = logging.getLogger("article_cleaner.clean")

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "empty body or malformed JSON"},
    401: {"model": ErrorResponse, "description": "no valid API key (when the service has keys)"},
    413: {"model": ErrorResponse, "description": "body (or decompressed page) over the size limit"},
    415: {"model": ErrorResponse, "description": "binary content (image, PDF, archive)"},
    422: {
        "model": ErrorResponse,
        "description": "undecodable bytes, unknown format, invalid fields, or over the time limit",
    },
    429: {"model": ErrorResponse, "description": "over the rate limit: see Retry-After"},
    503: {
        "model": ErrorResponse,
        "description": "overloaded, the store is down, or the cleaning process died",
    },
}
# Characters an id keeps in the X-Document-Id header; others (non-ASCII) are percent-encoded there.
_HEADER_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "%")
_RAW_FORMATS: dict[str, Format] = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_CLEAN_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/CleanRequest"},
            "example": {
                "content": EXAMPLE_PAGE,
                "format": "auto",
                "url": "https://example.com/news/port",
                "explain": False,
            },
        },
        "text/html": {"schema": {"type": "string"}, "example": EXAMPLE_PAGE},
        "text/plain": {
            "schema": {"type": "string"},
            "example": "Officials said the bridge will reopen in May.\nYou've reached your free article limit.",
        },
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
    },
}


@router.get("/healthz", response_model=Health, tags=["service"], summary="Liveness check")
def healthz() -> Health:
    """Answers 200 while the process can serve requests."""
    return Health(status="ok", version=VERSION)


@router.post(
    "/v1/clean",
    response_model=CleanResult,
    response_model_exclude_none=False,
    responses={**_ERRORS, 200: {"content": {"text/plain": {"example": "The clean article text."}}}},
    openapi_extra={"requestBody": _CLEAN_BODY},
    tags=["cleaning"],
    summary="Clean one page",
)
async def clean_page(
    request: Request,
    settings: SettingsDep,
    metrics: MetricsDep,
    store: StoreDep,
    cleaner: CleanerDep,
    format: Annotated[
        Format | None, Query(description="raw bodies: html, text or auto (default: from Content-Type)")
    ] = None,
    url: Annotated[str | None, Query(description="raw bodies: the page's URL")] = None,
    explain: Annotated[bool, Query(description="raw bodies: include every block and its reason")] = False,
    id: Annotated[
        str | None,
        Query(min_length=1, max_length=256, pattern=ID_PATTERN, description="raw bodies: your document id"),
    ] = None,
    collection: Annotated[
        str | None,
        Query(pattern=COLLECTION_PATTERN, description="raw bodies: near-duplicate check in this collection"),
    ] = None,
    output_format: Annotated[
        Rendering | None,
        Query(description="raw bodies: answer the clean article itself as text, markdown or html"),
    ] = None,
    include_links: Annotated[bool, Query(description="raw bodies, markdown/html: keep link targets")] = False,
    include_images: Annotated[
        bool, Query(description="raw bodies, markdown/html: keep image references")
    ] = False,
) -> Response:
    """Send the page as the raw body (`text/html`, `text/plain`, anything else is sniffed; charset
    from the header, a BOM or detection; `Content-Encoding: gzip` accepted) or as JSON
    `{"content", "format", "url", "explain", "id", "dedup": {"collection"}}`. With a collection the
    clean article is checked against the collection's earlier articles (`near_duplicate_of`) and
    added. `output_format` markdown or html adds that rendering beside `text`. The answer is JSON,
    or the rendering itself when `Accept` prefers `text/plain`, `text/markdown` or `text/html`
    (q-values honoured), or a raw body names `?output_format=` and `Accept` does not ask for JSON."""
    # The body first (under the access middleware's deadline and bounds): only a request whose body
    # has arrived counts against the pending limit, so slow senders cannot take the slots.
    body = await _read_body(request, settings.max_body_bytes)
    media_type, charset = _content_type(request)
    if media_type == "application/json" or media_type.endswith("+json"):
        page = _parse_json(body, CleanRequest)
        content: bytes | str = page.content
        format, url, explain, id = page.format, page.url, page.explain, page.id
        collection = page.dedup.collection if page.dedup else None
        rendering, include_links, include_images = page.output_format, page.include_links, page.include_images
        answer_as = _negotiate(request) or "json"
    else:
        content = body
        format = format or _RAW_FORMATS.get(media_type, "auto")
        rendering = output_format or "text"
        answer_as = _negotiate(request) or output_format or "json"
    if not content:
        raise EmptyInputError('the body is empty: send a page as the body or as JSON {"content": ...}')
    if answer_as != "json":
        rendering = answer_as  # type: ignore[assignment]
    options = (
        settings.clean_options().with_format(format).with_rendering(rendering, include_links, include_images)
    )
    id = id or uuid.uuid4().hex
    client = client_of(request)
    with cleaner.admitted(client):
        work = cleaner.clean(
            content, options, url=url, charset=charset, client=client, deadline=cleaner.deadline()
        )
        document = await unless_client_gone(request, work)
        answer = await admit_to_collection(document, options, store, id, collection, metrics)
    _observe(metrics, document, content)
    result = to_result(document, explain=explain, options=options)
    if answer_as != "json":
        return Response(
            result[answer_as],
            media_type=_RENDERING_MEDIA[answer_as],
            headers={"X-Document-Id": quote(id, safe=_HEADER_SAFE)},
        )
    return JSONResponse({"id": id, **answer, **_NO_RENDERINGS, **result})


_BATCH_BODY = {
    "required": True,
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}}},
}


@router.post(
    "/v1/clean/batch",
    response_model=BatchResponse,
    responses={code: _ERRORS[code] for code in (400, 401, 413, 422, 429, 503)},
    openapi_extra={"requestBody": _BATCH_BODY},
    tags=["cleaning"],
    summary="Clean several pages",
)
async def clean_batch(
    request: Request, settings: SettingsDep, metrics: MetricsDep, store: StoreDep, cleaner: CleanerDep
) -> BatchResponse:
    """One result per document, in order; a bad document gets an error item and the rest go on.
    With `dedup` (for the whole batch, or a document's own) each clean article is checked against
    the collection and added, in request order, as `/v1/clean` does: a document can match an
    earlier one of the same batch."""
    # Parsed here, not by FastAPI: its parser answers a 400 without our error code to JSON nested
    # too deeply or to numbers too long to convert (`load_json` says what is wrong).
    batch = _validate(load_json(await _read_body(request, settings.max_body_bytes)), BatchRequest)
    if len(batch.documents) > settings.max_batch_documents:
        raise ApiError(
            413,
            "too_many_documents",
            f"{len(batch.documents)} documents, over the limit of {settings.max_batch_documents}",
        )
    options = settings.clean_options()
    client = client_of(request)
    with cleaner.admitted(client):
        checked = [_check_document(raw, metrics) for raw in batch.documents]
        valid = [document for document in checked if isinstance(document, BatchDocument)]
        work = cleaner.clean_many(
            [(d.content, d.rendered(options.with_format(d.format)), d.url) for d in valid],
            client=client,
            deadline=cleaner.deadline(),
        )
        outcomes = iter(await unless_client_gone(request, work))
        results = []
        for document in checked:
            if isinstance(document, BatchDocument):
                dedup = document.dedup or batch.dedup
                collection = dedup.collection if dedup else None
                document = await _batch_item(document, next(outcomes), options, store, collection, metrics)
            results.append(document)
    return BatchResponse(results=results)


def _check_document(raw: Any, metrics: Metrics) -> BatchDocument | BatchItem:
    """The document, or the error item saying what is wrong with it."""
    if not isinstance(raw, dict):
        return _failed(metrics, None, "invalid_document", "a document must be a JSON object")
    identifier = raw.get("id") if isinstance(raw.get("id"), str) else None
    if identifier is not None and has_lone_surrogate(identifier):
        identifier = None  # an id that cannot be sent back (a lone surrogate): the item's place says which
    try:
        return BatchDocument.model_validate(raw)
    except ValidationError as exc:
        message = summarize_validation(exc)[:MAX_MESSAGE_CHARS]
        return _failed(metrics, identifier and identifier[:256], "invalid_document", message)


async def _batch_item(
    document: BatchDocument,
    outcome: Document | BaseException,
    options: CleanOptions,
    store: CollectionStore,
    collection: str | None,
    metrics: Metrics,
) -> BatchItem:
    if isinstance(outcome, CleanerError):
        return _failed(metrics, document.id, outcome.code, str(outcome))
    if isinstance(outcome, BaseException):
        raise outcome  # a bug, not the document: the request fails with 500 and the log has it
    options = document.rendered(options.with_format(document.format))
    try:
        answer = await admit_to_collection(outcome, options, store, document.id, collection, metrics)
    except CleanerError as exc:  # this id with another article, or the store is down: this document only
        return _failed(metrics, document.id, exc.code, str(exc))
    _observe(metrics, outcome, document.content)
    result = {"id": document.id, **answer, **to_result(outcome, explain=document.explain, options=options)}
    return BatchItem(id=document.id, status="ok", result=CleanResult.model_validate(result))


def _failed(metrics: Metrics, identifier: str | None, code: str, message: str) -> BatchItem:
    """A batch item for a document that could not be cleaned, counted and logged by its code."""
    metrics.count_error(code)
    logger.info("batch document failed", extra={"error_code": code})
    return BatchItem(id=identifier, status="error", **error_body(code, message))


def _observe(metrics: Metrics, document: Document, content: bytes | str) -> None:
    """Count and log one cleaned document: its sizes and removals, never its text."""
    bytes_in = len(content) if isinstance(content, bytes) else len(content.encode("utf-8", "surrogatepass"))
    text = document.text()
    bytes_out = len(text.encode("utf-8"))
    metrics.observe_document(document, bytes_in, bytes_out)
    logger.info(
        "document cleaned",
        extra={
            "format": document.format,
            "bytes_in": bytes_in,
            "bytes_out": bytes_out,
            "chars_in": document.chars_in,
            "chars_out": len(text),
            "blocks": len(document.blocks),
            "removed": document.removed_counts(),
        },
    )


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, gunzipped (bounded) when gzip-encoded. Its own size was checked at the door
    (`service.access`: the declared length at once, a chunked body as it arrives)."""
    body = await request.body()
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding in {"gzip", "x-gzip"}:
        body = gunzip(body, limit)
    elif encoding not in {"", "identity"}:
        raise ApiError(
            415, "unsupported_encoding", f"Content-Encoding {encoding[:40]!r}: send gzip or no encoding"
        )
    return body


def _content_type(request: Request) -> tuple[str, str | None]:
    media_type, _, params = request.headers.get("content-type", "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media_type.strip().lower(), charset


def load_json(body: bytes) -> Any:
    """The JSON value of a body, or 400 `malformed_json` saying why it is none of ours.

    Valid JSON that no request of ours can be is refused here too: nesting thousands deep (the
    parser would run out of stack) and integers of thousands of digits (Python refuses to convert
    them) are read as infinite floats instead, which the schema then refuses where it expects a
    string or a boolean (422 naming the field)."""
    try:
        return json.loads(body, parse_int=_parse_int)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed_json", f"the body is not valid JSON: {exc}") from exc
    except RecursionError as exc:  # arrays nested thousands deep: valid JSON, but no request of ours
        raise ApiError(400, "malformed_json", "the body is JSON nested too deeply") from exc


# Python converts integers of at most this many digits (sys.get_int_max_str_digits()'s default).
_MAX_INT_DIGITS = 4300


def _parse_int(literal: str) -> int | float:
    return int(literal) if len(literal) < _MAX_INT_DIGITS else float(literal)


def _parse_json(body: bytes, model: type[CleanRequest]) -> CleanRequest:
    payload = load_json(body)
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", summarize_validation(exc)) from exc


def _validate(payload: Any, model: type[BatchRequest]) -> BatchRequest:
    """The model, or 422 `invalid_request` with each problem, as FastAPI's own validation answers."""
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("body", *error["loc"])} for error in exc.errors(include_input=False)]
        ) from exc


# The answer's rendering fields, null unless asked for (as the schema says).
_NO_RENDERINGS = {rendering: None for rendering in RENDERINGS if rendering != "text"}
_RENDERING_MEDIA = {
    "text": "text/plain; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
assert set(_RENDERING_MEDIA) == set(RENDERINGS)
# What an answer can be, and the media ranges that name it, most specific first (`*/*` names none:
# it states no preference, and the answer stays JSON).
_ANSWERS: dict[str, tuple[str, ...]] = {
    "json": ("application/json", "application/*"),
    "text": ("text/plain", "text/*"),
    "markdown": ("text/markdown", "text/x-markdown"),  # named, never by `text/*` alone
    "html": ("text/html",),
}


def _negotiate(request: Request) -> str | None:
    """What `Accept` prefers: "json", a rendering, or None (no header, or only `*/*`).

    Each answer takes the q of the most specific range naming it (RFC 9110: `text/plain;q=0,
    text/*` is "any text but plain"); the highest q wins, and among equals the range listed first
    (as curl users write it). q=0 means "not this"."""
    ranges: list[tuple[str, float, int]] = []
    for position, part in enumerate(request.headers.get("accept", "").split(",")[:_MAX_ACCEPT_RANGES]):
        media, *params = (piece.strip().lower() for piece in part.split(";"))
        ranges.append((media, _quality(params), position))
    best: str | None = None
    best_q, best_position = 0.0, len(ranges)
    for answer, names in _ANSWERS.items():
        decided = next(
            ((q, position) for name in names for media, q, position in ranges if media == name), None
        )
        if decided is None:
            continue
        q, position = decided
        if q > best_q or (q == best_q and q > 0 and position < best_position):
            best, best_q, best_position = answer, q, position
    return best


# An Accept header longer than this many ranges is read up to here.
_MAX_ACCEPT_RANGES = 64


def _quality(params: list[str]) -> float:
    for param in params:
        key, _, value = param.partition("=")
        if key.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                return 1.0
            return quality if 0.0 <= quality <= 1.0 else 1.0
    return 1.0
