"""Reminders to the people responsible for a case (officers of the region, the child's OSPOD)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp import law
from workflows.child_mediation.models.cases import ChildCase


class ReminderKind(models.TextChoices):
    # Dítě je 6 měsíců v evidenci bez zprostředkování osvojení → ÚMPOD; ORP is told.
    INTERCOUNTRY = "intercountry", _("dítě nabídnuto ÚMPOD (mezinárodní osvojení)")
    # Případ předán do celostátního hledání.
    NATIONAL = "national", _("celostátní hledání")
    # Lhůta oslovené rodiny uplynula.
    APPROACH_LAPSED = "lapsed", _("lhůta oslovené rodiny uplynula")
    # Dohoda o výkonu pěstounské péče (§47b) dosud neuzavřena.
    AGREEMENT_DUE = (
        "agreement",
        law.message(_("chybí dohoda o výkonu pěstounské péče (%(law)s)"), law="FOSTER_AGREEMENT"),
    )
    # Oslovená rodina opustila evidenci (REGISTER_LEAVE): the approach was cancelled, the next family follows.
    FAMILY_LEFT = "family_left", _("oslovená rodina opustila evidenci")


class CaseReminder(models.Model):
    """A reminder to the responsible people of a case (officers of the region, the child's OSPOD)."""

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("druh"), max_length=14, choices=ReminderKind.choices)
    # Makes the cron idempotent: one reminder per case, kind and key (e.g. the approach id or due date).
    key = models.CharField(max_length=40, default="", blank=True)
    for_ospod = models.BooleanField(_("i pro OSPOD"), default=False)
    due_on = models.DateField(_("termín"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done = models.BooleanField(_("vyřízeno"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("upozornění")
        verbose_name_plural = _("upozornění")
        constraints = [
            models.UniqueConstraint(fields=["case", "kind", "key"], name="casereminder_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_kind_display()}"
