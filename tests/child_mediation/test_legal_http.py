"""The legal steps through HTTP (screens and API): who may record what on the child's side, and who is refused.

Screens: a role without the policy gets 403, a case outside the user's scope 404. API: 403 ``role_required``,
404 out of scope, service refusals as problems with stable codes.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nrp.core.choices import CareType, LegalStatus
from tests.api.conftest import assert_problem
from workflows.child_mediation import services
from workflows.child_mediation.legal.file_records import (
    AdoptionConsent,
    ChildAssessment,
    ChildView,
    LegalFreedomEvidence,
)

from .conftest import child_data, held_conference, make_entry, propose

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def case(ospod_worker, officer):
    """A 7-year-old (needs the view and an assessment), sought for foster care, not yet legally free."""
    proposed = propose(
        ospod_worker,
        care_types=(CareType.ADOPTION, CareType.FOSTER),
        children=[child_data(legal_status=LegalStatus.NOT_FREE)],
    )
    return services.case_register(case=proposed, officer=officer, registered_on=TODAY - timedelta(days=2))


def view_post() -> dict:
    return {
        "heard_on": (TODAY - timedelta(days=1)).isoformat(),
        "heard_by": "Bc. Eva Brněnská, OSPOD Brno",
        "method": "interview",
        "circumstances": "V dětském domově, bez vychovatelky.",
        "words": "Chci mít pejska.",
    }


# --- screens ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["officer", "ospod_worker"])
def test_child_view_8_2_recorded_on_the_screen_by_the_childs_officer_and_ospod(request, client, case, persona):
    user = request.getfixturevalue(persona)
    child = case.children.get()
    client.force_login(user)
    page = client.get(reverse("child_mediation:legal", args=[case.pk]))
    assert page.status_code == 200
    assert "§ 8 odst. 2" in page.content.decode()
    response = client.post(reverse("child_mediation:child_view", args=[case.pk, child.pk]), view_post())
    assert response.status_code == 302
    assert ChildView.objects.get(child=child).recorded_by == user


@pytest.mark.parametrize(("persona", "status"), [("guide", 403), ("assessor", 403), ("other_officer", 404)])
def test_child_view_8_2_screen_refuses_everyone_else(request, client, case, persona, status):
    child = case.children.get()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("child_mediation:legal", args=[case.pk])).status_code == status
    response = client.post(reverse("child_mediation:child_view", args=[case.pk, child.pk]), view_post())
    assert response.status_code == status
    assert not ChildView.objects.exists()


def test_child_assessment_27_screen_is_the_officers_the_ospod_gets_403(client, case, officer, ospod_worker):
    child = case.children.get()
    url = reverse("child_mediation:child_assessment", args=[case.pk, child.pk])
    data = {
        "kind": "psychological",
        "assessed_on": TODAY.isoformat(),
        "assessor": "PhDr. Novák",
        "conclusions": "Zvládne přechod.",
    }
    client.force_login(ospod_worker)
    assert client.post(url, data).status_code == 403
    client.force_login(officer)
    assert client.post(url, data).status_code == 302
    assert ChildAssessment.objects.filter(child=child).exists()


def test_ranking_refused_on_the_screen_with_the_missing_steps(client, case, officer):
    client.force_login(officer)
    response = client.post(reverse("child_mediation:ranking", args=[case.pk]), follow=True)
    text = response.content.decode()
    assert "chybí názor dítěte" in text
    assert "§ 8 odst. 2" in text


def test_civil_code_806_consent_screen_refuses_a_date_in_the_future(client, officer, ospod_worker):
    older = services.case_register(
        case=propose(ospod_worker, children=[child_data(date_of_birth=TODAY.replace(year=TODAY.year - 13))]),
        officer=officer,
    )
    child = older.children.get()
    client.force_login(officer)
    url = reverse("child_mediation:adoption_consent", args=[older.pk, child.pk])
    data = {"decision": "given", "given_on": (TODAY + timedelta(days=1)).isoformat(), "how": "Před soudem."}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "nemůže být v budoucnosti" in response.content.decode()
    assert not AdoptionConsent.objects.exists()
    data["given_on"] = TODAY.isoformat()
    assert client.post(url, data).status_code == 302


def test_legally_free_evidence_screen_makes_the_child_free_and_opens_adoption(client, case, officer):
    child = case.children.get()
    client.force_login(officer)
    url = reverse("child_mediation:legal_evidence", args=[case.pk, child.pk])
    data = {
        "kind": "court",
        "parent": "both",
        "act_date": (TODAY - timedelta(days=30)).isoformat(),
        "final_on": (TODAY - timedelta(days=5)).isoformat(),
        "document": "12 Nc 345/2026",
    }
    assert client.post(url, data).status_code == 302
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.FREE
    assert LegalFreedomEvidence.objects.filter(child=child).count() == 1


# --- API -------------------------------------------------------------------------------------------------------------


def view_body() -> dict:
    data = view_post()
    data["hearing_method"] = data.pop("method")
    return data


@pytest.mark.parametrize("persona", ["officer", "ospod_worker"])
def test_api_child_view_8_2_by_the_childs_officer_and_ospod(request, api, case, persona):
    child = case.children.get()
    url = f"/api/v1/children/{case.pk}/children/{child.pk}/views/"
    response = api(request.getfixturevalue(persona)).post(url, view_body())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["children"][0]["view"]["words"] == "Chci mít pejska."
    assert [g["code"] for g in body["gaps"]] == ["child_assessment_missing"]


@pytest.mark.parametrize(("persona", "status", "code"), [("guide", 403, "role_required"), ("other_officer", 404, None)])
def test_api_child_view_8_2_refuses_everyone_else(request, api, case, persona, status, code):
    child = case.children.get()
    url = f"/api/v1/children/{case.pk}/children/{child.pk}/views/"
    assert_problem(api(request.getfixturevalue(persona)).post(url, view_body()), status, code)
    assert_problem(api(request.getfixturevalue(persona)).get(f"/api/v1/children/{case.pk}/legal/"), status, code)


def test_api_approach_refused_until_the_childs_view_is_recorded_with_a_stable_code(api, case, officer):
    held_conference(case, officer, [make_entry()])  # the helper records what the file needs …
    ChildView.objects.filter(child__case=case).delete()  # … and the view is then missing again
    response = api(officer).post(f"/api/v1/children/{case.pk}/approaches/", {})
    body = assert_problem(response, 400)
    assert body["errors"][0]["code"] == "child_view_missing"
    assert "§ 8 odst. 2" in body["errors"][0]["detail"]


def test_api_civil_code_806_consent_only_by_the_officer(api, officer, ospod_worker):
    older = services.case_register(
        case=propose(ospod_worker, children=[child_data(date_of_birth=TODAY.replace(year=TODAY.year - 12))]),
        officer=officer,
    )
    child = older.children.get()
    url = f"/api/v1/children/{older.pk}/children/{child.pk}/adoption-consents/"
    body = {"consent_decision": "given", "given_on": TODAY.isoformat(), "how": "Před soudem."}
    assert_problem(api(ospod_worker).post(url, body), 403, "role_required")
    response = api(officer).post(url, body)
    assert response.status_code == 201
    assert response.json()["children"][0]["consent"]["consent_decision"] == "given"


def test_api_infant_waiver_refused_for_an_older_child_with_a_stable_code(api, case, officer):
    child = case.children.get()
    url = f"/api/v1/children/{case.pk}/children/{child.pk}/waivers/"
    body = assert_problem(api(officer).post(url, {"reason": "Nemluví."}), 400)
    assert body["errors"][0]["code"] == "waiver_only_infant"


def test_api_legal_evidence_court_decision_needs_finality(api, case, officer):
    child = case.children.get()
    url = f"/api/v1/children/{case.pk}/children/{child.pk}/legal-evidence/"
    data = {
        "evidence_kind": "court",
        "evidence_parent": "both",
        "act_date": TODAY.isoformat(),
        "document": "1 Nc 1/2026",
    }
    body = assert_problem(api(officer).post(url, data), 400)
    assert body["errors"][0]["code"] == "finality_required"
