"""Applicant households (domácnosti žadatelů), scoped exactly as the screens: nrp.core.selectors.

applicant: own household · guide: own caseload · OSPOD: households of their ORP · officer: their region ·
assessor and administrator: none here. Another household answers 404, so its existence does not leak.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from nrp.api.apis.refs import OrpRefSerializer, RegionRefSerializer, UserRefSerializer
from nrp.api.filters import IdFilter
from nrp.api.views import ScopedDetailApi, ScopedListApi
from nrp.audit.lists import AuditedListApiMixin
from nrp.audit.services import audit_read
from nrp.core.models import Household, HouseholdMember
from nrp.core.selectors import household_get_for_user, household_list_for_user
from nrp.core.web import user_of


class HouseholdMemberOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = HouseholdMember
        fields = ["id", "first_name", "last_name", "sex", "date_of_birth"]


class HouseholdOutputSerializer(serializers.ModelSerializer):
    residence_orp = OrpRefSerializer(help_text=_("ORP trvalého pobytu / ORP of permanent residence."))
    region = RegionRefSerializer(source="residence_orp.region", help_text=_("Kraj / Region."))
    guide = UserRefSerializer(allow_null=True, help_text=_("Průvodce / Guide."))
    organisation_id = serializers.IntegerField(
        allow_null=True, help_text=_("Doprovázející organizace / Accompanying organisation.")
    )
    members = HouseholdMemberOutputSerializer(many=True, help_text=_("Žadatelé / Applicants."))

    class Meta:
        model = Household
        fields = ["id", "residence_orp", "region", "guide", "organisation_id", "members", "created_at"]


class HouseholdFilter(django_filters.FilterSet):
    residence_orp = IdFilter(field_name="residence_orp_id", help_text=_("ID ORP trvalého pobytu / ORP id."))
    region = IdFilter(field_name="residence_orp__region_id", help_text=_("ID kraje / Region id."))
    guide = IdFilter(field_name="guide_id", help_text=_("ID průvodce / Guide user id."))

    class Meta:
        model = Household
        fields = ["residence_orp", "region", "guide"]


@extend_schema(
    summary="Domácnosti žadatelů v mém rozsahu / Applicant households in my scope",
    description="Žadatel vidí svou domácnost, průvodce svůj caseload, OSPOD svou ORP, krajský úřad svůj kraj. / "
    "Applicant: own; guide: caseload; OSPOD: their ORP; regional officer: their region; others: empty.",
)
class HouseholdListApi(AuditedListApiMixin, ScopedListApi):
    """Domácnosti žadatelů v rozsahu uživatele. / Applicant households in the user's scope."""

    # Each household of the page is recorded as read (its members see it in "who accessed my file").
    audit_list_object_type = "core.household"
    audit_list_household = staticmethod(lambda household: household.pk)
    audit_list_region = staticmethod(lambda household: household.residence_orp.region_id)

    OutputSerializer = HouseholdOutputSerializer
    filterset_class = HouseholdFilter
    ordering_fields = ["id", "created_at"]
    ordering = ["id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no signed-in user
            return Household.objects.none()
        return household_list_for_user(user=user_of(self.request))


@extend_schema(summary="Domácnost žadatelů / Applicant household")
class HouseholdDetailApi(ScopedDetailApi):
    """Jedna domácnost; mimo rozsah 404. Čtení se zapisuje do auditu. / One household; out of scope 404; audited."""

    OutputSerializer = HouseholdOutputSerializer

    def select_object(self, *, user, pk):
        return household_get_for_user(user=user, household_id=pk)

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        household = self._household
        audit_read(
            actor=request.user,
            obj=household,
            household=household,
            region=household.residence_orp.region,
            request=request,
            channel="api",
        )
        return response

    def get_object(self):
        self._household = super().get_object()
        return self._household
