"""What every API view of child mediation shares: the reader's access, service errors as problems, the case
of the officer's region, and the one body of an action ("case → validate → service → representation")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import Any, ClassVar, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.request import Request

from nrp.api.problems import service_error_to_api
from nrp.core.exceptions import ServiceError
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
# Services give their refusals a code (``services.common.refusal``, ``ValidationError(..., code=...)``) and the one
# mapping (``nrp.api.problems.service_error_to_api``) puts it in the problem body. Refusals still raised without a
# code get it here from their message, until their modules give it themselves (then their rows go):
# - matching's services (matching/apis/ uses this ``service_errors`` too);
# - child mediation's case, approach and model rules, whose modules are being changed for the legal steps
#   (issue 14) at the same time; services/common.py and services/conferences.py already raise coded refusals.
_UNCODED = [
    ("matching.services", "CASE_NOT_RANKABLE", "case_not_rankable"),
    ("matching.services", "CASE_WITHOUT_CHILDREN", "no_children"),
    ("matching.models", "WEIGHTS_ALL_ZERO", "weights_all_zero"),
    ("workflows.child_mediation.permissions", "NOT_THE_CHILDS_OSPOD", "not_childs_ospod"),
    ("workflows.child_mediation.models", "ADOPTION_NEEDS_FREE_CHILD", "adoption_needs_free_child"),
    ("workflows.child_mediation.models", "CONTACT_NEEDS_LOCATION", "birth_family_orp_required"),
    ("workflows.child_mediation.models", "NO_CARE_TYPE_SOUGHT", "care_type_required"),
    ("workflows.child_mediation.services.cases", "NO_CHILDREN", "no_children"),
    ("workflows.child_mediation.services.cases", "NOT_PROPOSED", "case_not_proposed"),
    ("workflows.child_mediation.services.cases", "NOT_WAITING", "case_not_waiting"),
    ("workflows.child_mediation.services.cases", "ALREADY_FINISHED", "case_finished"),
    ("workflows.child_mediation.services.cases", "CLOSURE_NEEDS_NOTE", "note_required"),
    ("workflows.child_mediation.services.cases", "REGISTERED_IN_FUTURE", "date_in_future"),
    ("workflows.child_mediation.services.approaches", "APPROACH_ALREADY_ACTIVE", "approach_already_active"),
    ("workflows.child_mediation.services.approaches", "NO_SIGNED_MINUTES", "signed_minutes_required"),
    ("workflows.child_mediation.services.approaches", "CASE_NOT_SEARCHING", "case_not_searching"),
    ("workflows.child_mediation.services.approaches", "NOT_OPEN", "approach_not_open"),
    ("workflows.child_mediation.services.approaches", "FAILED_MATCH_NEEDS_REASON", "reason_required"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_ONLY_ONCE", "extension_only_once"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_TOO_LONG", "extension_too_long"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_TOO_SHORT", "extension_too_short"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_AFTER_DEADLINE", "deadline_passed"),
    ("workflows.child_mediation.services.approaches", "EXTENSION_NEEDS_REASON", "reason_required"),
    ("workflows.child_mediation.services.approaches", "NOTICE_IN_FUTURE", "date_in_future"),
]


def _code_of_message(message: str) -> str | None:
    for module_name, constant, code in _UNCODED:
        value = getattr(import_module(module_name), constant, None)
        if value is not None and str(value) == message:
            return code
    return None


def _with_codes(exc: DjangoValidationError) -> DjangoValidationError:
    for error in (
        exc.error_list if not hasattr(exc, "error_dict") else [e for es in exc.error_dict.values() for e in es]
    ):
        if error.code is None:
            error.code = _code_of_message(str(error.message % error.params if error.params else error.message))
    return exc


@contextmanager
def service_errors() -> Iterator[None]:
    """Run a service; its refusal becomes the problem of the one mapping (``nrp.api.problems``)."""
    try:
        yield
    except ServiceError as exc:
        raise service_error_to_api(exc) from exc
    except DjangoValidationError as exc:
        raise service_error_to_api(_with_codes(exc)) from exc


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
