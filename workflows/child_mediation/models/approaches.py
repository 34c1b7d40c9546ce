"""Approaches of families in the order the conference chose (oslovení žadatele), and the court's placement."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import CareType
from workflows.child_mediation.models.cases import ChildCase
from workflows.child_mediation.models.conferences import ConferenceMinutes


class ApproachStatus(models.TextChoices):
    """State of one approach of a family for a child (oslovení žadatele)."""

    # Rodina písemně vyrozuměna (SELECTION, §24); may study the file and meet the child; 30 days to ask the court.
    OPEN = "open", _("rodina oslovena")
    # Rodina souhlasí a podala návrh soudu; waits for the court's decision.
    ACCEPTED = "accepted", _("přijato, návrh podán soudu")
    # Rodina odmítla – nezdařené párování.
    DECLINED = "declined", _("odmítnuto (nezdařené párování)")
    # Lhůta k podání návrhu uplynula – nezdařené párování.
    LAPSED = "lapsed", _("lhůta uplynula (nezdařené párování)")
    # Zrušeno (the case closed, or the family left the register).
    CANCELLED = "cancelled", _("zrušeno")


# An approach that occupies the family and the child: no second one for either until it ends.
ACTIVE_APPROACH_STATUSES = (ApproachStatus.OPEN, ApproachStatus.ACCEPTED)


class Approach(models.Model):
    """One family approached for one child, in the order the conference chose."""

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="approaches")
    entry = models.ForeignKey(
        "applicant_journey.ApplicantRegisterEntry", on_delete=models.PROTECT, related_name="approaches"
    )
    minutes = models.ForeignKey(ConferenceMinutes, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    position = models.PositiveSmallIntegerField(_("pořadí"), default=1)
    status = models.CharField(_("stav"), max_length=10, choices=ApproachStatus.choices, default=ApproachStatus.OPEN)
    # SELECTION (§24): the day the written notice was delivered; the 30-day court-request period runs from it
    # (SELECTION_NOTICE_30_DAYS). Both empty while the notice (models_notices.ApproachNotice) is not delivered.
    notified_on = models.DateField(_("písemně vyrozuměno (doručeno)"), null=True, blank=True)
    deadline = models.DateField(_("lhůta k podání návrhu soudu"), null=True, blank=True)
    extended_by_days = models.PositiveSmallIntegerField(_("prodloužení (dní)"), default=0)
    extended_on = models.DateField(_("prodlouženo dne"), null=True, blank=True)
    extension_reason = models.TextField(_("důvod prodloužení"), blank=True)
    answered_on = models.DateField(_("odpověď dne"), null=True, blank=True)
    reason = models.TextField(_("důvod"), blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "position", "pk"]
        verbose_name = _("oslovení rodiny")
        verbose_name_plural = _("oslovení rodin")
        constraints = [
            # No double approach: one active approach per child's case.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status__in=["open", "accepted"]),
                name="approach_one_active_per_case",
            ),
            # A family approached for one child is not offered for another until it answers.
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(status__in=["open", "accepted"]),
                name="approach_one_active_per_entry",
            ),
        ]
        indexes = [
            # cron: open approaches whose deadline passed
            models.Index(fields=["status", "deadline"], name="approach_status_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} → #{self.entry_id}"

    @property
    def is_failed_match(self) -> bool:
        return self.status in (ApproachStatus.DECLINED, ApproachStatus.LAPSED)


class Placement(models.Model):
    """The court's decision placing the child (rozhodnutí soudu o svěření do péče)."""

    case = models.OneToOneField(ChildCase, on_delete=models.CASCADE, related_name="placement")
    approach = models.OneToOneField(Approach, on_delete=models.PROTECT, related_name="placement")
    care_type = models.CharField(_("forma péče"), max_length=12, choices=CareType.choices)
    court_decision_date = models.DateField(_("datum rozhodnutí soudu"))
    effective_date = models.DateField(_("právní moc"))
    # Adoption: pre-adoption care (péče před osvojením) of at least 6 months first (civil code §829).
    pre_adoption_care_start = models.DateField(_("počátek péče před osvojením"), null=True, blank=True)
    earliest_adoption_date = models.DateField(_("nejdříve možné osvojení"), null=True, blank=True)
    # Foster care: agreement on foster care (dohoda o výkonu pěstounské péče, §47b) due within 30 days.
    agreement_due = models.DateField(_("dohoda o výkonu PP do"), null=True, blank=True)
    agreement_signed_on = models.DateField(_("dohoda uzavřena dne"), null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("svěření do péče")
        verbose_name_plural = _("svěření do péče")

    def __str__(self) -> str:
        return self.case.reference
