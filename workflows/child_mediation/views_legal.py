"""Screens of the legal steps on the child's side: the case's legal page, the records before matching, court
proceedings and the child's file, the re-check at approach, life after the court, and the tasks queue.

Each screen declares its policy (``workflows.child_mediation.legal``): a role without it gets an audited 403; a case
outside the user's scope an audited 404. Forms call one service each (``nrp.core.web.submit``).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp.audit.services import audit_read
from nrp.core.choices import Role
from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import deny, out_of_scope, policy_required, submit
from workflows.child_mediation import forms_legal as forms
from workflows.child_mediation import legal, selectors_legal
from workflows.child_mediation.legal import CourtProceeding, LegalFreedomEvidence, LegalTask
from workflows.child_mediation.models import Child, ChildCase
from workflows.child_mediation.services import aftercare, child_records, court, legal_tasks, readiness

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


def _form_page(request, case, form, title: str, *, submit_label: str = "", intro: str = "") -> HttpResponse:
    return render(
        request,
        "child_mediation/legal_form.html",
        {"title": title, "case": case, "form": form, "submit": submit_label or _("Uložit"), "intro": intro},
    )


# --- the case's legal page ------------------------------------------------------------------------------------------


@policy_required(legal.READ_LEGAL)
def case_legal(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.READ_LEGAL)
    manage = legal.RECORD_OFFICER.allows(request.user, case)
    summary = selectors_legal.case_legal(case, today=timezone.localdate(), with_next_family=manage)
    audit_read(actor=request.user, obj=case, request=request, region=case.region, view="legal")
    return render(
        request,
        "child_mediation/legal_case.html",
        {
            "title": _("Právní kroky: %(ref)s") % {"ref": case.reference},
            "case": case,
            "s": summary,
            "manage": manage,
            "may_record_view": legal.RECORD_VIEW.allows(request.user, case),
            "may_decide": legal.DECIDE_OFFICER.allows(request.user, case),
            "law": {rule_id: legal.cite(rule_id) for rule_id in legal.CITED_ON_SCREENS},
        },
    )


# --- before matching ------------------------------------------------------------------------------------------------


@policy_required(legal.RECORD_VIEW)
def child_view_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_VIEW)
    child = child_or_404(request, case, child_id)
    form = forms.ChildViewForm(request.POST or None, initial={"heard_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: child_records.child_view_record(child=child, actor=request.user, **data),
        success=_("Názor dítěte byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    return done or _form_page(request, case, form, _("Názor dítěte (%(law)s)") % {"law": legal.cite("CHILD_VIEW")})


@policy_required(legal.RECORD_VIEW)
def assessment_indication_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_VIEW)
    child = child_or_404(request, case, child_id)
    form = forms.AssessmentIndicationForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: child_records.assessment_indication_record(child=child, actor=request.user, **data),
        success=_("Důvod k odbornému posouzení byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    return done or _form_page(request, case, form, _("Důvod k odbornému posouzení dítěte"))


@policy_required(legal.RECORD_OFFICER)
def child_assessment_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    child = child_or_404(request, case, child_id)
    form = forms.ChildAssessmentForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: child_records.child_assessment_record(child=child, actor=request.user, **data),
        success=_("Odborné posouzení dítěte bylo zaznamenáno."),
        redirect_to=legal_url(case),
    )
    title = _("Odborné posouzení dítěte (%(law)s)") % {"law": legal.cite("CHILD_ASSESSMENT")}
    return done or _form_page(request, case, form, title)


@policy_required(legal.RECORD_OFFICER)
def adoption_consent_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    child = child_or_404(request, case, child_id)
    form = forms.AdoptionConsentForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: child_records.adoption_consent_record(child=child, actor=request.user, **data),
        success=_("Vyjádření dítěte k osvojení bylo zaznamenáno."),
        redirect_to=legal_url(case),
    )
    title = _("Souhlas dítěte s osvojením (%(law)s)") % {"law": legal.cite("CHILD_CONSENT_12")}
    return done or _form_page(request, case, form, title)


@policy_required(legal.DECIDE_OFFICER)
def readiness_waiver_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.DECIDE_OFFICER)
    child = child_or_404(request, case, child_id)
    form = forms.ReadinessWaiverForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: child_records.readiness_waiver_record(child=child, actor=request.user, **data),
        success=_("Upuštění od názoru a posouzení malého dítěte bylo zaznamenáno."),
        redirect_to=legal_url(case),
    )
    title = _("Malé dítě: upustit od názoru a posouzení (%(law)s)") % {"law": legal.cite("INFANT_WAIVER")}
    return done or _form_page(request, case, form, title, submit_label=_("Upustit se zdůvodněním"))


# --- legal status with evidence -------------------------------------------------------------------------------------


@policy_required(legal.RECORD_OFFICER)
def legal_evidence_new(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    child = child_or_404(request, case, child_id)
    form = forms.LegalEvidenceForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: child_records.legal_evidence_record(child=child, actor=request.user, **data),
        success=_("Doklad o právní volnosti byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    title = _("Doklad o právní volnosti (%(law)s)") % {"law": legal.cite("LEGALLY_FREE")}
    return done or _form_page(request, case, form, title)


@policy_required(legal.RECORD_OFFICER)
def legal_evidence_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = LegalFreedomEvidence.objects.select_related("child__case").filter(pk=pk).first()
    if evidence is None or not legal.RECORD_OFFICER.allows(request.user, evidence.child.case):
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
    return done or _form_page(request, case, form, _("Doklad pozbyl účinku"))


@policy_required(legal.RECORD_OFFICER)
@require_POST
def legal_status_not_free(request: HttpRequest, pk: int, child_id: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    child = child_or_404(request, case, child_id)
    return _post_action(
        request,
        lambda: child_records.legal_status_mark_not_free(child=child, actor=request.user),
        _("Dítě je vedeno jako právně nevolné; osvojení se otevře po doložení."),
        legal_url(case),
    )


def _post_action(request, call, success: str, redirect_to: str) -> HttpResponse:
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


# --- the re-check at approach (SELECTION, §24) ----------------------------------------------------------------------


@policy_required(legal.DECIDE_OFFICER)
def approach_skip(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    from workflows.applicant_journey.models import ApplicantRegisterEntry
    from workflows.child_mediation.services.approaches import latest_signed_minutes

    case = case_or_404(request, pk, legal.DECIDE_OFFICER)
    # Only a family on the case's signed list: the page must not tell how any other family fits this child.
    minutes = latest_signed_minutes(case)
    entry = ApplicantRegisterEntry.objects.filter(pk=entry_id).first()
    if entry is None or minutes is None or entry.pk not in minutes.approach_order:
        out_of_scope(request, object_type="applicant_journey.applicantregisterentry", object_id=entry_id)
    fit = readiness.family_fit(case=case, entry=entry, today=timezone.localdate())
    form = forms.SkipForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: readiness.approach_skip_confirm(case=case, entry=entry, officer=request.user, **data),
        success=_("Rodina č. %(n)s byla přeskočena; můžete oslovit další rodinu.") % {"n": entry.pk},
        redirect_to=legal_url(case),
    )
    intro = (
        _("Rodina č. %(n)s podle dnešního spisu a profilu nevyhovuje: %(reason)s (pravidlo %(rule)s).")
        % {"n": entry.pk, "reason": fit.reason, "rule": fit.rule}
        if not fit.fits
        else _("Rodina č. %(n)s podle dnešního spisu a profilu vyhovuje; přeskočit ji nelze.") % {"n": entry.pk}
    )
    return done or _form_page(
        request, case, form, _("Přeskočit rodinu"), submit_label=_("Potvrdit přeskočení"), intro=intro
    )


# --- court proceedings and the child's file -------------------------------------------------------------------------


@policy_required(legal.RECORD_PROCEEDING)
def proceedings(request: HttpRequest) -> HttpResponse:
    """The user's proceedings (OSPOD: its ORP; officers: their region) and a new one (OSPOD, officer)."""
    from django.db.models import Q

    from nrp.core.models import Orp

    user = request.user
    cases = ChildCase.objects.filter(
        Q(orp_id__in=user.orp_ids(Role.OSPOD)) | Q(region_id__in=user.region_ids(Role.OFFICER))
    ).order_by("reference")
    orps = Orp.objects.filter(pk__in=user.orp_ids(Role.OSPOD)).order_by("name")
    form = forms.CourtProceedingForm(
        request.POST or None, cases=cases, orps=orps, initial={"filed_on": timezone.localdate()}
    )
    done = submit(
        request,
        form,
        lambda data: court.court_proceeding_record(actor=user, **data),
        success=lambda p: (
            _("Řízení zaznamenáno; spis dítěte je třeba odeslat do %(d)s.")
            % {"d": p.file_due_on.strftime("%d. %m. %Y")}
        ),
        redirect_to=reverse("child_mediation:proceedings"),
    )
    return done or render(
        request,
        "child_mediation/legal_proceedings.html",
        {
            "title": _("Soudní řízení a spis dítěte"),
            "form": form,
            "proceedings": selectors_legal.proceedings_for_user(user=user)[:100],
            "law": legal.cite("COURT_PETITION_CHILD_FILE"),
        },
    )


@policy_required(legal.RECORD_PROCEEDING)
def proceeding_file_sent(request: HttpRequest, pk: int) -> HttpResponse:
    proceeding = CourtProceeding.objects.filter(pk=pk).first()
    if proceeding is None or not legal.RECORD_PROCEEDING.allows(request.user, proceeding):
        out_of_scope(request, object_type="child_mediation.courtproceeding", object_id=pk)
    if proceeding.case_id:
        cases = ChildCase.objects.filter(pk=proceeding.case_id)
    else:
        cases = ChildCase.objects.filter(orp_id=proceeding.orp_id).order_by("reference")
    form = forms.FileSentForm(request.POST or None, cases=cases, initial={"sent_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: court.child_file_sent(proceeding=proceeding, actor=request.user, **data),
        success=_("Odeslání spisu dítěte bylo zaznamenáno."),
        redirect_to=reverse("child_mediation:proceedings"),
    )
    return done or render(
        request,
        "child_mediation/legal_form.html",
        {
            "title": _("Spis dítěte odeslán"),
            "form": form,
            "submit": _("Uložit"),
            "back": reverse("child_mediation:proceedings"),
        },
    )


# --- after the court ------------------------------------------------------------------------------------------------


def _placement_or_deny(request, case):
    placement = getattr(case, "placement", None)
    if placement is None:
        deny(request, reason="no placement", obj=case)
    return placement


@policy_required(legal.RECORD_OFFICER)
def adoption_petition(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.AdoptionPetitionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: aftercare.adoption_petition_record(placement=placement, officer=request.user, **data),
        success=_("Návrh na osvojení byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    title = _("Návrh na osvojení (%(law)s)") % {"law": legal.cite("PRE_ADOPTION_CARE")}
    return done or _form_page(request, case, form, title)


@policy_required(legal.RECORD_OFFICER)
def adoption_decision(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.AdoptionDecisionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: aftercare.adoption_decision_record(placement=placement, officer=request.user, **data),
        success=_("Rozhodnutí o osvojení bylo zaznamenáno."),
        redirect_to=legal_url(case),
    )
    return done or _form_page(request, case, form, _("Rozhodnutí soudu o osvojení"))


@policy_required(legal.RECORD_OFFICER)
def foster_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
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
    title = _("Dohoda o výkonu pěstounské péče (%(law)s)") % {"law": legal.cite("FOSTER_AGREEMENT")}
    return done or _form_page(request, case, form, title)


@policy_required(legal.RECORD_OFFICER)
def placement_breakdown(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, legal.RECORD_OFFICER)
    placement = _placement_or_deny(request, case)
    form = forms.BreakdownForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: aftercare.placement_breakdown_record(placement=placement, officer=request.user, **data),
        success=_("Rozpad svěření byl zaznamenán."),
        redirect_to=legal_url(case),
    )
    return done or _form_page(request, case, form, _("Rozpad svěření"), submit_label=_("Zaznamenat rozpad"))


# --- tasks ----------------------------------------------------------------------------------------------------------


@policy_required(legal.READ_LEGAL)
def tasks(request: HttpRequest) -> HttpResponse:
    rows = legal_tasks.tasks_for_user(user=request.user, open_only=request.GET.get("vse") != "1")[:200]
    return render(
        request,
        "child_mediation/legal_tasks.html",
        {
            "title": _("Úkoly k dětem"),
            "tasks": rows,
            "all": request.GET.get("vse") == "1",
            "today": timezone.localdate(),
        },
    )


@policy_required(legal.READ_LEGAL)
@require_POST
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = LegalTask.objects.filter(pk=pk).first()
    if task is None or not legal_tasks.may_do(request.user, task):
        out_of_scope(request, object_type="child_mediation.legaltask", object_id=pk)
    return _post_action(
        request,
        lambda: legal_tasks.task_done(task=task, actor=request.user),
        _("Úkol je splněn."),
        reverse("child_mediation:legal_tasks"),
    )
