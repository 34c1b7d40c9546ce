"""Permissions of the applicant journey: one codename per kind of step, granted by role.

The same constants are used by ``ApplicantJourney.Meta.permissions`` (through the migration), by the flow's
``.Permission(...)`` and by DRF permission classes. ``RolePermissionBackend`` grants them from a user's scoped
roles; with an object (a journey) it also checks the scope, so viewflow's ``user.has_perm(perm, obj)`` is a
scope check too.
"""

from __future__ import annotations

from nrp.core.choices import Role

APP = "applicant_journey"

# Codenames (without the app label).
GUIDE_STEP = "journey_guide_step"  # information meeting, opening a case, notes, hand-over to OSPOD
APPLICANT_STEP = "journey_applicant_step"  # complete the application, upload documents, withdraw
OSPOD_STEP = "journey_ospod_step"  # filing, completeness check, home visit, hand-over to the KÚ
OFFICER_STEP = "journey_officer_step"  # assessment assignment, course, inspection, decision, appeal, register
ASSESSOR_STEP = "journey_assessor_step"  # expert assessment of assigned applicants

PERMISSIONS = [
    (GUIDE_STEP, "Krok průvodce na cestě žadatele"),
    (APPLICANT_STEP, "Krok žadatele na jeho cestě"),
    (OSPOD_STEP, "Krok OSPOD na cestě žadatele"),
    (OFFICER_STEP, "Krok krajského úřadu na cestě žadatele"),
    (ASSESSOR_STEP, "Odborné posouzení žadatele"),
]


def perm(codename: str) -> str:
    return f"{APP}.{codename}"


ROLE_PERMISSIONS = {
    Role.GUIDE: {GUIDE_STEP},
    Role.APPLICANT: {APPLICANT_STEP},
    Role.OSPOD: {OSPOD_STEP},
    Role.OFFICER: {OFFICER_STEP},
    Role.ASSESSOR: {ASSESSOR_STEP},
}


def user_may_act_on(user, journey, codename: str) -> bool:
    """Whether ``user`` holds ``codename`` through a role whose scope covers ``journey``."""
    household = journey.household
    if codename == GUIDE_STEP:
        return user.has_role(Role.GUIDE) and household.guide_id == user.pk
    if codename == APPLICANT_STEP:
        return user.has_role(Role.APPLICANT) and household.members.filter(user=user).exists()
    if codename == OSPOD_STEP:
        return household.residence_orp_id in user.orp_ids(Role.OSPOD)
    if codename == OFFICER_STEP:
        return journey.region_id in user.region_ids(Role.OFFICER)
    if codename == ASSESSOR_STEP:
        return journey.region_id in user.region_ids(Role.ASSESSOR) and journey.assessor_id == user.pk
    return False


class RolePermissionBackend:
    """Grant the journey permissions from scoped roles (no per-user permission rows to keep in sync)."""

    def authenticate(self, request, **credentials):
        return None

    def _codenames(self, user) -> set[str]:
        if not user.is_active or user.is_anonymous:
            return set()
        codes: set[str] = set()
        for role in user.role_codes:
            codes |= ROLE_PERMISSIONS.get(role, set())
        return codes

    def get_all_permissions(self, user, obj=None) -> set[str]:
        return {perm(c) for c in self._codenames(user)} if obj is None else set()

    def has_perm(self, user, perm_name: str, obj=None) -> bool:
        app, _, codename = perm_name.partition(".")
        if app != APP or codename not in self._codenames(user):
            return False
        if obj is None:
            return True
        from workflows.applicant_journey.models import ApplicantJourney

        if isinstance(obj, ApplicantJourney):
            return user_may_act_on(user, obj, codename)
        return False
