"""Near-duplicate collections over HTTP: ids, answers, retries, dropping, errors; and Redis shared by
two real uvicorn processes and kept across a restart."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from bench.textgen import article, paragraph
from service.app import create_app
from service.settings import Settings
from tests.conftest import CLI, free_port, start_server, stop_server

RNG = random.Random(4)
STORY = article(RNG, (5, 6))
UPDATED = [*STORY, paragraph(RNG)]  # the same story with a paragraph more
SYNDICATED = ["Distributed by the Regional Wire Service", *STORY[1:]]  # another header
OTHER = article(RNG, (5, 6))


def _post(client: TestClient | httpx.Client, base: str, lines: list[str], **fields: Any) -> httpx.Response:
    return client.post(f"{base}/v1/clean", json={"content": "\n".join(lines), "format": "text", **fields})


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings())) as test_client:
        yield test_client


def test_near_duplicates_are_found_and_retries_answer_the_same(client: TestClient) -> None:
    dedup = {"collection": "answers"}
    first = _post(client, "", STORY, id="story", dedup=dedup).json()
    assert first["id"] == "story" and first["near_duplicate_of"] is None
    for variant, id in ((UPDATED, "updated"), (SYNDICATED, "syndicated")):
        answer = _post(client, "", variant, id=id, dedup=dedup).json()["near_duplicate_of"]
        assert answer["id"] == "story" and 0.5 <= answer["similarity"] < 1.0, answer
    assert _post(client, "", OTHER, id="other", dedup=dedup).json()["near_duplicate_of"] is None
    for _ in range(2):  # the same request again: same answer, never itself
        assert _post(client, "", STORY, id="story", dedup=dedup).json()["near_duplicate_of"] is None
        assert (
            _post(client, "", UPDATED, id="updated", dedup=dedup).json()["near_duplicate_of"]["id"] == "story"
        )


def test_ids_are_generated_and_returned(client: TestClient) -> None:
    first, second = (_post(client, "", STORY, dedup={"collection": "generated"}).json() for _ in range(2))
    assert len(first["id"]) == 32 and first["id"] != second["id"]
    assert second["near_duplicate_of"]["id"] == first["id"]
    plain = _post(client, "", STORY)
    assert plain.json()["id"] and "near_duplicate_of" not in plain.json()


def test_raw_bodies_take_id_and_collection_as_query_parameters(client: TestClient) -> None:
    for id in ("raw-1", "raw-2"):
        response = client.post(
            f"/v1/clean?id={id}&collection=raw&format=text",
            content="\n".join(STORY).encode(),
            headers={"content-type": "text/plain"},
        )
        assert response.status_code == 200 and response.json()["id"] == id
    assert response.json()["near_duplicate_of"]["id"] == "raw-1"
    text = client.post(
        "/v1/clean?id=raw-3&collection=raw",
        content="\n".join(STORY).encode(),
        headers={"content-type": "text/plain", "accept": "text/plain"},
    )
    assert text.headers["x-document-id"] == "raw-3" and text.text.startswith(STORY[0])


def _batch(client: TestClient, documents: list[dict[str, Any]], **fields: Any) -> list[dict[str, Any]]:
    response = client.post("/v1/clean/batch", json={"documents": documents, **fields})
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _doc(id: str, lines: list[str], **fields: Any) -> dict[str, Any]:
    return {"id": id, "content": "\n".join(lines), "format": "text", **fields}


def test_batch_dedup_for_the_whole_batch_in_request_order(client: TestClient) -> None:
    """Same semantics as /v1/clean: checked against the collection, then added, document by document,
    so a document can match an earlier one of the same batch or of an earlier request."""
    first = _batch(
        client,
        [_doc("b-story", STORY), _doc("b-updated", UPDATED), _doc("b-other", OTHER)],
        dedup={"collection": "batched"},
    )
    assert [item["result"]["id"] for item in first] == ["b-story", "b-updated", "b-other"]
    matches = [item["result"]["near_duplicate_of"] for item in first]
    assert matches[0] is None and matches[2] is None
    assert matches[1]["id"] == "b-story" and 0.5 <= matches[1]["similarity"] < 1.0
    # A later single request sees what the batch added; a retry of the batch answers the same.
    single = _post(client, "", SYNDICATED, id="single", dedup={"collection": "batched"}).json()
    assert single["near_duplicate_of"]["id"] == "b-story"
    again = _batch(
        client, [_doc("b-story", STORY), _doc("b-updated", UPDATED)], dedup={"collection": "batched"}
    )
    assert again[0]["result"]["near_duplicate_of"] is None
    assert again[1]["result"]["near_duplicate_of"]["id"] == "b-story"


def test_batch_dedup_per_document_and_its_errors(client: TestClient) -> None:
    results = _batch(
        client,
        [
            _doc("p-story", STORY, dedup={"collection": "per-doc"}),
            _doc("p-updated", UPDATED),  # no collection: not checked, not added
            _doc("p-syndicated", SYNDICATED, dedup={"collection": "per-doc"}),
            _doc("p-bad", OTHER, dedup={"collection": "no spaces"}),
            _doc("p-story", OTHER, dedup={"collection": "per-doc"}),  # the id is taken by another article
        ],
    )
    assert [item["status"] for item in results] == ["ok", "ok", "ok", "error", "error"]
    assert results[1]["result"]["near_duplicate_of"] is None
    assert results[2]["result"]["near_duplicate_of"]["id"] == "p-story"
    assert (
        results[3]["error"]["code"] == "invalid_document" and "collection" in results[3]["error"]["message"]
    )
    assert results[4]["id"] == "p-story" and results[4]["error"]["code"] == "id_conflict"
    # The batch's own collection name is checked like /v1/clean's: the whole request is refused.
    response = client.post("/v1/clean/batch", json={"documents": [], "dedup": {"collection": "../x"}})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_batch_dedup_with_the_store_down_fails_only_those_documents() -> None:
    with TestClient(create_app(Settings(redis_url="redis://127.0.0.1:1/0"))) as down:
        results = _batch(down, [_doc("a", STORY, dedup={"collection": "c"}), _doc("b", OTHER)])
    assert results[0]["error"]["code"] == "store_unavailable"
    assert results[1]["status"] == "ok" and results[1]["result"]["id"] == "b"


def test_dropping_a_collection(client: TestClient) -> None:
    _post(client, "", STORY, id="a", dedup={"collection": "dropme"})
    assert client.delete("/v1/collections/dropme").status_code == 204
    missing = client.delete("/v1/collections/dropme")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    # Dropped means forgotten: the same id starts afresh, with no match.
    assert (
        _post(client, "", UPDATED, id="a", dedup={"collection": "dropme"}).json()["near_duplicate_of"] is None
    )


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        ({"json": {"content": "x y z w", "dedup": {"collection": "no spaces"}}}, 422, "invalid_request"),
        ({"json": {"content": "x y z w", "dedup": {"collection": ""}}}, 422, "invalid_request"),
        ({"json": {"content": "x y z w", "dedup": {"collection": "a" * 65}}}, 422, "invalid_request"),
        ({"json": {"content": "x y z w", "dedup": {"name": "news"}}}, 422, "invalid_request"),
        ({"json": {"content": "x y z w", "dedup": "news"}}, 422, "invalid_request"),
        ({"json": {"content": "x y z w", "id": ""}}, 422, "invalid_request"),
        ({"json": {"content": "x y z w", "id": 7}}, 422, "invalid_request"),
        ({"params": {"collection": "../etc"}, "content": b"x y z w"}, 422, "invalid_request"),
    ],
)
def test_bad_dedup_fields_are_4xx_json(
    client: TestClient, request_kwargs: dict[str, Any], status: int, code: str
) -> None:
    response = client.post("/v1/clean", **request_kwargs)
    assert response.status_code == status and response.json()["error"]["code"] == code


@pytest.mark.parametrize("name", ["-starts-with-dash", "has%20space", "x" * 65, "a:b"])
def test_dropping_an_invalid_name_is_422(client: TestClient, name: str) -> None:
    response = client.delete(f"/v1/collections/{name}")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_collection"


def test_same_id_with_another_article_is_409(client: TestClient) -> None:
    _post(client, "", STORY, id="taken", dedup={"collection": "conflict"})
    response = _post(client, "", OTHER, id="taken", dedup={"collection": "conflict"})
    assert response.status_code == 409 and response.json()["error"]["code"] == "id_conflict"


def test_redis_down_is_503() -> None:
    with TestClient(create_app(Settings(redis_url="redis://127.0.0.1:1/0"))) as down:
        response = _post(down, "", STORY, dedup={"collection": "c"})
    assert response.status_code == 503 and response.json()["error"]["code"] == "store_unavailable"


def test_two_uvicorn_processes_share_redis_and_it_survives_a_restart(redis_url: str, tmp_path: Path) -> None:
    env = {"CLEANER_REDIS_URL": redis_url}
    servers = []
    try:
        for number in range(2):
            port = free_port()
            servers.append(
                start_server([*CLI, "serve", "--port", str(port)], env, port, tmp_path / f"{number}.log")
            )
        (first, first_url), (_, second_url) = servers
        with httpx.Client(timeout=60) as http:
            dedup = {"collection": "shared"}
            assert _post(http, first_url, STORY, id="s", dedup=dedup).json()["near_duplicate_of"] is None
            seen = _post(http, second_url, UPDATED, id="u", dedup=dedup).json()["near_duplicate_of"]
            assert seen["id"] == "s"
            stop_server(first)
            port = free_port()
            servers[0] = start_server(
                [*CLI, "serve", "--port", str(port)], env, port, tmp_path / "restarted.log"
            )
            restarted = servers[0][1]
            assert _post(http, restarted, UPDATED, id="u", dedup=dedup).json()["near_duplicate_of"] == seen
            assert (
                _post(http, restarted, SYNDICATED, id="y", dedup=dedup).json()["near_duplicate_of"]["id"]
                == "s"
            )
            assert http.delete(f"{second_url}/v1/collections/shared").status_code == 204
            assert http.delete(f"{restarted}/v1/collections/shared").status_code == 404
    finally:
        for process, _ in servers:
            stop_server(process)


@pytest.mark.parametrize("how", ["oom", "readonly"])
def test_redis_that_refuses_writes_is_503_with_retry_after(how: str, tmp_path: Path) -> None:
    """Redis up but refusing (out of memory, a read-only replica): every route that writes to it
    answers 503 `store_unavailable` with Retry-After, as when it is down; the rest of the service
    (cleaning without a collection, the shared rate limit falling back to memory) goes on."""
    from tests.near.test_stores import _refusing_redis

    for redis_server in _refusing_redis(tmp_path, how):
        port = free_port()
        env = {
            "CLEANER_REDIS_URL": redis_server.url(2),
            "CLEANER_RATE_LIMIT": "6000",
            "CLEANER_CLEAN_PROCESSES": "1",
        }
        process, base = start_server([*CLI, "serve", "--port", str(port)], env, port, tmp_path / "server.log")
        try:
            with httpx.Client(timeout=60) as http:
                for number in range(3):
                    response = _post(http, base, STORY, id=f"s{number}", dedup={"collection": f"c{number}"})
                    assert response.status_code == 503, response.text
                    assert response.json()["error"]["code"] == "store_unavailable"
                    assert int(response.headers["retry-after"]) >= 1
                batch = http.post(
                    f"{base}/v1/clean/batch",
                    json={"documents": [_doc("a", STORY, dedup={"collection": "c"}), _doc("b", OTHER)]},
                )
                results = batch.json()["results"]
                assert results[0]["error"]["code"] == "store_unavailable" and results[1]["status"] == "ok"
                dropped = http.delete(f"{base}/v1/collections/c0")
                assert dropped.status_code in {404, 503}, dropped.text  # a replica still reads
                assert _post(http, base, OTHER).status_code == 200
        finally:
            stop_server(process)


def _stories(count: int) -> list[list[str]]:
    rng = random.Random(77)
    return [article(rng, (4, 5)) for _ in range(count)]


@pytest.mark.parametrize("where", ["memory", "redis"])
def test_collections_are_bounded_with_507_and_the_bounds_are_in_metrics(
    where: str, request: pytest.FixtureRequest
) -> None:
    redis_url = request.getfixturevalue("redis_url") if where == "redis" else None
    settings = Settings(
        collection_max_documents=3, collections_max_documents=5, redis_url=redis_url, clean_timeout=0
    )
    stories = _stories(8)
    with TestClient(create_app(settings)) as client:
        for n in range(3):
            assert _post(client, "", stories[n], id=f"s{n}", dedup={"collection": "news"}).status_code == 200
        full = _post(client, "", stories[3], id="s3", dedup={"collection": "news"})
        assert full.status_code == 507 and full.json()["error"]["code"] == "collection_full"
        # A retry of an article already in is answered; cleaning without a collection goes on.
        assert _post(client, "", stories[0], id="s0", dedup={"collection": "news"}).status_code == 200
        assert _post(client, "", stories[3]).status_code == 200
        results = _batch(
            client,
            [_doc("b1", stories[4]), _doc("b2", stories[5], dedup={"collection": "news"})],
            dedup={"collection": "other"},
        )
        assert results[0]["status"] == "ok" and results[1]["error"]["code"] == "collection_full"
        if where == "memory":  # the total over this worker's collections: 3 + 1 held, 5 allowed
            assert _post(client, "", stories[6], id="x", dedup={"collection": "third"}).status_code == 200
            total = _post(client, "", stories[7], id="y", dedup={"collection": "fourth"})
            assert total.status_code == 507 and "together" in total.json()["error"]["message"]
        exposition = client.get("/metrics").text
    assert 'article_cleaner_index_limit_documents{scope="collection"} 3.0' in exposition
    assert 'article_cleaner_index_limit_documents{scope="total"} 5.0' in exposition
    assert 'article_cleaner_index_documents{collection="news"} 3.0' in exposition
    assert 'code="collection_full"' in exposition
