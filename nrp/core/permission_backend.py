"""Django's permission API answered by the one policy engine (``nrp.core.access``).

Listed in ``AUTHENTICATION_BACKENDS``: ``user.has_perm("nrp.<action>_<resource>", obj)`` and the names each app
registers with ``access.register_permission`` (viewflow node permissions, templates' ``perms``) are decided by the
same table as the views and the API.
"""

from __future__ import annotations

from nrp.core.access import _NAMED_POLICIES, permission_allows


class PolicyPermissionBackend:
    """Answers ``user.has_perm("nrp.<action>_<resource>", obj)`` and the registered names from the policy table.

    So viewflow nodes (``.Permission("applicant_journey.journey_ospod_step")``), DRF and templates
    (``perms.nrp``) use the same table as the views. Other permissions fall through to the other backends.
    """

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        return permission_allows(user_obj, perm, obj)

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        """The registered names the user's roles give (role-level only)."""
        if obj is not None:
            return set()
        return {name for name, policy in _NAMED_POLICIES.items() if policy.allows(user_obj)}

    def get_user_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return False
