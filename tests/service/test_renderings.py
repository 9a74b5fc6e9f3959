"""The service's renderings: JSON `output_format`, raw bodies' `?output_format=` and `Accept`
(q-values honoured), over the ASGI app and a real server (`api` runs each test on both)."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from tests.conftest import Api

ARTICLE = (
    "## Harbour reopens\n\n"
    "The harbour reopened on Tuesday after three days of closure, officials said, and the first "
    "ships were unloaded by the afternoon.\n\n"
    "1. Ferries run again from Wednesday morning.\n"
    "2. Cargo berths open on Thursday after the inspection.\n\n"
    "You've reached your free article limit. Subscribe to continue reading.\n"
)
HOSTILE_HTML = (
    "<html><head><title>Harbour</title><script>window.bad=1</script></head><body><article>"
    "<h1>Harbour reopens after the storm</h1>"
    "<p onclick='steal()'>The harbour reopened on Tuesday after three days of closure, officials said, "
    "and the first ships were <a href='javascript:steal()'>unloaded</a> by the afternoon, with "
    "<a href='https://example.org/port'>the port authority</a> confirming the schedule.</p>"
    "<iframe src='https://evil.example/'></iframe><style>p{}</style>"
    "<p>Ferries run again from Wednesday morning, and the cargo berths open on Thursday after the "
    "inspection of the quays by the engineers of the city.</p>"
    "</article></body></html>"
)


def _clean(api: Api, **fields: Any) -> dict[str, Any]:
    response = api.post("/v1/clean", json={"content": ARTICLE, "format": "text", **fields})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_json_default_is_text_only(api: Api) -> None:
    body = _clean(api)
    assert body["markdown"] is None and body["html"] is None and "Subscribe" not in body["text"]


def test_json_markdown_beside_text(api: Api) -> None:
    body = _clean(api, output_format="markdown")
    assert body["text"].startswith("## Harbour reopens")  # text keeps the input's own line
    tokens = [t.type for t in MarkdownIt("commonmark").parse(body["markdown"])]
    assert tokens.count("heading_open") == 1 and tokens.count("list_item_open") == 2
    assert "ordered_list_open" in tokens and "Subscribe" not in body["markdown"] and body["html"] is None


def test_json_html_beside_text(api: Api) -> None:
    body = _clean(api, output_format="html")
    assert body["html"].startswith("<!DOCTYPE html>") and "<ol>" in body["html"] and "<h2>" in body["html"]
    assert body["markdown"] is None


def test_raw_body_output_format_answers_the_rendering_itself(api: Api) -> None:
    response = api.post(
        "/v1/clean?output_format=markdown",
        content=ARTICLE.encode(),
        headers={"Content-Type": "text/plain", "Accept": "*/*"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("## Harbour reopens\n\n") and "X-Document-Id" in response.headers


def test_raw_body_with_accept_json_gets_json_with_the_rendering(api: Api) -> None:
    response = api.post(
        "/v1/clean?output_format=html",
        content=ARTICLE.encode(),
        headers={"Content-Type": "text/plain", "Accept": "application/json"},
    )
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["html"].startswith("<!DOCTYPE html>")


def test_accept_chooses_the_rendering(api: Api) -> None:
    cases = {
        "text/markdown": "text/markdown",
        "text/html": "text/html",
        "text/plain": "text/plain",
        "text/plain;q=0, application/json": "application/json",
        "application/json;q=0.5, text/markdown": "text/markdown",
        "text/html;q=0.2, text/markdown;q=0.9": "text/markdown",
        "text/markdown;q=0, */*": "application/json",
        "text/html;q=bogus, application/json": "text/html",  # a q that is no number counts as 1
        "text/plain;q=0, text/*": "application/json",  # text/* means plain text, here refused
        "text/*;q=0.5, application/json": "application/json",
    }
    for accept, expected in cases.items():
        response = api.post(
            "/v1/clean", content=ARTICLE.encode(), headers={"Content-Type": "text/plain", "Accept": accept}
        )
        assert response.status_code == 200, accept
        assert response.headers["content-type"].startswith(expected), accept


def test_html_rendering_of_a_hostile_page_has_nothing_executable(api: Api) -> None:
    response = api.post(
        "/v1/clean?output_format=html&include_links=true",
        content=HOSTILE_HTML.encode(),
        headers={"Content-Type": "text/html", "Accept": "text/html"},
    )
    assert response.status_code == 200
    html = response.text.lower()
    for bad in ("<script", "<iframe", "<style", "onclick", "javascript:", "steal"):
        assert bad not in html, bad
    assert '<a href="https://example.org/port">' in html


def test_unknown_output_format_is_a_clear_422(api: Api) -> None:
    response = api.post("/v1/clean", json={"content": ARTICLE, "output_format": "pdf"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"
    response = api.post(
        "/v1/clean?output_format=pdf", content=b"text", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 422 and "error" in response.json()


def test_batch_documents_choose_their_rendering(api: Api) -> None:
    documents = [
        {"id": "md", "content": ARTICLE, "format": "text", "output_format": "markdown"},
        {"id": "plain", "content": ARTICLE, "format": "text"},
    ]
    response = api.post("/v1/clean/batch", json={"documents": documents})
    assert response.status_code == 200
    first, second = (item["result"] for item in response.json()["results"])
    assert first["markdown"].startswith("## Harbour reopens") and second["markdown"] is None
