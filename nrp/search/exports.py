"""CSV and XLSX exports of the registers (children waiting, approved applicants) and the caseload.

Czech column headers; a cell never starts a formula (``nrp.stats.exports.safe_text``: = + - @ tab CR get a
leading apostrophe); one EXPORT event in the audit trail names every record exported. Children's names are not
exported: the register's reference identifies a child outside the officer's screen (data minimisation).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.access import Action, Policy, Resource, Scope
from nrp.core.choices import CareType
from nrp.core.web import AuthenticatedHttpRequest, policy_required, user_of
from nrp.search.permissions import EXPORT_APPLICANTS, EXPORT_CASELOAD, EXPORT_CHILDREN
from nrp.stats.exports import safe_text

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
AS_GUIDE = Policy(Action.READ, Resource.APPLICANT_FILE, {Scope.CASELOAD})

Cell = str | int | date | None


def _cell(value: Cell) -> Cell:
    """Numbers and dates stay typed (a spreadsheet can sort and sum them); text is made formula-safe."""
    if value is None:
        return ""
    if isinstance(value, int | date):
        return value
    return safe_text(value)


def rows_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([safe_text(h) for h in header])
    for row in rows:
        writer.writerow([v.strftime("%d.%m.%Y") if isinstance(v, date) else v for v in map(_cell, row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 Czech text correctly


def rows_xlsx(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([safe_text(h) for h in header])
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for line in sheet.iter_rows():
        for cell in line:
            if cell.data_type == "f":  # never a formula, whatever the text
                cell.data_type = "s"
            if isinstance(cell.value, date):
                cell.number_format = "D.M.YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _care_types(codes: Iterable[str]) -> str:
    return ", ".join(str(CareType(c).label) for c in codes)


def _respond(
    request: AuthenticatedHttpRequest,
    *,
    fmt: str,
    name: str,
    title: str,
    header: Sequence[str],
    records: list,
    row,
    object_type: str,
) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    rows = [row(r) for r in records]
    body = rows_csv(header, rows) if fmt == "csv" else rows_xlsx(header, rows, title=title)
    regions = {getattr(r, "region", None) for r in records}
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        object_type=object_type,
        object_id="export",
        region=regions.pop() if len(regions) == 1 else None,
        request=request,
        details={"export": name, "format": fmt, "count": len(records), "ids": [r.pk for r in records]},
    )
    response = HttpResponse(body, content_type=FORMATS[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="nrp-{name}-{stamp}.{fmt}"'
    return response


@policy_required(EXPORT_CHILDREN)
def export_children(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    """Children waiting in the officer's region (the open cases of the children register), longest waiting first."""
    from workflows.child_mediation.selectors import case_list_for_officer, days_waiting

    today = timezone.localdate()
    cases = list(case_list_for_officer(officer=request.user, today=today))
    return _respond(
        request,
        fmt=fmt,
        name="deti-v-evidenci",
        title=_("Děti v evidenci"),
        header=[
            _("Značka"),
            _("Kraj"),
            _("ORP"),
            _("Stav"),
            _("Hledaná forma péče"),
            _("Počet dětí"),
            _("Zařazeno do evidence"),
            _("Dnů v evidenci"),
        ],
        records=cases,
        row=lambda c: [
            c.reference,
            c.region.name,
            c.orp.name,
            c.get_status_display(),
            _care_types(c.care_types_sought),
            len(c.children.all()),
            c.registered_on,
            days_waiting(c, today),
        ],
        object_type="child_mediation.childcase",
    )


@policy_required(EXPORT_APPLICANTS)
def export_applicants(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    """The region's approved applicants (evidence žadatelů, §23i)."""
    from workflows.applicant_journey.selectors import register_list_for_user

    entries = list(register_list_for_user(user=request.user).select_related("household__residence_orp").order_by("pk"))
    return _respond(
        request,
        fmt=fmt,
        name="schvaleni-zadatele",
        title=_("Schválení žadatelé"),
        header=[
            _("Číslo záznamu"),
            _("Žadatelé"),
            _("ORP bydliště"),
            _("Schválené formy péče"),
            _("Stav"),
            _("Datum rozhodnutí"),
            _("Právní moc"),
        ],
        records=entries,
        row=lambda e: [
            e.pk,
            ", ".join(str(m) for m in e.household.members.all()),
            e.household.residence_orp.name,
            _care_types(e.care_types),
            e.get_status_display(),
            e.decision_date,
            e.effective_date,
        ],
        object_type="applicant_journey.applicantregisterentry",
    )


@policy_required(EXPORT_CASELOAD)
def export_caseload(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    """The caseload: a guide's own families, an officer's region's journeys."""
    from workflows.applicant_journey.selectors import caseload_for_guide, journey_list_for_user

    user = user_of(request)
    found = caseload_for_guide(guide=user) if AS_GUIDE.allows(user) else journey_list_for_user(user=user)
    journeys = list(found.select_related("household__residence_orp", "household__guide").order_by("pk"))
    return _respond(
        request,
        fmt=fmt,
        name="pripady",
        title=_("Případy"),
        header=[
            _("Případ č."),
            _("Žadatelé"),
            _("ORP bydliště"),
            _("Fáze"),
            _("Ve fázi od"),
            _("Nejbližší termín"),
            _("Průvodce"),
        ],
        records=journeys,
        row=lambda j: [
            j.pk,
            ", ".join(str(m) for m in j.household.members.all()),
            j.household.residence_orp.name,
            j.get_stage_display(),
            timezone.localtime(j.stage_entered_at).date(),
            j.next_due_on,
            str(j.household.guide) if j.household.guide else "",
        ],
        object_type="applicant_journey.applicantjourney",
    )
