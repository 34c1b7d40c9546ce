"""Out of scope is one answer everywhere: 404 (the child's existence does not leak) and a DENIED row in the audit
trail (a security signal, ids only); the API's side is tests/api/test_children_out_of_scope.py."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nrp.audit.models import AuditAction, AuditEvent
from tests.child_mediation.conftest import held_conference, make_entry

pytestmark = pytest.mark.django_db


def denied(user, object_type: str, object_id: int):
    return AuditEvent.objects.filter(
        actor=user, action=AuditAction.DENIED, object_type=object_type, object_id=str(object_id), reason="scope"
    )


def test_an_officer_of_another_region_opening_a_childs_file_gets_404_and_a_denied_audit_row(
    client, other_officer, waiting_case
):
    client.force_login(other_officer)
    response = client.get(reverse("child_mediation:detail", args=[waiting_case.pk]))
    assert response.status_code == 404
    assert denied(other_officer, "child_mediation.childcase", waiting_case.pk).count() == 1
    # Nothing of the child was read: no READ row for the refused officer.
    assert not AuditEvent.objects.filter(actor=other_officer, action=AuditAction.READ).exists()


def test_a_conference_of_another_region_is_refused_and_recorded(client, officer, other_officer, waiting_case):
    conference = held_conference(waiting_case, officer, [make_entry()])
    client.force_login(other_officer)
    assert client.get(reverse("child_mediation:conference", args=[conference.pk])).status_code == 404
    assert denied(other_officer, "child_mediation.caseconference", conference.pk).exists()


def test_a_role_without_the_register_gets_403_not_a_scope_refusal(client, guide, waiting_case):
    client.force_login(guide)
    assert client.get(reverse("child_mediation:detail", args=[waiting_case.pk])).status_code == 403
    assert not denied(guide, "child_mediation.childcase", waiting_case.pk).exists()
