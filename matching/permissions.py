"""Who may use matching. Only the public authority selects a family for a child (§19a): the regional officers
(krajský úřad) of the child's region. Guides, accompanying organisations, OSPOD workers, applicants,
assessors and administrators never see rankings.
"""

from __future__ import annotations

from nrp.core.choices import Role

# Codenames shared by views and (later) DRF permission classes.
USE_MATCHING = "matching.use_matching"


def can_use_matching(user) -> bool:
    """The screens of matching are for regional officers only (others get 403)."""
    return bool(user and user.is_authenticated and user.has_role(Role.OFFICER))


def officer_region_ids(user) -> set[int]:
    if not can_use_matching(user):
        return set()
    return user.region_ids(Role.OFFICER)


def can_rank_case(user, child_case) -> bool:
    """Run a ranking, record the child's wish signals: officers of the case's region."""
    return child_case.region_id in officer_region_ids(user)


def can_edit_weights(user, region) -> bool:
    return region.pk in officer_region_ids(user)
