"""The re-check at the moment of approach (SELECTION, §24): a family skipped because it no longer fits."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.models import ChildCase, ConferenceMinutes

# ---------------------------------------------------------------------------------------------------------------
# The re-check at the moment of approach (SELECTION, §24)
# ---------------------------------------------------------------------------------------------------------------


class ApproachSkip(models.Model):
    """A family on the conference's list that no longer fits the child today, skipped with the officer's confirmation.

    ``rule`` is the hard rule of the matching engine it broke (``matching.criteria.hard``), ``reason`` its Czech text
    as shown to the officer at the time.
    """

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey("applicant_journey.ApplicantRegisterEntry", on_delete=models.PROTECT, related_name="+")
    minutes = models.ForeignKey(ConferenceMinutes, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    rule = models.CharField(_("pravidlo"), max_length=40)
    reason = models.TextField(_("proč rodina nevyhovuje"))
    note = models.TextField(_("poznámka pracovníka"))
    confirmed_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(_("potvrzeno"), default=timezone.now)

    class Meta:
        ordering = ["confirmed_at", "pk"]
        verbose_name = _("přeskočená rodina")
        verbose_name_plural = _("přeskočené rodiny")
        constraints = [models.UniqueConstraint(fields=["case", "entry"], name="approachskip_unique_case_entry")]

    def __str__(self) -> str:
        return f"{self.case.reference} ↷ #{self.entry_id}"
