"""What the ORP sends to the regional office (ORP_PROCEEDINGS, §23b): its opinion (stanovisko ORP) and the
hand-over of the applicant's file with its deadline kept on the record, and the office's receipt."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Region, User
from workflows.applicant_journey.models.journey import ApplicantJourney


class OpinionConclusion(models.TextChoices):
    """The conclusion of the ORP's opinion on the applicants."""

    # ORP žadatele doporučuje.
    RECOMMENDED = "recommended", _("doporučuje")
    # Doporučuje s výhradou (uvedenou v odůvodnění).
    RESERVATIONS = "reserved", _("doporučuje s výhradou")
    # Nedoporučuje.
    NOT_RECOMMENDED = "not_recommended", _("nedoporučuje")


class OrpOpinion(models.Model):
    """Stanovisko ORP: part of the file the regional office receives (ORP_PROCEEDINGS, §23b)."""

    journey = models.OneToOneField(ApplicantJourney, on_delete=models.CASCADE, related_name="orp_opinion")
    conclusion = models.CharField(_("závěr stanoviska"), max_length=16, choices=OpinionConclusion.choices)
    text = models.TextField(_("stanovisko ORP"))
    issued_on = models.DateField(_("vydáno dne"))
    issued_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("stanovisko ORP")
        verbose_name_plural = _("stanoviska ORP")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.conclusion}"


class FileHandover(models.Model):
    """The hand-over of the applicant's file to the regional office (HANDOVER_PERIOD): the due date and whether it
    was met stay on the record after the task closes; the office confirms receipt."""

    journey = models.OneToOneField(ApplicantJourney, on_delete=models.CASCADE, related_name="file_handover")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField(_("odesláno dne"))
    sent_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    due_on = models.DateField(_("lhůta pro předání"))
    deadline_met = models.BooleanField(_("lhůta dodržena"))
    received_on = models.DateField(_("převzato krajem dne"), null=True, blank=True)
    received_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("předání spisu kraji")
        verbose_name_plural = _("předání spisů kraji")
        indexes = [
            # statistics: hand-overs of one region, met or missed
            models.Index(fields=["region", "deadline_met"], name="filehandover_region_met"),
        ]

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.sent_on}"
