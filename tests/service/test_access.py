"""Access: API keys, rate limits (per worker and shared through Redis), CORS, body limits at the door.
Over ASGI, and once end to end over a real server started with the environment variables."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from service.access import AccessMiddleware, key_digest
from service.app import create_app
from service.ratelimit import MemoryRateLimiter
from service.settings import Settings
from tests.conftest import free_port, serve_command, start_server, stop_server
from tests.service.test_hostile import check_answer

KEYS = ("k-alpha-0123456789", "k-beta-9876543210abcdef")
PAGE = {"content": "The council approved the cycling plan on Monday.", "format": "text"}


def _bearer(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def keyed() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(api_keys=frozenset(KEYS), clean_timeout=0))) as client:
        yield client


@pytest.mark.parametrize(
    "headers",
    [
        {},
        _bearer("wrong"),
        _bearer(KEYS[0][:-1]),
        {"authorization": KEYS[0]},
        {"authorization": "Basic eDp5"},
    ],
    ids=["none", "wrong", "a prefix of a key", "no scheme", "basic"],
)
def test_without_a_valid_key_the_api_is_401(keyed: TestClient, headers: dict[str, str]) -> None:
    for method, path in (("POST", "/v1/clean"), ("POST", "/v1/clean/batch"), ("GET", "/metrics")):
        response = keyed.request(method, path, json=PAGE, headers=headers)
        check_answer(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
    assert keyed.delete("/v1/collections/x", headers=headers).status_code == 401


@pytest.mark.parametrize("key", KEYS)
def test_every_key_opens_the_api(keyed: TestClient, key: str) -> None:
    check_answer(keyed.post("/v1/clean", json=PAGE, headers=_bearer(key)), 200)
    check_answer(keyed.post("/v1/clean", json=PAGE, headers={"authorization": f"bearer  {key} "}), 200)


@pytest.mark.parametrize(
    "path",
    ["/healthz", "/", "/static/playground.js", "/docs", "/static/swagger/swagger-ui.css", "/openapi.json"],
)
def test_health_and_pages_without_data_stay_open(keyed: TestClient, path: str) -> None:
    assert keyed.get(path).status_code == 200


def test_the_schema_says_which_routes_need_a_key(keyed: TestClient) -> None:
    schema = keyed.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["apiKey"] == {"type": "http", "scheme": "bearer"}
    assert schema["security"] == [{"apiKey": []}] and schema["paths"]["/healthz"]["get"]["security"] == []


def test_key_comparison_checks_every_key_by_digest() -> None:
    middleware = AccessMiddleware(lambda *_: None, max_body_bytes=10, api_keys=KEYS)  # type: ignore[arg-type]
    assert middleware.digests == tuple(key_digest(key) for key in KEYS)
    sent = f"Bearer {KEYS[1]}".encode()  # the header's bytes, as they came
    assert middleware._identify(sent) == f"key:{key_digest(KEYS[1]).hex()[:32]}"
    assert KEYS[1] not in (middleware._identify(sent) or "")
    assert middleware._identify(sent + b"x") is None and middleware._identify(None) is None


def test_gcra_allows_the_burst_then_the_rate() -> None:
    limiter = MemoryRateLimiter(per_minute=60, burst=3)
    assert [limiter.check("a", 0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.check("a", 0.0) == pytest.approx(1.0)
    assert limiter.check("b", 0.0) == 0.0  # another key has its own bucket
    assert limiter.check("a", 1.0) == 0.0 and limiter.check("a", 1.0) == pytest.approx(1.0)


def _hammer(client: TestClient, count: int, headers: dict[str, str] | None = None) -> list[int]:
    return [client.post("/v1/clean", json=PAGE, headers=headers or {}).status_code for _ in range(count)]


def test_the_rate_limit_is_per_key_with_retry_after() -> None:
    settings = Settings(api_keys=frozenset(KEYS), rate_limit=6, rate_limit_burst=3, clean_timeout=0)
    with TestClient(create_app(settings)) as client:
        assert _hammer(client, 4, _bearer(KEYS[0])) == [200, 200, 200, 429]
        response = client.post("/v1/clean", json=PAGE, headers=_bearer(KEYS[0]))
        check_answer(response, 429, "rate_limited")
        assert 1 <= int(response.headers["retry-after"]) <= 10
        assert _hammer(client, 1, _bearer(KEYS[1])) == [200]  # the other key is not slowed down
        assert client.get("/healthz").status_code == 200  # never limited


def test_the_rate_limit_is_per_client_without_keys() -> None:
    with TestClient(create_app(Settings(rate_limit=60, rate_limit_burst=2, clean_timeout=0))) as client:
        assert _hammer(client, 3) == [200, 200, 429]


def test_with_redis_two_workers_share_one_limit(redis_url: str) -> None:
    settings = Settings(redis_url=redis_url, rate_limit=6, rate_limit_burst=4, clean_timeout=0)
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        assert _hammer(one, 2) + _hammer(two, 2) == [200] * 4
        assert _hammer(one, 1) + _hammer(two, 1) == [429, 429]


def test_without_redis_the_limit_falls_back_to_the_worker() -> None:
    settings = Settings(redis_url="redis://127.0.0.1:1/0", rate_limit=60, rate_limit_burst=2, clean_timeout=0)
    with TestClient(create_app(settings)) as client:
        started = time.monotonic()
        assert _hammer(client, 3) == [200, 200, 429]
        assert time.monotonic() - started < 5  # one failed attempt, then memory for a while


def test_cors_is_off_unless_configured() -> None:
    preflight = {"origin": "https://app.example", "access-control-request-method": "POST"}
    with TestClient(create_app(Settings(clean_timeout=0))) as closed:
        response = closed.post("/v1/clean", json=PAGE, headers={"origin": "https://app.example"})
        assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
        assert "access-control-allow-origin" not in closed.options("/v1/clean", headers=preflight).headers
    settings = Settings(cors_origins=("https://app.example",), api_keys=frozenset(KEYS), clean_timeout=0)
    with TestClient(create_app(settings)) as open_to_one:
        answer = open_to_one.options("/v1/clean", headers=preflight)  # no key: browsers send none
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == "https://app.example"
        assert "authorization" in answer.headers["access-control-allow-headers"].lower()
        denied = open_to_one.post("/v1/clean", json=PAGE, headers={"origin": "https://app.example"})
        assert denied.status_code == 401 and denied.headers["access-control-allow-origin"]
        other = {**preflight, "origin": "https://evil.example"}
        assert "access-control-allow-origin" not in open_to_one.options("/v1/clean", headers=other).headers


def test_keys_limits_and_cors_from_the_environment_on_a_real_server(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "CLEANER_API_KEYS": ",".join(KEYS),
        "CLEANER_RATE_LIMIT": "6",
        "CLEANER_RATE_LIMIT_BURST": "2",
        "CLEANER_CORS_ORIGINS": "https://app.example",
    }
    process, url = start_server(serve_command(port), env, port, tmp_path / "server.log")
    try:
        with httpx.Client(timeout=30) as http:
            check_answer(http.post(f"{url}/v1/clean", json=PAGE), 401, "unauthorized")
            statuses = [http.post(f"{url}/v1/clean", json=PAGE, headers=_bearer(KEYS[0])) for _ in range(3)]
            assert [r.status_code for r in statuses] == [200, 200, 429]
            assert statuses[2].headers["retry-after"]
            response = http.post(
                f"{url}/v1/clean", json=PAGE, headers={**_bearer(KEYS[1]), "origin": "https://app.example"}
            )
            assert response.headers["access-control-allow-origin"] == "https://app.example"
            assert http.get(f"{url}/healthz").status_code == 200
    finally:
        stop_server(process)
    log = (tmp_path / "server.log").read_text()
    assert '"error_code": "unauthorized"' in log and '"error_code": "rate_limited"' in log
    assert KEYS[0] not in log and KEYS[1] not in log  # keys never reach the logs
