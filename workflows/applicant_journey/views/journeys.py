"""Journey pages: the staff list, the process detail with its history, actions at any step, messages and notes,
the guide's caseload and the applicant's portal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from viewflow.workflow.models import Task

from nrp import law
from nrp.audit.lists import audit_list_read
from nrp.audit.services import audit_read
from nrp.core.access import object_scope
from nrp.core.models import User
from nrp.core.web import AuthenticatedHttpRequest, paginate, policy_required, query_without_page, safe_next, submit
from workflows.applicant_journey import forms, permissions, selectors, services
from workflows.applicant_journey.models import ApplicantJourney, ApplicantRegisterEntry, JourneyStage
from workflows.applicant_journey.services import communication, life
from workflows.applicant_journey.services.application import application_forward
from workflows.applicant_journey.services.elsewhere import elsewhere_arrange
from workflows.applicant_journey.services.handover import handover_receipt_confirm
from workflows.applicant_journey.views.common import PAGE_TYPE, deny_on, journey_or_404


@policy_required(permissions.STAFF_JOURNEYS, object_type=PAGE_TYPE)
def journey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = selectors.journey_list_for_user(user=request.user)
    stage = request.GET.get("faze")
    if stage in JourneyStage.values:
        qs = qs.filter(stage=stage)
    page = paginate(request, qs)
    # The list names applicants: each household on the page is recorded as read (nrp/audit/lists.py).
    audit_list_read(
        actor=request.user,
        objects=page.object_list,
        object_type="applicant_journey.applicantjourney",
        request=request,
        household_of=lambda journey: journey.household_id,
        region_of=lambda journey: journey.region_id,
    )
    return render(
        request,
        "applicant_journey/journey_list.html",
        {
            "title": _("Cesty žadatelů"),
            "page": page,
            "stages": JourneyStage.choices,
            "stage": stage,
            "query": query_without_page(request),
        },
    )


def flow_nodes() -> list[Any]:
    from workflows.applicant_journey.flows import ApplicantJourneyFlow

    return ApplicantJourneyFlow.instance.nodes()


@policy_required(permissions.READ_JOURNEY, on_object=True)
def journey_detail(request: AuthenticatedHttpRequest, journey_id: int) -> HttpResponse:
    """The process detail page with its history (who did what, when)."""
    journey = journey_or_404(request, journey_id)
    user = request.user
    where = object_scope(journey)
    entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).first()
    task = selectors.open_task_for_journey(journey=journey)
    history = selectors.journey_history(journey=journey)
    titles = {node.name: node.task_title for node in flow_nodes()}
    for event in history:
        event.step_title = titles.get(event.step, event.step)  # type: ignore[attr-defined]
    tasks = list(
        Task.objects.filter(process_id=journey.pk, flow_task_type="HUMAN").select_related("owner").order_by("pk")
    )
    for t in tasks:
        t.due_on = selectors.task_due_on(t)
    audit_read(actor=user, obj=journey, request=request, household=journey.household, region=journey.region)
    is_guide = permissions.GUIDE_NOTES.allows(user, where)
    return render(
        request,
        "applicant_journey/journey_detail.html",
        {
            "title": journey,
            "journey": journey,
            "entry": entry,
            "task": task,
            "tasks": tasks,
            "history": history,
            "documents": selectors.documents_for_journey(journey=journey),
            "messages_list": journey.messages.select_related("author"),
            "message_form": forms.MessageForm(),
            "notes": journey.notes.select_related("author") if is_guide else [],
            "note_form": forms.NoteForm(),
            "actions": permissions.journey_actions(user, journey, entry),
            "is_guide": is_guide,
            "assessments": _assessments_visible(request, journey, where),
            "can_review": permissions.REVIEW_DOCUMENTS.allows(user, where),
            "can_take_over": task is not None and _may_take_over(user, journey, task),
            "file": _handover_file(user, journey, where),
            "proceedings": life.proceedings_context(journey, entry, staff=True),
        },
    )


def _handover_file(user: User, journey: ApplicantJourney, where: Any) -> dict[str, Any] | None:
    """What the regional office receives (ORP_OPINION): the home-visit record, the ORP's opinion, the hand-over with
    its deadline met or missed and the receipt; shown to the ORP and the region, not to the family or the guide."""
    if not permissions.CHECK_ELIGIBILITY.allows(user, where):
        return None
    from workflows.applicant_journey.models import FileHandover, OrpOpinion

    return {
        "opinion": OrpOpinion.objects.filter(journey=journey).first(),
        "handover": FileHandover.objects.filter(journey=journey).select_related("received_by").first(),
        "elsewhere": list(journey.performed_elsewhere.select_related("performing_region")),
        "forwardings": list(journey.forwardings.select_related("from_orp", "to_orp")),
    }


def _may_take_over(user: User, journey: ApplicantJourney, task: Task) -> bool:
    if task.owner_id == user.pk or not task.owner_permission:
        return False
    return permissions.may_do_step(user, journey, task.owner_permission)


def _assessments_visible(request: AuthenticatedHttpRequest, journey: ApplicantJourney, where: Any) -> list[Any]:
    """Assessments are shown to the regional office and the assessor only; each view is audited."""
    user = request.user
    if not permissions.READ_ASSESSMENTS.allows(user, where):
        return []
    items = list(journey.assessments.select_related("member", "recorded_by", "performed_in"))
    for a in items:
        audit_read(actor=user, obj=a, request=request, household=journey.household, region=journey.region)
    return items


# --- Actions at any step -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JourneyAction:
    """An action outside the task sequence: its title, form, warning (when it cannot simply be undone) and run."""

    title: Promise
    form: type[django_forms.Form]
    # run(request, journey, entry, cleaned_data) calls the action's service.
    run: Callable[[AuthenticatedHttpRequest, ApplicantJourney, Any, dict[str, Any]], Any]
    warning: Promise | None = None


def _withdraw(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return services.journey_withdraw(
        journey=journey, actor=request.user, reason=d["reason"], request=request, document=d.get("document")
    )


def _forward(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return application_forward(
        journey=journey,
        actor=request.user,
        to_orp=d["to_orp"],
        reason=d["reason"],
        forwarded_on=d["forwarded_on"],
        request=request,
    )


def _receipt(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return handover_receipt_confirm(journey=journey, actor=request.user, received_on=d["received_on"], request=request)


def _elsewhere(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return elsewhere_arrange(
        journey=journey,
        actor=request.user,
        performing_region=d["performing_region"],
        course=d["course"],
        assessment=d["assessment"],
    )


def _change(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    event = services.change_of_circumstances_report(
        journey=journey, actor=request.user, occurred_on=d["occurred_on"], description=d["description"]
    )
    if event.data["late"]:
        messages.warning(request, _("Změna byla oznámena po 15denní lhůtě; je zaznamenána jako opožděná."))
    return event


def _transfer(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return services.journey_transfer(
        journey=journey, actor=request.user, new_orp=d["new_orp"], reason=d["reason"], request=request
    )


def _pause(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return services.register_entry_pause(entry=entry, actor=request.user, reason=d["reason"], request=request)


def _resume(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return services.register_entry_resume(entry=entry, actor=request.user, reason=d["reason"], request=request)


def _remove(request: AuthenticatedHttpRequest, journey: ApplicantJourney, entry: Any, d: dict[str, Any]) -> Any:
    return services.register_entry_remove(entry=entry, actor=request.user, reason=d["reason"], request=request)


ACTIONS: dict[str, JourneyAction] = {
    "withdraw": JourneyAction(
        _("Vzít žádost zpět"),
        forms.WithdrawForm,
        _withdraw,
        law.message(
            _(
                "Vzetím žádosti zpět se cesta ukončí a otevřené kroky se zruší. Historie zůstane zachována. Žádost "
                "bere zpět jen žadatel; úřad zapíše jeho písemné zpětvzetí a přiloží je (%(law)s)."
            ),
            law="WITHDRAWAL",
        ),
    ),
    "forward": JourneyAction(
        _("Postoupit žádost příslušnému ORP"),
        forms.ForwardForm,
        _forward,
        law.message(
            _("Žádost i s úkoly přejde na příslušné ORP a žadatel dostane vyrozumění (%(law)s)."),
            law="FORWARD_TO_COMPETENT",
        ),
    ),
    "receipt": JourneyAction(_("Potvrdit převzetí spisu"), forms.ReceiptForm, _receipt),
    "elsewhere": JourneyAction(_("Příprava nebo posouzení v jiném kraji"), forms.ElsewhereForm, _elsewhere),
    "change": JourneyAction(_("Oznámit změnu poměrů"), forms.ChangeReportForm, _change),
    "transfer": JourneyAction(
        _("Předat jinému kraji"),
        forms.TransferForm,
        _transfer,
        _("Spis včetně celé historie přejde na krajský úřad nového bydliště."),
    ),
    "pause": JourneyAction(_("Přerušit zprostředkování"), forms.ReasonForm, _pause),
    "resume": JourneyAction(_("Obnovit zprostředkování"), forms.OptionalReasonForm, _resume),
    "remove": JourneyAction(
        _("Vyřadit z evidence"),
        forms.ReasonForm,
        _remove,
        law.message(
            _("Vyřazením z evidence rodina přestane být vyhledávána pro děti (%(law)s)."), law="REGISTER_REMOVAL"
        ),
    ),
}


@policy_required(permissions.READ_JOURNEY, on_object=True)
def journey_action(request: AuthenticatedHttpRequest, journey_id: int, action: str) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).first()
    allowed = dict(permissions.journey_actions(request.user, journey, entry))
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    if action not in allowed:
        deny_on(request, journey, reason=f"action {action}")
    form = spec.form(request.POST or None, request.FILES or None)

    def after(_result: Any) -> str:
        if selectors.journey_get_for_user(user=request.user, journey_id=journey.pk) is None:
            return reverse("home")
        return reverse("applicant_journey:detail", args=[journey.pk])

    done = submit(
        request,
        form,
        lambda data: spec.run(request, journey, entry, data),
        success=_("Hotovo: %(action)s.") % {"action": spec.title},
        redirect_to=after,
        conflict_redirect=False,
    )
    return done or render(
        request,
        "applicant_journey/action.html",
        {
            "title": spec.title,
            "journey": journey,
            "form": form,
            "warning": spec.warning,
            "danger": spec.warning is not None,
        },
    )


@policy_required(permissions.WRITE_MESSAGES, on_object=True)
@require_POST
def message_post(request: AuthenticatedHttpRequest, journey_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    if not permissions.WRITE_MESSAGES.allows(request.user):
        deny_on(request, journey, reason="message")
    form = forms.MessageForm(request.POST)
    if form.is_valid():
        communication.message_send(journey=journey, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Zpráva odeslána."))
    else:
        messages.error(request, _("Zpráva je prázdná nebo příliš dlouhá."))
    return redirect(safe_next(request) or reverse("applicant_journey:detail", args=[journey.pk]))


@policy_required(permissions.GUIDE_NOTES, on_object=True)
@require_POST
def note_add(request: AuthenticatedHttpRequest, journey_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    if not permissions.GUIDE_NOTES.allows(request.user, journey):
        deny_on(request, journey, reason="note")
    form = forms.NoteForm(request.POST)
    if form.is_valid():
        communication.note_add(
            journey=journey,
            author=request.user,
            body=form.cleaned_data["body"],
            remind_on=form.cleaned_data["remind_on"],
        )
        messages.success(request, _("Poznámka uložena."))
    else:
        messages.error(request, _("Poznámku se nepodařilo uložit: zkontrolujte text a datum."))
    return redirect("applicant_journey:detail", journey_id=journey.pk)


# --- Guide caseload ----------------------------------------------------------------------------------------------


@policy_required(permissions.CASELOAD, object_type=PAGE_TYPE)
def caseload(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The guide's people with stage, days in stage, next deadline, overdue and stuck flags."""
    stage = request.GET.get("faze") or None
    if stage not in JourneyStage.values:
        stage = None
    overdue = request.GET.get("po_terminu") == "1"
    stuck = request.GET.get("bez_pohybu") == "1"
    order = request.GET.get("razeni", "due")
    qs = selectors.caseload_for_guide(
        guide=request.user, stage=stage, overdue=overdue or None, stuck=stuck or None, order=order
    )
    page = paginate(request, qs)
    selectors.decorate_caseload_rows(page.object_list)
    return render(
        request,
        "applicant_journey/caseload.html",
        {
            "title": _("Moji zájemci a žadatelé"),
            "page": page,
            "stages": JourneyStage.choices,
            "stage": stage,
            "overdue": overdue,
            "stuck": stuck,
            "order": order,
            "stuck_days": selectors.settings.NRP_STUCK_AFTER_DAYS,
            "query": query_without_page(request),
        },
    )


# --- Applicant portal ----------------------------------------------------------------------------------------------


@policy_required(permissions.OWN_JOURNEY, object_type=PAGE_TYPE)
def portal(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The applicant's own progress: tracker, missing documents, course sessions, deadlines, messages."""
    journey = selectors.journey_for_applicant(user=request.user)
    if journey is None:
        return render(request, "applicant_journey/portal.html", {"title": _("Moje cesta"), "journey": None})
    task = selectors.open_task_for_journey(journey=journey)
    entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).first()
    return render(
        request,
        "applicant_journey/portal.html",
        {
            "title": _("Moje cesta k náhradní rodinné péči"),
            "journey": journey,
            "entry": entry,
            "steps": selectors.progress_for_journey(journey=journey),
            "task": task,
            "my_task": task if task and task.owner_id == request.user.pk else None,
            "due_on": selectors.task_due_on(task) if task else None,
            "missing": selectors.missing_documents(journey=journey),
            "sessions": selectors.upcoming_sessions(region_id=journey.region_id),
            "messages_list": journey.messages.select_related("author"),
            "message_form": forms.MessageForm(),
            "actions": permissions.journey_actions(request.user, journey, entry),
            "foreign_form": forms.ForeignRecordForm(journey=journey),
            "proceedings": life.proceedings_context(journey, entry, staff=False),
        },
    )
