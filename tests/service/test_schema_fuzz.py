"""schemathesis against the service's own OpenAPI schema, on the real server: zero server errors.

Every operation gets generated requests, valid and invalid (bounded: a fixed number of examples per
operation and mode, derandomized by the CI hypothesis profile of conftest.py), and every answer must
be a success or a client error: never a 5xx, and errors always in the documented JSON shape.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from service.app import create_app
from service.settings import Settings
from tests.conftest import Server

# The schema as the app builds it (no server needed to collect the tests); requests go to the server.
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings()).openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
# Per operation and mode: under 300 requests in CI; HYPOTHESIS_PROFILE=fuzz for a long run by hand.
EXAMPLES = 1000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 40


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("operation", OPERATIONS, ids=[operation.label for operation in OPERATIONS])
def test_no_server_errors(server: Server, operation: Any, mode: GenerationMode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow]
    )
    def call(case: schemathesis.Case) -> None:
        response = case.call(base_url=server.url, timeout=30)
        case.validate_response(response, checks=[not_a_server_error])
        if response.status_code >= 400:
            error = response.json()["error"]
            assert error["code"] and error["message"]
            assert [error["request_id"]] == response.headers["x-request-id"]

    try:
        call()
    except Unsatisfiable:
        pytest.skip(f"{operation.label} takes no input that could be invalid")
