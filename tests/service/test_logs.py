"""Structured logs and request ids: one JSON object per line, the request id on every line of a
request (event loop and worker threads alike), in the X-Request-ID header and in error bodies, and
never the document's text."""

from __future__ import annotations

import io
import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.logs import REQUEST_ID, JsonFormatter, PlainFormatter, RequestIdFilter, logging_config
from tests.conftest import Api, Server

SECRET = "ZEBRA-CONFIDENTIAL-7731"
DOCUMENT = (
    f"The harbour authority said the {SECRET} ferry will resume its crossings in the spring.\n"
    "You've reached your daily free article limit.\n"
    f"Residents of the island welcomed the news, the {SECRET} mayor said on Tuesday evening."
)


def _record(message: str = "document cleaned", **fields: Any) -> logging.LogRecord:
    record = logging.LogRecord("article_cleaner.clean", logging.INFO, __file__, 1, message, None, None)
    record.__dict__.update(fields)
    RequestIdFilter().filter(record)
    return record


def test_json_lines_carry_time_level_message_request_id_and_fields() -> None:
    token = REQUEST_ID.set("req-1")
    try:
        line = JsonFormatter().format(_record(format="text", chars_in=120, removed={"paywall": 1}))
    finally:
        REQUEST_ID.reset(token)
    entry = json.loads(line)
    assert "\n" not in line
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", entry.pop("time"))
    assert entry == {
        "level": "info",
        "logger": "article_cleaner.clean",
        "message": "document cleaned",
        "request_id": "req-1",
        "format": "text",
        "chars_in": 120,
        "removed": {"paywall": 1},
    }


def test_exceptions_stay_on_one_json_line_and_plain_lines_read_well() -> None:
    try:
        raise ValueError("broken")
    except ValueError:
        record = _record("failed")
        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert entry["request_id"] is None and "ValueError: broken" in entry["exception"]
    plain = PlainFormatter().format(_record("GET / 200", status=200))
    assert re.fullmatch(r"\S+ INFO    \[-\] GET / 200 status=200", plain)


@pytest.mark.parametrize("log_format", ["json", "plain"])
def test_logging_config_is_accepted_by_dictconfig(log_format: Any) -> None:
    config = logging_config(log_format, "info")
    assert config["loggers"]["article_cleaner"]["level"] == "INFO"
    assert config["formatters"]["default"]["()"] is (
        JsonFormatter if log_format == "json" else PlainFormatter
    )


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """The service's own log lines, formatted as the server formats them, while the ASGI app runs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("article_cleaner")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(previous)


def _lines_of(text: str, request_id: str) -> list[dict[str, Any]]:
    entries = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    return [entry for entry in entries if entry.get("request_id") == request_id]


def _check_request_lines(lines: list[dict[str, Any]], path: str, cleaned: int) -> None:
    access = [entry for entry in lines if entry["logger"] == "article_cleaner.access"]
    assert len(access) == 1
    assert access[0]["method"] == "POST" and access[0]["path"] == path and access[0]["status"] == 200
    assert access[0]["duration_ms"] > 0 and access[0]["level"] == "info"
    documents = [entry for entry in lines if entry["message"] == "document cleaned"]
    assert len(documents) == cleaned
    for entry in documents:
        assert entry["format"] == "text" and entry["removed"] == {"paywall": 1}
        assert entry["chars_in"] == len(DOCUMENT) and 0 < entry["chars_out"] < entry["chars_in"]


def test_every_line_of_a_request_has_its_id_in_process(app_client: Any, captured: io.StringIO) -> None:
    app_client.post("/v1/clean", json={"content": DOCUMENT}, headers={"X-Request-ID": "asgi-single"})
    # The batch route is a sync function, run in a worker thread: the id must follow it there.
    batch = {"documents": [{"id": "a", "content": DOCUMENT}, {"id": "b", "content": DOCUMENT}]}
    app_client.post("/v1/clean/batch", json=batch, headers={"X-Request-ID": "asgi-batch"})
    _check_request_lines(_lines_of(captured.getvalue(), "asgi-single"), "/v1/clean", 1)
    _check_request_lines(_lines_of(captured.getvalue(), "asgi-batch"), "/v1/clean/batch", 2)
    assert SECRET not in captured.getvalue()


def _read_until(log: Path, needle: str, timeout: float = 10.0) -> str:
    """The server log once `needle` is in it (the access line is written just after the answer)."""
    deadline = time.monotonic() + timeout
    while needle not in (text := log.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return text


def test_the_real_server_logs_json_lines_without_document_text(server: Server, http: Any) -> None:
    request_id = f"http-{uuid.uuid4().hex[:12]}"
    response = http.post(
        f"{server.url}/v1/clean", json={"content": DOCUMENT}, headers={"X-Request-ID": request_id}
    )
    assert response.headers["x-request-id"] == request_id
    http.post(f"{server.url}/v1/clean", json={"content": SECRET, "format": SECRET})  # a 422
    text = _read_until(server.log, '"path": "/v1/clean", "route": "/v1/clean", "status": 422')
    for line in text.splitlines():
        entry = json.loads(line)  # every line is one JSON object, uvicorn's own lines included
        assert {"time", "level", "message", "request_id"} <= set(entry)
    _check_request_lines(_lines_of(text, request_id), "/v1/clean", 1)
    assert SECRET not in text
    assert '"error_code": "invalid_request"' in text


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [
        ("3f2c9a7e-0d4b-4e8a-9b1c-2a5d6e7f8a9b", True),
        ("client.retry:42_A", True),
        ("x" * 64, True),
        ("x" * 65, False),
        ("has space", False),
        ("<script>alert(1)</script>", False),
        ("ünïcode", False),
    ],
)
def test_request_id_round_trip(api: Api, incoming: str, kept: bool) -> None:
    response = api.get("/v2/nothing", headers={"X-Request-ID": incoming.encode()})
    assert response.status_code == 404
    returned = response.headers["x-request-id"]
    assert response.json()["error"]["request_id"] == returned
    if kept:
        assert returned == incoming
    else:
        assert re.fullmatch(r"[0-9a-f]{32}", returned)


def test_a_request_id_is_made_when_none_is_sent(api: Api) -> None:
    ids = {api.get("/healthz").headers["x-request-id"] for _ in range(3)}
    assert len(ids) == 3 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


FORGERIES = [
    "%0D%0A2026-01-01T00:00:00.000Z INFO    [-] GET /admin 200",
    '%0A{"level": "info", "message": "forged"}',
    "%0Dhidden",
    "%1B%5B2K%1B%5B1Gerased",
    "%E2%80%A8after-line-separator",
    "%C2%85after-next-line",
    "%00nul%07bell%7Fdel",
    "back%5C%5Cn-slash",
]


@pytest.mark.parametrize("forgery", FORGERIES)
def test_plain_lines_escape_control_characters_in_every_field(forgery: str) -> None:
    from urllib.parse import unquote

    path = "/x" + unquote(forgery)
    record = _record("GET %s 404", status=404, path=path, **{"odd\nkey": path})
    record.args = (path,)
    record.msg = "GET %s 404"
    record.request_id = "id\r\nforged"
    line = PlainFormatter().format(record)
    assert "\n" not in line and "\r" not in line and "\u2028" not in line and "\x85" not in line
    assert not re.search("[\x00-\x1f\x7f-\x9f]", line)
    assert line.startswith(line[:24]) and line.split(" ", 2)[1] == "INFO"  # one record, one line


def test_a_real_server_with_plain_logs_writes_one_line_per_record(tmp_path: Path) -> None:
    import httpx

    from tests.conftest import free_port, serve_command, start_server, stop_server

    port = free_port()
    log = tmp_path / "server.log"
    env = {"CLEANER_LOG_FORMAT": "plain", "CLEANER_CLEAN_TIMEOUT": "0"}
    process, url = start_server(serve_command(port), env, port, log)
    try:
        with httpx.Client(timeout=30) as http:
            for forgery in FORGERIES:
                http.get(f"{url}/x{forgery}", headers={"x-request-id": "ok-id"})
                http.post(f"{url}/v1/clean{forgery}", content=b"x")
    finally:
        stop_server(process)
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")
    lines = log.read_text(encoding="utf-8").splitlines()
    access = [line for line in lines if "/x" in line or "/v1/clean" in line]
    assert len(access) >= 2 * len(FORGERIES)
    for line in lines:
        assert stamp.match(line), line  # every line is a record of ours: none forged
