"""/statistiky/: the dashboard, exports of each chart's table, the yearly figures (page, PDF, CSV).

Every view checks the role through the policy table (``@requires(READ, STATISTICS)``: officers and the
ministry) and the scope through ``can()`` in ``selectors.stats_view_for`` (another region is 404). Pages read
only precomputed figures; exports are recorded in the audit trail (data leaving the system).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.access import Action, Resource, requires
from nrp.stats import exports, selectors, yearly
from nrp.stats.permissions import small_group_threshold
from nrp.stats.presenters import common
from nrp.stats.presenters.sections import find_chart

FORMATS = ("csv", "xlsx")


def _scope_label(view) -> str:
    return str(view.region) if view.region else _("Česká republika")


def _scope_param(view) -> str:
    return str(view.region_id) if view.region_id else "cr"


@requires(Action.READ, Resource.STATISTICS)
def dashboard(request):
    view = selectors.stats_view_for(user=request.user, requested=request.GET.get("kraj"))
    sections, protector, _data = selectors.dashboard_sections(view=view)
    return render(
        request,
        "stats/dashboard.html",
        {
            "title": _("Statistiky – %(scope)s") % {"scope": _scope_label(view)},
            "view": view,
            "sections": sections,
            "scope_param": _scope_param(view),
            "threshold": small_group_threshold(),
            "hidden": protector.hidden,
            "national_choice": view.region is None or len(view.regions) > 1,
            "can_national": selectors.permissions.may_read_scope(request.user, None),
        },
    )


@requires(Action.READ, Resource.STATISTICS)
def export(request, chart: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    view = selectors.stats_view_for(user=request.user, requested=request.GET.get("kraj"))
    sections, _protector, _data = selectors.dashboard_sections(view=view)
    found = find_chart(sections, chart)
    if found is None:
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        object_type="stats.chart",
        object_id=chart,
        region=view.region,
        request=request,
        details={"format": fmt, "scope": _scope_param(view)},
    )
    return _download(found.table, f"nrp-{chart}-{_scope_param(view)}", fmt, title=chart)


def _download(table, stem: str, fmt: str, *, title: str) -> HttpResponse:
    if fmt == "csv":
        response = HttpResponse(exports.table_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.table_xlsx(table, title=title),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


def _yearly(request):
    view = selectors.stats_view_for(user=request.user, requested=request.GET.get("kraj"))
    rows = selectors.aggregates_for(region_id=view.region_id)
    data = rows["yearly"].data if "yearly" in rows else {"years": {}}
    years = yearly.years_available(data)
    year = request.GET.get("rok") or (years[1] if len(years) > 1 else (years[0] if years else ""))
    if years and year not in years:
        raise Http404
    protector = common.Protector(protect=view.protect, threshold=small_group_threshold())
    table = yearly.yearly_table(data, year, protector) if years else None
    return view, years, year, table


@requires(Action.READ, Resource.STATISTICS)
def yearly_page(request):
    view, years, year, table = _yearly(request)
    return render(
        request,
        "stats/yearly.html",
        {
            "title": _("Roční výkaz pro MPSV – %(scope)s") % {"scope": _scope_label(view)},
            "view": view,
            "years": years,
            "year": year,
            "table": table,
            "scope_param": _scope_param(view),
            "threshold": small_group_threshold(),
            "can_national": selectors.permissions.may_read_scope(request.user, None),
        },
    )


@requires(Action.READ, Resource.STATISTICS)
def yearly_export(request, fmt: str):
    view, _years, year, table = _yearly(request)
    if table is None or fmt not in ("csv", "pdf"):
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        object_type="stats.yearly",
        object_id=year,
        region=view.region,
        request=request,
        details={"format": fmt, "scope": _scope_param(view)},
    )
    stem = f"nrp-rocni-vykaz-{year}-{_scope_param(view)}"
    if fmt == "csv":
        return _download(table, stem, "csv", title=year)
    from nrp.stats.pdf import yearly_pdf

    response = HttpResponse(yearly_pdf(view=view, year=year, table=table), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{stem}.pdf"'
    return response
