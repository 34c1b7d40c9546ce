"""Identity in lists only for the roles that may see it (issue 11, item 3; docs/domain.md "Roles").

One named child (the officers of its region and its OSPOD see the name; officers of other regions only the
anonymised profile in the national search; nobody else anything) and one named applicant household (its members,
its guide, the OSPOD of its ORP and the officers of its region see the names; other guides, other regions,
assessors not assigned and administrators do not). Every list page and list endpoint that can show them is read by
every persona: the names appear exactly for the roles allowed, whatever else the answer is (a list without them,
403 or 404).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nrp.api.services import api_token_create
from nrp.core.choices import CareType, Role, Sex
from nrp.core.models import HouseholdMember
from tests.child_mediation.conftest import child_data, propose
from tests.factories import HouseholdFactory, orp, user_with_role
from tests.security.otp import otp_login
from workflows.applicant_journey import services as journey_services
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db

CHILD = ("Bořivoj", "Neobvyklý")
APPLICANT = ("Radmila", "Zvláštní")
PERSONAS = [
    "named_applicant",
    "applicant",
    "guide",
    "other_guide",
    "ospod_worker",
    "officer",
    "other_officer",
    "assessor",
    "administrator",
]


@pytest.fixture
def named_child(ospod_worker, officer):
    """A child of ORP Brno in the national search: other regions' officers read its anonymised profile."""
    child = child_data(first_name=CHILD[0], last_name=CHILD[1], date_of_birth=timezone.localdate() - timedelta(900))
    case = propose(ospod_worker, children=[child])
    case = services.case_register(case=case, officer=officer, registered_on=timezone.localdate() - timedelta(days=9))
    return services.case_escalate_national(case=case, actor=officer)


@pytest.fixture
def named_household(guide, organisation):
    household = HouseholdFactory(residence_orp=orp("Brno"), guide=guide, organisation=organisation)
    user = user_with_role(Role.APPLICANT, email="radmila@test.nrp.example")
    user.first_name, user.last_name = APPLICANT
    user.save(update_fields=["first_name", "last_name"])
    HouseholdMember.objects.create(
        household=household, user=user, first_name=APPLICANT[0], last_name=APPLICANT[1], sex=Sex.FEMALE
    )
    journey_services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    return household


@pytest.fixture
def world(
    request,
    named_child,
    named_household,
    household,
    other_household,
    other_guide,
    other_officer,
    assessor,
    administrator,
):
    return {"case": named_child, "household": named_household}


def persona(request, name: str):
    if name == "named_applicant":
        return request.getfixturevalue("named_household").members.get().user
    return request.getfixturevalue(name)


def read_api(user, path: str) -> str:
    secret = api_token_create(user=user, name="lists", expires_in_days=1).secret
    return Client().get(path, headers={"Authorization": f"Bearer {secret}"}).content.decode()


def read_page(user, path: str) -> str:
    """The page's main content as ``user`` (staff past the second factor); the header names the user."""
    client = Client()
    otp_login(client, user)
    body = client.get(path, follow=True).content.decode()
    return body[body.find('<main id="main"') : body.find("</main>")]


def read(user, path: str) -> str:
    if path.startswith("page:"):
        return read_page(user, reverse(path[5:]))
    return read_api(user, path) if path.startswith("/api/") else read_page(user, path)


def shows(body: str, names: tuple[str, str]) -> bool:
    return names[0] in body or names[1] in body


def who_sees(request, path: str, names: tuple[str, str]) -> set[str]:
    """The personas whose answer to ``path`` shows ``names``."""
    return {name for name in PERSONAS if shows(read(persona(request, name), path), names)}


CHILD_READERS = {"ospod_worker", "officer"}
HOUSEHOLD_READERS = {"named_applicant", "guide", "ospod_worker", "officer"}


def test_children_register_endpoint_names_the_child_only_for_its_region_and_ospod(request, world):
    assert who_sees(request, "/api/v1/children/", CHILD) == CHILD_READERS


@pytest.mark.parametrize(
    "path",
    [
        # The screens list children by reference and anonymised profile for everyone; names only on the file.
        "page:child_mediation:list",
        "page:child_mediation:national",
        "page:matching:index",
        "/api/v1/legal-tasks/",
        "/api/v1/court-proceedings/",
    ],
)
def test_list_pages_and_task_lists_never_name_a_child(request, world, path):
    assert who_sees(request, path, CHILD) == set()


@pytest.mark.parametrize("suffix", ["conferences/", "approaches/", "rankings/"])
def test_lists_under_a_child_never_name_it(request, world, suffix):
    assert who_sees(request, f"/api/v1/children/{world['case'].pk}/{suffix}", CHILD) == set()


@pytest.mark.parametrize("path", ["/api/v1/households/", "/api/v1/journeys/", "page:applicant_journey:list"])
def test_household_and_journey_lists_name_applicants_only_for_who_works_with_them(request, world, path):
    # The applicant's own journey is the portal ("moje cesta"), not the staff's journey list.
    expected = HOUSEHOLD_READERS - ({"named_applicant"} if path.startswith("page:") else set())
    assert who_sees(request, path, APPLICANT) == expected


@pytest.mark.parametrize("path", ["/api/v1/caseload/", "page:applicant_journey:caseload"])
def test_caseload_names_applicants_only_for_their_guide(request, world, path):
    assert who_sees(request, path, APPLICANT) == {"guide"}


@pytest.mark.parametrize("path", ["/api/v1/tasks/", "page:applicant_journey:tasks"])
def test_task_lists_name_applicants_only_to_the_tasks_owner(request, world, path):
    # The open step (the information meeting) is the guide's (the API lists tasks without names at all).
    assert who_sees(request, path, APPLICANT) <= {"guide"}


def test_the_applicant_register_names_families_only_for_officers(request, world):
    assert who_sees(request, "/api/v1/register/", APPLICANT) <= {"officer"}


def test_home_page_panels_name_only_the_own_family_or_the_guides_people(request, world):
    assert who_sees(request, "/", CHILD) == set()
    assert who_sees(request, "/", APPLICANT) == {"named_applicant", "guide"}
