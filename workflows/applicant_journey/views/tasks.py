"""Task screens: the inbox and queue, one task's form, taking over a task, course attendance.

``task_execute`` validates the step's form and calls ``services.tasks.task_complete`` (the same service the API
calls), which runs the step's service and the viewflow activation under the process lock.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import View
from viewflow.workflow.models import Task

from nrp.core.exceptions import ForbiddenError, ServiceError
from nrp.core.web import AuthenticatedHttpRequest, paginate, policy_required, submit
from workflows.applicant_journey import forms, permissions, selectors, services, steps
from workflows.applicant_journey.services.elsewhere import attendance_record as attendance_record_service
from workflows.applicant_journey.services.tasks import OPEN_STATUSES, TASK_ALREADY_DONE, task_complete
from workflows.applicant_journey.views.common import PAGE_TYPE, deny_on, journey_or_404


class StepView(View):
    """The flow's view for every human step; requests are routed through ``task_execute`` (scope checks)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # viewflow routes signed-in users here; task_execute's policy_required sends anyone else to the login.
        return task_execute(request, journey_id=kwargs["process_pk"], task_id=kwargs["task_pk"])  # type: ignore[arg-type]


@policy_required(permissions.READ_JOURNEY, object_type=PAGE_TYPE)
def task_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Inbox (my tasks) and queue (unassigned tasks in my scope) of OSPOD, regional office, assessor, guide."""
    tasks = selectors.tasks_for_user(user=request.user)
    return render(
        request,
        "applicant_journey/task_list.html",
        {
            "title": _("Úkoly"),
            "inbox": paginate(request, tasks["inbox"]),
            "queue": tasks["queue"][:100],
            "today": timezone.localdate(),
        },
    )


@policy_required(permissions.READ_JOURNEY, on_object=True)
def task_execute(request: AuthenticatedHttpRequest, journey_id: int, task_id: int) -> HttpResponse:
    """One task screen: the step's form; on submit ``task_complete`` records the step and completes the task."""
    journey = journey_or_404(request, journey_id)
    task = Task.objects.filter(pk=task_id, process_id=journey.pk).select_related("owner").first()
    step = steps.step_of(task) if task is not None else None
    if step is None:
        raise Http404
    if task.status not in OPEN_STATUSES:
        messages.info(request, TASK_ALREADY_DONE)
        return redirect("applicant_journey:detail", journey_id=journey.pk)
    may_act = task.owner_id == request.user.pk or (
        task.owner_id is None and task.flow_task.can_assign(request.user, task)
    )
    if not may_act:
        deny_on(request, journey, reason=f"task {task.flow_task.name}")
    form = step.form_for(journey, request.POST or None)
    done = submit(
        request,
        form,
        lambda _data: task_complete(journey=journey, task=task, actor=request.user, form=form),
        success=_("Krok „%(step)s“ je hotový.") % {"step": task.flow_task.task_title},
        redirect_to=reverse("applicant_journey:detail", args=[journey.pk]),
    )
    if done is not None:
        return done
    context: dict[str, Any] = {
        "title": task.flow_task.task_title,
        "journey": journey,
        "task": task,
        "due_on": selectors.task_due_on(task),
        "form": form,
        "node": task.flow_task.name,
    }
    if step is steps.PREPARATION:
        from workflows.applicant_journey.services.elsewhere import course_hours, course_minimum_for

        hours = course_hours(journey)
        context["hours"] = [(m, hours.get(m.pk, 0)) for m in journey.household.members.all()]
        context["minimum_hours"] = course_minimum_for(journey)
        context["attendance_form"] = forms.AttendanceForm(journey=journey)
    if step in (steps.CHECK_APPLICATION, steps.HANDOVER):
        from workflows.applicant_journey.services.application import eligibility, outstanding_items

        context["documents"] = selectors.documents_for_journey(journey=journey)
        # COMPLETENESS_GATE: what is still missing or not accepted; APPLICATION_ELIGIBILITY: whether §23a(1) is met.
        context["outstanding"] = outstanding_items(journey)
        context["eligibility"] = eligibility(journey)
    return render(request, "applicant_journey/task.html", context)


@policy_required(permissions.READ_JOURNEY, on_object=True)
@require_POST
def task_take_over(request: AuthenticatedHttpRequest, journey_id: int, task_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    task = Task.objects.filter(pk=task_id, process_id=journey.pk).first()
    if task is None:
        raise Http404
    try:
        services.task_take_over(task=task, actor=request.user)
    except services.StepError as exc:
        if exc.http_status == 403:
            raise PermissionDenied from exc
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Úkol jste převzali."))
    return redirect("applicant_journey:task", journey_id=journey.pk, task_id=task.pk)


@policy_required(permissions.RECORD_ATTENDANCE, on_object=True)
def attendance_record(request: AuthenticatedHttpRequest, journey_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    if not permissions.RECORD_ATTENDANCE.allows(request.user, journey):
        deny_on(request, journey, reason="attendance")
    form = forms.AttendanceForm(request.POST or None, journey=journey)
    if request.method == "POST" and form.is_valid():
        try:
            attendance_record_service(
                journey=journey,
                actor=request.user,
                session=form.cleaned_data["session"],
                member_id=int(form.cleaned_data["member"]),
                hours=form.cleaned_data["hours"],
            )
        except ForbiddenError as exc:
            raise PermissionDenied from exc
        except (ValidationError, ServiceError) as exc:
            messages.error(request, " ".join(_error_texts(exc)))
        else:
            messages.success(request, _("Docházka zapsána."))
    elif request.method == "POST":
        messages.error(request, _("Docházku se nepodařilo zapsat: zkontrolujte údaje."))
    task = selectors.open_task_for_journey(journey=journey)
    if task is not None:
        return redirect("applicant_journey:task", journey_id=journey.pk, task_id=task.pk)
    return redirect("applicant_journey:detail", journey_id=journey.pk)


def _error_texts(exc: ValidationError | ServiceError) -> list[str]:
    if isinstance(exc, ServiceError):
        return [str(exc.message)]
    return [str(m) for m in exc.messages]
