"""Time-based rules: escalation to the national pool, the 6-month ÚMPOD flag, court decision, §47b, closure."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from nrp.core.choices import CareType, LegalStatus
from workflows.child_mediation import services
from workflows.child_mediation.flows import ChildMediationFlow, process_for_case
from workflows.child_mediation.models import (
    ApproachStatus,
    CaseReminder,
    ChildCaseStatus,
    RegionMediationSettings,
    ReminderKind,
)
from workflows.child_mediation.services import placement as placement_services

from .conftest import child_data, held_conference, make_entry, propose

pytestmark = pytest.mark.django_db

REGISTERED = date(2026, 3, 2)


@pytest.fixture
def registered_case(ospod_worker, officer):
    return services.case_register(case=propose(ospod_worker), officer=officer, registered_on=REGISTERED)


def tick(day: date) -> str:
    out = StringIO()
    call_command("mediation_tick", today=day.isoformat(), stdout=out)
    return out.getvalue()


# --- escalation to the national pool --------------------------------------------------------------------------


def test_escalation_after_default_30_days_without_family(registered_case):
    assert "escalated=0" in tick(REGISTERED + timedelta(days=29))
    assert "escalated=1" in tick(REGISTERED + timedelta(days=30))
    registered_case.refresh_from_db()
    assert registered_case.status == ChildCaseStatus.NATIONAL
    assert registered_case.flags.national_since == REGISTERED + timedelta(days=30)
    assert "escalated=0" in tick(REGISTERED + timedelta(days=31))  # idempotent


def test_escalation_deadline_is_configurable_per_region(registered_case, jmk):
    RegionMediationSettings.objects.create(region=jmk, escalation_days=60)
    assert "escalated=0" in tick(REGISTERED + timedelta(days=45))
    assert "escalated=1" in tick(REGISTERED + timedelta(days=60))


def test_case_with_a_family_approached_is_not_escalated(registered_case, officer):
    held_conference(registered_case, officer, [make_entry()])
    services.approach_start_next(case=registered_case, officer=officer, notified_on=REGISTERED + timedelta(days=10))
    services.approach_extend(
        approach=registered_case.approaches.get(), officer=officer, days=30, reason="x", today=REGISTERED
    )
    tick(REGISTERED + timedelta(days=35))
    registered_case.refresh_from_db()
    assert registered_case.status == ChildCaseStatus.APPROACHING


def test_failed_match_in_national_search_returns_to_the_national_queue(registered_case, officer):
    services.case_escalate_national(case=registered_case, actor=officer, today=REGISTERED + timedelta(days=30))
    held_conference(registered_case, officer, [make_entry()])
    approach = services.approach_start_next(case=registered_case, officer=officer)
    services.approach_record_answer(approach=approach, actor=officer, accepted=False, reason="Daleko.")
    registered_case.refresh_from_db()
    assert registered_case.status == ChildCaseStatus.NATIONAL


# --- 6 months → ÚMPOD ----------------------------------------------------------------------------------------


def test_legally_free_child_6_months_in_register_is_flagged_for_umpod_and_orp_told(registered_case, ospod_worker):
    from workflows.child_mediation.selectors import reminders_for_user

    assert "intercountry=0" in tick(date(2026, 9, 1))
    assert "intercountry=1" in tick(date(2026, 9, 2))
    registered_case.refresh_from_db()
    assert registered_case.flags.intercountry_flagged_on == date(2026, 9, 2)
    reminder = CaseReminder.objects.get(case=registered_case, kind=ReminderKind.INTERCOUNTRY)
    assert reminder.for_ospod
    assert reminder in reminders_for_user(user=ospod_worker)
    assert "intercountry=0" in tick(date(2026, 9, 3))


def test_not_legally_free_child_is_not_offered_abroad(ospod_worker, officer):
    case = propose(ospod_worker, children=[child_data(legal_status=LegalStatus.NOT_FREE)], care_types=[CareType.FOSTER])
    services.case_register(case=case, officer=officer, registered_on=REGISTERED)
    assert "intercountry=0" in tick(date(2026, 12, 1))


def test_child_with_accepted_family_is_not_flagged(registered_case, officer):
    held_conference(registered_case, officer, [make_entry()])
    approach = services.approach_start_next(case=registered_case, officer=officer, notified_on=date(2026, 8, 20))
    services.approach_record_answer(approach=approach, actor=officer, accepted=True, answered_on=date(2026, 8, 25))
    assert "intercountry=0" in tick(date(2026, 9, 10))


# --- court decision -------------------------------------------------------------------------------------------


def accepted(case, officer):
    held_conference(case, officer, [make_entry()])
    approach = services.approach_start_next(case=case, officer=officer)
    services.approach_record_answer(approach=approach, actor=officer, accepted=True)
    return approach


def test_court_decision_needs_an_accepted_family(registered_case, officer):
    with pytest.raises(ValidationError) as exc:
        services.court_decision_record(
            case=registered_case,
            officer=officer,
            care_type=CareType.FOSTER,
            court_decision_date=date(2026, 5, 1),
            effective_date=date(2026, 5, 20),
        )
    assert str(placement_services.NO_ACCEPTED_APPROACH) in exc.value.messages


def test_adoption_records_pre_adoption_care_and_earliest_adoption_date_829(registered_case, officer):
    accepted(registered_case, officer)
    with pytest.raises(ValidationError):
        services.court_decision_record(
            case=registered_case,
            officer=officer,
            care_type=CareType.ADOPTION,
            court_decision_date=date(2026, 5, 1),
            effective_date=date(2026, 5, 20),
        )
    placement = services.court_decision_record(
        case=registered_case,
        officer=officer,
        care_type=CareType.ADOPTION,
        court_decision_date=date(2026, 5, 1),
        effective_date=date(2026, 5, 20),
        pre_adoption_care_start=date(2026, 5, 22),
    )
    assert placement.earliest_adoption_date == date(2026, 11, 22)
    assert placement.agreement_due is None
    placement.approach.entry.refresh_from_db()
    # PLACEMENT_KEEPS_REGISTER (§24a, 2025): the family stays in the register, paused for the placement.
    assert placement.approach.entry.status == "paused"
    registered_case.refresh_from_db()
    assert registered_case.status == ChildCaseStatus.PLACED


def test_foster_placement_reminds_the_47b_agreement_within_30_days(registered_case, officer, ospod_worker):
    accepted(registered_case, officer)
    placement = services.court_decision_record(
        case=registered_case,
        officer=officer,
        care_type=CareType.FOSTER,
        court_decision_date=date(2026, 5, 1),
        effective_date=date(2026, 5, 20),
    )
    assert placement.agreement_due == date(2026, 6, 19)
    assert "agreement_reminders=0" in tick(date(2026, 6, 11))
    assert "agreement_reminders=1" in tick(date(2026, 6, 12))
    assert "agreement_reminders=0" in tick(date(2026, 6, 20))
    reminder = CaseReminder.objects.get(case=registered_case, kind=ReminderKind.AGREEMENT_DUE)
    assert reminder.for_ospod and not reminder.done
    services.foster_agreement_record(placement=placement, officer=officer, signed_on=date(2026, 6, 15))
    reminder.refresh_from_db()
    assert reminder.done


def test_placement_ends_the_process_as_placed(registered_case, officer):
    accepted(registered_case, officer)
    services.court_decision_record(
        case=registered_case,
        officer=officer,
        care_type=CareType.FOSTER,
        court_decision_date=date(2026, 5, 1),
        effective_date=date(2026, 5, 20),
    )
    process = process_for_case(registered_case)
    process.refresh_from_db()
    assert process.finished is not None
    assert process.task_set.filter(flow_task=ChildMediationFlow.placed).exists()


# --- closure ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["returned_home", "adulthood", "other"])
def test_closure_with_reason_cancels_open_approach_and_ends_process(registered_case, officer, reason):
    held_conference(registered_case, officer, [make_entry()])
    approach = services.approach_start_next(case=registered_case, officer=officer)
    services.case_close(case=registered_case, officer=officer, reason=reason, note="Zdůvodnění.")
    approach.refresh_from_db()
    registered_case.refresh_from_db()
    assert approach.status == ApproachStatus.CANCELLED
    assert registered_case.status == ChildCaseStatus.CLOSED
    assert registered_case.flags.closure_reason == reason
    process = process_for_case(registered_case)
    assert process.task_set.filter(flow_task=ChildMediationFlow.closed).exists()


def test_closure_needs_a_note(registered_case, officer):
    from workflows.child_mediation.services.cases import CLOSURE_NEEDS_NOTE

    with pytest.raises(ValidationError) as exc:
        services.case_close(case=registered_case, officer=officer, reason="adulthood", note=" ")
    assert str(CLOSURE_NEEDS_NOTE) in exc.value.messages


def test_closed_case_cannot_be_closed_again(registered_case, officer):
    services.case_close(case=registered_case, officer=officer, reason="adulthood", note="18 let.")
    with pytest.raises(ValidationError):
        services.case_close(case=registered_case, officer=officer, reason="adulthood", note="18 let.")


def test_tick_uses_local_date_by_default(registered_case):
    assert "lapsed=0" in tick(timezone.localdate())


def test_proposed_case_closed_before_entry_ends_the_process(ospod_worker, officer):
    case = propose(ospod_worker)
    services.case_close(case=case, officer=officer, reason="returned_home", note="Návrat k matce.")
    process = process_for_case(case)
    process.refresh_from_db()
    assert process.finished is not None
    assert process.task_set.filter(flow_task=ChildMediationFlow.closed).exists()


def test_orp_is_told_by_email_without_the_childs_name(
    registered_case, ospod_worker, officer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tick(date(2026, 9, 2))
    sent = {m.to[0]: m for m in mailoutbox if "ÚMPOD" in m.subject}
    assert ospod_worker.email in sent and officer.email in sent
    message = sent[ospod_worker.email]
    assert registered_case.reference in message.subject
    assert "Anežka" not in message.body and "Součková" not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        tick(date(2026, 9, 3))
    assert len([m for m in mailoutbox if "ÚMPOD" in m.subject]) == 2  # once per person, not every day


def test_court_decision_for_a_family_no_longer_in_the_register_is_refused(registered_case, officer):
    from workflows.applicant_journey.models import RegisterStatus

    approach = accepted(registered_case, officer)
    approach.entry.status = RegisterStatus.WITHDRAWN
    approach.entry.save(update_fields=["status"])
    with pytest.raises(ValidationError):
        services.court_decision_record(
            case=registered_case,
            officer=officer,
            care_type=CareType.FOSTER,
            court_decision_date=date(2026, 5, 1),
            effective_date=date(2026, 5, 20),
        )
    registered_case.refresh_from_db()
    assert registered_case.status == ChildCaseStatus.APPROACHING
