"""Schemathesis's stateful phase: sequences of calls that follow the links between operations (a list gives the ids
a detail, an action or a sub-resource takes; a created object is read and acted on), with an officer's and an
applicant's token, against data of their own (a child in the officer's register, the applicant's journey).

Every response must be free of server errors and keep the schema (status code, content type, headers, body).
Bounded by default (``NRP_SCHEMATHESIS_STATEFUL_EXAMPLES`` scenarios of at most ``NRP_SCHEMATHESIS_STATEFUL_STEPS``
calls each); ``make schemathesis`` runs the thorough version.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, settings

from nrp.api.models import ApiToken
from nrp.api.services import api_token_create
from nrp.core.choices import CareType
from tests.api.test_schemathesis import POSITIVE_CHECKS, api_schema, wsgi_app  # noqa: F401 - fixtures
from tests.child_mediation.conftest import make_entry, make_ready, propose
from workflows.applicant_journey import services as journey_services
from workflows.child_mediation import services

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SCENARIOS = int(os.environ.get("NRP_SCHEMATHESIS_STATEFUL_EXAMPLES", "15"))
STEPS = int(os.environ.get("NRP_SCHEMATHESIS_STATEFUL_STEPS", "8"))


@pytest.fixture
def world_of_data(ospod_worker, officer, household, guide, settings, tmp_path):
    """A child waiting in the officer's register (ready for matching), families in the register, the applicant's
    journey with its documents."""
    settings.MEDIA_ROOT = tmp_path / "documents"
    case = services.case_register(
        case=propose(ospod_worker), officer=officer, registered_on=timezone.localdate() - timedelta(days=5)
    )
    make_ready(case, officer)
    for _ in range(2):
        make_entry()
    journey_services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    return case


# The operations each persona works with: the bounded run spends its steps where links can lead somewhere (every
# operation answers the officer; the applicant's are their journey, documents, household, tasks and tokens).
APPLICANT_OPERATIONS = r"^/api/v1/(journeys|documents|document-versions|households|tasks|tokens|me)/"


def run_stateful(api_schema, user, *, paths: str | None = None) -> list[tuple[str, int]]:  # noqa: F811
    """The calls made (operation, status); a failed check raises."""
    calls: list[tuple[str, int]] = []
    issued = api_token_create(user=user, name="schemathesis-stateful", expires_in_days=1)
    headers = {"Authorization": f"Bearer {issued.secret}"}
    machine = (api_schema.include(path_regex=paths) if paths else api_schema).as_state_machine()

    class Workflow(machine):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            # A generated DELETE /tokens/ may revoke the run's own token; every call must run authenticated.
            ApiToken.objects.filter(pk=issued.token.pk).update(revoked_at=None)

        def before_call(self, case) -> None:
            ApiToken.objects.filter(pk=issued.token.pk).update(revoked_at=None)

        def get_call_kwargs(self, case) -> dict:
            return {"headers": headers}

        def after_call(self, response, case) -> None:
            super().after_call(response, case)
            calls.append((case.operation.label, response.status_code))

        def validate_response(self, response, case, additional_checks=None, **kwargs) -> None:
            case.validate_response(response, checks=POSITIVE_CHECKS, headers=headers)

    Workflow.run(
        settings=settings(
            max_examples=SCENARIOS,
            stateful_step_count=STEPS,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
    if os.environ.get("NRP_SCHEMATHESIS_REPORT"):
        from collections import Counter

        print(f"\n{user.email}: {len(calls)} calls", sorted(Counter(calls).items()))
    return calls


def followed_links(calls: list[tuple[str, int]]) -> int:
    """Calls of operations with a path id answered with success: reached through a link's extracted id."""
    return sum(1 for label, status in calls if "{" in label and status < 300)


def test_stateful_phase_for_an_officers_token(api_schema, world_of_data, officer):  # noqa: F811
    calls = run_stateful(api_schema, officer)
    assert followed_links(calls) > 0, "no link was followed: the phase tested nothing stateful"


def test_stateful_phase_for_an_applicants_token(api_schema, world_of_data, applicant):  # noqa: F811
    calls = run_stateful(api_schema, applicant, paths=APPLICANT_OPERATIONS)
    assert followed_links(calls) > 0, "no link was followed: the phase tested nothing stateful"
