"""Account and web security: the staff second factor, logging out everywhere, safe error reports and logs.

- ``SecondFactorMiddleware``: a staff user whose session has not passed TOTP reaches only the 2FA pages
  (and logout); session-authenticated API calls get a JSON 403. Token-authenticated API programs are not
  affected (DRF authenticates them after the middleware; the token itself is issued to a verified session).
- ``logout_everywhere``: ends every session of a user (lost phone, shared computer, suspected compromise).
Error reports and logs are scrubbed by ``nrp.core.security_logging`` (loaded by the logging config, so it
must not import models).
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.sessions.models import Session
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from nrp.core.twofactor import has_confirmed_device, requires_second_factor

logger = logging.getLogger("nrp.security")

SECOND_FACTOR_REQUIRED = _("Pro pokračování je nutné druhé ověření (kód z aplikace v telefonu).")
LOGGED_OUT_EVERYWHERE = _("Byli jste odhlášeni na všech zařízeních.")

# URL names an unverified staff session may still reach.
SECOND_FACTOR_EXEMPT = ("two_factor_verify", "two_factor_setup", "logout", "login", "set_language")


class SecondFactorMiddleware:
    """Install after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt_paths: tuple[str, ...] | None = None

    def exempt_paths(self) -> tuple[str, ...]:
        if self._exempt_paths is None:
            from django.conf import settings

            paths = [reverse(name) for name in SECOND_FACTOR_EXEMPT]
            self._exempt_paths = (*paths, "/" + settings.STATIC_URL.lstrip("/"))
        return self._exempt_paths

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and requires_second_factor(user) and not user.is_verified():
            path = request.path_info
            if not any(path == p or (p.endswith("static/") and path.startswith(p)) for p in self.exempt_paths()):
                return self.refuse(request, user)
        return self.get_response(request)

    @staticmethod
    def refuse(request, user):
        if request.path_info.startswith("/api/"):
            from nrp.api.problems import problem_json_response

            return problem_json_response(
                request, status_code=403, code="second_factor_required", detail=str(SECOND_FACTOR_REQUIRED)
            )
        target = "two_factor_verify" if has_confirmed_device(user) else "two_factor_setup"
        return redirect(reverse(target) + "?" + urlencode({"next": request.get_full_path()}))


@login_required
def account_security(request):
    """The person's own security page: password, second factor, sessions, their data."""
    from django.shortcuts import render
    from django_otp import devices_for_user

    from nrp.api.selectors import api_token_list_for_user
    from nrp.core.selectors import household_for_applicant

    return render(
        request,
        "security/account.html",
        {
            "title": _("Zabezpečení účtu"),
            "devices": list(devices_for_user(request.user, confirmed=True)),
            "second_factor_required": requires_second_factor(request.user),
            "sessions": len(sessions_of(request.user)),
            "has_household": household_for_applicant(user=request.user) is not None,
            # Active tokens with their last use: a token used when its owner did not expect it is a warning sign.
            "api_tokens": [t for t in api_token_list_for_user(user=request.user) if t.is_active],
        },
    )


def sessions_of(user) -> list[Session]:
    """The unexpired sessions that belong to ``user`` (decoded: the session table has no user column).

    Sessions expire after 30 minutes of inactivity, so the table holds few live rows.
    """
    found = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            found.append(session)
    return found


def logout_everywhere_for(user) -> int:
    """End every session of ``user`` and revoke their API tokens; returns how many sessions were ended."""
    from nrp.api.services import api_tokens_revoke_all

    sessions = sessions_of(user)
    Session.objects.filter(session_key__in=[s.session_key for s in sessions]).delete()
    api_tokens_revoke_all(user=user)
    return len(sessions)


@login_required
@require_POST
def logout_everywhere(request):
    user = request.user
    count = logout_everywhere_for(user)
    from nrp.audit.services import audit_record

    audit_record(
        actor=user,
        action="update",
        object_type="core.session",
        object_id=user.pk,
        request=request,
        details={"event": "logout_everywhere", "sessions": count},
    )
    logout(request)
    messages.success(request, LOGGED_OUT_EVERYWHERE)
    return redirect("login")


class OffsiteRedirectMiddleware:
    """Neutralise open redirects: a redirect to another site (a tampered ``next``) goes to the home page.

    Defence in depth for every view that redirects to a user-supplied ``next`` without checking it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        location = response.get("Location") if 300 <= response.status_code < 400 else None
        if location:
            from django.utils.http import url_has_allowed_host_and_scheme

            if not url_has_allowed_host_and_scheme(location, {request.get_host()}):
                logger.warning("off-site redirect neutralised on %s", request.path)
                response["Location"] = reverse("home")
        return response
