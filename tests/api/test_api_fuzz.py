"""A property-based fuzz of the API against its own OpenAPI schema (schemathesis): whatever a
caller sends, with an operator's token or as the public, no server error and no answer the
schema does not describe. Bounded: a few endpoints, a few examples each (well under a minute)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import personas
from api.conftest import token_for
from ksd.api.main import api
from pages.test_permission_matrix import World

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]  # fmt: skip
FUZZED = (
    r"^/api/cooperations$|^/api/cooperations/\{pk\}$|/dprd-tracks$|/events$|/assessment$"
    r"|/steps/(draft|sign|answer-offer)$|/dprd/decision$|^/api/regions$"
)


# The schema as the server publishes it at /api/openapi.json, called in-process (WSGI).
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
SCHEMA.app = get_wsgi_application()
OPERATIONS = [
    (method, path)
    for path, methods in api.get_openapi_schema()["paths"].items()
    for method in methods
    if re.search(FUZZED, path)
]


@pytest.fixture
def keep_the_test_connection() -> Iterator[None]:
    """Django's own test client keeps the test's database connection open across requests;
    schemathesis calls the WSGI handler itself, whose request_finished would close it (and
    with it the test's transaction)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def callers(world: World, keep_the_test_connection: None) -> list[dict[str, str]]:
    """The public (no token) and an operator of a party region, who may take the steps."""
    token = token_for(personas.operator_kota_yogyakarta())
    return [{}, {"Authorization": f"Bearer {token}"}]


def test_the_fuzz_covers_reads_and_steps() -> None:
    assert len(OPERATIONS) == 10


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_input_gives_a_server_error_or_breaks_the_schema(
    callers: list[dict[str, str]], mode: GenerationMode
) -> None:
    """One world for all the endpoints (building it is what costs time); each endpoint gets
    its own few examples, well-formed (positive) or not (negative)."""
    for method, path in OPERATIONS:
        operation = SCHEMA[path][method.upper()]

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=10, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def answers_within_the_schema(case: Any) -> None:
            for headers in callers:
                case.call_and_validate(headers=headers, checks=CHECKS)

        answers_within_the_schema()
