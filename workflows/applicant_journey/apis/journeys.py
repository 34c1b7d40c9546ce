"""journeys/, journeys/mine/, journeys/{id}/ and caseload/."""

from __future__ import annotations

from typing import Any

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.filters import IdFilter
from nrp.api.permissions import PolicyPermission
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.lists import AuditedListApiMixin
from nrp.audit.services import audit_read
from workflows.applicant_journey import permissions, selectors
from workflows.applicant_journey.apis.common import (
    _journey_or_404,
    problem_response,
)
from workflows.applicant_journey.apis.representations import (
    JourneyDetailSerializer,
    JourneyListItemSerializer,
    journey_detail_data,
    journey_row,
)
from workflows.applicant_journey.models import (
    ApplicantJourney,
    JourneyStage,
)


# --- journeys ------------------------------------------------------------------------------------------------------
class JourneyFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=JourneyStage.choices, help_text=_("Fáze / Stage."))
    region = IdFilter(field_name="region_id", help_text=_("ID kraje / Region id."))
    residence_orp = IdFilter(field_name="household__residence_orp_id", help_text=_("ID ORP pobytu / ORP id."))
    household = IdFilter(field_name="household_id", help_text=_("ID domácnosti / Household id."))

    class Meta:
        model = ApplicantJourney
        fields = ["stage", "region", "residence_orp", "household"]


@extend_schema(tags=["journeys"])
class JourneyListApi(AuditedListApiMixin, ScopedListApi):
    """Cesty žadatelů v rozsahu uživatele. / Applicant journeys in the user's scope."""

    # Each listed household is recorded as read (nrp/audit/lists.py).
    audit_list_object_type = "applicant_journey.applicantjourney"
    audit_list_household = staticmethod(lambda entry: entry.household_id)
    audit_list_region = staticmethod(lambda entry: entry.region_id)

    OutputSerializer = JourneyListItemSerializer
    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY
    filterset_class = JourneyFilter
    ordering_fields = ["id", "created", "stage_entered_at", "next_due_on", "stage"]
    ordering = ["-created", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApplicantJourney.objects.none()
        return selectors.journey_list_for_user(user=self.request.user)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        today = timezone.localdate()
        return self.get_paginated_response([JourneyListItemSerializer(journey_row(j, today=today)).data for j in page])

    @extend_schema(
        summary="Cesty žadatelů / Applicant journeys",
        description="Žadatel: jen svou cestu; průvodce: svůj caseload; OSPOD: obyvatele své ORP; krajský úřad: svůj "
        "kraj; posuzovatel: přidělené; administrátor 403. / Applicant: own; guide: caseload; OSPOD: their ORP; "
        "officer: their region; assessor: assigned; administrator 403.",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["journeys"])
class JourneyDetailApi(ApiView):
    """Jedna cesta: fáze, postup s daty a odhady, termíny, chybějící dokumenty; čtení se audituje."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(
        summary="Cesta žadatele / Applicant journey",
        description="Mimo rozsah 404. Čtení se zapisuje do auditu. / Out of scope 404. The read is audited.",
        responses={200: JourneyDetailSerializer},
    )
    def get(self, request: Request, pk: int) -> Response:
        journey = _journey_or_404(request, pk)
        audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
        return Response(journey_detail_data(journey, request.user))


@extend_schema(tags=["journeys"])
class MyJourneyApi(ApiView):
    """Žadatel: moje cesta. / The applicant's own journey."""

    permission_classes = [PolicyPermission]
    policy = permissions.OWN_JOURNEY

    @extend_schema(
        summary="Moje cesta / My journey",
        description="Jen pro žadatele; bez cesty 404. / Applicants only; 404 when there is none.",
        responses={
            200: JourneyDetailSerializer,
            (404, "application/problem+json"): problem_response(_("Žadatel zatím nemá cestu / No journey yet.")),
        },
    )
    def get(self, request: Request) -> Response:
        journey = selectors.journey_for_applicant(user=request.user)
        if journey is None:
            raise NotFound()
        audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
        return Response(journey_detail_data(journey, request.user))


# --- caseload --------------------------------------------------------------------------------------------------------
class CaseloadRowSerializer(JourneyListItemSerializer):
    stuck = serializers.BooleanField(
        help_text=_("Bez pohybu déle než NRP_STUCK_AFTER_DAYS / No activity for longer than the stuck limit.")
    )
    last_activity_at = serializers.DateTimeField()


class CaseloadQuerySerializer(serializers.Serializer):
    stage = serializers.ChoiceField(
        choices=JourneyStage.choices, required=False, help_text=_("Jen tato fáze (i ukončené) / Only this stage.")
    )
    overdue = serializers.BooleanField(required=False, default=False, help_text=_("Jen po termínu / Only overdue."))
    stuck = serializers.BooleanField(required=False, default=False, help_text=_("Jen bez pohybu / Only stuck."))
    order = serializers.ChoiceField(
        choices=[
            ("due", _("nejbližší termín / next deadline")),
            ("stage", _("fáze / stage")),
            ("days", _("nejdéle ve fázi / longest in stage")),
            ("newest", _("nejnovější / newest")),
        ],
        required=False,
        default="due",
    )


@extend_schema(tags=["journeys"])
class CaseloadApi(ScopedListApi):
    """Průvodce: moji zájemci a žadatelé. / The guide's caseload."""

    OutputSerializer = CaseloadRowSerializer
    permission_classes = [PolicyPermission]
    policy = permissions.CASELOAD
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApplicantJourney.objects.none()
        query = CaseloadQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        return selectors.caseload_for_guide(
            guide=self.request.user,
            stage=data.get("stage") or None,
            overdue=data["overdue"] or None,
            stuck=data["stuck"] or None,
            order=data["order"],
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        selectors.decorate_caseload_rows(page)
        today = timezone.localdate()
        rows = []
        for journey in page:
            row = journey_row(journey, today=today)
            row.update({"overdue": journey.is_overdue, "stuck": journey.is_stuck})
            row["last_activity_at"] = journey.last_activity_at
            rows.append(CaseloadRowSerializer(row).data)
        return self.get_paginated_response(rows)

    @extend_schema(
        summary="Caseload průvodce / The guide's caseload",
        description="Fáze, dny ve fázi, nejbližší termín, příznaky po termínu a bez pohybu; ukončené cesty jen při "
        "filtru fáze. / Stage, days in stage, next deadline, overdue and stuck flags; ended journeys only when "
        "filtered by their stage.",
        parameters=[CaseloadQuerySerializer],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
