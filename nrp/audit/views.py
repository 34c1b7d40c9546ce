"""The audit trail as people see it: "who accessed my file" for applicants, a case's trail for officers."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from nrp.audit import exceptional, selectors
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.selectors import household_for_applicant

PAGE_SIZE = 50


def describe(object_type: str) -> str:
    """A model label ("core.household") as its Czech name ("domácnost žadatelů")."""
    from django.apps import apps

    label = object_type.removeprefix("admin:")
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def _page(request, events):
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("strana"))
    for event in page:
        event.what = describe(event.object_type)
        event.who = (event.actor.get_full_name() or event.actor.email) if event.actor else event.actor_label
    return page


@login_required
def my_file_access(request):
    """Applicant: who read or changed anything in my file, when, and why."""
    if household_for_applicant(user=request.user) is None:
        raise Http404
    events = selectors.events_for_my_household(user=request.user)
    return render(
        request,
        "audit/my_file_access.html",
        {"page": _page(request, events), "title": _("Kdo nahlížel do mého spisu")},
    )


@login_required
def household_trail(request, household_id: int):
    if (needs_reason := exceptional.admin_reason_redirect(request)) is not None:
        return needs_reason
    found = selectors.household_trail_for_user(user=request.user, household_id=household_id)
    if found is None:
        audit_record(
            actor=request.user,
            action=AuditAction.DENIED,
            object_type="audit.household_trail",
            object_id=household_id,
            request=request,
        )
        raise Http404
    household, events = found
    audit_record(
        actor=request.user,
        action=AuditAction.READ,
        object_type="audit.household_trail",
        object_id=household.pk,
        household=household,
        region=household.residence_orp.region,
        request=request,
        reason=exceptional.admin_reason(request),
    )
    return render(
        request,
        "audit/trail.html",
        {"page": _page(request, events), "subject": household, "title": _("Auditní stopa případu")},
    )


@login_required
def object_trail(request, object_type: str, object_id: str):
    if (needs_reason := exceptional.admin_reason_redirect(request)) is not None:
        return needs_reason
    events = selectors.object_trail_for_user(user=request.user, object_type=object_type, object_id=object_id)
    if events is None:
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.READ,
        object_type="audit.object_trail",
        object_id=f"{object_type}:{object_id}"[:64],
        request=request,
        reason=exceptional.admin_reason(request),
    )
    return render(
        request,
        "audit/trail.html",
        {"page": _page(request, events), "subject": f"{object_type} #{object_id}", "title": _("Auditní stopa")},
    )
