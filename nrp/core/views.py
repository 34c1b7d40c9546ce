"""Home pages per role, and the plain account pages."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role
from nrp.core.forms import EmailAuthenticationForm

# The order in which a person with several roles sees their sections on the home page.
ROLE_ORDER = [Role.OFFICER, Role.OSPOD, Role.GUIDE, Role.ASSESSOR, Role.MINISTRY, Role.APPLICANT, Role.ADMIN]

# Extra home-page panels: later modules register (role, template, context function) here.
HOME_PANELS: dict[str, list] = {}


def register_home_panel(role: str, template: str, context=None) -> None:
    """Let an app add a panel to a role's home page (``context(request) -> dict``)."""
    HOME_PANELS.setdefault(role, []).append((template, context))


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True


def home(request):
    """The front door for anonymous visitors; "Můj den" for everyone logged in."""
    if not request.user.is_authenticated:
        return front_door(request)
    return my_day(request)


def front_door(request):
    """What NRP is and its steps in plain words, the region's offices, sign-up and login (public)."""
    from nrp.core import reference

    regions = reference.regions_in_czech_order()
    chosen = None
    code = request.GET.get("kraj", "")
    if code.isdigit():
        chosen = next((r for r in regions if r.code == int(code)), None)
    offices = [{"region": r, "office": reference.regional_office_name(r)} for r in regions]
    return render(
        request,
        "core/front.html",
        {
            "title": _("Náhradní rodinná péče"),
            "offices": offices,
            "chosen": chosen,
            "chosen_office": reference.regional_office_name(chosen) if chosen else "",
            "chosen_orps": reference.orps_in_czech_order(region_ids=[chosen.pk]) if chosen else [],
        },
    )


def accessibility_statement(request):
    """Prohlášení o přístupnosti (zákon č. 99/2019 Sb., §8)."""
    import os
    from email.utils import parseaddr

    from django.conf import settings

    # The operator's address for accessibility feedback and complaints; the sender address by default.
    contact = os.environ.get("NRP_ACCESSIBILITY_EMAIL") or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return render(
        request,
        "core/accessibility.html",
        {"title": _("Prohlášení o přístupnosti"), "contact_email": contact},
    )


@login_required
def my_day(request):
    """ "Můj den": what needs attention now (nrp/core/dashboard/), then the apps' overview panels per role."""
    from django.utils import timezone

    from nrp.core.dashboard.my_day import my_day as day_sections

    user = request.user
    sections = []
    for role in ROLE_ORDER:
        if not user.has_role(role):
            continue
        panels = []
        for template, context in HOME_PANELS.get(role, []):
            panels.append({"template": template, "context": context(request) if context else {}})
        if not panels:
            continue
        scopes = [a for a in user.active_roles if a.role == role and (a.region or a.orp or a.organisation)]
        sections.append({"role": role, "label": Role(role).label, "scopes": scopes, "panels": panels})
    day = day_sections(user)
    return render(
        request,
        "core/home.html",
        {
            "day": day,
            "today": timezone.localdate(),
            "sections": sections,
            "title": _("Můj den"),
            "no_role": not user.role_codes and not user.is_superuser,
        },
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
