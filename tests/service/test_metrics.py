"""GET /metrics: values, labels and histogram buckets after known requests, in-process and over HTTP,
and with several uvicorn workers (multiprocess mode), where every scrape must see every worker."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.parser import text_string_to_metric_families

from cleaner.document import Reason
from service.app import create_app
from service.metrics import LATENCY_BUCKETS
from service.settings import Settings
from tests.conftest import Api, free_port, serve_command, start_server, stop_server

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
TEXT = (
    "The city council approved the new cycling plan on Monday evening by a large majority.\n"
    "You've reached your daily free article limit.\n"
    "Work on the first twenty kilometres of protected lanes will start in the spring, officials said."
)
HTML = (
    "<html><head><title>Cycling plan</title></head><body><article><h1>Cycling plan</h1>"
    "<p>The city council approved the new cycling plan on Monday evening by a large majority, ending "
    "a debate that had divided the council for more than a year.</p>"
    "<p>Subscribe to continue reading.</p></article></body></html>"
)


def scrape(client: TestClient | httpx.Client, base: str = "") -> Samples:
    """Every sample of /metrics, keyed by (sample name, labels)."""
    response = client.get(f"{base}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def delta(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


def test_requests_documents_removals_bytes_and_errors_are_counted(api: Api) -> None:
    before = scrape(api.client, api.base)
    text = api.post("/v1/clean", content=TEXT.encode(), headers={"content-type": "text/plain"}).json()
    html = api.post("/v1/clean", json={"content": HTML, "format": "html"}).json()
    assert api.post("/v1/clean", json={"content": " "}).status_code == 400
    assert api.get("/v2/nothing").status_code == 404
    batch = api.post("/v1/clean/batch", json={"documents": [{"id": "a", "content": TEXT}, {"id": "b"}]})
    assert [item["status"] for item in batch.json()["results"]] == ["ok", "error"]
    after = scrape(api.client, api.base)

    requests = "article_cleaner_http_requests_total"
    assert delta(before, after, requests, method="POST", route="/v1/clean", status="200") == 2
    assert delta(before, after, requests, method="POST", route="/v1/clean", status="400") == 1
    assert delta(before, after, requests, method="POST", route="/v1/clean/batch", status="200") == 1
    assert delta(before, after, requests, method="GET", route="unmatched", status="404") == 1
    assert delta(before, after, requests, method="GET", route="/metrics", status="200") == 1  # `before`

    documents = "article_cleaner_documents_cleaned_total"
    assert (
        delta(before, after, documents, format="text") == 2
        and delta(before, after, documents, format="html") == 1
    )
    removed = "article_cleaner_blocks_removed_total"
    assert delta(before, after, removed, reason="paywall") == 2 * text["removed"]["paywall"] + html[
        "removed"
    ].get("paywall", 0)
    assert all(
        ("article_cleaner_blocks_removed_total", frozenset({("reason", r.value)})) in after for r in Reason
    )
    assert delta(before, after, "article_cleaner_input_bytes_total", format="text") == 2 * len(TEXT.encode())
    assert delta(before, after, "article_cleaner_output_bytes_total", format="text") == 2 * len(
        text["text"].encode()
    )
    assert delta(before, after, "article_cleaner_input_bytes_total", format="html") == len(HTML.encode())

    errors = "article_cleaner_errors_total"
    assert delta(before, after, errors, code="empty_input") == 1
    assert delta(before, after, errors, code="not_found") == 1
    assert delta(before, after, errors, code="invalid_document") == 1


def test_latency_is_a_histogram_per_route(api: Api) -> None:
    before = scrape(api.client, api.base)
    for _ in range(3):
        api.post("/v1/clean", json={"content": TEXT})
    after = scrape(api.client, api.base)

    name, labels = "article_cleaner_http_request_duration_seconds", {"method": "POST", "route": "/v1/clean"}
    assert delta(before, after, f"{name}_count", **labels) == 3
    assert delta(before, after, f"{name}_sum", **labels) > 0
    buckets = [value(after, f"{name}_bucket", le=str(bound), **labels) for bound in LATENCY_BUCKETS]
    assert buckets == sorted(buckets)  # cumulative
    assert value(after, f"{name}_bucket", le="+Inf", **labels) == value(after, f"{name}_count", **labels)
    bounds = {float(dict(tags)["le"]) for sample, tags in after if sample == f"{name}_bucket"}
    assert bounds == {*LATENCY_BUCKETS, float("inf")}


@pytest.fixture
def fresh_app() -> Iterator[TestClient]:
    """An app of its own, whose metrics no other test has touched."""
    app = create_app(Settings())

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_the_index_gauge_is_empty_until_the_index_sets_it(fresh_app: TestClient) -> None:
    exposition = fresh_app.get("/metrics").text
    assert "# TYPE article_cleaner_index_documents gauge" in exposition
    assert "article_cleaner_index_documents{" not in exposition
    metrics = fresh_app.app.state.metrics  # type: ignore[attr-defined]
    metrics.set_index_documents("news", 42)
    metrics.set_index_documents("news", 40)
    assert value(scrape(fresh_app), "article_cleaner_index_documents", collection="news") == 40


def test_the_index_gauge_follows_a_collection(fresh_app: TestClient) -> None:
    story = (
        "The regional parliament approved the new water law on Thursday after a debate that lasted "
        "eleven hours, giving farmers in the dry south a larger share of the river's water."
    )
    other = "Engineers replaced the deck of the harbour bridge and added a lane for bicycles this spring."
    for id, text in (("a", story), ("b", other), ("a", story)):  # the retry of "a" adds nothing
        response = fresh_app.post(
            "/v1/clean", json={"content": text, "id": id, "dedup": {"collection": "news"}}
        )
        assert response.status_code == 200
    assert value(scrape(fresh_app), "article_cleaner_index_documents", collection="news") == 2
    assert fresh_app.delete("/v1/collections/news").status_code == 204
    assert 'article_cleaner_index_documents{collection="news"}' not in fresh_app.get("/metrics").text


def test_process_metrics_and_version_in_single_process_mode(fresh_app: TestClient) -> None:
    samples = scrape(fresh_app)
    assert any(name == "process_cpu_seconds_total" for name, _ in samples)
    assert any(name == "article_cleaner_build_info" and value == 1 for (name, _), value in samples.items())


def test_an_unexpected_error_is_a_json_500_with_the_request_id(fresh_app: TestClient) -> None:
    response = fresh_app.get("/boom", headers={"X-Request-ID": "bug-report-1"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "bug-report-1"
    assert response.json() == {
        "error": {
            "code": "internal_error",
            "message": "internal error; quote the request_id when reporting it",
            "request_id": "bug-report-1",
        }
    }
    samples = scrape(fresh_app)
    assert value(samples, "article_cleaner_errors_total", code="internal_error") == 1
    assert (
        value(samples, "article_cleaner_http_requests_total", method="GET", route="/boom", status="500") == 1
    )


def test_openmetrics_when_the_scraper_asks_for_it(api: Api) -> None:
    response = api.get("/metrics", headers={"Accept": "application/openmetrics-text; version=1.0.0"})
    assert response.headers["content-type"].startswith("application/openmetrics-text")
    assert response.text.rstrip().endswith("# EOF")


def _worker_totals(directory: Path, name: str) -> dict[str, float]:
    """Per worker (pid), the total of one counter, read from the workers' own files."""
    totals: dict[str, float] = {}
    for path in directory.glob("counter_*.db"):
        pid = path.stem.removeprefix("counter_")
        for key, amount, _, _ in MmapedDict.read_all_values_from_file(str(path)):
            if json.loads(key)[0] == name:
                totals[pid] = totals.get(pid, 0.0) + amount
    return totals


def test_several_workers_report_one_sum(tmp_path: Path) -> None:
    """Two workers, an operator's PROMETHEUS_MULTIPROC_DIR holding a stale file of an earlier run:
    the stale file is cleared, and every scrape, whichever worker answers, counts every request."""
    directory = tmp_path / "metrics"
    directory.mkdir()
    (directory / "counter_999999.db").write_bytes(b"from an earlier run")
    port = free_port()
    process, base = start_server(
        serve_command(port, "--workers", "2"),
        {"PROMETHEUS_MULTIPROC_DIR": str(directory), "CLEANER_LOG_FORMAT": "plain"},
        port,
        tmp_path / "server.log",
    )
    try:
        assert not (directory / "counter_999999.db").exists()
        requests = 24

        def clean(_: int) -> int:
            return httpx.post(f"{base}/v1/clean", json={"content": TEXT}, timeout=30).status_code

        with ThreadPoolExecutor(max_workers=6) as pool:
            assert set(pool.map(clean, range(requests))) == {200}
        # Which worker took which request is the kernel's choice: every request is in one worker's
        # file, whichever it was.
        per_worker = _worker_totals(directory, "article_cleaner_documents_cleaned")
        assert 1 <= len(per_worker) <= 2 and sum(per_worker.values()) == requests
        # A worker that died leaves its file, and its counts still count: one left as a copy of a
        # live worker's file, under a pid no worker has.
        pid, counted = next(iter(per_worker.items()))
        shutil.copy(directory / f"counter_{pid}.db", directory / "counter_1.db")
        for _ in range(6):  # whichever worker answers the scrape, it reports the sum over all files
            samples = scrape(httpx.Client(timeout=30), base)
            assert (
                value(samples, "article_cleaner_documents_cleaned_total", format="text") == requests + counted
            )
            assert not any(name.startswith("process_") for name, _ in samples)
        assert "[" in (tmp_path / "server.log").read_text()  # CLEANER_LOG_FORMAT=plain: no JSON
    finally:
        stop_server(process)


def test_junk_methods_are_one_label_and_a_json_405(api: Api) -> None:
    before = scrape(api.client, api.base)
    # Methods the HTTP parser knows (uvicorn's parser answers tokens it does not know itself, with a
    # plain 400, before the app sees them).
    for method in ("PROPFIND", "PURGE", "LOCK"):
        response = api.request(method, "/v1/clean")
        assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
    after = scrape(api.client, api.base)
    requests = "article_cleaner_http_requests_total"
    assert delta(before, after, requests, method="other", route="/v1/clean", status="405") == 3
    assert not any(dict(labels).get("method") == "PURGE" for _, labels in after)
