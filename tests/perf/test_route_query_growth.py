"""Every page and API endpoint a persona may read answers with as many SQL queries for a little data as for more.

The route matrix (tests/security/route_matrix.py) names every route and which personas get it; this test takes
each GET that the matrix expects to succeed for a persona, counts its queries on the matrix's world, then adds
rows of every kind the lists and details show (households with journeys in the guide's caseload, registered
children, messages, notes and documents of the sample journey, conferences...) and counts again. A count that
grows is an N+1: a query per row. New routes are covered as soon as they enter the matrix.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from nrp.core.choices import CareType
from tests.factories import household_with_members
from tests.security import route_matrix as matrix
from tests.security.otp import otp_verify_session
from tests.security.test_route_matrix import project_routes

pytestmark = pytest.mark.django_db

# The personas with data to read (the administrator's pages are Django's admin, other_officer mirrors officer).
READERS = ("officer", "guide", "ospod", "applicant", "assessor")

# Routes whose answer is not a page of rows: files and the schema.
NOT_A_PAGE = ("api:schema", "api:docs", "javascript-catalog")


def readable_urls(world: matrix.World, persona: str) -> list[tuple[str, str]]:
    """(route label, URL) of every GET the matrix expects ``persona`` to get with success."""
    urls = []
    for name, pattern_kwargs in sorted(project_routes().items()):
        if name in NOT_A_PAGE:
            continue
        for case in matrix.cases_for(name, pattern_kwargs) or []:
            if case.method != "get" or case.expect[persona] != matrix.OK:
                continue
            urls.append((f"{name} [{case.label}]", matrix.case_url(world, name, case)))
    return urls


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    if user.is_staff_role or user.is_staff:
        otp_verify_session(client, user)
    return client


def count_queries(client: Client, url: str) -> int | None:
    """Queries of the second of two identical GETs (the first warms sessions, caches and translations); None when
    the answer is not a success (a redirect to a form, say), which the route matrix judges, not this test."""
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    if response.status_code != 200:
        return None
    return len(ctx.captured_queries)


def grow(world: matrix.World, rows: int) -> None:
    """More of everything the home region's lists and the sample objects' details show."""
    from tests.child_mediation.conftest import propose
    from workflows.applicant_journey.services import communication, lifecycle
    from workflows.applicant_journey.services.documents import criminal_record_requirement_add
    from workflows.child_mediation import services as mediation

    journey = world.sample("journey")
    organisation = world.household.organisation
    member = world.household.members.order_by("pk")[0]
    for i in range(rows):
        household = household_with_members(residence="Brno", guide=world.guide, organisation=organisation)
        lifecycle.journey_open(household=household, actor=world.guide, care_types=[CareType.FOSTER])
        mediation.case_register(case=propose(world.ospod), officer=world.officer)
        communication.message_send(journey=journey, author=world.guide, body=f"Zpráva {i}")
        communication.note_add(journey=journey, author=world.guide, body=f"Poznámka {i}")
        criminal_record_requirement_add(
            journey=journey, actor=world.applicant, member_id=member.pk, country=f"Země {i}"
        )


@pytest.mark.parametrize("persona", READERS)
def test_no_readable_page_grows_with_rows(world, persona):
    user = world.personas[persona]
    urls = readable_urls(world, persona)
    assert urls, f"the matrix gives {persona} nothing to read"
    # One row of each kind first: an empty list skips its prefetch queries, which is not growth.
    grow(world, 1)
    client = client_for(user)
    few = {label: count_queries(client, url) for label, url in urls}
    grow(world, 4)
    client = client_for(user)
    grown = []
    for label, url in urls:
        before, after = few[label], count_queries(client, url)
        if before is not None and after is not None and after > before:
            grown.append(f"{label} {url}: {before} -> {after} queries")
    assert not grown, f"{persona}: pages whose queries grow with rows:\n" + "\n".join(grown)
