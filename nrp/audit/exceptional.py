"""Exceptional access: an administrator reads case content only with a stated, audited reason.

Administrators manage users, roles and reference data. The admin pages of case-content models (households,
applicants, children, rankings, …) need a reason first: the administrator states it once, it is recorded
in the audit trail, and for ``GRANT_MINUTES`` every page they open there is recorded with that reason.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from nrp.audit import context
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.access import is_case_content_admin_path

SESSION_KEY = "nrp_exceptional_access"
GRANT_MINUTES = 15
REASON_MIN_LENGTH = 15
REASON_TOO_SHORT = _("Popište důvod přístupu konkrétně (alespoň 15 znaků), např. číslo požadavku a co ověřujete.")
ONLY_ADMINISTRATORS = _("Výjimečný přístup s uvedením důvodu je určen jen správcům systému.")


def may_request_exceptional_access(user) -> bool:
    from nrp.core.choices import Role

    return bool(user.is_authenticated and (user.has_role(Role.ADMIN) or user.is_superuser))


def active_grant(request) -> dict | None:
    grant = request.session.get(SESSION_KEY)
    if not grant:
        return None
    until = parse_datetime(grant.get("until", ""))
    if until is None or until <= timezone.now():
        request.session.pop(SESSION_KEY, None)
        return None
    return grant


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Důvod přístupu"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Záznam uvidí pověřenec pro ochranu osobních údajů i dotčené osoby."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < REASON_MIN_LENGTH:
            raise forms.ValidationError(REASON_TOO_SHORT)
        return reason


class ExceptionalAccessMiddleware:
    """Install after the auth, OTP and audit-context middlewares."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if user is not None and is_case_content_admin_path(path) and may_request_exceptional_access(user):
            grant = active_grant(request)
            if grant is None:
                return redirect(
                    reverse("audit:exceptional_access") + "?" + urlencode({"next": request.get_full_path()})
                )
            ctx = context.current()
            if ctx is not None:
                # Changes made under this grant carry its reason too.
                ctx.reason = grant["reason"]
            parts = [p for p in path.split("/") if p]
            object_type = ".".join(parts[1:3]) if len(parts) >= 3 else "/".join(parts[1:])
            object_id = parts[3] if len(parts) >= 4 and parts[3].isdigit() else None
            audit_record(
                actor=user,
                action=AuditAction.READ if request.method in ("GET", "HEAD") else AuditAction.TASK,
                object_type=f"admin:{object_type}",
                object_id=object_id,
                request=request,
                reason=grant["reason"],
                details={"path": path, "method": request.method, "exceptional_access": grant.get("event")},
            )
        return self.get_response(request)


@login_required
@require_http_methods(["GET", "POST"])
def exceptional_access(request):
    if not may_request_exceptional_access(request.user):
        raise PermissionDenied(ONLY_ADMINISTRATORS)
    target = request.POST.get("next") or request.GET.get("next") or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("admin:index")
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = audit_record(
            actor=request.user,
            action=AuditAction.READ,
            object_type="admin.exceptional_access",
            request=request,
            reason=form.cleaned_data["reason"],
            details={"path": target.split("?")[0], "minutes": GRANT_MINUTES},
        )
        until = timezone.now() + timedelta(minutes=GRANT_MINUTES)
        request.session[SESSION_KEY] = {"until": until.isoformat(), "reason": event.reason, "event": event.pk}
        return redirect(target)
    return render(
        request,
        "audit/exceptional_access.html",
        {"form": form, "next": target, "minutes": GRANT_MINUTES, "title": _("Důvod přístupu k údajům případu")},
    )
