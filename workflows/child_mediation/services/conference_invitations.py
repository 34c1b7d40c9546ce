"""Invitations to a case conference: staff chosen from users, an e-mail with an iCalendar (ICS) attachment.

Neither the e-mail nor the calendar entry carries the child's identity: the case reference, the date, time and
place only (the reference is what staff look the case up by).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from nrp.core.choices import Role
from nrp.core.models import User
from workflows.child_mediation.models import CaseConference, ChildCase, ParticipantRole

CONFERENCE_LENGTH = timedelta(hours=2)
# A user's role in the system and the role they take at the conference.
STAFF_ROLES = {Role.OFFICER: ParticipantRole.OFFICER, Role.OSPOD: ParticipantRole.OSPOD}
STAFF_ROLES[Role.ASSESSOR] = ParticipantRole.PSYCHOLOGIST


def eligible_staff(case: ChildCase) -> QuerySet[User]:
    """Active staff with a role in the child's case: the region's officers and assessors, the child's OSPOD."""
    scope = Q(role_assignments__role__in=[Role.OFFICER, Role.ASSESSOR], role_assignments__region=case.region_id)
    scope |= Q(role_assignments__role=Role.OSPOD, role_assignments__orp=case.orp_id)
    return (
        User.objects.filter(scope, is_active=True, role_assignments__active=True)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def participant_role(user: User, case: ChildCase) -> str:
    for role, participant in STAFF_ROLES.items():
        if role == Role.OSPOD and case.orp_id in user.orp_ids(Role.OSPOD):
            return participant
        if role != Role.OSPOD and case.region_id in user.region_ids(role):
            return participant
    return ParticipantRole.OTHER


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(conference: CaseConference) -> str:
    """The calendar entry (METHOD:REQUEST) of the conference: reference, date, time and place, nothing else."""
    with override("cs"):
        summary = _("Případová konference %(ref)s") % {"ref": conference.case.reference}
        description = _("Případová konference NRP k případu %(ref)s. Podklady v systému NRP.") % {
            "ref": conference.case.reference
        }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//NRP//Pripadova konference//CS",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:nrp-conference-{conference.pk}@{getattr(settings, 'NRP_ICS_DOMAIN', 'nrp.example')}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(conference.scheduled_at)}",
        f"DTEND:{_utc(conference.scheduled_at + CONFERENCE_LENGTH)}",
        f"SUMMARY:{_escape(summary)}",
        f"LOCATION:{_escape(conference.place)}",
        f"DESCRIPTION:{_escape(description)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def send_invitations(conference: CaseConference) -> int:
    """One e-mail per invited user with an address, each with the ICS attachment; returns how many were sent."""
    emails = sorted({p.user.email for p in conference.participants.select_related("user") if p.user and p.user.email})
    if not emails:
        return 0
    when = timezone.localtime(conference.scheduled_at)
    with override("cs"):
        subject = _("NRP: pozvánka na případovou konferenci %(ref)s") % {"ref": conference.case.reference}
        body = _(
            "Zveme vás na případovou konferenci k případu %(ref)s.\n\nTermín: %(date)s v %(time)s\nMísto: %(place)s\n\n"
            "Podklady najdete v systému NRP: %(url)s\n"
        ) % {
            "ref": conference.case.reference,
            "date": f"{when.day}. {when.month}. {when.year}",
            "time": when.strftime("%H:%M"),
            "place": conference.place or _("bude upřesněno"),
            "url": reverse("child_mediation:conference", args=[conference.pk]),
        }
    attachment = ics(conference)
    messages = []
    for email in emails:
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
        message.attach("pozvanka.ics", attachment, "text/calendar; method=REQUEST; charset=utf-8")
        messages.append(message)
    return get_connection(fail_silently=True).send_messages(messages) or 0
