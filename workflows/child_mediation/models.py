"""Children register (evidence dětí) models.

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
from viewflow.workflow.models import Process

from nrp import law
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


# ---------------------------------------------------------------------------------------------------------------
# Mediation: per-region settings, flags, conferences, approaches, placement, closure, reminders.
# ---------------------------------------------------------------------------------------------------------------

MINUTES_SIGNED_READ_ONLY = _("Podepsaný zápis nelze měnit; opravu zapište jako novou verzi.")


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


class ApproachStatus(models.TextChoices):
    """State of one approach of a family for a child (oslovení žadatele)."""

    # Rodina písemně vyrozuměna (SELECTION, §24); may study the file and meet the child; 30 days to ask the court.
    OPEN = "open", _("rodina oslovena")
    # Rodina souhlasí a podala návrh soudu; waits for the court's decision.
    ACCEPTED = "accepted", _("přijato, návrh podán soudu")
    # Rodina odmítla – nezdařené párování.
    DECLINED = "declined", _("odmítnuto (nezdařené párování)")
    # Lhůta k podání návrhu uplynula – nezdařené párování.
    LAPSED = "lapsed", _("lhůta uplynula (nezdařené párování)")
    # Zrušeno (the case closed, or the family left the register).
    CANCELLED = "cancelled", _("zrušeno")


# An approach that occupies the family and the child: no second one for either until it ends.
ACTIVE_APPROACH_STATUSES = (ApproachStatus.OPEN, ApproachStatus.ACCEPTED)


class Approach(models.Model):
    """One family approached for one child, in the order the conference chose."""

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="approaches")
    entry = models.ForeignKey(
        "applicant_journey.ApplicantRegisterEntry", on_delete=models.PROTECT, related_name="approaches"
    )
    minutes = models.ForeignKey(ConferenceMinutes, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    position = models.PositiveSmallIntegerField(_("pořadí"), default=1)
    status = models.CharField(_("stav"), max_length=10, choices=ApproachStatus.choices, default=ApproachStatus.OPEN)
    # SELECTION (§24): the day the written notice was delivered; the 30-day court-request period runs from it
    # (SELECTION_NOTICE_30_DAYS). Both empty while the notice (models_notices.ApproachNotice) is not delivered.
    notified_on = models.DateField(_("písemně vyrozuměno (doručeno)"), null=True, blank=True)
    deadline = models.DateField(_("lhůta k podání návrhu soudu"), null=True, blank=True)
    extended_by_days = models.PositiveSmallIntegerField(_("prodloužení (dní)"), default=0)
    extended_on = models.DateField(_("prodlouženo dne"), null=True, blank=True)
    extension_reason = models.TextField(_("důvod prodloužení"), blank=True)
    answered_on = models.DateField(_("odpověď dne"), null=True, blank=True)
    reason = models.TextField(_("důvod"), blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "position", "pk"]
        verbose_name = _("oslovení rodiny")
        verbose_name_plural = _("oslovení rodin")
        constraints = [
            # No double approach: one active approach per child's case.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status__in=["open", "accepted"]),
                name="approach_one_active_per_case",
            ),
            # A family approached for one child is not offered for another until it answers.
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(status__in=["open", "accepted"]),
                name="approach_one_active_per_entry",
            ),
        ]
        indexes = [
            # cron: open approaches whose deadline passed
            models.Index(fields=["status", "deadline"], name="approach_status_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} → #{self.entry_id}"

    @property
    def is_failed_match(self) -> bool:
        return self.status in (ApproachStatus.DECLINED, ApproachStatus.LAPSED)


class Placement(models.Model):
    """The court's decision placing the child (rozhodnutí soudu o svěření do péče)."""

    case = models.OneToOneField(ChildCase, on_delete=models.CASCADE, related_name="placement")
    approach = models.OneToOneField(Approach, on_delete=models.PROTECT, related_name="placement")
    care_type = models.CharField(_("forma péče"), max_length=12, choices=CareType.choices)
    court_decision_date = models.DateField(_("datum rozhodnutí soudu"))
    effective_date = models.DateField(_("právní moc"))
    # Adoption: pre-adoption care (péče před osvojením) of at least 6 months first (civil code §829).
    pre_adoption_care_start = models.DateField(_("počátek péče před osvojením"), null=True, blank=True)
    earliest_adoption_date = models.DateField(_("nejdříve možné osvojení"), null=True, blank=True)
    # Foster care: agreement on foster care (dohoda o výkonu pěstounské péče, §47b) due within 30 days.
    agreement_due = models.DateField(_("dohoda o výkonu PP do"), null=True, blank=True)
    agreement_signed_on = models.DateField(_("dohoda uzavřena dne"), null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("svěření do péče")
        verbose_name_plural = _("svěření do péče")

    def __str__(self) -> str:
        return self.case.reference


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


class ChildMediationProcess(Process):
    """The viewflow process of one child's case (proces ChildMediation); the case id lives in ``data``."""

    class Meta:
        proxy = True
        verbose_name = _("zprostředkování pro dítě")
        verbose_name_plural = _("zprostředkování pro děti")

    @property
    def case(self) -> ChildCase:
        return ChildCase.objects.get(pk=self.data["case_id"])

    @property
    def case_status(self) -> str:
        return self.case.status

    @property
    def is_placed(self) -> bool:
        """The outcome gate of the flow: placed by the court (else closed)."""
        return self.case_status == ChildCaseStatus.PLACED


# The legal steps on the child's side (issue 14) keep their models in a module of their own.
from workflows.child_mediation.legal import *  # noqa: E402, F401, F403

# The written notice of the §24 selection, the family's meetings and answers (issue 14, item 7).
from workflows.child_mediation.models_notices import *  # noqa: E402, F401, F403
