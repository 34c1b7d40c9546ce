"""What the journey's API views share: the journey in scope (else the audited 404), the problem schema of 409s,
views that run the viewflow activation in their own transaction, and the member reference."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nrp.core.web import out_of_scope
from workflows.applicant_journey import selectors
from workflows.applicant_journey.models import ApplicantJourney

MSG_NOT_YOUR_DOCUMENTS = _("K dokumentům této cesty nemáte přístup.")
MSG_NOT_A_REVIEWER = _("Dokumenty této cesty nemůžete kontrolovat.")
MSG_NO_FORM = _("Tento krok nelze dokončit přes API.")
MSG_UNKNOWN_FIELD = _("Neznámé pole; povolená pole jsou: %(allowed)s.")
JOURNEY_TYPE = "applicant_journey.applicantjourney"


class ProblemSchemaSerializer(serializers.Serializer):
    """Only for the schema: the shared ``Problem`` component (nrp.api.schema replaces it with the full one)."""

    class Meta:
        ref_name = "Problem"

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    code = serializers.CharField()


def problem_response(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ProblemSchemaSerializer, description=description)


CONFLICT_RESPONSE = {
    (409, "application/problem+json"): problem_response(
        _("Úkol už je hotový nebo jej právě dokončuje někdo jiný / Already done or being completed.")
    )
}


class OwnTransactionMixin:
    """For views whose one service runs the viewflow activation under ``flow.lock``: no outer transaction.

    viewflow's ``select_for_update_lock`` tries ``SELECT … FOR UPDATE NOWAIT`` and retries; inside an outer
    transaction (``AtomicWritesMixin``) the failed attempt would abort the whole request's transaction (500
    instead of 409). The lock's own ``transaction.atomic()`` is the step's transaction, as from the screens.
    """

    def dispatch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return APIView.dispatch(self, request, *args, **kwargs)


def _journey_or_404(request: Request, pk: int) -> ApplicantJourney:
    """The journey if the user's scope reaches it; else the audited out-of-scope 404 (as on the screens; a refused
    write is rolled back with the rest of its request)."""
    journey = selectors.journey_get_for_user(user=request.user, journey_id=pk)
    if journey is None:
        try:
            out_of_scope(request, object_type=JOURNEY_TYPE, object_id=pk, details={"channel": "api"})
        except Http404 as exc:
            raise NotFound() from exc
    return journey


class MemberRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(help_text=_("Jméno žadatele / Applicant's name."))
