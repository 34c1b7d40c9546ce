"""Matching (párování) on the Django side: per-region weights, the child's wish signals, stored rankings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from matching.criteria.hard import RULES
from matching.types.inputs import WEIGHT_FIELDS, Weights

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
            raise ValidationError(WEIGHTS_ALL_ZERO, code="weights_all_zero")

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
    """A ranking shown to a person (uložené pořadí rodin), with what the conference must see exactly.

    Immutable once stored: the case conference must later see exactly what it was shown. A run keeps the
    anonymised child profile it was computed for (ages, sex, needs; never names or dates of birth), the weights,
    the counts per excluding rule, the engine version and a content address of the register it read
    (``pool_digest``); each eligible family is a ``RankedEntry`` row (its inputs, total, per-criterion scores and
    reasons) and the families left out are listed per rule (``RankingExclusion``). The full profile of every
    family of the register is not copied into every run: pages read one page of rows in SQL.
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
    # {"case": {...}, "approached_entry_ids": [...], "skipped": [...]}: small, whatever the register's size.
    inputs = models.JSONField(_("vstupy"))
    # {"counts": {rule: n}, "reasons": {rule: reason}}; the families per rule are RankingExclusion rows.
    exclusions = models.JSONField(_("vyřazené rodiny"))
    considered_count = models.PositiveIntegerField(_("posuzováno rodin"))
    eligible_count = models.PositiveIntegerField(_("vhodných rodin"))
    # SHA-256 of the prepared pool (every family's compared values, the day): equal digests = the same register.
    pool_digest = models.CharField(_("otisk evidence žadatelů"), max_length=64, blank=True)
    # matching.engine.ENGINE_VERSION: the version of the rules and scores that made the ranking.
    engine_version = models.CharField(_("verze pravidel párování"), max_length=32, blank=True)

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError(RANKING_IMMUTABLE, code="ranking_immutable")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError(RANKING_IMMUTABLE, code="ranking_immutable")

    @property
    def results(self) -> RankedResults:
        """The ranked families in order as dicts (``entry_id``, ``rank``, ``total``, ``waited_days``,
        ``region_id``, ``criteria``), read from the database lazily: a slice reads only its rows."""
        return RankedResults(self)

    def top(self, n: int) -> list[dict[str, Any]]:
        """The first ``n`` ranked families (the case conference's shortlist): one query for ``n`` rows."""
        return self.results[:n]

    def tied_totals(self) -> list[tuple[float, int]]:
        """(total, days waited) of every ranked family whose total another family of the run shares (one
        query): what the explanation needs to say that waiting time, or the entry id, broke the tie."""
        shared = (
            self.ranked_entries.order_by()
            .values("total")
            .annotate(n=models.Count("pk"))
            .filter(n__gt=1)
            .values("total")
        )
        return list(self.ranked_entries.filter(total__in=shared).order_by("rank").values_list("total", "waited_days"))

    def excluded_families(self) -> dict[int, str]:
        """entry id -> the first hard rule it broke, for every family left out (reads every exclusion row)."""
        found: dict[int, str] = {}
        for rule, entry_ids in self.exclusion_rows.values_list("rule", "entry_ids"):
            for entry_id in entry_ids:
                found[entry_id] = rule
        return found


class RankedResults(Sequence[dict[str, Any]]):
    """The ranked rows of a stored run as a sequence of dicts; indexing and slicing run one SQL query each."""

    def __init__(self, run: RankingRun) -> None:
        self._run = run

    def __len__(self) -> int:
        return self._run.eligible_count

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        rows = self._run.ranked_entries.order_by("rank")
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return [row.as_result() for row in rows[start:stop]] if stop > start else []
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return rows[index].as_result()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (row.as_result() for row in self._run.ranked_entries.order_by("rank"))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RankedResults | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class RankedEntry(models.Model):
    """One eligible family of a stored ranking: its place, total and per-criterion scores with reasons, and the
    family's inputs as compared (so the conference sees why, without copying the whole register)."""

    run = models.ForeignKey(RankingRun, on_delete=models.CASCADE, related_name="ranked_entries")
    rank = models.PositiveIntegerField(_("pořadí"))
    # The register entry (záznam v evidenci žadatelů); a snapshot, so a plain id rather than a foreign key.
    entry_id = models.PositiveIntegerField(_("záznam v evidenci"))
    region_id = models.PositiveIntegerField(_("kraj rodiny"))
    total = models.FloatField(_("celkové skóre"))
    waited_days = models.PositiveIntegerField(_("dní v evidenci"))
    # The family's profile as the engine compared it (matching.adapter.family_snapshot).
    family = models.JSONField(_("vstupy rodiny"))
    # The raw 0–1 score of each criterion (matching.criteria.soft.CRITERIA order), as the engine computed them.
    scores = ArrayField(models.FloatField(), verbose_name=_("hodnocení kritérií"), default=list)
    # Rankings stored before scores were kept: the explanation as it was shown. New rows leave it empty: their
    # explanation is rebuilt from ``family``, ``scores`` and the run's case and weights by the same engine
    # version (``RankingRun.engine_version``), for the rows a page shows.
    stored_criteria = models.JSONField(_("kritéria a důvody"), null=True, blank=True, db_column="criteria")

    class Meta:
        ordering = ["run", "rank"]
        verbose_name = _("rodina v uloženém pořadí")
        verbose_name_plural = _("rodiny v uloženém pořadí")
        constraints = [
            # A page of a stored ranking: WHERE run_id = … ORDER BY rank LIMIT 25 OFFSET … reads this index.
            models.UniqueConstraint(fields=["run", "rank"], name="rankedentry_run_rank"),
        ]

    def __str__(self) -> str:
        return f"{self.run_id} #{self.rank}: {self.entry_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError(RANKING_IMMUTABLE, code="ranking_immutable")
        super().save(*args, **kwargs)

    @cached_property
    def criteria(self) -> list[dict[str, Any]]:
        """Per criterion: ``criterion``, ``score``, ``weight``, ``contribution``, ``applicable``, ``reason``
        {``code``, ``params``, ``text``} (read through ``run.ranked_entries`` so ``run`` is not queried again)."""
        if self.stored_criteria is not None:
            return list(self.stored_criteria)
        from matching.adapter.snapshots import stored_entry_criteria

        return stored_entry_criteria(self.run, self)

    def as_result(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "rank": self.rank,
            "total": self.total,
            "waited_days": self.waited_days,
            "region_id": self.region_id,
            "criteria": self.criteria,
        }


class RankingExclusion(models.Model):
    """The families one hard rule left out of a stored ranking (each counted under the FIRST rule it breaks)."""

    run = models.ForeignKey(RankingRun, on_delete=models.CASCADE, related_name="exclusion_rows")
    rule = models.CharField(_("tvrdé kritérium"), max_length=30, choices=[(rule, rule) for rule in RULES])
    count = models.PositiveIntegerField(_("počet rodin"))
    # Register entry ids, ascending (one array per rule: 10,000 families are 14 rows, not 10,000).
    entry_ids = ArrayField(models.PositiveIntegerField(), verbose_name=_("záznamy v evidenci"))

    class Meta:
        ordering = ["run", "rule"]
        verbose_name = _("vyřazené rodiny podle kritéria")
        verbose_name_plural = _("vyřazené rodiny podle kritérií")
        constraints = [models.UniqueConstraint(fields=["run", "rule"], name="rankingexclusion_run_rule")]

    def __str__(self) -> str:
        return f"{self.run_id} {self.rule}: {self.count}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError(RANKING_IMMUTABLE, code="ranking_immutable")
        super().save(*args, **kwargs)
