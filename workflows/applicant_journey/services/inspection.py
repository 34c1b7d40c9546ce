"""Seznámení s podklady (FILE_INSPECTION, správní řád §36(3)): before a negative decision the applicant gets a
notice (a message in the app and an e-mail) with a period to respond (a regional setting, default 5 working
days); what was inspected and what the applicant said is recorded. ``inspection_gate`` refuses a negative decision
before the period has run (unless the applicant made a final statement)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.models import User
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import ApplicantJourney, EventKind, InspectionNotice, Message
from workflows.applicant_journey.services.tasks import StepError, record_event
from workflows.applicant_journey.services.tasks import today as clock_today

NO_NOTICE = law.message(
    _(
        "Nevyhovující rozhodnutí nelze vydat: žadatel nebyl vyzván k seznámení s podklady a k vyjádření (%(law)s). "
        "Nejprve odešlete výzvu."
    ),
    law="FILE_INSPECTION",
)
PERIOD_RUNNING = law.message(
    _(
        "Nevyhovující rozhodnutí lze vydat až po lhůtě žadatele k vyjádření k podkladům, tj. po %%(date)s "
        "(%(law)s), pokud se žadatel nevyjádří s konečnou platností dříve."
    ),
    law="FILE_INSPECTION",
)
DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
BEFORE_NOTICE = _("Datum nemůže být dřívější než výzva k seznámení s podklady (%(date)s).")
ITEMS_REQUIRED = _("Zapište, do kterých podkladů žadatel nahlédl.")
NOTICE_TEXT = _(
    "Výzva k seznámení s podklady rozhodnutí (%(law)s): máte možnost nahlédnout do spisu a vyjádřit se "
    "k podkladům do %(date)s. Termín nahlédnutí si domluvte se svým úřadem."
)


def _day(value: date) -> str:
    return value.strftime("%d. %m. %Y")


def inspection_gate(journey: ApplicantJourney, *, on_day: date, since: date | None = None) -> InspectionNotice:
    """The latest notice (sent on or after ``since``) whose period allows a negative decision on ``on_day``; else
    a refusal with the date from which it may be issued."""
    notices = journey.inspection_notices.order_by("-sent_on", "-pk")
    if since is not None:
        notices = notices.filter(sent_on__gte=since)
    notice = notices.first()
    if notice is None:
        raise StepError(NO_NOTICE, "inspection_missing")
    if not notice.allows_decision_on(on_day):
        raise StepError(PERIOD_RUNNING % {"date": _day(notice.respond_by)}, "inspection_period")
    return notice


def _recipients(journey: ApplicantJourney) -> list[str]:
    members = journey.household.members.select_related("user")
    return sorted({m.email or (m.user.email if m.user else "") for m in members} - {""})


@transaction.atomic
def inspection_notice_send(
    *, journey: ApplicantJourney, actor: User, sent_on: date, today: date | None = None, request=None
) -> InspectionNotice:
    """Send the notice: a message in the journey (the applicant sees it on the portal) and an e-mail."""
    today = today or clock_today()
    if sent_on > today:
        raise ValidationError({"sent_on": DATE_IN_FUTURE})
    notice = InspectionNotice.objects.create(
        journey=journey,
        sent_on=sent_on,
        respond_by=deadlines.inspection_respond_by(sent_on, region_id=journey.region_id),
        sent_by=actor,
    )
    with translation.override("cs"):
        text = str(NOTICE_TEXT) % {"law": law.cite("FILE_INSPECTION", "short"), "date": _day(notice.respond_by)}
        Message.objects.create(journey=journey, author=actor, body=text)
        to = _recipients(journey)
        if to:
            send_mail(
                gettext("NRP: výzva k seznámení s podklady"), text, settings.DEFAULT_FROM_EMAIL, to, fail_silently=True
            )
    record_event(
        journey,
        actor=actor,
        kind=EventKind.STEP,
        step="file_inspection",
        note=text,
        rule="FILE_INSPECTION",
        respond_by=notice.respond_by.isoformat(),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=notice,
        household=journey.household,
        region=journey.region,
        request=request,
    )
    return notice


@transaction.atomic
def inspection_record(
    *,
    notice: InspectionNotice,
    actor: User,
    inspected_on: date,
    inspected_items: str,
    statement: str = "",
    statement_final: bool = False,
    today: date | None = None,
    request=None,
) -> InspectionNotice:
    """What the applicant inspected, when, and what they said (a final statement ends the period early)."""
    today = today or clock_today()
    notice = InspectionNotice.objects.select_for_update().get(pk=notice.pk)
    if inspected_on > today:
        raise ValidationError({"inspected_on": DATE_IN_FUTURE})
    if inspected_on < notice.sent_on:
        raise ValidationError({"inspected_on": BEFORE_NOTICE % {"date": _day(notice.sent_on)}})
    if not inspected_items.strip():
        raise ValidationError({"inspected_items": ITEMS_REQUIRED})
    notice.inspected_on = inspected_on
    notice.inspected_items = inspected_items.strip()
    notice.statement = statement.strip()
    notice.statement_final = statement_final
    notice.save()
    record_event(
        notice.journey,
        actor=actor,
        kind=EventKind.STEP,
        step="file_inspection",
        note=gettext("Žadatel nahlédl do spisu %(date)s: %(items)s")
        % {"date": _day(inspected_on), "items": notice.inspected_items},
        rule="FILE_INSPECTION",
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=notice,
        household=notice.journey.household,
        region=notice.journey.region,
        request=request,
    )
    return notice
