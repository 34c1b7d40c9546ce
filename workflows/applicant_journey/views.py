"""Task screens, lists, process detail, caseload and the applicant portal.

Our own templates (base.html, no inline scripts); the process itself runs in viewflow. Every view checks the
role (403 when the role may not use the page at all) and the object scope through the selectors (404 when the
journey is not theirs, so its existence does not leak); refusals are written to the audit trail.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import View
from viewflow.workflow.models import Task

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_read, audit_record
from nrp.core.choices import Role
from nrp.core.files import serve_protected_file
from workflows.applicant_journey import forms, selectors, services
from workflows.applicant_journey.models import (
    CLOSED_STAGES,
    ApplicantRegisterEntry,
    JourneyStage,
    RegisterStatus,
)
from workflows.applicant_journey.services import communication, documents
from workflows.applicant_journey.services.tasks import OPEN_STATUSES, TASK_ALREADY_DONE

STAFF_ROLES = (Role.GUIDE, Role.OSPOD, Role.OFFICER, Role.ASSESSOR)
PAGE_SIZE = 25


class StepView(View):
    """The flow's view for every human step; requests are routed through ``task_execute`` (scope checks)."""

    def dispatch(self, request, *args, **kwargs):
        return task_execute(request, journey_id=kwargs["process_pk"], task_id=kwargs["task_pk"])


def _deny(request, *, reason: str, journey=None, status: int = 403):
    audit_record(
        actor=request.user,
        action=AuditAction.DENIED,
        obj=journey,
        object_type=None if journey else "applicant_journey.page",
        object_id=None if journey else request.path,
        household=getattr(journey, "household", None),
        region=getattr(journey, "region", None),
        request=request,
        reason=reason,
    )
    if status == 404:
        raise Http404
    raise PermissionDenied


def _require_role(request, *roles):
    if not any(request.user.has_role(r) for r in roles):
        _deny(request, reason="role")


def _journey_or_404(request, journey_id: int):
    journey = selectors.journey_get_for_user(user=request.user, journey_id=journey_id)
    if journey is None:
        audit_record(
            actor=request.user,
            action=AuditAction.DENIED,
            object_type="applicant_journey.applicantjourney",
            object_id=journey_id,
            request=request,
            reason="scope",
        )
        raise Http404
    return journey


def _paginate(request, items):
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("strana"))


def _query_without_page(request) -> str:
    """The current filters as a query-string prefix for the pagination links."""
    query = request.GET.copy()
    query.pop("strana", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""


# --- Task lists and process pages --------------------------------------------------------------------------------


@login_required
def task_list(request):
    """Inbox (my tasks) and queue (unassigned tasks in my scope) of OSPOD, regional office, assessor, guide."""
    _require_role(request, *STAFF_ROLES, Role.APPLICANT)
    tasks = selectors.tasks_for_user(user=request.user)
    return render(
        request,
        "applicant_journey/task_list.html",
        {
            "title": _("Úkoly"),
            "inbox": _paginate(request, tasks["inbox"]),
            "queue": tasks["queue"][:100],
            "today": timezone.localdate(),
        },
    )


@login_required
def journey_list(request):
    _require_role(request, *STAFF_ROLES)
    qs = selectors.journey_list_for_user(user=request.user)
    stage = request.GET.get("faze")
    if stage in JourneyStage.values:
        qs = qs.filter(stage=stage)
    return render(
        request,
        "applicant_journey/journey_list.html",
        {
            "title": _("Cesty žadatelů"),
            "page": _paginate(request, qs),
            "stages": JourneyStage.choices,
            "stage": stage,
            "query": _query_without_page(request),
        },
    )


def _actions_for(user, journey, entry):
    """Which actions the user may take on the journey (the services check again)."""
    staff_officer = journey.region_id in user.region_ids(Role.OFFICER)
    own = journey.household.members.filter(user=user).exists()
    guide = journey.household.guide_id == user.pk and user.has_role(Role.GUIDE)
    actions = []
    open_ = journey.stage not in CLOSED_STAGES
    if open_ and (own or guide or staff_officer):
        actions.append(("withdraw", _("Vzít žádost zpět")))
        actions.append(("change", _("Oznámit změnu poměrů")))
    if staff_officer and open_:
        actions.append(("transfer", _("Předat jinému kraji (přestěhování)")))
    if entry is not None and staff_officer:
        if entry.status == RegisterStatus.ACTIVE:
            actions.append(("pause", _("Přerušit zprostředkování")))
        if entry.status == RegisterStatus.PAUSED:
            actions.append(("resume", _("Obnovit zprostředkování")))
        if entry.status in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
            actions.append(("remove", _("Vyřadit z evidence")))
    return actions


@login_required
def journey_detail(request, journey_id: int):
    """The process detail page with its history (who did what, when)."""
    journey = _journey_or_404(request, journey_id)
    entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).first()
    task = selectors.open_task_for_journey(journey=journey)
    history = selectors.journey_history(journey=journey)
    titles = {node.name: node.task_title for node in flow_nodes()}
    for event in history:
        event.step_title = titles.get(event.step, event.step)
    tasks = list(
        Task.objects.filter(process_id=journey.pk, flow_task_type="HUMAN").select_related("owner").order_by("pk")
    )
    for t in tasks:
        t.due_on = selectors.task_due_on(t)
    audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
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
            "notes": journey.notes.select_related("author") if journey.household.guide_id == request.user.pk else [],
            "note_form": forms.NoteForm(),
            "actions": _actions_for(request.user, journey, entry),
            "is_guide": journey.household.guide_id == request.user.pk,
            "assessments": _assessments_visible(request, journey),
            "can_review": _may_review_documents(request.user, journey),
            "can_take_over": task is not None and _may_take_over(request.user, journey, task),
        },
    )


def flow_nodes():
    from workflows.applicant_journey.flows import ApplicantJourneyFlow

    return ApplicantJourneyFlow.instance.nodes()


def _may_take_over(user, journey, task) -> bool:
    from workflows.applicant_journey.permissions import user_may_act_on

    if task.owner_id == user.pk or not task.owner_permission:
        return False
    codename = task.owner_permission.partition(".")[2]
    return user.has_perm(task.owner_permission) and user_may_act_on(user, journey, codename)


def _assessments_visible(request, journey):
    """Assessments are shown to the regional office and the assessor only; each view is audited."""
    user = request.user
    if journey.region_id in user.region_ids(Role.OFFICER) or journey.assessor_id == user.pk:
        items = list(journey.assessments.select_related("member", "recorded_by"))
        for a in items:
            audit_read(actor=user, obj=a, request=request, household=journey.household, region=journey.region)
        return items
    return []


@login_required
def task_execute(request, journey_id: int, task_id: int):
    """One task screen: the step's form; on submit the step's service completes the viewflow task."""
    journey = _journey_or_404(request, journey_id)
    task = Task.objects.filter(pk=task_id, process_id=journey.pk).select_related("owner").first()
    if task is None:
        raise Http404
    node = task.flow_task.name
    form_class = forms.STEP_FORMS.get(node)
    if form_class is None:
        raise Http404
    if task.status not in OPEN_STATUSES:
        messages.info(request, TASK_ALREADY_DONE)
        return redirect("applicant_journey:detail", journey_id=journey.pk)
    may_act = task.owner_id == request.user.pk or (
        task.owner_id is None and task.flow_task.can_assign(request.user, task)
    )
    if not may_act:
        _deny(request, reason=f"task {node}", journey=journey)
    kwargs = {"journey": journey} if form_class in forms.JOURNEY_FORMS else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        service = STEP_SERVICES[node]
        try:
            service(journey=journey, actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            _errors_to_form(form, exc)
        except services.StepError as exc:
            if exc.code in ("already_done", "locked"):
                messages.error(request, exc.message)
                return redirect("applicant_journey:detail", journey_id=journey.pk)
            if exc.code == "forbidden":
                raise PermissionDenied from exc
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Krok „%(step)s“ je hotový.") % {"step": task.flow_task.task_title})
            return redirect("applicant_journey:detail", journey_id=journey.pk)
    context = {
        "title": task.flow_task.task_title,
        "journey": journey,
        "task": task,
        "due_on": selectors.task_due_on(task),
        "form": form,
        "node": node,
    }
    if node == "preparation":
        from workflows.applicant_journey.deadlines import course_minimum_hours
        from workflows.applicant_journey.services.steps import course_hours

        hours = course_hours(journey)
        context["hours"] = [(m, hours.get(m.pk, 0)) for m in journey.household.members.all()]
        context["minimum_hours"] = course_minimum_hours(journey.care_types)
        context["attendance_form"] = forms.AttendanceForm(journey=journey)
    if node == "check_application":
        context["documents"] = selectors.documents_for_journey(journey=journey)
    return render(request, "applicant_journey/task.html", context)


def _errors_to_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                message = error.message % error.params if error.params else error.message
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


STEP_SERVICES = {
    "information_meeting": services.information_meeting_record,
    "file_application": services.application_file,
    "check_application": services.application_check,
    "complete_application": services.application_complete,
    "social_investigation": services.social_investigation_record,
    "handover": services.handover_record,
    "assign_assessment": services.assessment_assign,
    "expert_assessment": services.expert_assessment_record,
    "preparation": services.preparation_complete,
    "file_inspection": services.file_inspection_record,
    "decision": services.decision_record,
    "finality": services.finality_record,
    "appeal_outcome": services.appeal_outcome_record,
}


@login_required
@require_POST
def task_take_over(request, journey_id: int, task_id: int):
    journey = _journey_or_404(request, journey_id)
    task = Task.objects.filter(pk=task_id, process_id=journey.pk).first()
    if task is None:
        raise Http404
    try:
        services.task_take_over(task=task, actor=request.user)
    except services.StepError as exc:
        if exc.code == "forbidden":
            raise PermissionDenied from exc
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Úkol jste převzali."))
    return redirect("applicant_journey:task", journey_id=journey.pk, task_id=task.pk)


@login_required
def attendance_record(request, journey_id: int):
    journey = _journey_or_404(request, journey_id)
    if journey.region_id not in request.user.region_ids(Role.OFFICER):
        _deny(request, reason="attendance", journey=journey)
    form = forms.AttendanceForm(request.POST or None, journey=journey)
    if request.method == "POST" and form.is_valid():
        communication.course_attendance_record(
            journey=journey,
            actor=request.user,
            session=form.cleaned_data["session"],
            member_id=int(form.cleaned_data["member"]),
            hours=form.cleaned_data["hours"],
        )
        messages.success(request, _("Docházka zapsána."))
    elif request.method == "POST":
        messages.error(request, _("Docházku se nepodařilo zapsat: zkontrolujte údaje."))
    task = selectors.open_task_for_journey(journey=journey)
    if task is not None:
        return redirect("applicant_journey:task", journey_id=journey.pk, task_id=task.pk)
    return redirect("applicant_journey:detail", journey_id=journey.pk)


# --- Actions at any step -----------------------------------------------------------------------------------------

ACTION_TITLES = {
    "withdraw": _("Vzít žádost zpět"),
    "change": _("Oznámit změnu poměrů"),
    "transfer": _("Předat jinému kraji"),
    "pause": _("Přerušit zprostředkování"),
    "resume": _("Obnovit zprostředkování"),
    "remove": _("Vyřadit z evidence"),
}
ACTION_FORMS = {
    "withdraw": forms.OptionalReasonForm,
    "change": forms.ChangeReportForm,
    "transfer": forms.TransferForm,
    "pause": forms.ReasonForm,
    "resume": forms.OptionalReasonForm,
    "remove": forms.ReasonForm,
}
# Confirmation text shown before an action that cannot be simply undone.
ACTION_WARNINGS = {
    "withdraw": _("Vzetím žádosti zpět se cesta ukončí a otevřené kroky se zruší. Historie zůstane zachována."),
    "remove": _("Vyřazením z evidence rodina přestane být vyhledávána pro děti (§24c)."),
    "transfer": _("Spis včetně celé historie přejde na krajský úřad nového bydliště."),
}


@login_required
def journey_action(request, journey_id: int, action: str):
    journey = _journey_or_404(request, journey_id)
    entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).first()
    allowed = dict(_actions_for(request.user, journey, entry))
    if action not in ACTION_FORMS:
        raise Http404
    if action not in allowed:
        _deny(request, reason=f"action {action}", journey=journey)
    form = ACTION_FORMS[action](request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if action == "withdraw":
                services.journey_withdraw(journey=journey, actor=request.user, reason=d["reason"], request=request)
            elif action == "change":
                event = services.change_of_circumstances_report(
                    journey=journey, actor=request.user, occurred_on=d["occurred_on"], description=d["description"]
                )
                if event.data["late"]:
                    messages.warning(request, _("Změna byla oznámena po 15denní lhůtě; je zaznamenána jako opožděná."))
            elif action == "transfer":
                services.journey_transfer(
                    journey=journey, actor=request.user, new_orp=d["new_orp"], reason=d["reason"], request=request
                )
            elif action == "pause":
                services.register_entry_pause(entry=entry, actor=request.user, reason=d["reason"], request=request)
            elif action == "resume":
                services.register_entry_resume(entry=entry, actor=request.user, reason=d["reason"], request=request)
            elif action == "remove":
                services.register_entry_remove(entry=entry, actor=request.user, reason=d["reason"], request=request)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        except services.StepError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Hotovo: %(action)s.") % {"action": ACTION_TITLES[action]})
            if selectors.journey_get_for_user(user=request.user, journey_id=journey.pk) is None:
                return redirect("home")
            return redirect("applicant_journey:detail", journey_id=journey.pk)
    return render(
        request,
        "applicant_journey/action.html",
        {
            "title": ACTION_TITLES[action],
            "journey": journey,
            "form": form,
            "warning": ACTION_WARNINGS.get(action),
            "danger": action in ACTION_WARNINGS,
        },
    )


@login_required
@require_POST
def message_post(request, journey_id: int):
    journey = _journey_or_404(request, journey_id)
    if request.user.has_role(Role.ASSESSOR) and not any(
        request.user.has_role(r) for r in (Role.APPLICANT, Role.GUIDE, Role.OSPOD, Role.OFFICER)
    ):
        _deny(request, reason="message", journey=journey)
    form = forms.MessageForm(request.POST)
    if form.is_valid():
        communication.message_send(journey=journey, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Zpráva odeslána."))
    else:
        messages.error(request, _("Zpráva je prázdná nebo příliš dlouhá."))
    return redirect(_safe_next(request) or reverse("applicant_journey:detail", args=[journey.pk]))


@login_required
@require_POST
def note_add(request, journey_id: int):
    journey = _journey_or_404(request, journey_id)
    if journey.household.guide_id != request.user.pk:
        _deny(request, reason="note", journey=journey)
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


@login_required
def caseload(request):
    """The guide's people with stage, days in stage, next deadline, overdue and stuck flags."""
    _require_role(request, Role.GUIDE)
    stage = request.GET.get("faze") or None
    if stage not in JourneyStage.values:
        stage = None
    overdue = request.GET.get("po_terminu") == "1"
    stuck = request.GET.get("bez_pohybu") == "1"
    order = request.GET.get("razeni", "due")
    qs = selectors.caseload_for_guide(
        guide=request.user, stage=stage, overdue=overdue or None, stuck=stuck or None, order=order
    )
    page = _paginate(request, qs)
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
            "query": _query_without_page(request),
        },
    )


# --- Applicant portal ----------------------------------------------------------------------------------------------


@login_required
def portal(request):
    """The applicant's own progress: tracker, missing documents, course sessions, deadlines, messages."""
    _require_role(request, Role.APPLICANT)
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
            "actions": _actions_for(request.user, journey, entry),
            "foreign_form": forms.ForeignRecordForm(journey=journey),
        },
    )


# --- Documents -------------------------------------------------------------------------------------------------------


def _may_handle_documents(user, journey) -> bool:
    return (
        journey.household.members.filter(user=user).exists()
        or journey.household.guide_id == user.pk
        or journey.household.residence_orp_id in user.orp_ids(Role.OSPOD)
        or journey.region_id in user.region_ids(Role.OFFICER)
    )


@login_required
def document_upload(request, journey_id: int, document_id: int):
    journey = _journey_or_404(request, journey_id)
    if not _may_handle_documents(request.user, journey):
        _deny(request, reason="document upload", journey=journey)
    document = journey.documents.filter(pk=document_id).first()
    if document is None:
        raise Http404
    form = forms.DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            documents.document_upload(document=document, actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Dokument nahrán. Předchozí verze zůstávají uložené."))
            return redirect(_safe_next(request) or reverse("applicant_journey:detail", args=[journey.pk]))
    return render(
        request,
        "applicant_journey/document_upload.html",
        {"title": _("Nahrát dokument"), "journey": journey, "document": document, "form": form},
    )


def _may_review_documents(user, journey) -> bool:
    return (
        journey.household.guide_id == user.pk
        or journey.household.residence_orp_id in user.orp_ids(Role.OSPOD)
        or journey.region_id in user.region_ids(Role.OFFICER)
    )


@login_required
def document_review(request, journey_id: int, document_id: int):
    journey = _journey_or_404(request, journey_id)
    user = request.user
    if not _may_review_documents(user, journey):
        _deny(request, reason="document review", journey=journey)
    document = journey.documents.filter(pk=document_id).first()
    if document is None:
        raise Http404
    form = forms.DocumentReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            documents.document_review(
                document=document, actor=user, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Kontrola dokumentu uložena."))
            return redirect("applicant_journey:detail", journey_id=journey.pk)
    return render(
        request,
        "applicant_journey/document_review.html",
        {"title": _("Kontrola dokumentu"), "journey": journey, "document": document, "form": form},
    )


@login_required
def document_download(request, journey_id: int, version_id: int):
    """Serve one stored file to an authorised user (audited read); files never lie under the web root."""
    journey = _journey_or_404(request, journey_id)
    if not _may_handle_documents(request.user, journey):
        _deny(request, reason="document download", journey=journey)
    version = documents.version_for_journey(journey=journey, version_id=version_id)
    if version is None:
        raise Http404
    audit_read(actor=request.user, obj=version, request=request, household=journey.household, region=journey.region)
    ext = version.file.name.rsplit(".", 1)[-1]
    # The shared helper: download only, nosniff, sandbox CSP, allow-listed type, never outside MEDIA_ROOT.
    return serve_protected_file(
        request, version.file.path, f"dokument-{version.document_id}-{version.pk}.{ext}", version.content_type
    )


def _safe_next(request) -> str | None:
    """The posted ``next`` address, only when it points back into this site (no open redirect)."""
    target = request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
@require_POST
def foreign_record_add(request, journey_id: int):
    journey = _journey_or_404(request, journey_id)
    if not _may_handle_documents(request.user, journey):
        _deny(request, reason="foreign record", journey=journey)
    form = forms.ForeignRecordForm(request.POST, journey=journey)
    if form.is_valid():
        documents.criminal_record_requirement_add(
            journey=journey,
            actor=request.user,
            member_id=int(form.cleaned_data["member"]),
            country=form.cleaned_data["country"],
        )
        messages.success(request, _("Doplněno: výpis z rejstříku trestů této země."))
    else:
        messages.error(request, _("Vyberte žadatele a napište zemi."))
    return redirect(_safe_next(request) or reverse("applicant_journey:detail", args=[journey.pk]))
