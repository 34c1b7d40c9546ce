"""Documents of the application: upload with content sniffing, versions kept, review with reasons."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.notifications import events as notifications
from workflows.applicant_journey.models import (
    ApplicantJourney,
    DocumentStatus,
    DocumentVersion,
    EventKind,
    JourneyDocument,
)
from workflows.applicant_journey.services.tasks import record_event

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

FILE_TOO_LARGE = _("Soubor je příliš velký (nejvýše 10 MB).")
FILE_EMPTY = _("Soubor je prázdný.")
FILE_WRONG_TYPE = _("Nahrajte prosím PDF, JPEG nebo PNG. Tento soubor takovým formátem není.")
REVIEW_REASON_REQUIRED = _("Uveďte, proč dokument vracíte.")
NOTHING_TO_REVIEW = _("Dokument zatím nebyl nahrán.")


def sniff_content_type(head: bytes) -> str | None:
    """The real type from the file's first bytes (magic numbers), whatever its name or the browser says."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


@transaction.atomic
def document_upload(*, document: JourneyDocument, actor, upload) -> DocumentVersion:
    """Store a new version of ``document`` (old versions are kept) and mark it submitted."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": FILE_TOO_LARGE})
    if upload.size == 0:
        raise ValidationError({"file": FILE_EMPTY})
    upload.seek(0)
    head = upload.read(16)
    content_type = sniff_content_type(head)
    if content_type is None:
        raise ValidationError({"file": FILE_WRONG_TYPE})
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    version = DocumentVersion(
        document=document,
        original_name=(upload.name or "")[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=actor,
    )
    version.file.save("upload", upload, save=False)
    version.save()
    document.status = DocumentStatus.SUBMITTED
    document.rejection_reason = ""
    document.save(update_fields=["status", "rejection_reason", "updated_at"])
    journey = document.journey
    record_event(journey, actor=actor, kind=EventKind.DOCUMENT, document_id=document.pk, version_id=version.pk)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=version,
        household=journey.household,
        region=journey.region,
        details={"document": document.pk, "kind": document.kind},
    )
    notifications.document_uploaded(version, actor)
    return version


@transaction.atomic
def document_review(*, document: JourneyDocument, actor, status: str, reason: str = "") -> JourneyDocument:
    if not document.versions.exists():
        raise ValidationError(NOTHING_TO_REVIEW)
    if status == DocumentStatus.REJECTED and not reason.strip():
        raise ValidationError({"reason": REVIEW_REASON_REQUIRED})
    if status not in (DocumentStatus.ACCEPTED, DocumentStatus.REJECTED):
        raise ValidationError({"status": _("Neplatný výsledek kontroly.")})
    document.status = status
    document.rejection_reason = reason.strip() if status == DocumentStatus.REJECTED else ""
    document.save(update_fields=["status", "rejection_reason", "updated_at"])
    journey = document.journey
    event = record_event(journey, actor=actor, kind=EventKind.DOCUMENT, document_id=document.pk, status=status)
    notifications.document_reviewed(document, actor=actor, event_id=event.pk)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=document,
        household=journey.household,
        region=journey.region,
        details={"status": status},
    )
    return document


def version_for_journey(*, journey: ApplicantJourney, version_id: int) -> DocumentVersion | None:
    return DocumentVersion.objects.filter(pk=version_id, document__journey=journey).select_related("document").first()


COUNTRY_REQUIRED = _("Uveďte zemi.")


@transaction.atomic
def criminal_record_requirement_add(
    *, journey: ApplicantJourney, actor, member_id: int, country: str
) -> JourneyDocument:
    """An applicant lived abroad for more than 3 months: an extract from that country's register is required."""
    country = country.strip()[:60]
    if not country:
        raise ValidationError({"country": COUNTRY_REQUIRED})
    member = journey.household.members.filter(pk=member_id).first()
    if member is None:
        raise ValidationError({"member": _("Tento žadatel do domácnosti nepatří.")})
    document, _created = JourneyDocument.objects.get_or_create(
        journey=journey, member=member, kind="criminal", country=country
    )
    record_event(journey, actor=actor, kind=EventKind.DOCUMENT, document_id=document.pk, added=True)
    return document
