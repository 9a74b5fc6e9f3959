"""The HTTP API, tested twice: in-process (ASGI) and over a real socket (uvicorn on a free port)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import Api
from tests.samples import ARTICLE, CLEAN, HTML

LIMIT = 1024 * 1024  # the body limit both test servers run with


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert error["request_id"] == response.headers["x-request-id"]  # a report can be found in the logs
    return error


def test_healthz(api: Api) -> None:
    response = api.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_raw_text_body(api: Api) -> None:
    response = api.post("/v1/clean", content=ARTICLE.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == CLEAN and body["format"] == "text" and body["removed"] == {"paywall": 1}
    assert "blocks" not in body


def test_raw_html_body_with_metadata(api: Api) -> None:
    response = api.post(
        "/v1/clean?url=https://example.com/cycling",
        content=HTML.encode(),
        headers={"content-type": "text/html; charset=utf-8"},
    )
    body = response.json()
    assert body["format"] == "html" and body["title"] == "Cycling plan approved"
    assert body["url"] == "https://example.com/cycling"
    assert "protected lanes" in body["text"] and "Subscribe" not in body["text"]


def test_unknown_content_type_is_sniffed(api: Api) -> None:
    for content_type in ("application/octet-stream", "application/x-www-form-urlencoded"):
        response = api.post("/v1/clean", content=HTML.encode(), headers={"content-type": content_type})
        assert response.json()["format"] == "html"


def test_json_body_with_explain(api: Api) -> None:
    response = api.post("/v1/clean", json={"content": ARTICLE, "format": "text", "url": "u", "explain": True})
    body = response.json()
    assert body["text"] == CLEAN and body["url"] == "u"
    assert [(b["index"], b["kind"], b["removed"]) for b in body["blocks"]] == [
        (0, "paragraph", None),
        (1, "paragraph", "paywall"),
        (2, "paragraph", None),
    ]
    assert body["blocks"][1]["why"]


def test_accept_text_plain_gets_just_the_text(api: Api) -> None:
    response = api.post("/v1/clean", json={"content": ARTICLE}, headers={"accept": "text/plain"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == CLEAN


@pytest.mark.parametrize(
    ("raw", "headers"),
    [
        (
            "Grüße aus Köln, die Straße ist gesperrt.".encode("latin-1"),
            {"content-type": "text/plain; charset=ISO-8859-1"},
        ),
        ("Grüße aus Köln, die Straße ist gesperrt.".encode("utf-16"), {"content-type": "text/plain"}),
        (
            gzip.compress("Grüße aus Köln, die Straße ist gesperrt.".encode()),
            {"content-type": "text/plain", "content-encoding": "gzip"},
        ),
    ],
)
def test_charsets_boms_and_gzip(api: Api, raw: bytes, headers: dict[str, str]) -> None:
    assert (
        api.post("/v1/clean", content=raw, headers=headers).json()["text"]
        == "Grüße aus Köln, die Straße ist gesperrt."
    )


def test_empty_body(api: Api) -> None:
    assert_error(
        api.post("/v1/clean", content=b"", headers={"content-type": "text/plain"}), 400, "empty_input"
    )
    assert_error(api.post("/v1/clean", json={"content": "  "}), 400, "empty_input")


def test_malformed_json(api: Api) -> None:
    error = assert_error(
        api.post("/v1/clean", content=b'{"content": "x', headers={"content-type": "application/json"}),
        400,
        "malformed_json",
    )
    assert "not valid JSON" in error["message"]


@pytest.mark.parametrize(
    ("kwargs", "where"),
    [
        ({"json": {"content": "x", "format": "pdf"}}, "format"),
        ({"content": b"hello", "params": {"format": "pdf"}}, "format"),
        ({"json": {"text": "wrong field"}}, "content"),
        ({"json": ["not", "an", "object"]}, "body"),
    ],
)
def test_invalid_requests_say_what_is_wrong(api: Api, kwargs: dict[str, Any], where: str) -> None:
    assert where in assert_error(api.post("/v1/clean", **kwargs), 422, "invalid_request")["message"]


def test_binary_and_undecodable_bodies(api: Api) -> None:
    assert_error(api.post("/v1/clean", content=b"%PDF-1.7\n" + bytes(range(256))), 415, "binary_input")
    assert_error(api.post("/v1/clean", content=bytes(range(256)) * 16), 415, "binary_input")


def test_body_over_the_limit_is_413(api: Api) -> None:
    error = assert_error(
        api.post("/v1/clean", content=b"a" * (LIMIT + 1), headers={"content-type": "text/plain"}),
        413,
        "input_too_large",
    )
    assert str(LIMIT) in error["message"]
    at_limit = api.post("/v1/clean", content=b"word " * (LIMIT // 5), headers={"content-type": "text/plain"})
    assert at_limit.status_code == 200


def test_gzip_bomb_is_413(api: Api) -> None:
    bomb = gzip.compress(b"a" * (20 * LIMIT))
    assert_error(
        api.post("/v1/clean", content=bomb, headers={"content-encoding": "gzip"}), 413, "input_too_large"
    )
    assert_error(api.post("/v1/clean", content=bomb), 413, "input_too_large")


def test_error_bodies_do_not_echo_the_input(api: Api) -> None:
    secret = "PRIVATE-DOCUMENT-TEXT"
    response = api.post("/v1/clean", json={"content": secret, "format": secret})
    assert response.status_code == 422 and secret not in response.text


def test_unknown_route_and_method_are_json(api: Api) -> None:
    assert_error(api.get("/v2/nothing"), 404, "not_found")
    assert_error(api.get("/v1/clean"), 405, "method_not_allowed")


def test_batch_in_order_with_per_document_errors(api: Api) -> None:
    documents: list[Any] = [
        {"id": "ok-text", "content": ARTICLE, "format": "text"},
        {"id": "empty", "content": ""},
        {"id": "bad-format", "content": "x", "format": "pdf"},
        {"content": "no id"},
        "not an object",
        {"id": "ok-html", "content": HTML, "explain": True},
    ]
    response = api.post("/v1/clean/batch", json={"documents": documents})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["id"], r["status"]) for r in results] == [
        ("ok-text", "ok"),
        ("empty", "error"),
        ("bad-format", "error"),
        (None, "error"),
        (None, "error"),
        ("ok-html", "ok"),
    ]
    assert results[0]["result"]["text"] == CLEAN and results[0]["result"]["blocks"] is None
    # The result carries the document's id too, as /v1/clean's answer does.
    assert results[0]["result"]["id"] == "ok-text" and results[5]["result"]["id"] == "ok-html"
    assert results[1]["error"]["code"] == "empty_input"
    assert results[2]["error"]["code"] == "invalid_document" and "format" in results[2]["error"]["message"]
    assert "id" in results[3]["error"]["message"]
    assert results[5]["result"]["format"] == "html" and results[5]["result"]["blocks"]


def test_batch_limits(api: Api) -> None:
    too_many = {"documents": [{"id": str(n), "content": "x"} for n in range(21)]}
    assert_error(api.post("/v1/clean/batch", json=too_many), 413, "too_many_documents")
    assert_error(api.post("/v1/clean/batch", json={"docs": []}), 422, "invalid_request")
    assert api.post("/v1/clean/batch", json={"documents": []}).json() == {"results": []}


def test_openapi_has_an_example_for_every_route(api: Api) -> None:
    schema = api.get("/openapi.json").json()
    assert api.get("/docs").status_code == 200
    clean_body = schema["paths"]["/v1/clean"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/html", "text/plain"} <= set(clean_body)
    assert clean_body["application/json"]["example"]["content"] and clean_body["text/html"]["example"]
    components = schema["components"]["schemas"]
    batch_example = components["BatchRequest"]["examples"][0]
    assert batch_example["documents"] and batch_example["dedup"] == {"collection": "news"}
    assert (
        "dedup" in components["BatchDocument"]["properties"]
        and "dedup" in components["BatchRequest"]["properties"]
    )
    assert "CleanRequest" in components and "BatchDocument" in components
    assert components["CleanResult"]["examples"]
    assert set(schema["paths"]) == {
        "/healthz",
        "/metrics",
        "/v1/clean",
        "/v1/clean/batch",
        "/v1/collections/{name}",
    }


def test_the_docs_page_is_served_whole_by_the_service(api: Api) -> None:
    """/docs works offline: it names no other host, and each of its files is served here."""
    page = api.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "http://" not in page.text and "https://" not in page.text and "//cdn" not in page.text
    assets = re.findall(r'(?:href|src)="([^"]+)"', page.text)
    kinds = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
    assert {Path(asset).suffix for asset in assets} == set(kinds)
    for asset in assets:
        answer = api.get(asset)
        assert answer.status_code == 200 and len(answer.content) > 1000, asset
        assert answer.headers["content-type"].startswith(kinds[Path(asset).suffix])
    assert "SwaggerUIBundle" in api.get("/static/swagger/swagger-ui-bundle.js").text
    assert api.get("/static/swagger/../../app.py").status_code == 404
    assert api.get("/redoc").status_code == 404  # it would load from a CDN: not offered
