"""Decisions as správní řád has them, the file inspection before a negative one, and life in the register.

``Decision``: the ORP's refusal (APPLICATION_REFUSAL), the KÚ's decision on inclusion (REGISTER_DECISION), removal
(REGISTER_REMOVAL, §23j) and a pause on the KÚ's own initiative (SELECTION_PAUSE, §24a): number, date, reasons,
legal basis (a rule id of ``nrp.law``), delivery, the appeal period from delivery (APPEAL_PERIOD, counted by
DEADLINE_COUNTING), waiver, appeal in time or late (LATE_APPEAL), forwarding to the ministry (APPEAL_FORWARDING)
and finality (FINALITY). ``InspectionNotice``: the notice of SŘ §36(3) with its period to respond and the record
of what was inspected. ``RegisterPause``: one pause of selection with its period (paused time is not waiting
time in matching). ``ChangeReview``: the KÚ's task to review a change the family reported (CHANGE_REPORT).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Region, User
from workflows.applicant_journey.models.journey import AppealOutcome, ApplicantJourney, JourneyEvent
from workflows.applicant_journey.models.register import ApplicantRegisterEntry


class DecisionKind(models.TextChoices):
    # Zamítnutí žádosti obecním úřadem ORP (APPLICATION_REFUSAL).
    ORP_REFUSAL = "orp_refusal", _("zamítnutí žádosti (ORP)")
    # Rozhodnutí krajského úřadu o zařazení / nezařazení do evidence (REGISTER_DECISION).
    INCLUSION = "inclusion", _("rozhodnutí o zařazení do evidence")
    # Vyřazení z evidence (REGISTER_REMOVAL).
    REMOVAL = "removal", _("vyřazení z evidence")
    # Přerušení výběru z moci úřední (SELECTION_PAUSE).
    PAUSE = "pause", _("přerušení zprostředkování")


# The legal basis each kind rests on (rule ids of nrp.law); the officer may not pick another.
KIND_LAW = {
    DecisionKind.ORP_REFUSAL: "APPLICATION_REFUSAL",
    DecisionKind.INCLUSION: "REGISTER_DECISION",
    DecisionKind.REMOVAL: "REGISTER_REMOVAL",
    DecisionKind.PAUSE: "SELECTION_PAUSE",
}


class DeliveryMethod(models.TextChoices):
    DATA_BOX = "data_box", _("datovou schránkou")
    POST = "post", _("poštou")
    IN_PERSON = "in_person", _("osobně")


class Decision(models.Model):
    """One decision of an administrative proceeding about an applicant family (see the module docstring)."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.PROTECT, related_name="decisions")
    entry = models.ForeignKey(
        ApplicantRegisterEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("druh rozhodnutí"), max_length=12, choices=DecisionKind.choices)
    # A decision that does not grant what the family asked for (refusal, rejection, removal, pause by the office).
    negative = models.BooleanField(_("nevyhovující"), default=True)
    number = models.CharField(_("číslo jednací"), max_length=40, unique=True)
    issued_on = models.DateField(_("datum vydání"))
    issued_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("vydal"))
    reasons = models.TextField(_("odůvodnění"), blank=True)
    legal_basis = models.CharField(_("právní základ"), max_length=40)
    # The pause's planned end (SELECTION_PAUSE); empty: until resumed.
    pause_until = models.DateField(_("přerušení do"), null=True, blank=True)
    delivery_method = models.CharField(_("způsob doručení"), max_length=12, choices=DeliveryMethod.choices, blank=True)
    delivered_on = models.DateField(_("doručeno"), null=True, blank=True)
    appeal_waived_on = models.DateField(_("vzdání se odvolání"), null=True, blank=True)
    appeal_filed_on = models.DateField(_("odvolání podáno"), null=True, blank=True)
    appeal_late = models.BooleanField(_("odvolání po lhůtě"), default=False)
    appeal_forwarded_on = models.DateField(_("odvolání postoupeno odvolacímu orgánu"), null=True, blank=True)
    appeal_outcome = models.CharField(_("výsledek odvolání"), max_length=10, choices=AppealOutcome.choices, blank=True)
    appeal_outcome_delivered_on = models.DateField(_("rozhodnutí o odvolání doručeno"), null=True, blank=True)
    effective_date = models.DateField(_("právní moc"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["issued_on", "pk"]
        verbose_name = _("rozhodnutí")
        verbose_name_plural = _("rozhodnutí")
        indexes = [models.Index(fields=["journey", "kind"], name="decision_journey_kind")]

    def __str__(self) -> str:
        return f"{self.number} ({self.get_kind_display()})"

    @property
    def appeal_deadline(self) -> date | None:
        """APPEAL_PERIOD from delivery, counted as DEADLINE_COUNTING says (weekends and holidays)."""
        from workflows.applicant_journey import deadlines

        return deadlines.appeal_deadline(self.delivered_on) if self.delivered_on else None

    @property
    def appeal_forward_by(self) -> date | None:
        """APPEAL_FORWARDING: the office forwards the appeal (in time or late) within 30 days of receiving it."""
        from workflows.applicant_journey import deadlines

        return deadlines.appeal_forwarding_deadline(self.appeal_filed_on) if self.appeal_filed_on else None

    @property
    def suspended_by_appeal(self) -> bool:
        """Only an appeal in time suspends finality (LATE_APPEAL)."""
        return self.appeal_filed_on is not None and not self.appeal_late and self.effective_date is None


class InspectionNotice(models.Model):
    """Seznámení s podklady (FILE_INSPECTION, SŘ §36(3)): the notice, its period to respond, what was inspected."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="inspection_notices")
    sent_on = models.DateField(_("výzva odeslána"))
    respond_by = models.DateField(_("lhůta k vyjádření do"))
    sent_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    inspected_on = models.DateField(_("nahlédnuto dne"), null=True, blank=True)
    inspected_items = models.TextField(_("do čeho žadatel nahlédl"), blank=True)
    statement = models.TextField(_("vyjádření žadatele"), blank=True)
    # The applicant said they have nothing to add: the decision may be issued before the period ends.
    statement_final = models.BooleanField(_("žadatel se vyjádřil s konečnou platností"), default=False)

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = _("seznámení s podklady")
        verbose_name_plural = _("seznámení s podklady")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.sent_on} → {self.respond_by}"

    def allows_decision_on(self, day: date) -> bool:
        return day > self.respond_by or self.statement_final


class PauseOrigin(models.TextChoices):
    # Na žádost žadatele.
    APPLICANT = "applicant", _("na žádost žadatele")
    # Rozhodnutím krajského úřadu.
    DECISION = "decision", _("rozhodnutím krajského úřadu")
    # Dítě v péči rodiny (PLACEMENT_KEEPS_REGISTER).
    PLACEMENT = "placement", _("dítě v péči rodiny")
    # Zapsáno úředníkem bez rozhodnutí (dřívější záznamy).
    OFFICE = "office", _("záznam krajského úřadu")


class RegisterPause(models.Model):
    """One pause of selection (SELECTION_PAUSE): the days from ``started_on`` to ``ended_on`` (or today) are not
    counted as waiting time in matching."""

    entry = models.ForeignKey(ApplicantRegisterEntry, on_delete=models.CASCADE, related_name="pauses")
    origin = models.CharField(_("důvod přerušení"), max_length=10, choices=PauseOrigin.choices)
    reason = models.TextField(_("důvod"))
    started_on = models.DateField(_("od"))
    until = models.DateField(_("plánováno do"), null=True, blank=True)
    ended_on = models.DateField(_("obnoveno"), null=True, blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = _("přerušení zprostředkování")
        verbose_name_plural = _("přerušení zprostředkování")
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=models.Q(ended_on__isnull=True), name="registerpause_one_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.started_on}–{self.ended_on or ''}"

    def days(self, today: date) -> int:
        return max(0, ((self.ended_on or today) - self.started_on).days)


class ChangeReview(models.Model):
    """The KÚ's task to review a change of circumstances the family reported (CHANGE_REPORT, §23k)."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="change_reviews")
    event = models.OneToOneField(JourneyEvent, on_delete=models.CASCADE, related_name="change_review")
    due_on = models.DateField(_("posoudit do"))
    done_on = models.DateField(_("posouzeno"), null=True, blank=True)
    done_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    conclusion = models.TextField(_("závěr posouzení"), blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("posouzení změny poměrů")
        verbose_name_plural = _("posouzení změn poměrů")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.due_on}"

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and today > self.due_on


class ComplexCase(models.Model):
    """The office marked the proceedings a complex case: the decision deadline is 30 days longer
    (DECISION_DEADLINE, SŘ §71(3))."""

    journey = models.OneToOneField(ApplicantJourney, on_delete=models.CASCADE, related_name="complex_case")
    reason = models.TextField(_("proč jde o složitý případ"))
    marked_on = models.DateField(_("označeno dne"))
    marked_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("zvlášť složitý případ")
        verbose_name_plural = _("zvlášť složité případy")

    def __str__(self) -> str:
        return str(self.journey_id)
