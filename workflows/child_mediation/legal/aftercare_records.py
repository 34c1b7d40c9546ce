"""After the court: pre-adoptive care, the foster agreement, a breakdown; and the retention of these records."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.legal.file_records import (
    AdoptionConsent,
    AssessmentIndication,
    ChildAssessment,
    ChildView,
    LegalFreedomEvidence,
    ReadinessWaiver,
)
from workflows.child_mediation.legal.proceedings import CourtProceeding, LegalTask
from workflows.child_mediation.legal.skips import ApproachSkip
from workflows.child_mediation.legal.vocabulary import BreakdownInitiator, BreakdownReason
from workflows.child_mediation.models import ChildCase, Placement

# ---------------------------------------------------------------------------------------------------------------
# After the court
# ---------------------------------------------------------------------------------------------------------------


class PreAdoptiveCare(models.Model):
    """Care by the future adopters (péče budoucích osvojitelů, PRE_ADOPTION_CARE, civil code §829) and the adoption."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="pre_adoptive_care")
    started_on = models.DateField(_("péče budoucích osvojitelů od"))
    petition_possible_on = models.DateField(_("návrh na osvojení nejdříve"))
    petition_filed_on = models.DateField(_("návrh na osvojení podán"), null=True, blank=True)
    petition_court = models.CharField(_("soud"), max_length=200, blank=True)
    adoption_decided_on = models.DateField(_("rozhodnutí o osvojení"), null=True, blank=True)
    adoption_final_on = models.DateField(_("právní moc osvojení"), null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("péče budoucích osvojitelů")
        verbose_name_plural = _("péče budoucích osvojitelů")

    def __str__(self) -> str:
        return str(self.placement)


class FosterAgreement(models.Model):
    """The foster-care agreement (dohoda o výkonu pěstounské péče, FOSTER_AGREEMENT, §47b); a late one is flagged."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="foster_agreement")
    signed_on = models.DateField(_("uzavřena dne"))
    due_on = models.DateField(_("lhůta"))
    # The accompanying organisation (ACCOMPANYING_ORGANISATION, §48), or another party (the ORP, the KÚ).
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    other_party = models.CharField(_("jiná strana dohody (ORP, krajský úřad)"), max_length=200, blank=True)
    late_days = models.PositiveIntegerField(_("po lhůtě (dní)"), default=0)
    late_reason = models.TextField(_("proč po lhůtě"), blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dohoda o výkonu pěstounské péče")
        verbose_name_plural = _("dohody o výkonu pěstounské péče")

    def __str__(self) -> str:
        return str(self.placement)

    @property
    def is_late(self) -> bool:
        return self.late_days > 0


class PlacementBreakdown(models.Model):
    """The end of a placement before its time (rozpad náhradní rodinné péče), with coded reasons."""

    placement = models.OneToOneField(Placement, on_delete=models.PROTECT, related_name="breakdown")
    ended_on = models.DateField(_("ukončeno dne"))
    reasons = ArrayField(
        models.CharField(max_length=16, choices=BreakdownReason.choices), verbose_name=_("důvody"), default=list
    )
    initiated_by = models.CharField(_("z podnětu"), max_length=8, choices=BreakdownInitiator.choices)
    note = models.TextField(_("popis"))
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rozpad svěření")
        verbose_name_plural = _("rozpady svěření")

    def __str__(self) -> str:
        return str(self.placement)

    @property
    def reason_labels(self) -> list[str]:
        return [str(BreakdownReason(code).label) for code in self.reasons]


CHILD_RECORD_MODELS = (
    AssessmentIndication,
    ChildAssessment,
    ChildView,
    AdoptionConsent,
    ReadinessWaiver,
    LegalFreedomEvidence,
)


def anonymise_legal_records(case: ChildCase) -> None:
    """Retention: blank every free text about the child in these records (the dated facts and codes stay)."""
    children = list(case.children.values_list("pk", flat=True))
    AssessmentIndication.objects.filter(child_id__in=children).update(note="")
    ChildAssessment.objects.filter(child_id__in=children).update(assessor="", conclusions="", recommendations="")
    ChildView.objects.filter(child_id__in=children).update(heard_by="", circumstances="", words="")
    AdoptionConsent.objects.filter(child_id__in=children).update(how="")
    ReadinessWaiver.objects.filter(child_id__in=children).update(reason="")
    LegalFreedomEvidence.objects.filter(child_id__in=children).update(document="", note="", withdrawn_reason="")
    CourtProceeding.objects.filter(case=case).update(child_label="")
    LegalTask.objects.filter(case=case).update(note="")
    ApproachSkip.objects.filter(case=case).update(note="")
    PlacementBreakdown.objects.filter(placement__case=case).update(note="")
    FosterAgreement.objects.filter(placement__case=case).update(late_reason="")
