"""Who may read, write and decide what: one declarative table, role x resource x action -> scope.

The table follows docs/domain.md ("Roles"): an applicant sees only their own household; a guide only their
caseload and never a child's file or a ranking; an OSPOD worker only their ORP; a regional officer only
their region; an assessor only the applicants assigned to them; an administrator no case content except
with an audited reason (``nrp/audit/exceptional.py``).

It is the one engine that answers "may this user do this action on this object". Views, API views, viewflow
node permissions, the selectors' scope filters and templates all ask it::

    from nrp.core.access import Action, Policy, Resource, Scope, can

    READ_CHILD = Policy(Action.READ, Resource.CHILD_FILE)

    @policy_required(READ_CHILD)                          # nrp.core.web: login for anonymous, audited 403
    def child_detail(request, pk):
        case = get_object_or_404(ChildCase, pk=pk)
        if not READ_CHILD.allows(request.user, case):     # object-level scope
            out_of_scope(request, obj=case)               # nrp.core.web: audited DENIED, 404

    class ChildDetailApi(ApiView):                        # nrp.api.permissions.PolicyPermission reads it
        policy = READ_CHILD

    # A narrower rule: only through a role with one of these scopes (the guide's own caseload).
    GUIDE_STEP = Policy(Action.WRITE, Resource.APPLICANT_FILE, scopes={Scope.CASELOAD})

    # Scope filters for querysets: which rows the user's roles reach (None: none at all).
    q = scope_q(user, Action.READ, Resource.APPLICANT_FILE, HOUSEHOLD_LOOKUPS)

    # Django permission names for viewflow nodes and templates (answered by PolicyPermissionBackend).
    register_permission("applicant_journey.journey_guide_step", GUIDE_STEP)

Objects are placed in scope by ``object_scope(obj)``: it reads ``region``, ``orp``, ``household``,
``guide`` and ``assessors`` attributes, or an app registers its own mapping with ``register_object_scope``.
The route-by-role test (tests/security/test_route_matrix.py) checks every URL of the project against the
expected outcome per persona, so a view that forgets this table fails there.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from nrp.core.choices import Role

# The scope filters for querysets are part of this engine; their code lives in nrp/core/scopes.py.
from nrp.core.scopes import HOUSEHOLD_LOOKUPS, ScopeLookups, scope_q  # noqa: F401 - re-exported


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
    # The legal basis the system applies (/pravni-zaklad/, nrp/law): rules, citations, confidence; no case data.
    LEGAL_BASIS = "legal_basis"
    # The user's own in-app notifications and their e-mail preferences (nrp/notifications): every role, own only.
    NOTIFICATION = "notification"


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
    # The user's own things (their notifications): the object's owner is the user.
    OWN = "own"
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
        Resource.LEGAL_BASIS: {R: S.ANY},
        # Never a child's file or a ranking (MEDIATION_AUTHORITIES, §19a: only public authorities select a family).
    },
    Role.OSPOD: {
        Resource.APPLICANT_FILE: {R: S.ORP, W: S.ORP},
        Resource.DOCUMENT: {R: S.ORP, W: S.ORP},
        # The ORP requests the Czech extract itself (APPLICANT_FILE, §23c).
        Resource.CRIMINAL_RECORD: {R: S.ORP, W: S.ORP},
        Resource.CHILD_FILE: {R: S.ORP, W: S.ORP},
        Resource.CONFERENCE: {R: S.ORP},
        Resource.AUDIT_TRAIL: {R: S.ORP},
        Resource.LEGAL_BASIS: {R: S.ANY},
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
        Resource.LEGAL_BASIS: {R: S.ANY},
    },
    Role.ASSESSOR: {
        Resource.APPLICANT_FILE: {R: S.ASSIGNED},
        Resource.DOCUMENT: {R: S.ASSIGNED},
        Resource.ASSESSMENT: {R: S.ASSIGNED, W: S.ASSIGNED},
        Resource.LEGAL_BASIS: {R: S.ANY},
    },
    Role.ADMIN: {
        Resource.APPLICANT_FILE: {R: S.WITH_REASON},
        Resource.DOCUMENT: {R: S.WITH_REASON},
        Resource.CHILD_FILE: {R: S.WITH_REASON},
        Resource.AUDIT_TRAIL: {R: S.ANY},
        Resource.ADMINISTRATION: {R: S.ANY, W: S.ANY},
        Resource.LEGAL_BASIS: {R: S.ANY},
    },
    # MPSV: every region's statistics (small groups suppressed, no identities); no case content at all.
    Role.MINISTRY: {
        Resource.STATISTICS: {R: S.ANY},
        Resource.LEGAL_BASIS: {R: S.ANY},
    },
}

# Every role has its own notifications (nrp/notifications) and nobody else's.
for _resources in POLICY.values():
    _resources[Resource.NOTIFICATION] = {R: S.OWN, W: S.OWN}


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
    # The user the object belongs to alone (a notification's recipient): Scope.OWN.
    owner_ids: frozenset[int] = frozenset()


_SCOPE_MAPPERS: dict[type, Callable[[object], ObjectScope]] = {}


def register_object_scope(model: type, mapper: Callable[[Any], ObjectScope]) -> None:
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
    assessors: Any = getattr(obj, "assessors", None)
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
    if scope == Scope.OWN:
        return user.pk in where.owner_ids
    if scope == Scope.CASELOAD:
        return user.pk in where.guide_ids
    if scope == Scope.ORP:
        return bool(user.orp_ids(role) & where.orp_ids)
    if scope == Scope.REGION:
        return bool(user.region_ids(role) & where.region_ids)
    if scope == Scope.ASSIGNED:
        # Assigned to them, in a region where they hold the role (a transferred case leaves its old assessor).
        if user.pk not in where.assessor_ids:
            return False
        return not where.region_ids or bool(user.region_ids(role) & where.region_ids)
    return False


def can(
    user,
    action: str,
    resource: str,
    obj: Any = None,
    *,
    with_reason: bool = False,
    scopes: Collection[Scope] | None = None,
) -> bool:
    """May ``user`` do ``action`` on ``resource`` (on ``obj``, when given)?

    Without ``obj`` the answer is role-level: does any of the user's roles have a scope at all. ``obj`` may be
    an ``ObjectScope`` already computed (several checks on one object read its scope once).
    ``with_reason``: the administrator stated an audited reason (exceptional access).
    ``scopes``: count only roles whose scope is one of these (e.g. ``{Scope.CASELOAD}``: as the guide).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    where = None if obj is None else obj if isinstance(obj, ObjectScope) else object_scope(obj)
    for role in sorted(user.role_codes):
        scope = scope_for(role, resource, action)
        if scope == Scope.NONE or (scopes is not None and scope not in scopes):
            continue
        if scope == Scope.WITH_REASON:
            if with_reason:
                return True
            continue
        if where is None or _in_scope(user, role, scope, where):
            return True
    return False


@dataclass(frozen=True)
class Policy:
    """One rule of the table as a value: ``action`` on ``resource``, optionally only through some ``scopes``.

    Declared once (an app's ``permissions.py``) and asked everywhere: ``policy.allows(user)`` (role-level),
    ``policy.allows(user, obj)`` (object scope), ``policy.roles()`` (for messages and documentation).
    """

    action: Action
    resource: Resource
    scopes: frozenset[Scope] | None = None

    def __init__(self, action: str, resource: str, scopes: Iterable[Scope] | None = None) -> None:
        object.__setattr__(self, "action", Action(action))
        object.__setattr__(self, "resource", Resource(resource))
        object.__setattr__(self, "scopes", None if scopes is None else frozenset(scopes))

    def allows(self, user, obj: Any = None) -> bool:
        return can(user, self.action, self.resource, obj, scopes=self.scopes)

    def roles(self) -> list[str]:
        """The roles through which the policy can be met at all, in the table's order (administrators' audited
        exceptional access is not counted)."""
        return [
            role
            for role in POLICY
            if (scope := scope_for(role, self.resource, self.action)) not in (Scope.NONE, Scope.WITH_REASON)
            and (self.scopes is None or scope in self.scopes)
        ]

    def __str__(self) -> str:
        scopes = f" ({', '.join(sorted(self.scopes))})" if self.scopes is not None else ""
        return f"{self.action} {self.resource}{scopes}"


PolicyLike = Policy | tuple[str, str]


def as_policy(value: PolicyLike) -> Policy:
    """``Policy`` or an ``(action, resource)`` pair, as declared on views: ``policy = (Action.READ, Resource.X)``."""
    return value if isinstance(value, Policy) else Policy(*value)


# --- Decorator (kept here for the apps that import it) --------------------------------------------------------------


def requires(action: str, resource: str) -> Callable:
    """View decorator for ``Policy(action, resource)``: see ``nrp.core.web.policy_required`` (the one decorator)."""
    from nrp.core.web import policy_required

    return policy_required(Policy(action, resource))


def roles_allowed(action: str, resource: str) -> set[str]:
    return {role for role in POLICY if scope_for(role, resource, action) != Scope.NONE}


PERMISSION_PREFIX = "nrp."

# Django permission names that stand for a policy (viewflow node permissions such as
# "applicant_journey.journey_guide_step"); registered by each app's permissions.py.
_NAMED_POLICIES: dict[str, Policy] = {}


def permission_name(action: str, resource: str) -> str:
    """The Django permission string for the policy: ``nrp.read_child_file``, ``nrp.decide_applicant_file``."""
    return f"{PERMISSION_PREFIX}{action}_{resource}"


def register_permission(name: str, policy: Policy) -> None:
    """Let ``user.has_perm(name, obj)`` (viewflow, templates) be answered by ``policy``."""
    _NAMED_POLICIES[name] = policy


def policy_for_permission(name: str) -> Policy | None:
    """The policy behind a Django permission name: ``nrp.<action>_<resource>`` or a registered name."""
    if name in _NAMED_POLICIES:
        return _NAMED_POLICIES[name]
    if not name.startswith(PERMISSION_PREFIX):
        return None
    action, _, resource = name[len(PERMISSION_PREFIX) :].partition("_")
    if action not in Action.__members__.values() or resource not in Resource.__members__.values():
        return None
    return Policy(action, resource)


def permission_allows(user, name: str, obj: Any = None) -> bool:
    """``user.has_perm(name, obj)`` from the table alone (a superuser gets no shortcut here)."""
    policy = policy_for_permission(name)
    return policy is not None and policy.allows(user, obj)
