"""The world of the authorization matrix: the personas and lazily built sample objects."""

import pytest

from tests.security import route_matrix as matrix

PERSONA_FIXTURES = {
    "applicant": "applicant",
    "guide": "guide",
    "ospod": "ospod_worker",
    "officer": "officer",
    "other_officer": "other_officer",
    "assessor": "assessor",
    "administrator": "administrator",
}


@pytest.fixture
def world(request, household, other_household):
    personas = {"household": household, "other_household": other_household}
    for persona, fixture in PERSONA_FIXTURES.items():
        personas[persona] = request.getfixturevalue(fixture)
    return matrix.World(personas)
