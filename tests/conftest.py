"""Named personas, like healthchecks' alice and bob: everyone a test may need, in two regions.

Jihomoravský kraj (VÚSC 116, ORP Brno) is "home"; Moravskoslezský kraj (132, ORP Ostrava) is the other
region whose officer must see nothing of home.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from nrp.core.choices import Role
from tests.factories import OrganisationFactory, household_with_members, orp, region, user_with_role
from tests.security.otp import otp_login, otp_verify_session  # noqa: F401 - re-exported for every test


class SecondFactorClient(Client):
    """Django's test client whose ``force_login`` also passes the staff second factor (TOTP).

    Staff must verify a TOTP code after the password (nrp/core/twofactor.py); tests that are not about
    logging in use ``client.force_login(officer)`` and get a verified session, as after a real login.
    Tests of the login itself post the real forms (tests/security/test_two_factor.py).
    """

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        otp_login_session(self, user)


def otp_login_session(client, user) -> None:
    from nrp.core.twofactor import requires_second_factor

    if requires_second_factor(user):
        otp_verify_session(client, user)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in English leaves English active in the worker's thread (LocaleMiddleware does not reset it);
    every test starts from the default language, whatever ran before it on the same worker."""
    yield
    translation.deactivate()


@pytest.fixture
def client():
    """A test client; ``force_login`` of a staff user also marks the session as TOTP-verified."""
    return SecondFactorClient()


@pytest.fixture
def jmk():
    return region(116)


@pytest.fixture
def msk():
    return region(132)


@pytest.fixture
def organisation(jmk):
    return OrganisationFactory(name="Doprovázení JMK, z. s.", region=jmk)


@pytest.fixture
def other_organisation(jmk):
    return OrganisationFactory(name="Jiná organizace, z. s.", region=jmk)


@pytest.fixture
def guide(organisation):
    return user_with_role(Role.GUIDE, email="guide@test.nrp.example", organisation=organisation)


@pytest.fixture
def other_guide(other_organisation):
    return user_with_role(Role.GUIDE, email="other.guide@test.nrp.example", organisation=other_organisation)


@pytest.fixture
def ospod_worker():
    return user_with_role(Role.OSPOD, email="ospod@test.nrp.example", orp=orp("Brno"))


@pytest.fixture
def officer(jmk):
    return user_with_role(Role.OFFICER, email="officer@test.nrp.example", region=jmk)


@pytest.fixture
def other_officer(msk):
    """An officer of another region, who must see nothing of Jihomoravský kraj."""
    return user_with_role(Role.OFFICER, email="other.officer@test.nrp.example", region=msk)


@pytest.fixture
def assessor(jmk):
    return user_with_role(Role.ASSESSOR, email="assessor@test.nrp.example", region=jmk)


@pytest.fixture
def administrator():
    user = user_with_role(Role.ADMIN, email="admin@test.nrp.example")
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


@pytest.fixture
def household(guide, organisation):
    """An applicant couple from Brno in the caseload of ``guide``."""
    return household_with_members(residence="Brno", guide=guide, organisation=organisation)


@pytest.fixture
def applicant(household):
    return household.members.first().user


@pytest.fixture
def partner(household):
    return household.members.last().user


@pytest.fixture
def other_household(other_guide, other_organisation):
    return household_with_members(residence="Ostrava", guide=other_guide, organisation=other_organisation)
