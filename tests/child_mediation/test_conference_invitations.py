"""Conference participants chosen from the case's staff, invited by e-mail with a calendar (ICS) entry."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from nrp.core.choices import Role
from tests.factories import orp, region, user_with_role
from workflows.child_mediation import selectors, services
from workflows.child_mediation.models import CaseConference, ParticipantRole
from workflows.child_mediation.services.conference_invitations import ics

from .conftest import make_entry, ranking_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(jmk, officer, ospod_worker):
    return {
        "officer": officer,
        "ospod": ospod_worker,
        "psych": user_with_role(Role.ASSESSOR, email="psych@test.nrp.example", region=jmk),
        "other_region": user_with_role(Role.OFFICER, email="praha@test.nrp.example", region=region(19)),
        "other_orp": user_with_role(Role.OSPOD, email="znojmo@test.nrp.example", orp=orp("Znojmo")),
        "applicant": user_with_role(Role.APPLICANT, email="rodina@test.nrp.example"),
    }


@pytest.fixture
def prepare_url(waiting_case, monkeypatch):
    ranking = ranking_for(waiting_case, [make_entry() for _ in range(2)])
    monkeypatch.setattr(selectors, "latest_ranking", lambda *, user, case: ranking)
    return reverse("child_mediation:conference_prepare", args=[waiting_case.pk])


def staff_offered(html: str) -> set[int]:
    return {int(v) for v in re.findall(r'name="staff" value="(\d+)"', html)}


def test_only_the_cases_staff_can_be_chosen(client, people, prepare_url):
    client.force_login(people["officer"])
    html = client.get(prepare_url).content.decode()
    assert staff_offered(html) == {people["officer"].pk, people["ospod"].pk, people["psych"].pk}
    assert "(pracovník OSPOD dítěte)" in html and "(psycholog)" in html
    response = client.post(
        prepare_url,
        {
            "scheduled_at": "2026-12-10T09:30",
            "place": "KÚ JMK",
            "shortlist_size": "2",
            "staff": [people["officer"].pk, people["other_region"].pk],
        },
    )
    assert response.status_code == 200
    assert "Vyberte platnou možnost" in response.content.decode()
    assert not CaseConference.objects.exists()


def test_invited_staff_get_an_email_with_a_calendar_entry_without_the_childs_identity(
    client, people, prepare_url, waiting_case, django_capture_on_commit_callbacks
):
    client.force_login(people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            prepare_url,
            {
                "scheduled_at": "2026-12-10T09:30",
                "place": "Krajský úřad, Žerotínovo nám. 3, Brno; zasedačka 2",
                "shortlist_size": "2",
                "staff": [people["officer"].pk, people["ospod"].pk, people["psych"].pk],
                "other_names": "Jana Malá, pěstounka na přechodnou dobu",
            },
        )
    assert response.status_code == 302
    conference = CaseConference.objects.get()
    roles = {(p.role, p.user_id) for p in conference.participants.all()}
    assert roles == {
        (ParticipantRole.OFFICER, people["officer"].pk),
        (ParticipantRole.OSPOD, people["ospod"].pk),
        (ParticipantRole.PSYCHOLOGIST, people["psych"].pk),
        (ParticipantRole.OTHER, None),
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(people[k].email for k in ("officer", "ospod", "psych"))
    message = mail.outbox[0]
    assert waiting_case.reference in message.subject
    assert "10. 12. 2026 v 09:30" in message.body and "zasedačka 2" in message.body
    name, calendar, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "METHOD:REQUEST" in calendar and "DTSTART:20261210T083000Z" in calendar  # 9:30 in Prague, CET
    assert "LOCATION:Krajský úřad\\, Žerotínovo nám. 3\\, Brno\\; zasedačka 2" in calendar.replace("\r\n ", "")
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))
    for child in waiting_case.children.all():
        for text in (message.subject, message.body, calendar):
            assert child.first_name not in text and child.last_name not in text


def test_the_service_refuses_staff_outside_the_case(people, waiting_case):
    with pytest.raises(ValidationError) as exc:
        services.conference_prepare(
            case=waiting_case,
            officer=people["officer"],
            scheduled_at=datetime(2026, 12, 10, 8, 30, tzinfo=UTC),
            shortlist_size=1,
            participants=[],
            ranking=ranking_for(waiting_case, [make_entry()]),
            staff=[people["other_orp"]],
        )
    assert "participant_not_eligible" in str(exc.value.error_dict["staff"][0].code)


def test_ics_without_place_stays_valid(people, waiting_case):
    conference = services.conference_prepare(
        case=waiting_case,
        officer=people["officer"],
        scheduled_at=datetime(2026, 7, 1, 8, 0, tzinfo=UTC),
        shortlist_size=1,
        participants=[("other", "Host")],
        ranking=ranking_for(waiting_case, [make_entry()]),
    )
    calendar = ics(conference)
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20260701T080000Z" in calendar and "DTEND:20260701T100000Z" in calendar
    assert len(mail.outbox) == 0  # nobody chosen from users: nobody e-mailed
