"""Near-duplicate collections: the store every worker of this process shares, and dropping one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from cleaner.document import Document
from cleaner.near.collection import admit_document, check_collection_name
from cleaner.near.redis_store import RedisStore
from cleaner.near.store import CollectionLimits, CollectionStore, MemoryStore
from cleaner.options import CleanOptions
from service.errors import ApiError
from service.metrics import Metrics, MetricsDep
from service.schemas import ErrorResponse
from service.settings import Settings

router = APIRouter()


def open_store(settings: Settings) -> CollectionStore:
    """Redis when `CLEANER_REDIS_URL` is set (shared, kept across restarts), else this process's memory."""
    limits = collection_limits(settings)
    return RedisStore(settings.redis_url, limits=limits) if settings.redis_url else MemoryStore(limits)


def collection_limits(settings: Settings) -> CollectionLimits:
    """The bounds on collections these settings imply (the total applies to memory only)."""
    return CollectionLimits(settings.collection_max_documents, settings.collections_max_documents)


async def get_store(request: Request) -> CollectionStore:
    """The store opened at start-up (`app.state.store`)."""
    store: CollectionStore = request.app.state.store
    return store


StoreDep = Annotated[CollectionStore, Depends(get_store)]


async def admit_to_collection(
    document: Document,
    options: CleanOptions,
    store: CollectionStore,
    id: str,
    collection: str | None,
    metrics: Metrics,
) -> dict[str, Any]:
    """Check the cleaned document against the named collection and add it; the extra answer fields
    (none without a collection). The collection's size goes to the index gauge of /metrics."""
    if collection is None:
        return {}
    admission = await run_in_threadpool(admit_document, document, store, collection, id, options)
    if admission.documents is not None:
        metrics.set_index_documents(collection, admission.documents)
    match = admission.near_duplicate_of
    return {"near_duplicate_of": match and {"id": match.id, "similarity": match.similarity}}


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
def drop_collection(name: str, store: StoreDep, metrics: MetricsDep) -> Response:
    """Forget every article and site count of the collection; the next article starts it anew."""
    if not store.drop(check_collection_name(name)):
        raise ApiError(404, "not_found", f"no collection named {name!r}")
    metrics.forget_index(name)
    return Response(status_code=204)
