"""The children register (evidence dětí): a child's case, its children, the region's mediation settings and the
case's time-based flags.

A ``ChildCase`` is the unit of mediation: one child, or a sibling group placed together (siblings are one
case unless the file records why not). The matching engine reads these; change fields only with a new
migration, and never rename or drop the ones defined here.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, HouseholdPosition, LegalStatus, Sex
from nrp.core.models import Orp, Region

NO_CARE_TYPE_SOUGHT = _("Vyberte alespoň jednu hledanou formu péče.")
ADOPTION_NEEDS_FREE_CHILD = _("Osvojení lze zprostředkovat jen právně volnému dítěti.")
CONTACT_NEEDS_LOCATION = _("U plánovaného kontaktu s biologickou rodinou uveďte, kde rodina žije (ORP).")


class ChildCaseStatus(models.TextChoices):
    """Where a child's case stands in the children register."""

    # Navrženo OSPOD, čeká na zařazení krajským úřadem.
    PROPOSED = "proposed", _("navrženo OSPOD")
    # V evidenci dětí: the region looks for a family.
    WAITING = "waiting", _("v evidenci, hledá se rodina")
    # Celostátní hledání (MPSV / other regions) after the regional deadline.
    NATIONAL = "national", _("celostátní hledání")
    # A family has been approached and is considering / asking the court.
    APPROACHING = "approaching", _("oslovena rodina")
    # Court decided the placement.
    PLACED = "placed", _("svěřeno do péče")
    # Closed without placement (returned home, adulthood, other solution).
    CLOSED = "closed", _("uzavřeno")


class ChildCase(models.Model):
    """A child's (or sibling group's) file in the children register (spisová dokumentace dítěte)."""

    # Anonymous reference shown outside the region's officers, e.g. "JMK-2026-0007".
    reference = models.CharField(_("značka"), max_length=20, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="child_cases", verbose_name=_("kraj"))
    # The OSPOD of the child's ORP proposed the child.
    orp = models.ForeignKey(Orp, on_delete=models.PROTECT, related_name="child_cases", verbose_name=_("ORP"))
    care_types_sought = ArrayField(
        models.CharField(max_length=12, choices=CareType.choices), verbose_name=_("hledaná forma péče")
    )
    contact_plan = models.CharField(
        _("kontakt s biologickou rodinou"), max_length=12, choices=ContactLevel.choices, default=ContactLevel.NONE
    )
    # Where the birth parents live (for the distance criterion when contact is in the child's interest).
    birth_family_orp = models.ForeignKey(
        Orp,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bydliště biologické rodiny (ORP)"),
    )
    # The child's own wishes in their own words, and how they were heard (participation).
    wishes = models.TextField(_("přání dítěte jeho slovy"), blank=True)
    wishes_how_heard = models.TextField(_("jak bylo dítě vyslechnuto"), blank=True)
    # The file asks the child to be the only or the youngest child of the family (expert view, the child's needs).
    household_position = models.CharField(
        _("postavení mezi dětmi v rodině"),
        max_length=10,
        choices=HouseholdPosition.choices,
        default=HouseholdPosition.ANY,
        blank=True,
    )
    # Siblings are placed together unless the file records why not.
    siblings_separation_reason = models.TextField(_("důvod odděleného umístění sourozenců"), blank=True)
    status = models.CharField(
        _("stav"), max_length=12, choices=ChildCaseStatus.choices, default=ChildCaseStatus.PROPOSED
    )
    proposed_at = models.DateTimeField(_("navrženo"), default=timezone.now)
    # Zařazení do evidence dětí: the register clock (6 months → intercountry route, escalation deadline).
    registered_on = models.DateField(_("zařazeno do evidence"), null=True, blank=True)
    notes = models.TextField(_("poznámky"), blank=True)

    class Meta:
        verbose_name = _("případ dítěte")
        verbose_name_plural = _("evidence dětí")
        indexes = [
            # officer's children register: cases of one region by status
            models.Index(fields=["region", "status"], name="childcase_region_status"),
        ]

    def __str__(self) -> str:
        # Never the child's name: str() ends up in logs and admin breadcrumbs.
        return self.reference

    def clean(self) -> None:
        errors = {}
        if not self.care_types_sought:
            errors["care_types_sought"] = ValidationError(NO_CARE_TYPE_SOUGHT, code="care_type_required")
        if self.contact_plan != ContactLevel.NONE and not self.birth_family_orp_id:
            errors["birth_family_orp"] = ValidationError(CONTACT_NEEDS_LOCATION, code="birth_family_orp_required")
        if errors:
            raise ValidationError(errors)


class Child(models.Model):
    """One child of a case. Identity fields are visible only to the region's officers and the child's OSPOD."""

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="children")
    first_name = models.CharField(_("jméno"), max_length=100)
    last_name = models.CharField(_("příjmení"), max_length=100)
    date_of_birth = models.DateField(_("datum narození"))
    sex = models.CharField(_("pohlaví"), max_length=1, choices=Sex.choices)
    legal_status = models.CharField(_("právní postavení"), max_length=10, choices=LegalStatus.choices)
    health_needs = ArrayField(
        models.CharField(max_length=12, choices=HealthNeed.choices),
        verbose_name=_("zdravotní potřeby"),
        default=list,
        blank=True,
    )
    health_notes = models.TextField(_("zdraví a vývoj – poznámky"), blank=True)
    ethnicity = models.CharField(_("etnikum (je-li uvedeno)"), max_length=10, choices=Ethnicity.choices, blank=True)

    class Meta:
        ordering = ["date_of_birth", "pk"]
        verbose_name = _("dítě")
        verbose_name_plural = _("děti")

    def __str__(self) -> str:
        return f"{self.case.reference}/{self.pk}"

    @property
    def health_need_labels(self) -> list[str]:
        return [str(HealthNeed(n).label) for n in self.health_needs]

    def age_on(self, day) -> int:
        years = day.year - self.date_of_birth.year
        if (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day):
            years -= 1
        return years


class ClosureReason(models.TextChoices):
    """Why a child's case was closed without a placement through mediation (uzavření případu)."""

    # Dítě se vrátilo do biologické rodiny.
    RETURNED_HOME = "returned_home", _("návrat do biologické rodiny")
    # Dítě dosáhlo zletilosti.
    ADULTHOOD = "adulthood", _("zletilost")
    # Jiné řešení (e.g. relatives, guardianship, a different route chosen by the court).
    OTHER = "other", _("jiné řešení")


class RegionMediationSettings(models.Model):
    """Per-region overrides of the configurable mediation deadlines (see ``deadlines.py``)."""

    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="mediation_settings")
    # Days in the register without a suitable family before the national search (not fixed by law).
    escalation_days = models.PositiveSmallIntegerField(_("dní do celostátního hledání"), default=30)

    class Meta:
        verbose_name = _("nastavení zprostředkování kraje")
        verbose_name_plural = _("nastavení zprostředkování krajů")

    def __str__(self) -> str:
        return str(self.region)


class CaseFlags(models.Model):
    """Time-based flags of a case, kept apart from the register record others read (one per case)."""

    case = models.OneToOneField(ChildCase, on_delete=models.CASCADE, related_name="flags")
    # Date the case moved to the nationwide pool (celostátní hledání, MPSV / other regions).
    national_since = models.DateField(_("celostátní hledání od"), null=True, blank=True)
    # Date the case was flagged for the intercountry route (ÚMPOD) after 6 months without adoption mediation.
    intercountry_flagged_on = models.DateField(_("nabídnuto ÚMPOD"), null=True, blank=True)
    closure_reason = models.CharField(_("důvod uzavření"), max_length=20, choices=ClosureReason.choices, blank=True)
    closure_note = models.TextField(_("zdůvodnění uzavření"), blank=True)
    closed_on = models.DateField(_("uzavřeno dne"), null=True, blank=True)

    class Meta:
        verbose_name = _("příznaky případu")
        verbose_name_plural = _("příznaky případů")

    def __str__(self) -> str:
        return self.case.reference
