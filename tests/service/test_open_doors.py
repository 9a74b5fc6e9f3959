"""No open doors: no redirect built from request headers, key guessing limited per client before any
key is compared, a key setting that holds no key refuses to start, non-ASCII keys as UTF-8.
Against a real server (raw header bytes, client addresses through X-Forwarded-For) and the ASGI app."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings
from tests.conftest import CLI, free_port, serve_command, start_server, stop_server
from tests.service.test_hostile import check_answer

ASCII_KEY = "k-open-doors-0123456789"
# Keys in several scripts: configured as text, sent as their UTF-8 bytes.
UNICODE_KEYS = ("clé-secrète-été", "ключ-доступа", "鍵のテスト", "🔑-emoji-key", "Schlüßel ü")
FAILURE_LIMIT = 8
PAGE = {"content": "The council approved the cycling plan on Monday.", "format": "text"}


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    env = {
        "CLEANER_API_KEYS": ",".join((ASCII_KEY, *UNICODE_KEYS)),
        "CLEANER_AUTH_FAILURE_LIMIT": str(FAILURE_LIMIT),
        "CLEANER_CLEAN_TIMEOUT": "0",
    }
    log = tmp_path_factory.mktemp("doors") / "server.log"
    process, url = start_server(serve_command(port), env, port, log)
    yield url
    stop_server(process)


def _as(client: str, authorization: bytes | None = None) -> dict[str, bytes | str]:
    """Headers of a request from `client` (uvicorn believes X-Forwarded-For from 127.0.0.1)."""
    headers: dict[str, bytes | str] = {"x-forwarded-for": client}
    if authorization is not None:
        headers["authorization"] = authorization
    return headers


SLASHED = [
    "/v1/clean/",
    "/healthz/",
    "/metrics/",
    "/docs/",
    "/openapi.json/",
    "/v1/clean/batch/",
    "/v1/collections/x/",
]
HOSTS = ["evil.example", "evil.example:8080", "127.0.0.1", "[::1]", "a" * 200]


@pytest.mark.parametrize("path", SLASHED)
def test_no_redirect_is_built_from_the_host_header(keyed_server: str, path: str) -> None:
    with httpx.Client(timeout=30, follow_redirects=False) as http:
        for host in HOSTS:
            for method in ("GET", "POST", "DELETE"):
                headers = {
                    "host": host,
                    "authorization": f"Bearer {ASCII_KEY}",
                    "x-forwarded-host": "evil.example",
                }
                response = http.request(method, keyed_server + path, headers=headers, json=PAGE)
                assert response.status_code in {404, 405}, (path, host, method, response.status_code)
                assert "location" not in response.headers
                assert response.json()["error"]["code"] in {"not_found", "method_not_allowed"}


@pytest.mark.parametrize("path", SLASHED)
def test_no_redirect_without_keys_either(app_client: TestClient, path: str) -> None:
    response = app_client.get(path, headers={"host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 404 and "location" not in response.headers


def test_guessing_keys_is_limited_per_client_before_any_key_matches(keyed_server: str) -> None:
    with httpx.Client(timeout=30) as http:
        guesses = [
            http.post(
                f"{keyed_server}/v1/clean",
                json=PAGE,
                headers=_as("203.0.113.7", f"Bearer guess-{n}".encode()),
            )
            for n in range(120)
        ]
        statuses = [response.status_code for response in guesses]
        assert statuses[:FAILURE_LIMIT] == [401] * FAILURE_LIMIT
        assert set(statuses[FAILURE_LIMIT:]) == {429}, statuses
        assert all(int(r.headers["retry-after"]) >= 1 for r in guesses[FAILURE_LIMIT:])
        # Blocked means blocked: the right key from that address waits too (no oracle for guessers).
        right = http.post(
            f"{keyed_server}/v1/clean", json=PAGE, headers=_as("203.0.113.7", f"Bearer {ASCII_KEY}".encode())
        )
        check_answer(right, 429, "rate_limited")
        # Other clients are not held by it, with a key or without (their own budget of failures).
        other = http.post(
            f"{keyed_server}/v1/clean", json=PAGE, headers=_as("198.51.100.1", f"Bearer {ASCII_KEY}".encode())
        )
        check_answer(other, 200)
        check_answer(
            http.post(f"{keyed_server}/v1/clean", json=PAGE, headers=_as("198.51.100.2")), 401, "unauthorized"
        )
        # Open routes are never held.
        assert http.get(f"{keyed_server}/healthz", headers=_as("203.0.113.7")).status_code == 200


FAILURES = [
    b"Bearer",
    b"Basic eDp5",
    b"Bearer \xff\xfe",
    b"Bearer " + b"a" * 4000,
    b"bearer\tx",
    b"Bearer x y",
    b"Token x",
]


@pytest.mark.parametrize("sent", FAILURES)
def test_every_kind_of_failure_counts(keyed_server: str, sent: bytes) -> None:
    client = f"192.0.2.{FAILURES.index(sent)}"
    with httpx.Client(timeout=30) as http:
        statuses = [
            http.post(f"{keyed_server}/v1/clean", json=PAGE, headers=_as(client, sent)).status_code
            for _ in range(FAILURE_LIMIT + 3)
        ]
    assert statuses == [401] * FAILURE_LIMIT + [429] * 3


@pytest.mark.parametrize("key", UNICODE_KEYS)
def test_a_non_ascii_key_is_its_utf8_bytes(keyed_server: str, key: str) -> None:
    client = f"10.9.{len(key.encode())}.{UNICODE_KEYS.index(key)}"
    with httpx.Client(timeout=30) as http:
        check_answer(
            http.post(
                f"{keyed_server}/v1/clean", json=PAGE, headers=_as(client, b"Bearer " + key.encode("utf-8"))
            ),
            200,
        )
        for wrong in ("latin-1", "cp1252", "cp1251", "shift_jis", "euc-jp"):
            try:
                raw = key.encode(wrong)
            except UnicodeEncodeError:
                continue
            if raw != key.encode("utf-8"):
                check_answer(
                    http.post(f"{keyed_server}/v1/clean", json=PAGE, headers=_as(client, b"Bearer " + raw)),
                    401,
                    "unauthorized",
                )


@pytest.mark.parametrize("value", [" ", ",", ",,,", " , \t, ", "\t", "\u00a0", " ,\u2003"])
def test_a_key_setting_holding_no_key_refuses_to_start(value: str) -> None:
    done = subprocess.run(
        [*CLI, "serve", "--port", str(free_port())],
        env={**os.environ, "CLEANER_API_KEYS": value},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("article-cleaner: CLEANER_API_KEYS: ") and done.stderr.count("\n") == 1
    assert "holds no key" in done.stderr


@pytest.mark.parametrize("value", ["ok,bad\x01key", "tab\tinside"])
def test_a_key_no_header_can_carry_refuses_to_start(value: str) -> None:
    with pytest.raises(ValueError, match="control character"):
        Settings(api_keys=value)


@pytest.mark.parametrize(("value", "keys"), [("", set()), ("a,,b", {"a", "b"}), (" a , b ", {"a", "b"})])
def test_key_settings_that_hold_keys(value: str, keys: set[str]) -> None:
    assert Settings(api_keys=value).api_keys == keys


def test_the_failure_limit_can_be_turned_off() -> None:
    settings = Settings(api_keys=ASCII_KEY, auth_failure_limit=0, clean_timeout=0)
    with TestClient(create_app(settings)) as client:
        statuses = {
            client.post("/v1/clean", json=PAGE, headers={"authorization": "Bearer no"}).status_code
            for _ in range(50)
        }
    assert statuses == {401}


def test_startup_refusal_reaches_a_real_start(tmp_path: Path) -> None:
    """The environment as an operator writes it, with a start that would otherwise succeed."""
    port = free_port()
    with pytest.raises(RuntimeError, match="holds no key"):
        process, _ = start_server(
            serve_command(port), {"CLEANER_API_KEYS": " , "}, port, tmp_path / "log", timeout=120
        )
        stop_server(process)


def test_settings_that_contradict_each_other_refuse_to_start() -> None:
    done = subprocess.run(
        [*CLI, "serve", "--port", str(free_port())],
        env={**os.environ, "CLEANER_MAX_BODY_BYTES": "2000000", "CLEANER_MAX_UNFINISHED_BYTES": "1000000"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(
        "article-cleaner: Value error, CLEANER_MAX_UNFINISHED_BYTES (1000000) is below"
    )
