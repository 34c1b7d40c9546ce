"""Who may use matching. Only the public authority selects a family for a child (§19a): the regional officers
(krajský úřad) of the child's region. Guides, accompanying organisations, OSPOD workers, applicants,
assessors and administrators never see rankings.
"""

from __future__ import annotations

from nrp.core.access import Action, Policy, Resource
from nrp.core.choices import Role

# Codenames shared by views and (later) DRF permission classes.
USE_MATCHING = "matching.use_matching"

# The policies the API views declare (``view.policy``) and the screens ask.
READ_RANKINGS = Policy(Action.READ, Resource.RANKING)
RUN_RANKINGS = Policy(Action.WRITE, Resource.RANKING)
EDIT_WEIGHTS = Policy(Action.WRITE, Resource.RANKING)


def can_use_matching(user) -> bool:
    """The screens of matching are for regional officers only (others get 403)."""
    return bool(user and READ_RANKINGS.allows(user))


def officer_region_ids(user) -> set[int]:
    if not can_use_matching(user):
        return set()
    return user.region_ids(Role.OFFICER)


def can_rank_case(user, child_case) -> bool:
    """Run a ranking, record the child's wish signals: officers of the case's region."""
    return child_case.region_id in officer_region_ids(user)


def can_edit_weights(user, region) -> bool:
    return region.pk in officer_region_ids(user)
