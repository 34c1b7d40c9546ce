"""The application under §23a (APPLICATION_CONTENTS): the people it names and their stay, the ÚMPOD choices, and
its forwarding to the competent ORP (FORWARD_TO_COMPETENT, správní řád §12)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import HouseholdMember, Orp, User
from workflows.applicant_journey.models.journey import ApplicantJourney


class StayKind(models.TextChoices):
    """The applicant's status in Czechia: who may apply (APPLICATION_ELIGIBILITY, §23a(1))."""

    # Státní občan ČR s trvalým pobytem.
    CITIZEN = "citizen", _("státní občan ČR s trvalým pobytem")
    # Cizinec oprávněný podle práva EU (pracovník, OSVČ, zachování postavení, rodinný příslušník).
    EU_RIGHT = "eu", _("cizinec s oprávněním podle práva EU")
    # Cizinec s povolením k trvalému pobytu.
    PERMANENT = "permanent", _("cizinec s povoleným trvalým pobytem")
    # Cizinec s přechodným pobytem (nepřetržitě alespoň 365 dní).
    TEMPORARY = "temporary", _("cizinec s přechodným pobytem")
    # Bez pobytu v ČR.
    NONE = "none", _("bez pobytu v ČR")


class Relation(models.TextChoices):
    """How a person named in the application belongs to the household (§23a(2))."""

    # Žadatel (člen domácnosti, který žádá).
    APPLICANT = "applicant", _("žadatel")
    # Manžel, registrovaný partner nebo partner žijící v domácnosti (souhlas s přípravou).
    PARTNER = "partner", _("manžel / partner v domácnosti")
    # Dítě v domácnosti.
    CHILD = "child", _("dítě v domácnosti")
    # Jiná osoba v domácnosti.
    OTHER = "other", _("jiná osoba v domácnosti")


# Persons whose consent to the preparation the application must carry (APPLICATION_CONTENTS, §23a(2)).
CONSENTING_RELATIONS = {Relation.APPLICANT, Relation.PARTNER}


class ApplicationPerson(models.Model):
    """One person named in the application: identity data, citizenship, kind and length of stay, habitual
    residence and, for the applicants and partner, the consent to the preparation. Reads are audited."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="application_persons")
    # The household member when the person is an applicant with a record in NRP.
    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    relation = models.CharField(_("vztah k domácnosti"), max_length=10, choices=Relation.choices)
    first_name = models.CharField(_("jméno"), max_length=100)
    last_name = models.CharField(_("příjmení"), max_length=100)
    birth_surname = models.CharField(_("rodné příjmení"), max_length=100, blank=True)
    birth_number = models.CharField(_("rodné číslo"), max_length=11, blank=True)
    born_on = models.DateField(_("datum narození"), null=True, blank=True)
    birth_place = models.CharField(_("místo narození"), max_length=100, blank=True)
    citizenship = models.CharField(_("státní občanství"), max_length=60, blank=True)
    stay_kind = models.CharField(_("druh pobytu"), max_length=10, choices=StayKind.choices, blank=True)
    # The start of the continuous stay (the 365 days of a temporary stay count from here).
    stay_since = models.DateField(_("pobyt v ČR nepřetržitě od"), null=True, blank=True)
    habitual_residence_cz = models.BooleanField(_("obvyklé bydliště v ČR"), default=True)
    # The consent to take part in the preparation (§23a(2)): the day it was given, empty when not given.
    preparation_consent_on = models.DateField(_("souhlas s přípravou dne"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("osoba v žádosti")
        verbose_name_plural = _("osoby v žádosti")
        constraints = [
            models.UniqueConstraint(
                fields=["journey", "member"], name="applicationperson_member", condition=models.Q(member__isnull=False)
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ApplicationChoices(models.Model):
    """The choices the application states once for the household (§23a(2)): the ÚMPOD offer and whether only
    intercountry adoption is sought; whether the family applies again (a region may set a shorter course)."""

    journey = models.OneToOneField(ApplicantJourney, on_delete=models.CASCADE, related_name="application_choices")
    # Souhlas s nabídnutím ÚMPOD po uplynutí doby podle § 23i odst. 4 (UMPOD_OFFER_PERIOD); None = not answered.
    umpod_offer_consent = models.BooleanField(_("souhlas s nabídnutím ÚMPOD"), null=True, blank=True)
    # Žádá jen o zprostředkování mezinárodního osvojení; None = not answered.
    intercountry_only = models.BooleanField(_("jen mezinárodní osvojení"), null=True, blank=True)
    repeat_applicant = models.BooleanField(_("opakovaná žádost"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("volby žádosti")
        verbose_name_plural = _("volby žádostí")

    def __str__(self) -> str:
        return f"{self.journey_id}"


class ApplicationForwarding(models.Model):
    """The application reached an ORP that is not competent; it was forwarded (postoupení, SŘ §12) and the
    applicant told. The history of every forwarding is kept."""

    journey = models.ForeignKey(ApplicantJourney, on_delete=models.CASCADE, related_name="forwardings")
    from_orp = models.ForeignKey(Orp, on_delete=models.PROTECT, related_name="+", verbose_name=_("z ORP"))
    to_orp = models.ForeignKey(Orp, on_delete=models.PROTECT, related_name="+", verbose_name=_("příslušné ORP"))
    forwarded_on = models.DateField(_("postoupeno dne"))
    reason = models.TextField(_("důvod"))
    forwarded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("postoupení žádosti")
        verbose_name_plural = _("postoupení žádostí")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.from_orp_id} → {self.to_orp_id}"
