"""Who may read, write and decide what: one declarative table, role x resource x action -> scope.

The table follows docs/domain.md ("Roles"): an applicant sees only their own household; a guide only their
caseload and never a child's file or a ranking; an OSPOD worker only their ORP; a regional officer only
their region; an assessor only the applicants assigned to them; an administrator no case content except
with an audited reason (``nrp/audit/exceptional.py``).

Use it from views, API permission classes and viewflow task permissions::

    from nrp.core.access import Action, Resource, can, requires

    @requires(Action.READ, Resource.CHILD_FILE)          # role-level: 403 for a guide, login for anonymous
    def child_detail(request, pk):
        case = get_object_or_404(ChildCase, pk=pk)
        if not can(request.user, Action.READ, Resource.CHILD_FILE, case):   # object-level scope
            raise Http404

Objects are placed in scope by ``object_scope(obj)``: it reads ``region``, ``orp``, ``household``,
``guide`` and ``assessors`` attributes, or an app registers its own mapping with ``register_object_scope``.
The route-by-role test (tests/security/test_route_matrix.py) checks every URL of the project against the
expected outcome per persona, so a view that forgets this table fails there.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from nrp.core.choices import Role


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    # A decision with legal effect: inclusion in the register, choosing a family for a child.
    DECIDE = "decide"


class Resource(StrEnum):
    # The applicant household's file (spisová dokumentace žadatele) and its journey.
    APPLICANT_FILE = "applicant_file"
    # Documents uploaded to an applicant's file.
    DOCUMENT = "document"
    # Expert assessment (odborné posouzení, §27).
    ASSESSMENT = "assessment"
    # Criminal-record extracts (výpis z evidence Rejstříku trestů).
    CRIMINAL_RECORD = "criminal_record"
    # The applicant register (evidence žadatelů) and its decisions.
    APPLICANT_REGISTER = "applicant_register"
    # A child's file and the children register (evidence dětí).
    CHILD_FILE = "child_file"
    # Matching rankings.
    RANKING = "ranking"
    # Case conferences and approaches to families.
    CONFERENCE = "conference"
    # The audit trail of a case.
    AUDIT_TRAIL = "audit_trail"
    # Users, roles, reference data.
    ADMINISTRATION = "administration"
    # Aggregate statistics and outcomes (/statistiky/, nrp/stats): figures, never identities.
    STATISTICS = "statistics"


class Scope(StrEnum):
    """How far a role's permission reaches."""

    NONE = "none"
    # Applicant: their own household only.
    OWN_HOUSEHOLD = "own_household"
    # Guide: households whose guide they are.
    CASELOAD = "caseload"
    # OSPOD worker: objects of their ORP (applicant's permanent residence, child's ORP).
    ORP = "orp"
    # Regional officer: objects of their region.
    REGION = "region"
    # Assessor: applicants assigned to them.
    ASSIGNED = "assigned"
    # Administrator: only through exceptional access with an audited reason.
    WITH_REASON = "with_reason"
    # Everything (administration for administrators).
    ANY = "any"


R, W, D = Action.READ, Action.WRITE, Action.DECIDE
S = Scope

# role -> resource -> {action: scope}. Missing means Scope.NONE.
POLICY: dict[str, dict[str, dict[str, Scope]]] = {
    Role.APPLICANT: {
        Resource.APPLICANT_FILE: {R: S.OWN_HOUSEHOLD, W: S.OWN_HOUSEHOLD},
        Resource.DOCUMENT: {R: S.OWN_HOUSEHOLD, W: S.OWN_HOUSEHOLD},
        # Inspection of the file before the decision (správní řád §36(3)).
        Resource.ASSESSMENT: {R: S.OWN_HOUSEHOLD},
        Resource.CRIMINAL_RECORD: {R: S.OWN_HOUSEHOLD, W: S.OWN_HOUSEHOLD},
        Resource.APPLICANT_REGISTER: {R: S.OWN_HOUSEHOLD},
        # "Who accessed my file".
        Resource.AUDIT_TRAIL: {R: S.OWN_HOUSEHOLD},
    },
    Role.GUIDE: {
        Resource.APPLICANT_FILE: {R: S.CASELOAD, W: S.CASELOAD},
        Resource.DOCUMENT: {R: S.CASELOAD, W: S.CASELOAD},
        # Never a child's file or a ranking (§19a: only public authorities select a family).
    },
    Role.OSPOD: {
        Resource.APPLICANT_FILE: {R: S.ORP, W: S.ORP},
        Resource.DOCUMENT: {R: S.ORP, W: S.ORP},
        # The ORP requests the Czech extract itself (§21(5)).
        Resource.CRIMINAL_RECORD: {R: S.ORP, W: S.ORP},
        Resource.CHILD_FILE: {R: S.ORP, W: S.ORP},
        Resource.CONFERENCE: {R: S.ORP},
        Resource.AUDIT_TRAIL: {R: S.ORP},
    },
    Role.OFFICER: {
        Resource.APPLICANT_FILE: {R: S.REGION, W: S.REGION, D: S.REGION},
        Resource.DOCUMENT: {R: S.REGION, W: S.REGION},
        Resource.ASSESSMENT: {R: S.REGION, W: S.REGION, D: S.REGION},
        Resource.CRIMINAL_RECORD: {R: S.REGION},
        Resource.APPLICANT_REGISTER: {R: S.REGION, W: S.REGION, D: S.REGION},
        Resource.CHILD_FILE: {R: S.REGION, W: S.REGION, D: S.REGION},
        Resource.RANKING: {R: S.REGION, W: S.REGION},
        Resource.CONFERENCE: {R: S.REGION, W: S.REGION, D: S.REGION},
        Resource.AUDIT_TRAIL: {R: S.REGION},
        Resource.STATISTICS: {R: S.REGION},
    },
    Role.ASSESSOR: {
        Resource.APPLICANT_FILE: {R: S.ASSIGNED},
        Resource.DOCUMENT: {R: S.ASSIGNED},
        Resource.ASSESSMENT: {R: S.ASSIGNED, W: S.ASSIGNED},
    },
    Role.ADMIN: {
        Resource.APPLICANT_FILE: {R: S.WITH_REASON},
        Resource.DOCUMENT: {R: S.WITH_REASON},
        Resource.CHILD_FILE: {R: S.WITH_REASON},
        Resource.AUDIT_TRAIL: {R: S.ANY},
        Resource.ADMINISTRATION: {R: S.ANY, W: S.ANY},
    },
    # MPSV: every region's statistics (small groups suppressed, no identities); no case content at all.
    Role.MINISTRY: {
        Resource.STATISTICS: {R: S.ANY},
    },
}


def scope_for(role: str, resource: str, action: str) -> Scope:
    return POLICY.get(role, {}).get(resource, {}).get(action, Scope.NONE)


@dataclass(frozen=True)
class ObjectScope:
    """Where an object belongs, for the scope checks."""

    region_ids: frozenset[int] = frozenset()
    orp_ids: frozenset[int] = frozenset()
    household_ids: frozenset[int] = frozenset()
    guide_ids: frozenset[int] = frozenset()
    assessor_ids: frozenset[int] = frozenset()
    member_user_ids: frozenset[int] = field(default_factory=frozenset)


_SCOPE_MAPPERS: dict[type, Callable[[object], ObjectScope]] = {}


def register_object_scope(model: type, mapper: Callable[[object], ObjectScope]) -> None:
    """Tell the policy where instances of ``model`` belong (when the default attribute reading is wrong)."""
    _SCOPE_MAPPERS[model] = mapper


def _ids(*values) -> frozenset[int]:
    return frozenset(v for v in values if v is not None)


def object_scope(obj) -> ObjectScope:
    for model, mapper in _SCOPE_MAPPERS.items():
        if isinstance(obj, model):
            return mapper(obj)
    from nrp.core.models import Household

    household = obj if isinstance(obj, Household) else getattr(obj, "household", None)
    region_id = getattr(obj, "region_id", None)
    orp_id = getattr(obj, "orp_id", None)
    guide_id = None
    member_ids: frozenset[int] = frozenset()
    if isinstance(household, Household):
        orp_id = orp_id or household.residence_orp_id
        region_id = region_id or household.residence_orp.region_id
        guide_id = household.guide_id
        member_ids = _ids(*household.members.values_list("user_id", flat=True))
    assessors = getattr(obj, "assessors", None)
    assessor_ids = _ids(*assessors.values_list("pk", flat=True)) if hasattr(assessors, "values_list") else frozenset()
    assessor_id = getattr(obj, "assessor_id", None)
    return ObjectScope(
        region_ids=_ids(region_id),
        orp_ids=_ids(orp_id),
        household_ids=_ids(household.pk if isinstance(household, Household) else None),
        guide_ids=_ids(guide_id),
        assessor_ids=assessor_ids | _ids(assessor_id),
        member_user_ids=member_ids,
    )


def _in_scope(user, role: str, scope: Scope, where: ObjectScope) -> bool:
    if scope == Scope.ANY:
        return True
    if scope == Scope.OWN_HOUSEHOLD:
        return user.pk in where.member_user_ids
    if scope == Scope.CASELOAD:
        return user.pk in where.guide_ids
    if scope == Scope.ORP:
        return bool(user.orp_ids(role) & where.orp_ids)
    if scope == Scope.REGION:
        return bool(user.region_ids(role) & where.region_ids)
    if scope == Scope.ASSIGNED:
        return user.pk in where.assessor_ids
    return False


def can(user, action: str, resource: str, obj=None, *, with_reason: bool = False) -> bool:
    """May ``user`` do ``action`` on ``resource`` (on ``obj``, when given)?

    Without ``obj`` the answer is role-level: does any of the user's roles have a scope at all.
    ``with_reason``: the administrator stated an audited reason (exceptional access).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    where = object_scope(obj) if obj is not None else None
    for role in sorted(user.role_codes):
        scope = scope_for(role, resource, action)
        if scope == Scope.NONE:
            continue
        if scope == Scope.WITH_REASON:
            if with_reason:
                return True
            continue
        if where is None or _in_scope(user, role, scope, where):
            return True
    return False


def requires(action: str, resource: str) -> Callable:
    """View decorator: anonymous users go to the login page, users whose roles lack the permission get 403."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, action, resource):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def roles_allowed(action: str, resource: str) -> set[str]:
    return {role for role in POLICY if scope_for(role, resource, action) != Scope.NONE}


# Admin-site models that hold case content: an administrator opens them only with an audited reason.
CASE_CONTENT_APPS = ("applicant_journey", "child_mediation", "matching", "viewflow", "workflow")
CASE_CONTENT_MODELS = ("core/household", "core/householdmember")


def admin_prefix() -> str:
    return getattr(settings, "NRP_ADMIN_PREFIX", "/sprava/")


def is_case_content_admin_path(path: str, apps: Iterable[str] = CASE_CONTENT_APPS) -> bool:
    prefix = admin_prefix()
    if not path.startswith(prefix):
        return False
    rest = path[len(prefix) :]
    app = rest.split("/", 1)[0]
    return app in apps or any(rest == m or rest.startswith(m + "/") for m in CASE_CONTENT_MODELS)


PERMISSION_PREFIX = "nrp."


def permission_name(action: str, resource: str) -> str:
    """The Django permission string for the policy: ``nrp.read_child_file``, ``nrp.decide_applicant_file``."""
    return f"{PERMISSION_PREFIX}{action}_{resource}"


class PolicyPermissionBackend:
    """Answers ``user.has_perm("nrp.<action>_<resource>", obj)`` from the policy table.

    So viewflow nodes (``.Permission("nrp.decide_applicant_file", obj=lambda process: process.household)``),
    DRF ``DjangoObjectPermissions`` and templates (``perms.nrp``) use the same table as the views. Only
    ``nrp.*`` permissions are answered here; everything else falls through to the other backends.
    """

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if not perm.startswith(PERMISSION_PREFIX):
            return False
        action, _, resource = perm[len(PERMISSION_PREFIX) :].partition("_")
        if action not in Action.__members__.values() or resource not in Resource.__members__.values():
            return False
        return can(user_obj, action, resource, obj)

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return False
