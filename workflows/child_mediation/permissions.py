"""Who may see and do what with a child's case (one home for these rules; selectors and views use them).

- Regional officers (KÚ) of the child's region: full file with identity, and every mediation action.
- The child's OSPOD worker (ORP of the case): identity, read-only, for their own children; proposes children.
- Officers of other regions: only the anonymised profile, and only of cases in the national search.
- Guides, accompanying organisations, assessors, applicants: nothing (§19a: only public authorities select).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role

NOT_AN_OFFICER = _("Tuto akci může provést jen pracovník krajského úřadu kraje dítěte.")
NOT_THE_CHILDS_OSPOD = _("Dítě může navrhnout jen OSPOD obce s rozšířenou působností, kam dítě patří.")


class Access:
    """What a user may see of one case."""

    MANAGE = "manage"  # officer of the child's region: identity + actions
    OSPOD = "ospod"  # the child's OSPOD: identity, read-only
    ANONYMOUS = "anonymous"  # officer of another region, national pool only
    NONE = "none"


def may_use_children_register(user) -> bool:
    """Roles that may open the children register pages at all (everyone else gets 403)."""
    return user.is_authenticated and (user.has_role(Role.OFFICER) or user.has_role(Role.OSPOD))


def is_region_officer(user, case) -> bool:
    return user.is_authenticated and case.region_id in user.region_ids(Role.OFFICER)


def is_case_ospod(user, case) -> bool:
    return user.is_authenticated and case.orp_id in user.orp_ids(Role.OSPOD)


def may_propose_for_orp(user, orp) -> bool:
    return user.is_authenticated and orp.pk in user.orp_ids(Role.OSPOD)


def access_for(user, case) -> str:
    from workflows.child_mediation.models import ChildCaseStatus

    if is_region_officer(user, case):
        return Access.MANAGE
    if is_case_ospod(user, case):
        return Access.OSPOD
    if user.is_authenticated and user.has_role(Role.OFFICER) and case.status == ChildCaseStatus.NATIONAL:
        return Access.ANONYMOUS
    return Access.NONE
