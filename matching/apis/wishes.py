"""REST API of the child's wish signals the ranking compares."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from matching import permissions, services
from matching.apis.common import case_or_404
from matching.models import ChildWishSignals, WishFlagChoice
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.permissions import PolicyPermission
from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView
from workflows.child_mediation.services.common import lock_case


# --- the child's wish signals and the waiting statistics ---------------------------------------------------------
class WishSignalsOutputSerializer(serializers.Serializer):
    child_case_id = serializers.IntegerField()
    flags = serializers.ListField(
        child=serializers.ChoiceField(choices=WishFlagChoice.choices),
        help_text=_("Které signály přání dítěte jeho slova jasně vyjadřují / Wish signals the child's words express."),
    )
    recorded_at = serializers.DateTimeField(allow_null=True)


def wish_signals_data(child_case) -> dict:
    row = ChildWishSignals.objects.filter(child_case=child_case).first()
    return WishSignalsOutputSerializer(
        {
            "child_case_id": child_case.pk,
            "flags": list(row.flags) if row else [],
            "recorded_at": row.recorded_at if row else None,
        }
    ).data


@extend_schema(tags=["rankings"])
class CaseWishSignalsApi(ETagMixin, ApiView):
    """Signály přání dítěte pro kritérium „přání dítěte“ (slova dítěte zůstávají ve spisu). / Wish signals."""

    permission_classes = [PolicyPermission]
    policy = {"PUT": permissions.RUN_RANKINGS, "*": permissions.READ_RANKINGS}

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "WishSignalsUpdate"

        flags = serializers.ListField(
            child=serializers.ChoiceField(choices=WishFlagChoice.choices), max_length=len(WishFlagChoice.choices)
        )

    @extend_schema(
        summary="Signály přání dítěte / The child's wish signals",
        responses={200: WishSignalsOutputSerializer},
        parameters=[ETAG_HEADER],
    )
    def get(self, request, pk):
        return self.etag_response(wish_signals_data(case_or_404(request, pk)))

    @extend_schema(
        summary="Zaznamenat signály přání dítěte / Record the child's wish signals",
        description="If-Match s ETag z GET (428 bez, 412 zastaralý); platí pro další spuštění pořadí. / If-Match "
        "with the ETag from GET; applies to rankings run from now on.",
        request=InputSerializer,
        responses={200: WishSignalsOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def put(self, request, pk):
        child_case = case_or_404(request, pk)
        lock_case(child_case)
        check_if_match(request, wish_signals_data(child_case))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.child_wishes_set(child_case=child_case, actor=request.user, **serializer.validated_data)
        return self.etag_response(wish_signals_data(child_case))
