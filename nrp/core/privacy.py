"""The applicant's copy of all data held about them (GDPR art. 15 and 20): JSON and PDF.

A registry: each app contributes the section it owns::

    from nrp.core.privacy import register_export_section

    def journey_section(household) -> dict:
        return {"state": ..., "documents": [{"name": d.title, "uploaded": d.uploaded_at.isoformat()}]}

    register_export_section("applicant_journey", journey_section)

Section functions get the household and return JSON-serialisable data (dates as ISO strings; anything
else is converted with ``str``). Core contributes the household and its members, the user accounts, and
the audit trail of the file ("who accessed my file").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Household

ExportSection = Callable[[Household], dict]
_SECTIONS: dict[str, ExportSection] = {}
FORMAT_VERSION = 1


def register_export_section(name: str, fn: ExportSection) -> None:
    """Add (or replace) the section ``name`` of the personal-data export."""
    _SECTIONS[name] = fn


def export_sections() -> dict[str, ExportSection]:
    return dict(_SECTIONS)


def export_household(household: Household) -> dict:
    """Everything the registered sections hold about ``household``, JSON-serialisable."""
    sections: dict[str, Any] = {}
    data = {"format": FORMAT_VERSION, "generated_at": timezone.now().isoformat(), "sections": sections}
    for name, fn in _SECTIONS.items():
        sections[name] = json.loads(json.dumps(fn(household), cls=DjangoJSONEncoder, default=str))
    return data


def core_section(household: Household) -> dict:
    members = []
    for m in household.members.select_related("user"):
        members.append(
            {
                "first_name": m.first_name,
                "last_name": m.last_name,
                "date_of_birth": m.date_of_birth,
                "sex": m.get_sex_display() if m.sex else "",
                "email": m.email,
                "account": None
                if m.user is None
                else {
                    "email": m.user.email,
                    "phone": m.user.phone,
                    "registered": m.user.date_joined,
                    "last_login": m.user.last_login,
                    "roles": [str(a) for a in m.user.active_roles],
                },
            }
        )
    return {
        "household_id": household.pk,
        "created_at": household.created_at,
        "residence_orp": household.residence_orp.name,
        "region": household.residence_orp.region.name,
        "guide": household.guide.get_full_name() if household.guide else None,
        "organisation": household.organisation.name if household.organisation else None,
        "members": members,
    }


def audit_section(household: Household) -> dict:
    from nrp.audit.models import AuditEvent

    events = AuditEvent.objects.filter(household=household).select_related("actor").order_by("at", "pk")
    return {
        "events": [
            {
                "at": e.at,
                "who": (e.actor.get_full_name() or e.actor.email) if e.actor else e.actor_label,
                "action": e.get_action_display(),
                "record": e.object_type,
                "record_id": e.object_id,
                "reason": e.reason,
            }
            for e in events
        ]
    }


register_export_section("core", core_section)
register_export_section("audit", audit_section)


def _household_or_404(request) -> Household:
    from nrp.core.selectors import household_for_applicant

    household = household_for_applicant(user=request.user)
    if household is None:
        raise Http404
    return household


def _record_export(request, household: Household, fmt: str) -> None:
    from nrp.audit.models import AuditAction
    from nrp.audit.services import audit_record

    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=household,
        household=household,
        region=household.residence_orp.region,
        request=request,
        details={"export": "personal_data", "format": fmt},
    )


@login_required
def my_data(request):
    household = _household_or_404(request)
    return render(
        request,
        "security/my_data.html",
        {"household": household, "sections": list(_SECTIONS), "title": _("Moje údaje")},
    )


@login_required
def my_data_json(request):
    household = _household_or_404(request)
    data = export_household(household)
    _record_export(request, household, "json")
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="nrp-moje-udaje.json"'
    response["Cache-Control"] = "no-store"
    return response


def flatten(value, prefix: str = "") -> list[tuple[str, str]]:
    """Nested data as (path, text) rows for the PDF: ``members.0.first_name``, ``Jana``."""
    if isinstance(value, dict):
        rows = []
        for key, item in value.items():
            rows += flatten(item, f"{prefix}.{key}" if prefix else str(key))
        return rows
    if isinstance(value, list):
        rows = []
        for i, item in enumerate(value, start=1):
            rows += flatten(item, f"{prefix}.{i}" if prefix else str(i))
        return rows or [(prefix, "—")]
    return [(prefix, "—" if value in (None, "") else str(value))]


@login_required
def my_data_pdf(request):
    from weasyprint import HTML

    household = _household_or_404(request)
    data = export_household(household)
    sections = [(name, flatten(section)) for name, section in data["sections"].items()]
    html = render_to_string("security/my_data_pdf.html", {"data": data, "sections": sections, "household": household})
    pdf = HTML(string=html, base_url=None).write_pdf()
    _record_export(request, household, "pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="nrp-moje-udaje.pdf"'
    response["Cache-Control"] = "no-store"
    return response
