"""Pages that do not grow with data: the number of queries of a list or detail is the same for a few rows and for
many (each test counts one request at two data sizes)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.services import ranking_run
from nrp.core.choices import CareType, ContactLevel
from tests.api.conftest import TokenClient
from tests.child_mediation.conftest import make_entry, make_ready, propose
from tests.factories import household_with_members
from workflows.applicant_journey import services as journey_services
from workflows.child_mediation import services as mediation_services

pytestmark = pytest.mark.django_db


def queries(call) -> int:
    call()  # warm: sessions, roles, translations
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200, response.content[:300]
    return len(ctx.captured_queries)


def at_two_sizes(add_rows, call, small: int = 2, large: int = 8) -> tuple[int, int]:
    add_rows(small)
    few = queries(call)
    add_rows(large - small)
    many = queries(call)
    return few, many


# --- API caseload: each row's guide is loaded with the row -------------------------------------------------------
def test_api_caseload_queries_do_not_grow_with_journeys(guide, organisation):
    def add(n):
        for _ in range(n):
            household = household_with_members(residence="Brno", guide=guide, organisation=organisation)
            journey_services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])

    program = TokenClient(guide)
    few, many = at_two_sizes(add, lambda: program.get("/api/v1/caseload/"))
    assert many == few


# --- API children list: each case's birth-family ORP is loaded with the case ---------------------------------------
def test_api_children_list_queries_do_not_grow_with_cases(ospod_worker, officer):
    def add(n):
        for _ in range(n):
            case = propose(ospod_worker, contact_plan=ContactLevel.SUPERVISED, birth_family_orp=_brno())
            mediation_services.case_register(case=case, officer=officer)

    program = TokenClient(officer)
    few, many = at_two_sizes(add, lambda: program.get("/api/v1/children/"))
    assert many == few


def _brno():
    from tests.factories import orp

    return orp("Brno")


# --- stored ranking: one page, whatever the number of ranked families -------------------------------------------
def _ranking_with(officer, ospod_worker, n_families: int):
    for _ in range(n_families):
        make_entry()
    case = make_ready(mediation_services.case_register(case=propose(ospod_worker), officer=officer), officer)
    return ranking_run(child_case=case, actor=officer)


@pytest.mark.parametrize("channel", ["screen", "api"])
def test_stored_ranking_page_queries_do_not_grow_with_families(client, officer, ospod_worker, channel):
    from tests.security.otp import otp_verify_session

    client.force_login(officer)
    otp_verify_session(client, officer)
    program = TokenClient(officer)
    counts = []
    for n in (3, 30):
        run = _ranking_with(officer, ospod_worker, n)
        assert run.eligible_count >= n
        if channel == "screen":
            counts.append(queries(lambda run=run: client.get(reverse("matching:ranking_detail", args=[run.pk]))))
        else:
            counts.append(queries(lambda run=run: program.get(f"/api/v1/rankings/{run.pk}/")))
    assert counts[0] == counts[1]


def test_case_rankings_list_queries_do_not_grow_with_rankings(client, officer, ospod_worker):
    from tests.security.otp import otp_verify_session

    make_entry()
    case = make_ready(mediation_services.case_register(case=propose(ospod_worker), officer=officer), officer)
    client.force_login(officer)
    otp_verify_session(client, officer)
    program = TokenClient(officer)

    def add(n):
        for _ in range(n):
            ranking_run(child_case=case, actor=officer)

    few, many = at_two_sizes(add, lambda: client.get(reverse("matching:case_rankings", args=[case.pk])))
    assert many == few
    api_few = queries(lambda: program.get(f"/api/v1/children/{case.pk}/rankings/"))
    add(3)
    assert queries(lambda: program.get(f"/api/v1/children/{case.pk}/rankings/")) == api_few


def test_excluded_families_page_queries_do_not_grow_with_families(officer, ospod_worker):
    program = TokenClient(officer)
    counts = []
    for n in (3, 20):
        for _ in range(n):
            entry = make_entry()
            entry.profile.age_max = 1
            entry.profile.save()
        run = _ranking_with(officer, ospod_worker, 1)
        counts.append(queries(lambda run=run: program.get(f"/api/v1/rankings/{run.pk}/excluded-families/")))
    assert counts[0] == counts[1]
