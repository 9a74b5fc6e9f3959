"""Hostile and broken input, as a table, against the ASGI app and the real server (1 MB body limit).

Every row must end in a clean result or a 4xx JSON error with its request id: never a 5xx, a hang
or a dropped connection. Rows say which status (and error code) they expect, and what the clean
text must or must not hold.
"""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLI, Api

LIMIT = 1024 * 1024  # the body limit both test servers run with
ARTICLE = "The council approved the new cycling plan on Monday evening by a large majority."
RANDOM = random.Random(6)


@dataclass(frozen=True)
class Case:
    name: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    params: dict[str, str] = field(default_factory=dict)
    status: int = 200
    code: str | None = None
    has: tuple[str, ...] = ()  # in the clean text
    lacks: tuple[str, ...] = ()  # in the whole answer (body and headers)

    def request(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"headers": self.headers, "params": self.params}
        if self.json is not None:
            kwargs["content"] = self.json if isinstance(self.json, bytes) else json.dumps(self.json).encode()
            kwargs["headers"] = {"content-type": "application/json", **self.headers}
        else:
            kwargs["content"] = self.body
        return kwargs


TEXT = {"content-type": "text/plain"}
HTML = {"content-type": "text/html"}
GZIP = {"content-encoding": "gzip"}
_NESTED_JSON = b'{"content": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"

CASES = [
    # Sizes: nothing, at the limit, just over it, and gzip bombs (limit applies after decompression).
    Case("empty body", b"", TEXT, status=400, code="empty_input"),
    Case("whitespace only", b" \n\t\r\n ", TEXT, status=400, code="empty_input"),
    Case("a BOM and nothing else", b"\xef\xbb\xbf", status=400, code="empty_input"),
    Case("empty JSON content", json={"content": ""}, status=400, code="empty_input"),
    Case("body at the limit", (b"word " * LIMIT)[:LIMIT], TEXT, has=("word word",)),
    Case("body one byte over the limit", b"a" * (LIMIT + 1), TEXT, status=413, code="input_too_large"),
    Case("gzip bomb, declared", gzip.compress(b"a" * 64 * LIMIT), GZIP, status=413, code="input_too_large"),
    Case("gzip bomb, sniffed", gzip.compress(b"<p>" * 30 * LIMIT), status=413, code="input_too_large"),
    Case("gzip at the limit", gzip.compress((b"word " * LIMIT)[:LIMIT]), {**TEXT, **GZIP}, has=("word",)),
    # The transfer encoding, then the file's own gzip: each inflation bounded by the limit.
    Case("gzip of gzip", gzip.compress(gzip.compress(ARTICLE.encode() * 50)), GZIP, has=("council",)),
    Case("gzip of gzip bomb", gzip.compress(gzip.compress(b"a" * 64 * LIMIT)), GZIP, status=413),
    Case("truncated gzip", gzip.compress(ARTICLE.encode() * 50)[:40], GZIP, status=422),
    Case("gzip header, garbage", b"\x1f\x8b" + bytes(200), status=422, code="undecodable_input"),
    Case("deflate, unsupported", zlib.compress(ARTICLE.encode()), {"content-encoding": "br"}, status=415),
    # Structure: depth, long lines, long attributes, many tiny elements.
    Case("100,000 nested divs, unclosed", b"<html><body>" + b"<div>" * 100_000 + b"deep", HTML),
    Case("100,000 nested b, closed", b"<p>" + b"<b>" * 100_000 + b"x" + b"</b>" * 100_000, HTML),
    Case("20,000 nested tables", b"<body>" + b"<table><tr><td>" * 20_000 + b"cell", HTML),
    Case("one line of 1 MB", b"a" * (LIMIT - 16), TEXT),
    Case(
        "one attribute of 1 MB",
        b'<html><body><p class="' + b"x" * (LIMIT - 200) + b'">' + ARTICLE.encode() + b"</p></body></html>",
        HTML,
    ),
    Case("100,000 entities", b"<p>" + b"&amp;" * 100_000 + b"</p>", HTML),
    Case(
        "entity expansion (billion laughs)",
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;'
        b'&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;&c;</p></body></html>',
    ),
    # Bytes that are not (quite) text.
    Case("invalid UTF-8", b"caf\xc3 \xff\xfe broken \xc3\x28 bytes, " * 50 + ARTICLE.encode(), TEXT),
    Case(
        "Latin-1 labelled UTF-8",
        "Grüße aus Köln, die Straße ist gesperrt.".encode("latin-1"),
        {"content-type": "text/plain; charset=utf-8"},
        has=("Grüße aus Köln",),
    ),
    Case(
        "UTF-8 labelled Shift_JIS",
        "Grüße aus Köln, die Straße ist gesperrt.".encode(),
        {"content-type": "text/plain; charset=shift_jis"},
        has=("Grüße aus Köln",),
    ),
    Case("unknown charset label", ARTICLE.encode(), {"content-type": "text/plain; charset=x-nonsense"}),
    Case("broken charset parameter", ARTICLE.encode(), {"content-type": 'text/plain; charset="'}),
    Case("UTF-16 without a BOM", ARTICLE.encode("utf-16-le"), TEXT, status=415, code="binary_input"),
    Case("a few NUL bytes", ARTICLE.encode().replace(b" ", b" \x00", 3), TEXT, has=("council approved",)),
    Case("mostly NUL bytes", b"\x00" * 5000 + ARTICLE.encode(), TEXT, status=415, code="binary_input"),
    Case("control characters", bytes(range(1, 9)) + b"\x0b\x0c\x1b[31m" + ARTICLE.encode() * 5, TEXT),
    Case("mostly control characters", bytes(range(1, 9)) * 20 + ARTICLE.encode(), TEXT, status=415),
    Case("PNG image", b"\x89PNG\r\n\x1a\n" + bytes(RANDOM.randbytes(2000)), status=415, code="binary_input"),
    Case("JPEG image", b"\xff\xd8\xff\xe0" + bytes(RANDOM.randbytes(2000)), HTML, status=415),
    Case("PDF document", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", TEXT, status=415, code="binary_input"),
    Case("ZIP archive", b"PK\x03\x04" + bytes(RANDOM.randbytes(500)), status=415, code="binary_input"),
    Case("ELF executable", b"\x7fELF\x02\x01\x01" + bytes(500), status=415, code="binary_input"),
    Case("random bytes", bytes(RANDOM.randbytes(8192)), status=415, code="binary_input"),
    # Pages with nothing to keep.
    Case("HTML without text", b"<html><head></head><body><div><span></span></div></body></html>", HTML),
    Case("only scripts and styles", b"<html><script>var a=1;</script><style>p{}</style></html>", HTML),
    Case("only comments", b"<!-- one --><!-- two -->", HTML),
    Case(
        "text that is only junk",
        b"Subscribe to continue reading.\nYou've reached your free article limit.\nComments are closed.",
        TEXT,
    ),
    # Scripts and symbols.
    Case("right-to-left with overrides", "\u202eمرحبا بالعالم، هذا نص عربي\u202c\n".encode() * 50, TEXT),
    Case("CJK without spaces", ("日本語の記事の本文です。" * 400).encode(), TEXT, has=("日本語の記事",)),
    Case("emoji and ZWJ sequences", "👩‍👩‍👧‍👦 🎉 news 🏳️‍🌈 ok\n".encode() * 100, TEXT, has=("👩‍👩‍👧‍👦",)),
    Case("lone surrogate in JSON", json=b'{"content": "text \\ud800 more text"}', has=("text \ufffd more",)),
    # JSON and parameters that try to break the answer.
    Case("JSON nested 100,000 deep", json=_NESTED_JSON, status=400, code="malformed_json"),
    Case("JSON content that is a number", json={"content": 5}, status=422, code="invalid_request"),
    Case(
        "an invented field named by a long secret",
        json={"content": ARTICLE, "SECRET-" + "k" * 100_000: 1},
        status=422,
        code="invalid_request",
        lacks=("k" * 100,),
    ),
    Case(
        "CR LF in the id",
        ARTICLE.encode(),
        {**TEXT, "accept": "text/plain"},
        params={"id": "a\r\nSet-Cookie: x=1"},
        status=422,
        code="invalid_request",
        lacks=("Set-Cookie",),
    ),
    Case("non-Latin-1 id", ARTICLE.encode(), {**TEXT, "accept": "text/plain"}, params={"id": "文書-1"}),
    Case("a long URL", ARTICLE.encode(), TEXT, params={"url": "https://e.x/" + "a" * 8000}),
    Case("unknown format", ARTICLE.encode(), params={"format": "pdf"}, status=422, code="invalid_request"),
    Case("bad collection", ARTICLE.encode(), params={"collection": "../x"}, status=422),
]


def _chunks(total: int) -> Iterator[bytes]:
    """A body without Content-Length (chunked), `total` bytes in 64 KiB pieces."""
    for start in range(0, total, 65536):
        yield b"a" * min(65536, total - start)


def check_answer(response: Any, status: int, code: str | None = None) -> None:
    """The shape every answer has: the expected status, a request id, and JSON errors that say why."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers.get("x-request-id")
    if status >= 400:
        error = response.json()["error"]
        assert error["request_id"] == response.headers["x-request-id"] and error["message"]
        assert len(error["message"]) <= 300
        if code:
            assert error["code"] == code


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(api: Api, case: Case) -> None:
    started = time.monotonic()
    response = api.post("/v1/clean", **case.request())
    assert time.monotonic() - started < 30
    check_answer(response, case.status, case.code)
    for fragment in case.lacks:
        assert fragment not in response.text and fragment not in str(response.headers)
    if case.status == 200:
        text = response.text if response.headers["content-type"].startswith("text/plain") else None
        text = text if text is not None else response.json()["text"]
        assert "\x00" not in text
        for fragment in case.has:
            assert fragment in text


def test_a_chunked_body_over_the_limit_is_stopped(api: Api) -> None:
    response = api.post("/v1/clean", content=_chunks(LIMIT + 65536), headers=TEXT)
    check_answer(response, 413, "input_too_large")


def test_a_batch_body_over_the_limit_is_413(api: Api) -> None:
    documents = [{"id": str(n), "content": "x" * (LIMIT // 10)} for n in range(12)]
    check_answer(api.post("/v1/clean/batch", json={"documents": documents}), 413, "input_too_large")


def test_a_hostile_batch_cleans_what_it_can(api: Api) -> None:
    documents = [
        {"id": "nested", "content": "<div>" * 50_000 + "deep"},
        {"id": "junk", "content": "Subscribe to continue reading."},
        {"id": "surrogate", "content": "text \ud800 more"},
        {"id": "empty", "content": " "},
        {"id": "a\nb", "content": ARTICLE},
        {"id": "fine", "content": ARTICLE},
    ]
    body = json.dumps({"documents": documents}).encode()  # \ud800 escaped, as JSON allows
    response = api.post("/v1/clean/batch", content=body, headers={"content-type": "application/json"})
    check_answer(response, 200)
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["ok", "ok", "ok", "error", "error", "ok"]
    assert results[3]["error"]["code"] == "empty_input"
    assert results[4]["error"]["code"] == "invalid_document"
    assert results[5]["result"]["text"] == ARTICLE


@pytest.mark.parametrize(
    "path", ["/static/../../etc/passwd", "/static/%2e%2e%2fsettings.py", "/v1/clean/../x"]
)
def test_paths_that_climb_are_404(api: Api, path: str) -> None:
    response = api.get(path)
    assert response.status_code in {404, 405} and "root:" not in response.text


FILES = {
    # name: (bytes, expected error code or None for a clean result)
    "bomb.html.gz": (gzip.compress(b"<p>" * 8 * LIMIT), "input_too_large"),
    # A file is gunzipped once: the inner bomb stays compressed, binary, and is never inflated.
    "bomb-in-bomb.txt.gz": (gzip.compress(gzip.compress(b"a" * 8 * LIMIT)), "binary_input"),
    "truncated.html.gz": (gzip.compress(ARTICLE.encode() * 20)[:30], "undecodable_input"),
    "page.txt.gz": (gzip.compress(ARTICLE.encode()), None),
    "image.html": (b"\x89PNG\r\n\x1a\n" + bytes(500), "binary_input"),
    "empty.txt": (b"", "empty_input"),
    "nested.html": (b"<html><body>" + b"<div>" * 100_000 + b"deep", None),
    "latin1.txt": ("Grüße aus Köln, die Straße ist gesperrt.".encode("latin-1"), None),
    "nul.txt": (b"\x00" * 3000, "binary_input"),
}


def test_hostile_files_in_a_batch_each_get_their_line(tmp_path: Path) -> None:
    """The CLI's batch face: each file a result or its error code, the limit after decompression."""
    source = tmp_path / "in"
    source.mkdir()
    for name, (content, _) in FILES.items():
        (source / name).write_bytes(content)
    done = subprocess.run(
        [*CLI, "clean", str(source), "-o", str(tmp_path / "out"), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    report = {
        r["path"]: r for r in map(json.loads, (tmp_path / "out" / "report.jsonl").read_text().splitlines())
    }
    assert {path: r["error_code"] for path, r in report.items()} == {
        name: code for name, (_, code) in FILES.items()
    }
    assert (tmp_path / "out" / "page.txt").read_text() == ARTICLE + "\n"


def test_a_gzip_bomb_on_the_command_line_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"a" * 64 * LIMIT))  # 64 MB, over the 10 MB default
    done = subprocess.run([*CLI, "clean", str(tmp_path / "bomb.html.gz")], capture_output=True, text=True)
    assert done.returncode == 1 and "over the limit" in done.stderr and not done.stdout
