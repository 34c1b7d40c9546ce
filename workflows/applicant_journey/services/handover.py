"""The hand-over of the applicant's file to the regional office (ORP_PROCEEDINGS, §23b): only a complete file
(COMPLETENESS_GATE), with the home-visit record and the ORP's opinion (ORP_OPINION); the due date and whether it was
met stay on the record (HANDOVER_PERIOD); the office confirms receipt."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.models import User
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    ApplicantJourney,
    EventKind,
    FileHandover,
    OpinionConclusion,
    OrpOpinion,
)
from workflows.applicant_journey.services.application import require_complete
from workflows.applicant_journey.services.dates import check_step_date, day
from workflows.applicant_journey.services.tasks import StepError, record_event, step
from workflows.applicant_journey.services.tasks import today as clock_today

OPINION_REQUIRED = law.message(_("Připojte stanovisko ORP (%(law)s)."), law="ORP_OPINION")
HOME_VISIT_MISSING = law.message(_("Spis neobsahuje záznam ze sociálního šetření (%(law)s)."), law="ORP_OPINION")
RECEIVED_BEFORE_SENT = _("Spis nemohl být převzat dříve, než byl odeslán (%(date)s).")
NOT_HANDED_OVER = _("Spis zatím nebyl krajskému úřadu předán.")
ALREADY_RECEIVED = _("Převzetí spisu už bylo potvrzeno %(date)s.")
HANDOVER_LATE_NOTE = _("Spis předán %(sent)s po lhůtě, která uplynula %(due)s (%(law)s).")
HANDOVER_NOTE = _("Spis předán %(sent)s ve lhůtě do %(due)s (%(law)s).")


def handover_due_on(journey: ApplicantJourney) -> date | None:
    """HANDOVER_PERIOD: the last day to hand the file over, from the day the application was found complete."""
    if journey.application_complete_on is None:
        return None
    return deadlines.due_date("handover", start=journey.application_complete_on, region_id=journey.region_id)


def handover_record(
    *,
    journey: ApplicantJourney,
    actor: User,
    sent_on: date,
    opinion_conclusion: str = "",
    opinion_text: str = "",
    today=None,
) -> ApplicantJourney:
    """The OSPOD sends the applicant's file (spisová dokumentace žadatele) with its opinion to the regional office.

    Refused while a checklist item is missing or not accepted (COMPLETENESS_GATE), without the home-visit record
    or without the ORP's opinion (ORP_OPINION)."""
    today = today or clock_today()
    check_step_date(journey, "handover", "sent_on", sent_on, today=today)
    if opinion_conclusion not in OpinionConclusion.values or not opinion_text.strip():
        raise ValidationError({"opinion_text": OPINION_REQUIRED})
    if not journey.home_visit_notes.strip() or journey.home_visit_on is None:
        raise StepError(HOME_VISIT_MISSING, "home_visit_missing")
    require_complete(journey)
    due_on = handover_due_on(journey) or sent_on
    met = sent_on <= due_on
    with step(journey=journey, node="handover", actor=actor) as process:
        process.handed_over_on = sent_on
        OrpOpinion.objects.update_or_create(
            journey=process,
            defaults={
                "conclusion": opinion_conclusion,
                "text": opinion_text.strip(),
                "issued_on": sent_on,
                "issued_by": actor,
            },
        )
        FileHandover.objects.update_or_create(
            journey=process,
            defaults={
                "region": process.region,
                "sent_on": sent_on,
                "sent_by": actor,
                "due_on": due_on,
                "deadline_met": met,
                "received_on": None,
                "received_by": None,
            },
        )
        note = (HANDOVER_NOTE if met else HANDOVER_LATE_NOTE) % {
            "sent": day(sent_on),
            "due": day(due_on),
            "law": law.cite("HANDOVER_PERIOD", "short"),
        }
        record_event(
            process, actor=actor, kind=EventKind.STEP, step="handover", note=note, rule="HANDOVER_PERIOD", met=met
        )
    return journey


@transaction.atomic
def handover_receipt_confirm(
    *, journey: ApplicantJourney, actor: User, received_on: date, request=None, today=None
) -> FileHandover:
    """The regional office confirms it received the file (with the home-visit record and the ORP's opinion)."""
    today = today or clock_today()
    handover = FileHandover.objects.select_for_update().filter(journey=journey).first()
    if handover is None:
        raise StepError(NOT_HANDED_OVER, "conflict")
    if handover.received_on is not None:
        raise StepError(ALREADY_RECEIVED % {"date": day(handover.received_on)}, "conflict")
    if received_on > today:
        raise ValidationError({"received_on": _("Datum nemůže být v budoucnosti.")})
    if received_on < handover.sent_on:
        raise ValidationError(
            {
                "received_on": _("Spis nemohl být převzat dříve, než byl odeslán (%(date)s).")
                % {"date": day(handover.sent_on)}
            }
        )
    handover.received_on = received_on
    handover.received_by = actor
    handover.save(update_fields=["received_on", "received_by"])
    record_event(
        journey, actor=actor, kind=EventKind.STEP, step="handover_receipt", received_on=received_on.isoformat()
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=journey,
        household=journey.household,
        region=journey.region,
        request=request,
        details={"handover_received_on": received_on.isoformat()},
    )
    return handover
