"""The regional office's decisions on a case: register, national search, matching, court, agreement, closure."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp import law
from nrp.core.web import submit
from workflows.child_mediation import forms, scoped, selectors, services
from workflows.child_mediation.views.common import AuthenticatedRequest, act, detail_url, officer_required


@officer_required
@require_POST
def case_register(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    form = forms.RegisterForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zadejte platné datum zařazení."))
        return redirect(detail_url(case))
    return act(
        request,
        lambda: services.case_register(
            case=case, officer=request.user, registered_on=form.cleaned_data["registered_on"]
        ),
        success=_("Dítě bylo zařazeno do evidence dětí."),
        redirect_to=detail_url(case),
    )


@officer_required
@require_POST
def case_escalate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    return act(
        request,
        lambda: services.case_escalate_national(case=case, actor=request.user),
        success=_("Případ byl předán do celostátního hledání."),
        redirect_to=detail_url(case),
    )


@officer_required
@require_POST
def case_ranking(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    return act(
        request,
        lambda: services.case_run_ranking(child_case=case, actor=request.user),
        success=_("Pořadí rodin bylo spočítáno a uloženo."),
        redirect_to=lambda ranking: selectors.ranking_url(ranking) or f"{detail_url(case)}#parovani",
        refused_to=detail_url(case),
    )


@officer_required
def court_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    form = forms.CourtDecisionForm(request.POST if request.method == "POST" else None, case=case)
    done = submit(
        request,
        form,
        lambda data: services.court_decision_record(case=case, officer=request.user, **data),
        success=_("Rozhodnutí soudu bylo zaznamenáno."),
        redirect_to=detail_url(case),
    )
    return done or render(
        request,
        "child_mediation/simple_form.html",
        {"title": _("Rozhodnutí soudu o svěření"), "case": case, "form": form, "submit": _("Zaznamenat")},
    )


@officer_required
def foster_agreement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    placement = getattr(case, "placement", None)
    if placement is None:
        raise PermissionDenied
    if request.method == "POST":
        form = forms.AgreementForm(request.POST)
    else:
        form = forms.AgreementForm(initial={"signed_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: services.foster_agreement_record(
            placement=placement, officer=request.user, signed_on=data["signed_on"]
        ),
        success=_("Dohoda o výkonu pěstounské péče byla zaznamenána."),
        redirect_to=detail_url(case),
    )
    return done or render(
        request,
        "child_mediation/simple_form.html",
        {
            "title": law.message(_("Dohoda o výkonu pěstounské péče (%(law)s)"), law="FOSTER_AGREEMENT"),
            "case": case,
            "form": form,
            "submit": _("Uložit"),
        },
    )


@officer_required
def case_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    if request.method == "POST":
        form = forms.ClosureForm(request.POST)
    else:
        form = forms.ClosureForm(initial={"closed_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: services.case_close(
            case=case, officer=request.user, reason=data["reason"], note=data["note"], closed_on=data["closed_on"]
        ),
        success=_("Případ byl uzavřen."),
        redirect_to=detail_url(case),
    )
    return done or render(
        request,
        "child_mediation/simple_form.html",
        {"title": _("Uzavření případu"), "case": case, "form": form, "submit": _("Uzavřít případ"), "danger": True},
    )
