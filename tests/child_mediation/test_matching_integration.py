"""Real matching (matching.services.ranking_run) driven from the children register."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from workflows.child_mediation import selectors, services
from workflows.child_mediation.models import CaseConference

from .conftest import make_entry, propose

pytestmark = pytest.mark.django_db


def test_officer_runs_ranking_and_prepares_conference_from_it(client, officer, waiting_case):
    families = [make_entry() for _ in range(2)]
    client.force_login(officer)
    response = client.post(reverse("child_mediation:ranking", args=[waiting_case.pk]))
    assert response.status_code == 302
    ranking = selectors.latest_ranking(user=officer, case=waiting_case)
    assert ranking is not None
    assert {r["entry_id"] for r in ranking.results} == {f.pk for f in families}
    assert response["Location"] == reverse("matching:ranking_detail", args=[ranking.pk])
    detail = client.get(reverse("child_mediation:detail", args=[waiting_case.pk])).content.decode()
    assert reverse("matching:ranking_detail", args=[ranking.pk]) in detail
    client.post(
        reverse("child_mediation:conference_prepare", args=[waiting_case.pk]),
        {
            "scheduled_at": "2026-12-03T09:30",
            "place": "KÚ JMK",
            "shortlist_size": "1",
            "officer_name": "Mgr. Jana Krajská",
        },
    )
    conference = CaseConference.objects.get()
    assert conference.ranking_id == ranking.pk
    assert len(conference.shortlist) == 1
    assert conference.shortlist[0]["reasons"], "the shortlist keeps the engine's reasons"


def test_family_with_open_approach_is_left_out_of_another_childs_ranking(ospod_worker, officer):
    from .conftest import held_conference, make_ready

    family = make_entry()
    first = services.case_register(case=propose(ospod_worker), officer=officer)
    second = services.case_register(case=propose(ospod_worker), officer=officer)
    held_conference(first, officer, [family])
    services.approach_start_next(case=first, officer=officer, notified_on=timezone.localdate())
    ranking = services.case_run_ranking(child_case=make_ready(second, officer), actor=officer)
    assert family.pk not in {r["entry_id"] for r in ranking.results}


def test_household_rule_the_proposal_asking_for_the_only_child_orders_the_ranking(client, ospod_worker, officer):
    """Issue 14 item 10: the child's file (the OSPOD proposal screen) asks for the only child of the family; the
    officer's ranking screen then weighs the children already in each household, and says why."""
    from workflows.applicant_journey.models import AcceptanceProfile
    from workflows.child_mediation.models import ChildCase

    from .conftest import make_ready
    from .test_views import proposal_post

    with_children, without = make_entry(), make_entry()
    AcceptanceProfile.objects.filter(entry=with_children).update(children_in_household=3)
    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:propose"), proposal_post(1, household_position="only"))
    assert response.status_code == 302
    case = ChildCase.objects.get()
    assert case.household_position == "only"
    case = make_ready(services.case_register(case=case, officer=officer), officer)

    client.force_login(officer)
    assert "jediné dítě v rodině" in client.get(reverse("child_mediation:detail", args=[case.pk])).content.decode()
    response = client.post(reverse("child_mediation:ranking", args=[case.pk]))
    ranking = selectors.latest_ranking(user=officer, case=case)
    assert [r["entry_id"] for r in ranking.results] == [without.pk, with_children.pk]
    page = client.get(response["Location"]).content.decode()
    assert "v domácnosti už žijí další děti (3 děti)" in page
