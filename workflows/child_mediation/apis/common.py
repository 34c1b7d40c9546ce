"""What every API view of child mediation shares: the reader's access, service errors as problems, the case
of the officer's region, and the one body of an action ("case → validate → service → representation")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.request import Request

from nrp.api.problems import service_errors
from workflows.child_mediation import permissions, scoped
from workflows.child_mediation.models import ChildCase

T = TypeVar("T")


class Access:
    """What the reader of a case may see (``access`` in the representation)."""

    CHOICES = [
        (permissions.Access.MANAGE, _("pracovník kraje dítěte: celý spis / officer of the child's region")),
        (permissions.Access.OSPOD, _("OSPOD dítěte: spis jen ke čtení / the child's OSPOD, read-only")),
        (permissions.Access.ANONYMOUS, _("anonymizovaný profil / anonymised profile")),
    ]
    WITH_IDENTITY = (permissions.Access.MANAGE, permissions.Access.OSPOD)


# --- service errors -> problems with stable codes -----------------------------------------------------------------
# Services give every refusal a code (``services.common.refusal``, ``ValidationError(..., code=...)``); the one
# mapping (``nrp.api.problems.service_error_to_api``) puts it in the problem body.
def call_service(service: Callable[..., T], /, **kwargs: Any) -> T:
    """``service(**kwargs)``; a refusal becomes a 400 problem with stable codes."""
    with service_errors():
        return service(**kwargs)


def refuse(field: str, message: object, code: str) -> ValidationError:
    """A 400 problem with one error of ``field`` (``non_field_errors`` for the whole request)."""
    return ValidationError({field: [ErrorDetail(str(message), code=code)]})


# --- shared pieces of the views ----------------------------------------------------------------------------------
class OutputModelSerializer(serializers.ModelSerializer):
    # A representation read from the model's fields. Every field is read-only, so the response schema lists each
    # one as always present (a model default would otherwise make it look optional). No docstring: it would
    # become the description of every representation in the schema.

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class CaseRefSerializer(OutputModelSerializer):
    reference = serializers.CharField(help_text=_("Anonymní značka případu / Anonymous case reference."))

    class Meta:
        model = ChildCase
        fields = ["id", "reference"]


def officer_case(request: Request, pk: int) -> ChildCase:
    """A case the user manages (officer of its region), else the audited 404."""
    return scoped.case_for_officer(request, pk, channel="api")


class InputMixin:
    """``self.validated(request)``: the request body through the view's ``InputSerializer`` (400 when invalid)."""

    InputSerializer: ClassVar[type[serializers.Serializer] | None] = None

    def validated(self, request: Request) -> dict[str, Any]:
        if self.InputSerializer is None:
            return {}
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)
