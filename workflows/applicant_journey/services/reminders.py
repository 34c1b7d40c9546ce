"""E-mail reminders for due and overdue tasks and for guides' note reminders (run daily by cron).

Each reminder is also an in-app notification (``nrp.notifications``, kind "deadlines"); the e-mail goes only to
those who have not switched deadline e-mails off in their notification settings.

Idempotent: every reminder is first recorded in ``ReminderLog`` under a unique key (task, due date, recipient,
kind); only a newly recorded reminder is sent, so running the command twice sends nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext
from viewflow.workflow.models import Task

from nrp.notifications import events as notifications
from nrp.notifications.models import NotificationKind
from nrp.notifications.services import wants_email
from workflows.applicant_journey.models import ApplicantJourney, CaseNote, ReminderKind, ReminderLog
from workflows.applicant_journey.selectors import OPEN_TASK_STATUSES, task_due_on

# How many days before the due date the first reminder goes out.
REMIND_BEFORE_DAYS = 3


@dataclass
class ReminderResult:
    sent: int = 0
    skipped: int = 0


def _flow_class():
    from workflows.applicant_journey.flows import ApplicantJourneyFlow

    return ApplicantJourneyFlow


def _claim(key: str, recipient, kind: str) -> bool:
    """Record the reminder; False when it was already sent (the unique constraint decides, even in parallel)."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(key=key, recipient=recipient, kind=kind)
        return True
    except IntegrityError:
        return False


def _send(recipient, subject: str, body: str) -> None:
    if not wants_email(recipient, NotificationKind.DEADLINE):
        return
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])


def reminders_send(*, today: date) -> ReminderResult:
    result = ReminderResult()
    tasks = Task.objects.filter(
        status__in=OPEN_TASK_STATUSES,
        flow_task_type="HUMAN",
        process__flow_class=_flow_class(),
    ).select_related("owner")
    journeys = {
        j.pk: j
        for j in ApplicantJourney.objects.filter(pk__in=tasks.values("process_id")).select_related("household__guide")
    }
    for task in tasks:
        due = task_due_on(task)
        if due is None or due - today > timedelta(days=REMIND_BEFORE_DAYS):
            continue
        kind = ReminderKind.OVERDUE if due < today else ReminderKind.DUE
        journey = journeys.get(task.process_id)
        recipients = [task.owner] if task.owner else []
        guide = journey.household.guide if journey else None
        if guide is not None and guide not in recipients:
            recipients.append(guide)
        for recipient in recipients:
            if not recipient.is_active or not recipient.email:
                continue
            if not _claim(f"task:{task.pk}:{due.isoformat()}", recipient, kind):
                result.skipped += 1
                continue
            # Ids and the step's name only: no names of people in reminder e-mails.
            title = str(task.flow_task.task_title)
            if kind == ReminderKind.OVERDUE:
                subject = gettext("Po termínu: %(step)s (případ č. %(id)s)") % {"step": title, "id": task.process_id}
            else:
                subject = gettext("Blíží se termín: %(step)s (případ č. %(id)s)") % {
                    "step": title,
                    "id": task.process_id,
                }
            body = gettext("Krok „%(step)s“ případu č. %(id)s má termín %(due)s.") % {
                "step": title,
                "id": task.process_id,
                "due": due.strftime("%d. %m. %Y"),
            }
            notifications.deadline_reminded(
                user=recipient,
                key=f"task:{task.pk}:{due.isoformat()}:{kind}",
                title=subject,
                url=reverse("applicant_journey:task", args=[task.process_id, task.pk]),
            )
            _send(recipient, subject, body)
            result.sent += 1
    for note in CaseNote.objects.filter(remind_on__lte=today).select_related("author"):
        if note.author is None or not _claim(f"note:{note.pk}", note.author, ReminderKind.NOTE):
            result.skipped += 1
            continue
        title = gettext("Připomínka k případu č. %(id)s") % {"id": note.journey_id}
        notifications.deadline_reminded(
            user=note.author,
            key=f"note:{note.pk}",
            title=title,
            url=reverse("applicant_journey:detail", args=[note.journey_id]),
        )
        _send(
            note.author,
            title,
            gettext("Připomínka z vaší poznámky k případu č. %(id)s.") % {"id": note.journey_id},
        )
        result.sent += 1
    return result
