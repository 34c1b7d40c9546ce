"""E-mail the responsible people about a new reminder (officers of the region; the child's OSPOD where relevant).

Messages carry the case reference and a link only: never a child's name or other identity.
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
from nrp.core.models import RoleAssignment
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


def recipients(reminder: CaseReminder) -> list[str]:
    case = reminder.case
    assignments = RoleAssignment.objects.filter(active=True, role=Role.OFFICER, region=case.region)
    emails = set(assignments.values_list("user__email", flat=True))
    if reminder.for_ospod:
        emails |= set(
            RoleAssignment.objects.filter(active=True, role=Role.OSPOD, orp=case.orp).values_list(
                "user__email", flat=True
            )
        )
    return sorted(e for e in emails if e)


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
