"""The applicant journey process (proces ApplicantJourney), its stages, its history and deadline settings."""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process

from nrp import law
from nrp.core.choices import CareType
from nrp.core.models import Household, Region, User
from workflows.applicant_journey.permissions import PERMISSIONS


class JourneyStage(models.TextChoices):
    """Where a family stands on its way to the register; one value per box of the progress tracker."""

    # Zájemce: first contact and the information meeting with a guide.
    INTEREST = "interest", _("zájemce o NRP")
    # Žádost podána na OSPOD ORP trvalého pobytu (§23a); OSPOD kontroluje úplnost (§23b).
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
    # Rozhodnutí o zařazení / nezařazení (§23d–§23g).
    DECISION = "decision", _("rozhodnutí")
    # Lhůta pro odvolání běží (15 dnů od doručení).
    APPEAL_PERIOD = "appeal_period", _("lhůta pro odvolání")
    # Odvolací řízení (MPSV).
    APPEAL = "appeal", _("odvolací řízení")
    # V evidenci žadatelů: rozhodnutí v právní moci, rodina čeká na oslovení.
    IN_REGISTER = "in_register", _("v evidenci žadatelů")
    # Výběr přerušen (SELECTION_PAUSE, §24a).
    PAUSED = "paused", _("zprostředkování přerušeno")
    # Dítě svěřeno do péče.
    PLACED = "placed", _("dítě svěřeno")
    # ORP žádost zamítla (APPLICATION_REFUSAL): podmínky §23a odst. 1 nejsou splněny.
    REJECTED_ORP = "rejected_orp", _("žádost zamítnuta ORP")
    # Případ se nezprostředkovává (např. pěstounská péče příbuzných, NOT_MEDIATED, §20).
    NOT_MEDIATED = "not_mediated", _("nezprostředkovává se")
    # Krajský úřad rozhodl o nezařazení (v právní moci).
    REJECTED = "rejected", _("nezařazen do evidence")
    # Žadatel vzal žádost zpět.
    WITHDRAWN = "withdrawn", _("žádost vzata zpět")
    # Vyřazen z evidence (REGISTER_REMOVAL, §23j).
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
    """The OSPOD's finding on a filed application (ORP_PROCEEDINGS, §23b)."""

    # Žádost je úplná: pokračuje sociální šetření.
    COMPLETE = "complete", _("úplná")
    # Neúplná: vrací se žadateli se seznamem, co chybí; proces čeká.
    INCOMPLETE = "incomplete", _("neúplná – vrátit k doplnění")
    # Zamítnutí ORP (APPLICATION_REFUSAL): podmínky §23a odst. 1 nejsou splněny (bydliště, pobyt v cizině …).
    REJECTED = "rejected", law.message(_("zamítnout – nesplněny podmínky (%(law)s)"), law="APPLICATION_ELIGIBILITY")
    # Nezprostředkovává se (osvojení nevlastního dítěte, pěstounská péče příbuzných, NOT_MEDIATED, §20).
    NOT_MEDIATED = "not_mediated", law.message(_("nezprostředkovává se (%(law)s)"), law="NOT_MEDIATED")


class DecisionOutcome(models.TextChoices):
    """The regional office's decision (REGISTER_DECISION, §23d–§23g)."""

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
        """An appeal in time waits for the ministry; a late one does not suspend the decision (LATE_APPEAL)."""
        return self.appeal_filed_on is not None and not self.appeal_late and not self.appeal_outcome

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
    def began_on(self) -> date:
        """The day the journey existed from: its opening, or an earlier meeting or filing (a case carried over)."""
        known = [d for d in (self.info_meeting_on, self.application_filed_on) if d is not None]
        return min([timezone.localdate(self.created), *known])

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
    # Výběr přerušen / obnoven (SELECTION_PAUSE, §24a).
    PAUSED = "paused", _("zprostředkování přerušeno")
    RESUMED = "resumed", _("zprostředkování obnoveno")
    # Vyřazení z evidence (REGISTER_REMOVAL, §23j).
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
    """One entry of a journey's history: who did what and when (ids only in ``data``).

    It is the journey's own timeline for people (the detail page's history, the caseload's last activity, the
    stage estimates), written by ``services.tasks.record_event``. The audit trail (``nrp.audit``) is the separate,
    legal record of who read or changed what, written only through ``nrp.audit.services``; a step writes both.
    """

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
