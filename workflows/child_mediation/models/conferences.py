"""Case conferences (případová konference): the conference, its participants and its minutes (the order of the
families to approach).
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.models.cases import ChildCase

MINUTES_SIGNED_READ_ONLY = _("Podepsaný zápis nelze měnit; opravu zapište jako novou verzi.")


class ConferenceStatus(models.TextChoices):
    # Připravuje se: participants, date and shortlist.
    PREPARED = "prepared", _("připravena")
    # Proběhla: minutes signed off.
    HELD = "held", _("proběhla")


class CaseConference(models.Model):
    """Case conference (případová konference) that chooses the families to approach, in order."""

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="conferences")
    scheduled_at = models.DateTimeField(_("termín konání"))
    # Where it meets (an address or a room); sent in the invitation and its calendar entry.
    place = models.CharField(_("místo konání"), max_length=200, blank=True, default="")
    shortlist_size = models.PositiveSmallIntegerField(_("počet rodin v užším výběru"), default=5)
    # The stored ranking (matching.RankingRun) the shortlist was taken from; an id, so matching stays optional.
    ranking_id = models.PositiveIntegerField(_("pořadí (ranking)"), null=True, blank=True)
    national = models.BooleanField(_("celostátní výběr"), default=False)
    # Snapshot of the top N results: [{"entry_id", "score", "reasons", "contributions", "rank"}].
    shortlist = models.JSONField(_("užší výběr"), default=list, blank=True)
    status = models.CharField(
        _("stav"), max_length=10, choices=ConferenceStatus.choices, default=ConferenceStatus.PREPARED
    )
    prepared_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("připravil(a)")
    )
    created_at = models.DateTimeField(_("vytvořeno"), default=timezone.now)

    class Meta:
        ordering = ["-scheduled_at", "-pk"]
        verbose_name = _("případová konference")
        verbose_name_plural = _("případové konference")

    def __str__(self) -> str:
        return f"{self.case.reference} – {self.scheduled_at:%d. %m. %Y}"

    @property
    def shortlist_entry_ids(self) -> list[int]:
        return [row["entry_id"] for row in self.shortlist]


class ParticipantRole(models.TextChoices):
    # Pracovník krajského úřadu.
    OFFICER = "officer", _("pracovník krajského úřadu")
    # Pracovník OSPOD dítěte.
    OSPOD = "ospod", _("pracovník OSPOD dítěte")
    # Psycholog.
    PSYCHOLOGIST = "psychologist", _("psycholog")
    # Současný pečovatel dítěte (pěstoun na přechodnou dobu, zařízení).
    CARER = "carer", _("současný pečovatel dítěte")
    # Průvodce / doprovázející organizace, je-li to namístě.
    GUIDE = "guide", _("průvodce")
    # Jiný účastník.
    OTHER = "other", _("jiný účastník")


class ConferenceParticipant(models.Model):
    conference = models.ForeignKey(CaseConference, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("role"), max_length=14, choices=ParticipantRole.choices)
    name = models.CharField(_("jméno a instituce"), max_length=200)
    user = models.ForeignKey("core.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("účastník konference")
        verbose_name_plural = _("účastníci konference")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


class ConferenceMinutes(models.Model):
    """Minutes of a case conference (zápis). Signed-off versions are read-only; corrections are new versions."""

    conference = models.ForeignKey(CaseConference, on_delete=models.CASCADE, related_name="minutes")
    version = models.PositiveSmallIntegerField(_("verze"), default=1)
    attendance = models.TextField(_("přítomni"))
    discussion = models.TextField(_("shrnutí diskuse"))
    wishes_considered = models.TextField(_("jak byla zohledněna přání dítěte"))
    # The ordered list of applicant register entries to approach (first = approached first).
    approach_order = ArrayField(models.PositiveIntegerField(), verbose_name=_("pořadí rodin k oslovení"), default=list)
    reasoning = models.TextField(_("zdůvodnění pořadí"))
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    signed_off_by = models.ForeignKey("core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    signed_off_at = models.DateTimeField(_("podepsáno"), null=True, blank=True)

    class Meta:
        ordering = ["conference", "-version"]
        verbose_name = _("zápis z konference")
        verbose_name_plural = _("zápisy z konferencí")
        constraints = [
            models.UniqueConstraint(fields=["conference", "version"], name="minutes_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.conference} v{self.version}"

    @property
    def is_signed(self) -> bool:
        return self.signed_off_at is not None
