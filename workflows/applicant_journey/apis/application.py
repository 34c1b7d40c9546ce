"""journeys/{id}/application/ (the §23a data and check), forward/, handover-receipt/, withdraw/, attendance/ and
elsewhere/: the same forms, services and Czech messages as the screens; refusals are RFC 9457 problems."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.permissions import PolicyPermission
from nrp.api.problems import form_errors_to_api, service_errors
from nrp.api.views import ApiView
from nrp.audit.services import audit_read
from nrp.core.access import object_scope
from workflows.applicant_journey import forms, permissions
from workflows.applicant_journey.apis.common import CONFLICT_RESPONSE, OwnTransactionMixin, _journey_or_404
from workflows.applicant_journey.models import FileHandover
from workflows.applicant_journey.services import application as app_services
from workflows.applicant_journey.services import elsewhere, handover, lifecycle

NOT_ALLOWED = _("Tento úkon vám nepřísluší.")


def _refuse_unless(policy, request: Request, journey) -> None:
    if not policy.allows(request.user, journey):
        raise PermissionDenied(detail=str(NOT_ALLOWED), code="forbidden")


def _valid(form) -> dict[str, Any]:
    if not form.is_valid():
        raise form_errors_to_api(form)
    return form.cleaned_data


def application_data(journey, user) -> dict[str, Any]:
    """The §23a data, what is still missing and, for the offices, whether §23a(1) is met."""
    choices = journey.application_choices if hasattr(journey, "application_choices") else None
    data: dict[str, Any] = {
        "persons": [
            {
                "id": p.pk,
                "member": p.member_id,
                "relation": p.relation,
                "first_name": p.first_name,
                "last_name": p.last_name,
                "birth_surname": p.birth_surname,
                "birth_number": p.birth_number,
                "born_on": p.born_on,
                "birth_place": p.birth_place,
                "citizenship": p.citizenship,
                "stay_kind": p.stay_kind,
                "stay_since": p.stay_since,
                "habitual_residence_cz": p.habitual_residence_cz,
                "preparation_consent_on": p.preparation_consent_on,
            }
            for p in app_services.persons(journey)
        ],
        "umpod_offer_consent": choices.umpod_offer_consent if choices else None,
        "intercountry_only": choices.intercountry_only if choices else None,
        "repeat_applicant": choices.repeat_applicant if choices else False,
        "outstanding": app_services.outstanding_items(journey),
        "forwardings": [
            {"from_orp": f.from_orp_id, "to_orp": f.to_orp_id, "forwarded_on": f.forwarded_on, "reason": f.reason}
            for f in journey.forwardings.all()
        ],
    }
    if permissions.CHECK_ELIGIBILITY.allows(user, object_scope(journey)):
        result = app_services.eligibility(journey)
        data["eligibility"] = {"met": result.met, "reasons": result.reasons}
    return data


class JourneyApplicationApi(ApiView):
    """Žádost podle § 23a: osoby, pobyt, souhlasy, volby ÚMPOD, co chybí, splnění podmínek. / The §23a application."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY
    parser_classes = [JSONParser, FormParser]

    @extend_schema(summary="Žádost (§ 23a) / The application", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        app_services.ensure_application(journey)
        audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
        return Response(application_data(journey, request.user))

    @extend_schema(
        summary="Uložit údaje žádosti / Save the application",
        description="Pole formuláře obrazovky: m<id člena>_<pole>, o<n>_<pole>, umpod_offer_consent (yes/no), "
        "intercountry_only (yes/no), repeat_applicant. / The screen's form fields.",
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT, **CONFLICT_RESPONSE},
    )
    def put(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        _refuse_unless(permissions.EDIT_APPLICATION, request, journey)
        app_services.ensure_application(journey)
        form = forms.ApplicationForm(request.data, journey=journey)
        _valid(form)
        with service_errors():
            app_services.application_particulars_save(journey=journey, actor=request.user, **form.service_kwargs())
        journey.refresh_from_db()
        return Response(application_data(journey, request.user))


class JourneyForwardApi(ApiView):
    """Postoupení žádosti příslušnému ORP (SŘ § 12) s vyrozuměním žadatele. / Forward to the competent ORP."""

    permission_classes = [PolicyPermission]
    policy = permissions.FORWARD_APPLICATION

    @extend_schema(
        summary="Postoupit žádost / Forward",
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        _refuse_unless(permissions.FORWARD_APPLICATION, request, journey)
        d = _valid(forms.ForwardForm(request.data))
        with service_errors():
            row = app_services.application_forward(
                journey=journey,
                actor=request.user,
                to_orp=d["to_orp"],
                reason=d["reason"],
                forwarded_on=d["forwarded_on"],
                request=request,
            )
        return Response({"to_orp": row.to_orp_id, "forwarded_on": row.forwarded_on})


class JourneyHandoverReceiptApi(ApiView):
    """Krajský úřad potvrdí převzetí spisu. / The regional office confirms receipt of the file."""

    permission_classes = [PolicyPermission]
    policy = permissions.CONFIRM_RECEIPT

    @extend_schema(
        summary="Převzetí spisu / Receipt",
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        _refuse_unless(permissions.CONFIRM_RECEIPT, request, journey)
        d = _valid(forms.ReceiptForm(request.data))
        with service_errors():
            row: FileHandover = handover.handover_receipt_confirm(
                journey=journey, actor=request.user, received_on=d["received_on"], request=request
            )
        return Response(
            {
                "sent_on": row.sent_on,
                "due_on": row.due_on,
                "deadline_met": row.deadline_met,
                "received_on": row.received_on,
            }
        )


class JourneyWithdrawApi(OwnTransactionMixin, ApiView):
    """Zpětvzetí žádosti: žadatel sám, nebo úřad s přiloženým písemným zpětvzetím; průvodce nikdy.
    / Withdrawal: the applicant, or the office with the written withdrawal attached; never the guide."""

    permission_classes = [PolicyPermission]
    policy = permissions.WITHDRAW
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        summary="Vzít žádost zpět / Withdraw",
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        _refuse_unless(permissions.WITHDRAW, request, journey)
        d = _valid(forms.WithdrawForm(request.data, request.FILES))
        with service_errors():
            journey = lifecycle.journey_withdraw(
                journey=journey, actor=request.user, reason=d["reason"], request=request, document=d.get("document")
            )
        return Response({"stage": journey.stage})


class JourneyAttendanceApi(ApiView):
    """Docházka na přípravě (i kraj, který přípravu provádí). / Course attendance (also the performing region)."""

    permission_classes = [PolicyPermission]
    policy = permissions.RECORD_ATTENDANCE

    @extend_schema(
        summary="Zapsat docházku / Attendance",
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        from workflows.applicant_journey.models import PerformedElsewhere

        journey = _journey_or_404_or_performing(request, pk, PerformedElsewhere)
        d = _valid(forms.AttendanceForm(request.data, journey=journey))
        with service_errors():
            row = elsewhere.attendance_record(
                journey=journey,
                actor=request.user,
                session=d["session"],
                member_id=int(d["member"]),
                hours=d["hours"],
            )
        return Response({"session": row.session_id, "member": row.member_id, "hours": str(row.hours)})


def _journey_or_404_or_performing(request: Request, pk: int, model):
    """The journey in the user's scope, or one whose course the user's region performs (PREPARATION)."""
    row = (
        model.objects.select_related("journey")
        .filter(journey_id=pk, course=True, performing_region_id__in=request.user.region_ids("officer"))
        .first()
    )
    return row.journey if row is not None else _journey_or_404(request, pk)
