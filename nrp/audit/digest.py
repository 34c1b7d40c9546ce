"""The weekly digest of exceptional access: every access under a stated reason, e-mailed to each region.

Officers of a region learn who opened which of their cases "with a reason" during the week (administrators
under exceptional access, anyone else who gave a reason). Accesses that name no region (an administrator's
grant itself) go to every region: they concern the system's administrators, whom every region relies on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from nrp.audit.models import AuditEvent
from nrp.core.choices import Role
from nrp.core.models import Region, User


@dataclass(frozen=True)
class DigestResult:
    regions: int
    emails: int
    events: int


def reasoned_events(*, since, until):
    return (
        AuditEvent.objects.filter(at__gte=since, at__lt=until)
        .exclude(reason="")
        .select_related("actor")
        .order_by("at", "pk")
    )


def digest_lines(events) -> list[str]:
    lines = []
    for event in events:
        who = (event.actor.get_full_name() or event.actor.email) if event.actor else event.actor_label
        when = timezone.localtime(event.at).strftime("%d.%m.%Y %H:%M")
        what = f"{event.object_type} #{event.object_id}" if event.object_id else event.object_type
        lines.append(f"- {when}  {who}: {what}\n  {gettext('Důvod')}: {event.reason}")
    return lines


def weekly_access_digest(*, now=None, days: int = 7) -> DigestResult:
    now = now or timezone.now()
    since = now - timedelta(days=days)
    events = reasoned_events(since=since, until=now)
    regions = emails = 0
    for region in Region.objects.order_by("code"):
        mine = list(events.filter(Q(region=region) | Q(region__isnull=True, household__isnull=True)))
        recipients = sorted(
            User.objects.filter(
                is_active=True,
                role_assignments__role=Role.OFFICER,
                role_assignments__region=region,
                role_assignments__active=True,
            )
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        if not mine or not recipients:
            continue
        body = gettext(
            "Dobrý den,\n\npřehled přístupů s uvedeným důvodem (výjimečné přístupy) za posledních %(days)s dní "
            "pro %(region)s:\n\n%(lines)s\n\nPodrobnosti najdete v auditní stopě NRP.\n"
        ) % {"days": days, "region": region.name, "lines": "\n".join(digest_lines(mine))}
        send_mail(
            gettext("NRP: týdenní přehled výjimečných přístupů"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
        regions += 1
        emails += len(recipients)
    return DigestResult(regions=regions, emails=emails, events=events.count())
