"""REST API of a region's waiting statistics (how long families wait in the register)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from matching import permissions, selectors
from matching.permissions import officer_region_ids
from nrp.api.permissions import PolicyPermission
from nrp.api.views import ApiView


class WaitingGroupSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=[(code, code) for code in selectors.WAITING_GROUPS],
        help_text=_(
            "all = všechny čekající, older = 7 let a více, siblings = sourozenci, disability = postižení nebo poruchy "
            "chování, roma = romské děti / all, older (7+), siblings, disability, roma."
        ),
    )
    count = serializers.IntegerField()
    median_days = serializers.FloatField(allow_null=True, help_text=_("Medián dní v evidenci / Median days."))
    max_days = serializers.IntegerField(allow_null=True)


@extend_schema(tags=["rankings"])
class RegionWaitingStatisticsApi(ApiView):
    """Jak dlouho čekají děti v evidenci kraje, podle skupin. / How long the region's children wait, by group."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_RANKINGS

    @extend_schema(
        summary="Doba čekání dětí / Waiting statistics",
        description="Skupiny se překrývají; „all“ je srovnávací základ. / Groups overlap; 'all' is the baseline.",
        responses={200: WaitingGroupSerializer(many=True)},
    )
    def get(self, request, pk):
        if pk not in officer_region_ids(request.user):
            raise NotFound()
        groups = selectors.waiting_statistics_for_region(region_id=pk, today=timezone.localdate())
        return Response(WaitingGroupSerializer(groups, many=True).data)
