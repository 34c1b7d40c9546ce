"""The declarative policy (nrp/core/access.py): role x resource x action -> scope, checked on real objects."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from nrp.core.access import POLICY, Action, Resource, Scope, can, requires, roles_allowed
from nrp.core.choices import Role

pytestmark = pytest.mark.django_db


def test_every_role_is_in_the_policy_and_only_known_scopes_are_used():
    assert set(POLICY) == set(Role.values)
    for resources in POLICY.values():
        for resource, actions in resources.items():
            assert resource in Resource.__members__.values()
            assert set(actions) <= set(Action) and set(actions.values()) <= set(Scope)


def test_guides_never_read_children_or_rankings():
    """§19a: only public authorities select a family for a child."""
    for resource in (Resource.CHILD_FILE, Resource.RANKING, Resource.CONFERENCE):
        assert Role.GUIDE not in roles_allowed(Action.READ, resource)
        assert Role.APPLICANT not in roles_allowed(Action.READ, resource)


def test_household_scope_per_persona(
    applicant,
    guide,
    other_guide,
    ospod_worker,
    officer,
    other_officer,
    assessor,
    administrator,
    household,
    other_household,
):
    read = Action.READ
    assert can(applicant, read, Resource.APPLICANT_FILE, household)
    assert not can(applicant, read, Resource.APPLICANT_FILE, other_household)
    assert can(guide, read, Resource.APPLICANT_FILE, household)
    assert not can(other_guide, read, Resource.APPLICANT_FILE, household)
    assert can(ospod_worker, read, Resource.APPLICANT_FILE, household)
    assert not can(ospod_worker, read, Resource.APPLICANT_FILE, other_household)
    assert can(officer, Action.DECIDE, Resource.APPLICANT_FILE, household)
    assert not can(other_officer, read, Resource.APPLICANT_FILE, household)
    assert not can(assessor, read, Resource.APPLICANT_FILE, household)  # not assigned
    assert not can(administrator, read, Resource.APPLICANT_FILE, household)
    assert can(administrator, read, Resource.APPLICANT_FILE, household, with_reason=True)
    assert not can(applicant, Action.DECIDE, Resource.APPLICANT_FILE, household)


def test_requires_sends_anonymous_users_to_login_and_refuses_other_roles(guide, officer):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    @requires(Action.READ, Resource.CHILD_FILE)
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/deti/1/")
    request.user = AnonymousUser()
    assert view(request).status_code == 302
    request.user = guide
    with pytest.raises(PermissionDenied):
        view(request)
    request.user = officer
    assert view(request).status_code == 200


def test_the_policy_answers_django_permissions_for_viewflow_and_drf(officer, other_officer, guide, household):
    assert officer.has_perm("nrp.decide_applicant_file", household)
    assert not other_officer.has_perm("nrp.decide_applicant_file", household)
    assert not guide.has_perm("nrp.read_child_file")
    assert not officer.has_perm("nrp.fly_to_the_moon")
