"""How a worker runs clean(): in warm child processes under the time limit (`cleaner.isolate.deadline`), or,
with `CLEANER_CLEAN_TIMEOUT=0`, in its own threads. Routes reach it through `CleanerDep`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from cleaner.document import Document
from cleaner.isolate.deadline import DeadlinePool
from cleaner.options import CleanOptions
from cleaner.pipeline import clean
from service.errors import ApiError
from service.schemas import EXAMPLE_PAGE
from service.settings import Settings


class Cleaner:
    """The worker's cleaning: a DeadlinePool, or threads; and how many requests it holds."""

    def __init__(self, settings: Settings) -> None:
        self.timeout = settings.clean_timeout or None
        self._pool = (
            DeadlinePool(
                settings.clean_processes, self.timeout, memory_limit=(settings.clean_memory_mb << 20) or None
            )
            if self.timeout
            else None
        )
        self._max_pending = settings.max_pending
        self._pending = 0

    async def start(self) -> None:
        """Warm up before the first request: the children (or this process) clean a sample page."""
        if self._pool is None:
            await run_in_threadpool(clean, EXAMPLE_PAGE)
        else:
            await run_in_threadpool(self._pool.wait_ready)

    async def clean(
        self,
        content: bytes | str,
        options: CleanOptions,
        *,
        url: str | None = None,
        charset: str | None = None,
    ) -> Document:
        """clean(), under the time limit when there is one."""
        if self._pool is None:
            return await run_in_threadpool(clean, content, options, url=url, charset=charset)
        document: Document = await asyncio.wrap_future(
            self._pool.submit(clean, content, options, url=url, charset=charset)
        )
        return document

    async def clean_many(
        self, contents: list[tuple[str, CleanOptions, str | None]]
    ) -> list[Document | BaseException]:
        """Several documents at once (a batch request), spread over the children; results (or the
        error of each) in order."""
        calls: list[Awaitable[Document]]
        if self._pool is None:
            calls = [run_in_threadpool(clean, text, options, url=url) for text, options, url in contents]
        else:
            calls = [
                asyncio.wrap_future(self._pool.submit(clean, text, options, url=url))
                for text, options, url in contents
            ]
        return await asyncio.gather(*calls, return_exceptions=True)

    @contextmanager
    def admitted(self) -> Iterator[None]:
        """Count one request held by this worker; 503 `overloaded` when it already holds the most."""
        if self._pending >= self._max_pending:
            raise ApiError(
                503, "overloaded", f"this worker already holds {self._max_pending} requests; retry shortly"
            )
        self._pending += 1
        try:
            yield
        finally:
            self._pending -= 1

    def child_pids(self) -> list[int]:
        """The cleaning children's process ids (none without a time limit)."""
        return self._pool.child_pids() if self._pool is not None else []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def get_cleaner(request: Request) -> Cleaner:
    """The worker's Cleaner, made at start-up (`app.state.cleaner`)."""
    cleaner: Cleaner = request.app.state.cleaner
    return cleaner


CleanerDep = Annotated[Cleaner, Depends(get_cleaner)]
