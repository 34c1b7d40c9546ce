"""What the screens of the legal steps share: the case and child in scope, the form page, one body of a record."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import out_of_scope, submit
from workflows.child_mediation.models import Child, ChildCase

CASE_TYPE = "child_mediation.childcase"


def case_or_404(request: HttpRequest, pk: int, policy) -> ChildCase:
    """The case if the user's roles reach it under ``policy``; else the audited out-of-scope 404."""
    case = ChildCase.objects.select_related("region", "orp").filter(pk=pk).first()
    if case is None or not policy.allows(request.user, case):
        out_of_scope(request, object_type=CASE_TYPE, object_id=pk)
    return case


def child_or_404(request: HttpRequest, case: ChildCase, child_id: int) -> Child:
    child = case.children.filter(pk=child_id).first()
    if child is None:
        out_of_scope(request, object_type="child_mediation.child", object_id=child_id)
    return child


def legal_url(case: ChildCase) -> str:
    return reverse("child_mediation:legal", args=[case.pk])


def form_page(request, case, form, title: str, *, submit_label: str = "", intro: str = "") -> HttpResponse:
    return render(
        request,
        "child_mediation/legal_form.html",
        {"title": title, "case": case, "form": form, "submit": submit_label or _("Uložit"), "intro": intro},
    )


def child_record_page(
    request: HttpRequest,
    pk: int,
    child_id: int,
    policy,
    form_class,
    record,
    *,
    success: str,
    title: str,
    initial: dict | None = None,
    **page_options,
) -> HttpResponse:
    """One record about a child (before matching, legal evidence): case and child in scope under ``policy``, the
    form bound to the request, ``record(child=..., actor=..., **data)`` on a valid submit."""
    case = case_or_404(request, pk, policy)
    child = child_or_404(request, case, child_id)
    form = form_class(request.POST or None, initial=initial)
    done = submit(
        request,
        form,
        lambda data: record(child=child, actor=request.user, **data),
        success=success,
        redirect_to=legal_url(case),
    )
    return done or form_page(request, case, form, title, **page_options)


def post_action(request, call, success: str, redirect_to: str) -> HttpResponse:
    """A POST button: run the service, flash its message or refusal, go back."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied, ValidationError

    from nrp.core.exceptions import ServiceError

    try:
        call()
    except ServiceError as exc:
        if exc.http_status == 403:
            raise PermissionDenied(str(exc.message)) from exc
        messages.error(request, str(exc.message))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(redirect_to)
