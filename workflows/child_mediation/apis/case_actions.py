"""/api/v1/children/{id}/<action>/: the regional office's decisions on a case (register, close, escalate)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView
from nrp.core.models import User
from workflows.child_mediation import permissions, services
from workflows.child_mediation.apis.case_serializers import ChildCaseOutputSerializer, case_data
from workflows.child_mediation.apis.common import InputMixin, call_service, officer_case
from workflows.child_mediation.models import ChildCase, ClosureReason
from workflows.child_mediation.scoped import user_of


class RegisterInput(StrictSerializer):
    class Meta:
        ref_name = "ChildCaseRegister"

    registered_on = serializers.DateField(required=False, help_text=_("Den zařazení (dnes) / Day (today)."))


class CloseInput(StrictSerializer):
    class Meta:
        ref_name = "ChildCaseClose"

    closure_reason = serializers.ChoiceField(choices=ClosureReason.choices)
    note = serializers.CharField(max_length=4000, help_text=_("Zdůvodnění / Reasons."))
    closed_on = serializers.DateField(required=False)


class CaseActionApi(InputMixin, ApiView):
    """POST: the case of the officer's region (else 404), the body (400), ``perform`` (a service; its refusal is
    a 400 with a stable code), then the case as the officer now sees it."""

    permission_classes = [PolicyPermission]
    policy = permissions.MANAGE_CASE

    def perform(self, *, case: ChildCase, officer: User, data: dict[str, Any]) -> object:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        case = officer_case(request, pk)
        data = self.validated(request)
        call_service(self.perform, case=case, officer=user_of(request), data=data)
        return Response(case_data(officer_case(request, pk), permissions.Access.MANAGE))


@extend_schema(tags=["children"])
@extend_schema_view(
    post=extend_schema(
        summary="Zařadit do evidence dětí / Enter in the children register",
        request=RegisterInput,
        responses={200: ChildCaseOutputSerializer},
    )
)
class ChildCaseRegisterApi(CaseActionApi):
    """Zařazení dítěte do evidence dětí (krajský úřad). / Enter the child in the children register."""

    InputSerializer = RegisterInput

    def perform(self, *, case: ChildCase, officer: User, data: dict[str, Any]) -> object:
        return services.case_register(case=case, officer=officer, **data)


@extend_schema(tags=["children"])
@extend_schema_view(
    post=extend_schema(
        summary="Uzavřít případ / Close the case",
        description="Ruší otevřená oslovení a ukončuje proces. / Cancels open approaches and ends the process.",
        request=CloseInput,
        responses={200: ChildCaseOutputSerializer},
    )
)
class ChildCaseCloseApi(CaseActionApi):
    """Uzavření případu bez svěření (návrat domů, zletilost, jiné řešení). / Close a case without placement."""

    InputSerializer = CloseInput

    def perform(self, *, case: ChildCase, officer: User, data: dict[str, Any]) -> object:
        return services.case_close(case=case, officer=officer, reason=data.pop("closure_reason"), **data)


@extend_schema(tags=["children"])
@extend_schema_view(
    post=extend_schema(
        summary="Předat do celostátního hledání / Escalate to the national search",
        description="Jen dítě v evidenci, pro které se hledá rodina; OSPOD dítěte dostane upozornění. Jiné kraje pak "
        "vidí anonymizovaný profil. / Only a waiting child; the child's OSPOD is reminded; other regions then see "
        "the anonymised profile.",
        request=None,
        responses={200: ChildCaseOutputSerializer},
    )
)
class ChildCaseEscalateApi(CaseActionApi):
    """Předání do celostátního hledání (MPSV, jiné kraje). / Hand the case to the national search."""

    def perform(self, *, case: ChildCase, officer: User, data: dict[str, Any]) -> object:
        return services.case_escalate_national(case=case, actor=officer)
