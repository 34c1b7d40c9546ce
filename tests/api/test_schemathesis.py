"""Property-based run of schemathesis against the generated schema, once per role's token.

Finds no 5xx and no response that breaks the schema (status code, content type, headers, body).
Bounded (``NRP_SCHEMATHESIS_EXAMPLES`` examples per operation, default 15) so that it ends in minutes.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nrp.api.models import ApiToken
from nrp.api.services import api_token_create
from nrp.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXAMPLES = int(os.environ.get("NRP_SCHEMATHESIS_EXAMPLES", "15"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
PERSONAS = ["applicant", "guide", "ospod_worker", "officer", "other_officer", "assessor", "administrator"]


@pytest.fixture
def api_schema():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(raw)
    loaded.app = application
    return loaded


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_keeps_its_schema_for_every_role(request, api_schema, persona, household, other_household):
    user = request.getfixturevalue(persona)
    issued = api_token_create(user=user, name="schemathesis", expires_in_days=1)
    headers = {"Authorization": f"Bearer {issued.secret}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12

    for operation in operations:

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case):
            # A generated DELETE may revoke the test's own token; keep it usable so every example is authenticated.
            ApiToken.objects.filter(pk=issued.token.pk).update(revoked_at=None)
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)

        run()
