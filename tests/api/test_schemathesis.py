"""Property-based run of schemathesis against the generated schema, once per role.

For every operation, schema-valid (positive) and schema-breaking (negative) requests; the API must answer
no 5xx and nothing that breaks the schema (status code, content type, headers, body). Each role runs with
its bearer token; the applicant also runs with a browser session (CSRF included), which may create tokens.
Bounded: ``NRP_SCHEMATHESIS_EXAMPLES`` schema-valid examples per operation (default 10) and half as many
schema-breaking ones, so the whole run stays within a few minutes as endpoints are added.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
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

EXAMPLES = int(os.environ.get("NRP_SCHEMATHESIS_EXAMPLES", "10"))
POSITIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Negative data may legitimately be answered in many ways; it must still be a documented problem, not a 5xx.
NEGATIVE_CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]
PERSONAS = ["applicant", "guide", "ospod_worker", "officer", "other_officer", "assessor", "administrator"]


@pytest.fixture
def wsgi_app():
    """The real WSGI application; like Django's test client, keep the test's connection open between requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    raw = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(raw)
    loaded.app = wsgi_app
    return loaded


def _property_test(operation, mode, checks, *, headers, cookies, before_each):
    @settings(
        max_examples=EXAMPLES if mode is GenerationMode.POSITIVE else max(3, EXAMPLES // 2),
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        if before_each:
            before_each()
        response = case.call(headers=headers, cookies=cookies)
        case.validate_response(response, checks=checks, headers=headers)

    return run


def run_schemathesis(api_schema, *, headers: dict, cookies: dict | None = None, before_each=None) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:
        for mode, checks in ((GenerationMode.POSITIVE, POSITIVE_CHECKS), (GenerationMode.NEGATIVE, NEGATIVE_CHECKS)):
            _property_test(operation, mode, checks, headers=headers, cookies=cookies, before_each=before_each)()


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_keeps_its_schema_for_every_role_token(request, api_schema, persona, household, other_household):
    user = request.getfixturevalue(persona)
    issued = api_token_create(user=user, name="schemathesis", expires_in_days=1)

    def keep_token_usable():
        # A generated DELETE may revoke the test's own token; every example must run authenticated.
        ApiToken.objects.filter(pk=issued.token.pk).update(revoked_at=None)

    run_schemathesis(api_schema, headers={"Authorization": f"Bearer {issued.secret}"}, before_each=keep_token_usable)


def test_api_keeps_its_schema_for_an_applicant_session(api_schema, applicant, household, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token_create": "1000/hour"},
    }
    client = Client()
    client.force_login(applicant)
    csrf = "a" * 32  # a valid CSRF secret: the cookie and the header carry the same value
    cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf}
    run_schemathesis(api_schema, headers={"X-CSRFToken": csrf}, cookies=cookies)
    assert ApiToken.objects.filter(user=applicant).exists(), "the session run created tokens"
