"""Roles are scoped: a guide sees their caseload, OSPOD its ORP, an officer their region."""

import pytest
from django.core.exceptions import ValidationError

from nrp.core.choices import Role
from nrp.core.models import RoleAssignment
from nrp.core.selectors import household_get_for_user, household_list_for_user
from tests.factories import orp

pytestmark = pytest.mark.django_db


def test_guide_of_another_organisation_cannot_see_the_household(household, other_guide, guide):
    assert list(household_list_for_user(user=guide)) == [household]
    assert household_get_for_user(user=other_guide, household_id=household.pk) is None
    assert household not in household_list_for_user(user=other_guide)


def test_applicant_sees_only_their_own_household(household, other_household, applicant, partner):
    assert list(household_list_for_user(user=applicant)) == [household]
    assert list(household_list_for_user(user=partner)) == [household]
    assert household_get_for_user(user=applicant, household_id=other_household.pk) is None


def test_ospod_worker_sees_residents_of_their_orp_only(household, other_household, ospod_worker):
    assert list(household_list_for_user(user=ospod_worker)) == [household]


def test_officer_sees_their_region_only(household, other_household, officer, other_officer):
    assert list(household_list_for_user(user=officer)) == [household]
    assert list(household_list_for_user(user=other_officer)) == [other_household]


def test_administrator_and_assessor_see_no_case_content_by_default(household, administrator, assessor):
    assert list(household_list_for_user(user=administrator)) == []
    assert list(household_list_for_user(user=assessor)) == []


def test_role_scope_is_validated(guide, jmk):
    wrong = RoleAssignment(user=guide, role=Role.OSPOD, region=jmk)
    with pytest.raises(ValidationError) as exc:
        wrong.full_clean()
    assert "orp" in exc.value.message_dict and "region" in exc.value.message_dict
    RoleAssignment(user=guide, role=Role.OSPOD, orp=orp("Brno")).full_clean()


def test_role_helpers_report_scopes(ospod_worker, officer, jmk):
    assert ospod_worker.region_ids(Role.OSPOD) == {jmk.pk}
    assert officer.region_ids(Role.OFFICER) == {jmk.pk}
    assert officer.is_staff_role
