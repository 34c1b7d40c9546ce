""" "Můj den": every role's home page shows what needs attention now, with counts and links, never a placeholder.

The page reads through selectors with the user's scope; its query count does not grow with the data.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nrp.core.choices import CareType
from nrp.core.dashboard.my_day import my_day
from tests.child_mediation.conftest import propose
from tests.factories import household_with_members
from workflows.applicant_journey import services
from workflows.applicant_journey.models import DocumentStatus
from workflows.applicant_journey.services.communication import message_send
from workflows.child_mediation import services as child_services

pytestmark = pytest.mark.django_db

PLACEHOLDERS = ("Tady se brzy objeví", "brzy objeví")


def items_of(user) -> dict:
    return {item.key: item for section in my_day(user) for item in section.items}


def add_families(n, *, guide, organisation, ospod_worker, officer):
    """``n`` households in Brno: an open journey each (a task for the guide), a question from the family,
    a document sent for review, and a child proposed by OSPOD and registered by the region."""
    for i in range(n):
        household = household_with_members(residence="Brno", guide=guide, organisation=organisation)
        journey = services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
        member = household.members.first()
        message_send(journey=journey, author=member.user, body=f"Dobrý den, dotaz č. {i}")
        document = journey.documents.first()
        if document is None:
            document = journey.documents.create(kind="health", member=member)
        document.status = DocumentStatus.SUBMITTED
        document.save(update_fields=["status"])
        case = propose(ospod_worker)
        child_services.case_register(
            case=case, officer=officer, registered_on=timezone.localdate() - timedelta(days=30 + i)
        )
        propose(ospod_worker)


@pytest.fixture
def families(guide, organisation, ospod_worker, officer):
    add_families(2, guide=guide, organisation=organisation, ospod_worker=ospod_worker, officer=officer)


def test_guide_sees_tasks_messages_and_documents_with_counts_and_links(client, guide, families):
    items = items_of(guide)
    assert items["tasks_mine"].count + items["tasks_queue"].count == 2
    assert items["messages_waiting"].count == 2
    assert items["documents_to_review"].count == 2
    assert items["messages_waiting"].url.endswith("#zpravy")
    client.force_login(guide)
    html = client.get("/").content.decode()
    assert "zprávy od rodin čekají na odpověď" in html or "zpráv od rodin čeká na odpověď" in html
    assert not any(p in html for p in PLACEHOLDERS)


def test_officer_sees_children_waiting_longest_and_proposals(client, officer, families):
    items = items_of(officer)
    assert items["children_waiting_longest"].count == 2
    assert "čeká 31 dní" in items["children_waiting_longest"].lines[0].text
    assert items["children_proposed"].count == 2
    client.force_login(officer)
    html = client.get("/").content.decode()
    assert "dětí čeká na rodinu" in html or "děti čekají na rodinu" in html


def test_ospod_sees_the_children_of_the_orp(client, ospod_worker, families):
    items = items_of(ospod_worker)
    assert items["children_proposed_ospod"].count == 2
    assert items["documents_to_review"].count == 2


def test_answer_of_a_family_reply_clears_the_waiting_message(guide, families):
    from workflows.applicant_journey.models import ApplicantJourney

    journey = ApplicantJourney.objects.filter(household__guide=guide).first()
    message_send(journey=journey, author=guide, body="Dobrý den, odpovídám.")
    assert items_of(guide)["messages_waiting"].count == 1


def test_applicant_sees_new_messages_and_what_comes_next(client, applicant, guide, household):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    message_send(journey=journey, author=guide, body="Vítejte, ozvu se s termínem schůzky.")
    section = next(s for s in my_day(applicant) if s.role == "applicant")
    assert "informační schůzku" in section.intro
    items = {i.key: i for i in section.items}
    assert items["messages_new"].count == 1
    # a brand-new interested person is not told "nothing missing": no document items before the application
    assert "documents_missing" not in items
    client.force_login(applicant)
    html = client.get("/").content.decode()
    assert "nová zpráva" in html


def test_administrator_home_has_admin_work_not_a_placeholder(client, administrator, guide):
    from nrp.core.models import User

    User.objects.create_user("bez.role@test.nrp.example", "x")
    items = items_of(administrator)
    assert items["accounts_without_role"].count >= 1
    assert items["staff_without_second_factor"].count >= 1
    client.force_login(administrator)
    html = client.get("/").content.decode()
    assert "účet bez přidělené role" in html or "účty bez přidělené role" in html or "účtů bez přidělené role" in html
    assert not any(p in html for p in PLACEHOLDERS)


@pytest.mark.parametrize("persona", ["guide", "ospod_worker", "officer", "assessor", "applicant", "administrator"])
def test_every_role_home_shows_counts_with_links(request, client, persona, families):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert not any(p in html for p in PLACEHOLDERS)
    assert re.search(r'<span class="count">\d+</span>', html) or persona == "applicant"


@pytest.mark.parametrize("persona", ["guide", "ospod_worker", "officer"])
def test_home_query_count_does_not_grow_with_data(request, client, persona, guide, organisation, ospod_worker, officer):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    add_families(1, guide=guide, organisation=organisation, ospod_worker=ospod_worker, officer=officer)
    queries()  # the first request fills per-process caches (content types, permissions, the legal basis)
    small = queries()
    add_families(4, guide=guide, organisation=organisation, ospod_worker=ospod_worker, officer=officer)
    large = queries()
    assert large == small, f"{persona}: {small} queries with 1 family, {large} with 5"
