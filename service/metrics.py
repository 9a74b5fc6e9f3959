"""Prometheus metrics: what the service did (requests, latency, documents, removals, bytes, errors).

Each app owns a `Metrics` (its own registry, so two apps in one process, as in the tests, never
share counts); routes reach it through `MetricsDep`, the middleware and error handlers through
`app.state.metrics`.

Several uvicorn workers are several processes, and a scrape reaches only one of them. So when the
server runs more than one worker it points `PROMETHEUS_MULTIPROC_DIR` at a fresh directory before the
workers start; prometheus_client then keeps every value in a per-process file there, and /metrics,
whichever worker answers, adds them up across workers. Counters of a worker that died still count
(counters never go backwards). In that mode the per-process `process_*` and `python_*` metrics are
not exported; with one worker they are.
"""

from __future__ import annotations

import os
from contextlib import suppress
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import choose_encoder
from prometheus_client.gc_collector import GCCollector
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from cleaner.document import Document, Reason
from service.server import MULTIPROC_ENV
from service.version import VERSION

FORMATS = ("html", "text")
# Cleaning a page takes milliseconds to seconds; health checks and /metrics take well under 5 ms.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# Anything else a client sends as a method is one label value, so junk cannot grow the series.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class Metrics:
    """The service's metrics and the one registry /metrics exposes."""

    def __init__(self, multiprocess_dir: str | None = None) -> None:
        self.registry = CollectorRegistry()
        if multiprocess_dir:
            # Values go to per-process files; the collector reads all of them back at scrape time,
            # so the metrics themselves must not also be registered.
            MultiProcessCollector(self.registry, path=multiprocess_dir)
            owner = None
        else:
            for collector in (ProcessCollector, PlatformCollector, GCCollector):
                collector(registry=self.registry)
            owner = self.registry
        self.requests = Counter(
            "article_cleaner_http_requests_total",
            "HTTP requests answered, by method, route template and status code.",
            ["method", "route", "status"],
            registry=owner,
        )
        self.latency = Histogram(
            "article_cleaner_http_request_duration_seconds",
            "Time from request to the end of the answer, by method and route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=owner,
        )
        self.documents = Counter(
            "article_cleaner_documents_cleaned_total",
            "Documents cleaned (single and batch), by what the input was taken for.",
            ["format"],
            registry=owner,
        )
        self.removed = Counter(
            "article_cleaner_blocks_removed_total",
            "Blocks removed from cleaned documents, by reason.",
            ["reason"],
            registry=owner,
        )
        self.bytes_in = Counter(
            "article_cleaner_input_bytes_total",
            "Bytes of the documents cleaned (after gzip decompression), by format.",
            ["format"],
            registry=owner,
        )
        self.bytes_out = Counter(
            "article_cleaner_output_bytes_total",
            "Bytes (UTF-8) of clean text produced, by format.",
            ["format"],
            registry=owner,
        )
        self.errors = Counter(
            "article_cleaner_errors_total",
            "Error answers and failed batch documents, by error code.",
            ["code"],
            registry=owner,
        )
        # Set by whatever keeps the cross-document index, through set_index_documents(). The value
        # last set by any worker is the truth, as for an index the workers share.
        self.index_documents = Gauge(
            "article_cleaner_index_documents",
            "Documents held in the cross-document near-duplicate index, by collection.",
            ["collection"],
            multiprocess_mode="mostrecent",
            registry=owner,
        )
        # The bounds on collections (CLEANER_COLLECTION_MAX_DOCUMENTS, ..._COLLECTIONS_...): with
        # index_documents, how full the index is; past a bound admissions answer collection_full.
        self.index_limit = Gauge(
            "article_cleaner_index_limit_documents",
            "Most documents the near-duplicate index may hold: per collection, and all in-memory "
            "collections of a worker together (0: no bound).",
            ["scope"],
            registry=owner,
            multiprocess_mode="max",
        )
        self.info = Gauge(
            "article_cleaner_build_info",
            "Always 1; the version label says which article-cleaner is running.",
            ["version"],
            multiprocess_mode="max",
            registry=owner,
        )
        self.info.labels(VERSION).set(1)
        # Known label values start at 0, so rate() and absent-series alerts work from the first scrape.
        for format in FORMATS:
            for counter in (self.documents, self.bytes_in, self.bytes_out):
                counter.labels(format)
        for reason in Reason:
            self.removed.labels(reason.value)

    @classmethod
    def from_environment(cls) -> Metrics:
        """Multiprocess mode exactly when prometheus_client itself chose it (the variable is set).

        Not a CLEANER_* setting: prometheus_client reads the variable itself, once, on import, so a
        second source could only disagree with it."""
        return cls(os.environ.get(MULTIPROC_ENV) or None)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one answered request and its latency."""
        method = method if method in _METHODS else "other"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_document(self, document: Document, bytes_in: int, bytes_out: int) -> None:
        """Count one cleaned document, its removals and its size in and out."""
        self.documents.labels(document.format).inc()
        self.bytes_in.labels(document.format).inc(bytes_in)
        self.bytes_out.labels(document.format).inc(bytes_out)
        for reason, count in document.removed_counts().items():
            self.removed.labels(reason).inc(count)

    def count_error(self, code: str) -> None:
        """Count one error answer (or failed batch document) by its machine-readable code."""
        self.errors.labels(code).inc()

    def set_index_documents(self, collection: str, documents: int) -> None:
        """How many documents the cross-document index `collection` holds now."""
        self.index_documents.labels(collection).set(documents)

    def set_index_limits(self, per_collection: int, total: int) -> None:
        """The bounds on the near-duplicate index (0: none)."""
        self.index_limit.labels("collection").set(per_collection)
        self.index_limit.labels("total").set(total)

    def forget_index(self, collection: str) -> None:
        """A dropped collection leaves the gauge."""
        with suppress(KeyError):
            self.index_documents.remove(collection)

    def render(self, accept: str | None) -> tuple[bytes, str]:
        """The exposition, in the format the scraper asked for (Prometheus text or OpenMetrics)."""
        encoder, content_type = choose_encoder(accept or "")
        return encoder(self.registry), content_type


async def get_metrics(request: Request) -> Metrics:
    """The app's Metrics (made by create_app)."""
    metrics: Metrics = request.app.state.metrics
    return metrics


MetricsDep = Annotated[Metrics, Depends(get_metrics)]
router = APIRouter()


@router.get(
    "/metrics",
    tags=["service"],
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"example": "article_cleaner_documents_cleaned_total"}}}},
)
def metrics_page(request: Request, metrics: MetricsDep) -> Response:
    """Every metric of the service in Prometheus text format (OpenMetrics when asked for)."""
    body, content_type = metrics.render(request.headers.get("accept"))
    return Response(body, media_type=content_type)
