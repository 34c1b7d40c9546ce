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


def test_a_policy_can_be_narrowed_to_scopes(guide, ospod_worker, officer, household, other_household):
    from nrp.core.access import Policy, Scope

    as_guide = Policy(Action.WRITE, Resource.APPLICANT_FILE, scopes={Scope.CASELOAD})
    assert as_guide.allows(guide) and as_guide.allows(guide, household)
    assert not as_guide.allows(guide, other_household)
    assert not as_guide.allows(ospod_worker) and not as_guide.allows(officer, household)
    assert as_guide.roles() == [Role.GUIDE]
    assert Policy(Action.READ, Resource.APPLICANT_FILE).roles() == [
        Role.APPLICANT,
        Role.GUIDE,
        Role.OSPOD,
        Role.OFFICER,
        Role.ASSESSOR,
    ]


def test_scope_q_selects_the_households_can_allows(
    applicant, guide, other_guide, ospod_worker, officer, other_officer, administrator, household, other_household
):
    from nrp.core.access import HOUSEHOLD_LOOKUPS, scope_q
    from nrp.core.models import Household

    for user in (applicant, guide, other_guide, ospod_worker, officer, other_officer, administrator):
        q = scope_q(user, Action.READ, Resource.APPLICANT_FILE, HOUSEHOLD_LOOKUPS)
        visible = set(Household.objects.filter(q).distinct()) if q is not None else set()
        for h in (household, other_household):
            assert (h in visible) == can(user, Action.READ, Resource.APPLICANT_FILE, h), (user, h)


def test_registered_permission_names_are_answered_by_the_policy(guide, other_guide, household):
    from nrp.core.access import Policy, Scope, permission_allows, register_permission

    register_permission("tests.guide_step", Policy(Action.WRITE, Resource.APPLICANT_FILE, scopes={Scope.CASELOAD}))
    assert guide.has_perm("tests.guide_step") and guide.has_perm("tests.guide_step", household)
    assert not other_guide.has_perm("tests.guide_step", household)
    assert "tests.guide_step" in guide.get_all_permissions()
    assert not permission_allows(guide, "tests.unknown")


def test_policy_required_audits_the_refusal_and_keeps_the_policy_on_the_view(guide):
    from django.core.exceptions import PermissionDenied

    from nrp.audit.models import AuditAction, AuditEvent
    from nrp.core.access import Policy
    from nrp.core.web import policy_required

    policy = Policy(Action.READ, Resource.CHILD_FILE)

    @policy_required(policy)
    def view(request):
        return HttpResponse("ok")

    assert view.policy == policy
    request = RequestFactory().get("/deti/")
    request.user = guide
    with pytest.raises(PermissionDenied):
        view(request)
    assert AuditEvent.objects.filter(actor=guide, action=AuditAction.DENIED, reason="role").exists()


def test_policy_permission_reads_the_declared_policy_per_method(guide, officer):
    from nrp.api.permissions import PolicyPermission
    from nrp.core.access import Policy

    class View:
        policy = {"GET": (Action.READ, Resource.APPLICANT_FILE), "POST": Policy(Action.DECIDE, Resource.APPLICANT_FILE)}

    class Request:
        def __init__(self, user, method):
            self.user, self.method = user, method

    permission = PolicyPermission()
    assert permission.has_permission(Request(guide, "GET"), View())
    assert not permission.has_permission(Request(guide, "POST"), View())
    assert str(Role.OFFICER.label) in permission.message  # names who may
    assert permission.has_permission(Request(officer, "POST"), View())
    assert not PolicyPermission().has_permission(Request(officer, "GET"), object())  # no policy: refused


# --- Every view declares its policy ----------------------------------------------------------------------------------
# Apps whose screens and API views declare a policy (``policy_required(...)`` / ``policy = ...``); add yours here.
# (views_signup, the sign-up code, is not in it yet.)
POLICY_DECLARING_MODULES = (
    "workflows.applicant_journey.views.",
    "workflows.applicant_journey.apis.",
    "nrp.notifications.",
    "nrp.search.",
)


def _routes(resolver=None, prefix=""):
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _routes(entry, namespace)
        elif isinstance(entry, URLPattern):
            yield f"{prefix}{entry.name}", entry.callback


def _declared_policy(callback):
    from nrp.api.permissions import PolicyPermission, view_policy

    cls = getattr(callback, "cls", None)
    if cls is None:
        return getattr(callback, "policy", None)
    if PolicyPermission not in getattr(cls, "permission_classes", []):
        return None
    methods = [m.upper() for m in cls.http_method_names if hasattr(cls, m) and m not in ("options", "head")]
    policies = [view_policy(cls, m) for m in methods]
    return policies if policies and all(policies) else None


def test_every_view_and_api_view_declares_a_policy():
    """A screen or API view of a policy-declaring app without a declared policy fails here (it would be refused
    anyway: PolicyPermission fails closed), so the rule a view follows is always one search away."""
    checked, missing = 0, []
    for name, callback in _routes():
        if not str(getattr(callback, "__module__", "")).startswith(POLICY_DECLARING_MODULES):
            continue
        checked += 1
        if _declared_policy(callback) is None:
            missing.append(f"{name} ({callback.__module__}.{callback.__name__})")
    assert checked >= 30, f"only {checked} views found: is the URL walk still right?"
    assert _declared_policy(lambda request: None) is None  # the check itself sees a view without one
    assert missing == [], "views without a declared policy:\n" + "\n".join(missing)
