"""Documents of the application: upload a version, review (accept or return), download (audited), and add a
foreign criminal-record extract to the checklist."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from nrp.audit.services import audit_read
from nrp.core.files import serve_protected_file
from nrp.core.web import AuthenticatedHttpRequest, policy_required, safe_next, submit
from workflows.applicant_journey import forms, permissions
from workflows.applicant_journey.models import ApplicantJourney, JourneyDocument
from workflows.applicant_journey.services import documents
from workflows.applicant_journey.views.common import PAGE_TYPE, deny_on, journey_or_404


def _document_of(journey: ApplicantJourney, document_id: int) -> JourneyDocument:
    document = journey.documents.filter(pk=document_id).first()
    if document is None:
        raise Http404
    return document


@policy_required(permissions.HANDLE_DOCUMENTS, on_object=True)
def document_upload(request: AuthenticatedHttpRequest, journey_id: int, document_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    if not permissions.HANDLE_DOCUMENTS.allows(request.user, journey):
        deny_on(request, journey, reason="document upload")
    document = _document_of(journey, document_id)
    form = forms.DocumentUploadForm(request.POST or None, request.FILES or None)
    done = submit(
        request,
        form,
        lambda data: documents.document_upload(document=document, actor=request.user, upload=data["file"]),
        success=_("Dokument nahrán. Předchozí verze zůstávají uložené."),
        redirect_to=lambda _r: safe_next(request) or reverse("applicant_journey:detail", args=[journey.pk]),
    )
    return done or render(
        request,
        "applicant_journey/document_upload.html",
        {"title": _("Nahrát dokument"), "journey": journey, "document": document, "form": form},
    )


@policy_required(permissions.REVIEW_DOCUMENTS, on_object=True)
def document_review(request: AuthenticatedHttpRequest, journey_id: int, document_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    if not permissions.REVIEW_DOCUMENTS.allows(request.user, journey):
        deny_on(request, journey, reason="document review")
    document = _document_of(journey, document_id)
    form = forms.DocumentReviewForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: documents.document_review(
            document=document, actor=request.user, status=data["status"], reason=data["reason"]
        ),
        success=_("Kontrola dokumentu uložena."),
        redirect_to=reverse("applicant_journey:detail", args=[journey.pk]),
    )
    return done or render(
        request,
        "applicant_journey/document_review.html",
        {"title": _("Kontrola dokumentu"), "journey": journey, "document": document, "form": form},
    )


@policy_required(permissions.HANDLE_DOCUMENTS, on_object=True)
def document_download(request: AuthenticatedHttpRequest, journey_id: int, version_id: int) -> HttpResponseBase:
    """Serve one stored file to an authorised user (audited read); files never lie under the web root."""
    journey = journey_or_404(request, journey_id)
    if not permissions.HANDLE_DOCUMENTS.allows(request.user, journey):
        deny_on(request, journey, reason="document download")
    version = documents.version_for_journey(journey=journey, version_id=version_id)
    if version is None:
        raise Http404
    audit_read(actor=request.user, obj=version, request=request, household=journey.household, region=journey.region)
    ext = (version.file.name or "").rsplit(".", 1)[-1]
    # The shared helper: download only, nosniff, sandbox CSP, allow-listed type, never outside MEDIA_ROOT.
    return serve_protected_file(
        request, version.file.path, f"dokument-{version.document_id}-{version.pk}.{ext}", version.content_type
    )


@policy_required(permissions.HANDLE_DOCUMENTS, on_object=True)
@require_POST
def foreign_record_add(request: AuthenticatedHttpRequest, journey_id: int) -> HttpResponse:
    journey = journey_or_404(request, journey_id)
    if not permissions.HANDLE_DOCUMENTS.allows(request.user, journey):
        deny_on(request, journey, reason="foreign record")
    form = forms.ForeignRecordForm(request.POST, journey=journey)
    if form.is_valid():
        documents.criminal_record_requirement_add(
            journey=journey,
            actor=request.user,
            member_id=int(form.cleaned_data["member"]),
            country=form.cleaned_data["country"],
        )
        messages.success(request, _("Doplněno: výpis z rejstříku trestů této země."))
    else:
        messages.error(request, _("Vyberte žadatele a napište zemi."))
    return redirect(safe_next(request) or reverse("applicant_journey:detail", args=[journey.pk]))


@policy_required(permissions.OWN_JOURNEY, object_type=PAGE_TYPE)
def my_documents(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The applicant's documents: everything sent, per household member, with its review and the reviewer's word."""
    from workflows.applicant_journey import selectors

    journey = selectors.journey_for_applicant(user=request.user)
    groups = selectors.documents_by_member(journey=journey) if journey else []
    return render(
        request,
        "applicant_journey/my_documents.html",
        {"title": _("Moje dokumenty"), "journey": journey, "groups": groups},
    )
