"""Statistics (statistiky): daily snapshots of the registers and the precomputed figures of the dashboard.

The live tables change every day (a child placed leaves the waiting list), so history exists only because
``stats_snapshot`` writes one row per region, metric and group every day. The dashboard never aggregates the
live tables on a request: it reads one ``StatsAggregate`` row per section, recomputed by the same command.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    """What a snapshot row counts."""

    # Children's cases waiting for a family (v evidenci, celostátní hledání, oslovena rodina).
    CHILDREN_WAITING = "children_waiting", _("čekající děti")
    # Entries in the applicant register that can be matched (v evidenci).
    FAMILIES_ACTIVE = "families_active", _("rodiny v evidenci")
    # Applicant journeys still on their way to the register, by stage.
    JOURNEYS_OPEN = "journeys_open", _("rozpracované cesty žadatelů")


class DailySnapshot(models.Model):
    """One count of one day, region and group (e.g. children waiting, age band 7–11: 12, 18.4 months in sum)."""

    day = models.DateField(_("den"))
    region = models.ForeignKey("core.Region", on_delete=models.CASCADE, related_name="+", verbose_name=_("kraj"))
    metric = models.CharField(_("ukazatel"), max_length=20, choices=Metric.choices)
    # "all", or "<dimension>:<value>" such as "age:7-11", "size:3+", "care:FOSTER", "stage:assessment".
    key = models.CharField(_("skupina"), max_length=40)
    count = models.PositiveIntegerField(_("počet"))
    # Sum of days waited (children) or days in the register (families): the mean needs no second query.
    days_sum = models.BigIntegerField(_("součet dní"), default=0)

    class Meta:
        verbose_name = _("denní snímek")
        verbose_name_plural = _("denní snímky")
        constraints = [
            models.UniqueConstraint(fields=["day", "region", "metric", "key"], name="dailysnapshot_unique"),
        ]
        indexes = [
            # trend of one group: a metric and key over a range of days (all regions, summed per day)
            models.Index(fields=["metric", "key", "day"], name="dailysnapshot_metric_key_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.region_id} {self.metric}/{self.key}={self.count}"


class StatsAggregate(models.Model):
    """The precomputed figures of one dashboard section for one region (or the whole country: no region)."""

    region = models.ForeignKey(
        "core.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("kraj")
    )
    section = models.CharField(_("oddíl"), max_length=30)
    as_of = models.DateField(_("ke dni"))
    computed_at = models.DateTimeField(_("spočteno"), default=timezone.now)
    # Codes and numbers only (never names): labels are translated when the page is rendered.
    data = models.JSONField(_("údaje"), default=dict)

    class Meta:
        verbose_name = _("předpočtená statistika")
        verbose_name_plural = _("předpočtené statistiky")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "section"], name="statsaggregate_region_section", nulls_distinct=False
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region_id or 'CZ'} {self.section} @ {self.as_of}"


class GeneratedBatch(models.Model):
    """A batch of synthetic data written by ``generate_national_data`` or the demo (so neither runs twice)."""

    label = models.CharField(_("označení"), max_length=60, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    counts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("syntetická data")
        verbose_name_plural = _("syntetická data")

    def __str__(self) -> str:
        return self.label
