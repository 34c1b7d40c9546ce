"""The children register (evidence dětí), the national search, a child's file, and the home-page panels."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nrp.audit.services import audit_read
from nrp.core.web import paginate, query_without_page
from workflows.child_mediation import deadlines, forms, permissions, scoped, selectors
from workflows.child_mediation.models import ApproachStatus, ChildCase, ChildCaseStatus
from workflows.child_mediation.views.common import AuthenticatedRequest, national_role_required, register_role_required


@register_role_required
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    """The officer's children register (filters, flags), or the OSPOD worker's own children."""
    user = request.user
    today = timezone.localdate()
    filter_form = forms.RegisterFilterForm(request.GET or None)
    if permissions.MANAGE_CASE.allows(user):
        data = filter_form.cleaned_data if filter_form.is_valid() else {}
        qs = selectors.case_list_for_officer(
            officer=user,
            status=data.get("status", ""),
            flag=data.get("flag", ""),
            care_type=data.get("care_type", ""),
            today=today,
        )
        mode = "officer"
    else:
        qs = selectors.case_list_for_ospod(ospod=user)
        mode = "ospod"
    page = paginate(request, qs)
    rows = [_row(case, today) for case in page.object_list]
    return render(
        request,
        "child_mediation/case_list.html",
        {
            "title": _("Evidence dětí"),
            "page": page,
            "rows": rows,
            "mode": mode,
            "filter_form": filter_form,
            "query": query_without_page(request),
            "can_propose": permissions.PROPOSE_CHILD.allows(user),
        },
    )


def _row(case: ChildCase, today: date) -> dict[str, Any]:
    flags = getattr(case, "flags", None)
    due = deadlines.intercountry_due(case.registered_on) if case.registered_on else None
    return {
        "case": case,
        "profile": selectors.anonymised_profile(case, today=today, with_wishes=False),
        "days_waiting": selectors.days_waiting(case, today),
        "national": bool(flags and flags.national_since),
        "intercountry": bool(flags and flags.intercountry_flagged_on),
        "intercountry_soon": bool(due and not (flags and flags.intercountry_flagged_on) and (due - today).days <= 30),
    }


@national_role_required
def national_list(request: AuthenticatedRequest) -> HttpResponse:
    """The national pool (celostátní hledání): every officer, anonymised unless it is their own region."""
    today = timezone.localdate()
    qs = selectors.national_queue(officer=request.user)
    page = paginate(request, qs)
    rows = [
        {
            "case": case,
            "profile": selectors.anonymised_profile(case, today=today, with_wishes=False),
            "own": permissions.MANAGE_CASE.allows(request.user, case),
            "since": case.flags.national_since if hasattr(case, "flags") else None,
        }
        for case in page.object_list
    ]
    return render(
        request, "child_mediation/national_list.html", {"title": _("Celostátní hledání"), "page": page, "rows": rows}
    )


@register_role_required
def case_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case, access = scoped.case_for_reader(request, pk)
    today = timezone.localdate()
    context: dict[str, Any] = {
        "title": case.reference,
        "case": case,
        "access": access,
        "profile": selectors.anonymised_profile(case, today=today),
    }
    if access == permissions.Access.ANONYMOUS:
        # Outside the region even the child's own words stay home: they may name people or places.
        context["profile"] = selectors.anonymised_profile(case, today=today, with_wishes=False)
        audit_read(actor=request.user, obj=case, request=request, region=case.region, view="anonymised")
        return render(request, "child_mediation/case_anonymous.html", context)
    audit_read(actor=request.user, obj=case, request=request, region=case.region, view=access)
    manage = access == permissions.Access.MANAGE
    context.update(
        {
            "children": list(case.children.all()),
            "flags": getattr(case, "flags", None),
            "manage": manage,
            "conferences": case.conferences.prefetch_related("participants", "minutes"),
            "approaches": case.approaches.select_related("entry__household", "notice").order_by("pk"),
            "placement": getattr(case, "placement", None),
            "days_waiting": selectors.days_waiting(case, today),
            "escalation_due": deadlines.escalation_due(case.region, case.registered_on) if case.registered_on else None,
            "intercountry_due": deadlines.intercountry_due(case.registered_on) if case.registered_on else None,
            "register_form": forms.RegisterForm(initial={"registered_on": today}),
            "notice_form": forms.NoticeForm(),
            "rankings": selectors.rankings_for_case(user=request.user, case=case) if manage else [],
            "today": today,
            "open_statuses": [ApproachStatus.OPEN],
            "searching": case.status in (ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL),
        }
    )
    return render(request, "child_mediation/case_detail.html", context)


# Home-page panels -------------------------------------------------------------------------------------------------


def officer_panel_context(request: AuthenticatedRequest) -> dict[str, Any]:
    user = request.user
    qs = selectors.case_list_for_officer(officer=user)
    return {
        "proposed": qs.filter(status=ChildCaseStatus.PROPOSED).count(),
        "waiting": qs.filter(status__in=[ChildCaseStatus.WAITING, ChildCaseStatus.APPROACHING]).count(),
        "national": qs.filter(status=ChildCaseStatus.NATIONAL).count(),
        "open_approaches": selectors.open_approaches_for_officer(officer=user).count(),
        "reminders": list(selectors.reminders_for_user(user=user, limit=5)),
        "tasks": selectors.mediation_tasks_for_officer(officer=user).count(),
    }


def ospod_panel_context(request: AuthenticatedRequest) -> dict[str, Any]:
    user = request.user
    qs = selectors.case_list_for_ospod(ospod=user)
    return {
        "count": qs.filter(~Q(status__in=[ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED])).count(),
        "reminders": list(selectors.reminders_for_user(user=user, limit=5)),
    }
