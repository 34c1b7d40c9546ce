"""Messages, guide notes, course attendance and e-mail invitations (the online sign-up: ``signup``)."""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.choices import Role
from nrp.core.models import Household, HouseholdMember, Orp, RoleAssignment, User
from nrp.notifications import events as notifications
from workflows.applicant_journey.models import (
    ApplicantJourney,
    CaseNote,
    CourseAttendance,
    CourseSession,
    EventKind,
    Invitation,
    Message,
)
from workflows.applicant_journey.services.lifecycle import journey_open
from workflows.applicant_journey.services.tasks import record_event

EMAIL_TAKEN = _("Tento e-mail už je zaregistrovaný. Přihlaste se, nebo si obnovte heslo.")
INVITATION_USED = _("Tato pozvánka už byla použita.")
NO_GUIDE = _("V tomto kraji zatím není žádný průvodce; ozveme se vám, jakmile bude.")
SESSION_OTHER_REGION = _("Setkání přípravy patří jinému kraji.")
MEMBER_NOT_IN_HOUSEHOLD = _("Tento žadatel do domácnosti nepatří.")

CONSENT_PURPOSE = "zprostředkování náhradní rodinné péče (zákon č. 359/1999 Sb., §19a–§27)"


def message_send(*, journey: ApplicantJourney, author: User, body: str) -> Message:
    msg = Message(journey=journey, author=author, body=body.strip())
    msg.full_clean()
    msg.save()
    journey.last_activity_at = timezone.now()
    journey.save(update_fields=["last_activity_at"])
    notifications.message_sent(msg)
    return msg


def note_add(*, journey: ApplicantJourney, author: User, body: str, remind_on: date | None = None) -> CaseNote:
    note = CaseNote(journey=journey, author=author, body=body.strip(), remind_on=remind_on)
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def course_attendance_record(
    *, journey: ApplicantJourney, actor: User, session: CourseSession, member_id: int, hours: Decimal
) -> CourseAttendance:
    """Hours one applicant attended in one session (recording the same session again corrects the hours)."""
    if session.region_id != journey.region_id:
        raise ValidationError({"session": SESSION_OTHER_REGION})
    if not journey.household.members.filter(pk=member_id).exists():
        raise ValidationError({"member": MEMBER_NOT_IN_HOUSEHOLD})
    attendance, _created = CourseAttendance.objects.update_or_create(
        session=session, member_id=member_id, defaults={"journey": journey, "hours": hours}
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=attendance,
        household=journey.household,
        region=journey.region,
        details={"session": session.pk, "hours": str(hours)},
    )
    return attendance


def invitation_create(
    *, household: Household, actor: User | None, email: str, first_name: str, last_name: str, base_url: str = ""
):
    """Invite a person to the case by e-mail (the first applicant after a call, or a partner)."""
    invitation = Invitation.objects.create(
        household=household,
        email=email.lower(),
        first_name=first_name,
        last_name=last_name,
        token=secrets.token_urlsafe(32),
        invited_by=actor,
    )
    from django.urls import reverse

    link = base_url.rstrip("/") + reverse("applicant_journey:invitation", args=[invitation.token])
    send_mail(
        gettext("Pozvánka do systému NRP"),
        gettext(
            "Dobrý den,\n\nbyli jste pozváni k případu náhradní rodinné péče. Registraci dokončíte na adrese:\n"
            "%(link)s\n"
        )
        % {"link": link},
        settings.DEFAULT_FROM_EMAIL,
        [invitation.email],
    )
    return invitation


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, password: str, date_of_birth: date, sex: str, first_name: str = "", last_name: str = ""
) -> User:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(INVITATION_USED)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(EMAIL_TAKEN)
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name or invitation.first_name,
        last_name=last_name or invitation.last_name,
    )
    RoleAssignment.objects.create(user=user, role=Role.APPLICANT)
    member = HouseholdMember.objects.filter(household=invitation.household, email__iexact=invitation.email).first()
    if member is None:
        member = HouseholdMember(household=invitation.household, email=invitation.email)
    member.user = user
    member.first_name = user.first_name or "—"
    member.last_name = user.last_name or "—"
    member.date_of_birth = date_of_birth
    member.sex = sex
    member.save()
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    journey = ApplicantJourney.objects.filter(household=invitation.household).order_by("-created").first()
    if journey is not None:
        record_event(
            journey,
            actor=user,
            kind=EventKind.OPENED,
            note=gettext("Připojení k případu na pozvání"),
            member_id=member.pk,
            consent_purpose=CONSENT_PURPOSE,
            consent_at=timezone.now().isoformat(),
        )
    return user


@transaction.atomic
def guide_open_case(
    *,
    guide: User,
    first_name: str,
    last_name: str,
    email: str,
    residence_orp: Orp,
    care_types: list[str],
    base_url: str = "",
) -> ApplicantJourney:
    """A guide opens a case after a phone call or an information meeting and invites the person by e-mail."""
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": EMAIL_TAKEN})
    assignment = guide.role_assignments.filter(role=Role.GUIDE, active=True).select_related("organisation").first()
    household = Household.objects.create(
        residence_orp=residence_orp, guide=guide, organisation=assignment.organisation if assignment else None
    )
    HouseholdMember.objects.create(household=household, first_name=first_name, last_name=last_name, email=email.lower())
    journey = journey_open(household=household, actor=guide, care_types=care_types)
    invitation_create(
        household=household, actor=guide, email=email, first_name=first_name, last_name=last_name, base_url=base_url
    )
    return journey
