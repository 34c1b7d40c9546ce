"""Case conferences through the API: prepared from a stored ranking, minutes written with If-Match (a stale write
is 412 and changes nothing), signed off, corrected as a new version. Officers of the child's region only."""

from __future__ import annotations

import pytest

from matching.services import ranking_run
from nrp.audit.models import AuditEvent
from tests.api import test_children as shared
from tests.api.conftest import assert_problem
from tests.child_mediation.conftest import held_conference, make_ready
from workflows.child_mediation.models import CaseConference, ConferenceMinutes, ConferenceStatus

pytestmark = pytest.mark.django_db

# The children fixtures of test_children.py (a home child, a child of another region, approved families).
home_case, other_case, other_ospod, families = shared.home_case, shared.other_case, shared.other_ospod, shared.families

OTHERS = [("ospod_worker", 403), ("guide", 403), ("assessor", 403), ("applicant", 403), ("other_officer", 404)]


def conferences_url(case) -> str:
    return f"/api/v1/children/{case.pk}/conferences/"


def prepare_body(**overrides) -> dict:
    body = {
        "scheduled_at": "2026-12-01T10:00:00+01:00",
        "shortlist_size": 2,
        "participants": [
            {"participant_role": "officer", "name": "Mgr. Jana Krajská, KÚ JMK"},
            {"participant_role": "ospod", "name": "Bc. Eva Brněnská, OSPOD Brno"},
        ],
    }
    body.update(overrides)
    return body


MINUTES = {
    "attendance": "Všichni pozvaní.",
    "discussion": "Shoda na pořadí.",
    "wishes_considered": "Přání mít pejska: rodiny se psem výše.",
    "reasoning": "První rodina má zkušenost s opožděným vývojem.",
}


@pytest.fixture
def ranking(officer, home_case, families):
    make_ready(home_case, officer)
    return ranking_run(child_case=home_case, actor=officer)


@pytest.fixture
def conference(api, officer, home_case, ranking):
    response = api(officer).post(conferences_url(home_case), prepare_body(ranking_id=ranking.pk))
    assert response.status_code == 201, response.content
    return CaseConference.objects.get(pk=response.json()["id"])


def put_minutes(program, conference, etag, **fields):
    return program.client.put(
        f"/api/v1/conferences/{conference.pk}/minutes/",
        {**MINUTES, **fields},
        content_type="application/json",
        headers={"Authorization": f"Bearer {program.secret}", **({"If-Match": etag} if etag else {})},
    )


# --- prepare and read ----------------------------------------------------------------------------------------------
def test_officer_prepares_a_conference_with_the_shortlist_of_the_ranking(api, officer, home_case, ranking):
    response = api(officer).post(conferences_url(home_case), prepare_body(ranking_id=ranking.pk))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["ranking_id"] == ranking.pk
    assert body["status"] == "prepared"
    assert [row["entry_id"] for row in body["shortlist"]] == [row["entry_id"] for row in ranking.results[:2]]
    assert body["shortlist"][0]["reasons"]
    assert [p["participant_role"] for p in body["participants"]] == ["officer", "ospod"]
    assert body["minutes"] == []


def test_without_a_ranking_id_the_latest_ranking_is_used(api, officer, home_case, families):
    make_ready(home_case, officer)
    ranking_run(child_case=home_case, actor=officer)
    latest = ranking_run(child_case=home_case, actor=officer)
    body = api(officer).post(conferences_url(home_case), prepare_body()).json()
    assert body["ranking_id"] == latest.pk


def test_conference_needs_a_ranking(api, officer, home_case):
    body = assert_problem(api(officer).post(conferences_url(home_case), prepare_body()), 400)
    assert body["errors"][0]["code"] == "ranking_required"
    assert not CaseConference.objects.exists()


def test_conference_needs_participants(api, officer, home_case, ranking):
    response = api(officer).post(conferences_url(home_case), prepare_body(ranking_id=ranking.pk, participants=[]))
    assert_problem(response, 400)
    assert not CaseConference.objects.exists()


def test_staff_ids_invite_the_cases_staff_by_email_and_others_are_refused(
    api, officer, ospod_worker, other_officer, home_case, ranking, django_capture_on_commit_callbacks
):
    from django.core import mail

    refused = api(officer).post(
        conferences_url(home_case), prepare_body(ranking_id=ranking.pk, staff_ids=[other_officer.pk])
    )
    assert_problem(refused, 400)
    assert "participant_not_eligible" in refused.content.decode()
    assert not CaseConference.objects.exists() and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = api(officer).post(
            conferences_url(home_case),
            prepare_body(ranking_id=ranking.pk, staff_ids=[ospod_worker.pk], place="KÚ JMK, zasedačka 2"),
        )
    assert response.status_code == 201, response.content
    assert response.json()["place"] == "KÚ JMK, zasedačka 2"
    conference = CaseConference.objects.get()
    assert conference.participants.get(user=ospod_worker).role == "ospod"
    assert [m.to for m in mail.outbox] == [[ospod_worker.email]]
    assert mail.outbox[0].attachments[0][0].endswith(".ics")


def test_ranking_of_another_child_is_refused(api, officer, ospod_worker, home_case, ranking):
    from tests.child_mediation.conftest import propose
    from workflows.child_mediation import services

    second = services.case_register(case=propose(ospod_worker), officer=officer)
    body = assert_problem(api(officer).post(conferences_url(second), prepare_body(ranking_id=ranking.pk)), 400)
    assert body["errors"][0]["code"] == "ranking_of_other_case"


@pytest.mark.parametrize(("persona", "status"), OTHERS)
def test_only_the_regions_officer_prepares_and_lists(request, api, home_case, ranking, persona, status):
    program = api(request.getfixturevalue(persona))
    assert_problem(program.post(conferences_url(home_case), prepare_body(ranking_id=ranking.pk)), status)
    assert_problem(program.get(conferences_url(home_case)), status)
    assert not CaseConference.objects.exists()


def test_officer_lists_the_conferences_of_the_child(api, officer, home_case, conference):
    body = api(officer).get(conferences_url(home_case)).json()
    assert [row["id"] for row in body["results"]] == [conference.pk]


def test_conference_detail_is_audited(api, officer, conference):
    response = api(officer).get(f"/api/v1/conferences/{conference.pk}/")
    assert response.status_code == 200
    assert response.json()["case"]["reference"] == conference.case.reference
    assert AuditEvent.objects.filter(actor=officer, action="read", object_id=str(conference.pk)).exists()


@pytest.mark.parametrize(("persona", "status"), OTHERS)
def test_conference_detail_of_others_is_refused(request, api, conference, persona, status):
    assert_problem(api(request.getfixturevalue(persona)).get(f"/api/v1/conferences/{conference.pk}/"), status)


# --- minutes with If-Match -----------------------------------------------------------------------------------------
def test_minutes_draft_starts_empty_with_an_etag(api, officer, conference):
    response = api(officer).get(f"/api/v1/conferences/{conference.pk}/minutes/")
    assert response.status_code == 200
    assert response.json() == {"conference_id": conference.pk, "latest": None}
    assert response["ETag"]


def test_minutes_write_without_if_match_is_428(api, officer, conference):
    program = api(officer)
    order = conference.shortlist_entry_ids
    assert_problem(put_minutes(program, conference, None, approach_order=order), 428, "precondition_required")
    assert not ConferenceMinutes.objects.exists()


def test_stale_minutes_write_is_412_and_changes_nothing(api, officer, conference):
    program = api(officer)
    order = conference.shortlist_entry_ids
    etag = program.get(f"/api/v1/conferences/{conference.pk}/minutes/")["ETag"]
    first = put_minutes(program, conference, etag, approach_order=order)
    assert first.status_code == 200, first.content
    assert first.json()["latest"]["version"] == 1
    # a second officer who read the minutes before the first write sends the old ETag
    stale = put_minutes(program, conference, etag, approach_order=list(reversed(order)), discussion="Přepsáno.")
    assert_problem(stale, 412, "precondition_failed")
    minutes = ConferenceMinutes.objects.get()
    assert minutes.discussion == MINUTES["discussion"]
    assert minutes.approach_order == order
    # with the fresh ETag the change goes through
    fresh = put_minutes(program, conference, first["ETag"], approach_order=list(reversed(order)))
    assert fresh.status_code == 200
    assert ConferenceMinutes.objects.get().approach_order == list(reversed(order))


def test_minutes_order_must_come_from_the_shortlist(api, officer, conference):
    program = api(officer)
    etag = program.get(f"/api/v1/conferences/{conference.pk}/minutes/")["ETag"]
    body = assert_problem(put_minutes(program, conference, etag, approach_order=[987654]), 400)
    assert body["errors"][0]["code"] == "approach_order_not_in_shortlist"
    assert not ConferenceMinutes.objects.exists()


def test_sign_off_needs_the_etag_of_what_was_read(api, officer, conference):
    program = api(officer)
    etag = program.get(f"/api/v1/conferences/{conference.pk}/minutes/")["ETag"]
    minutes_id = put_minutes(program, conference, etag, approach_order=conference.shortlist_entry_ids).json()["latest"][
        "id"
    ]
    read = program.get(f"/api/v1/minutes/{minutes_id}/")
    assert_problem(program.post(f"/api/v1/minutes/{minutes_id}/sign-off/"), 428)
    assert_problem(program.post(f"/api/v1/minutes/{minutes_id}/sign-off/", headers={"If-Match": '"x"'}), 412)
    assert ConferenceMinutes.objects.get().signed_off_at is None
    signed = program.post(f"/api/v1/minutes/{minutes_id}/sign-off/", headers={"If-Match": read["ETag"]})
    assert signed.status_code == 200, signed.content
    assert signed.json()["signed_off_by"]["id"] == officer.pk
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.HELD


def test_signed_minutes_are_read_only_and_corrected_as_a_new_version(api, officer, home_case, families):
    conference = held_conference(home_case, officer, families)
    signed = conference.minutes.get()
    program = api(officer)
    etag = program.get(f"/api/v1/conferences/{conference.pk}/minutes/")["ETag"]
    body = assert_problem(put_minutes(program, conference, etag, approach_order=[families[0].pk]), 400)
    assert body["errors"][0]["code"] == "minutes_signed"
    correction = program.post(f"/api/v1/minutes/{signed.pk}/corrections/")
    assert correction.status_code == 201, correction.content
    assert correction.json()["version"] == 2
    assert correction.json()["signed_off_at"] is None
    detail = program.get(f"/api/v1/conferences/{conference.pk}/").json()
    assert [m["version"] for m in detail["minutes"]] == [2, 1]


@pytest.mark.parametrize(("persona", "status"), OTHERS)
def test_minutes_of_others_are_refused(request, api, officer, home_case, families, persona, status):
    conference = held_conference(home_case, officer, families)
    minutes = conference.minutes.get()
    program = api(request.getfixturevalue(persona))
    assert_problem(program.get(f"/api/v1/conferences/{conference.pk}/minutes/"), status)
    assert_problem(program.get(f"/api/v1/minutes/{minutes.pk}/"), status)
    assert_problem(program.post(f"/api/v1/minutes/{minutes.pk}/corrections/"), status)
    assert ConferenceMinutes.objects.count() == 1
