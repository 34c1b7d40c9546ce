"""The legal steps on the child's side of mediation (issue 14): what must be on file before a family is sought, the
evidence behind "legally free", the court proceedings that prompt the child's file, the re-check of a family at
the moment of approach, and life after the court's decision.

Records here are append-only history (the newest counts), each with who recorded it and when; the services in
``services/readiness.py``, ``services/court.py`` and ``services/aftercare.py`` write them and audit every write.
Who may do what is declared once below (``Policy`` of ``nrp.core.access``); to move to ``permissions.py`` when the
split of the app's views and API lands.

Citations render from ``nrp.law`` by rule id (the rules of these steps are in ``nrp/law/children.py``: CHILD_VIEW,
CHILD_ASSESSMENT, CHILD_CONSENT_12, INFANT_WAIVER, LEGALLY_FREE, CONSENT_REVOCATION, COURT_PETITION_CHILD_FILE,
INSTITUTIONAL_CARE_SEARCH, SELECTION, PRE_ADOPTION_CARE, FOSTER_AGREEMENT, PLACEMENT_KEEPS_REGISTER).
"""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.access import Action, Policy, Resource, Scope
from nrp.core.exceptions import ServiceError
from nrp.law.types import Rule
from workflows.child_mediation.models import Child, ChildCase, ConferenceMinutes, Placement

__all__ = [
    "AdoptionConsent",
    "ApproachSkip",
    "AssessmentIndication",
    "ChildAssessment",
    "ChildView",
    "CourtProceeding",
    "FosterAgreement",
    "LegalFreedomEvidence",
    "LegalTask",
    "PlacementBreakdown",
    "PreAdoptiveCare",
    "ReadinessWaiver",
]

# ---------------------------------------------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------------------------------------------


def rule(rule_id: str) -> Rule:
    return law.rule(rule_id)


def cite(rule_id: str, form: str = "short") -> str:
    """``nrp.law.cite``, short form by default (screens and messages of these steps)."""
    return law.cite(rule_id, form)


class _KeepOthers(dict):
    """Fills the citation placeholders and keeps the others (``%(child)s``) for the caller's own ``%``."""

    def __missing__(self, key: str) -> str:
        return f"%({key})s"


def _format(msg, form: str, ids: dict[str, str]) -> str:
    return str(msg) % _KeepOthers({name: law.cite(rule_id, form) for name, rule_id in ids.items()})


_format_lazy = lazy(_format, str)


def message(msg, *, form: str = "short", **ids: str):
    """``nrp.law.message`` whose other ``%(name)s`` placeholders survive for the caller:
    ``message(_("%(child)s … (%(law)s)"), law="CHILD_VIEW") % {"child": …}``."""
    for rule_id in ids.values():
        law.rule(rule_id)  # fail early on a typo
    return _format_lazy(msg, form, ids)


# The rules the screens of the legal steps cite (rendered once per page).
CITED_ON_SCREENS = (
    "CHILD_VIEW",
    "CHILD_ASSESSMENT",
    "CHILD_CONSENT_12",
    "INFANT_WAIVER",
    "LEGALLY_FREE",
    "CONSENT_REVOCATION",
    "SELECTION",
    "COURT_PETITION_CHILD_FILE",
    "INSTITUTIONAL_CARE_SEARCH",
    "PRE_ADOPTION_CARE",
    "FOSTER_AGREEMENT",
    "PLACEMENT_KEEPS_REGISTER",
)

# The numbers the steps use (the region's setting, once nrp.law absorbs them, overrides the shipped default).
ASSESSMENT_FROM_AGE = law.default("CHILD_ASSESSMENT_AGE")
WAIVER_UNDER_AGE = law.default("INFANT_WAIVER")
CONSENT_AGE = law.default("CHILD_CONSENT_12")
CONSENT_REVOCATION_MONTHS = law.default("CONSENT_REVOCATION")
CHILD_FILE_DAYS = law.default("COURT_PETITION_CHILD_FILE")


# ---------------------------------------------------------------------------------------------------------------
# Who may (policies of nrp.core.access; the scope is checked against the case)
# ---------------------------------------------------------------------------------------------------------------

# Read the legal steps of a case: the region's officers and the child's OSPOD.
READ_LEGAL = Policy(Action.READ, Resource.CHILD_FILE, scopes={Scope.REGION, Scope.ORP})
# The child's view (§8(2)) and court proceedings: the region's officers and the OSPOD of the child's ORP.
RECORD_VIEW = Policy(Action.WRITE, Resource.CHILD_FILE, scopes={Scope.REGION, Scope.ORP})
RECORD_PROCEEDING = RECORD_VIEW
# Assessment, consent, legal-status evidence, life after the court: the child's officer (region of the case).
RECORD_OFFICER = Policy(Action.WRITE, Resource.CHILD_FILE, scopes={Scope.REGION})
# Decisions with legal effect: waiving the view for an infant, skipping a family that no longer fits.
DECIDE_OFFICER = Policy(Action.DECIDE, Resource.CHILD_FILE, scopes={Scope.REGION})


# Both bases define ``message`` and ``code``; ServiceError's (set last in __init__) are the ones that count.
class LegalStepRefused(ServiceError, ValidationError):  # type: ignore[misc]
    """A legal step refused, with a stable ``code`` (API problem code) and a Czech message citing the rule.

    A ``ServiceError`` (nrp.core.exceptions) that is also a Django ``ValidationError``: the guards run inside the
    older services (ranking, approach, court decision) whose screens and API views catch ``ValidationError``, so
    they show the message (and the API its code) without a change on their side.
    """

    def __init__(self, message, code: str, *, field: str | None = None, **details) -> None:
        ServiceError.__init__(self, message, code, field=field)
        self.details = details


# ---------------------------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------------------------


class AssessmentNeedReason(models.TextChoices):
    """Why the child's expert assessment is needed (CHILD_ASSESSMENT)."""

    # Věk dítěte (od CHILD_ASSESSMENT_AGE let vždy).
    AGE = "age", _("věk dítěte")
    # Potřeby ve spisu, které musí rodina znát (poruchy chování, mentální postižení, opožděný vývoj, expozice).
    HEALTH = "health", _("zdravotní a vývojové potřeby ve spisu")
    # Doporučení lékaře.
    DOCTOR = "doctor", _("doporučení lékaře")
    # Jiné okolnosti zaznamenané pracovníkem (trauma, týrání, opakované umístění …).
    OTHER = "other", _("jiné okolnosti")


# What an officer records as a reason (age and health needs are read from the file itself).
INDICATION_CHOICES = [(r.value, r.label) for r in (AssessmentNeedReason.DOCTOR, AssessmentNeedReason.OTHER)]


class AssessmentKind(models.TextChoices):
    # Psychologické posouzení.
    PSYCHOLOGICAL = "psychological", _("psychologické")
    # Pedopsychiatrické posouzení.
    PSYCHIATRIC = "psychiatric", _("pedopsychiatrické")
    # Posouzení vývoje (pediatr, neurolog, speciální pedagog).
    DEVELOPMENTAL = "developmental", _("vývojové (pediatr, speciální pedagog)")
    # Jiné odborné posouzení.
    OTHER = "other", _("jiné")


class HearingMethod(models.TextChoices):
    """How the child was heard (CHILD_VIEW, §8(2))."""

    # Rozhovor s dítětem.
    INTERVIEW = "interview", _("rozhovor")
    # Hra, kresba, práce s kartami.
    PLAY = "play", _("hra nebo kresba")
    # Dítě napsalo samo.
    WRITTEN = "written", _("písemně (dítě samo)")
    # Pozorování (malé nebo nemluvící dítě).
    OBSERVATION = "observation", _("pozorování")
    # Zprostředkovaně blízkou osobou (pěstoun na přechodnou dobu, klíčový pracovník).
    THROUGH_CARER = "carer", _("zprostředkovaně pečující osobou")


class ConsentDecision(models.TextChoices):
    """The child's own answer to adoption (CHILD_CONSENT_12, civil code §806)."""

    # Dítě s osvojením souhlasí.
    GIVEN = "given", _("souhlasí")
    # Dítě s osvojením nesouhlasí: osvojení nelze zprostředkovat.
    REFUSED = "refused", _("nesouhlasí")
    # Dítě není schopno posoudit důsledky souhlasu (doloženo odborníkem); souhlas se nevyžaduje (U).
    NOT_CAPABLE = "not_capable", _("není schopno posoudit důsledky (doloženo)")


class EvidenceKind(models.TextChoices):
    """What makes a child legally free (LEGALLY_FREE, civil code §818–§821)."""

    # Souhlas rodiče s osvojením (účinný po uplynutí lhůty k odvolání, CONSENT_REVOCATION).
    PARENT_CONSENT = "consent", _("souhlas rodiče s osvojením")
    # Pravomocné rozhodnutí soudu, že souhlasu rodiče není třeba (např. zjevný nezájem).
    COURT_DECISION = "court", _("rozhodnutí soudu, že souhlasu rodiče není třeba")
    # Úmrtí rodiče (úmrtní list).
    PARENT_DEATH = "death", _("úmrtí rodiče")
    # Rodič není znám / otcovství neurčeno (rodný list).
    PARENT_UNKNOWN = "unknown", _("rodič neznámý / otcovství neurčeno")


class Parent(models.TextChoices):
    MOTHER = "mother", _("matka")
    FATHER = "father", _("otec")
    BOTH = "both", _("oba rodiče")


class ProceedingKind(models.TextChoices):
    """Court proceedings that may place the child outside the family (COURT_PETITION_CHILD_FILE)."""

    # Předběžné opatření (svěření do péče jiné osoby nebo zařízení).
    INTERIM_MEASURE = "interim", _("předběžné opatření")
    # Řízení o nařízení ústavní výchovy: also re-opens the search in other regions (INSTITUTIONAL_CARE_SEARCH).
    INSTITUTIONAL_CARE = "institutional", _("ústavní výchova")
    # Řízení o tom, že souhlasu rodičů s osvojením není třeba (nezájem).
    NO_INTEREST = "no_interest", _("nezájem rodičů (souhlas s osvojením není třeba)")


class TaskKind(models.TextChoices):
    """Tasks of the legal steps, each with its deadline, for the child's officers and/or OSPOD."""

    # OSPOD pošle spis dítěte krajskému úřadu (COURT_PETITION_CHILD_FILE).
    SEND_CHILD_FILE = "child_file", _("odeslat spis dítěte krajskému úřadu")
    # Kraj znovu požádá ostatní kraje o vyhledání rodiny (INSTITUTIONAL_CARE_SEARCH).
    ASK_OTHER_REGIONS = "other_regions", _("znovu požádat ostatní kraje o vyhledání rodiny")
    # Automatické oslovení další rodiny se zastavilo: dítě není připraveno nebo rodina už nevyhovuje.
    APPROACH_STOPPED = "approach_stopped", _("oslovení další rodiny čeká na pracovníka")
    # Dohoda o výkonu pěstounské péče nebyla uzavřena ve lhůtě (FOSTER_AGREEMENT).
    AGREEMENT_OVERDUE = "agreement_overdue", _("dohoda o výkonu pěstounské péče po lhůtě")
    # Uplynulo 6 měsíců péče budoucích osvojitelů: lze podat návrh na osvojení (PRE_ADOPTION_CARE).
    ADOPTION_PETITION = "adoption_petition", _("lze podat návrh na osvojení")
    # Svěření se rozpadlo: rozhodnout o dalším postupu pro dítě a rodinu.
    BREAKDOWN = "breakdown", _("rozpad svěření: další postup")


class BreakdownReason(models.TextChoices):
    """Coded reasons of a placement breakdown (feeds the outcome statistics)."""

    # Chování dítěte přesáhlo možnosti rodiny.
    CHILD_BEHAVIOUR = "child_behaviour", _("chování dítěte nad možnosti rodiny")
    # Nevytvořil se vztah (citová vazba).
    ATTACHMENT = "attachment", _("nevytvořila se citová vazba")
    # Očekávání rodiny neodpovídala potřebám dítěte.
    EXPECTATIONS = "expectations", _("očekávání rodiny neodpovídala potřebám dítěte")
    # Zdraví dítěte (nově zjištěné nebo zhoršené potřeby).
    CHILD_HEALTH = "child_health", _("zdraví dítěte")
    # Krize v rodině (rozvod, nemoc, úmrtí, finance).
    FAMILY_CRISIS = "family_crisis", _("krize v rodině")
    # Konflikt kolem kontaktu s biologickou rodinou.
    BIRTH_FAMILY = "birth_family", _("kontakt s biologickou rodinou")
    # Ohrožení dítěte v rodině (zanedbání, týrání).
    CHILD_AT_RISK = "child_at_risk", _("ohrožení dítěte v rodině")
    # Přání dítěte odejít.
    CHILD_WISH = "child_wish", _("přání dítěte")
    # Návrat do biologické rodiny.
    RETURN_HOME = "return_home", _("návrat do biologické rodiny")
    # Jiný důvod (popsán v poznámce).
    OTHER = "other", _("jiný důvod")


class BreakdownInitiator(models.TextChoices):
    FAMILY = "family", _("rodina")
    CHILD = "child", _("dítě")
    OSPOD = "ospod", _("OSPOD")
    COURT = "court", _("soud")
    OTHER = "other", _("jiný")


# ---------------------------------------------------------------------------------------------------------------
# Before matching: assessment, the child's view, consent, waiver
# ---------------------------------------------------------------------------------------------------------------


class ChildRecord(models.Model):
    """A dated record about one child, kept as history (the newest counts)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="+", verbose_name=_("dítě"))
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("zaznamenáno"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.child}"


class AssessmentIndication(ChildRecord):
    """A doctor's recommendation or other facts that make the child's expert assessment needed."""

    reason = models.CharField(_("důvod"), max_length=10, choices=INDICATION_CHOICES)
    note = models.TextField(_("co k posouzení vede"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("důvod k posouzení dítěte")
        verbose_name_plural = _("důvody k posouzení dítěte")


class ChildAssessment(ChildRecord):
    """The child's expert assessment (odborné posouzení dítěte, CHILD_ASSESSMENT)."""

    kind = models.CharField(_("druh posouzení"), max_length=14, choices=AssessmentKind.choices)
    assessed_on = models.DateField(_("posouzeno dne"))
    assessor = models.CharField(_("kdo posoudil (jméno, odbornost, pracoviště)"), max_length=300)
    conclusions = models.TextField(_("závěry pro výběr rodiny"))
    recommendations = models.TextField(_("doporučení"), blank=True)

    class Meta(ChildRecord.Meta):
        verbose_name = _("odborné posouzení dítěte")
        verbose_name_plural = _("odborná posouzení dětí")


class ChildView(ChildRecord):
    """The child's own view (CHILD_VIEW, §8(2)): how it was heard, by whom, in the child's own words."""

    heard_on = models.DateField(_("vyslechnuto dne"))
    heard_by = models.CharField(_("kdo dítě vyslechl (jméno, role)"), max_length=300)
    method = models.CharField(_("jak bylo dítě vyslechnuto"), max_length=12, choices=HearingMethod.choices)
    circumstances = models.TextField(_("okolnosti (kde, kdo byl přítomen)"), blank=True)
    words = models.TextField(_("názor dítěte jeho slovy"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("názor dítěte")
        verbose_name_plural = _("názory dětí")


class AdoptionConsent(ChildRecord):
    """A child of 12 or more and adoption (CHILD_CONSENT_12, civil code §806)."""

    decision = models.CharField(_("vyjádření dítěte"), max_length=12, choices=ConsentDecision.choices)
    given_on = models.DateField(_("dne"))
    how = models.TextField(_("před kým a jak se dítě vyjádřilo"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("souhlas dítěte s osvojením")
        verbose_name_plural = _("souhlasy dětí s osvojením")


class ReadinessWaiver(ChildRecord):
    """An officer's decision that an infant's view and assessment are not recorded before matching (INFANT_WAIVER).

    Valid only while the child is younger than ``WAIVER_UNDER_AGE``: a birthday ends it.
    """

    reason = models.TextField(_("důvod"))

    class Meta(ChildRecord.Meta):
        verbose_name = _("upuštění od záznamu u malého dítěte")
        verbose_name_plural = _("upuštění od záznamu u malých dětí")


# ---------------------------------------------------------------------------------------------------------------
# Legal status with evidence
# ---------------------------------------------------------------------------------------------------------------


class LegalFreedomEvidence(ChildRecord):
    """One piece of evidence that a parent's consent to adoption is given or not needed (LEGALLY_FREE).

    The child is legally free when both parents are covered by evidence in force: a consent once the revocation
    period ended (CONSENT_REVOCATION), a court decision once final, a death, an unknown parent.
    """

    kind = models.CharField(_("doklad"), max_length=8, choices=EvidenceKind.choices)
    parent = models.CharField(_("rodič"), max_length=6, choices=Parent.choices)
    # Consent given / decision issued / date of death / date of the birth-register entry.
    act_date = models.DateField(_("datum"))
    # Právní moc of a court decision (required for COURT_DECISION).
    final_on = models.DateField(_("právní moc"), null=True, blank=True)
    document = models.CharField(_("doklad (spisová značka, číslo listu)"), max_length=200)
    note = models.TextField(_("poznámka"), blank=True)
    # A revoked consent or an overturned decision stays on file, no longer in force.
    withdrawn_on = models.DateField(_("pozbylo účinku dne"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("proč pozbylo účinku"), blank=True)

    class Meta(ChildRecord.Meta):
        verbose_name = _("doklad o právní volnosti")
        verbose_name_plural = _("doklady o právní volnosti")

    def in_force_from(self) -> date | None:
        """The day this evidence counts, or None when it never will (withdrawn, decision not final)."""
        if self.withdrawn_on is not None:
            return None
        if self.kind == EvidenceKind.COURT_DECISION:
            return self.final_on
        if self.kind == EvidenceKind.PARENT_CONSENT:
            from workflows.child_mediation.deadlines import add_months

            return add_months(self.act_date, CONSENT_REVOCATION_MONTHS)
        return self.act_date

    def covers(self) -> set[str]:
        return {Parent.MOTHER, Parent.FATHER} if self.parent == Parent.BOTH else {self.parent}


# ---------------------------------------------------------------------------------------------------------------
# Court proceedings and tasks
# ---------------------------------------------------------------------------------------------------------------


class CourtProceeding(models.Model):
    """Proceedings the OSPOD started that may place the child outside the family (COURT_PETITION_CHILD_FILE).

    Recorded by the OSPOD, often before the child is proposed (then ``case`` is empty and ``child_label`` says which
    child): the child's file is due at the KÚ by ``file_due_on``; sending it (proposing the child, or sending the
    update of a child already in the register) fills ``file_sent_on`` and links the case.
    """

    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("kraj"))
    orp = models.ForeignKey("core.Orp", on_delete=models.PROTECT, related_name="+", verbose_name=_("ORP"))
    case = models.ForeignKey(
        ChildCase, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("případ")
    )
    # Only where no case exists yet: which child the OSPOD means (its own reference or the child's name).
    child_label = models.CharField(_("dítě (značka OSPOD)"), max_length=200, blank=True)
    kind = models.CharField(_("řízení"), max_length=14, choices=ProceedingKind.choices)
    filed_on = models.DateField(_("návrh podán dne"))
    court = models.CharField(_("soud"), max_length=200)
    court_reference = models.CharField(_("spisová značka"), max_length=100, blank=True)
    file_due_on = models.DateField(_("spis dítěte odeslat do"))
    file_sent_on = models.DateField(_("spis dítěte odeslán dne"), null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("zaznamenáno"), default=timezone.now)

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("soudní řízení o dítěti")
        verbose_name_plural = _("soudní řízení o dětech")
        indexes = [
            # the OSPOD's queue: proceedings of its ORP whose child's file is not sent yet
            models.Index(fields=["orp", "file_sent_on"], name="proceeding_orp_file_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on:%d. %m. %Y}"


class LegalTask(models.Model):
    """A task of the legal steps with its deadline, in the queue of the region's officers and/or the child's OSPOD."""

    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="+")
    orp = models.ForeignKey("core.Orp", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, null=True, blank=True, related_name="legal_tasks")
    proceeding = models.ForeignKey(CourtProceeding, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(_("úkol"), max_length=20, choices=TaskKind.choices)
    # Makes the creators idempotent: one open task per case/proceeding, kind and key.
    key = models.CharField(max_length=60, blank=True, default="")
    for_officer = models.BooleanField(_("pro krajský úřad"), default=True)
    for_ospod = models.BooleanField(_("pro OSPOD"), default=False)
    due_on = models.DateField(_("termín"), null=True, blank=True)
    note = models.TextField(_("poznámka"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_on = models.DateField(_("splněno dne"), null=True, blank=True)
    done_by = models.ForeignKey("core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("úkol k dítěti")
        verbose_name_plural = _("úkoly k dětem")
        indexes = [
            # the queues: open tasks of a region (officers) or an ORP (OSPOD), by deadline
            models.Index(fields=["region", "done_on", "due_on"], name="legaltask_region_open"),
            models.Index(fields=["orp", "done_on", "due_on"], name="legaltask_orp_open"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.case or self.proceeding})"

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < timezone.localdate()


# ---------------------------------------------------------------------------------------------------------------
# The re-check at the moment of approach (SELECTION, §24)
# ---------------------------------------------------------------------------------------------------------------


class ApproachSkip(models.Model):
    """A family on the conference's list that no longer fits the child today, skipped with the officer's confirmation.

    ``rule`` is the hard rule of the matching engine it broke (``matching.criteria.hard``), ``reason`` its Czech text
    as shown to the officer at the time.
    """

    case = models.ForeignKey(ChildCase, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey("applicant_journey.ApplicantRegisterEntry", on_delete=models.PROTECT, related_name="+")
    minutes = models.ForeignKey(ConferenceMinutes, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    rule = models.CharField(_("pravidlo"), max_length=40)
    reason = models.TextField(_("proč rodina nevyhovuje"))
    note = models.TextField(_("poznámka pracovníka"))
    confirmed_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(_("potvrzeno"), default=timezone.now)

    class Meta:
        ordering = ["confirmed_at", "pk"]
        verbose_name = _("přeskočená rodina")
        verbose_name_plural = _("přeskočené rodiny")
        constraints = [models.UniqueConstraint(fields=["case", "entry"], name="approachskip_unique_case_entry")]

    def __str__(self) -> str:
        return f"{self.case.reference} ↷ #{self.entry_id}"


# ---------------------------------------------------------------------------------------------------------------
# After the court
# ---------------------------------------------------------------------------------------------------------------


class PreAdoptiveCare(models.Model):
    """Care by the future adopters (péče budoucích osvojitelů, PRE_ADOPTION_CARE, civil code §829) and the adoption."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="pre_adoptive_care")
    started_on = models.DateField(_("péče budoucích osvojitelů od"))
    petition_possible_on = models.DateField(_("návrh na osvojení nejdříve"))
    petition_filed_on = models.DateField(_("návrh na osvojení podán"), null=True, blank=True)
    petition_court = models.CharField(_("soud"), max_length=200, blank=True)
    adoption_decided_on = models.DateField(_("rozhodnutí o osvojení"), null=True, blank=True)
    adoption_final_on = models.DateField(_("právní moc osvojení"), null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("péče budoucích osvojitelů")
        verbose_name_plural = _("péče budoucích osvojitelů")

    def __str__(self) -> str:
        return str(self.placement)


class FosterAgreement(models.Model):
    """The foster-care agreement (dohoda o výkonu pěstounské péče, FOSTER_AGREEMENT, §47b); a late one is flagged."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="foster_agreement")
    signed_on = models.DateField(_("uzavřena dne"))
    due_on = models.DateField(_("lhůta"))
    # The accompanying organisation (ACCOMPANYING_ORGANISATION, §48), or another party (the ORP, the KÚ).
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    other_party = models.CharField(_("jiná strana dohody (ORP, krajský úřad)"), max_length=200, blank=True)
    late_days = models.PositiveIntegerField(_("po lhůtě (dní)"), default=0)
    late_reason = models.TextField(_("proč po lhůtě"), blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dohoda o výkonu pěstounské péče")
        verbose_name_plural = _("dohody o výkonu pěstounské péče")

    def __str__(self) -> str:
        return str(self.placement)

    @property
    def is_late(self) -> bool:
        return self.late_days > 0


class PlacementBreakdown(models.Model):
    """The end of a placement before its time (rozpad náhradní rodinné péče), with coded reasons."""

    placement = models.OneToOneField(Placement, on_delete=models.PROTECT, related_name="breakdown")
    ended_on = models.DateField(_("ukončeno dne"))
    reasons = ArrayField(
        models.CharField(max_length=16, choices=BreakdownReason.choices), verbose_name=_("důvody"), default=list
    )
    initiated_by = models.CharField(_("z podnětu"), max_length=8, choices=BreakdownInitiator.choices)
    note = models.TextField(_("popis"))
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rozpad svěření")
        verbose_name_plural = _("rozpady svěření")

    def __str__(self) -> str:
        return str(self.placement)

    @property
    def reason_labels(self) -> list[str]:
        return [str(BreakdownReason(code).label) for code in self.reasons]


CHILD_RECORD_MODELS = (
    AssessmentIndication,
    ChildAssessment,
    ChildView,
    AdoptionConsent,
    ReadinessWaiver,
    LegalFreedomEvidence,
)


def anonymise_legal_records(case: ChildCase) -> None:
    """Retention: blank every free text about the child in these records (the dated facts and codes stay)."""
    children = list(case.children.values_list("pk", flat=True))
    AssessmentIndication.objects.filter(child_id__in=children).update(note="")
    ChildAssessment.objects.filter(child_id__in=children).update(assessor="", conclusions="", recommendations="")
    ChildView.objects.filter(child_id__in=children).update(heard_by="", circumstances="", words="")
    AdoptionConsent.objects.filter(child_id__in=children).update(how="")
    ReadinessWaiver.objects.filter(child_id__in=children).update(reason="")
    LegalFreedomEvidence.objects.filter(child_id__in=children).update(document="", note="", withdrawn_reason="")
    CourtProceeding.objects.filter(case=case).update(child_label="")
    LegalTask.objects.filter(case=case).update(note="")
    ApproachSkip.objects.filter(case=case).update(note="")
    PlacementBreakdown.objects.filter(placement__case=case).update(note="")
    FosterAgreement.objects.filter(placement__case=case).update(late_reason="")
