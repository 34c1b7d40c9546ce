"""The applicant register entry (evidence žadatelů) and its acceptance profile.

The matching engine (``matching/``) and the child mediation process read them. Change their fields only with a
new migration.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
from nrp.core.models import Household, Region

AGE_RANGE_INVALID = _("Nejnižší věk dítěte nesmí být vyšší než nejvyšší věk.")
CAPACITY_INVALID = _("Počet dětí, které rodina může přijmout, musí být alespoň 1.")
NO_CARE_TYPE = _("Vyberte alespoň jednu formu péče.")
NO_SEX_ACCEPTED = _("Vyberte alespoň jedno pohlaví dítěte.")


class RegisterStatus(models.TextChoices):
    """State of an entry in the applicant register (evidence žadatelů)."""

    # Zařazen, rozhodnutí v právní moci: the family can be matched.
    ACTIVE = "active", _("v evidenci")
    # Přerušení výběru (SELECTION_PAUSE, §24a): excluded from matching until resumed.
    PAUSED = "paused", _("zprostředkování přerušeno")
    # Vyřazení z evidence (REGISTER_REMOVAL, §23j), e.g. a new criminal record; pending approaches are cancelled.
    REMOVED = "removed", _("vyřazen z evidence")
    # Žadatel vzal žádost zpět.
    WITHDRAWN = "withdrawn", _("žádost vzata zpět")
    # A child was placed with the family; the journey ended as placed.
    PLACED = "placed", _("dítě svěřeno")


class ApplicantRegisterEntry(models.Model):
    """Entry in the applicant register (evidence žadatelů, APPLICANT_REGISTER, §23i)."""

    household = models.OneToOneField(Household, on_delete=models.PROTECT, related_name="register_entry")
    # The region that keeps the entry; changes when the family moves (the file moves with its history).
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="register_entries")
    care_types = ArrayField(
        models.CharField(max_length=12, choices=CareType.choices), verbose_name=_("schválené formy péče")
    )
    decision_date = models.DateField(_("datum rozhodnutí"))
    # Právní moc: the family is matchable only from this date (APPLICANT_REGISTER, §23i).
    effective_date = models.DateField(_("datum právní moci"))
    status = models.CharField(_("stav"), max_length=12, choices=RegisterStatus.choices, default=RegisterStatus.ACTIVE)
    status_changed_at = models.DateTimeField(_("změna stavu"), default=timezone.now)
    status_reason = models.TextField(_("důvod změny stavu"), blank=True)

    class Meta:
        verbose_name = _("záznam v evidenci žadatelů")
        verbose_name_plural = _("evidence žadatelů")
        indexes = [
            # matching: all active entries of one region
            models.Index(fields=["region", "status"], name="registerentry_region_status"),
        ]

    def __str__(self) -> str:
        return str(self.household)

    def clean(self) -> None:
        if not self.care_types:
            raise ValidationError({"care_types": NO_CARE_TYPE})
        if self.effective_date and self.decision_date and self.effective_date < self.decision_date:
            raise ValidationError({"effective_date": _("Právní moc nemůže nastat před vydáním rozhodnutí.")})


class AcceptanceProfile(models.Model):
    """Which children the family can accept (from the questionnaire, confirmed by the decision)."""

    entry = models.OneToOneField(ApplicantRegisterEntry, on_delete=models.CASCADE, related_name="profile")
    age_min = models.PositiveSmallIntegerField(_("věk dítěte od (let)"), default=0)
    age_max = models.PositiveSmallIntegerField(_("věk dítěte do (let)"), default=17)
    sexes = ArrayField(
        models.CharField(max_length=1, choices=Sex.choices),
        verbose_name=_("pohlaví dítěte"),
        default=list,
    )
    # Household capacity: how many children the family can take at once.
    max_children = models.PositiveSmallIntegerField(_("počet dětí najednou"), default=1)
    accepts_siblings = models.BooleanField(_("přijme sourozence"), default=False)
    health_needs_accepted = ArrayField(
        models.CharField(max_length=12, choices=HealthNeed.choices),
        verbose_name=_("přijatelné zdravotní potřeby"),
        default=list,
        blank=True,
    )
    # Needs the family already has experience with (a soft matching criterion).
    health_needs_experience = ArrayField(
        models.CharField(max_length=12, choices=HealthNeed.choices),
        verbose_name=_("zkušenost s potřebami"),
        default=list,
        blank=True,
    )
    ethnicities_accepted = ArrayField(
        models.CharField(max_length=10, choices=Ethnicity.choices),
        verbose_name=_("přijatelné etnikum"),
        default=list,
    )
    legal_statuses = ArrayField(
        models.CharField(max_length=10, choices=LegalStatus.choices),
        verbose_name=_("právní postavení dítěte"),
        default=list,
    )
    # The most contact with the birth family the family is willing to support.
    contact_willingness = models.CharField(
        _("ochota ke kontaktu s biologickou rodinou"),
        max_length=12,
        choices=ContactLevel.choices,
        default=ContactLevel.SUPERVISED,
    )
    accepts_other_regions = models.BooleanField(_("i dítě z jiného kraje"), default=True)
    preferred_regions = models.ManyToManyField(
        Region, blank=True, related_name="+", verbose_name=_("preferované kraje")
    )
    children_in_household = models.PositiveSmallIntegerField(_("dětí již v domácnosti"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil přijatelného dítěte")
        verbose_name_plural = _("profily přijatelného dítěte")

    def __str__(self) -> str:
        return f"{self.entry}: {self.age_min}–{self.age_max}"

    def clean(self) -> None:
        errors = {}
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_min"] = AGE_RANGE_INVALID
        if self.max_children is not None and self.max_children < 1:
            errors["max_children"] = CAPACITY_INVALID
        if not self.sexes:
            errors["sexes"] = NO_SEX_ACCEPTED
        if errors:
            raise ValidationError(errors)
