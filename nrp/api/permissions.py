"""DRF permission classes shared by every app's apis.py.

Role checks say *whether* a user may use an endpoint at all (403); object scope is the selectors' job and an
object out of scope answers 404 (see nrp.api.views.ScopedObjectMixin).

``PolicyPermission`` is the one class: it asks the policy engine (``nrp.core.access``) about the policy the view
declares, so no role list is written in an ``apis.py``::

    class JourneyDetailApi(ApiView):
        permission_classes = [PolicyPermission]
        policy = (Action.READ, Resource.APPLICANT_FILE)             # or a Policy from the app's permissions.py

    class DocumentListApi(ApiView):
        permission_classes = [PolicyPermission]
        policy = {"GET": permissions.READ_DOCUMENTS, "POST": permissions.UPLOAD_DOCUMENTS}   # per method

A refusal is a 403 problem with code ``role_required`` naming the roles that may use the endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, permissions

from nrp.api import problems
from nrp.core.access import Policy, as_policy
from nrp.core.choices import Role

MSG_SESSION_REQUIRED = _("Tokeny lze vytvářet jen v přihlášeném prohlížeči, ne jiným tokenem.")
MSG_OTP_REQUIRED = _("Pracovníci musí být pro vytvoření tokenu přihlášeni dvoufázově (2FA).")
MSG_ROLE_REQUIRED = _("Tato část API je dostupná jen pro role: %(roles)s.")


class IsInteractiveSession(permissions.BasePermission):
    """An authenticated browser session (not a token); staff must have passed the second factor (django-otp)."""

    code = problems.SESSION_REQUIRED
    message = MSG_SESSION_REQUIRED

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if not isinstance(request.successful_authenticator, authentication.SessionAuthentication):
            self.code, self.message = problems.SESSION_REQUIRED, MSG_SESSION_REQUIRED
            return False
        if request.user.is_staff_role:
            is_verified = getattr(request.user, "is_verified", None)
            if not (callable(is_verified) and is_verified()):
                self.code, self.message = problems.OTP_REQUIRED, MSG_OTP_REQUIRED
                return False
        return True


def view_policy(view: Any, method: str) -> Policy | None:
    """The policy a view declares for ``method``: ``view.policy`` (one for all methods, or a dict by method)."""
    declared = getattr(view, "policy", None)
    if isinstance(declared, Mapping):
        declared = declared.get(method.upper(), declared.get("*"))
    return None if declared is None else as_policy(declared)


class PolicyPermission(permissions.BasePermission):
    """Allows the request when the user's roles can meet the view's declared ``policy`` (role-level; the object
    scope is the selectors' job). A view without a policy is refused: forgetting to declare one fails closed."""

    code = "role_required"

    def has_permission(self, request, view) -> bool:
        policy = view_policy(view, request.method)
        user = request.user
        if policy is None or not (user and user.is_authenticated):
            self._roles: list[str] = []
            return False
        self._roles = policy.roles()
        return policy.allows(user)

    @property
    def message(self) -> str:
        # Built per request, so the role names follow the request language.
        return MSG_ROLE_REQUIRED % {"roles": ", ".join(str(Role(role).label) for role in getattr(self, "_roles", []))}
