"""Court proceedings and the legal tasks they prompt."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.legal.vocabulary import ProceedingKind, TaskKind
from workflows.child_mediation.models import ChildCase

# ---------------------------------------------------------------------------------------------------------------
# Court proceedings and tasks
# ---------------------------------------------------------------------------------------------------------------


class CourtProceeding(models.Model):
    """Proceedings the OSPOD started that may place the child outside the family (COURT_PETITION_CHILD_FILE).

    Recorded by the OSPOD, often before the child is proposed (then ``case`` is empty and ``child_label`` says which
    child): the child's file is due at the KÚ by ``file_due_on``; sending it (proposing the child, or sending the
    update of a child already in the register) fills ``file_sent_on`` and links the case.
    """

    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("kraj"))
    orp = models.ForeignKey("core.Orp", on_delete=models.PROTECT, related_name="+", verbose_name=_("ORP"))
    case = models.ForeignKey(
        ChildCase, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("případ")
    )
    # Only where no case exists yet: which child the OSPOD means (its own reference or the child's name).
    child_label = models.CharField(_("dítě (značka OSPOD)"), max_length=200, blank=True)
    kind = models.CharField(_("řízení"), max_length=14, choices=ProceedingKind.choices)
    filed_on = models.DateField(_("návrh podán dne"))
    court = models.CharField(_("soud"), max_length=200)
    court_reference = models.CharField(_("spisová značka"), max_length=100, blank=True)
    file_due_on = models.DateField(_("spis dítěte odeslat do"))
    file_sent_on = models.DateField(_("spis dítěte odeslán dne"), null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("zaznamenáno"), default=timezone.now)

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("soudní řízení o dítěti")
        verbose_name_plural = _("soudní řízení o dětech")
        indexes = [
            # the OSPOD's queue: proceedings of its ORP whose child's file is not sent yet
            models.Index(fields=["orp", "file_sent_on"], name="proceeding_orp_file_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on:%d. %m. %Y}"


class LegalTask(models.Model):
    """A task of the legal steps with its deadline, in the queue of the region's officers and/or the child's OSPOD."""

    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="+")
    orp = models.ForeignKey("core.Orp", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, null=True, blank=True, related_name="legal_tasks")
    proceeding = models.ForeignKey(CourtProceeding, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(_("úkol"), max_length=20, choices=TaskKind.choices)
    # Makes the creators idempotent: one open task per case/proceeding, kind and key.
    key = models.CharField(max_length=60, blank=True, default="")
    for_officer = models.BooleanField(_("pro krajský úřad"), default=True)
    for_ospod = models.BooleanField(_("pro OSPOD"), default=False)
    due_on = models.DateField(_("termín"), null=True, blank=True)
    note = models.TextField(_("poznámka"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_on = models.DateField(_("splněno dne"), null=True, blank=True)
    done_by = models.ForeignKey("core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("úkol k dítěti")
        verbose_name_plural = _("úkoly k dětem")
        indexes = [
            # the queues: open tasks of a region (officers) or an ORP (OSPOD), by deadline
            models.Index(fields=["region", "done_on", "due_on"], name="legaltask_region_open"),
            models.Index(fields=["orp", "done_on", "due_on"], name="legaltask_orp_open"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.case or self.proceeding})"

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < timezone.localdate()
