"""Screens of the steps after the court: adoption petition and decision, foster agreement, breakdown."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import deny, policy_required, submit
from workflows.child_mediation import forms_legal as forms
from workflows.child_mediation.legal import citations, policies
from workflows.child_mediation.services import aftercare
from workflows.child_mediation.views.legal_common import case_or_404, form_page, legal_url

# --- after the court ------------------------------------------------------------------------------------------------


def _placement_or_deny(request, case):
    placement = getattr(case, "placement", None)
    if placement is None:
        deny(request, reason="no placement", obj=case)
    return placement


@policy_required(policies.RECORD_OFFICER)
def adoption_petition(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, policies.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.AdoptionPetitionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: aftercare.adoption_petition_record(placement=placement, officer=request.user, **data),
        success=_("Návrh na osvojení byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    title = _("Návrh na osvojení (%(law)s)") % {"law": citations.cite("PRE_ADOPTION_CARE")}
    return done or form_page(request, case, form, title)


@policy_required(policies.RECORD_OFFICER)
def adoption_decision(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, policies.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.AdoptionDecisionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: aftercare.adoption_decision_record(placement=placement, officer=request.user, **data),
        success=_("Rozhodnutí o osvojení bylo zaznamenáno."),
        redirect_to=legal_url(case),
    )
    return done or form_page(request, case, form, _("Rozhodnutí soudu o osvojení"))


@policy_required(policies.RECORD_OFFICER)
def foster_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, policies.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.FosterAgreementForm(request.POST or None, region=case.region)
    done = submit(
        request,
        form,
        lambda data: aftercare.foster_agreement_sign(placement=placement, officer=request.user, **data),
        success=lambda a: (
            _("Dohoda zaznamenána jako opožděná (%(n)s dní po lhůtě).") % {"n": a.late_days}
            if a.is_late
            else _("Dohoda o výkonu pěstounské péče byla zaznamenána.")
        ),
        redirect_to=legal_url(case),
    )
    title = _("Dohoda o výkonu pěstounské péče (%(law)s)") % {"law": citations.cite("FOSTER_AGREEMENT")}
    return done or form_page(request, case, form, title)


@policy_required(policies.RECORD_OFFICER)
def placement_breakdown(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, policies.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.BreakdownForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: aftercare.placement_breakdown_record(placement=placement, officer=request.user, **data),
        success=_("Rozpad svěření byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    return done or form_page(request, case, form, _("Rozpad svěření"), submit_label=_("Zaznamenat rozpad"))
