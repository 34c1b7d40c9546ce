"""The written notice of the §24 selection and what follows it (issue 14, item 7): models.

- ``ApproachNotice``: the written notice to the approached family (rule SELECTION), prepared as a draft (by an
  officer, or by the system after a decline or a lapse), sent through a recorded channel (datová schránka, post,
  in person) and delivered on a recorded day. The 30-day window to ask the court and its one extension run from
  **delivery** (SELECTION_NOTICE_30_DAYS, SELECTION_EXTENSION, counted by DEADLINE_COUNTING): ``Approach.notified_on``
  holds the day of delivery and ``Approach.deadline`` is empty until then.
- ``ApproachMeeting``: a meeting arranged for the family (studying the child's file, meeting the child: SELECTION).
- ``ApproachAnswer``: the family's answer, given in its portal or recorded by the officer: accepted with the court
  the family filed at and the filing date, or declined with a reason; checked against the dates of the notice.

The services are ``services/notices.py``; the screens ``views/notices.py`` and ``views/family.py``; the API
``apis/notices.py``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.child_mediation.models import Approach

__all__ = [
    "ApproachAnswer",
    "ApproachMeeting",
    "ApproachNotice",
    "MeetingKind",
    "NoticeChannel",
    "NoticeStatus",
]


class NoticeChannel(models.TextChoices):
    """How the written notice went to the family."""

    # Datová schránka: delivered when the family logs in, at the latest on the 10th day (fikce doručení).
    DATA_BOX = "data_box", _("datová schránka")
    # Poštou do vlastních rukou (dodejka).
    POST = "post", _("poštou do vlastních rukou")
    # Osobní předání na úřadě: sent and delivered on the same day.
    IN_PERSON = "in_person", _("osobní předání")


class NoticeStatus(models.TextChoices):
    # Návrh vyrozumění: nothing has left the office yet.
    DRAFT = "draft", _("návrh k odeslání")
    # Odesláno: the window has not started, it runs from delivery.
    SENT = "sent", _("odesláno, čeká se na doručení")
    # Doručeno: the 30-day window runs.
    DELIVERED = "delivered", _("doručeno")


class ApproachNotice(models.Model):
    """The written notice of one approach (písemné vyrozumění vybraného žadatele, SELECTION)."""

    approach = models.OneToOneField(Approach, on_delete=models.CASCADE, related_name="notice")
    status = models.CharField(_("stav"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT)
    # Prepared by the system (the automatic next approach after a decline or a lapse): prepared_by is empty.
    automatic = models.BooleanField(_("připraveno automaticky"), default=False)
    prepared_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("připravil(a)")
    )
    prepared_at = models.DateTimeField(_("připraveno"), default=timezone.now)
    channel = models.CharField(_("způsob doručení"), max_length=10, choices=NoticeChannel.choices, blank=True)
    sent_on = models.DateField(_("odesláno dne"), null=True, blank=True)
    sent_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("odeslal(a)")
    )
    # The data-box message id, the registered letter's number, or who received it in person.
    sent_reference = models.CharField(_("číslo zásilky / ID zprávy"), max_length=100, blank=True)
    delivered_on = models.DateField(_("doručeno dne"), null=True, blank=True)
    delivery_recorded_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    delivery_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("písemné vyrozumění")
        verbose_name_plural = _("písemná vyrozumění")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(delivered_on__isnull=True) | models.Q(sent_on__lte=models.F("delivered_on")),
                name="notice_delivered_after_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.approach} ({self.get_status_display()})"

    @property
    def is_delivered(self) -> bool:
        return self.status == NoticeStatus.DELIVERED


class MeetingKind(models.TextChoices):
    # Seznámení se spisovou dokumentací dítěte (SELECTION).
    FILE_STUDY = "file_study", _("seznámení se spisem dítěte")
    # Setkání s dítětem.
    CHILD = "child", _("setkání s dítětem")
    # Jiná schůzka (e.g. with the child's carer).
    OTHER = "other", _("jiná schůzka")


class ApproachMeeting(models.Model):
    """A meeting arranged for the approached family; the family sees it in its portal."""

    approach = models.ForeignKey(Approach, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("druh"), max_length=10, choices=MeetingKind.choices)
    starts_at = models.DateTimeField(_("termín"))
    place = models.CharField(_("místo"), max_length=200)
    note = models.TextField(_("poznámka pro rodinu"), blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("schůzka oslovené rodiny")
        verbose_name_plural = _("schůzky oslovených rodin")

    def __str__(self) -> str:
        return f"{self.approach}: {self.get_kind_display()} {self.starts_at:%d. %m. %Y}"


class ApproachAnswer(models.Model):
    """The family's answer to the notice (history: an accepted approach may later fail and be declined)."""

    approach = models.ForeignKey(Approach, on_delete=models.CASCADE, related_name="answers")
    accepted = models.BooleanField(_("přijato"))
    answered_on = models.DateField(_("odpověď dne"))
    # Accepted: the court the family asked for the child's placement, and when.
    court = models.CharField(_("soud, u něhož rodina podala návrh"), max_length=200, blank=True)
    filed_on = models.DateField(_("návrh podán dne"), null=True, blank=True)
    reason = models.TextField(_("důvod"), blank=True)
    # True: the family answered itself in its portal; False: an officer recorded it.
    by_family = models.BooleanField(_("odpověděla rodina sama"), default=False)
    answered_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("odpověď oslovené rodiny")
        verbose_name_plural = _("odpovědi oslovených rodin")

    def __str__(self) -> str:
        return f"{self.approach}: {'+' if self.accepted else '-'}"
