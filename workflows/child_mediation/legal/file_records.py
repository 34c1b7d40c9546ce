"""Records on the child's file before matching (assessment, view, consent, waiver) and the evidence of legal freedom."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.legal.citations import CONSENT_REVOCATION_MONTHS
from workflows.child_mediation.legal.vocabulary import (
    INDICATION_CHOICES,
    AssessmentKind,
    ConsentDecision,
    EvidenceKind,
    HearingMethod,
    Parent,
)
from workflows.child_mediation.models import Child

# ---------------------------------------------------------------------------------------------------------------
# Before matching: assessment, the child's view, consent, waiver
# ---------------------------------------------------------------------------------------------------------------


class ChildRecord(models.Model):
    """A dated record about one child, kept as history (the newest counts)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="+", verbose_name=_("dítě"))
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("zaznamenáno"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.child}"


class AssessmentIndication(ChildRecord):
    """A doctor's recommendation or other facts that make the child's expert assessment needed."""

    reason = models.CharField(_("důvod"), max_length=10, choices=INDICATION_CHOICES)
    note = models.TextField(_("co k posouzení vede"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("důvod k posouzení dítěte")
        verbose_name_plural = _("důvody k posouzení dítěte")


class ChildAssessment(ChildRecord):
    """The child's expert assessment (odborné posouzení dítěte, CHILD_ASSESSMENT)."""

    kind = models.CharField(_("druh posouzení"), max_length=14, choices=AssessmentKind.choices)
    assessed_on = models.DateField(_("posouzeno dne"))
    assessor = models.CharField(_("kdo posoudil (jméno, odbornost, pracoviště)"), max_length=300)
    conclusions = models.TextField(_("závěry pro výběr rodiny"))
    recommendations = models.TextField(_("doporučení"), blank=True)

    class Meta(ChildRecord.Meta):
        verbose_name = _("odborné posouzení dítěte")
        verbose_name_plural = _("odborná posouzení dětí")


class ChildView(ChildRecord):
    """The child's own view (CHILD_VIEW, §8(2)): how it was heard, by whom, in the child's own words."""

    heard_on = models.DateField(_("vyslechnuto dne"))
    heard_by = models.CharField(_("kdo dítě vyslechl (jméno, role)"), max_length=300)
    method = models.CharField(_("jak bylo dítě vyslechnuto"), max_length=12, choices=HearingMethod.choices)
    circumstances = models.TextField(_("okolnosti (kde, kdo byl přítomen)"), blank=True)
    words = models.TextField(_("názor dítěte jeho slovy"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("názor dítěte")
        verbose_name_plural = _("názory dětí")


class AdoptionConsent(ChildRecord):
    """A child of 12 or more and adoption (CHILD_CONSENT_12, civil code §806)."""

    decision = models.CharField(_("vyjádření dítěte"), max_length=12, choices=ConsentDecision.choices)
    given_on = models.DateField(_("dne"))
    how = models.TextField(_("před kým a jak se dítě vyjádřilo"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("souhlas dítěte s osvojením")
        verbose_name_plural = _("souhlasy dětí s osvojením")


class ReadinessWaiver(ChildRecord):
    """An officer's decision that an infant's view and assessment are not recorded before matching (INFANT_WAIVER).

    Valid only while the child is younger than ``WAIVER_UNDER_AGE``: a birthday ends it.
    """

    reason = models.TextField(_("důvod"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("upuštění od záznamu u malého dítěte")
        verbose_name_plural = _("upuštění od záznamu u malých dětí")


# ---------------------------------------------------------------------------------------------------------------
# Legal status with evidence
# ---------------------------------------------------------------------------------------------------------------


class LegalFreedomEvidence(ChildRecord):
    """One piece of evidence that a parent's consent to adoption is given or not needed (LEGALLY_FREE).

    The child is legally free when both parents are covered by evidence in force: a consent once the revocation
    period ended (CONSENT_REVOCATION), a court decision once final, a death, an unknown parent.
    """

    kind = models.CharField(_("doklad"), max_length=8, choices=EvidenceKind.choices)
    parent = models.CharField(_("rodič"), max_length=6, choices=Parent.choices)
    # Consent given / decision issued / date of death / date of the birth-register entry.
    act_date = models.DateField(_("datum"))
    # Právní moc of a court decision (required for COURT_DECISION).
    final_on = models.DateField(_("právní moc"), null=True, blank=True)
    document = models.CharField(_("doklad (spisová značka, číslo listu)"), max_length=200)
    note = models.TextField(_("poznámka"), blank=True)
    # A revoked consent or an overturned decision stays on file, no longer in force.
    withdrawn_on = models.DateField(_("pozbylo účinku dne"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("proč pozbylo účinku"), blank=True)

    class Meta(ChildRecord.Meta):
        verbose_name = _("doklad o právní volnosti")
        verbose_name_plural = _("doklady o právní volnosti")

    def in_force_from(self) -> date | None:
        """The day this evidence counts, or None when it never will (withdrawn, decision not final)."""
        if self.withdrawn_on is not None:
            return None
        if self.kind == EvidenceKind.COURT_DECISION:
            return self.final_on
        if self.kind == EvidenceKind.PARENT_CONSENT:
            from workflows.child_mediation.deadlines import add_months

            return add_months(self.act_date, CONSENT_REVOCATION_MONTHS)
        return self.act_date

    def covers(self) -> set[str]:
        return {Parent.MOTHER, Parent.FATHER} if self.parent == Parent.BOTH else {self.parent}
