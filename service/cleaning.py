"""How a worker runs clean(): in warm child processes under the time limit (`cleaner.isolate.deadline`), or,
with `CLEANER_CLEAN_TIMEOUT=0`, in its own threads. Routes reach it through `CleanerDep`."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from cleaner.document import Document
from cleaner.isolate.deadline import Deadline, DeadlinePool
from cleaner.options import CleanOptions
from cleaner.pipeline import clean
from service.errors import ApiError
from service.schemas import EXAMPLE_PAGE
from service.settings import Settings

T = TypeVar("T")


class Cleaner:
    """The worker's cleaning: a DeadlinePool, or threads; and how many requests it holds, in all
    and per client."""

    def __init__(self, settings: Settings) -> None:
        self.timeout = settings.clean_timeout or None
        self._pool = (
            DeadlinePool(
                settings.clean_processes, self.timeout, memory_limit=(settings.clean_memory_mb << 20) or None
            )
            if self.timeout
            else None
        )
        self._budget = settings.request_timeout or None
        self._max_pending = settings.max_pending
        self._max_per_client = settings.max_pending_per_client or settings.max_pending
        self._pending = 0
        self._by_client: Counter[str] = Counter()

    async def start(self) -> None:
        """Warm up before the first request: the children (or this process) clean a sample page."""
        if self._pool is None:
            await run_in_threadpool(clean, EXAMPLE_PAGE)
        else:
            await run_in_threadpool(self._pool.wait_ready)

    def deadline(self) -> Deadline | None:
        """The time budget of a request starting now (its documents share it), or None."""
        return Deadline(self._budget) if self._budget else None

    async def clean(
        self,
        content: bytes | str,
        options: CleanOptions,
        *,
        url: str | None = None,
        charset: str | None = None,
        client: str | None = None,
        deadline: Deadline | None = None,
    ) -> Document:
        """clean(), under the time limit when there is one, taking turns with other clients."""
        if self._pool is None:
            return await run_in_threadpool(clean, content, options, url=url, charset=charset)
        document: Document = await asyncio.wrap_future(
            self._pool.submit_for(client, deadline, clean, content, options, url=url, charset=charset)
        )
        return document

    async def clean_many(
        self,
        contents: list[tuple[str, CleanOptions, str | None]],
        *,
        client: str | None = None,
        deadline: Deadline | None = None,
    ) -> list[Document | BaseException]:
        """Several documents at once (a batch request), spread over the children, sharing the
        request's deadline; results (or the error of each) in order."""
        calls: list[Awaitable[Document]]
        if self._pool is None:
            calls = [run_in_threadpool(clean, text, options, url=url) for text, options, url in contents]
        else:
            calls = [
                asyncio.wrap_future(self._pool.submit_for(client, deadline, clean, text, options, url=url))
                for text, options, url in contents
            ]
        return await asyncio.gather(*calls, return_exceptions=True)

    @contextmanager
    def admitted(self, client: str = "") -> Iterator[None]:
        """Count one request held by this worker; 503 `overloaded` when it already holds the most,
        429 `too_many_pending` when this client already holds its share of them."""
        if self._pending >= self._max_pending:
            raise ApiError(
                503, "overloaded", f"this worker already holds {self._max_pending} requests; retry shortly"
            )
        if self._by_client[client] >= self._max_per_client:
            raise ApiError(
                429,
                "too_many_pending",
                f"you already have {self._max_per_client} requests being cleaned by this worker; "
                "wait for an answer before sending more",
            )
        self._pending += 1
        self._by_client[client] += 1
        try:
            yield
        finally:
            self._pending -= 1
            self._by_client[client] -= 1
            if not self._by_client[client]:
                del self._by_client[client]

    def child_pids(self) -> list[int]:
        """The cleaning children's process ids (none without a time limit)."""
        return self._pool.child_pids() if self._pool is not None else []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


async def unless_client_gone(request: Request, work: Awaitable[T]) -> T:
    """`work`, stopped when the client hangs up first (its cleaning calls are cancelled, and their
    children stopped): nobody would read the answer. 499 `client_closed` for the access log."""
    task = asyncio.ensure_future(work)
    gone = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait({task, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not task.done():
            task.cancel()
        gone.cancel()
    if task.cancelled() or not task.done():
        with contextlib.suppress(asyncio.CancelledError):
            await task
        raise ApiError(499, "client_closed", "the client closed the connection before the answer")
    return task.result()


async def _disconnected(request: Request) -> None:
    """Returns when the client disconnects (the body has been read: nothing else arrives)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def client_of(request: Request) -> str:
    """Who the request is from, for fair shares: its API key's digest, or its address."""
    identity: str = request.scope.get("state", {}).get("client", "")
    return identity


async def get_cleaner(request: Request) -> Cleaner:
    """The worker's Cleaner, made at start-up (`app.state.cleaner`)."""
    cleaner: Cleaner = request.app.state.cleaner
    return cleaner


CleanerDep = Annotated[Cleaner, Depends(get_cleaner)]
