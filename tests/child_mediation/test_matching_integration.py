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
        {"scheduled_at": "2026-12-03T09:30", "shortlist_size": "1", "officer_name": "Mgr. Jana Krajská"},
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
