"""REST API of a region's matching criterion weights."""

from __future__ import annotations

import math

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from matching import permissions, selectors, services
from matching.permissions import officer_region_ids
from matching.types.inputs import WEIGHT_FIELDS
from nrp.api.apis.refs import RegionRefSerializer, UserRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.permissions import PolicyPermission
from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView
from nrp.core.models import Region

MSG_NOT_FINITE = _("Váha musí být číslo od 0 do 1.")


# --- weights -------------------------------------------------------------------------------------------------------
def _finite(value: float) -> None:
    if not math.isfinite(value):
        raise serializers.ValidationError(MSG_NOT_FINITE, code="invalid")


def _weight_field(**kwargs):
    return serializers.FloatField(min_value=0.0, max_value=1.0, validators=[_finite], **kwargs)


class WeightsOutputSerializer(serializers.Serializer):
    region = RegionRefSerializer()
    age_preference = serializers.FloatField(help_text=_("Blízkost věku k představě rodiny / Age preference."))
    needs_experience = serializers.FloatField(help_text=_("Zkušenost s potřebami dítěte / Needs experience."))
    birth_family_distance = serializers.FloatField(help_text=_("Vzdálenost od biologické rodiny / Distance."))
    waiting_time = serializers.FloatField(help_text=_("Doba čekání v evidenci / Time waited."))
    child_wishes = serializers.FloatField(help_text=_("Přání dítěte / The child's wishes."))
    household_children = serializers.FloatField(help_text=_("Děti již v domácnosti / Children in the household."))
    is_default = serializers.BooleanField(help_text=_("Kraj dosud nenastavil vlastní / Shipped defaults."))
    updated_at = serializers.DateTimeField(allow_null=True)
    updated_by = UserRefSerializer(allow_null=True)


def weights_data(region) -> dict:
    row = selectors.weights_row_for_region(region=region)
    return WeightsOutputSerializer(
        {
            "region": region,
            **{name: float(getattr(row, name)) for name in WEIGHT_FIELDS},
            "is_default": row.pk is None,
            "updated_at": row.updated_at if row.pk else None,
            "updated_by": row.updated_by if row.pk else None,
        }
    ).data


class WeightsInputSerializer(StrictSerializer):
    class Meta:
        ref_name = "MatchingWeightsUpdate"

    age_preference = _weight_field()
    needs_experience = _weight_field()
    birth_family_distance = _weight_field()
    waiting_time = _weight_field()
    child_wishes = _weight_field()
    household_children = _weight_field()


@extend_schema(tags=["rankings"])
class RegionWeightsApi(ETagMixin, ApiView):
    """Váhy kritérií párování kraje (0–1, alespoň jedna nenulová). / The region's criterion weights."""

    permission_classes = [PolicyPermission]
    policy = {"PUT": permissions.EDIT_WEIGHTS, "PATCH": permissions.EDIT_WEIGHTS, "*": permissions.READ_RANKINGS}

    def _region(self, pk: int, *, for_update: bool = False) -> Region:
        if pk not in officer_region_ids(self.request.user):
            raise NotFound()
        regions = Region.objects.select_for_update() if for_update else Region.objects
        return regions.get(pk=pk)

    @extend_schema(
        summary="Váhy kritérií párování / Matching weights",
        responses={200: WeightsOutputSerializer},
        parameters=[ETAG_HEADER],
    )
    def get(self, request, pk):
        return self.etag_response(weights_data(self._region(pk)))

    def _update(self, request, pk, *, partial: bool):
        region = self._region(pk, for_update=True)  # serialises writers of one region's weights
        check_if_match(request, weights_data(region))
        serializer = WeightsInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with service_errors(), transaction.atomic():
            services.matching_weights_update(region=region, actor=request.user, **serializer.validated_data)
        return self.etag_response(weights_data(region))

    @extend_schema(
        summary="Nastavit všechny váhy / Set all weights",
        description="Všech šest vah; If-Match s ETag z GET (428 bez, 412 zastaralý). Platí pro další spuštění "
        "pořadí. / All six weights; If-Match with the ETag from GET. Applies to rankings run from now on.",
        request=WeightsInputSerializer,
        responses={200: WeightsOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    @extend_schema(
        summary="Změnit některé váhy / Change some weights",
        description="Jen uvedené váhy; If-Match s ETag z GET. / Only the weights sent; If-Match with the ETag.",
        request=WeightsInputSerializer,
        responses={200: WeightsOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def patch(self, request, pk):
        return self._update(request, pk, partial=True)
