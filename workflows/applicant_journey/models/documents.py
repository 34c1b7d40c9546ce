"""The documents of the application (APPLICANT_FILE, §23c checklist) and their uploaded versions."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.models import HouseholdMember, User
from workflows.applicant_journey.models.journey import ApplicantJourney


class DocumentKind(models.TextChoices):
    """Parts of the application (APPLICANT_FILE, §23c); per applicant unless marked per household."""

    # Formulář žádosti s dotazníkem (per household).
    APPLICATION_FORM = "form", _("žádost s dotazníkem")
    # Doklad o státním občanství nebo trvalém pobytu / pobytu alespoň 365 dní.
    CITIZENSHIP = "citizenship", _("doklad o občanství či pobytu")
    # Výpis z evidence Rejstříku trestů ze země, kde žadatel žil déle než 3 měsíce (český si vyžádá ORP).
    CRIMINAL_RECORD = "criminal", _("výpis z rejstříku trestů (cizina)")
    # Výpis z evidence Rejstříku trestů ČR: vyžádá si ho ORP sama (CRIMINAL_RECORD_CZ), žadatel ho nenahrává.
    CZECH_CRIMINAL_RECORD = "cz_criminal", _("výpis z rejstříku trestů ČR (vyžádá ORP)")
    # Zpráva o zdravotním stavu od registrujícího lékaře.
    HEALTH_REPORT = "health", _("zpráva o zdravotním stavu")
    # Údaje o ekonomických a sociálních poměrech.
    ECONOMIC = "economic", _("ekonomické a sociální poměry")
    # Písemné souhlasy (šetření, příprava, mezinárodní osvojení).
    CONSENTS = "consents", _("souhlasy žadatele")
    # Vyjádření organizace, se kterou má rodina dohodu o výkonu pěstounské péče (per household).
    FOSTER_AGREEMENT_STATEMENT = "agreement", _("vyjádření doprovázející organizace")
    # Písemné zpětvzetí žádosti, které za žadatele zapsal pracovník úřadu (WITHDRAWAL_BY_APPLICANT); mimo seznam.
    WITHDRAWAL = "withdrawal", _("písemné zpětvzetí žádosti")


HOUSEHOLD_DOCUMENT_KINDS = {DocumentKind.APPLICATION_FORM, DocumentKind.FOSTER_AGREEMENT_STATEMENT}
# Required for everyone (the foster-agreement statement only where the family already fosters; criminal-record
# extracts only per country lived in for more than 3 months, added by the applicant).
REQUIRED_DOCUMENT_KINDS = [
    DocumentKind.APPLICATION_FORM,
    DocumentKind.CITIZENSHIP,
    DocumentKind.CZECH_CRIMINAL_RECORD,
    DocumentKind.HEALTH_REPORT,
    DocumentKind.ECONOMIC,
    DocumentKind.CONSENTS,
]
# The items of the §23c checklist (COMPLETENESS_GATE): everything but records outside it (a written withdrawal).
CHECKLIST_DOCUMENT_KINDS = set(DocumentKind) - {DocumentKind.WITHDRAWAL}
# Obtained by the ORP itself: the applicant's "doplněno" never waits for them.
ORP_OBTAINS_KINDS = {DocumentKind.CZECH_CRIMINAL_RECORD}


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

    @property
    def versions_newest_first(self) -> list[DocumentVersion]:
        """The uploaded versions, newest first (as the API and the screens list them); from the prefetch of
        ``selectors.documents_for_journey`` when there is one, so a list of documents is not a query each."""
        cached = getattr(self, "_prefetched_objects_cache", {}).get("versions")
        if cached is not None:
            return sorted(cached, key=lambda v: (v.uploaded_at, v.pk), reverse=True)
        return list(self.versions.select_related("uploaded_by").order_by("-uploaded_at", "-pk"))


def document_upload_path(instance: DocumentVersion, filename: str) -> str:
    # Never the original name in the path (it may carry a name); ids and a random token only.
    import secrets

    ext = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(instance.content_type, "bin")
    return f"journeys/{instance.document.journey_id}/{instance.document_id}/{secrets.token_hex(8)}.{ext}"


# Migrations name the function by its old home; keep the path they deconstruct to (no migration for a move).
document_upload_path.__module__ = "workflows.applicant_journey.models"


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
