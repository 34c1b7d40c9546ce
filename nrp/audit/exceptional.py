"""Exceptional access: an administrator reads case content only with a stated, audited reason.

Administrators manage users, roles and reference data. The admin pages of case-content models (households,
applicants, children, rankings, …) and the audit pages of cases need a reason first: the administrator picks
a kind from a short list (``ReasonCategory``) and describes it in their own words (at least three words; a
run of one letter is refused); it is recorded in the audit trail, and for ``GRANT_MINUTES`` every page they
open there is recorded with that reason. ``weekly_access_digest`` e-mails each region the week's reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
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

# Admin-site models that hold case content: an administrator opens them only with an audited reason.
CASE_CONTENT_APPS = ("applicant_journey", "child_mediation", "matching", "viewflow", "workflow")
CASE_CONTENT_MODELS = ("core/household", "core/householdmember")


def admin_prefix() -> str:
    return getattr(settings, "NRP_ADMIN_PREFIX", "/sprava/")


def is_case_content_admin_path(path: str, apps: Iterable[str] = CASE_CONTENT_APPS) -> bool:
    prefix = admin_prefix()
    if not path.startswith(prefix):
        return False
    rest = path[len(prefix) :]
    app = rest.split("/", 1)[0]
    return app in apps or any(rest == m or rest.startswith(m + "/") for m in CASE_CONTENT_MODELS)


SESSION_KEY = "nrp_exceptional_access"
GRANT_MINUTES = 15
REASON_MIN_LENGTH = 15
REASON_MIN_WORDS = 3
REASON_MIN_DISTINCT_LETTERS = 6
REASON_TOO_SHORT = _("Popište důvod přístupu konkrétně (alespoň 15 znaků), např. číslo požadavku a co ověřujete.")
REASON_NOT_SPECIFIC = _(
    "Popište důvod vlastními slovy (alespoň tři slova), např. „Požadavek HD-1234: oprava data narození“."
)
ONLY_ADMINISTRATORS = _("Výjimečný přístup s uvedením důvodu je určen jen správcům systému.")


class ReasonCategory(models.TextChoices):
    """Why an administrator opens case content: the short list (with a free text beside it)."""

    # A user or an office asked for help with their case (helpdesk ticket).
    SUPPORT = "support", _("Požadavek uživatele nebo úřadu (helpdesk)")
    # Correcting wrong data that the responsible worker cannot correct themselves.
    CORRECTION = "correction", _("Oprava chybných údajů")
    # A data subject's request under GDPR (access, rectification, erasure).
    DATA_SUBJECT = "data_subject", _("Žádost subjektu údajů (GDPR)")
    # A court, the police or a supervisory authority asked for records.
    AUTHORITY = "authority", _("Žádost soudu, policie nebo dozorového úřadu")
    # Investigating a security incident or a suspected misuse.
    INCIDENT = "incident", _("Řešení bezpečnostního incidentu")
    # Fixing a technical fault that shows in a case's data.
    TECHNICAL = "technical", _("Odstranění technické závady")


def reason_text(category: str, text: str) -> str:
    """The reason as stored and shown in the trail: "<category>: <free text>"."""
    return f"{ReasonCategory(category).label}: {text.strip()}"


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
    category = forms.ChoiceField(label=_("Druh důvodu"), choices=ReasonCategory.choices)
    reason = forms.CharField(
        label=_("Důvod přístupu"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Záznam uvidí pověřenec pro ochranu osobních údajů i dotčené osoby."),
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if len(reason) < REASON_MIN_LENGTH:
            raise forms.ValidationError(REASON_TOO_SHORT)
        words = [w for w in reason.split() if any(c.isalpha() for c in w)]
        letters = {c.lower() for c in reason if c.isalpha()}
        if len(words) < REASON_MIN_WORDS or len(letters) < REASON_MIN_DISTINCT_LETTERS:
            raise forms.ValidationError(REASON_NOT_SPECIFIC)
        return reason


def admin_reason_redirect(request):
    """For an administrator without a stated reason: the redirect to the reason page (the audit pages show
    identities, so administrators see them only under a recorded reason); None otherwise."""
    if not may_request_exceptional_access(request.user) or active_grant(request) is not None:
        return None
    return redirect(reverse("audit:exceptional_access") + "?" + urlencode({"next": request.get_full_path()}))


def admin_reason(request) -> str:
    grant = active_grant(request) if may_request_exceptional_access(request.user) else None
    return grant["reason"] if grant else ""


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
            reason=reason_text(form.cleaned_data["category"], form.cleaned_data["reason"]),
            details={
                "path": target.split("?")[0],
                "minutes": GRANT_MINUTES,
                "reason_category": form.cleaned_data["category"],
            },
        )
        until = timezone.now() + timedelta(minutes=GRANT_MINUTES)
        request.session[SESSION_KEY] = {"until": until.isoformat(), "reason": event.reason, "event": event.pk}
        return redirect(target)
    return render(
        request,
        "audit/exceptional_access.html",
        {"form": form, "next": target, "minutes": GRANT_MINUTES, "title": _("Důvod přístupu k údajům případu")},
    )
