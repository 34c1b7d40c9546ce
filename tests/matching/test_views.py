"""The matching screens through HTTP: who may use them (403), scope (404), what the officer sees, audit."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse
from django.utils import translation

from matching.criteria.hard import HardRule
from matching.models import MatchingWeights, RankingRun
from matching.services import ranking_run
from nrp.audit.models import AuditEvent
from nrp.core.choices import HealthNeed
from tests.matching.conftest import TODAY, child_case, register_family
from workflows.child_mediation.models import ChildCaseStatus

pytestmark = pytest.mark.django_db

PERSONAS_WITHOUT_ACCESS = ["guide", "ospod_worker", "assessor", "applicant", "administrator"]


@pytest.fixture
def case_with_ranking(officer):
    register_family(age_min=3, age_max=8, health_needs_accepted=["behavioural"])
    register_family(age_max=2)
    case = child_case(ages=(5,), health_needs=["behavioural"])
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    return case, run


def _routes(case, run):
    return [
        ("get", reverse("matching:index")),
        ("get", reverse("matching:case_rankings", args=[case.pk])),
        ("post", reverse("matching:ranking_run", args=[case.pk])),
        ("post", reverse("matching:case_wishes", args=[case.pk])),
        ("get", reverse("matching:ranking_detail", args=[run.pk])),
        ("get", reverse("matching:weights")),
        ("get", reverse("matching:statistics")),
    ]


@pytest.mark.parametrize("persona", PERSONAS_WITHOUT_ACCESS)
def test_roles_other_than_regional_officer_get_403_on_every_matching_screen(
    client, request, persona, case_with_ranking
):
    """§19a: only the public authority selects a family; guides and organisations never see rankings."""
    user = request.getfixturevalue(persona)
    client.force_login(user)
    for method, url in _routes(*case_with_ranking):
        response = getattr(client, method)(url, {"scope": "regional"} if method == "post" else None)
        assert response.status_code == 403, (persona, url)


def test_anonymous_user_is_sent_to_login(client, case_with_ranking):
    for method, url in _routes(*case_with_ranking):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_officer_of_another_region_gets_404_for_the_case_and_its_ranking(client, other_officer, case_with_ranking):
    case, run = case_with_ranking
    client.force_login(other_officer)
    for method, url in _routes(case, run):
        if url in (reverse("matching:index"), reverse("matching:weights"), reverse("matching:statistics")):
            continue
        response = getattr(client, method)(url, {"scope": "regional"} if method == "post" else None)
        assert response.status_code == 404, url
    assert RankingRun.objects.count() == 1


def test_officer_runs_a_ranking_and_sees_scores_contributions_reasons_and_exclusions(client, officer):
    good = register_family(age_min=3, age_max=8, health_needs_accepted=["behavioural"])
    register_family(age_max=2)
    case = child_case(ages=(5,), health_needs=["behavioural"])
    client.force_login(officer)

    response = client.post(reverse("matching:ranking_run", args=[case.pk]), {"scope": "regional"})
    run = RankingRun.objects.get(child_case=case)
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:ranking_detail", args=[run.pk])

    page = client.get(response["Location"]).content.decode()
    assert f"#{good.pk}" in page
    assert "Jana Malá a Petr Malý" in page  # the applicants of the officer's own region are named
    assert "Rodina zatím nemá zkušenost s potřebami dítěte (poruchy chování), přijímá je však." in page
    assert "Věk dítěte mimo rozmezí" in page  # exclusion counted under its rule
    assert "<meter" in page
    assert "Tajné" not in page  # the child's name is never part of a ranking
    assert "Blízkost věku k představě rodiny" in page  # the weights used


def test_showing_a_ranking_is_audited_as_a_read(client, officer, case_with_ranking):
    case, run = case_with_ranking
    client.force_login(officer)
    client.get(reverse("matching:ranking_detail", args=[run.pk]))
    event = AuditEvent.objects.get(action="read", object_type="matching.rankingrun", object_id=str(run.pk))
    assert event.actor == officer and event.region_id == case.region_id
    assert event.details["child_case_id"] == case.pk
    assert "Tajné" not in str(event.details)


def test_ranking_is_rendered_in_english_when_english_is_active(client, officer, case_with_ranking):
    _case, run = case_with_ranking
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    page = html.unescape(client.get(reverse("matching:ranking_detail", args=[run.pk])).content.decode())
    with translation.override("en"):
        need = str(HealthNeed.BEHAVIOURAL.label)  # the core vocabulary's own English label
    assert f"The family has no experience yet with the child's needs ({need}), but accepts them." in page
    assert "Child's age outside the range" in page
    assert "Rodina zatím nemá" not in page


def test_child_with_no_suitable_family_sees_an_explicit_empty_result(client, officer):
    register_family(age_max=2)
    case = child_case(ages=(9,))
    client.force_login(officer)
    response = client.post(reverse("matching:ranking_run", args=[case.pk]), {"scope": "regional"}, follow=True)
    page = response.content.decode()
    assert "Pro dítě nebyla nalezena žádná vhodná rodina" in page
    assert RankingRun.objects.get(child_case=case).exclusions["counts"][HardRule.AGE] == 1


def test_national_search_on_demand(client, officer):
    register_family(residence="Ostrava", accepts_other_regions=True)
    case = child_case()
    client.force_login(officer)
    client.post(reverse("matching:ranking_run", args=[case.pk]), {"scope": "national"})
    run = RankingRun.objects.get(child_case=case)
    assert run.scope == "national" and run.eligible_count == 1
    page = client.get(reverse("matching:ranking_detail", args=[run.pk])).content.decode()
    assert "žadatelé z kraje Moravskoslezský kraj" in page  # families of other regions are not named
    assert "Jana Malá" not in page


def test_closed_case_shows_a_message_instead_of_a_ranking(client, officer):
    case = child_case(status=ChildCaseStatus.CLOSED)
    client.force_login(officer)
    response = client.post(reverse("matching:ranking_run", args=[case.pk]), {"scope": "regional"}, follow=True)
    assert "Pro uzavřený případ" in response.content.decode()
    assert not RankingRun.objects.exists()


def test_case_page_lists_past_rankings_and_long_rankings_are_paginated(client, officer):
    for _ in range(30):
        register_family()
    case = child_case()
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    client.force_login(officer)
    listing = client.get(reverse("matching:case_rankings", args=[case.pk])).content.decode()
    assert reverse("matching:ranking_detail", args=[run.pk]) in listing
    first = client.get(reverse("matching:ranking_detail", args=[run.pk])).content.decode()
    second = client.get(reverse("matching:ranking_detail", args=[run.pk]) + "?strana=2").content.decode()
    assert "strana 1 z 2" in first
    assert f"#{run.results[25]['entry_id']}<" in second.replace(" ", "").replace("</span>", "<")
    assert f"#{run.results[25]['entry_id']}<" not in first.replace(" ", "").replace("</span>", "<")


def test_officer_edits_the_region_weights(client, officer, jmk):
    client.force_login(officer)
    data = {
        "age_preference": "0.5",
        "needs_experience": "0.5",
        "birth_family_distance": "1",
        "waiting_time": "0.25",
        "child_wishes": "0.75",
        "household_children": "0",
    }
    response = client.post(reverse("matching:weights"), data)
    assert response.status_code == 302
    weights = MatchingWeights.objects.get(region=jmk)
    assert weights.waiting_time == 0.25 and weights.household_children == 0


def test_weights_above_one_are_refused_on_the_form(client, officer, jmk):
    client.force_login(officer)
    data = dict.fromkeys(
        [
            "age_preference",
            "needs_experience",
            "birth_family_distance",
            "waiting_time",
            "child_wishes",
            "household_children",
        ],
        "0.5",
    )
    data["waiting_time"] = "2"
    response = client.post(reverse("matching:weights"), data)
    assert response.status_code == 200
    assert not MatchingWeights.objects.exists()


def test_officer_cannot_pick_another_region_for_weights(client, officer, msk):
    client.force_login(officer)
    assert client.get(reverse("matching:weights") + f"?kraj={msk.pk}").status_code == 404


def test_officer_records_the_child_wish_signals(client, officer):
    case = child_case()
    client.force_login(officer)
    client.post(reverse("matching:case_wishes", args=[case.pk]), {"flags": ["near_home", "other_children"]})
    assert case.wish_signals.flags == ["near_home", "other_children"]


def test_escalated_case_offers_the_national_search_first(client, officer):
    waiting = child_case()
    escalated = child_case(status=ChildCaseStatus.NATIONAL)
    client.force_login(officer)
    regional_page = client.get(reverse("matching:case_rankings", args=[waiting.pk])).content.decode()
    national_page = client.get(reverse("matching:case_rankings", args=[escalated.pk])).content.decode()
    assert 'value="regional" required id="id_scope_0" checked' in regional_page
    assert 'value="national" required id="id_scope_1" checked' in national_page
    assert 'value="regional" required id="id_scope_0" checked' not in national_page


def test_entries_that_could_not_be_matched_are_listed_for_the_officer(client, officer):
    register_family()
    broken = register_family()
    type(broken.profile).objects.filter(pk=broken.profile.pk).update(age_min=9, age_max=2)
    run = ranking_run(child_case=child_case(), actor=officer, today=TODAY)
    client.force_login(officer)
    page = client.get(reverse("matching:ranking_detail", args=[run.pk])).content.decode()
    assert f"#{broken.pk}: Profil rodiny {broken.pk}: nejnižší věk dítěte (9) je vyšší než nejvyšší (2)." in page
