"""Opening a journey and the exits or changes that may happen at any step (withdrawal, transfer, changes)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.choices import MEDIATED_CARE_TYPES
from nrp.core.exceptions import ForbiddenError
from nrp.core.models import Household, Orp, User
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    CLOSED_STAGES,
    ApplicantJourney,
    ApplicantRegisterEntry,
    EventKind,
    JourneyStage,
    RegisterStatus,
)
from workflows.applicant_journey.services.assignment import owner_for_node
from workflows.applicant_journey.services.register import entry_lock_for_leaving, leave_register
from workflows.applicant_journey.services.tasks import (
    JOURNEY_CLOSED,
    TASK_LOCKED,
    StepError,
    enter_stage,
    flow_class,
    record_event,
)
from workflows.applicant_journey.services.tasks import today as clock_today

JOURNEY_ALREADY_OPEN = _("Tato domácnost už má rozpracovanou cestu žadatele.")
REASON_REQUIRED = _("Uveďte prosím důvod.")
SAME_REGION = _("Nové bydliště je ve stejném kraji; změňte jen ORP trvalého pobytu.")
CHANGE_DESCRIPTION_REQUIRED = _("Popište prosím, co se změnilo.")
CHANGE_IN_FUTURE = _("Změna nemůže nastat v budoucnosti.")
WITHDRAW_APPLICANT_ONLY = law.message(
    _("Žádost může vzít zpět jen žadatel (%(law)s); úřad jen zapíše písemné zpětvzetí žadatele."), law="WITHDRAWAL"
)
WRITTEN_WITHDRAWAL_REQUIRED = law.message(
    _("Přiložte písemné zpětvzetí žádosti podepsané žadatelem (%(law)s)."), law="WITHDRAWAL"
)


def _attach_written_withdrawal(journey: ApplicantJourney, *, actor: User, upload) -> None:
    """Keep the applicant's written withdrawal in the file (a document outside the checklist), accepted."""
    from workflows.applicant_journey.models import DocumentKind, DocumentStatus, JourneyDocument
    from workflows.applicant_journey.services.documents import document_upload

    document, _created = JourneyDocument.objects.get_or_create(
        journey=journey, member=None, kind=DocumentKind.WITHDRAWAL, country=""
    )
    document_upload(document=document, actor=actor, upload=upload)
    document.status = DocumentStatus.ACCEPTED
    document.save(update_fields=["status", "updated_at"])


@transaction.atomic
def journey_open(*, household: Household, actor: User | None, care_types: list[str] | None = None) -> ApplicantJourney:
    """Open the applicant journey of a household (a guide after a call or a meeting, or the online sign-up)."""
    if ApplicantJourney.objects.filter(household=household).exclude(stage__in=CLOSED_STAGES).exists():
        raise StepError(JOURNEY_ALREADY_OPEN, "conflict")
    care_types = [c for c in (care_types or []) if c in MEDIATED_CARE_TYPES]
    journey = flow_class().start.run(
        household=household, region=household.residence_orp.region, care_types=care_types, actor=actor
    )
    record_event(journey, actor=actor, kind=EventKind.OPENED)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=journey, household=household, region=journey.region)
    return journey


def _lock_entry_leaving(household_id: int) -> ApplicantRegisterEntry | None:
    """The household's register entry, locked after the cases it is approached in (``entry_lock_for_leaving``)."""
    entry_id = ApplicantRegisterEntry.objects.filter(household_id=household_id).values_list("pk", flat=True).first()
    return entry_lock_for_leaving(entry_id) if entry_id is not None else None


def _cancel_open_tasks(journey: ApplicantJourney) -> None:
    flow = flow_class()
    if journey.status in (PROCESS.DONE, PROCESS.CANCELED):
        return
    try:
        flow.instance.cancel(journey)
    except FlowLockFailed as exc:
        raise StepError(TASK_LOCKED, "locked") from exc


@transaction.atomic
def journey_withdraw(
    *, journey: ApplicantJourney, actor: User, reason: str = "", request=None, document=None
) -> ApplicantJourney:
    """The applicant withdraws (at any step): open tasks are cancelled, a register entry becomes WITHDRAWN and
    every open approach of the family is cancelled in the same transaction (REGISTER_LEAVE).

    WITHDRAWAL: only the applicant withdraws. A staff member of the ORP or the region may record a withdrawal the
    applicant made in writing, with that document (``document``, an uploaded file) attached; a guide never."""
    from workflows.applicant_journey.permissions import WITHDRAW

    journey = ApplicantJourney.objects.select_for_update().get(pk=journey.pk)
    if journey.stage in CLOSED_STAGES:
        raise StepError(JOURNEY_CLOSED, "conflict")
    own = journey.household.members.filter(user_id=actor.pk).exists()
    if not own:
        if not WITHDRAW.allows(actor, journey):
            raise ForbiddenError(WITHDRAW_APPLICANT_ONLY, "forbidden")
        if document is None:
            raise ValidationError({"document": WRITTEN_WITHDRAWAL_REQUIRED})
        _attach_written_withdrawal(journey, actor=actor, upload=document)
    _cancel_open_tasks(journey)
    journey.refresh_from_db()
    entry = _lock_entry_leaving(journey.household_id)
    if entry is not None and entry.status in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
        entry.status = RegisterStatus.WITHDRAWN
        entry.status_reason = reason
        entry.status_changed_at = timezone.now()
        entry.save(update_fields=["status", "status_reason", "status_changed_at"])
        leave_register(entry=entry, actor=actor, how="withdrawn")
    enter_stage(journey, JourneyStage.WITHDRAWN)
    journey.closed_reason = reason
    journey.save()
    record_event(journey, actor=actor, kind=EventKind.WITHDRAWN, note=reason)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=journey,
        household=journey.household,
        region=journey.region,
        request=request,
        reason=reason,
        details={"stage": JourneyStage.WITHDRAWN},
    )
    return journey


@transaction.atomic
def journey_transfer(*, journey: ApplicantJourney, actor: User, new_orp: Orp, reason: str, request=None):
    """The family moved to another region: the case, its register entry and open tasks go with the whole history."""
    journey = ApplicantJourney.objects.select_for_update().get(pk=journey.pk)
    if journey.stage in CLOSED_STAGES:
        raise StepError(JOURNEY_CLOSED, "conflict")
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    old_region = journey.region
    if new_orp.region_id == old_region.pk:
        raise ValidationError({"new_orp": SAME_REGION})
    household = journey.household
    household.residence_orp = new_orp
    household.save(update_fields=["residence_orp"])
    journey.region = new_orp.region
    journey.save(update_fields=["region"])
    entry = _lock_entry_leaving(household.pk)
    if entry is not None:
        entry.region = new_orp.region
        entry.save(update_fields=["region"])
        # The family leaves this region's register (REGISTER_LEAVE): its approaches here are cancelled.
        if entry.status in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
            leave_register(entry=entry, actor=actor, how="transferred")
    # Open tasks: re-assign in the new scope (the old region's officers lose them).
    for task in Task.objects.filter(process_id=journey.pk, status__in=[STATUS.NEW, STATUS.ASSIGNED]):
        activation = task.flow_task.activation_class(task)
        activation.process = journey
        owner = owner_for_node(task.flow_task.name, activation)
        task.owner = owner
        task.status = STATUS.ASSIGNED if owner else STATUS.NEW
        task.save(update_fields=["owner", "status"])
    record_event(
        journey,
        actor=actor,
        kind=EventKind.TRANSFERRED,
        note=reason,
        from_region=old_region.pk,
        to_region=new_orp.region_id,
        to_orp=new_orp.pk,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=journey,
        household=household,
        region=old_region,
        request=request,
        reason=reason,
        details={"from_region": old_region.pk, "to_region": new_orp.region_id},
    )
    return journey


@transaction.atomic
def change_of_circumstances_report(
    *, journey: ApplicantJourney, actor: User, occurred_on: date, description: str, today: date | None = None
):
    """CHANGE_REPORT (§23k): the family reports a relevant change within 15 days. Late reports are flagged."""
    today = today or clock_today()
    if occurred_on > today:
        raise ValidationError({"occurred_on": CHANGE_IN_FUTURE})
    if not description.strip():
        raise ValidationError({"description": CHANGE_DESCRIPTION_REQUIRED})
    last_day = deadlines.change_report_deadline(occurred_on, region_id=journey.region_id)
    late = today > last_day
    event = record_event(
        journey,
        actor=actor,
        kind=EventKind.CHANGE_REPORTED,
        note=description.strip(),
        occurred_on=occurred_on.isoformat(),
        reported_on=today.isoformat(),
        deadline=last_day.isoformat(),
        late=late,
    )
    # The KÚ reviews the change (a task with a deadline on its officers' case pages).
    from workflows.applicant_journey.services.life import change_review_open

    change_review_open(journey=journey, event=event, reported_on=today)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=journey,
        household=journey.household,
        region=journey.region,
        details={"change_event": event.pk, "late": late},
    )
    return event
