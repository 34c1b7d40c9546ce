"""Staff search by name or reference, only within their scope; what it shows is audited as a read of identity;
no result gives a helpful empty state."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from nrp.audit.models import AuditAction, AuditEvent
from nrp.core.choices import CareType
from workflows.applicant_journey import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])


@pytest.fixture
def other_journey(other_household):
    return services.journey_open(household=other_household, actor=other_household.guide, care_types=["FOSTER"])


def found_journeys(client, query: str) -> set[int]:
    page = client.get(reverse("search:search"), {"q": query}).content.decode()
    return {int(n) for n in re.findall(r'href="/zadatele/(\d+)/"', page)}


def test_an_officer_finds_a_family_of_the_region_by_part_of_a_name_not_another_regions(
    client, officer, journey, other_journey
):
    client.force_login(officer)
    assert found_journeys(client, "mal") == {journey.pk}  # both families are "Malí"; the other lives in Ostrava
    assert found_journeys(client, "Jana Malá") == {journey.pk}
    assert found_journeys(client, f"č. {journey.pk}") == {journey.pk}
    assert found_journeys(client, f"č. {other_journey.pk}") == set()


def test_a_guide_finds_only_their_own_families_and_no_children(client, guide, other_guide, journey, ospod_worker):
    from tests.child_mediation.conftest import propose

    client.force_login(other_guide)
    assert found_journeys(client, "Malá") == set()
    client.force_login(guide)
    assert found_journeys(client, "Malá") == {journey.pk}
    case = propose(ospod_worker)
    page = client.get(reverse("search:search"), {"q": case.reference}).content.decode()
    assert reverse("child_mediation:detail", args=[case.pk]) not in page  # §19a: a guide never sees a child's file
    assert "jsme nic nenašli" in page


def test_an_officer_finds_a_child_by_reference_and_the_search_is_audited(client, officer, ospod_worker, journey):
    from tests.child_mediation.conftest import propose

    case = propose(ospod_worker)
    client.force_login(officer)
    page = client.get(reverse("search:search"), {"q": case.reference}).content.decode()
    assert reverse("child_mediation:detail", args=[case.pk]) in page
    bulk = AuditEvent.objects.get(actor=officer, action=AuditAction.READ, object_type="child_mediation.childcase")
    assert bulk.details["list"] and case.pk in bulk.details["ids"] and bulk.details["listing"] == "search"
    client.get(reverse("search:search"), {"q": "Malá"})
    read = AuditEvent.objects.get(actor=officer, object_type="applicant_journey.applicantjourney")
    assert read.household_id == journey.household_id and read.details["listing"] == "search"
    assert "Malá" not in str(read.details)  # the query (a name) is not kept in the trail


def test_no_result_explains_what_to_try(client, officer, journey):
    client.force_login(officer)
    page = client.get(reverse("search:search"), {"q": "Neexistující"}).content.decode()
    assert "Pro „Neexistující“ jsme nic nenašli." in page
    assert "číslo případu" in page
    assert not AuditEvent.objects.filter(actor=officer, action=AuditAction.READ).exists()  # nothing was shown


@pytest.mark.parametrize("persona", ["applicant", "administrator"])
def test_applicants_and_administrators_may_not_search(client, persona, request, journey):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("search:search"), {"q": "Malá"}).status_code == 403


def test_the_header_offers_the_search_box_to_staff_only(client, officer, applicant):
    client.force_login(officer)
    assert 'role="search"' in client.get(reverse("home")).content.decode()
    client.force_login(applicant)
    assert 'action="/hledat/"' not in client.get(reverse("home")).content.decode()
