"""Vocabularies of the legal steps: assessment reasons and kinds, consents, evidence, proceedings, tasks,
breakdowns."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

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
