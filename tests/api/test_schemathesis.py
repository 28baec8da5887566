"""Schemathesis explores every operation of the OpenAPI schema with generated requests: no server error."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.django_db(transaction=True)
EXAMPLES = 12


def test_no_operation_answers_with_a_server_error(kazakhstan_mia: Any) -> None:
    from rightstrack.config.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    explored = []
    for result in schema.get_all_operations():
        operation = result.ok()
        explored.append(f"{operation.method.upper()} {operation.path}")

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def no_server_error(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()
    assert len(explored) >= 15, explored
