"""Who may call, how often, and with how big a body: checked before a route reads anything.

A plain ASGI middleware, not a route dependency: FastAPI reads and parses a JSON body before it runs
a route's dependencies, so a dependency would let an unknown caller make the service parse up to a
whole body limit of JSON before being refused. Here a request is refused on its headers alone:

- body size: a `Content-Length` over `CLEANER_MAX_BODY_BYTES` gets 413 at once; a chunked body is
  counted as it arrives and stopped at the limit;
- bodies in flight: a body must arrive within `CLEANER_BODY_TIMEOUT` seconds (else 408
  `body_timeout`), and the bodies still arriving at this worker hold at most
  `CLEANER_MAX_UNFINISHED_BYTES` in total (else 503 `overloaded`): slow senders cannot fill memory;
- API keys (`CLEANER_API_KEYS`): every route but the open ones (`/healthz`, the playground page and
  its files, the API docs: no data in any of them) needs `Authorization: Bearer <key>`, else 401.
  A client address with more than `CLEANER_AUTH_FAILURE_LIMIT` failures a minute gets 429 before
  its key is even looked at, so keys cannot be guessed at the speed of the network.
  Keys are compared by their SHA-256 digests with `hmac.compare_digest`, against every key, so the
  time taken says nothing about how much of a key was right, nor which key matched;
- rate limit (`CLEANER_RATE_LIMIT`): per key, or per client address without keys; 429 with
  `Retry-After` (see `service.ratelimit`). /healthz is never limited.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import math
import time
from collections.abc import Iterable

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import ApiError, respond
from service.ratelimit import MemoryRateLimiter, RateLimiter

HEALTH_PATH = "/healthz"
OPEN_PATHS = frozenset({HEALTH_PATH, "/", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})
OPEN_PREFIXES = ("/static/",)


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


class AccessMiddleware:
    """Body limit, API keys and rate limit, in that order, before the app sees the request."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        api_keys: Iterable[str] = (),
        auth_failure_limit: int = 0,
        body_timeout: float = 60.0,
        max_unfinished_bytes: int = 1 << 40,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout = body_timeout
        # Bytes of request bodies this worker holds while they arrive (one event loop: no lock).
        self.max_unfinished_bytes = max_unfinished_bytes
        self.unfinished = 0
        self.digests = tuple(key_digest(key) for key in api_keys)
        # Failed authentications per client address: a burst of the per-minute number, then one
        # per interval. In this worker's memory: a guesser spread over N workers gets N times it.
        self.failures = (
            MemoryRateLimiter(auth_failure_limit, auth_failure_limit) if auth_failure_limit > 0 else None
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = scope["path"]
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            message = f"the body is {int(declared)} bytes, over the limit of {self.max_body_bytes} bytes"
            await respond(request, 413, "input_too_large", message)(scope, receive, send)
            return
        identity = None
        if self.digests and not _is_open(path):
            address = _client_address(scope)
            # Before any key is compared: a client over its failures waits, whatever it sends now.
            blocked = self.failures.peek(address) if self.failures is not None else 0.0
            if blocked > 0:
                await _rate_limited(request, blocked, "too many failed authentications from this address")(
                    scope, receive, send
                )
                return
            identity = self._identify(_raw_header(scope, b"authorization"))
            if identity is None:
                if self.failures is not None:
                    self.failures.check(address, time.monotonic())
                await respond(
                    request,
                    401,
                    "unauthorized",
                    "send a valid API key as 'Authorization: Bearer <key>'",
                    headers={"WWW-Authenticate": "Bearer"},
                )(scope, receive, send)
                return
        # Opened by the app's lifespan, in the event loop that serves (the Redis client belongs to it).
        limiter: RateLimiter | None = getattr(scope["app"].state, "limiter", None)
        if limiter is not None and path != HEALTH_PATH:
            who = identity or f"client:{_client_address(scope)}"
            wait = await limiter.wait_time(who)
            if wait > 0:
                await _rate_limited(request, wait, "too many requests")(scope, receive, send)
                return
        # Who the request is from, for the fair shares of the cleaning (service.cleaning).
        scope.setdefault("state", {})["client"] = identity or f"client:{_client_address(scope)}"
        if declared.isdigit() and self.unfinished + int(declared) > self.max_unfinished_bytes:
            await respond(request, 503, "overloaded", _BODIES_FULL)(scope, receive, send)
            return
        held = _Held()
        try:
            await self.app(scope, self._limited(receive, held), send)
        finally:
            self.unfinished -= held.bytes  # a body that never finished (a client gone, an error)

    def _identify(self, authorization: bytes | None) -> str | None:
        """`key:<digest prefix>` for a valid key (never the key itself: it ends up in Redis), else None.

        The header's bytes are compared as they came: a key is its UTF-8 bytes (`key_digest`), so a
        non-ASCII key is sent UTF-8 encoded, as HTTP clients do when given a str."""
        scheme, _, token = (authorization or b"").partition(b" ")
        if scheme.lower() != b"bearer" or not token.strip():
            return None
        digest = hashlib.sha256(token.strip(b" \t")).digest()
        matched = False
        for known in self.digests:  # every key, always: the time does not depend on which matched
            matched |= hmac.compare_digest(digest, known)
        return f"key:{digest.hex()[:32]}" if matched else None

    def _limited(self, receive: Receive, held: _Held) -> Receive:
        """`receive`, stopping a body (chunked, or longer than it said) at the limit, a body that
        takes longer than the body timeout to arrive, and a body that would take the bytes held by
        this worker's unfinished bodies past their bound. Once the body is whole it no longer
        counts as unfinished (the pending limit counts the request from then on)."""
        seen = 0
        limit = self.max_body_bytes
        deadline = time.monotonic() + self.body_timeout
        complete = False

        async def counted() -> Message:
            nonlocal seen, complete
            if complete:  # after the body: waiting for a disconnect, with no deadline
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                raise ApiError(
                    408, "body_timeout", f"the body did not arrive within {self.body_timeout:g} s"
                ) from None
            if message["type"] != "http.request":
                return message
            chunk = len(message.get("body", b""))
            seen += chunk
            if seen > limit:
                raise HTTPException(413, f"the body is over the limit of {limit} bytes")
            if self.unfinished + chunk > self.max_unfinished_bytes:
                raise ApiError(503, "overloaded", _BODIES_FULL)
            self.unfinished += chunk
            held.bytes += chunk
            if not message.get("more_body", False):
                complete = True
                self.unfinished -= held.bytes
                held.bytes = 0
            return message

        return counted


_BODIES_FULL = "this worker is receiving as many request bodies as it holds; retry shortly"


class _Held:
    """Bytes of one request's body received so far and not yet whole."""

    __slots__ = ("bytes",)

    def __init__(self) -> None:
        self.bytes = 0


def _rate_limited(request: Request, wait: float, why: str) -> ASGIApp:
    """429 `rate_limited`, saying why and, in words and in Retry-After, how long to wait."""
    seconds = max(1, math.ceil(wait))
    return respond(
        request, 429, "rate_limited", f"{why}; retry in {seconds} s", headers={"Retry-After": str(seconds)}
    )


def _client_address(scope: Scope) -> str:
    """The client's address (uvicorn puts a trusted proxy's X-Forwarded-For there)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def _raw_header(scope: Scope, name: bytes) -> bytes | None:
    """A header's bytes, undecoded (Starlette decodes header values as Latin-1)."""
    for key, value in scope["headers"]:
        if key.lower() == name:
            return bytes(value)
    return None


def _is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)
