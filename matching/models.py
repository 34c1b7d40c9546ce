"""Matching (párování) on the Django side: per-region weights, the child's wish signals, stored rankings."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.types import WEIGHT_FIELDS, Weights

WEIGHTS_ALL_ZERO = _("Alespoň jedno kritérium musí mít nenulovou váhu.")
RANKING_IMMUTABLE = _("Uložené pořadí nelze měnit ani mazat: konference musí vidět přesně to, co bylo ukázáno.")

_WEIGHT_VALIDATORS = [MinValueValidator(0.0), MaxValueValidator(1.0)]
_DEFAULTS = Weights()


class WishFlagChoice(models.TextChoices):
    """Structured signals of the child's own wishes that matching can weigh (see ``matching.types.WishFlag``)."""

    # Dítě chce vyrůstat s dalšími dětmi: a family with children already in the household fits.
    OTHER_CHILDREN = "other_children", _("vyrůstat s dalšími dětmi")
    # Dítě chce být v rodině jediným dítětem: a family without other children fits.
    ONLY_CHILD = "only_child", _("být v rodině jediným dítětem")
    # Dítě chce zůstat blízko domova: a family near the child's home ORP fits.
    NEAR_HOME = "near_home", _("zůstat blízko domova")


class RankingScope(models.TextChoices):
    """Which families a ranking considered."""

    # Krajské hledání: the register of the child's region.
    REGIONAL = "regional", _("krajské hledání")
    # Celostátní hledání: every region (on escalation or on demand for a comparison).
    NATIONAL = "national", _("celostátní hledání")


def _weight_field(verbose_name, default: float, help_text):
    return models.FloatField(verbose_name, default=default, validators=_WEIGHT_VALIDATORS, help_text=help_text)


class MatchingWeights(models.Model):
    """Weights of the soft criteria used by one region (váhy kritérií párování). Each is 0–1.

    A region without a row uses the shipped defaults (``matching.types.Weights``). A weight of 0 switches a
    criterion off; the total score is the weighted mean over the criteria that apply to the child.
    """

    region = models.OneToOneField(
        "core.Region", on_delete=models.CASCADE, related_name="matching_weights", verbose_name=_("kraj")
    )
    age_preference = _weight_field(
        _("blízkost věku k představě rodiny"),
        _DEFAULTS.age_preference,
        _("Dítě, jehož věk je blízko středu rozmezí, které rodina přijímá, získá více."),
    )
    needs_experience = _weight_field(
        _("zkušenost s potřebami dítěte"),
        _DEFAULTS.needs_experience,
        _("Podíl zdravotních potřeb dítěte, se kterými má rodina zkušenost."),
    )
    birth_family_distance = _weight_field(
        _("vzdálenost od biologické rodiny"),
        _DEFAULTS.birth_family_distance,
        _("Jen při plánovaném kontaktu: bližší rodina (vzdušnou čarou mezi sídly ORP) získá více."),
    )
    waiting_time = _weight_field(
        _("doba čekání v evidenci"),
        _DEFAULTS.waiting_time,
        _("Počet dní od právní moci rozhodnutí; dva roky a více = plný počet."),
    )
    child_wishes = _weight_field(
        _("přání dítěte"),
        _DEFAULTS.child_wishes,
        _("Jak rodina odpovídá zaznamenaným přáním dítěte."),
    )
    household_children = _weight_field(
        _("děti již v domácnosti"),
        _DEFAULTS.household_children,
        _("Méně dětí v domácnosti = více pozornosti pro nové dítě."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("změněno"), auto_now=True)

    class Meta:
        verbose_name = _("váhy kritérií párování")
        verbose_name_plural = _("váhy kritérií párování")

    def __str__(self) -> str:
        return str(self.region)

    def clean(self) -> None:
        if all((getattr(self, name) or 0) <= 0 for name in WEIGHT_FIELDS):
            raise ValidationError(WEIGHTS_ALL_ZERO)

    def to_engine(self) -> Weights:
        return Weights(**{name: float(getattr(self, name)) for name in WEIGHT_FIELDS})


class ChildWishSignals(models.Model):
    """Which structured wish signals the child's own wishes express (the words stay in the case file)."""

    child_case = models.OneToOneField(
        "child_mediation.ChildCase", on_delete=models.CASCADE, related_name="wish_signals", verbose_name=_("případ")
    )
    flags = ArrayField(
        models.CharField(max_length=20, choices=WishFlagChoice.choices),
        verbose_name=_("přání dítěte pro párování"),
        default=list,
        blank=True,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("zaznamenáno"), auto_now=True)

    class Meta:
        verbose_name = _("přání dítěte pro párování")
        verbose_name_plural = _("přání dětí pro párování")

    def __str__(self) -> str:
        return f"{self.child_case.reference}: {', '.join(self.flags)}"


class RankingRun(models.Model):
    """A ranking shown to a person (uložené pořadí rodin), with a snapshot of what it was computed from.

    Immutable once stored: the case conference must later see exactly what it was shown. The inputs hold
    anonymised child data only (ages, sex, needs; never names or dates of birth).
    """

    child_case = models.ForeignKey(
        "child_mediation.ChildCase", on_delete=models.PROTECT, related_name="rankings", verbose_name=_("případ")
    )
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("kraj"))
    scope = models.CharField(_("rozsah hledání"), max_length=10, choices=RankingScope.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("spustil")
    )
    created_at = models.DateTimeField(_("spuštěno"), default=timezone.now)
    # The day the ranking was computed for (ages, právní moc and time waited are counted to this day).
    ranked_on = models.DateField(_("ke dni"))
    weights = models.JSONField(_("použité váhy"))
    # {"case": {...}, "families": [...], "approached_entry_ids": [...], "skipped": [...]}
    inputs = models.JSONField(_("vstupy"))
    # Ordered: [{"entry_id", "rank", "total", "waited_days", "region_id", "criteria": [...]}]
    results = models.JSONField(_("pořadí rodin"), blank=True)
    # {"counts": {rule: n}, "families": {entry_id: rule}, "reasons": {rule: reason}}
    exclusions = models.JSONField(_("vyřazené rodiny"))
    considered_count = models.PositiveIntegerField(_("posuzováno rodin"))
    eligible_count = models.PositiveIntegerField(_("vhodných rodin"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("uložené pořadí rodin")
        verbose_name_plural = _("uložená pořadí rodin")
        indexes = [
            # ranking_list_for_case: the rankings of one case, newest first
            models.Index(fields=["child_case", "-created_at"], name="rankingrun_case_created"),
        ]

    def __str__(self) -> str:
        return f"{self.child_case.reference} · {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(RANKING_IMMUTABLE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(RANKING_IMMUTABLE)

    def top(self, n: int) -> list[dict]:
        """The first ``n`` ranked families (the case conference's shortlist)."""
        return self.results[:n]
