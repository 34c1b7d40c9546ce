"""Decisions (as správní řád has them), the file inspection and life in the register, on the screens: the
decision page with its deadlines and the authority's actions, its PDF, and the journey actions that issue a removal
or a pause by decision, send the inspection notice, let the applicant ask for a pause and end it, mark a complex
case and close the review of a reported change. The API (``apis/decisions.py``) runs the same tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.services import audit_read
from nrp.core.web import AuthenticatedHttpRequest, policy_required, submit
from workflows.applicant_journey import permissions
from workflows.applicant_journey.forms import decisions as F
from workflows.applicant_journey.forms.actions import OptionalReasonForm
from workflows.applicant_journey.models import ComplexCase, Decision, DecisionKind
from workflows.applicant_journey.pdf import decision_pdf
from workflows.applicant_journey.services import decision_appeals as A
from workflows.applicant_journey.services import decisions as D
from workflows.applicant_journey.services import inspection as I
from workflows.applicant_journey.services import life
from workflows.applicant_journey.services.tasks import StepError
from workflows.applicant_journey.services.tasks import today as clock_today
from workflows.applicant_journey.views.common import deny_on, journey_or_404
from workflows.applicant_journey.views.journeys import ACTIONS, JourneyAction

NO_NOTICE = _("Nejdříve odešlete výzvu k seznámení s podklady.")
ALREADY_COMPLEX = _("Případ už je označen jako zvlášť složitý.")


# --- journey actions -------------------------------------------------------------------------------------------
def _remove(request, journey, entry, d: dict[str, Any]) -> Any:
    return D.decision_issue_for_entry(entry=entry, actor=request.user, kind=DecisionKind.REMOVAL, request=request, **d)


def _pause(request, journey, entry, d: dict[str, Any]) -> Any:
    return D.decision_issue_for_entry(entry=entry, actor=request.user, kind=DecisionKind.PAUSE, request=request, **d)


def _pause_request(request, journey, entry, d: dict[str, Any]) -> Any:
    return life.pause_request(entry=entry, actor=request.user, reason=d["reason"], until=d["until"], request=request)


def _resume_own(request, journey, entry, d: dict[str, Any]) -> Any:
    return life.pause_resume_by_applicant(entry=entry, actor=request.user, request=request)


def _inspection_notice(request, journey, entry, d: dict[str, Any]) -> Any:
    return I.inspection_notice_send(journey=journey, actor=request.user, sent_on=d["sent_on"], request=request)


def _inspection_record(request, journey, entry, d: dict[str, Any]) -> Any:
    notice = journey.inspection_notices.order_by("-sent_on", "-pk").first()
    if notice is None:
        raise StepError(NO_NOTICE, "inspection_missing")
    return I.inspection_record(notice=notice, actor=request.user, request=request, **d)


def _complex(request, journey, entry, d: dict[str, Any]) -> Any:
    if hasattr(journey, "complex_case"):
        raise StepError(ALREADY_COMPLEX, "conflict")
    return ComplexCase.objects.create(
        journey=journey, reason=d["reason"].strip(), marked_on=clock_today(), marked_by=request.user
    )


def _review_change(request, journey, entry, d: dict[str, Any]) -> Any:
    review = life.open_reviews(journey).first()
    if review is None:
        raise StepError(life.REVIEW_DONE, "conflict")
    return life.change_review_close(review=review, actor=request.user, conclusion=d["conclusion"], request=request)


ACTIONS.update(
    {
        "remove": JourneyAction(
            _("Rozhodnutí o vyřazení z evidence"),
            F.DecisionIssueForm,
            _remove,
            law.message(
                _(
                    "Vydáte rozhodnutí o vyřazení (%(law)s). Rodina bude vyřazena, až rozhodnutí nabude právní moci; "
                    "nevyhovující rozhodnutí lze vydat až po lhůtě k seznámení s podklady (%(inspection)s)."
                ),
                law="REGISTER_REMOVAL",
                inspection="FILE_INSPECTION",
            ),
        ),
        "pause": JourneyAction(
            _("Rozhodnutí o přerušení zprostředkování"),
            F.PauseDecisionForm,
            _pause,
            law.message(
                _("Vydáte rozhodnutí o přerušení (%(law)s); přerušení začne právní mocí rozhodnutí."),
                law="SELECTION_PAUSE",
            ),
        ),
        "pause_request": JourneyAction(
            _("Žádost o přerušení zprostředkování"),
            F.PauseRequestForm,
            _pause_request,
            law.message(
                _("Po dobu přerušení vám nebude vyhledáváno dítě a doba se nepočítá do čekání (%(law)s)."),
                law="SELECTION_PAUSE",
            ),
        ),
        "resume_own": JourneyAction(_("Obnovit zprostředkování"), OptionalReasonForm, _resume_own),
        "inspection_notice": JourneyAction(
            _("Výzva k seznámení s podklady"), F.InspectionNoticeForm, _inspection_notice
        ),
        "inspection_record": JourneyAction(
            _("Záznam o seznámení s podklady"), F.InspectionRecordForm, _inspection_record
        ),
        "complex": JourneyAction(_("Zvlášť složitý případ"), F.ComplexCaseForm, _complex),
        "review_change": JourneyAction(_("Posouzení oznámené změny poměrů"), F.ChangeReviewForm, _review_change),
    }
)


# --- the decision page and its actions ---------------------------------------------------------------------------
@dataclass(frozen=True)
class DecisionAction:
    title: Promise
    form: type[django_forms.Form]
    run: Callable[..., Decision]
    warning: Promise | None = None


DECISION_ACTIONS: dict[str, DecisionAction] = {
    "deliver": DecisionAction(_("Doručení rozhodnutí"), F.DeliverForm, D.decision_deliver),
    "appeal": DecisionAction(_("Odvolání"), F.AppealForm, A.decision_appeal),
    "waive": DecisionAction(
        _("Vzdání se odvolání"), F.WaiveForm, A.decision_waive, _("Rozhodnutí tím nabude právní moci.")
    ),
    "forward": DecisionAction(_("Postoupení odvolání"), F.ForwardForm, A.decision_forward),
    "appeal-outcome": DecisionAction(_("Rozhodnutí o odvolání"), F.AppealOutcomeForm, A.decision_appeal_outcome),
    "finalize": DecisionAction(
        _("Právní moc"), F.FinalizeForm, A.decision_finalize, _("Rozhodnutí nabude právní moci a projeví se.")
    ),
}


def decision_or_404(request: AuthenticatedHttpRequest, journey_id: int, decision_id: int) -> Decision:
    journey = journey_or_404(request, journey_id)
    return get_object_or_404(
        Decision.objects.select_related("journey", "entry", "issued_by"), pk=decision_id, journey=journey
    )


@policy_required(permissions.READ_JOURNEY, on_object=True)
def decision_detail(request: AuthenticatedHttpRequest, journey_id: int, decision_id: int) -> HttpResponse:
    decision = decision_or_404(request, journey_id, decision_id)
    journey = decision.journey
    audit_read(actor=request.user, obj=decision, request=request, household=journey.household, region=journey.region)
    today = clock_today()
    may_act = permissions.may_act_on_decision(request.user, decision)
    actions = [(k, a.title) for k, a in DECISION_ACTIONS.items()] if may_act else []
    if decision.kind == DecisionKind.INCLUSION:
        # Appeal and finality of the inclusion run in the flow's task; its forwarding is recorded here.
        pending = decision.appeal_filed_on is not None and decision.appeal_forwarded_on is None
        actions = [(k, t) for k, t in actions if k == "forward" and pending]
    return render(
        request,
        "applicant_journey/decision_detail.html",
        {
            "title": decision,
            "journey": journey,
            "decision": decision,
            "legal_basis": law.cite(decision.legal_basis),
            "forward_overdue": D.forward_overdue(decision, today),
            "actions": actions,
            "in_flow": decision.kind == DecisionKind.INCLUSION,
        },
    )


@policy_required(permissions.READ_JOURNEY, on_object=True)
def decision_pdf_download(request: AuthenticatedHttpRequest, journey_id: int, decision_id: int) -> HttpResponse:
    decision = decision_or_404(request, journey_id, decision_id)
    journey = decision.journey
    audit_read(actor=request.user, obj=decision, request=request, household=journey.household, region=journey.region)
    response = HttpResponse(decision_pdf(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rozhodnuti-{decision.pk}.pdf"'
    return response


@policy_required(permissions.READ_JOURNEY, on_object=True)
def decision_action(request: AuthenticatedHttpRequest, journey_id: int, decision_id: int, action: str) -> HttpResponse:
    decision = decision_or_404(request, journey_id, decision_id)
    spec = DECISION_ACTIONS.get(action)
    if spec is None:
        raise Http404
    if not permissions.may_act_on_decision(request.user, decision):
        deny_on(request, decision.journey, reason=f"decision {action}")
    form = spec.form(request.POST or None)
    url = reverse("applicant_journey:decision", args=[decision.journey_id, decision.pk])
    done = submit(
        request,
        form,
        lambda data: spec.run(decision=decision, actor=request.user, request=request, **data),
        success=_("Hotovo: %(action)s.") % {"action": spec.title},
        redirect_to=url,
        conflict_redirect=False,
    )
    return done or render(
        request,
        "applicant_journey/action.html",
        {"title": spec.title, "journey": decision.journey, "form": form, "warning": spec.warning, "danger": False},
    )
