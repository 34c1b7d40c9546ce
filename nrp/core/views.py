"""Home pages per role, and the plain account pages."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role
from nrp.core.forms import EmailAuthenticationForm

# The order in which a person with several roles sees their sections on the home page.
ROLE_ORDER = [Role.OFFICER, Role.OSPOD, Role.GUIDE, Role.ASSESSOR, Role.APPLICANT, Role.ADMIN]

# Extra home-page panels: later modules register (role, template, context function) here.
HOME_PANELS: dict[str, list] = {}


def register_home_panel(role: str, template: str, context=None) -> None:
    """Let an app add a panel to a role's home page (``context(request) -> dict``)."""
    HOME_PANELS.setdefault(role, []).append((template, context))


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True


@login_required
def home(request):
    user = request.user
    sections = []
    for role in ROLE_ORDER:
        if not user.has_role(role):
            continue
        panels = []
        for template, context in HOME_PANELS.get(role, []):
            panels.append({"template": template, "context": context(request) if context else {}})
        scopes = [a for a in user.active_roles if a.role == role]
        sections.append({"role": role, "label": Role(role).label, "scopes": scopes, "panels": panels})
    return render(
        request,
        "core/home.html",
        {"sections": sections, "title": _("Přehled"), "no_role": not sections},
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request context: the failure may be the database the context processors need.
    import sys

    from django.db.utils import InterfaceError, OperationalError
    from django.http import HttpResponseServerError

    from nrp.core.middleware import DatabaseUnavailableMiddleware

    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return DatabaseUnavailableMiddleware.unavailable(sys.exc_info()[1])
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render({}))
