"""Through the API too, a child's file out of scope is a 404 problem and a DENIED row in the audit trail."""

from __future__ import annotations

import pytest

from nrp.audit.models import AuditAction, AuditEvent
from tests.api.conftest import assert_problem
from tests.child_mediation.conftest import held_conference, make_entry, propose
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting_case(ospod_worker, officer):
    return services.case_register(case=propose(ospod_worker), officer=officer)


def denied(user, object_type: str, object_id: int):
    return AuditEvent.objects.filter(
        actor=user, action=AuditAction.DENIED, object_type=object_type, object_id=str(object_id), reason="scope"
    )


def test_the_same_through_the_api_is_a_404_problem_with_a_denied_row(api, other_officer, waiting_case):
    assert_problem(api(other_officer).get(f"/api/v1/children/{waiting_case.pk}/"), 404, "not_found")
    row = denied(other_officer, "child_mediation.childcase", waiting_case.pk).get()
    assert row.details == {"channel": "api"}


def test_minutes_of_another_region_through_the_api_are_refused_and_recorded(api, officer, other_officer, waiting_case):
    minutes = held_conference(waiting_case, officer, [make_entry()]).minutes.get()
    assert_problem(api(other_officer).get(f"/api/v1/minutes/{minutes.pk}/"), 404, "not_found")
    assert denied(other_officer, "child_mediation.conferenceminutes", minutes.pk).exists()
