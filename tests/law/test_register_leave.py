"""REGISTER_LEAVE: a family that leaves the register (withdrawal, removal, death, transfer) is never left approached.

Every open or accepted approach of that family is cancelled in the same transaction, the child's officers get a
reminder and an e-mail (case reference only), and the child's mediation approaches the next family of the minutes.
"""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from nrp import law
from tests.applicant_journey import walk
from tests.child_mediation.conftest import held_conference, make_entry, waiting_case  # noqa: F401
from tests.factories import orp
from workflows.applicant_journey import services as journey_services
from workflows.applicant_journey.models import ApplicantRegisterEntry, Decision, RegisterStatus
from workflows.child_mediation import services as mediation_services
from workflows.child_mediation.models import (
    Approach,
    ApproachStatus,
    CaseReminder,
    ChildCaseStatus,
    ReminderKind,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(household, guide, ospod_worker, officer, assessor):
    journey = journey_services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    walk.make_final(journey, officer)
    journey.refresh_from_db()
    return journey


@pytest.fixture
def entry(journey):
    """The family's register entry; its profile takes the waiting child (ages up to 17), so the approach's re-check
    of the hard rules (§24) lets it be approached."""
    entry = ApplicantRegisterEntry.objects.get(household=journey.household)
    entry.profile.age_max = 17
    entry.profile.save(update_fields=["age_max"])
    return entry


@pytest.fixture
def approached(waiting_case, officer, entry):  # noqa: F811
    """The journey's family is first on the signed minutes and has been approached; another family follows."""
    held_conference(waiting_case, officer, [entry, make_entry()])
    approach = mediation_services.approach_start_next(case=waiting_case, officer=officer)
    assert approach.entry == entry
    return approach


def assert_left(approach, mailoutbox, officer, household):
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.CANCELLED
    # The officer reads the kind of exit and the rule, never the family's circumstances.
    assert law.cite("REGISTER_LEAVE", "short") in approach.reason
    assert "rejstřík" not in approach.reason
    case = approach.case
    case.refresh_from_db()
    nxt = Approach.objects.get(case=case, status=ApproachStatus.OPEN)
    assert nxt.entry != approach.entry and case.status == ChildCaseStatus.APPROACHING
    assert CaseReminder.objects.filter(case=case, kind=ReminderKind.FAMILY_LEFT, key=str(approach.pk)).exists()
    mails = [m for m in mailoutbox if officer.email in m.to]
    assert mails and case.reference in mails[0].subject
    assert household.members.first().user.last_name not in mails[0].body


def test_register_leave_removal_cancels_the_approach_and_tells_the_childs_officer(
    approached, entry, officer, mailoutbox, household, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        journey_services.register_entry_remove(entry=entry, actor=officer, reason="Nový záznam v rejstříku trestů.")
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.REMOVED
    assert_left(approached, mailoutbox, officer, household)


def test_register_leave_withdrawal_cancels_even_an_accepted_approach(
    approached, applicant, officer, journey, mailoutbox, household, django_capture_on_commit_callbacks
):
    mediation_services.approach_record_answer(approach=approached, actor=officer, accepted=True)
    with django_capture_on_commit_callbacks(execute=True):
        journey_services.journey_withdraw(journey=journey, actor=applicant, reason="Rozmysleli jsme si to.")
    assert_left(approached, mailoutbox, officer, household)


def test_register_leave_death_of_the_applicant_removes_the_family_and_cancels(
    approached, entry, officer, journey, mailoutbox, household, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        journey_services.register_entry_remove(
            entry=entry, actor=officer, reason="Úmrtí žadatele (oznámení matriky).", cause="death"
        )
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.REMOVED
    assert journey.events.filter(kind="removed", data__cause="death").exists()
    assert_left(approached, mailoutbox, officer, household)


def test_register_leave_move_to_another_region_cancels_the_approach_here(
    approached, officer, journey, mailoutbox, household, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        journey_services.journey_transfer(
            journey=journey, actor=officer, new_orp=orp("Ostrava"), reason="Přestěhování do Ostravy."
        )
    assert_left(approached, mailoutbox, officer, household)


def test_register_leave_happens_in_one_transaction_with_the_removal(approached, entry, officer):
    # If the approaches cannot be cancelled, the family is not removed either: never one without the other.
    with (
        mock.patch("workflows.child_mediation.services.approaches_cancel_for_entry", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        journey_services.register_entry_remove(entry=entry, actor=officer, reason="Nový záznam v rejstříku trestů.")
    entry.refresh_from_db()
    approached.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE
    assert approached.status == ApproachStatus.OPEN


def test_register_leave_through_the_officers_screen(
    client, approached, officer, journey, mailoutbox, household, django_capture_on_commit_callbacks
):
    """Removal is a decision (REGISTER_REMOVAL): after the inspection period, delivered, final on the waiver."""
    client.force_login(officer)
    today = timezone.localdate()
    notice = reverse("applicant_journey:action", args=[journey.pk, "inspection_notice"])
    assert client.post(notice, {"sent_on": (today - timedelta(days=14)).isoformat()}).status_code == 302
    url = reverse("applicant_journey:action", args=[journey.pk, "remove"])
    issued = {"issued_on": today.isoformat(), "delivery_method": "data_box", "delivered_on": today.isoformat()}
    response = client.post(url, {"reasons": "Nový záznam v rejstříku trestů.", **issued})
    assert response.status_code == 302
    decision = Decision.objects.get(journey=journey, kind="removal")
    waive = reverse("applicant_journey:decision_action", args=[journey.pk, decision.pk, "waive"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(waive, {"waived_on": today.isoformat()}).status_code == 302
    assert_left(approached, mailoutbox, officer, household)


def test_register_leave_through_the_applicants_own_withdrawal(
    client, approached, applicant, officer, journey, mailoutbox, household, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    url = reverse("applicant_journey:action", args=[journey.pk, "withdraw"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Rozmysleli jsme si to."})
    assert response.status_code == 302
    assert_left(approached, mailoutbox, officer, household)


def test_a_guide_cannot_remove_a_family_from_the_register(client, approached, guide, journey):
    client.force_login(guide)
    url = reverse("applicant_journey:action", args=[journey.pk, "remove"])
    assert client.post(url, {"reason": "x"}).status_code == 403
    approached.refresh_from_db()
    assert approached.status == ApproachStatus.OPEN
