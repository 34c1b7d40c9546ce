"""Screens: who sees what (anonymisation, 403/404), the OSPOD proposal, register, conference, minutes, approaches."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nrp.audit.models import AuditAction, AuditEvent
from nrp.core.choices import Role
from tests.factories import orp, user_with_role
from workflows.child_mediation import selectors, services
from workflows.child_mediation.models import (
    Approach,
    ApproachStatus,
    CaseConference,
    ChildCase,
    ChildCaseStatus,
    ConferenceMinutes,
)

from .conftest import held_conference, make_entry, propose, ranking_for

pytestmark = pytest.mark.django_db

CHILD_NAME = "Anežka"
CHILD_SURNAME = "Součková"
BIRTH_DATE_SHOWN = "14. 3. 2019"


@pytest.fixture
def other_ospod():
    return user_with_role(Role.OSPOD, email="ospod.ostrava@test.nrp.example", orp=orp("Ostrava"))


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def assert_no_identity(response):
    body = response.content.decode()
    assert CHILD_NAME not in body
    assert CHILD_SURNAME not in body
    assert BIRTH_DATE_SHOWN not in body


# --- permission table: every role x the register routes --------------------------------------------------------


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("officer", 200),
        ("ospod_worker", 200),
        ("other_officer", 404),
        ("other_ospod", 404),
        ("guide", 403),
        ("assessor", 403),
        ("applicant", 403),
        ("administrator", 403),
    ],
)
def test_case_detail_access_by_role(client, request, waiting_case, persona, expected):
    user = request.getfixturevalue(persona)
    response = get(client, user, reverse("child_mediation:detail", args=[waiting_case.pk]))
    assert response.status_code == expected
    if expected != 200:
        assert_no_identity(response)


@pytest.mark.parametrize(
    "persona, route, expected",
    [
        ("officer", "child_mediation:list", 200),
        ("ospod_worker", "child_mediation:list", 200),
        ("guide", "child_mediation:list", 403),
        ("applicant", "child_mediation:list", 403),
        ("assessor", "child_mediation:list", 403),
        ("ospod_worker", "child_mediation:propose", 200),
        ("officer", "child_mediation:propose", 403),
        ("guide", "child_mediation:propose", 403),
        ("officer", "child_mediation:national", 200),
        ("other_officer", "child_mediation:national", 200),
        ("ospod_worker", "child_mediation:national", 403),
        ("guide", "child_mediation:national", 403),
    ],
)
def test_register_routes_by_role(client, request, persona, route, expected):
    user = request.getfixturevalue(persona)
    assert get(client, user, reverse(route)).status_code == expected


@pytest.mark.parametrize("persona, expected", [("other_officer", 404), ("ospod_worker", 403), ("guide", 403)])
def test_conference_and_pdf_are_for_the_regions_officers_only(
    client, request, waiting_case, officer, persona, expected
):
    conference = held_conference(waiting_case, officer, [make_entry()])
    user = request.getfixturevalue(persona)
    for name in ("child_mediation:conference", "child_mediation:conference_pdf", "child_mediation:minutes"):
        response = get(client, user, reverse(name, args=[conference.pk]))
        assert response.status_code == expected
        assert_no_identity(response)


@pytest.mark.parametrize("persona, expected", [("other_officer", 404), ("ospod_worker", 403), ("guide", 403)])
def test_officer_actions_refused_outside_the_region(client, request, waiting_case, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("child_mediation:escalate", args=[waiting_case.pk]))
    assert response.status_code == expected
    waiting_case.refresh_from_db()
    assert waiting_case.status == ChildCaseStatus.WAITING


# --- identity and anonymisation -------------------------------------------------------------------------------


def test_regional_officer_sees_identity_and_the_read_is_audited(client, officer, waiting_case):
    response = get(client, officer, reverse("child_mediation:detail", args=[waiting_case.pk]))
    body = response.content.decode()
    assert CHILD_NAME in body and BIRTH_DATE_SHOWN in body
    event = AuditEvent.objects.filter(action=AuditAction.READ, object_id=str(waiting_case.pk)).latest("at")
    assert event.actor == officer
    assert CHILD_NAME not in str(event.details) and CHILD_SURNAME not in str(event.details)


def test_childs_ospod_sees_identity_read_only(client, ospod_worker, waiting_case):
    body = get(client, ospod_worker, reverse("child_mediation:detail", args=[waiting_case.pk])).content.decode()
    assert CHILD_NAME in body
    assert reverse("child_mediation:escalate", args=[waiting_case.pk]) not in body
    assert reverse("child_mediation:close", args=[waiting_case.pk]) not in body


def test_other_region_officer_sees_national_case_only_anonymised(client, officer, other_officer, waiting_case):
    services.case_escalate_national(case=waiting_case, actor=officer)
    response = get(client, other_officer, reverse("child_mediation:detail", args=[waiting_case.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert waiting_case.reference in body
    assert "Brno" not in body  # no exact places
    assert "pejska" not in body  # the child's own words stay in the region
    assert_no_identity(response)
    national = get(client, other_officer, reverse("child_mediation:national"))
    assert waiting_case.reference in national.content.decode()
    assert_no_identity(national)


def test_register_list_shows_no_names_and_other_region_sees_nothing(client, officer, other_officer, waiting_case):
    mine = get(client, officer, reverse("child_mediation:list"))
    assert waiting_case.reference in mine.content.decode()
    assert_no_identity(mine)
    theirs = get(client, other_officer, reverse("child_mediation:list"))
    assert waiting_case.reference not in theirs.content.decode()


def test_anonymised_profile_has_ages_not_birth_dates(waiting_case):
    profile = selectors.anonymised_profile(waiting_case, today=waiting_case.registered_on)
    text = repr(profile)
    assert CHILD_NAME not in text and "2019-03-14" not in text and "Brno" not in text
    assert profile.children[0].age == 7


def test_home_panels_for_officer_and_ospod(client, officer, ospod_worker, waiting_case):
    assert "Evidence dětí" in get(client, officer, reverse("home")).content.decode()
    assert "Děti navržené do evidence" in get(client, ospod_worker, reverse("home")).content.decode()


# --- OSPOD proposes, officer registers -------------------------------------------------------------------------


def proposal_post(n_children: int = 2, **overrides) -> dict:
    data = {
        "orp": orp("Brno").pk,
        "care_types_sought": ["FOSTER"],
        "contact_plan": "supervised",
        "birth_family_orp": orp("Vyškov").pk,
        "wishes": "Chceme zůstat spolu.",
        "wishes_how_heard": "Rozhovor v přítomnosti psycholožky.",
        "siblings_separation_reason": "",
        "notes": "",
        "children-TOTAL_FORMS": str(n_children),
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "1",
        "children-MAX_NUM_FORMS": "8",
    }
    for i in range(n_children):
        data.update(
            {
                f"children-{i}-first_name": f"Dítě{i}",
                f"children-{i}-last_name": "Sourozenec",
                f"children-{i}-date_of_birth": f"201{i + 2}-05-0{i + 1}",
                f"children-{i}-sex": "M",
                f"children-{i}-legal_status": "not_free",
                f"children-{i}-health_needs": ["behavioural"],
                f"children-{i}-health_notes": "",
                f"children-{i}-ethnicity": "roma",
            }
        )
    data.update(overrides)
    return data


def test_ospod_proposes_a_sibling_group_as_one_case(client, ospod_worker):
    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:propose"), proposal_post(2))
    case = ChildCase.objects.get()
    assert response.status_code == 302
    assert case.children.count() == 2
    assert case.status == ChildCaseStatus.PROPOSED
    assert case.reference.startswith("JMK-")
    assert "Sourozenec" not in response["Location"]


def test_proposal_with_contact_needs_birth_family_location(client, ospod_worker):
    from workflows.child_mediation.models import CONTACT_NEEDS_LOCATION

    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:propose"), proposal_post(1, birth_family_orp=""))
    assert response.status_code == 200
    assert str(CONTACT_NEEDS_LOCATION) in response.content.decode()
    assert not ChildCase.objects.exists()


def test_adoption_only_for_legally_free_children(client, ospod_worker):
    from workflows.child_mediation.models import ADOPTION_NEEDS_FREE_CHILD

    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:propose"), proposal_post(1, care_types_sought=["ADOPTION"]))
    assert str(ADOPTION_NEEDS_FREE_CHILD) in response.content.decode()


def test_ospod_cannot_propose_for_another_orp(client, ospod_worker):
    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:propose"), proposal_post(1, orp=orp("Ostrava").pk))
    assert response.status_code == 200
    assert not ChildCase.objects.exists()


def test_officer_enters_child_in_register_and_process_starts(client, officer, ospod_worker):
    from workflows.child_mediation.flows import process_for_case

    case = propose(ospod_worker)
    tasks = selectors.mediation_tasks_for_officer(officer=officer)
    assert [t.flow_task.name for t in tasks] == ["register"]  # the officers' queue: enter the child
    client.force_login(officer)
    today = timezone.localdate()
    client.post(reverse("child_mediation:register", args=[case.pk]), {"registered_on": today.isoformat()})
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.WAITING and case.registered_on == today
    process = process_for_case(case)
    assert process is not None
    assert [t.flow_task.name for t in selectors.mediation_tasks_for_officer(officer=officer)] == ["mediation"]


# --- conference, minutes, approaches through HTTP --------------------------------------------------------------


def test_conference_walk_through_http(client, officer, waiting_case, monkeypatch):
    families = [make_entry() for _ in range(4)]
    ranking = ranking_for(waiting_case, families)
    monkeypatch.setattr(selectors, "latest_ranking", lambda *, user, case: ranking)
    client.force_login(officer)
    url = reverse("child_mediation:conference_prepare", args=[waiting_case.pk])
    page = client.get(url).content.decode()
    assert "Chci mít pejska" in page  # the child's voice is part of the preparation
    response = client.post(
        url,
        {
            "scheduled_at": "2026-12-03T09:30",
            "shortlist_size": "3",
            "place": "Krajský úřad, Žerotínovo nám. 3, Brno",
            "officer_name": "Mgr. Jana Krajská",
            "ospod_name": "Bc. Eva Brněnská",
            "psychologist_name": "PhDr. Karel Hlava",
            "carer_name": "Pěstounka na přechodnou dobu",
            "guide_name": "",
            "other_names": "",
        },
    )
    conference = CaseConference.objects.get()
    assert response.status_code == 302
    assert conference.shortlist_entry_ids == [f.pk for f in families[:3]]
    assert conference.participants.count() == 4
    detail = client.get(reverse("child_mediation:conference", args=[conference.pk])).content.decode()
    assert "Věk dítěte odpovídá" in detail

    minutes_url = reverse("child_mediation:minutes", args=[conference.pk])
    bad = client.post(
        minutes_url,
        {
            "attendance": "Všichni",
            "discussion": "Diskuse",
            "wishes_considered": "Pes",
            "order": [f.pk for f in families[:3]] + [families[3].pk],
            "include": [families[3].pk],
            "reasoning": "Proto",
        },
    )
    from workflows.child_mediation.services.conferences import ORDER_NOT_IN_SHORTLIST

    assert str(ORDER_NOT_IN_SHORTLIST) in bad.content.decode()
    client.post(
        minutes_url,
        {
            "attendance": "Všichni",
            "discussion": "Diskuse",
            "wishes_considered": "Pes",
            "order": [families[1].pk, families[0].pk, families[2].pk],
            "include": [families[0].pk, families[1].pk],
            "reasoning": "Zkušenost s potřebami dítěte.",
        },
    )
    minutes = ConferenceMinutes.objects.get()
    client.post(reverse("child_mediation:minutes_sign", args=[minutes.pk]))
    minutes.refresh_from_db()
    assert minutes.is_signed

    client.post(
        reverse("child_mediation:approach_start", args=[waiting_case.pk]),
        {"notified_on": timezone.localdate().isoformat()},
    )
    first = Approach.objects.get()
    assert first.entry == families[1]
    client.post(
        reverse("child_mediation:approach_answer", args=[first.pk]),
        {"accepted": "0", "answered_on": timezone.localdate().isoformat(), "reason": "Nemají prostor."},
    )
    first.refresh_from_db()
    assert first.status == ApproachStatus.DECLINED
    second = Approach.objects.get(status=ApproachStatus.OPEN)
    assert second.entry == families[0]
    # The next family's notice is a draft (SELECTION): the officer hands it over in person, the window starts.
    assert second.deadline is None
    client.post(
        reverse("child_mediation:notice_send", args=[second.pk]),
        {"channel": "in_person", "sent_on": timezone.localdate().isoformat()},
    )
    ext = client.post(reverse("child_mediation:approach_extend", args=[second.pk]), {"days": "45", "reason": "x"})
    assert "30 dní" in ext.content.decode()
    client.post(reverse("child_mediation:approach_extend", args=[second.pk]), {"days": "20", "reason": "Nemoc."})
    second.refresh_from_db()
    assert second.extended_by_days == 20


def test_signed_minutes_are_read_only_corrections_are_new_versions(client, officer, waiting_case):
    from workflows.child_mediation.models import MINUTES_SIGNED_READ_ONLY

    conference = held_conference(waiting_case, officer, [make_entry()])
    signed = conference.minutes.get()
    with pytest.raises(Exception) as exc:
        services.minutes_save(
            conference=conference,
            author=officer,
            attendance="x",
            discussion="x",
            wishes_considered="x",
            approach_order=conference.shortlist_entry_ids,
            reasoning="x",
        )
    assert str(MINUTES_SIGNED_READ_ONLY) in str(exc.value)
    client.force_login(officer)
    client.post(reverse("child_mediation:minutes_correct", args=[signed.pk]))
    assert conference.minutes.count() == 2
    v2 = conference.minutes.get(version=2)
    assert not v2.is_signed and v2.reasoning == signed.reasoning
    signed.refresh_from_db()
    assert signed.is_signed


def test_closing_a_case_needs_confirmation_and_reason(client, officer, waiting_case):
    client.force_login(officer)
    url = reverse("child_mediation:close", args=[waiting_case.pk])
    data = {"reason": "returned_home", "note": "Matka zvládla péči.", "closed_on": timezone.localdate().isoformat()}
    client.post(url, data)
    waiting_case.refresh_from_db()
    assert waiting_case.status == ChildCaseStatus.WAITING
    client.post(url, {**data, "confirm": "on"})
    waiting_case.refresh_from_db()
    assert waiting_case.status == ChildCaseStatus.CLOSED
    assert waiting_case.flags.closure_reason == "returned_home"


def test_list_filters_and_flags(client, officer, ospod_worker):
    old = services.case_register(
        case=propose(ospod_worker), officer=officer, registered_on=timezone.localdate() - timedelta(days=170)
    )
    new = services.case_register(case=propose(ospod_worker), officer=officer)
    client.force_login(officer)
    body = client.get(reverse("child_mediation:list") + "?flag=intercountry_due").content.decode()
    assert old.reference in body and new.reference not in body


def test_register_in_english(client, officer, waiting_case):
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    body = client.get(reverse("child_mediation:detail", args=[waiting_case.pk])).content.decode()
    assert "Prepare a case conference" in body
    assert "The child&#x27;s voice" in body or "The child's voice" in body


def test_adding_a_sibling_keeps_what_was_typed(client, ospod_worker):
    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:propose"), {**proposal_post(1), "add_child": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dítě 2" in body
    assert 'value="Dítě0"' in body and "Chceme zůstat spolu." in body
    assert 'name="children-TOTAL_FORMS" value="2"' in body
    assert not ChildCase.objects.exists()
