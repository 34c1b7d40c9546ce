"""The actions of child mediation and where its objects belong, for the policy engine (``nrp.core.access``).

Who may do what is the engine's table (docs/domain.md, "Roles"); this module only names the actions the screens,
the API and the services ask about, and tells the engine where a case, a conference, minutes, an approach or a
placement belong (the child's region and ORP):

- officers (KÚ) of the child's region: the whole file with identity, and every mediation action;
- the child's OSPOD worker (ORP of the case): identity, read-only, for their own children; they propose children;
- officers of other regions: only the anonymised profile, and only of cases in the national search;
- guides, accompanying organisations, assessors, applicants: nothing (§19a: only public authorities select).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from nrp.core.access import Action, ObjectScope, Policy, Resource, Scope, register_object_scope

if TYPE_CHECKING:
    from nrp.core.models import Orp

# The register and a child's file: officers (their region's cases) and OSPOD workers (their ORP's cases).
READ_REGISTER = Policy(Action.READ, Resource.CHILD_FILE)
# A child's file with identity, read-only, as the child's OSPOD.
READ_AS_OSPOD = Policy(Action.READ, Resource.CHILD_FILE, scopes={Scope.ORP})
# The national search (celostátní hledání): every officer, anonymised outside the home region.
READ_NATIONAL_POOL = Policy(Action.READ, Resource.CHILD_FILE, scopes={Scope.REGION})
# Propose a child (or a sibling group): the OSPOD of the child's ORP.
PROPOSE_CHILD = Policy(Action.WRITE, Resource.CHILD_FILE, scopes={Scope.ORP})
# Decide on a case (register, escalate, matching, court, agreement, closure): officers of the child's region.
MANAGE_CASE = Policy(Action.DECIDE, Resource.CHILD_FILE)
# Conferences, their minutes and the approaches to families: officers of the child's region (read and write).
READ_CONFERENCES = Policy(Action.READ, Resource.CONFERENCE, scopes={Scope.REGION})
MANAGE_CONFERENCES = Policy(Action.WRITE, Resource.CONFERENCE)


# The services' refusals when the actor falls outside these rules.
NOT_AN_OFFICER = _("Tuto akci může provést jen pracovník krajského úřadu kraje dítěte.")
NOT_THE_CHILDS_OSPOD = _("Dítě může navrhnout jen OSPOD obce s rozšířenou působností, kam dítě patří.")


class Access:
    """What a user may see of one case (``selectors.case_access``)."""

    MANAGE = "manage"  # officer of the child's region: identity + actions
    OSPOD = "ospod"  # the child's OSPOD: identity, read-only
    ANONYMOUS = "anonymous"  # officer of another region, national pool only
    NONE = "none"


# --- Where objects belong --------------------------------------------------------------------------------------------


def case_scope(case: Any) -> ObjectScope:
    """A case (and everything of it): the child's region and ORP."""
    return ObjectScope(region_ids=frozenset({case.region_id}), orp_ids=frozenset({case.orp_id}))


def proposal_scope(orp: Orp) -> ObjectScope:
    """A proposal for a child of ``orp`` (before the case exists): that ORP only."""
    return ObjectScope(orp_ids=frozenset({orp.pk}))


def may_propose_for_orp(user: object, orp: Orp) -> bool:
    """``PROPOSE_CHILD`` for a child of ``orp`` (services.cases.case_propose asks it)."""
    return PROPOSE_CHILD.allows(user, proposal_scope(orp))


def register_scopes() -> None:
    """Called once from ``ChildMediationConfig.ready``."""
    from workflows.child_mediation.models import Approach, CaseConference, ChildCase, ConferenceMinutes, Placement

    register_object_scope(ChildCase, case_scope)
    register_object_scope(CaseConference, lambda conference: case_scope(conference.case))
    register_object_scope(ConferenceMinutes, lambda minutes: case_scope(minutes.conference.case))
    register_object_scope(Approach, lambda approach: case_scope(approach.case))
    register_object_scope(Placement, lambda placement: case_scope(placement.case))
