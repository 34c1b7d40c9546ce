"""Screens recording the legal steps before matching, the legal status with evidence, and the re-check at approach."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import out_of_scope, policy_required, submit
from workflows.child_mediation import forms_legal as forms
from workflows.child_mediation.legal import citations, policies
from workflows.child_mediation.legal.file_records import LegalFreedomEvidence
from workflows.child_mediation.services import approach_check, child_records
from workflows.child_mediation.views.legal_common import (
    case_or_404,
    child_or_404,
    child_record_page,
    form_page,
    legal_url,
    post_action,
)

# --- before matching ------------------------------------------------------------------------------------------------


@policy_required(policies.RECORD_VIEW)
def child_view_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    return child_record_page(
        request,
        pk,
        child_id,
        policies.RECORD_VIEW,
        forms.ChildViewForm,
        child_records.child_view_record,
        success=_("Názor dítěte byl zaznamenán."),
        initial={"heard_on": timezone.localdate()},
        title=_("Názor dítěte (%(law)s)") % {"law": citations.cite("CHILD_VIEW")},
    )


@policy_required(policies.RECORD_VIEW)
def assessment_indication_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    return child_record_page(
        request,
        pk,
        child_id,
        policies.RECORD_VIEW,
        forms.AssessmentIndicationForm,
        child_records.assessment_indication_record,
        success=_("Důvod k odbornému posouzení byl zaznamenán."),
        title=_("Důvod k odbornému posouzení dítěte"),
    )


@policy_required(policies.RECORD_OFFICER)
def child_assessment_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    return child_record_page(
        request,
        pk,
        child_id,
        policies.RECORD_OFFICER,
        forms.ChildAssessmentForm,
        child_records.child_assessment_record,
        success=_("Odborné posouzení dítěte bylo zaznamenáno."),
        title=_("Odborné posouzení dítěte (%(law)s)") % {"law": citations.cite("CHILD_ASSESSMENT")},
    )


@policy_required(policies.RECORD_OFFICER)
def adoption_consent_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    return child_record_page(
        request,
        pk,
        child_id,
        policies.RECORD_OFFICER,
        forms.AdoptionConsentForm,
        child_records.adoption_consent_record,
        success=_("Vyjádření dítěte k osvojení bylo zaznamenáno."),
        title=_("Souhlas dítěte s osvojením (%(law)s)") % {"law": citations.cite("CHILD_CONSENT_12")},
    )


@policy_required(policies.DECIDE_OFFICER)
def readiness_waiver_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    return child_record_page(
        request,
        pk,
        child_id,
        policies.DECIDE_OFFICER,
        forms.ReadinessWaiverForm,
        child_records.readiness_waiver_record,
        success=_("Upuštění od názoru a posouzení malého dítěte bylo zaznamenáno."),
        title=_("Malé dítě: upustit od názoru a posouzení (%(law)s)") % {"law": citations.cite("INFANT_WAIVER")},
        submit_label=_("Upustit se zdůvodněním"),
    )


# --- legal status with evidence -------------------------------------------------------------------------------------


@policy_required(policies.RECORD_OFFICER)
def legal_evidence_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    return child_record_page(
        request,
        pk,
        child_id,
        policies.RECORD_OFFICER,
        forms.LegalEvidenceForm,
        child_records.legal_evidence_record,
        success=_("Doklad o právní volnosti byl zaznamenán."),
        title=_("Doklad o právní volnosti (%(law)s)") % {"law": citations.cite("LEGALLY_FREE")},
    )


@policy_required(policies.RECORD_OFFICER)
def legal_evidence_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = LegalFreedomEvidence.objects.select_related("child__case").filter(pk=pk).first()
    if evidence is None or not policies.RECORD_OFFICER.allows(request.user, evidence.child.case):
        out_of_scope(request, object_type="child_mediation.legalfreedomevidence", object_id=pk)
    case = evidence.child.case
    form = forms.EvidenceWithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: child_records.legal_evidence_withdraw(evidence=evidence, actor=request.user, **data),
        success=_("Doklad je veden jako neúčinný; právní postavení dítěte se podle toho upravilo."),
        redirect_to=legal_url(case),
    )
    return done or form_page(request, case, form, _("Doklad pozbyl účinku"))


@policy_required(policies.RECORD_OFFICER)
@require_POST
def legal_status_not_free(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, policies.RECORD_OFFICER)
    child = child_or_404(request, case, child_id)
    return post_action(
        request,
        lambda: child_records.legal_status_mark_not_free(child=child, actor=request.user),
        _("Dítě je vedeno jako právně nevolné; osvojení se otevře po doložení."),
        legal_url(case),
    )


# --- the re-check at approach (SELECTION, §24) ----------------------------------------------------------------------


@policy_required(policies.DECIDE_OFFICER)
def approach_skip(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    from workflows.applicant_journey.models import ApplicantRegisterEntry
    from workflows.child_mediation.services.approaches import latest_signed_minutes

    case = case_or_404(request, pk, policies.DECIDE_OFFICER)
    # Only a family on the case's signed list: the page must not tell how any other family fits this child.
    minutes = latest_signed_minutes(case)
    entry = ApplicantRegisterEntry.objects.filter(pk=entry_id).first()
    if entry is None or minutes is None or entry.pk not in minutes.approach_order:
        out_of_scope(request, object_type="applicant_journey.applicantregisterentry", object_id=entry_id)
    fit = approach_check.family_fit(case=case, entry=entry, today=timezone.localdate())
    form = forms.SkipForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: approach_check.approach_skip_confirm(case=case, entry=entry, officer=request.user, **data),
        success=_("Rodina č. %(n)s byla přeskočena; můžete oslovit další rodinu.") % {"n": entry.pk},
        redirect_to=legal_url(case),
    )
    intro = (
        _("Rodina č. %(n)s podle dnešního spisu a profilu nevyhovuje: %(reason)s (pravidlo %(rule)s).")
        % {"n": entry.pk, "reason": fit.reason, "rule": fit.rule}
        if not fit.fits
        else _("Rodina č. %(n)s podle dnešního spisu a profilu vyhovuje; přeskočit ji nelze.") % {"n": entry.pk}
    )
    return done or form_page(
        request, case, form, _("Přeskočit rodinu"), submit_label=_("Potvrdit přeskočení"), intro=intro
    )
