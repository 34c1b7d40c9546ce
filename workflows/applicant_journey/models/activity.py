"""What happens around the steps: the preparation course, expert assessments, messages, the guide's notes,
reminders sent and invitations."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Household, HouseholdMember, Region, User
from workflows.applicant_journey.models.journey import ApplicantJourney


class CourseSession(models.Model):
    """One session of the preparation course (příprava k přijetí dítěte) run by a region."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="course_sessions")
    title = models.CharField(_("téma"), max_length=200)
    starts_at = models.DateTimeField(_("začátek"))
    hours = models.DecimalField(_("hodin"), max_digits=4, decimal_places=1)
    place = models.CharField(_("místo"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("setkání přípravy")
        verbose_name_plural = _("setkání přípravy")

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%d. %m. %Y})"


class CourseAttendance(models.Model):
    """Hours one applicant attended in one session."""

    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="attendance")
    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, related_name="+")
    hours = models.DecimalField(_("odučeno hodin"), max_digits=4, decimal_places=1)
    # Who recorded it (an officer of the deciding region or of the region that runs the course).
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="attendance_session_member")]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.member_id}: {self.hours} h"


class AssessmentKind(models.TextChoices):
    # Psychologické posouzení (each applicant).
    PSYCHOLOGICAL = "psych", _("psychologické posouzení")
    # Sociální posouzení (household).
    SOCIAL = "social", _("sociální posouzení")
    # Posouzení zdravotního stavu (household).
    HEALTH = "health", _("posouzení zdravotního stavu")


class AssessmentConclusion(models.TextChoices):
    SUITABLE = "suitable", _("doporučen")
    RESERVATIONS = "reserved", _("doporučen s výhradou")
    UNSUITABLE = "unsuitable", _("nedoporučen")


class Assessment(models.Model):
    """A part of the expert assessment (odborné posouzení, §27). Sensitive: reads are audited."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="assessments")
    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(_("druh"), max_length=8, choices=AssessmentKind.choices)
    conclusion = models.CharField(_("závěr"), max_length=10, choices=AssessmentConclusion.choices)
    summary = models.TextField(_("shrnutí"))
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    # The region that performed it when not the deciding one (PerformedElsewhere); empty: the deciding region.
    performed_in = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("provedl kraj")
    )

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.kind}"


class Message(models.Model):
    """A message between the family and its guide or caseworker."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("zpráva"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.journey_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class CaseNote(models.Model):
    """A guide's note on a case, optionally with a reminder date."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("poznámka"))
    remind_on = models.DateField(_("připomenout dne"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.journey_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReminderKind(models.TextChoices):
    DUE = "due", _("blíží se termín")
    OVERDUE = "overdue", _("termín uplynul")
    NOTE = "note", _("připomínka poznámky")


class ReminderLog(models.Model):
    """A reminder e-mail sent; the unique key makes the reminder command idempotent."""

    key = models.CharField(max_length=120)
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "recipient", "kind"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient_id} ({self.kind})"


class Invitation(models.Model):
    """An e-mail invitation to join a case (the first applicant after a phone call, or a partner)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("jméno"), max_length=100)
    last_name = models.CharField(_("příjmení"), max_length=100)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.household_id}: {self.email}"
