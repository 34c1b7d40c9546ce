"""journeys/{id}/documents/, documents/{id}/ (ETag), documents/{id}/review/ (If-Match), document-versions/{id}/file/."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ErrorDetail, NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.apis.refs import UserRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.permissions import PolicyPermission
from nrp.api.problems import PayloadTooLarge, form_errors_to_api, service_errors
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.services import audit_read
from nrp.core.files import serve_protected_file
from workflows.applicant_journey import forms, permissions, selectors
from workflows.applicant_journey.apis.common import (
    MSG_NOT_A_REVIEWER,
    MSG_NOT_YOUR_DOCUMENTS,
    MemberRefSerializer,
    _journey_or_404,
)
from workflows.applicant_journey.models import (
    ApplicantJourney,
    DocumentKind,
    DocumentStatus,
    DocumentVersion,
    JourneyDocument,
)
from workflows.applicant_journey.services import documents


# --- documents -------------------------------------------------------------------------------------------------------
class DocumentVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    original_name = serializers.CharField()
    content_type = serializers.ChoiceField(
        choices=[("application/pdf", "PDF"), ("image/jpeg", "JPEG"), ("image/png", "PNG")]
    )
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_by = UserRefSerializer(allow_null=True)
    uploaded_at = serializers.DateTimeField()


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    journey_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    member = MemberRefSerializer(allow_null=True, help_text=_("Za koho; null = za domácnost / Whose; null: household."))
    country = serializers.CharField(allow_blank=True, help_text=_("Země výpisu z rejstříku / Country of the extract."))
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    rejection_reason = serializers.CharField(allow_blank=True)
    updated_at = serializers.DateTimeField()
    versions = DocumentVersionSerializer(
        many=True, source="versions_newest_first", help_text=_("Verze, nejnovější první / Versions, newest first.")
    )


def document_data(document: JourneyDocument) -> dict[str, Any]:
    return DocumentSerializer(document).data


class LimitedMultiPartParser(MultiPartParser):
    """Multipart for uploads; a body clearly above the document limit is refused (413) before it is read."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        except (TypeError, ValueError):
            declared = 0
        # Read through the package, where tests (and settings) may lower the limit.
        from workflows.applicant_journey import apis

        if declared > apis.MAX_DOCUMENT_BYTES + 64 * 1024:
            raise PayloadTooLarge()
        return super().parse(stream, media_type, parser_context)


def _document_journey(request: Request, journey: ApplicantJourney) -> ApplicantJourney:
    if not permissions.HANDLE_DOCUMENTS.allows(request.user, journey):
        raise PermissionDenied(detail=str(MSG_NOT_YOUR_DOCUMENTS), code="not_your_documents")
    return journey


@extend_schema(tags=["documents"])
class JourneyDocumentListApi(ScopedListApi):
    """Dokumenty žádosti (§23c) se stavem a verzemi; nahrání nové verze. / Application documents; upload."""

    OutputSerializer = DocumentSerializer
    permission_classes = [PolicyPermission]
    policy = permissions.HANDLE_DOCUMENTS
    parser_classes = [LimitedMultiPartParser]
    filter_backends: list = []

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "JourneyDocumentUpload"

        document = serializers.IntegerField(
            min_value=1, max_value=2**63 - 1, help_text=_("Položka kontrolního seznamu / Checklist document id.")
        )
        file = serializers.FileField(help_text=_("PDF, JPEG nebo PNG, nejvýše 10 MB / PDF, JPEG or PNG, ≤ 10 MB."))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return JourneyDocument.objects.none()
        journey = _document_journey(self.request, _journey_or_404(self.request, self.kwargs["pk"]))
        return selectors.documents_for_journey(journey=journey)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([document_data(d) for d in page])

    @extend_schema(summary="Dokumenty žádosti / Application documents")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Nahrát dokument / Upload a document",
        description="multipart/form-data: document (id položky) a file. Typ se pozná z obsahu (PDF, JPEG, PNG), "
        "nejvýše 10 MB; předchozí verze zůstávají. / multipart: document id and file; the type is sniffed from the "
        "content; at most 10 MB; earlier versions are kept.",
        request={"multipart/form-data": InputSerializer},
        responses={201: DocumentSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        journey = _document_journey(request, _journey_or_404(request, pk))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = journey.documents.filter(pk=serializer.validated_data["document"]).first()
        if document is None:
            raise ValidationError({"document": [ErrorDetail(str(_("Dokument nenalezen.")), code="not_found")]})
        form = forms.DocumentUploadForm(data={}, files={"file": serializer.validated_data["file"]})
        if not form.is_valid():
            raise form_errors_to_api(form)
        with service_errors():
            documents.document_upload(document=document, actor=request.user, upload=form.cleaned_data["file"])
        document = JourneyDocument.objects.select_related("member").get(pk=document.pk)
        return Response(document_data(document), status=status.HTTP_201_CREATED)


def _document_in_scope(request: Request, pk: int) -> JourneyDocument:
    visible = selectors.journey_list_for_user(user=request.user).values("pk")
    document = JourneyDocument.objects.filter(pk=pk, journey_id__in=visible).select_related("member").first()
    if document is None:
        raise NotFound()
    return document


@extend_schema(tags=["documents"])
class DocumentDetailApi(ETagMixin, ApiView):
    """Jeden dokument se stavem a verzemi (ETag pro kontrolu). / One document with its versions."""

    permission_classes = [PolicyPermission]
    policy = permissions.HANDLE_DOCUMENTS

    @extend_schema(summary="Dokument / Document", responses={200: DocumentSerializer}, parameters=[ETAG_HEADER])
    def get(self, request: Request, pk: int) -> Response:
        document = _document_in_scope(request, pk)
        _document_journey(request, _journey_or_404(request, document.journey_id))
        return self.etag_response(document_data(document))


@extend_schema(tags=["documents"])
class DocumentReviewApi(ETagMixin, ApiView):
    """Kontrola dokumentu OSPOD nebo krajem (průvodce nikdy): přijmout, nebo vrátit. / Accept or return (not guides)."""

    permission_classes = [PolicyPermission]
    policy = permissions.REVIEW_DOCUMENTS

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "DocumentReview"

        status = serializers.ChoiceField(
            choices=[(DocumentStatus.ACCEPTED, _("přijmout / accept")), (DocumentStatus.REJECTED, _("vrátit / return"))]
        )
        reason = serializers.CharField(
            max_length=4000, required=False, allow_blank=True, help_text=_("U vrácení povinné / Required to return.")
        )

    @extend_schema(
        summary="Zkontrolovat dokument / Review a document",
        description="If-Match s ETag z GET documents/{id}/ (bez něj 428, zastaralý 412). / If-Match with the ETag "
        "of GET documents/{id}/ (428 without, 412 when stale).",
        request=InputSerializer,
        responses={200: DocumentSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def post(self, request: Request, pk: int) -> Response:
        document = _document_in_scope(request, pk)
        journey = _journey_or_404(request, document.journey_id)
        if not permissions.REVIEW_DOCUMENTS.allows(request.user, journey):
            raise PermissionDenied(detail=str(MSG_NOT_A_REVIEWER), code="not_a_reviewer")
        document = JourneyDocument.objects.select_for_update(of=("self",)).select_related("member").get(pk=document.pk)
        check_if_match(request, document_data(document))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        form = forms.DocumentReviewForm(
            data={"status": serializer.validated_data["status"], "reason": serializer.validated_data.get("reason", "")}
        )
        if not form.is_valid():
            raise form_errors_to_api(form)
        with service_errors():
            documents.document_review(
                document=document,
                actor=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        document = JourneyDocument.objects.select_related("member").get(pk=document.pk)
        return self.etag_response(document_data(document))


@extend_schema(tags=["documents"])
class DocumentVersionFileApi(ApiView):
    """Stažení souboru verze dokumentu (chráněně, jako příloha); čtení se audituje. / Download; audited."""

    permission_classes = [PolicyPermission]
    policy = permissions.HANDLE_DOCUMENTS

    @extend_schema(
        summary="Stáhnout soubor / Download the file",
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, "image/jpeg"): OpenApiTypes.BINARY,
            (200, "image/png"): OpenApiTypes.BINARY,
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
        },
    )
    def get(self, request: Request, pk: int) -> Response:
        visible = selectors.journey_list_for_user(user=request.user).values("pk")
        version = (
            DocumentVersion.objects.filter(pk=pk, document__journey_id__in=visible).select_related("document").first()
        )
        if version is None:
            raise NotFound()
        journey = _document_journey(request, _journey_or_404(request, version.document.journey_id))
        audit_read(
            actor=request.user,
            obj=version,
            request=request,
            household=journey.household,
            region=journey.region,
            channel="api",
        )
        ext = version.file.name.rsplit(".", 1)[-1]
        try:
            return serve_protected_file(
                request, version.file.path, f"dokument-{version.document_id}-{version.pk}.{ext}", version.content_type
            )
        except Http404 as exc:
            raise NotFound() from exc
