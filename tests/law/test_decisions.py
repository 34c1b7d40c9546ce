"""Decisions as správní řád has them: the KÚ's removal (REGISTER_REMOVAL) and pause (SELECTION_PAUSE), the ORP's
refusal (APPLICATION_REFUSAL) and the decision on inclusion (REGISTER_DECISION) carry a number, a date, reasons
(DECISION_REASONS), the legal basis, delivery and a PDF; the appeal period runs from delivery (APPEAL_PERIOD,
DEADLINE_COUNTING); an appeal in time suspends finality, a late one does not (LATE_APPEAL); the appeal is forwarded
within 30 days (APPEAL_FORWARDING); waiver (APPEAL_WAIVER); the appellate outcome takes effect on delivery
(APPEAL_OUTCOME_EFFECT); the decision deadline (DECISION_DEADLINE) and the inspection before a negative decision
(FILE_INSPECTION). Through the screens and the API, for the authority, and refused for the other roles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nrp import law
from nrp.core.workdays import add_working_days
from tests.api.conftest import TokenClient, assert_problem
from tests.applicant_journey import walk
from workflows.applicant_journey import deadlines, services
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    ComplexCase,
    Decision,
    DecisionKind,
    RegisterPause,
    RegisterStatus,
)
from workflows.applicant_journey.services import decision_appeals, decisions
from workflows.applicant_journey.services.inspection import inspection_notice_send, inspection_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(household, guide, ospod_worker, officer, assessor):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    walk.make_final(journey, officer)
    journey.refresh_from_db()
    return journey


@pytest.fixture
def entry(journey):
    return ApplicantRegisterEntry.objects.get(household=journey.household)


TODAY = timezone.localdate


def noticed(journey, officer, days_ago=14):
    sent = TODAY() - timedelta(days=days_ago)
    return inspection_notice_send(journey=journey, actor=officer, sent_on=sent, today=TODAY())


def removal(entry, officer, **over):
    data = {
        "kind": DecisionKind.REMOVAL,
        "issued_on": TODAY(),
        "reasons": "Nový záznam v rejstříku trestů.",
        "delivery_method": "data_box",
        "delivered_on": TODAY(),
        **over,
    }
    return decisions.decision_issue_for_entry(entry=entry, actor=officer, **data)


# --- the inclusion decision is a Decision with a number, delivery and a PDF --------------------------------------
def test_the_decision_on_inclusion_is_a_numbered_delivered_decision_register_decision(journey, officer):
    decision = journey.decisions.get(kind=DecisionKind.INCLUSION)
    assert decision.number.startswith("NRP-KU") and decision.issued_on == walk.DECIDED
    assert decision.legal_basis == "REGISTER_DECISION" and decision.negative is False
    assert decision.delivery_method == "data_box" and decision.delivered_on == walk.DELIVERED
    assert decision.appeal_deadline == deadlines.appeal_deadline(walk.DELIVERED)
    # The flow's finality is mirrored on the decision (FINALITY).
    assert decision.effective_date == journey.effective_date


def test_a_rejection_before_the_inspection_period_has_run_is_refused_file_inspection(
    household, guide, ospod_worker, officer, assessor
):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    notice = journey.inspection_notices.get()
    # The default period: 5 working days after the notice (a regional setting).
    assert notice.respond_by == add_working_days(notice.sent_on, law.default("FILE_INSPECTION"))
    with pytest.raises(services.StepError) as exc:
        services.decision_record(
            journey=journey,
            actor=officer,
            outcome="rejected",
            decision_date=notice.respond_by,
            delivered_on=notice.respond_by,
            reasons="Nedoporučeno.",
            today=notice.respond_by,
        )
    assert exc.value.code == "inspection_period"
    assert notice.respond_by.strftime("%d. %m. %Y") in exc.value.message
    assert not journey.decisions.exists()


def test_the_notice_is_a_message_and_an_e_mail_to_the_applicant_file_inspection(journey, officer, mailoutbox):
    notice = noticed(journey, officer)
    assert journey.messages.filter(body__contains=notice.respond_by.strftime("%d. %m. %Y")).exists()
    applicant_mail = journey.household.members.first().user.email
    assert any(applicant_mail in m.to and "seznámení" in m.subject for m in mailoutbox)


def test_the_orp_refusal_is_a_decision_the_ospod_delivers_application_refusal(
    client, household, guide, ospod_worker, officer
):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    sent = walk.T0 + timedelta(days=8)
    inspection_notice_send(journey=journey, actor=ospod_worker, sent_on=sent, today=sent)
    services.application_check(
        journey=journey,
        actor=ospod_worker,
        outcome="rejected",
        reasons="Bydliště v cizině.",
        today=sent + timedelta(10),
    )
    decision = journey.decisions.get()
    assert decision.kind == DecisionKind.ORP_REFUSAL and decision.legal_basis == "APPLICATION_REFUSAL"
    assert decision.number.startswith("NRP-ORP/") and decision.delivered_on is None
    deliver = reverse("applicant_journey:decision_action", args=[journey.pk, decision.pk, "deliver"])
    data = {"delivery_method": "in_person", "delivered_on": (sent + timedelta(days=11)).isoformat()}
    # The region's officer is not the authority of the ORP's decision.
    client.force_login(officer)
    assert client.post(deliver, data).status_code in (403, 404)
    client.force_login(ospod_worker)
    assert client.post(deliver, data).status_code == 302
    decision.refresh_from_db()
    assert decision.delivery_method == "in_person"


# --- removal through a decision ------------------------------------------------------------------------------------
def test_removal_needs_the_inspection_and_reasons_register_removal(entry, officer, journey):
    with pytest.raises(services.StepError) as exc:
        removal(entry, officer)
    assert exc.value.code == "inspection_missing"
    notice = noticed(journey, officer, days_ago=1)
    with pytest.raises(services.StepError) as exc:
        removal(entry, officer)
    assert exc.value.code == "inspection_period"
    # The applicant inspected the file and made a final statement: the decision may come before the period ends.
    inspection_record(
        notice=notice,
        actor=officer,
        inspected_on=TODAY(),
        inspected_items="Opis z evidence Rejstříku trestů.",
        statement="Nemáme co dodat.",
        statement_final=True,
    )
    with pytest.raises(Exception) as exc:
        removal(entry, officer, reasons=" ")
    assert "reasons" in exc.value.message_dict  # DECISION_REASONS
    decision = removal(entry, officer)
    entry.refresh_from_db()
    # Nothing changes in the register until the decision is final.
    assert entry.status == RegisterStatus.ACTIVE
    assert decision.legal_basis == "REGISTER_REMOVAL" and decision.number


def test_an_appeal_in_time_suspends_the_removal_until_the_ministry_decides_appeal_period(entry, officer, journey):
    noticed(journey, officer, days_ago=40)
    delivered = TODAY() - timedelta(days=25)
    decision = removal(entry, officer, issued_on=delivered, delivered_on=delivered)
    last_day = deadlines.appeal_deadline(delivered)
    decision_appeals.decision_appeal(decision=decision, actor=officer, filed_on=last_day)
    decision.refresh_from_db()
    assert decision.appeal_late is False and decision.suspended_by_appeal
    with pytest.raises(services.StepError) as exc:
        decision_appeals.decision_finalize(decision=decision, actor=officer)
    assert exc.value.code == "appeal_pending"
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE
    # APPEAL_OUTCOME_EFFECT: the upheld removal takes effect on the delivery of the ministry's decision.
    decision_appeals.decision_appeal_outcome(decision=decision, actor=officer, outcome="upheld", delivered_on=TODAY())
    decision.refresh_from_db()
    entry.refresh_from_db()
    assert decision.effective_date == TODAY() and entry.status == RegisterStatus.REMOVED


def test_a_late_appeal_is_recorded_and_forwarded_but_the_removal_becomes_final_late_appeal(entry, officer, journey):
    noticed(journey, officer, days_ago=60)
    delivered = TODAY() - timedelta(days=40)
    decision = removal(entry, officer, issued_on=delivered, delivered_on=delivered)
    late = deadlines.appeal_deadline(delivered) + timedelta(days=2)
    decision_appeals.decision_appeal(decision=decision, actor=officer, filed_on=late)
    decision.refresh_from_db()
    assert decision.appeal_late is True
    # APPEAL_FORWARDING: forwarded within 30 days of the appeal (a tracked deadline).
    assert decision.appeal_forward_by == deadlines.appeal_forwarding_deadline(late)
    assert decisions.forward_overdue(decision, late + timedelta(days=40))
    decision_appeals.decision_forward(decision=decision, actor=officer, forwarded_on=late + timedelta(days=3))
    decision_appeals.decision_finalize(decision=decision, actor=officer)
    decision.refresh_from_db()
    entry.refresh_from_db()
    assert decision.effective_date == deadlines.effective_without_appeal(delivered)
    assert entry.status == RegisterStatus.REMOVED


def test_finality_is_refused_while_the_appeal_period_runs_appeal_period(entry, officer, journey):
    noticed(journey, officer)
    decision = removal(entry, officer)
    with pytest.raises(services.StepError) as exc:
        decision_appeals.decision_finalize(decision=decision, actor=officer)
    assert exc.value.code == "appeal_period"
    assert deadlines.appeal_deadline(TODAY()).strftime("%d. %m. %Y") in exc.value.message


def test_a_pause_by_decision_starts_when_final_and_tells_the_orp_selection_pause(
    entry, officer, journey, mailoutbox, ospod_worker
):
    noticed(journey, officer)
    until = TODAY() + timedelta(days=120)
    decision = decisions.decision_issue_for_entry(
        entry=entry,
        actor=officer,
        kind=DecisionKind.PAUSE,
        issued_on=TODAY(),
        reasons="Šetření podnětu.",
        delivery_method="post",
        delivered_on=TODAY(),
        pause_until=until,
    )
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE
    decision_appeals.decision_waive(decision=decision, actor=officer, waived_on=TODAY())  # APPEAL_WAIVER
    entry.refresh_from_db()
    pause = RegisterPause.objects.get(entry=entry)
    assert entry.status == RegisterStatus.PAUSED
    assert pause.origin == "decision" and pause.decision == decision and pause.until == until
    assert any(ospod_worker.email in m.to for m in mailoutbox)


def test_the_decision_deadline_counts_from_the_filing_without_the_assessment_decision_deadline(
    household, guide, ospod_worker, officer, assessor
):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    journey.refresh_from_db()
    expert_days = (journey.assessment_done_on - journey.handed_over_on).days
    expected = journey.application_filed_on + timedelta(days=30 + expert_days)
    assert decisions.decision_deadline_for(journey) == expected
    ComplexCase.objects.create(journey=journey, reason="Cizinec.", marked_on=TODAY(), marked_by=officer)
    journey = type(journey).objects.get(pk=journey.pk)
    assert decisions.decision_deadline_for(journey) == expected + timedelta(days=30)
    target = decisions.target_for(journey, today=date(2026, 6, 1))
    assert target["from"] == deadlines.add_months(journey.application_filed_on, 6)
    assert target["to"] == deadlines.add_months(journey.application_filed_on, 9)


# --- screens and API --------------------------------------------------------------------------------------------
def test_the_officer_issues_delivers_and_prints_a_removal_on_the_screens_register_removal(
    client, entry, officer, journey
):
    noticed(journey, officer)
    client.force_login(officer)
    url = reverse("applicant_journey:action", args=[journey.pk, "remove"])
    # No reasons: the form says so (DECISION_REASONS) and nothing is issued.
    response = client.post(url, {"issued_on": TODAY().isoformat(), "reasons": ""})
    assert response.status_code == 200 and not Decision.objects.filter(kind="removal").exists()
    response = client.post(url, {"issued_on": TODAY().isoformat(), "reasons": "Nový záznam v rejstříku trestů."})
    assert response.status_code == 302
    decision = Decision.objects.get(kind="removal")
    deliver = reverse("applicant_journey:decision_action", args=[journey.pk, decision.pk, "deliver"])
    response = client.post(deliver, {"delivery_method": "data_box", "delivered_on": TODAY().isoformat()})
    assert response.status_code == 302
    page = client.get(reverse("applicant_journey:decision", args=[journey.pk, decision.pk])).content.decode()
    assert decision.number in page and law.cite("REGISTER_REMOVAL") in page
    assert deadlines.appeal_deadline(TODAY()).strftime("%-d. %-m. %Y") in page
    pdf = client.get(reverse("applicant_journey:decision_pdf", args=[journey.pk, decision.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_case_page_shows_decisions_and_the_portal_the_duty_to_report_change_report(
    client, entry, officer, applicant, journey
):
    client.force_login(officer)
    page = client.get(reverse("applicant_journey:detail", args=[journey.pk])).content.decode()
    assert journey.decisions.get().number in page
    client.force_login(applicant)
    portal = client.get(reverse("applicant_journey:portal")).content.decode()
    assert law.cite("CHANGE_REPORT", "short") in portal and "15" in portal


def test_guides_applicants_and_other_regions_cannot_act_on_a_decision_register_removal(
    client, entry, officer, journey, guide, applicant, other_officer
):
    noticed(journey, officer)
    decision = removal(entry, officer)
    waive = reverse("applicant_journey:decision_action", args=[journey.pk, decision.pk, "waive"])
    remove = reverse("applicant_journey:action", args=[journey.pk, "remove"])
    for user in (guide, applicant):
        client.force_login(user)
        assert client.post(waive, {"waived_on": TODAY().isoformat()}).status_code == 403
        assert client.post(remove, {"issued_on": TODAY().isoformat(), "reasons": "x"}).status_code == 403
    client.force_login(other_officer)
    assert client.post(waive, {"waived_on": TODAY().isoformat()}).status_code == 404
    for user in (guide, applicant, other_officer):
        api = TokenClient(user)
        response = api.post(reverse("api:decision-action", args=[decision.pk, "waive"]), {"waived_on": str(TODAY())})
        assert response.status_code in (403, 404)
    entry.refresh_from_db()
    decision.refresh_from_db()
    assert entry.status == RegisterStatus.ACTIVE and decision.appeal_waived_on is None


def test_the_api_walks_a_removal_from_notice_to_finality_appeal_waiver(entry, officer, journey, applicant):
    api = TokenClient(officer)
    sent = (TODAY() - timedelta(days=14)).isoformat()
    response = api.post(reverse("api:journey-action", args=[journey.pk, "inspection_notice"]), {"sent_on": sent})
    assert response.status_code == 200, response.content
    body = {"issued_on": str(TODAY()), "reasons": "Nový záznam v rejstříku trestů."}
    response = api.post(reverse("api:journey-action", args=[journey.pk, "remove"]), body)
    assert response.status_code == 200, response.content
    decision_id = response.json()["decision"]["id"]
    assert response.json()["decision"]["legal_basis"] == "REGISTER_REMOVAL"
    # Waiving before delivery is refused with a stable code.
    response = api.post(reverse("api:decision-action", args=[decision_id, "waive"]), {"waived_on": str(TODAY())})
    problem = assert_problem(response, 400)
    assert "not_delivered" in str(problem["errors"])
    delivery = {"delivery_method": "data_box", "delivered_on": str(TODAY())}
    response = api.post(reverse("api:decision-action", args=[decision_id, "deliver"]), delivery)
    assert response.status_code == 200
    assert response.json()["appeal_deadline"] == str(deadlines.appeal_deadline(TODAY()))
    response = api.post(reverse("api:decision-action", args=[decision_id, "waive"]), {"waived_on": str(TODAY())})
    assert response.status_code == 200 and response.json()["effective_date"] == str(TODAY())
    entry.refresh_from_db()
    assert entry.status == RegisterStatus.REMOVED
    # The applicant reads their decisions and the PDF; the guide may not issue one through the API.
    own = TokenClient(applicant)
    listed = own.get(reverse("api:journey-decision-list", args=[journey.pk])).json()
    assert {d["kind"] for d in listed} == {"inclusion", "removal"}
    pdf = own.get(reverse("api:decision-pdf", args=[decision_id]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_appeal_against_the_inclusion_is_forwarded_on_its_decision_appeal_forwarding(
    household, guide, ospod_worker, officer, assessor
):
    journey = services.journey_open(household=household, actor=guide, care_types=["ADOPTION"])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    filed = walk.DELIVERED + timedelta(days=5)
    services.finality_record(journey=journey, actor=officer, appeal_filed_on=filed)
    decision = journey.decisions.get(kind=DecisionKind.INCLUSION)
    # The flow's appeal is mirrored on the decision, with its forwarding deadline.
    assert decision.appeal_filed_on == filed and decision.appeal_late is False
    assert decision.appeal_forward_by == deadlines.appeal_forwarding_deadline(filed)
    api = TokenClient(officer)
    # Waiver and finality of the inclusion stay in the flow's task.
    response = api.post(reverse("api:decision-action", args=[decision.pk, "waive"]), {"waived_on": str(filed)})
    assert "in_flow" in str(assert_problem(response, 400)["errors"])
    forwarded = str(filed + timedelta(days=7))
    response = api.post(reverse("api:decision-action", args=[decision.pk, "forward"]), {"forwarded_on": forwarded})
    assert response.status_code == 200 and response.json()["appeal_forwarded_on"] == forwarded
