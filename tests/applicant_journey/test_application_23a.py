"""The application under §23a (APPLICATION_CONTENTS, APPLICATION_ELIGIBILITY), its forwarding to the competent ORP
(FORWARD_TO_COMPETENT), preparation and assessment in another region (PREPARATION, EXPERT_ASSESSMENT,
REPEAT_COURSE_HOURS) and the order of the step dates, through the screens and the API."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from nrp.core.choices import CareType, Role
from tests.api.conftest import TokenClient
from tests.factories import orp, region, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.models import (
    ApplicationForwarding,
    CourseAttendance,
    CourseSession,
    Message,
    PerformedElsewhere,
    RegionCourseSetting,
)
from workflows.applicant_journey.services.application import eligibility
from workflows.applicant_journey.services.elsewhere import course_minimum_for
from workflows.applicant_journey.services.tasks import open_task

from . import walk
from .walk import T0

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])


@pytest.fixture
def filed(journey, guide, ospod_worker):
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    return journey


def member_fields(journey, **over):
    data = {"umpod_offer_consent": "yes", "intercountry_only": "no"}
    for m in journey.household.members.all():
        p = f"m{m.pk}_"
        data.update(
            {
                p + "birth_number": "8001011234",
                p + "born_on": "1980-01-01",
                p + "birth_place": "Brno",
                p + "citizenship": "CZ",
                p + "stay_kind": "citizen",
                p + "habitual_residence_cz": "on",
                p + "preparation_consent_on": "2026-01-12",
            }
        )
    data.update(over)
    return data


# --- APPLICATION_CONTENTS, APPLICATION_ELIGIBILITY ------------------------------------------------------------------


def test_the_applicant_fills_the_23a_data_and_the_orp_sees_why_23a1_is_not_met(client, filed, applicant, ospod_worker):
    """APPLICATION_ELIGIBILITY: a foreigner staying temporarily for 200 days does not meet §23a(1); the reason says
    how long; a permanent-residence permit meets it."""
    jana = filed.household.members.first()
    url = reverse("applicant_journey:application", args=[filed.pk])
    since = (timezone.localdate() - timedelta(days=200)).isoformat()
    data = member_fields(
        filed,
        **{f"m{jana.pk}_citizenship": "UA", f"m{jana.pk}_stay_kind": "temporary", f"m{jana.pk}_stay_since": since},
    )
    client.force_login(applicant)
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    assert "Kdo může žádat" not in page  # the check is the office's, not shown to the family
    client.force_login(ospod_worker)
    page = client.get(url).content.decode()
    assert "nesplněno" in page and "pobývá v ČR přechodně teprve 200 dní" in page and "365" in page
    body = TokenClient(ospod_worker).get(f"/api/v1/journeys/{filed.pk}/application/").json()
    assert body["eligibility"]["met"] is False and body["umpod_offer_consent"] is True
    assert "eligibility" not in TokenClient(applicant).get(f"/api/v1/journeys/{filed.pk}/application/").json()
    data[f"m{jana.pk}_stay_kind"] = "permanent"
    response = TokenClient(ospod_worker).client.put(
        f"/api/v1/journeys/{filed.pk}/application/",
        data,
        content_type="application/json",
        headers={"Authorization": f"Bearer {TokenClient(ospod_worker).secret}"},
    )
    assert response.status_code == 200 and response.json()["eligibility"] == {"met": True, "reasons": []}


def test_no_habitual_residence_in_czechia_is_a_reason(filed, applicant):
    """APPLICATION_ELIGIBILITY: habitual residence in Czechia is required in every case."""
    walk.fill_application(filed)
    person = filed.application_persons.first()
    person.habitual_residence_cz = False
    person.save()
    result = eligibility(filed)
    assert not result.met and f"{person.full_name} nemá obvyklé bydliště v České republice." in result.reasons


def test_a_guide_cannot_fill_the_application_for_the_family(client, filed, guide):
    """APPLICATION_CONTENTS: the family's own declarations (consents); a guide reads, never writes them."""
    client.force_login(guide)
    url = reverse("applicant_journey:application", args=[filed.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, member_fields(filed)).status_code == 403
    program = TokenClient(guide)
    response = program.client.put(
        f"/api/v1/journeys/{filed.pk}/application/",
        member_fields(filed),
        content_type="application/json",
        headers={"Authorization": f"Bearer {program.secret}"},
    )
    assert response.status_code == 403


# --- FORWARD_TO_COMPETENT -------------------------------------------------------------------------------------------


def test_an_application_at_the_wrong_orp_is_forwarded_with_a_notice(client, filed, ospod_worker, mailoutbox):
    """FORWARD_TO_COMPETENT (SŘ §12): not refused: forwarded to the ORP of residence, the open task goes there, the
    applicant gets a message and an e-mail."""
    blansko_worker = user_with_role(Role.OSPOD, email="blansko@test.nrp.example", orp=orp("Blansko"))
    client.force_login(ospod_worker)
    url = reverse("applicant_journey:action", args=[filed.pk, "forward"])
    page = client.get(url).content.decode()
    assert "Pozor" in page and "§ 12" in page
    response = client.post(
        url,
        {"to_orp": orp("Blansko").pk, "forwarded_on": str(timezone.localdate()), "reason": "Trvalý pobyt v Blansku."},
    )
    assert response.status_code == 302
    filed.refresh_from_db()
    assert filed.household.residence_orp == orp("Blansko")
    assert open_task(filed).owner == blansko_worker
    forwarding = ApplicationForwarding.objects.get(journey=filed)
    assert forwarding.from_orp == orp("Brno") and forwarding.to_orp == orp("Blansko")
    notice = Message.objects.get(journey=filed)
    assert "postoupena příslušnému úřadu" in notice.body and "Blansko" in notice.body
    assert len(mailoutbox) == 1 and "Blansko" in mailoutbox[0].body
    # The old ORP no longer reaches the case.
    assert client.get(reverse("applicant_journey:detail", args=[filed.pk])).status_code == 404


def test_forwarding_through_the_api_and_refused_for_other_roles(filed, ospod_worker, applicant, guide, officer):
    """FORWARD_TO_COMPETENT: the OSPOD holding the application forwards it; the family, the guide and the region
    may not; forwarding to the same ORP is refused with a reason."""
    data = {"to_orp": orp("Blansko").pk, "forwarded_on": str(timezone.localdate()), "reason": "Bydliště."}
    for user in (applicant, guide, officer):
        assert TokenClient(user).post(f"/api/v1/journeys/{filed.pk}/forward/", data).status_code == 403
    same = {**data, "to_orp": orp("Brno").pk}
    assert TokenClient(ospod_worker).post(f"/api/v1/journeys/{filed.pk}/forward/", same).status_code == 400
    response = TokenClient(ospod_worker).post(f"/api/v1/journeys/{filed.pk}/forward/", data)
    assert response.status_code == 200 and response.json()["to_orp"] == orp("Blansko").pk


def test_a_complete_application_is_not_forwarded_any_more(filed, ospod_worker):
    """FORWARD_TO_COMPETENT applies to the filing; once complete, a move is a transfer."""
    walk.complete_checklist(filed)
    services.application_check(journey=filed, actor=ospod_worker, outcome="complete", today=T0 + timedelta(days=10))
    data = {"to_orp": orp("Blansko").pk, "forwarded_on": str(timezone.localdate()), "reason": "Bydliště."}
    assert TokenClient(ospod_worker).post(f"/api/v1/journeys/{filed.pk}/forward/", data).status_code == 409


# --- PREPARATION elsewhere, attendance bounds, REPEAT_COURSE_HOURS --------------------------------------------------


def session(region_obj, *, days_ago=1, hours=8):
    return CourseSession.objects.create(
        region=region_obj,
        title="Blok",
        starts_at=timezone.now() - timedelta(days=days_ago),
        hours=Decimal(hours),
    )


def test_attendance_is_bounded_by_the_session_and_never_in_the_future(client, filed, officer):
    """PREPARATION: 24 h on an 8-hour session and a session next week are refused with Czech messages."""
    member = filed.household.members.first()
    url = f"/api/v1/journeys/{filed.pk}/attendance/"
    eight = session(filed.region)
    response = TokenClient(officer).post(url, {"session": eight.pk, "member": member.pk, "hours": "24"})
    assert response.status_code == 400 and "Setkání trvá 8" in response.content.decode()
    future = session(filed.region, days_ago=-7)
    response = TokenClient(officer).post(url, {"session": future.pk, "member": member.pk, "hours": "4"})
    assert response.status_code == 400 and "docházku lze zapsat nejdříve v den setkání" in response.content.decode()
    assert TokenClient(officer).post(url, {"session": eight.pk, "member": member.pk, "hours": "8"}).status_code == 200
    assert CourseAttendance.objects.get(session=eight, member=member).recorded_by == officer


def test_another_region_performs_the_course_and_the_deciding_office_sees_it(client, filed, officer, other_officer, msk):
    """PREPARATION, EXPERT_ASSESSMENT: the deciding office arranges it, the performing region's officer records
    attendance and the assessment on its own screen; the deciding office sees both; before the arrangement the
    other region gets nothing."""
    member = filed.household.members.first()
    msk_session = session(msk)
    url = f"/api/v1/journeys/{filed.pk}/attendance/"
    assert (
        TokenClient(other_officer).post(url, {"session": msk_session.pk, "member": member.pk, "hours": "4"}).status_code
        == 404
    )
    client.force_login(officer)
    arrange = reverse("applicant_journey:action", args=[filed.pk, "elsewhere"])
    assert client.post(arrange, {"performing_region": msk.pk, "course": "on", "assessment": "on"}).status_code == 302
    row = PerformedElsewhere.objects.get(journey=filed)
    client.force_login(other_officer)
    assert str(filed) in client.get(reverse("applicant_journey:elsewhere_list")).content.decode()
    detail = reverse("applicant_journey:elsewhere_detail", args=[row.pk])
    assert (
        client.post(
            detail, {"what": "attendance", "session": msk_session.pk, "member": member.pk, "hours": "6"}
        ).status_code
        == 302
    )
    assessment = {
        "what": "assessment",
        "kind": "psych",
        "member": member.pk,
        "conclusion": "suitable",
        "summary": "Stabilní.",
    }
    assert client.post(detail, assessment).status_code == 302
    assert (
        TokenClient(other_officer).post(url, {"session": msk_session.pk, "member": member.pk, "hours": "5"}).status_code
        == 200
    )
    client.force_login(officer)
    page = client.get(reverse("applicant_journey:detail", args=[filed.pk])).content.decode()
    assert "Moravskoslezský kraj" in page and "Stabilní." in page
    # The deciding office's officer may not record attendance of the other region's session.
    response = TokenClient(officer).post(url, {"session": msk_session.pk, "member": member.pk, "hours": "5"})
    assert response.status_code == 403


def test_a_region_not_arranged_sees_nothing_of_the_family(client, filed, officer, msk):
    """PREPARATION: only the arranged region's officers open the arrangement."""
    row = PerformedElsewhere.objects.create(journey=filed, performing_region=msk, course=True, arranged_by=officer)
    third = user_with_role(Role.OFFICER, email="zlin@test.nrp.example", region=region(141))
    client.force_login(third)
    assert client.get(reverse("applicant_journey:elsewhere_detail", args=[row.pk])).status_code == 403


def test_a_region_sets_a_shorter_course_for_repeat_applicants(filed, applicant):
    """REPEAT_COURSE_HOURS (a regional setting): 16 h instead of 48 h when the family applies again."""
    assert course_minimum_for(filed) == 48
    RegionCourseSetting.objects.create(region=filed.region, repeat_course_hours=16)
    assert course_minimum_for(filed) == 48
    walk.fill_application(filed)
    filed.application_choices.repeat_applicant = True
    filed.application_choices.save()
    assert course_minimum_for(filed) == 16


# --- Dates of the steps ---------------------------------------------------------------------------------------------


def test_step_dates_never_precede_the_steps_before_them(client, journey, guide, ospod_worker):
    """A home visit dated before the application was found complete is refused with the date it may not precede."""
    walk.to_investigation(journey, guide, ospod_worker)
    client.force_login(ospod_worker)
    url = reverse("applicant_journey:task", args=[journey.pk, open_task(journey).pk])
    response = client.post(url, {"visited_on": str(T0 + timedelta(days=8)), "notes": "Byt."})
    assert response.status_code == 200
    assert "Datum nemůže být dřívější než shledání žádosti úplnou (15. 01. 2026)." in response.content.decode()
    response = client.post(url, {"visited_on": str(timezone.localdate() + timedelta(days=1)), "notes": "Byt."})
    assert "Datum nemůže být v budoucnosti." in response.content.decode()


def test_the_file_inspection_may_not_precede_the_course(journey, guide, ospod_worker, officer, assessor):
    """The inspection of the file waits for both the assessment and the course (step dates)."""
    from django.core.exceptions import ValidationError

    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    journey.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.file_inspection_record(
            journey=journey,
            actor=officer,
            offered_on=journey.course_completed_on - timedelta(days=1),
            today=journey.course_completed_on,
        )
    assert "dokončení přípravy" in str(refused.value)
