"""The §24 written notice (SELECTION) with its delivery, and the family's own view of an approach, through the
screens and the API: the window to ask the court runs from delivery (SELECTION_NOTICE_30_DAYS, DELIVERY), its one
extension too (SELECTION_EXTENSION); the automatic next approach only prepares a draft; the family reads and
answers in its portal, checked against the dates; who may act, and who is refused.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from nrp.audit.models import AuditAction, AuditEvent
from tests.api.conftest import assert_problem
from tests.child_mediation.notice_helpers import approach_of, entry_for
from workflows.child_mediation import deadlines, services
from workflows.child_mediation.models import Approach, ApproachStatus
from workflows.child_mediation.models_notices import ApproachAnswer, NoticeStatus
from workflows.child_mediation.services import notices as notice_services

from .conftest import make_entry

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def draft(waiting_case, officer, household):
    """The applicant persona's household approached for the waiting child: a draft notice, nothing sent."""
    return approach_of(waiting_case, officer, [entry_for(household), make_entry()])


def refused(response, code: str) -> None:
    """A 400 problem naming ``code`` (on the request or on one of its fields)."""
    body = assert_problem(response, 400)
    assert code in {body["code"], *(error["code"] for error in body.get("errors", []))}, body


def notice_url(name: str, approach: Approach) -> str:
    return reverse(f"child_mediation:{name}", args=[approach.pk])


def api_url(approach: Approach, tail: str = "") -> str:
    return f"/api/v1/approaches/{approach.pk}/{tail}"


def send_and_deliver(approach: Approach, officer, *, sent: int, delivered: int, channel: str = "post") -> None:
    notice_services.notice_send(
        notice=approach.notice, officer=officer, channel=channel, sent_on=TODAY + timedelta(days=sent)
    )
    approach.notice.refresh_from_db()
    notice_services.notice_record_delivery(
        notice=approach.notice, officer=officer, delivered_on=TODAY + timedelta(days=delivered)
    )
    approach.refresh_from_db()


# --- the officer: a draft, the letter, sending, delivery ------------------------------------------------------------


def test_selection_notice_30_days_window_runs_from_delivery_not_sending_on_the_screens(client, officer, draft):
    client.force_login(officer)
    assert draft.notice.status == NoticeStatus.DRAFT and draft.deadline is None
    page = client.get(notice_url("notice", draft))
    assert page.status_code == 200 and "Zaznamenat odeslání" in page.content.decode()

    letter = client.get(notice_url("notice_pdf", draft))
    assert letter["Content-Type"] == "application/pdf" and letter.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(draft.notice.pk)).exists()

    client.post(notice_url("notice_send", draft), {"channel": "post", "sent_on": days(-10), "reference": "RR1"})
    draft.refresh_from_db()
    draft.notice.refresh_from_db()
    # Sent by post: the window has not started (DELIVERY).
    assert draft.notice.status == NoticeStatus.SENT and draft.notice.sent_by == officer
    assert draft.deadline is None and draft.notified_on is None

    refused = client.post(notice_url("notice_delivery", draft), {"delivered_on": days(-12)})
    assert str(notice_services.DELIVERED_BEFORE_SENT) in refused.content.decode()
    refused = client.post(notice_url("notice_delivery", draft), {"delivered_on": days(1)})
    assert str(notice_services.DELIVERED_IN_FUTURE) in refused.content.decode()

    client.post(notice_url("notice_delivery", draft), {"delivered_on": days(-4)})
    draft.refresh_from_db()
    delivered = TODAY - timedelta(days=4)
    assert draft.notified_on == delivered
    assert draft.deadline == deadlines.court_request_deadline(delivered)
    assert draft.deadline != deadlines.court_request_deadline(TODAY - timedelta(days=10))

    # SELECTION_EXTENSION: the one extension counts from delivery too.
    client.post(reverse("child_mediation:approach_extend", args=[draft.pk]), {"days": "10", "reason": "Nemoc."})
    draft.refresh_from_db()
    assert draft.deadline == deadlines.court_request_deadline(delivered, extended_by=10)


def test_selection_extension_refused_before_delivery(draft, officer):
    with pytest.raises(ValidationError) as refused:
        services.approach_extend(approach=draft, officer=officer, days=10, reason="Nemoc.")
    assert refused.value.code == "notice_not_delivered"


def test_in_person_hand_over_is_delivery_the_same_day_via_api(api, officer, draft):
    response = api(officer).post(api_url(draft, "notice/sending/"), {"channel": "in_person", "sent_on": days(-2)})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "delivered" and body["delivered_on"] == days(-2)
    assert body["deadline"] == deadlines.court_request_deadline(TODAY - timedelta(days=2)).isoformat()
    # Sending twice: the state moved on (409).
    again = api(officer).post(api_url(draft, "notice/sending/"), {"channel": "post", "sent_on": days(0)})
    assert_problem(again, 409, "notice_already_sent")


def test_delivery_api_checks_dates_and_refuses_other_roles(api, officer, other_officer, ospod_worker, guide, draft):
    assert (
        api(officer).post(api_url(draft, "notice/sending/"), {"channel": "data_box", "sent_on": days(-3)}).status_code
        == 200
    )
    assert api(officer).get(api_url(draft, "notice/")).json()["deadline"] is None
    refused(
        api(officer).post(api_url(draft, "notice/delivery/"), {"delivered_on": days(-5)}),
        "notice_delivered_before_sent",
    )
    assert api(ospod_worker).post(api_url(draft, "notice/delivery/"), {"delivered_on": days(-1)}).status_code == 403
    assert api(guide).get(api_url(draft, "notice/")).status_code == 403
    assert api(other_officer).post(api_url(draft, "notice/delivery/"), {"delivered_on": days(-1)}).status_code == 404
    ok = api(officer).post(api_url(draft, "notice/delivery/"), {"delivered_on": days(-1)})
    assert ok.json()["deadline"] == deadlines.court_request_deadline(TODAY - timedelta(days=1)).isoformat()
    letter = api(officer).get(api_url(draft, "notice/letter/"))
    assert letter["Content-Type"] == "application/pdf"


def test_the_letter_cites_its_legal_basis(draft):
    from nrp import law
    from workflows.child_mediation.pdf_notice import notice_html

    html = notice_html(draft.notice)
    for rule_id in ("SELECTION", "SELECTION_NOTICE_30_DAYS", "SELECTION_EXTENSION", "DELIVERY"):
        assert law.cite(rule_id, "full") in html
    assert "NÁVRH" in html  # a draft says so on the letter
    assert "Tajná" not in html and draft.case.children.first().last_name not in html


# --- the automatic next approach: a draft, nothing recorded as sent -------------------------------------------------


def test_selection_automatic_next_approach_prepares_a_draft_nothing_recorded_as_sent(api, officer, waiting_case):
    first, second = make_entry(), make_entry()
    approach = approach_of(waiting_case, officer, [first, second], draft=False, notified_on=TODAY - timedelta(days=3))
    answer = api(officer).post(
        api_url(approach, "answer/"), {"accepted": False, "reason": "Nemají prostor."}, headers={"If-Match": "*"}
    )
    assert answer.status_code == 200, answer.content
    following = Approach.objects.get(case=waiting_case, status=ApproachStatus.OPEN)
    assert following.entry == second
    notice = following.notice
    assert notice.status == NoticeStatus.DRAFT and notice.automatic
    assert notice.prepared_by is None and notice.sent_by is None and notice.sent_on is None
    assert following.notified_on is None and following.deadline is None
    # Nothing lapses that never started.
    assert services.mediation_tick(today=TODAY + timedelta(days=90))["lapsed"] == 0
    following.refresh_from_db()
    assert following.status == ApproachStatus.OPEN
    # The draft waits in the officers' list of notices to send.
    listing = api(officer).get(api_url(following, "notice/")).json()
    assert listing["status"] == "draft" and listing["automatic"] is True


def test_the_officers_list_shows_drafts_to_send(client, officer, other_officer, draft):
    client.force_login(officer)
    page = client.get(reverse("child_mediation:notices")).content.decode()
    assert notice_url("notice", draft) in page
    client.force_login(other_officer)
    assert notice_url("notice", draft) not in client.get(reverse("child_mediation:notices")).content.decode()


# --- the family's portal --------------------------------------------------------------------------------------------


def test_family_sees_its_approach_only_after_sending_and_the_file_after_delivery(client, officer, applicant, draft):
    client.force_login(applicant)
    assert client.get(notice_url("family_approach", draft)).status_code == 404  # a draft has not left the office
    notice_services.notice_send(notice=draft.notice, officer=officer, channel="post", sent_on=TODAY - timedelta(days=2))
    child = draft.case.children.get()
    page = client.get(notice_url("family_approach", draft)).content.decode()
    assert draft.case.reference in page and "poběží ode dne" in page
    assert child.first_name not in page and child.last_name not in page
    assert "Vaše odpověď" in page and 'name="accepted"' not in page  # no answer before delivery

    notice_services.notice_record_delivery(notice=draft.notice, officer=officer, delivered_on=TODAY - timedelta(days=1))
    notice_services.meeting_add(
        approach=draft,
        officer=officer,
        kind="child",
        starts_at=timezone.now() + timedelta(days=3),
        place="Dětský domov Brno",
    )
    page = client.get(notice_url("family_approach", draft)).content.decode()
    # SELECTION: after delivery the family studies the child's file (not the surname or the birth family).
    assert child.first_name in page and child.health_notes in page and child.last_name not in page
    assert "Dětský domov Brno" in page
    assert draft.case.children.first().date_of_birth.strftime("%-d. %-m. %Y") not in page
    assert AuditEvent.objects.filter(
        action=AuditAction.READ, actor=applicant, object_id=str(draft.pk), household=draft.entry.household
    ).exists()
    assert client.get(reverse("child_mediation:family_approaches")).status_code == 200


def test_family_accepts_with_court_and_filing_day_checked_against_the_dates(client, officer, applicant, draft):
    send_and_deliver(draft, officer, sent=-6, delivered=-5)
    client.force_login(applicant)
    url = notice_url("family_approach", draft)
    base = {"accepted": "1", "confirm": "on"}
    page = client.post(url, {**base, "filed_on": days(-1)}).content.decode()
    assert str(notice_services.COURT_REQUIRED) in page
    page = client.post(url, {**base, "court": "Okresní soud Brno", "filed_on": days(1)}).content.decode()
    assert str(notice_services.FILED_IN_FUTURE) in page
    page = client.post(url, {**base, "court": "Okresní soud Brno", "filed_on": days(-6)}).content.decode()
    assert "před doručením" in page
    draft.refresh_from_db()
    assert draft.status == ApproachStatus.OPEN and not ApproachAnswer.objects.exists()

    client.post(url, {**base, "court": "Okresní soud Brno", "filed_on": days(-2)})
    draft.refresh_from_db()
    assert draft.status == ApproachStatus.ACCEPTED and draft.answered_on == TODAY
    answer = ApproachAnswer.objects.get(approach=draft)
    assert answer.by_family and answer.court == "Okresní soud Brno" and answer.filed_on == TODAY - timedelta(days=2)
    # The officer sees the family's answer.
    client.force_login(officer)
    assert "Okresní soud Brno" in client.get(notice_url("notice", draft)).content.decode()


def test_family_answer_after_the_deadline_is_refused_selection_notice_30_days(api, officer, applicant, draft):
    send_and_deliver(draft, officer, sent=-45, delivered=-44)
    assert draft.deadline < TODAY
    response = api(applicant).post(
        f"/api/v1/my/approaches/{draft.pk}/answer/", {"accepted": False, "reason": "Rozmysleli jsme se."}
    )
    refused(response, "answer_after_deadline")


def test_family_declines_in_the_api_and_the_next_family_gets_a_draft(api, officer, applicant, other_household, draft):
    send_and_deliver(draft, officer, sent=-3, delivered=-2)
    mine = api(applicant).get("/api/v1/my/approaches/").json()
    assert [row["id"] for row in mine] == [draft.pk]
    detail = api(applicant).get(f"/api/v1/my/approaches/{draft.pk}/").json()
    assert detail["can_answer"] is True and detail["deadline"] == draft.deadline.isoformat()
    assert detail["children"][0]["first_name"] == draft.case.children.get().first_name
    refused(api(applicant).post(f"/api/v1/my/approaches/{draft.pk}/answer/", {"accepted": True}), "court_required")
    declined = api(applicant).post(
        f"/api/v1/my/approaches/{draft.pk}/answer/", {"accepted": False, "reason": "Nemáme teď sílu."}
    )
    assert declined.status_code == 200, declined.content
    draft.refresh_from_db()
    assert draft.status == ApproachStatus.DECLINED
    following = Approach.objects.get(case=draft.case, status=ApproachStatus.OPEN)
    assert following.notice.status == NoticeStatus.DRAFT and following.notice.automatic
    # Another household's member, and staff, are refused.
    stranger = other_household.members.first().user
    assert api(stranger).get(f"/api/v1/my/approaches/{draft.pk}/").status_code == 404
    assert api(officer).get("/api/v1/my/approaches/").status_code == 403


def test_officer_answer_dated_in_the_future_or_before_delivery_is_refused(api, officer, draft):
    send_and_deliver(draft, officer, sent=-3, delivered=-2)
    url = api_url(draft, "answer/")
    future = {"accepted": False, "reason": "Ne.", "answered_on": days(1)}
    refused(api(officer).post(url, future, headers={"If-Match": "*"}), "answer_in_future")
    early = {"accepted": True, "answered_on": days(-3)}
    refused(api(officer).post(url, early, headers={"If-Match": "*"}), "answer_before_delivery")
    filed = {"accepted": True, "court": "OS Brno", "filed_on": days(-1), "answered_on": days(0)}
    assert api(officer).post(url, filed, headers={"If-Match": "*"}).status_code == 200
    assert ApproachAnswer.objects.get(approach=draft).by_family is False


def test_meetings_arranged_by_the_officer_show_in_the_family_api(api, officer, ospod_worker, applicant, draft):
    send_and_deliver(draft, officer, sent=-1, delivered=-1)
    meeting = {"kind": "file_study", "starts_at": (timezone.now() + timedelta(days=2)).isoformat(), "place": "KÚ"}
    assert api(ospod_worker).post(api_url(draft, "meetings/"), meeting).status_code == 403
    assert api(officer).post(api_url(draft, "meetings/"), meeting).status_code == 201
    detail = api(applicant).get(f"/api/v1/my/approaches/{draft.pk}/").json()
    assert [m["place"] for m in detail["meetings"]] == ["KÚ"]


def test_seed_demo_has_a_delivered_notice_waiting_for_the_familys_answer():
    import random
    from datetime import date

    from nrp.core.demo import DemoContext, seed_people
    from workflows.applicant_journey.demo import seed_journeys
    from workflows.child_mediation.demo import seed_children
    from workflows.child_mediation.demo_notices import seed_approach_notice

    ctx = DemoContext(size="small", rng=random.Random(2026), today=date.today())
    seed_people(ctx)
    seed_journeys(ctx)
    seed_children(ctx)
    seed_approach_notice(ctx)
    seed_approach_notice(ctx)  # idempotent
    waiting = Approach.objects.filter(status=ApproachStatus.OPEN, notice__status=NoticeStatus.DELIVERED)
    assert waiting.count() == 1
    approach = waiting.get()
    assert approach.deadline >= TODAY and not approach.answers.exists() and approach.meetings.exists()
    login = {label: email for label, email, _scope in ctx.logins}["oslovená rodina"]
    assert approach.entry.household.members.filter(email=login).exists()
