"""Applicant journey models.

The applicant register entry and its acceptance profile are defined first: the matching engine
(``matching/``) and the child mediation process read them. Change their fields only with a new migration.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
from nrp.core.models import Household, Region

# Validation messages (tests import them).
AGE_RANGE_INVALID = _("Nejnižší věk dítěte nesmí být vyšší než nejvyšší věk.")
CAPACITY_INVALID = _("Počet dětí, které rodina může přijmout, musí být alespoň 1.")
NO_CARE_TYPE = _("Vyberte alespoň jednu formu péče.")
NO_SEX_ACCEPTED = _("Vyberte alespoň jedno pohlaví dítěte.")


class RegisterStatus(models.TextChoices):
    """State of an entry in the applicant register (evidence žadatelů)."""

    # Zařazen, rozhodnutí v právní moci: the family can be matched.
    ACTIVE = "active", _("v evidenci")
    # Přerušení zprostředkování (§24b): excluded from matching until resumed.
    PAUSED = "paused", _("zprostředkování přerušeno")
    # Vyřazení z evidence (§24c), e.g. a new criminal record; pending approaches are cancelled.
    REMOVED = "removed", _("vyřazen z evidence")
    # Žadatel vzal žádost zpět.
    WITHDRAWN = "withdrawn", _("žádost vzata zpět")
    # A child was placed with the family; the journey ended as placed.
    PLACED = "placed", _("dítě svěřeno")


class ApplicantRegisterEntry(models.Model):
    """Entry in the applicant register (evidence žadatelů, §22; short-term foster care §27a)."""

    household = models.OneToOneField(Household, on_delete=models.PROTECT, related_name="register_entry")
    # The region that keeps the entry; changes when the family moves (the file moves with its history).
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="register_entries")
    care_types = ArrayField(
        models.CharField(max_length=12, choices=CareType.choices), verbose_name=_("schválené formy péče")
    )
    decision_date = models.DateField(_("datum rozhodnutí"))
    # Právní moc: the family is matchable only from this date (§22).
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


# ---------------------------------------------------------------------------------------------------------------------
# The applicant journey process (proces ApplicantJourney) and what its steps record.
# ---------------------------------------------------------------------------------------------------------------------

from viewflow.workflow.models import Process  # noqa: E402

from nrp.core.models import HouseholdMember, User  # noqa: E402
from workflows.applicant_journey.permissions import PERMISSIONS  # noqa: E402


class JourneyStage(models.TextChoices):
    """Where a family stands on its way to the register; one value per box of the progress tracker."""

    # Zájemce: first contact and the information meeting with a guide.
    INTEREST = "interest", _("zájemce o NRP")
    # Žádost podána na OSPOD ORP trvalého pobytu; OSPOD kontroluje úplnost (§21).
    APPLICATION = "application", _("žádost a kontrola úplnosti")
    # Žádost je neúplná: čeká se na doplnění žadatelem.
    INCOMPLETE = "incomplete", _("doplnění žádosti")
    # Sociální šetření v domácnosti (OSPOD).
    INVESTIGATION = "investigation", _("sociální šetření")
    # Předání spisové dokumentace žadatele krajskému úřadu.
    HANDOVER = "handover", _("předání spisu kraji")
    # Odborné posouzení (§27) na krajském úřadě.
    ASSESSMENT = "assessment", _("odborné posouzení")
    # Příprava k přijetí dítěte (kurz).
    PREPARATION = "preparation", _("příprava")
    # Seznámení s podklady před rozhodnutím (správní řád §36(3)).
    INSPECTION = "inspection", _("seznámení s podklady")
    # Rozhodnutí o zařazení / nezařazení (§22).
    DECISION = "decision", _("rozhodnutí")
    # Lhůta pro odvolání běží (15 dnů od doručení).
    APPEAL_PERIOD = "appeal_period", _("lhůta pro odvolání")
    # Odvolací řízení (MPSV).
    APPEAL = "appeal", _("odvolací řízení")
    # V evidenci žadatelů: rozhodnutí v právní moci, rodina čeká na oslovení.
    IN_REGISTER = "in_register", _("v evidenci žadatelů")
    # Zprostředkování přerušeno (§24b).
    PAUSED = "paused", _("zprostředkování přerušeno")
    # Dítě svěřeno do péče.
    PLACED = "placed", _("dítě svěřeno")
    # ORP žádost zamítla (§21(3)): podmínky §20 nejsou splněny.
    REJECTED_ORP = "rejected_orp", _("žádost zamítnuta ORP")
    # Případ se nezprostředkovává (např. pěstounská péče příbuzných, §20(3)).
    NOT_MEDIATED = "not_mediated", _("nezprostředkovává se")
    # Krajský úřad rozhodl o nezařazení (v právní moci).
    REJECTED = "rejected", _("nezařazen do evidence")
    # Žadatel vzal žádost zpět.
    WITHDRAWN = "withdrawn", _("žádost vzata zpět")
    # Vyřazen z evidence (§24c).
    REMOVED = "removed", _("vyřazen z evidence")


# The order of the progress tracker (the main line; exits are shown separately).
STAGE_ORDER = [
    JourneyStage.INTEREST,
    JourneyStage.APPLICATION,
    JourneyStage.INVESTIGATION,
    JourneyStage.HANDOVER,
    JourneyStage.ASSESSMENT,
    JourneyStage.PREPARATION,
    JourneyStage.INSPECTION,
    JourneyStage.DECISION,
    JourneyStage.APPEAL_PERIOD,
    JourneyStage.IN_REGISTER,
]
CLOSED_STAGES = {
    JourneyStage.PLACED,
    JourneyStage.REJECTED_ORP,
    JourneyStage.NOT_MEDIATED,
    JourneyStage.REJECTED,
    JourneyStage.WITHDRAWN,
    JourneyStage.REMOVED,
}
# Stages in which the family is in the register (the process itself has ended).
REGISTER_STAGES = {JourneyStage.IN_REGISTER, JourneyStage.PAUSED}


class CompletenessOutcome(models.TextChoices):
    """The OSPOD's finding on a filed application (§21)."""

    # Žádost je úplná: pokračuje sociální šetření.
    COMPLETE = "complete", _("úplná")
    # Neúplná: vrací se žadateli se seznamem, co chybí; proces čeká.
    INCOMPLETE = "incomplete", _("neúplná – vrátit k doplnění")
    # Zamítnutí ORP (§21(3)): podmínky §20 nejsou splněny (bydliště, pobyt v cizině …).
    REJECTED = "rejected", _("zamítnout – nesplněny podmínky §20")
    # Nezprostředkovává se (osvojení nevlastního dítěte, pěstounská péče příbuzných, §20(3)).
    NOT_MEDIATED = "not_mediated", _("nezprostředkovává se (§20(3))")


class DecisionOutcome(models.TextChoices):
    """The regional office's decision (§22)."""

    # Zařazení do evidence žadatelů.
    APPROVED = "approved", _("zařadit do evidence")
    # Nezařazení do evidence (s odůvodněním).
    REJECTED = "rejected", _("nezařadit do evidence")


class AppealOutcome(models.TextChoices):
    """What the appellate body (MPSV) decided."""

    # Odvolání zamítnuto, rozhodnutí kraje potvrzeno.
    UPHELD = "upheld", _("rozhodnutí potvrzeno")
    # Rozhodnutí změněno: výsledek se obrací (nezařazení → zařazení a naopak).
    OVERTURNED = "overturned", _("rozhodnutí změněno")
    # Rozhodnutí zrušeno a vráceno kraji k novému projednání.
    RETURNED = "returned", _("zrušeno a vráceno k novému rozhodnutí")


class ApplicantJourney(Process):
    """One family's way to the applicant register (cesta žadatele), as a viewflow process.

    ``stage`` and ``stage_entered_at`` are kept by the services so that the caseload, the portal and the API can
    show days in stage and estimates cheaply; the steps' data is kept on this row; their history is in
    ``JourneyEvent`` and viewflow's tasks.
    """

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="journeys")
    # The region whose office keeps the case; changes on a transfer (the file moves with its history).
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="journeys")
    stage = models.CharField(_("fáze"), max_length=16, choices=JourneyStage.choices, default=JourneyStage.INTEREST)
    stage_entered_at = models.DateTimeField(_("ve fázi od"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("poslední pohyb"), default=timezone.now)
    # The due date of the step now open (copied from the task for cheap sorting and overdue filters).
    next_due_on = models.DateField(_("nejbližší termín"), null=True, blank=True)
    care_types = ArrayField(
        models.CharField(max_length=12, choices=CareType.choices),
        verbose_name=_("zájem o formy péče"),
        default=list,
        blank=True,
    )
    info_meeting_on = models.DateField(_("informační schůzka"), null=True, blank=True)
    application_filed_on = models.DateField(_("žádost podána"), null=True, blank=True)
    application_complete_on = models.DateField(_("žádost úplná"), null=True, blank=True)
    completeness_outcome = models.CharField(
        _("výsledek kontroly úplnosti"), max_length=16, choices=CompletenessOutcome.choices, blank=True
    )
    missing_items = models.JSONField(_("co chybí"), default=list, blank=True)
    orp_rejection_reasons = models.TextField(_("důvody zamítnutí ORP"), blank=True)
    home_visit_on = models.DateField(_("sociální šetření"), null=True, blank=True)
    home_visit_notes = models.TextField(_("záznam ze sociálního šetření"), blank=True)
    handed_over_on = models.DateField(_("spis předán kraji"), null=True, blank=True)
    assessor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("posuzovatel")
    )
    assessment_done_on = models.DateField(_("posouzení dokončeno"), null=True, blank=True)
    course_completed_on = models.DateField(_("příprava dokončena"), null=True, blank=True)
    inspection_offered_on = models.DateField(_("seznámení s podklady nabídnuto"), null=True, blank=True)
    inspection_done_on = models.DateField(_("seznámení proběhlo"), null=True, blank=True)
    decision_outcome = models.CharField(_("rozhodnutí"), max_length=10, choices=DecisionOutcome.choices, blank=True)
    decision_date = models.DateField(_("datum rozhodnutí"), null=True, blank=True)
    decision_delivered_on = models.DateField(_("rozhodnutí doručeno"), null=True, blank=True)
    decision_reasons = models.TextField(_("odůvodnění"), blank=True)
    approved_care_types = ArrayField(
        models.CharField(max_length=12, choices=CareType.choices),
        verbose_name=_("schválené formy péče"),
        default=list,
        blank=True,
    )
    # The acceptance profile: the questionnaire's draft at filing, the decided profile after the decision.
    profile_data = models.JSONField(_("profil přijatelného dítěte"), default=dict, blank=True)
    appeal_filed_on = models.DateField(_("odvolání podáno"), null=True, blank=True)
    # An appeal filed after the 15 days is recorded and flagged, never silently dropped.
    appeal_late = models.BooleanField(_("odvolání po lhůtě"), default=False)
    appeal_outcome = models.CharField(_("výsledek odvolání"), max_length=10, choices=AppealOutcome.choices, blank=True)
    appeal_decided_on = models.DateField(_("o odvolání rozhodnuto"), null=True, blank=True)
    effective_date = models.DateField(_("právní moc"), null=True, blank=True)
    closed_reason = models.TextField(_("důvod ukončení"), blank=True)

    class Meta:
        verbose_name = _("cesta žadatele")
        verbose_name_plural = _("cesty žadatelů")
        permissions = PERMISSIONS
        indexes = [
            # caseloads and region lists: open journeys of one region by stage
            models.Index(fields=["region", "stage"], name="journey_region_stage"),
            # the journey of a household (portal, register hooks)
            models.Index(fields=["household"], name="journey_household"),
        ]

    def __str__(self) -> str:
        return _("Cesta žadatele č. %(id)s") % {"id": self.pk}

    # Conditions read by the flow's gateways.
    @property
    def is_incomplete(self) -> bool:
        return self.completeness_outcome == CompletenessOutcome.INCOMPLETE

    @property
    def is_refused_by_orp(self) -> bool:
        return self.completeness_outcome in (CompletenessOutcome.REJECTED, CompletenessOutcome.NOT_MEDIATED)

    @property
    def is_appealed(self) -> bool:
        return self.appeal_filed_on is not None and not self.appeal_outcome

    @property
    def is_returned_by_appeal(self) -> bool:
        return self.appeal_outcome == AppealOutcome.RETURNED

    @property
    def is_approved(self) -> bool:
        return self.decision_outcome == DecisionOutcome.APPROVED

    @property
    def is_closed(self) -> bool:
        return self.stage in CLOSED_STAGES

    @property
    def days_in_stage(self) -> int:
        return (timezone.now() - self.stage_entered_at).days


class StageVisit(models.Model):
    """Time a journey spent in one stage: feeds the per-region median estimates on the progress tracker."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="stage_visits")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(max_length=16, choices=JourneyStage.choices)
    entered_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["entered_at", "pk"]
        indexes = [
            # estimates: finished visits of one stage in one region, newest first
            models.Index(fields=["region", "stage", "-left_at"], name="stagevisit_region_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.stage}"


class EventKind(models.TextChoices):
    """What happened on a journey (its readable history)."""

    # Krok procesu dokončen.
    STEP = "step", _("krok dokončen")
    # Případ založen.
    OPENED = "opened", _("případ založen")
    # Úkol převzat nebo přidělen.
    ASSIGNED = "assigned", _("úkol přidělen")
    # Žádost vzata zpět.
    WITHDRAWN = "withdrawn", _("žádost vzata zpět")
    # Zprostředkování přerušeno / obnoveno (§24b).
    PAUSED = "paused", _("zprostředkování přerušeno")
    RESUMED = "resumed", _("zprostředkování obnoveno")
    # Vyřazení z evidence (§24c).
    REMOVED = "removed", _("vyřazen z evidence")
    # Přestěhování do jiného kraje: spis se předává s celou historií.
    TRANSFERRED = "transferred", _("předán jinému kraji")
    # Oznámení změny poměrů (povinnost do 15 dnů).
    CHANGE_REPORTED = "change", _("oznámena změna poměrů")
    # Zápis do evidence žadatelů.
    REGISTERED = "registered", _("zapsán do evidence")
    # Dítě svěřeno.
    PLACED = "placed", _("dítě svěřeno")
    # Dokument nahrán / posouzen.
    DOCUMENT = "document", _("dokument")
    # Profil přijatelného dítěte změněn.
    PROFILE = "profile", _("profil změněn")


class JourneyEvent(models.Model):
    """One entry of a journey's history: who did what and when (ids only in ``data``)."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("kdy"), default=timezone.now)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    kind = models.CharField(_("událost"), max_length=12, choices=EventKind.choices)
    stage = models.CharField(_("fáze"), max_length=16, choices=JourneyStage.choices)
    step = models.CharField(_("krok"), max_length=40, blank=True)
    note = models.TextField(_("poznámka"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("událost cesty žadatele")
        verbose_name_plural = _("historie cesty žadatele")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.kind} {self.step}"


class RegionDeadlineConfig(models.Model):
    """A region's override of one deadline rule (see ``deadlines.RULES`` for the defaults and legal references)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="journey_deadlines")
    rule = models.CharField(_("pravidlo"), max_length=40)
    days = models.PositiveSmallIntegerField(_("dnů"))

    class Meta:
        verbose_name = _("lhůta kraje")
        verbose_name_plural = _("lhůty kraje")
        constraints = [models.UniqueConstraint(fields=["region", "rule"], name="deadlineconfig_region_rule")]

    def __str__(self) -> str:
        return f"{self.region_id}: {self.rule} = {self.days}"

    def clean(self) -> None:
        from workflows.applicant_journey.deadlines import RULES

        if self.rule not in RULES:
            raise ValidationError({"rule": _("Neznámé pravidlo lhůty.")})
        if RULES[self.rule].statutory:
            raise ValidationError({"rule": _("Zákonnou lhůtu nelze v kraji měnit.")})


class DocumentKind(models.TextChoices):
    """Parts of the application (§21(5)); per applicant unless marked per household."""

    # Formulář žádosti s dotazníkem (per household).
    APPLICATION_FORM = "form", _("žádost s dotazníkem")
    # Doklad o státním občanství nebo trvalém pobytu / pobytu alespoň 365 dní.
    CITIZENSHIP = "citizenship", _("doklad o občanství či pobytu")
    # Výpis z evidence Rejstříku trestů ze země, kde žadatel žil déle než 3 měsíce (český si vyžádá ORP).
    CRIMINAL_RECORD = "criminal", _("výpis z rejstříku trestů (cizina)")
    # Zpráva o zdravotním stavu od registrujícího lékaře.
    HEALTH_REPORT = "health", _("zpráva o zdravotním stavu")
    # Údaje o ekonomických a sociálních poměrech.
    ECONOMIC = "economic", _("ekonomické a sociální poměry")
    # Písemné souhlasy (šetření, příprava, mezinárodní osvojení).
    CONSENTS = "consents", _("souhlasy žadatele")
    # Vyjádření organizace, se kterou má rodina dohodu o výkonu pěstounské péče (per household).
    FOSTER_AGREEMENT_STATEMENT = "agreement", _("vyjádření doprovázející organizace")


HOUSEHOLD_DOCUMENT_KINDS = {DocumentKind.APPLICATION_FORM, DocumentKind.FOSTER_AGREEMENT_STATEMENT}
# Required for everyone (the foster-agreement statement only where the family already fosters; criminal-record
# extracts only per country lived in for more than 3 months, added by the applicant).
REQUIRED_DOCUMENT_KINDS = [
    DocumentKind.APPLICATION_FORM,
    DocumentKind.CITIZENSHIP,
    DocumentKind.HEALTH_REPORT,
    DocumentKind.ECONOMIC,
    DocumentKind.CONSENTS,
]


class DocumentStatus(models.TextChoices):
    # Chybí.
    MISSING = "missing", _("chybí")
    # Odevzdáno, čeká na kontrolu.
    SUBMITTED = "submitted", _("odevzdáno")
    # Přijato.
    ACCEPTED = "accepted", _("přijato")
    # Vráceno s důvodem.
    REJECTED = "rejected", _("vráceno")


class JourneyDocument(models.Model):
    """One required part of the application, for one applicant (or the household), with its versions."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="documents")
    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(_("druh"), max_length=12, choices=DocumentKind.choices)
    # For criminal-record extracts: the country (ISO code or name) the applicant lived in for more than 3 months.
    country = models.CharField(_("země"), max_length=60, blank=True)
    status = models.CharField(_("stav"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.MISSING)
    rejection_reason = models.TextField(_("důvod vrácení"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "member_id", "pk"]
        verbose_name = _("dokument žádosti")
        verbose_name_plural = _("dokumenty žádosti")
        constraints = [
            models.UniqueConstraint(
                fields=["journey", "member", "kind", "country"], name="document_unique", nulls_distinct=False
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


def document_upload_path(instance: DocumentVersion, filename: str) -> str:
    # Never the original name in the path (it may carry a name); ids and a random token only.
    import secrets

    ext = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(instance.content_type, "bin")
    return f"journeys/{instance.document.journey_id}/{instance.document_id}/{secrets.token_hex(8)}.{ext}"


class DocumentVersion(models.Model):
    """One uploaded file of a document; replacing a document adds a version, nothing is deleted."""

    document = models.ForeignKey(JourneyDocument, on_delete=models.CASCADE, related_name="versions")
    file = models.FileField(upload_to=document_upload_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.document_id} @ {self.uploaded_at:%Y-%m-%d %H:%M}"


class CourseSession(models.Model):
    """One session of the preparation course (příprava k přijetí dítěte) run by a region."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="course_sessions")
    title = models.CharField(_("téma"), max_length=200)
    starts_at = models.DateTimeField(_("začátek"))
    hours = models.DecimalField(_("hodin"), max_digits=4, decimal_places=1)
    place = models.CharField(_("místo"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("setkání přípravy")
        verbose_name_plural = _("setkání přípravy")

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%d. %m. %Y})"


class CourseAttendance(models.Model):
    """Hours one applicant attended in one session."""

    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="attendance")
    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, related_name="+")
    hours = models.DecimalField(_("odučeno hodin"), max_digits=4, decimal_places=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="attendance_session_member")]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.member_id}: {self.hours} h"


class AssessmentKind(models.TextChoices):
    # Psychologické posouzení (each applicant).
    PSYCHOLOGICAL = "psych", _("psychologické posouzení")
    # Sociální posouzení (household).
    SOCIAL = "social", _("sociální posouzení")
    # Posouzení zdravotního stavu (household).
    HEALTH = "health", _("posouzení zdravotního stavu")


class AssessmentConclusion(models.TextChoices):
    SUITABLE = "suitable", _("doporučen")
    RESERVATIONS = "reserved", _("doporučen s výhradou")
    UNSUITABLE = "unsuitable", _("nedoporučen")


class Assessment(models.Model):
    """A part of the expert assessment (odborné posouzení, §27). Sensitive: reads are audited."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="assessments")
    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(_("druh"), max_length=8, choices=AssessmentKind.choices)
    conclusion = models.CharField(_("závěr"), max_length=10, choices=AssessmentConclusion.choices)
    summary = models.TextField(_("shrnutí"))
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.kind}"


class Message(models.Model):
    """A message between the family and its guide or caseworker."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("zpráva"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.journey_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class CaseNote(models.Model):
    """A guide's note on a case, optionally with a reminder date."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("poznámka"))
    remind_on = models.DateField(_("připomenout dne"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.journey_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReminderKind(models.TextChoices):
    DUE = "due", _("blíží se termín")
    OVERDUE = "overdue", _("termín uplynul")
    NOTE = "note", _("připomínka poznámky")


class ReminderLog(models.Model):
    """A reminder e-mail sent; the unique key makes the reminder command idempotent."""

    key = models.CharField(max_length=120)
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "recipient", "kind"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient_id} ({self.kind})"


class Invitation(models.Model):
    """An e-mail invitation to join a case (the first applicant after a phone call, or a partner)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("jméno"), max_length=100)
    last_name = models.CharField(_("příjmení"), max_length=100)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.household_id}: {self.email}"
