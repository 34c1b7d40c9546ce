"""journeys/{id}/decisions/, decisions/{id}/ (+ pdf/ and the authority's actions) and journeys/{id}/actions/{action}/:
decisions as správní řád has them, the file inspection and life in the register, through the same forms, services
and rules as the screens (``views/decisions.py``). Out of scope: 404; in scope but not the authority: 403."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from nrp import law
from nrp.api.permissions import PolicyPermission
from nrp.api.problems import form_errors_to_api, service_errors
from nrp.api.views import ApiView
from nrp.audit.services import audit_read
from workflows.applicant_journey import permissions, selectors
from workflows.applicant_journey.apis.common import CONFLICT_RESPONSE, _journey_or_404
from workflows.applicant_journey.models import ApplicantRegisterEntry, Decision
from workflows.applicant_journey.pdf import decision_pdf
from workflows.applicant_journey.views.decisions import DECISION_ACTIONS
from workflows.applicant_journey.views.journeys import ACTIONS

MSG_NOT_THE_AUTHORITY = _("Toto rozhodnutí nevydal váš úřad; úkony k němu zapisuje jen on.")
MSG_ACTION_NOT_ALLOWED = _("Tento úkon u této cesty nemůžete provést.")
# The journey actions the API offers (the others have their own endpoints or stay on the screens).
API_ACTIONS = (
    "remove",
    "pause",
    "resume",
    "pause_request",
    "resume_own",
    "change",
    "inspection_notice",
    "inspection_record",
    "complex",
    "review_change",
)


class DecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    journey_id = serializers.IntegerField()
    kind = serializers.CharField()
    negative = serializers.BooleanField()
    number = serializers.CharField(help_text=_("Číslo jednací / Reference number."))
    issued_on = serializers.DateField()
    reasons = serializers.CharField()
    legal_basis = serializers.CharField(help_text=_("Id pravidla v nrp.law / Rule id."))
    legal_citation = serializers.CharField()
    pause_until = serializers.DateField(allow_null=True)
    delivery_method = serializers.CharField(allow_blank=True)
    delivered_on = serializers.DateField(allow_null=True)
    appeal_deadline = serializers.DateField(allow_null=True, help_text=_("Poslední den lhůty / Last day to appeal."))
    appeal_waived_on = serializers.DateField(allow_null=True)
    appeal_filed_on = serializers.DateField(allow_null=True)
    appeal_late = serializers.BooleanField()
    appeal_forward_by = serializers.DateField(allow_null=True)
    appeal_forwarded_on = serializers.DateField(allow_null=True)
    appeal_outcome = serializers.CharField(allow_blank=True)
    effective_date = serializers.DateField(allow_null=True, help_text=_("Právní moc / Final from."))


def decision_data(decision: Decision) -> dict[str, Any]:
    return DecisionSerializer(
        {
            **{f: getattr(decision, f) for f in DecisionSerializer().fields if hasattr(decision, f)},
            "legal_citation": law.cite(decision.legal_basis),
        }
    ).data


def _decision_in_scope(request: Request, pk: int) -> Decision:
    decision = Decision.objects.select_related("journey", "entry").filter(pk=pk).first()
    if decision is None or selectors.journey_get_for_user(user=request.user, journey_id=decision.journey_id) is None:
        _journey_or_404(request, decision.journey_id if decision else 0)
        raise NotFound()
    return decision


def _audit(request: Request, decision: Decision) -> None:
    journey = decision.journey
    audit_read(
        actor=request.user,
        obj=decision,
        request=request,
        household=journey.household,
        region=journey.region,
        channel="api",
    )


@extend_schema(tags=["decisions"])
class JourneyDecisionListApi(ApiView):
    """Rozhodnutí na cestě žadatele. / The decisions of a journey."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(summary="Rozhodnutí cesty / Decisions of a journey", responses={200: DecisionSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        items = list(journey.decisions.all())
        for decision in items:
            _audit(request, decision)
        return Response([decision_data(d) for d in items])


@extend_schema(tags=["decisions"])
class DecisionDetailApi(ApiView):
    """Jedno rozhodnutí; čtení se audituje. / One decision; audited."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(summary="Rozhodnutí / Decision", responses={200: DecisionSerializer})
    def get(self, request: Request, pk: int) -> Response:
        decision = _decision_in_scope(request, pk)
        _audit(request, decision)
        return Response(decision_data(decision))


@extend_schema(tags=["decisions"])
class DecisionPdfApi(ApiView):
    """Písemné vyhotovení rozhodnutí v PDF. / The written decision as a PDF."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(summary="Rozhodnutí v PDF / Decision PDF", responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> HttpResponse:
        decision = _decision_in_scope(request, pk)
        _audit(request, decision)
        response = HttpResponse(decision_pdf(decision), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="rozhodnuti-{decision.pk}.pdf"'
        return response


@extend_schema(tags=["decisions"])
class DecisionActionApi(ApiView):
    """Úkon k rozhodnutí (doručení, odvolání, vzdání se odvolání, postoupení, rozhodnutí o odvolání, právní moc);
    jen úřad, který rozhodnutí vydal. / An act on a decision; only the issuing authority."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(
        summary="Úkon k rozhodnutí / Act on a decision",
        description="action: " + ", ".join(DECISION_ACTIONS),
        request=OpenApiTypes.OBJECT,
        responses={200: DecisionSerializer, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int, action: str) -> Response:
        decision = _decision_in_scope(request, pk)
        spec = DECISION_ACTIONS.get(action)
        if spec is None:
            raise NotFound()
        if not permissions.may_act_on_decision(request.user, decision):
            raise PermissionDenied(detail=str(MSG_NOT_THE_AUTHORITY), code="not_the_authority")
        form = spec.form(data=request.data)
        if not form.is_valid():
            raise form_errors_to_api(form)
        with service_errors():
            spec.run(decision=decision, actor=request.user, request=request, **form.cleaned_data)
        decision.refresh_from_db()
        return Response(decision_data(decision))


@extend_schema(tags=["journeys"])
class JourneyActionApi(ApiView):
    """Úkon na cestě žadatele mimo kroky procesu (rozhodnutí o vyřazení nebo přerušení, žádost o přerušení,
    výzva k seznámení s podklady, oznámení a posouzení změny …). / An action outside the task sequence."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(
        summary="Úkon na cestě / Journey action",
        description="action: " + ", ".join(API_ACTIONS),
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiResponse(description=_("Hotovo / Done.")), **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int, action: str) -> Response:
        journey = _journey_or_404(request, pk)
        if action not in API_ACTIONS:
            raise NotFound()
        entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).first()
        if action not in dict(permissions.journey_actions(request.user, journey, entry)):
            raise PermissionDenied(detail=str(MSG_ACTION_NOT_ALLOWED), code="action_not_allowed")
        spec = ACTIONS[action]
        form = spec.form(data=request.data)
        if not form.is_valid():
            raise form_errors_to_api(form)
        with service_errors():
            result = spec.run(request, journey, entry, form.cleaned_data)
        body: dict[str, Any] = {"action": action, "done": True}
        if isinstance(result, Decision):
            body["decision"] = decision_data(result)
        return Response(body)
