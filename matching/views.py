"""Screens of matching for regional officers: run a ranking, read stored rankings, weights, waiting statistics.

Thin views: permission (403 for roles that may not use matching), scope (404 for another region's case), then
one selector or service. Every ranking displayed is audited as a read.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from matching import selectors, services
from matching.forms import RunForm, WeightsForm, WishesForm
from matching.models import ChildWishSignals, RankingScope
from matching.permissions import can_use_matching, officer_region_ids
from matching.reasons import CRITERION_LABELS, RULE_LABELS, render_param, render_reason
from matching.types.inputs import WEIGHT_FIELDS
from nrp.audit.services import audit_read
from nrp.core.models import Region
from workflows.applicant_journey.models import ApplicantRegisterEntry
from workflows.child_mediation.models import ChildCaseStatus

RESULTS_PER_PAGE = 25
GROUP_LABELS = {
    "all": gettext_lazy("Všechny čekající děti"),
    "older": gettext_lazy("Starší děti (7 let a více)"),
    "siblings": gettext_lazy("Sourozenecké skupiny"),
    "disability": gettext_lazy("Děti s postižením nebo poruchami chování"),
    "roma": gettext_lazy("Romské děti"),
}


def officer_required(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_use_matching(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _case_or_404(request, case_id: int):
    child_case = selectors.case_get_for_officer(user=request.user, case_id=case_id)
    if child_case is None:
        raise Http404
    return child_case


def _region_for(request) -> Region:
    """The officer's region the screen is about (``?kraj=<id>`` when they act in several)."""
    allowed = sorted(officer_region_ids(request.user))
    wanted = request.GET.get("kraj") or request.POST.get("kraj")
    if wanted:
        if not wanted.isdigit() or int(wanted) not in allowed:
            raise Http404
        return Region.objects.get(pk=int(wanted))
    return Region.objects.get(pk=allowed[0])


@officer_required
def case_list(request):
    today = timezone.localdate()
    cases = list(selectors.case_list_for_officer(user=request.user))
    rows = [
        {
            "case": case,
            "size": len(case.children.all()),
            "days": (today - case.registered_on).days if case.registered_on else None,
        }
        for case in cases
    ]
    return render(request, "matching/case_list.html", {"rows": rows, "title": _("Párování – děti v evidenci")})


@officer_required
def case_rankings(request, case_id: int):
    child_case = _case_or_404(request, case_id)
    rankings = selectors.ranking_list_for_case(user=request.user, child_case=child_case)
    signals = ChildWishSignals.objects.filter(child_case=child_case).first()
    # The list shows families' scores too: one read event per list view.
    audit_read(
        actor=request.user,
        obj=child_case,
        request=request,
        region=child_case.region,
        reason="matching rankings listed",
        rankings=len(rankings),
    )
    return render(
        request,
        "matching/case_rankings.html",
        {
            "case": child_case,
            "rankings": rankings,
            # A case escalated to the national search (status NATIONAL) offers the national pool first.
            "run_form": RunForm(
                initial={
                    "scope": RankingScope.NATIONAL
                    if child_case.status == ChildCaseStatus.NATIONAL
                    else RankingScope.REGIONAL
                }
            ),
            "wishes_form": WishesForm(initial={"flags": signals.flags if signals else []}),
            "title": _("Pořadí rodin pro případ %(reference)s") % {"reference": child_case.reference},
        },
    )


@officer_required
@require_POST
def ranking_run_view(request, case_id: int):
    child_case = _case_or_404(request, case_id)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zvolte rozsah hledání."))
        return redirect("matching:case_rankings", case_id=child_case.pk)
    try:
        run = services.ranking_run(
            child_case=child_case,
            actor=request.user,
            national=form.cleaned_data["scope"] == RankingScope.NATIONAL,
            approached_entry_ids=services.approached_entry_ids_for(child_case),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("matching:case_rankings", case_id=child_case.pk)
    return redirect("matching:ranking_detail", ranking_id=run.pk)


@officer_required
@require_POST
def case_wishes(request, case_id: int):
    child_case = _case_or_404(request, case_id)
    form = WishesForm(request.POST)
    if form.is_valid():
        services.child_wishes_set(child_case=child_case, actor=request.user, flags=form.cleaned_data["flags"])
        messages.success(request, _("Přání dítěte pro párování jsou uložena."))
    return redirect("matching:case_rankings", case_id=child_case.pk)


def _family_labels(user, entry_ids: list[int]) -> dict[int, str]:
    """Names of the applicants for families of the officer's own regions; other regions by region only."""
    own = officer_region_ids(user)
    labels = {}
    entries = (
        ApplicantRegisterEntry.objects.filter(pk__in=entry_ids)
        .select_related("region", "household__residence_orp")
        .prefetch_related("household__members")
    )
    for entry in entries:
        if entry.region_id in own:
            labels[entry.pk] = f"{entry.household} ({entry.household.residence_orp})"
        else:
            labels[entry.pk] = _("žadatelé z kraje %(region)s") % {"region": entry.region}
    return labels


class _KnownCountPaginator(Paginator):
    """Pages of a stored ranking: the count is the run's ``eligible_count``, so no COUNT query is run."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


@officer_required
def ranking_detail(request: HttpRequest, ranking_id: int) -> HttpResponse:
    run = selectors.ranking_get_for_user(user=request.user, ranking_id=ranking_id)
    if run is None:
        raise Http404
    # One page of rows in SQL (ORDER BY rank LIMIT 25 OFFSET …): the screen never reads the whole ranking.
    paginator = _KnownCountPaginator(selectors.ranked_entries(run=run), RESULTS_PER_PAGE, run.eligible_count)
    page = paginator.get_page(request.GET.get("strana"))
    entries = list(page.object_list)
    labels = _family_labels(request.user, [entry.entry_id for entry in entries])
    rows = [
        {
            "entry_id": entry.entry_id,
            "rank": entry.rank,
            "total": entry.total,
            "label": labels.get(entry.entry_id, f"#{entry.entry_id}"),
            "criteria": [
                {
                    "label": CRITERION_LABELS[c["criterion"]],
                    "score": c["score"],
                    "weight": c["weight"],
                    "contribution": c["contribution"],
                    "applicable": c["applicable"],
                    "reason": render_reason(c["reason"]),
                }
                for c in entry.criteria
            ],
        }
        for entry in entries
    ]
    exclusions = [
        {
            "rule": rule,
            "label": RULE_LABELS.get(rule, rule),
            "count": count,
            "reason": render_reason(run.exclusions.get("reasons", {}).get(rule, {})),
        }
        for rule, count in run.exclusions.get("counts", {}).items()
        if count
    ]
    weights = [(CRITERION_LABELS[name], run.weights.get(name)) for name in WEIGHT_FIELDS]
    audit_read(
        actor=request.user,
        obj=run,
        request=request,
        region=run.region,
        reason="matching ranking shown",
        child_case_id=run.child_case_id,
        page=page.number,
    )
    return render(
        request,
        "matching/ranking_detail.html",
        {
            "run": run,
            "page": page,
            "rows": rows,
            "exclusions": exclusions,
            "excluded_total": sum(e["count"] for e in exclusions),
            "weights": weights,
            "child_input": _case_input_display(run.inputs.get("case", {})),
            "skipped": run.inputs.get("skipped", []),
            "title": _("Pořadí rodin – %(reference)s") % {"reference": run.child_case.reference},
        },
    )


def _case_input_display(case_input: dict) -> dict:
    """The anonymised child profile of the snapshot with labels in the active language."""
    return {
        "children": [
            {
                "age": render_param("ages", child["age"]),
                "sex": render_param("sexes", child["sex"]),
                "legal_status": render_param("legal_statuses", child["legal_status"]),
                "needs": render_param("needs", child["health_needs"]),
                "ethnicity": render_param("ethnicities", child["ethnicity"]) if child.get("ethnicity") else "",
            }
            for child in case_input.get("children", [])
        ],
        "care_types": render_param("care_types", case_input.get("care_types_sought", [])),
        "contact": render_param("contact", case_input.get("contact_plan", "none")),
        "wishes": render_param("met", case_input.get("wishes", [])),
    }


@officer_required
def weights_edit(request):
    region = _region_for(request)
    row = selectors.weights_row_for_region(region=region)
    form = WeightsForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services.matching_weights_update(
                region=region, actor=request.user, **{name: form.cleaned_data[name] for name in WEIGHT_FIELDS}
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Váhy kritérií jsou uloženy. Platí pro každé další spuštění pořadí."))
            return redirect(f"{request.path}?kraj={region.pk}")
    return render(
        request,
        "matching/weights.html",
        {
            "form": form,
            "region": region,
            "regions": Region.objects.filter(pk__in=officer_region_ids(request.user)),
            "title": _("Váhy kritérií párování – %(region)s") % {"region": region},
        },
    )


@officer_required
def waiting_statistics(request):
    region = _region_for(request)
    groups = selectors.waiting_statistics_for_region(region_id=region.pk, today=timezone.localdate())
    rows = [{"label": GROUP_LABELS[g.code], "group": g} for g in groups]
    return render(
        request,
        "matching/statistics.html",
        {
            "rows": rows,
            "region": region,
            "regions": Region.objects.filter(pk__in=officer_region_ids(request.user)),
            "title": _("Jak dlouho čekají děti – %(region)s") % {"region": region},
        },
    )
