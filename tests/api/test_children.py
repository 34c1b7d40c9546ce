"""The children register through the API: who sees which child, with or without identity; OSPOD proposes,
the region's officers register and close. Same selectors and services as the screens (workflows.child_mediation).
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from nrp.audit.models import AuditEvent
from nrp.core.choices import Role
from tests.api.conftest import assert_problem
from tests.child_mediation.conftest import child_data, make_entry, propose
from tests.factories import orp, user_with_role
from workflows.child_mediation import services
from workflows.child_mediation.flows import process_for_case
from workflows.child_mediation.models import ChildCase, ChildCaseStatus

pytestmark = pytest.mark.django_db

LIST = "/api/v1/children/"
SECRET_NAME = "Anežka"
SECRET_SURNAME = "Součková"


def detail(case) -> str:
    return f"{LIST}{case.pk}/"


@pytest.fixture
def home_case(ospod_worker, officer):
    """A child of ORP Brno (Jihomoravský kraj), in the register."""
    case = propose(ospod_worker)
    return services.case_register(case=case, officer=officer, registered_on=timezone.localdate() - timedelta(days=5))


@pytest.fixture
def other_ospod():
    return user_with_role(Role.OSPOD, email="ospod.ostrava@test.nrp.example", orp=orp("Ostrava"))


@pytest.fixture
def other_case(other_ospod, other_officer):
    """A child of ORP Ostrava (Moravskoslezský kraj), in that region's register."""
    case = services.case_propose(
        proposed_by=other_ospod,
        orp=orp("Ostrava"),
        care_types_sought=["FOSTER"],
        children=[child_data(first_name="Bohdana", last_name="Ostravská", legal_status="not_free")],
        wishes="Chci zůstat u bráchy.",
    )
    return services.case_register(case=case, officer=other_officer)


@pytest.fixture
def families():
    return [make_entry() for _ in range(3)]


NOT_ALLOWED = ["guide", "applicant", "assessor", "administrator"]


# --- list ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("persona", "visible", "access"),
    [
        ("officer", {"home"}, "manage"),
        ("ospod_worker", {"home"}, "ospod"),
        ("other_officer", {"other"}, "manage"),
        ("other_ospod", {"other"}, "ospod"),
    ],
)
def test_list_shows_exactly_the_cases_in_scope_with_identity(
    request, api, home_case, other_case, persona, visible, access
):
    cases = {"home": home_case, "other": other_case}
    body = api(request.getfixturevalue(persona)).get(LIST).json()
    assert {row["id"] for row in body["results"]} == {cases[name].pk for name in visible}
    for row in body["results"]:
        assert row["access"] == access
        assert row["identity"][0]["first_name"] in {SECRET_NAME, "Bohdana"}
        assert row["orp"]["name"] in {"Brno", "Ostrava"}


@pytest.mark.parametrize("persona", NOT_ALLOWED)
def test_roles_that_never_see_children_get_403(request, api, home_case, persona):
    program = api(request.getfixturevalue(persona))
    assert_problem(program.get(LIST), 403, "role_required")
    assert_problem(program.get(detail(home_case)), 403, "role_required")


def test_anonymous_gets_401(api, home_case):
    assert_problem(api(None).get(LIST), 401)
    assert_problem(api(None).get(detail(home_case)), 401)


def test_officer_filters_the_register_by_status(api, officer, ospod_worker, home_case):
    proposed = propose(ospod_worker)
    program = api(officer)
    waiting = program.get(LIST, {"status": "waiting"}).json()
    assert [row["id"] for row in waiting["results"]] == [home_case.pk]
    only_proposed = program.get(LIST, {"status": "proposed"}).json()
    assert [row["id"] for row in only_proposed["results"]] == [proposed.pk]
    assert program.get(LIST).json()["count"] == 2
    assert_problem(program.get(LIST, {"status": "nonsense"}), 400)


def test_list_orders_by_proposal_time_when_asked(api, officer, ospod_worker, home_case):
    later = propose(ospod_worker)
    body = api(officer).get(LIST, {"ordering": "-proposed_at"}).json()
    assert [row["id"] for row in body["results"]] == [later.pk, home_case.pk]


def test_officer_filters_the_children_in_the_national_search(api, officer, ospod_worker, home_case):
    regional = services.case_register(case=propose(ospod_worker), officer=officer)
    services.case_escalate_national(case=home_case, actor=officer)
    program = api(officer)
    national = program.get(LIST, {"national": "true"}).json()
    assert [row["id"] for row in national["results"]] == [home_case.pk]
    assert national["results"][0]["national_since"] == timezone.localdate().isoformat()
    assert [row["id"] for row in program.get(LIST, {"national": "false"}).json()["results"]] == [regional.pk]


def test_filter_cannot_widen_the_scope(api, officer, home_case, other_case):
    body = api(officer).get(LIST, {"orp": other_case.orp_id}).json()
    assert body["count"] == 0


# --- detail --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("persona", "access"), [("officer", "manage"), ("ospod_worker", "ospod")])
def test_officer_and_the_childs_ospod_read_the_identity(request, api, home_case, persona, access):
    body = api(request.getfixturevalue(persona)).get(detail(home_case)).json()
    assert body["access"] == access
    assert body["identity"][0]["first_name"] == SECRET_NAME
    assert body["identity"][0]["last_name"] == SECRET_SURNAME
    assert body["wishes"] == "Chci mít pejska a velkou ségru."
    assert body["children"][0]["legal_status"] == "free"
    assert body["status"] == "waiting"
    assert body["days_waiting"] == 5


def test_other_regions_officer_gets_404_for_a_child_in_the_regional_search(api, other_officer, home_case):
    assert_problem(api(other_officer).get(detail(home_case)), 404, "not_found")


def test_other_ospod_gets_404(api, other_ospod, home_case):
    assert_problem(api(other_ospod).get(detail(home_case)), 404, "not_found")


def test_out_of_scope_and_missing_look_the_same(api, officer, other_case):
    program = api(officer)
    foreign = program.get(detail(other_case)).json()
    missing = program.get(f"{LIST}{other_case.pk + 100000}/").json()
    assert {k: v for k, v in foreign.items() if k != "instance"} == {
        k: v for k, v in missing.items() if k != "instance"
    }


def test_national_search_shows_other_regions_only_the_anonymised_profile(api, officer, other_officer, home_case):
    services.case_escalate_national(case=home_case, actor=officer)
    response = api(other_officer).get(detail(home_case))
    assert response.status_code == 200
    body = response.json()
    assert body["access"] == "anonymous"
    assert body["identity"] is None
    assert body["orp"] is None
    assert body["wishes"] is None and body["notes"] is None
    assert body["children"][0]["age"] >= 0
    raw = json.dumps(body, ensure_ascii=False)
    for secret in (SECRET_NAME, SECRET_SURNAME, "2019-03-14", "pejska", "Brno"):
        assert secret not in raw, secret


def test_reading_a_case_is_audited(api, officer, other_officer, home_case):
    api(officer).get(detail(home_case))
    event = AuditEvent.objects.get(actor=officer, action="read", object_id=str(home_case.pk))
    assert event.region_id == home_case.region_id
    assert event.details["view"] == "manage"
    services.case_escalate_national(case=home_case, actor=officer)
    api(other_officer).get(detail(home_case))
    assert AuditEvent.objects.get(actor=other_officer, action="read").details["view"] == "anonymised"


# --- propose (OSPOD) -----------------------------------------------------------------------------------------------
def proposal(**overrides) -> dict:
    body = {
        "orp": orp("Brno").pk,
        "care_types_sought": ["FOSTER"],
        "children": [
            {
                "first_name": "Kryštof",
                "last_name": "Navržený",
                "date_of_birth": "2020-05-01",
                "sex": "M",
                "legal_status": "not_free",
                "health_needs": ["delay"],
            }
        ],
        "wishes": "Chci mít kolo.",
    }
    body.update(overrides)
    return body


def test_ospod_proposes_a_child_and_the_process_starts(api, ospod_worker):
    response = api(ospod_worker).post(LIST, proposal())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "proposed"
    assert body["identity"][0]["first_name"] == "Kryštof"
    case = ChildCase.objects.get(pk=body["id"])
    assert case.children.get().health_needs == ["delay"]
    assert process_for_case(case) is not None


def test_household_rule_the_proposal_records_whether_the_child_must_be_the_only_or_youngest(api, ospod_worker):
    """Issue 14 item 10: the file says when children already in a family matter; matching reads it from here."""
    response = api(ospod_worker).post(LIST, proposal(household_position="youngest"))
    assert response.status_code == 201, response.content
    assert response.json()["household_position"] == "youngest"
    assert ChildCase.objects.get(pk=response.json()["id"]).household_position == "youngest"
    assert api(ospod_worker).post(LIST, proposal(confirm_duplicate=True)).json()["household_position"] == ""
    assert_problem(api(ospod_worker).post(LIST, proposal(household_position="eldest")), 400)


@pytest.mark.parametrize("persona", ["officer", "guide", "assessor"])
def test_only_ospod_proposes(request, api, persona):
    response = api(request.getfixturevalue(persona)).post(LIST, proposal())
    assert_problem(response, 403, "role_required")
    assert not ChildCase.objects.exists()


def test_ospod_cannot_propose_for_another_orp(api, ospod_worker):
    body = assert_problem(api(ospod_worker).post(LIST, proposal(orp=orp("Ostrava").pk)), 400)
    assert body["errors"][0]["code"] == "orp_not_yours"
    assert not ChildCase.objects.exists()


def test_adoption_of_a_child_not_legally_free_is_refused_with_a_stable_code(api, ospod_worker):
    body = assert_problem(api(ospod_worker).post(LIST, proposal(care_types_sought=["ADOPTION"])), 400)
    assert body["errors"][0]["code"] == "adoption_needs_free_child"
    assert not ChildCase.objects.exists()


def test_proposal_refuses_unknown_fields(api, ospod_worker):
    assert_problem(api(ospod_worker).post(LIST, proposal(nickname="x")), 400, "unknown_field")


# --- register and close (officer) ----------------------------------------------------------------------------------
def test_officer_enters_the_proposed_child_in_the_register(api, officer, ospod_worker):
    case = propose(ospod_worker)
    response = api(officer).post(f"{detail(case)}register/", {})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "waiting"
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.WAITING
    assert case.registered_on == timezone.localdate()


def test_registering_twice_is_a_400_with_a_code(api, officer, home_case):
    body = assert_problem(api(officer).post(f"{detail(home_case)}register/", {}), 400)
    assert body["errors"][0]["code"] == "case_not_proposed"


def test_register_in_the_future_is_refused(api, officer, ospod_worker):
    case = propose(ospod_worker)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    body = assert_problem(api(officer).post(f"{detail(case)}register/", {"registered_on": tomorrow}), 400)
    assert body["errors"][0]["field"] == "registered_on"
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.PROPOSED


@pytest.mark.parametrize(("persona", "status"), [("ospod_worker", 403), ("guide", 403), ("other_officer", 404)])
def test_only_the_regions_officer_registers(request, api, ospod_worker, persona, status):
    case = propose(ospod_worker)
    assert_problem(api(request.getfixturevalue(persona)).post(f"{detail(case)}register/", {}), status)
    case.refresh_from_db()
    assert case.status == ChildCaseStatus.PROPOSED


def test_officer_closes_a_case_with_reasons(api, officer, home_case):
    response = api(officer).post(
        f"{detail(home_case)}close/", {"closure_reason": "returned_home", "note": "Matka zvládá péči."}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "closed"
    assert body["closure_reason"] == "returned_home"
    assert body["closed_on"] == timezone.localdate().isoformat()


def test_closing_needs_a_note_and_changes_nothing_without(api, officer, home_case):
    body = assert_problem(
        api(officer).post(f"{detail(home_case)}close/", {"closure_reason": "other", "note": " "}), 400
    )
    assert body["errors"][0]["field"] == "note"
    home_case.refresh_from_db()
    assert home_case.status == ChildCaseStatus.WAITING


@pytest.mark.parametrize(("persona", "status"), [("ospod_worker", 403), ("other_officer", 404)])
def test_only_the_regions_officer_closes(request, api, home_case, persona, status):
    response = api(request.getfixturevalue(persona)).post(
        f"{detail(home_case)}close/", {"closure_reason": "other", "note": "Jiné řešení."}
    )
    assert_problem(response, status)
    home_case.refresh_from_db()
    assert home_case.status == ChildCaseStatus.WAITING


def test_officer_escalates_a_waiting_child_to_the_national_search(api, officer, other_officer, home_case):
    response = api(officer).post(f"{detail(home_case)}escalate/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "national"
    assert api(other_officer).get(detail(home_case)).json()["access"] == "anonymous"
    again = assert_problem(api(officer).post(f"{detail(home_case)}escalate/"), 400)
    assert again["errors"][0]["code"] == "case_not_waiting"


@pytest.mark.parametrize(("persona", "status"), [("ospod_worker", 403), ("guide", 403), ("other_officer", 404)])
def test_only_the_regions_officer_escalates(request, api, home_case, persona, status):
    assert_problem(api(request.getfixturevalue(persona)).post(f"{detail(home_case)}escalate/"), status)
    home_case.refresh_from_db()
    assert home_case.status == ChildCaseStatus.WAITING
