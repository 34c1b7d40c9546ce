"""Completing journey tasks safely: one lock per process, viewflow's own permission and assignment checks.

Every step service runs inside ``step(...)``: the process row is locked (``select_for_update``), the task is
re-read under the lock, so of two people completing the same task one wins and the other gets
``TASK_ALREADY_DONE``; nothing is written twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.exceptions import ServiceError
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    CLOSED_STAGES,
    REGISTER_STAGES,
    ApplicantJourney,
    EventKind,
    JourneyEvent,
    JourneyStage,
    StageVisit,
)
from workflows.applicant_journey.permissions import may_do_step

if TYPE_CHECKING:
    from nrp.core.models import User

TASK_ALREADY_DONE = _("Tento krok už mezitím dokončil někdo jiný. Nic se nezapsalo dvakrát.")
TASK_NOT_YOURS = _("Tento krok vám není přidělen a nemůžete ho převzít.")
TASK_LOCKED = _("Na případu právě pracuje někdo jiný. Zkuste to prosím za chvíli znovu.")
JOURNEY_CLOSED = _("Tato cesta žadatele je už ukončená.")

OPEN_STATUSES = [STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED]


class StepError(ServiceError):
    """A step cannot be done; ``message`` is shown to the user, ``code`` is stable for the API.

    The code decides the kind of refusal: ``already_done``, ``locked`` and ``conflict`` are conflicts (409),
    ``forbidden`` is 403 (``task_not_yours`` in the API), everything else invalid input (400).
    """

    CONFLICT_CODES = frozenset({"already_done", "locked", "conflict"})

    @property
    def http_status(self) -> int:
        if self.code == "forbidden":
            return 403
        return 409 if self.code in self.CONFLICT_CODES else 400

    @property
    def problem_code(self) -> str:
        return "task_not_yours" if self.code == "forbidden" else self.code


def flow_class():
    from workflows.applicant_journey.flows import ApplicantJourneyFlow

    return ApplicantJourneyFlow


def today() -> date:
    return timezone.localdate()


def enter_stage(journey: ApplicantJourney, stage: str, *, at=None) -> None:
    """Move ``journey`` to ``stage`` (no-op when already there); keeps StageVisit rows for the estimates."""
    at = at or timezone.now()
    journey.last_activity_at = at
    if journey.stage == stage and journey.pk and StageVisit.objects.filter(journey=journey, left_at=None).exists():
        return
    StageVisit.objects.filter(journey=journey, left_at=None).update(left_at=at)
    journey.stage = stage
    journey.stage_entered_at = at
    if stage in CLOSED_STAGES or stage in REGISTER_STAGES:
        journey.next_due_on = None
    if stage not in CLOSED_STAGES:
        StageVisit.objects.create(journey=journey, region_id=journey.region_id, stage=stage, entered_at=at)


def record_event(journey, *, actor, kind: str, step: str = "", note: str = "", **data) -> JourneyEvent:
    return JourneyEvent.objects.create(
        journey=journey,
        at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        kind=kind,
        stage=journey.stage,
        step=step,
        note=note,
        data=data,
    )


def task_created(activation) -> None:
    """viewflow ``onCreate`` hook of every human step: stage, due date (from ``deadlines``), assignee record.

    What to set comes from the node's ``Step`` (``workflows/applicant_journey/steps.py``).
    """
    journey = activation.process
    step_def = activation.flow_task.journey_step
    start = (step_def.deadline_from(journey) if step_def.deadline_from else None) or today()
    due = deadlines.due_date(step_def.rule, start=start, region_id=journey.region_id)
    activation.task.data = {**activation.task.data, "due_on": due.isoformat(), "rule": step_def.rule}
    activation.task.save(update_fields=["data"])
    enter_stage(journey, step_def.stage)
    journey.next_due_on = due
    journey.save(update_fields=["stage", "stage_entered_at", "last_activity_at", "next_due_on"])


def open_task(journey: ApplicantJourney, node_name: str | None = None) -> Task | None:
    qs = Task.objects.filter(process_id=journey.pk, status__in=OPEN_STATUSES).exclude(flow_task_type__in=["START"])
    if node_name:
        qs = qs.filter(flow_task=getattr(flow_class(), node_name))
    return qs.select_related("owner").order_by("pk").first()


def deny(*, actor, journey, request=None, reason: str) -> None:
    """Record a refused attempt (a security signal); ids only."""
    audit_record(
        actor=actor,
        action=AuditAction.DENIED,
        obj=journey,
        household=journey.household,
        region=journey.region,
        request=request,
        reason=reason,
    )


@contextmanager
def step(*, journey: ApplicantJourney, node: str, actor, task_id: int | None = None) -> Iterator[ApplicantJourney]:
    """Complete the open ``node`` task of ``journey`` as ``actor``; the body writes on the yielded process."""
    flow = flow_class()
    node_obj = getattr(flow, node)
    try:
        with flow.lock(journey.pk):
            qs = Task.objects.filter(process_id=journey.pk, flow_task=node_obj, status__in=OPEN_STATUSES)
            if task_id is not None:
                qs = qs.filter(pk=task_id)
            task = qs.order_by("pk").first()
            if task is None:
                raise StepError(TASK_ALREADY_DONE, "already_done")
            activation = node_obj.activation_class(task)
            process = activation.process
            if task.owner_id is None:
                # The pool: viewflow's permission check plus our scope check.
                if not (node_obj.can_assign(actor, task) and may_do_step(actor, process, task.owner_permission)):
                    raise StepError(TASK_NOT_YOURS, "forbidden")
                activation.assign(actor)
            if not node_obj.can_execute(actor, task):
                raise StepError(TASK_NOT_YOURS, "forbidden")
            activation.start(None)
            yield process
            process.last_activity_at = timezone.now()
            process.save()
            activation.execute()
            record_event(process, actor=actor, kind=EventKind.STEP, step=node, task_id=task.pk)
            _sync_end_stage(process)
            audit_record(
                actor=actor,
                action=AuditAction.TASK,
                obj=process,
                household=process.household,
                region=process.region,
                details={"step": node, "task": task.pk},
            )
    except FlowLockFailed as exc:
        raise StepError(TASK_LOCKED, "locked") from exc
    except StepError as exc:
        if exc.code == "forbidden":
            # Outside the rolled-back transaction, so the refusal stays on record.
            deny(actor=actor, journey=journey, reason=f"step {node}")
        raise
    journey.refresh_from_db()


def _sync_end_stage(process: ApplicantJourney) -> None:
    """When the flow reached an End node, set the matching closed stage."""
    if process.finished is None:
        return
    flow = flow_class()
    ended = Task.objects.filter(process_id=process.pk, flow_task_type="END").order_by("-pk").first()
    if ended is None:
        return
    if ended.flow_task == flow.rejected:
        enter_stage(process, JourneyStage.REJECTED)
    elif ended.flow_task == flow.refused_by_orp:
        enter_stage(
            process,
            JourneyStage.NOT_MEDIATED if process.completeness_outcome == "not_mediated" else JourneyStage.REJECTED_ORP,
        )
    process.save()


def task_take_over(*, task: Task, actor) -> Task:
    """Take an open task (from the pool, or from a colleague in the same scope who is away)."""
    flow = flow_class()
    node_obj = task.flow_task
    try:
        with flow.lock(task.process_id):
            task = Task.objects.select_for_update().get(pk=task.pk)
            if task.status not in (STATUS.NEW, STATUS.ASSIGNED):
                raise StepError(TASK_ALREADY_DONE, "already_done")
            journey = ApplicantJourney.objects.get(pk=task.process_id)
            if not may_do_step(actor, journey, task.owner_permission):
                raise StepError(TASK_NOT_YOURS, "forbidden")
            activation = node_obj.activation_class(task)
            if task.owner_id is None:
                activation.assign(actor)
            else:
                task.owner = actor
                task.assigned = timezone.now()
                task.save(update_fields=["owner", "assigned"])
            record_event(journey, actor=actor, kind=EventKind.ASSIGNED, step=node_obj.name, task_id=task.pk)
            return task
    except FlowLockFailed as exc:
        raise StepError(TASK_LOCKED, "locked") from exc
    except StepError as exc:
        if exc.code == "forbidden":
            deny(actor=actor, journey=ApplicantJourney.objects.get(pk=task.process_id), reason="take over")
        raise


def task_complete(*, journey: ApplicantJourney, task: Task, actor: User, form: Any) -> ApplicantJourney:
    """Complete ``task`` of ``journey`` with its step's validated ``form``: the step's service records the step and
    runs the viewflow activation under the process lock. The task screen and the API both call this.

    Raises ``StepError`` (already done, locked, not yours) or the service's ``ValidationError``.
    """
    step_def = task.flow_task.journey_step
    return step_def.service(journey=journey, actor=actor, **form.service_kwargs())
