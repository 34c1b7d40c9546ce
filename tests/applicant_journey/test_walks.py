"""End-to-end walks of the applicant journey through the real services, on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from nrp.core.choices import CareType, Role
from tests.factories import orp, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.deadlines import appeal_deadline
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    EventKind,
    JourneyStage,
    RegisterStatus,
)
from workflows.applicant_journey.services.assessment_steps import COURSE_HOURS_MISSING
from workflows.applicant_journey.services.inspection import inspection_notice_send
from workflows.applicant_journey.services.tasks import open_task

from . import walk
from .walk import DELIVERED, T0

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])


def test_approval_for_adoption_enters_the_register_on_finality(journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer, age_max=4)
    assert journey.stage == JourneyStage.APPEAL_PERIOD
    assert not ApplicantRegisterEntry.objects.filter(household=journey.household).exists()
    walk.make_final(journey, officer)
    entry = ApplicantRegisterEntry.objects.get(household=journey.household)
    assert entry.status == RegisterStatus.ACTIVE
    assert entry.care_types == [CareType.ADOPTION]
    assert entry.region == journey.region
    # APPLICANT_REGISTER (§23i) + APPEAL_PERIOD (SŘ §83(1)): matchable only from the day after the appeal period.
    assert entry.effective_date == appeal_deadline(DELIVERED) + timedelta(days=1)
    assert entry.effective_date > DELIVERED + timedelta(days=15)
    assert entry.profile.age_max == 4
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.IN_REGISTER
    assert journey.status == PROCESS.DONE
    # Every step kept who did it.
    steps = {e.step: e.actor for e in journey.events.filter(kind=EventKind.STEP)}
    assert steps["information_meeting"] == guide
    assert steps["check_application"] == ospod_worker
    assert steps["expert_assessment"] == assessor
    assert steps["decision"] == officer


def test_short_term_foster_care_needs_the_72_hour_course(journey, guide, ospod_worker, officer, assessor):
    care = (CareType.FOSTER_TEMP,)
    walk.to_assessment(journey, guide, ospod_worker, officer, assessor, care)
    services.expert_assessment_record(
        journey=journey,
        actor=assessor,
        parts=walk.assessment_parts(journey),
        done_on=T0 + timedelta(days=60),
        today=T0 + timedelta(days=60),
    )
    walk.attend_course(journey, 48)
    with pytest.raises(ValidationError) as exc:
        services.preparation_complete(journey=journey, actor=officer, completed_on=T0 + timedelta(days=150))
    assert str(COURSE_HOURS_MISSING).split("%")[0] in str(exc.value) or "72" in str(exc.value)
    assert open_task(journey, "preparation") is not None
    walk.attend_course(journey, 24)  # 72 h in total
    services.preparation_complete(
        journey=journey, actor=officer, completed_on=T0 + timedelta(days=150), today=T0 + timedelta(days=150)
    )
    services.file_inspection_record(
        journey=journey, actor=officer, offered_on=T0 + timedelta(days=155), today=T0 + timedelta(days=160)
    )
    walk.approve(journey, officer, care)
    walk.make_final(journey, officer)
    entry = ApplicantRegisterEntry.objects.get(household=journey.household)
    assert entry.care_types == [CareType.FOSTER_TEMP]


def test_incomplete_application_waits_for_missing_documents(journey, guide, ospod_worker, applicant):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    services.application_check(
        journey=journey, actor=ospod_worker, outcome="incomplete", missing_items=["Výpis z rejstříku trestů (SK)"]
    )
    assert journey.stage == JourneyStage.INCOMPLETE
    task = open_task(journey)
    assert task.flow_task.name == "complete_application"
    assert task.owner == applicant
    assert journey.missing_items == ["Výpis z rejstříku trestů (SK)"]
    # Nobody else can go on meanwhile: the OSPOD has no open step.
    with pytest.raises(services.StepError):
        services.social_investigation_record(
            journey=journey, actor=ospod_worker, visited_on=T0 + timedelta(days=20), notes="x"
        )
    walk.complete_checklist(journey)
    services.application_complete(journey=journey, actor=applicant)
    assert open_task(journey).flow_task.name == "check_application"
    services.application_check(journey=journey, actor=ospod_worker, outcome="complete")
    assert journey.stage == JourneyStage.INVESTIGATION


def test_orp_rejection_is_recorded_with_reasons(journey, guide, ospod_worker):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    with pytest.raises(ValidationError):
        services.application_check(journey=journey, actor=ospod_worker, outcome="rejected", reasons=" ")
    # FILE_INSPECTION: the refusal (a decision) comes only after the applicant's period to respond.
    sent = walk.T0 + timedelta(days=8)
    inspection_notice_send(journey=journey, actor=ospod_worker, sent_on=sent, today=sent)
    services.application_check(
        journey=journey,
        actor=ospod_worker,
        outcome="rejected",
        reasons="Žadatel má obvyklé bydliště v zahraničí (§23a odst. 1).",
        today=sent + timedelta(days=10),
    )
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.REJECTED_ORP
    assert journey.status == PROCESS.DONE
    assert "zahraničí" in journey.orp_rejection_reasons


def test_relatives_foster_care_is_recorded_as_not_mediated(journey, guide, ospod_worker):
    walk.to_application(journey, guide, (CareType.FOSTER,))
    walk.file_application(journey, ospod_worker, (CareType.FOSTER,))
    services.application_check(
        journey=journey, actor=ospod_worker, outcome="not_mediated", reasons="Pěstounská péče prarodičů (§20(3))."
    )
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.NOT_MEDIATED


def test_region_rejection_appeal_and_decision_overturned(journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    services.decision_record(
        journey=journey,
        actor=officer,
        outcome="rejected",
        decision_date=walk.DECIDED,
        delivered_on=DELIVERED,
        reasons="Nedoporučeno psychologem.",
        today=DELIVERED,
    )
    services.finality_record(
        journey=journey,
        actor=officer,
        appeal_filed_on=DELIVERED + timedelta(days=10),
        today=DELIVERED + timedelta(days=11),
    )
    assert journey.stage == JourneyStage.APPEAL
    assert journey.appeal_late is False
    services.appeal_outcome_record(
        journey=journey,
        actor=officer,
        outcome="overturned",
        decided_on=DELIVERED + timedelta(days=60),
        delivered_on=DELIVERED + timedelta(days=65),
        reasons="MPSV rozhodnutí změnilo.",
        today=DELIVERED + timedelta(days=65),
    )
    entry = ApplicantRegisterEntry.objects.get(household=journey.household)
    assert entry.status == RegisterStatus.ACTIVE
    # APPEAL_OUTCOME_EFFECT: final on delivery of the ministry's decision, not on the day it was decided.
    assert entry.effective_date == DELIVERED + timedelta(days=65)
    assert entry.care_types == [CareType.ADOPTION]


def test_rejection_upheld_on_appeal_ends_as_rejected(journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    services.decision_record(
        journey=journey,
        actor=officer,
        outcome="rejected",
        decision_date=walk.DECIDED,
        delivered_on=DELIVERED,
        reasons="Nevyhovující bytové podmínky.",
        today=DELIVERED,
    )
    services.finality_record(
        journey=journey,
        actor=officer,
        appeal_filed_on=DELIVERED + timedelta(days=10),
        today=DELIVERED + timedelta(days=11),
    )
    assert journey.appeal_late is False and journey.stage == JourneyStage.APPEAL
    services.appeal_outcome_record(
        journey=journey,
        actor=officer,
        outcome="upheld",
        decided_on=DELIVERED + timedelta(days=50),
        delivered_on=DELIVERED + timedelta(days=53),
        reasons="Rozhodnutí kraje je správné.",
        today=DELIVERED + timedelta(days=53),
    )
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.REJECTED
    assert not ApplicantRegisterEntry.objects.filter(household=journey.household).exists()


def test_withdrawal_mid_assessment_cancels_the_open_task(journey, guide, ospod_worker, officer, assessor, applicant):
    walk.to_assessment(journey, guide, ospod_worker, officer, assessor)
    task = open_task(journey)
    assert task.flow_task.name == "expert_assessment" and task.owner == assessor
    services.journey_withdraw(journey=journey, actor=applicant, reason="Změna životní situace.")
    journey.refresh_from_db()
    assert journey.stage == JourneyStage.WITHDRAWN
    assert journey.status == PROCESS.CANCELED
    task.refresh_from_db()
    assert task.status == STATUS.CANCELED
    with pytest.raises(services.StepError):
        services.expert_assessment_record(
            journey=journey, actor=assessor, parts=walk.assessment_parts(journey), done_on=T0 + timedelta(days=60)
        )


def register(journey, guide, ospod_worker, officer, assessor):
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    walk.make_final(journey, officer)
    return ApplicantRegisterEntry.objects.get(household=journey.household)


def test_pause_and_resume_in_the_register(journey, guide, ospod_worker, officer, assessor, applicant):
    entry = register(journey, guide, ospod_worker, officer, assessor)
    services.register_entry_pause(entry=entry, actor=officer, reason="Rodina čeká vlastní dítě (§24a).")
    entry.refresh_from_db()
    journey.refresh_from_db()
    assert entry.status == RegisterStatus.PAUSED and journey.stage == JourneyStage.PAUSED
    with pytest.raises(services.StepError):
        services.register_entry_pause(entry=entry, actor=officer, reason="znovu")
    services.register_entry_resume(entry=entry, actor=officer)
    entry.refresh_from_db()
    journey.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE and journey.stage == JourneyStage.IN_REGISTER
    kinds = list(journey.events.values_list("kind", flat=True))
    assert EventKind.PAUSED in kinds and EventKind.RESUMED in kinds


def test_removal_and_placement_change_register_status(journey, guide, ospod_worker, officer, assessor):
    entry = register(journey, guide, ospod_worker, officer, assessor)
    services.register_entry_mark_placed(entry=entry, actor=officer, placed_on=DELIVERED + timedelta(days=200))
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.PLACED
    with pytest.raises(services.StepError):
        services.register_entry_remove(entry=entry, actor=officer, reason="Nový záznam v rejstříku trestů.")


def test_transfer_to_another_region_keeps_history_and_moves_tasks(
    journey, guide, ospod_worker, officer, other_officer, assessor, msk
):
    walk.to_assessment(journey, guide, ospod_worker, officer, assessor)
    services.expert_assessment_record(
        journey=journey,
        actor=assessor,
        parts=walk.assessment_parts(journey),
        done_on=T0 + timedelta(days=60),
        today=T0 + timedelta(days=60),
    )
    before = journey.events.count()
    assert open_task(journey).owner == officer
    services.journey_transfer(journey=journey, actor=officer, new_orp=orp("Ostrava"), reason="Přestěhování.")
    journey.refresh_from_db()
    assert journey.region == msk
    assert journey.household.residence_orp.name == "Ostrava"
    assert journey.events.count() == before + 1  # the whole history moved with the file
    assert open_task(journey).owner == other_officer


def test_transfer_of_a_registered_family_moves_the_register_entry(journey, guide, ospod_worker, officer, assessor, msk):
    entry = register(journey, guide, ospod_worker, officer, assessor)
    services.journey_transfer(journey=journey, actor=officer, new_orp=orp("Ostrava"), reason="Přestěhování.")
    entry.refresh_from_db()
    assert entry.region == msk and entry.status == RegisterStatus.ACTIVE


def test_late_change_of_circumstances_is_flagged(journey, applicant):
    event = services.change_of_circumstances_report(
        journey=journey,
        actor=applicant,
        occurred_on=T0,
        description="Narodilo se nám dítě.",
        today=T0 + timedelta(days=20),
    )
    assert event.data["late"] is True
    on_time = services.change_of_circumstances_report(
        journey=journey, actor=applicant, occurred_on=T0, description="Nové zaměstnání.", today=T0 + timedelta(days=15)
    )
    assert on_time.data["late"] is False


def test_open_tasks_are_assigned_in_scope(journey, guide):
    task = open_task(journey)
    assert task.flow_task.name == "information_meeting"
    assert task.owner == guide
    assert Task.objects.filter(process_id=journey.pk).count() == 2  # start + meeting


def test_ospod_worker_of_another_orp_cannot_act(journey, guide, ospod_worker):
    walk.to_application(journey, guide)
    stranger = user_with_role(Role.OSPOD, orp=orp("Ostrava"))
    with pytest.raises(services.StepError) as exc:
        services.application_file(
            journey=journey,
            actor=stranger,
            filed_on=T0 + timedelta(days=7),
            care_types=[CareType.ADOPTION],
            today=T0 + timedelta(days=7),
        )
    assert exc.value.code == "forbidden"
    from nrp.audit.models import AuditEvent

    assert AuditEvent.objects.filter(actor=stranger, action="denied").exists()


def test_officer_updates_the_acceptance_profile_of_a_registered_family(journey, guide, ospod_worker, officer, assessor):
    entry = register(journey, guide, ospod_worker, officer, assessor)
    services.register_profile_update(entry=entry, actor=officer, profile=walk.profile(age_max=10, max_children=3))
    entry.profile.refresh_from_db()
    assert entry.profile.age_max == 10 and entry.profile.max_children == 3
    event = journey.events.filter(kind=EventKind.PROFILE).get()
    assert "age_max" in event.data["changed"] and event.actor == officer
    with pytest.raises(ValidationError):
        services.register_profile_update(entry=entry, actor=officer, profile=walk.profile(age_min=9, age_max=3))


def test_family_that_withdrew_can_apply_again_and_re_enter_the_register(
    journey, household, guide, ospod_worker, officer, assessor, applicant
):
    entry = register(journey, guide, ospod_worker, officer, assessor)
    services.journey_withdraw(journey=journey, actor=applicant, reason="Pauza na rok.")
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.WITHDRAWN
    again = services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    walk.to_decision(again, guide, ospod_worker, officer, assessor, (CareType.FOSTER,))
    walk.approve(again, officer, (CareType.FOSTER,), age_max=12)
    walk.make_final(again, officer)
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE and entry.care_types == [CareType.FOSTER]
    assert entry.profile.age_max == 12
    assert ApplicantRegisterEntry.objects.filter(household=household).count() == 1
