"""Preparation and assessment done in another region (PREPARATION, EXPERT_ASSESSMENT: since 2025 they may be done
elsewhere than at the deciding regional office)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Region, User
from workflows.applicant_journey.models.journey import ApplicantJourney


class PerformedElsewhere(models.Model):
    """The deciding office arranged the course and/or the assessment of a family with another region; that region's
    officers record attendance and the assessment, the deciding office sees them on the journey."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="performed_elsewhere")
    performing_region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kraj, který přípravu provádí")
    )
    course = models.BooleanField(_("příprava"), default=True)
    assessment = models.BooleanField(_("odborné posouzení"), default=False)
    arranged_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    arranged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("příprava v jiném kraji")
        verbose_name_plural = _("příprava v jiných krajích")
        constraints = [
            models.UniqueConstraint(fields=["journey", "performing_region"], name="elsewhere_journey_region")
        ]
        indexes = [
            # the performing region's list of families it prepares
            models.Index(fields=["performing_region"], name="elsewhere_region"),
        ]

    def __str__(self) -> str:
        return f"{self.journey_id} @ {self.performing_region_id}"


class RegionCourseSetting(models.Model):
    """A region's own length of the course for repeat applicants (not statutory: some regions run e.g. 16 hours for
    families who applied before); empty means the full course (COURSE_HOURS)."""

    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="course_setting")
    repeat_course_hours = models.PositiveSmallIntegerField(_("hodin přípravy pro opakované žadatele"), null=True)

    class Meta:
        verbose_name = _("nastavení přípravy kraje")
        verbose_name_plural = _("nastavení přípravy krajů")

    def __str__(self) -> str:
        return f"{self.region_id}: {self.repeat_course_hours}"
