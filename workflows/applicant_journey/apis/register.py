"""register/ and register/{id}/: the region's applicant register (evidence žadatelů) for its officers."""

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

from nrp.api.apis.refs import RegionRefSerializer
from nrp.api.permissions import PolicyPermission
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.lists import AuditedListApiMixin
from nrp.audit.services import audit_read
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
from workflows.applicant_journey import permissions, selectors
from workflows.applicant_journey.apis.common import (
    MemberRefSerializer,
)
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    RegisterStatus,
)


# --- the applicant register (evidence žadatelů) ---------------------------------------------------------------------
class AcceptanceProfileSerializer(serializers.Serializer):
    age_min = serializers.IntegerField()
    age_max = serializers.IntegerField()
    sexes = serializers.ListField(child=serializers.ChoiceField(choices=Sex.choices))
    max_children = serializers.IntegerField(help_text=_("Dětí najednou / Children at once."))
    accepts_siblings = serializers.BooleanField()
    health_needs_accepted = serializers.ListField(child=serializers.ChoiceField(choices=HealthNeed.choices))
    health_needs_experience = serializers.ListField(child=serializers.ChoiceField(choices=HealthNeed.choices))
    ethnicities_accepted = serializers.ListField(child=serializers.ChoiceField(choices=Ethnicity.choices))
    legal_statuses = serializers.ListField(child=serializers.ChoiceField(choices=LegalStatus.choices))
    contact_willingness = serializers.ChoiceField(choices=ContactLevel.choices)
    accepts_other_regions = serializers.BooleanField()
    children_in_household = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class RegisterEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    household_id = serializers.IntegerField()
    members = MemberRefSerializer(many=True, help_text=_("Žadatelé / Applicants."))
    region = RegionRefSerializer()
    care_types = serializers.ListField(
        child=serializers.ChoiceField(choices=CareType.choices), help_text=_("Schválené formy péče / Approved.")
    )
    decision_date = serializers.DateField()
    effective_date = serializers.DateField(help_text=_("Právní moc; párovat lze od ní / Final; matchable from."))
    status = serializers.ChoiceField(choices=RegisterStatus.choices)
    status_changed_at = serializers.DateTimeField()
    status_reason = serializers.CharField(allow_blank=True)
    days_in_register = serializers.IntegerField(help_text=_("Dní od právní moci / Days since the decision is final."))
    profile = AcceptanceProfileSerializer(allow_null=True, help_text=_("Profil přijatelného dítěte / Acceptance."))


def register_entry_data(entry: ApplicantRegisterEntry, *, today=None) -> dict:
    today = today or timezone.localdate()
    profile = getattr(entry, "profile", None) if hasattr(entry, "profile") else None
    return RegisterEntrySerializer(
        {
            "id": entry.pk,
            "household_id": entry.household_id,
            "members": list(entry.household.members.all()),
            "region": entry.region,
            "care_types": list(entry.care_types),
            "decision_date": entry.decision_date,
            "effective_date": entry.effective_date,
            "status": entry.status,
            "status_changed_at": entry.status_changed_at,
            "status_reason": entry.status_reason,
            "days_in_register": max(0, (today - entry.effective_date).days),
            "profile": profile,
        }
    ).data


def register_list_for_officer(*, officer):
    """The register entries of the officer's regions (the applicant register screen's rule: own region only)."""
    return selectors.register_list_for_user(user=officer)


class RegisterFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RegisterStatus.choices, help_text=_("Stav / Status."))
    care_type = django_filters.ChoiceFilter(
        choices=CareType.choices, method="filter_care_type", help_text=_("Schválená forma péče / Approved care type.")
    )

    class Meta:
        model = ApplicantRegisterEntry
        fields = ["status", "care_type"]

    def filter_care_type(self, queryset, name, value):
        return queryset.filter(care_types__contains=[value])


@extend_schema(tags=["register"])
class RegisterListApi(AuditedListApiMixin, ScopedListApi):
    """Evidence žadatelů kraje s profily přijatelného dítěte (krajský úřad). / The region's applicant register."""

    # Each listed household is recorded as read (nrp/audit/lists.py).
    audit_list_object_type = "applicant_journey.applicantregisterentry"
    audit_list_household = staticmethod(lambda entry: entry.household_id)
    audit_list_region = staticmethod(lambda entry: entry.region_id)

    OutputSerializer = RegisterEntrySerializer
    permission_classes = [PolicyPermission]
    policy = permissions.REGION_REGISTER
    filterset_class = RegisterFilter
    ordering_fields = ["id", "effective_date", "decision_date", "status_changed_at"]
    ordering = ["effective_date", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApplicantRegisterEntry.objects.none()
        return register_list_for_officer(officer=self.request.user)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        today = timezone.localdate()
        return self.get_paginated_response([register_entry_data(e, today=today) for e in page])

    @extend_schema(
        summary="Evidence žadatelů / Applicant register",
        description="Jen pracovníci krajského úřadu, jen jejich kraj; filtry forma péče a stav. / Regional officers "
        "only, their region only; filter by care type and status.",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["register"])
class RegisterDetailApi(ApiView):
    """Jeden záznam v evidenci žadatelů; čtení se audituje. / One register entry; audited."""

    permission_classes = [PolicyPermission]
    policy = permissions.REGION_REGISTER

    @extend_schema(summary="Záznam v evidenci žadatelů / Register entry", responses={200: RegisterEntrySerializer})
    def get(self, request: Request, pk: int) -> Response:
        entry = register_list_for_officer(officer=request.user).filter(pk=pk).first()
        if entry is None:
            raise NotFound()
        audit_read(
            actor=request.user,
            obj=entry,
            request=request,
            household=entry.household,
            region=entry.region,
            channel="api",
        )
        return Response(register_entry_data(entry))
