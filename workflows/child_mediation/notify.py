"""E-mail the responsible people about a new reminder (officers of the region; the child's OSPOD where relevant).

Messages carry the case reference and a link only: never a child's name or other identity. Each reminder is also
an in-app notification for the same people (``notification_for_reminder``, made with the reminder itself); the
e-mail goes only to those who have not switched deadline e-mails off.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from nrp.core.choices import Role
from nrp.core.models import RoleAssignment, User
from nrp.notifications import events as notifications
from nrp.notifications.models import NotificationKind
from nrp.notifications.services import wants_email
from workflows.child_mediation.models import CaseReminder

# The demo seed creates reminders in bulk and must not mail anyone.
_silenced: ContextVar[bool] = ContextVar("child_mediation_notify_silenced", default=False)


@contextmanager
def silenced():
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def recipient_users(reminder: CaseReminder) -> list[User]:
    case = reminder.case
    assignments = RoleAssignment.objects.filter(active=True, role=Role.OFFICER, region=case.region)
    if reminder.for_ospod:
        assignments = assignments | RoleAssignment.objects.filter(active=True, role=Role.OSPOD, orp=case.orp)
    return list(User.objects.filter(pk__in=assignments.values("user_id"), is_active=True).order_by("pk"))


def recipients(reminder: CaseReminder) -> list[str]:
    users = recipient_users(reminder)
    return sorted({u.email for u in users if u.email and wants_email(u, NotificationKind.DEADLINE)})


def notification_for_reminder(reminder: CaseReminder) -> None:
    """The reminder in the responsible people's notification lists (with the unread badge)."""
    with override("cs"):
        title = _("%(ref)s: %(kind)s") % {"ref": reminder.case.reference, "kind": reminder.get_kind_display()}
        if reminder.due_on:
            title += _(" (termín %(d)s)") % {"d": reminder.due_on.strftime("%d. %m. %Y")}
    url = reverse("child_mediation:detail", args=[reminder.case_id])
    for user in recipient_users(reminder):
        notifications.deadline_reminded(user=user, key=f"case_reminder:{reminder.pk}", title=title, url=url)


def notify_reminder(reminder: CaseReminder) -> int:
    """Send one short e-mail per recipient; returns how many were sent."""
    to = [] if _silenced.get() else recipients(reminder)
    if not to:
        return 0
    with override("cs"):
        subject = _("NRP: %(kind)s – %(ref)s") % {"kind": reminder.get_kind_display(), "ref": reminder.case.reference}
        body = _("Případ %(ref)s: %(kind)s.%(due)s\n\nDetail: %(url)s") % {
            "ref": reminder.case.reference,
            "kind": reminder.get_kind_display(),
            "due": (_(" Termín: %(d)s.") % {"d": reminder.due_on.strftime("%d. %m. %Y")}) if reminder.due_on else "",
            "url": reverse("child_mediation:detail", args=[reminder.case_id]),
        }
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in to], fail_silently=True)
