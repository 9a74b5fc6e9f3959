"""Near-duplicate collections: the store every worker of this process shares, and dropping one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from cleaner.collection import check_collection_name, clean_into_collection
from cleaner.document import Document
from cleaner.options import CleanOptions
from cleaner.pipeline import clean
from cleaner.redis_store import RedisStore
from cleaner.store import CollectionStore, MemoryStore
from service.errors import ApiError
from service.schemas import ErrorResponse
from service.settings import Settings

router = APIRouter()


def open_store(settings: Settings) -> CollectionStore:
    """Redis when `CLEANER_REDIS_URL` is set (shared, kept across restarts), else this process's memory."""
    return RedisStore(settings.redis_url) if settings.redis_url else MemoryStore()


def get_store(request: Request) -> CollectionStore:
    """The store opened at start-up (`app.state.store`)."""
    store: CollectionStore = request.app.state.store
    return store


StoreDep = Annotated[CollectionStore, Depends(get_store)]


async def clean_page(
    content: bytes | str,
    options: CleanOptions,
    store: CollectionStore,
    id: str,
    collection: str | None,
    url: str | None,
    charset: str | None,
) -> tuple[Document, dict[str, Any]]:
    """Clean one page, into a collection when one is named; the extra answer fields."""
    if collection is None:
        return await run_in_threadpool(clean, content, options, url=url, charset=charset), {}
    document, admission = await run_in_threadpool(
        clean_into_collection, content, store, collection, id, options, url=url, charset=charset
    )
    match = admission.near_duplicate_of
    return document, {"near_duplicate_of": match and {"id": match.id, "similarity": match.similarity}}


@router.delete(
    "/v1/collections/{name}",
    status_code=204,
    responses={
        404: {"model": ErrorResponse, "description": "no such collection"},
        422: {"model": ErrorResponse, "description": "an invalid collection name"},
        503: {"model": ErrorResponse, "description": "the collection store (Redis) does not answer"},
    },
    tags=["collections"],
    summary="Drop a near-duplicate collection",
)
def drop_collection(name: str, store: StoreDep) -> Response:
    """Forget every article and site count of the collection; the next article starts it anew."""
    if not store.drop(check_collection_name(name)):
        raise ApiError(404, "not_found", f"no collection named {name!r}")
    return Response(status_code=204)
