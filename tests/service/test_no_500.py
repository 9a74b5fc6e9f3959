"""No 500, whatever the bytes say: charset labels that name no charset, lone surrogates, numbers of
thousands of digits, JSON nested past any stack, and what the Accept header asks for, against the
ASGI app and the real server. Each class has many variants; each must end in a clean result or a
4xx JSON error with its code."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import Api
from tests.read.test_decode import LATIN1_PAGE, NOT_CHARSETS
from tests.service.test_service import assert_error

ARTICLE = "Officials said the bridge over the river will reopen in May after repairs to its deck."
HTML_PAGE = f"<html><head><title>Bridge</title></head><body><article><p>{ARTICLE}</p></article></body></html>"


@pytest.mark.parametrize("label", NOT_CHARSETS)
def test_a_charset_label_naming_no_charset_falls_back_to_detection(api: Api, label: str) -> None:
    placements: list[tuple[bytes, dict[str, str]]] = [
        (LATIN1_PAGE, {"content-type": f"text/plain; charset={label}"}),
        (b"<html><body><p>" + LATIN1_PAGE, {"content-type": f'text/html; charset="{label}"'}),
        (b'<html><head><meta charset="' + label.encode() + b'"></head><body><p>' + LATIN1_PAGE + b"</p>", {}),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset='
            + label.encode()
            + b'"><p>'
            + LATIN1_PAGE,
            {"content-type": "text/html"},
        ),
        (b'<?xml version="1.0" encoding="' + label.encode() + b'"?><html><body><p>' + LATIN1_PAGE, {}),
    ]
    for body, headers in placements:
        response = api.post("/v1/clean", content=body, headers=headers)
        assert response.status_code == 200, (label, body[:60], response.text)
        assert "a rouvert lundi" in response.json()["text"]


SURROGATES = ["\\ud800", "\\udfff", "a\\udc00b", "\\ud83d", "x" * 50 + "\\ude00"]


@pytest.mark.parametrize("surrogate", SURROGATES)
def test_a_lone_surrogate_in_an_echoed_field_is_422(api: Api, surrogate: str) -> None:
    for field in ("url", "id"):
        raw = f'{{"content": "{ARTICLE}", "{field}": "{surrogate}"}}'.encode()
        error = assert_error(_json(api, "/v1/clean", raw), 422, "invalid_request")
        assert error["message"].startswith(field) and "surrogate" in error["message"]
    # In the content it is cleaned like an undecodable byte: U+FFFD, and the rest is kept.
    response = _json(api, "/v1/clean", f'{{"content": "{ARTICLE} {surrogate}"}}'.encode())
    assert response.status_code == 200 and ARTICLE in response.json()["text"]


@pytest.mark.parametrize("surrogate", SURROGATES)
def test_a_lone_surrogate_in_a_batch_document_fails_that_document_only(api: Api, surrogate: str) -> None:
    raw = (
        f'{{"documents": [{{"id": "{surrogate}", "content": "{ARTICLE}"}},'
        f' {{"id": "ok-{surrogate}", "url": "https://e.com/{surrogate}", "content": "{ARTICLE}"}},'
        f' {{"id": "good", "content": "{ARTICLE}", "url": "https://example.com/a"}}]}}'
    ).encode()
    response = _json(api, "/v1/clean/batch", raw)
    assert response.status_code == 200, response.text
    first, second, third = response.json()["results"]
    assert first["status"] == second["status"] == "error"
    assert first["error"]["code"] == second["error"]["code"] == "invalid_document"
    assert first["id"] is None and second["id"] is None  # never sent back: not valid Unicode text
    assert third["status"] == "ok" and third["result"]["text"] == ARTICLE


HUGE = [
    "9" * 5000,
    "-" + "1" * 4300,
    "1" * 100_000,
    "9" * 4299 + ".5",
    "1" + "0" * 6000 + ".0",
    "1e400",
    "-1e400",
]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("field", ["content", "url", "id", "explain", "format", "dedup"])
def test_a_huge_number_where_a_string_or_bool_belongs_is_422(api: Api, number: str, field: str) -> None:
    content = "" if field == "content" else f'"content": "{ARTICLE}", '
    raw = f'{{{content}"{field}": {number}}}'.encode()
    error = assert_error(_json(api, "/v1/clean", raw), 422, "invalid_request")
    assert error["message"].startswith(field)
    batch = (
        f'{{"documents": [{{"id": "d", {content}"{field}": {number}}}, {{"id": {number}, "content": "x"}}]}}'
    )
    if field == "id":
        batch = f'{{"documents": [{{{content}"{field}": {number}}}]}}'
    response = _json(api, "/v1/clean/batch", batch.encode())
    assert response.status_code == 200, response.text
    assert all(item["error"]["code"] == "invalid_document" for item in response.json()["results"])
    # A huge number in the batch's own fields is a 422 of the whole request.
    assert_error(_json(api, "/v1/clean/batch", f'{{"documents": {number}}}'.encode()), 422, "invalid_request")


def _nested(depth: int, kind: str) -> str:
    return {
        "array": "[" * depth + "]" * depth,
        "object": '{"a":' * depth + "1" + "}" * depth,
        "unclosed": "[" * depth,
        "mixed": '[{"a":' * (depth // 2) + "1" + "}]" * (depth // 2),
    }[kind]


@pytest.mark.parametrize("kind", ["array", "object", "unclosed", "mixed"])
@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_json_bodies_nested_past_any_stack_are_400(api: Api, kind: str, depth: int) -> None:
    nested = _nested(depth, kind)
    for path, raw in (
        ("/v1/clean", f'{{"content": {nested}}}'),
        ("/v1/clean", f'{{"content": "{ARTICLE}", "dedup": {nested}}}'),
        ("/v1/clean/batch", f'{{"documents": {nested}}}'),
        ("/v1/clean/batch", f'{{"documents": [{{"id": "a", "content": {nested}}}]}}'),
        ("/v1/clean/batch", nested),
    ):
        assert_error(_json(api, path, raw.encode()), 400, "malformed_json")


@pytest.mark.parametrize("kind", ["array", "object", "unclosed", "mixed"])
@pytest.mark.parametrize("depth", [900, 5_000, 50_000])
def test_a_page_with_json_ld_nested_deep_is_cleaned(api: Api, kind: str, depth: int) -> None:
    ld = _nested(depth, kind)
    for script in (ld, '{"@type": "NewsArticle", "author": ' + ld + "}", '{"@graph": [' + ld + "]}"):
        page = f'<html><head><script type="application/ld+json">{script}</script></head>{HTML_PAGE[12:]}'
        for kwargs in (
            {"content": page.encode(), "headers": {"content-type": "text/html"}},
            {"json": {"content": page}},
        ):
            response = api.post("/v1/clean", **kwargs)
            assert response.status_code == 200, response.text
            assert response.json()["text"] == ARTICLE


@pytest.mark.parametrize(
    ("accept", "plain"),
    [
        ("text/plain;q=0, application/json", False),
        ("text/plain; q=0.0, */*", False),
        ("text/plain;q=0.1, application/json;q=0.9", False),
        ("application/json;q=0.5, text/plain", True),
        ("text/plain, application/json", True),
        ("application/json, text/plain", False),
        ("text/*;q=0.8, application/json;q=0.2", True),
        ("text/plain;q=0, text/*", False),  # the most specific range decides text/plain's q
        ("*/*;q=0.1, text/plain", True),
        ("*/*", False),
        ("", False),
        ("text/plain;q=abc", True),
        ("text/plain;q=2, application/json;q=0.5", True),
        ("TEXT/PLAIN;Q=0.9, application/json;q=0.3", True),
        ("image/png", False),
        ("text/plain;q=0", False),
    ],
)
def test_accept_q_values_are_honoured(api: Api, accept: str, plain: bool) -> None:
    response = api.post(
        "/v1/clean", content=ARTICLE.encode(), headers={"content-type": "text/plain", "accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain" if plain else "application/json"), accept
    assert (response.text.strip() == ARTICLE) if plain else (response.json()["text"] == ARTICLE)


def _json(api: Api, path: str, raw: bytes) -> Any:
    return api.post(path, content=raw, headers={"content-type": "application/json"})


def test_the_batch_request_body_keeps_its_schema(api: Api) -> None:
    schema = api.get("/openapi.json").json()
    body = schema["paths"]["/v1/clean/batch"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/BatchRequest"}
    assert json.dumps(schema["components"]["schemas"]["BatchRequest"])
