"""REST API of a child's stored rankings: the list, running a new one, one ranking with its ranked families."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from matching import permissions, selectors, services
from matching.apis.common import RESULTS_PAGE_SIZE, case_or_404
from matching.models import RankingRun, RankingScope
from matching.reasons import CRITERION_LABELS, RULE_LABELS, render_reason
from nrp.api.apis.refs import RegionRefSerializer, UserRefSerializer
from nrp.api.pagination import StandardPagination
from nrp.api.permissions import PolicyPermission
from nrp.api.problems import service_errors
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.services import audit_read
from workflows.child_mediation.apis import CaseRefSerializer
from workflows.child_mediation.models import ChildCaseStatus


# --- rankings ------------------------------------------------------------------------------------------------------
class RankingListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    child_case_id = serializers.IntegerField()
    region_id = serializers.IntegerField()
    scope = serializers.ChoiceField(choices=RankingScope.choices, help_text=_("Krajské / celostátní hledání."))
    ranked_on = serializers.DateField(help_text=_("Ke dni / Computed for this day."))
    created_at = serializers.DateTimeField()
    created_by = UserRefSerializer()
    considered_count = serializers.IntegerField(help_text=_("Posuzováno rodin / Families considered."))
    eligible_count = serializers.IntegerField(help_text=_("Vhodných rodin / Eligible families."))


class MatchingReasonSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stabilní kód důvodu / Stable reason code."))
    text = serializers.CharField(help_text=_("Důvod v jazyce požadavku / The reason in the request language."))


class RankingCriterionSerializer(serializers.Serializer):
    criterion = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field.label
    score = serializers.FloatField(help_text=_("0–1"))
    weight = serializers.FloatField(help_text=_("0–1"))
    contribution = serializers.FloatField(help_text=_("Příspěvek k celkovému skóre / Share of the total."))
    applicable = serializers.BooleanField()
    reason = MatchingReasonSerializer()


class RankedFamilySerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    entry_id = serializers.IntegerField(help_text=_("Záznam v evidenci žadatelů / Applicant register entry."))
    region_id = serializers.IntegerField()
    total = serializers.FloatField(help_text=_("Celkové skóre 0–1 / Total score 0–1."))
    waited_days = serializers.IntegerField(help_text=_("Dní v evidenci / Days in the register."))
    criteria = RankingCriterionSerializer(many=True)


class RankingExclusionSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text=_("Tvrdé pravidlo / Hard rule."))
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field.label
    count = serializers.IntegerField()
    reason = serializers.CharField()


class SkippedFamilySerializer(serializers.Serializer):
    entry_id = serializers.IntegerField()
    message = serializers.CharField()


class RankingChildSnapshotSerializer(serializers.Serializer):
    age = serializers.IntegerField()
    sex = serializers.CharField()
    legal_status = serializers.CharField()
    health_needs = serializers.ListField(child=serializers.CharField())
    ethnicity = serializers.CharField(allow_blank=True, allow_null=True)


class ChildProfileSnapshotSerializer(serializers.Serializer):
    """The anonymised child profile the engine compared (never names or dates of birth)."""

    care_types_sought = serializers.ListField(child=serializers.CharField())
    contact_plan = serializers.CharField()
    wishes = serializers.ListField(child=serializers.CharField(), help_text=_("Signály přání dítěte / Wish signals."))
    children = RankingChildSnapshotSerializer(many=True)


class RankingDetailSerializer(RankingListItemSerializer):
    child_case = CaseRefSerializer()
    region = RegionRefSerializer()
    weights = serializers.DictField(child=serializers.FloatField(), help_text=_("Použité váhy / Weights used."))
    child_profile = ChildProfileSnapshotSerializer()
    engine_version = serializers.CharField(help_text=_("Verze pravidel párování / Version of the matching rules."))
    pool_digest = serializers.CharField(
        help_text=_("Otisk evidence, ze které pořadí vzniklo (SHA-256) / Content address of the register read.")
    )
    page = serializers.IntegerField(help_text=_("Stránka pořadí v `results` / Page of the ranking in `results`."))
    page_size = serializers.IntegerField()
    results = RankedFamilySerializer(
        many=True,
        help_text=_(
            "Jedna stránka pořadí rodin s důvody (`?page=`, `?page_size=` nejvýše 100); celkem `eligible_count`. "
            "/ One page of the ranked families with reasons; `eligible_count` in all."
        ),
    )
    exclusions = RankingExclusionSerializer(many=True, help_text=_("Vyřazené podle pravidel / Excluded per hard rule."))
    skipped = SkippedFamilySerializer(many=True, help_text=_("Nelze posoudit / Entries that could not be matched."))


def _reason(reason: dict) -> dict:
    return {"code": reason.get("code", ""), "text": render_reason(reason)}


def _page(request) -> tuple[int, int]:
    """``?page=`` and ``?page_size=`` of a ranking (the API's usual pagination: 25 by default, at most 100)."""
    paginator = StandardPagination()
    size = paginator.get_page_size(request) or paginator.page_size
    raw = request.query_params.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise NotFound()
    return int(raw), size


def ranking_representation(run, *, page: int = 1, page_size: int = RESULTS_PAGE_SIZE) -> dict:
    """A stored ranking with one page of its ranked families, reasons rendered in the request language."""
    case_input = run.inputs.get("case", {})
    exclusions = run.exclusions or {}
    start = (page - 1) * page_size
    if page > 1 and start >= run.eligible_count:
        raise NotFound()
    entries = selectors.ranked_entries(run=run)[start : start + page_size]
    return {
        "id": run.pk,
        "child_case_id": run.child_case_id,
        "child_case": run.child_case,
        "region_id": run.region_id,
        "region": run.region,
        "scope": run.scope,
        "ranked_on": run.ranked_on,
        "created_at": run.created_at,
        "created_by": run.created_by,
        "considered_count": run.considered_count,
        "eligible_count": run.eligible_count,
        "weights": run.weights,
        "engine_version": run.engine_version,
        "pool_digest": run.pool_digest,
        "child_profile": {
            "care_types_sought": case_input.get("care_types_sought", []),
            "contact_plan": case_input.get("contact_plan", "none"),
            "wishes": case_input.get("wishes", []),
            "children": case_input.get("children", []),
        },
        "page": page,
        "page_size": page_size,
        "results": [
            {
                "rank": entry.rank,
                "entry_id": entry.entry_id,
                "region_id": entry.region_id,
                "total": entry.total,
                "waited_days": entry.waited_days,
                "criteria": [
                    {
                        **{key: c[key] for key in ("criterion", "score", "weight", "contribution", "applicable")},
                        "label": str(CRITERION_LABELS.get(c["criterion"], c["criterion"])),
                        "reason": _reason(c.get("reason") or {}),
                    }
                    for c in entry.criteria
                ],
            }
            for entry in entries
        ],
        "exclusions": [
            {
                "rule": rule,
                "label": str(RULE_LABELS.get(rule, rule)),
                "count": count,
                "reason": render_reason(exclusions.get("reasons", {}).get(rule, {})),
            }
            for rule, count in exclusions.get("counts", {}).items()
            if count
        ],
        "skipped": run.inputs.get("skipped", []),
    }


def shown_ranking(request, run) -> dict:
    """Serialize one page of a stored ranking for a person and audit that it was shown."""
    page, page_size = _page(request)
    data = RankingDetailSerializer(ranking_representation(run, page=page, page_size=page_size)).data
    audit_read(
        actor=request.user,
        obj=run,
        request=request,
        region=run.region,
        reason="matching ranking shown",
        child_case_id=run.child_case_id,
        channel="api",
        page=page,
    )
    return data


@extend_schema(tags=["rankings"])
class CaseRankingListApi(ScopedListApi):
    """Uložená pořadí rodin pro dítě; spuštění nového. / The child's stored rankings; run a new one."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "RankingRun"

        national = serializers.BooleanField(
            required=False,
            help_text=_(
                "Celostátní hledání; bez údaje podle stavu případu / National pool; default follows the case status."
            ),
        )

    OutputSerializer = RankingListItemSerializer
    permission_classes = [PolicyPermission]
    policy = {"POST": permissions.RUN_RANKINGS, "*": permissions.READ_RANKINGS}
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return RankingRun.objects.none()
        self.child_case = case_or_404(self.request, self.kwargs["pk"])
        return selectors.ranking_list_for_case(user=self.request.user, child_case=self.child_case)

    @extend_schema(summary="Uložená pořadí rodin pro dítě / Stored rankings of a child")
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The list shows families' scores too: one read event per list view (the case, how many rankings shown).
        shown = response.data.get("results", []) if isinstance(response.data, dict) else response.data
        audit_read(
            actor=request.user,
            obj=self.child_case,
            request=request,
            region=self.child_case.region,
            reason="matching rankings listed",
            rankings=len(shown),
            channel="api",
        )
        return response

    @extend_schema(
        summary="Spustit pořadí rodin / Run a ranking",
        description="Jen pracovník kraje dítěte. Rodiny právě oslovené pro jiné dítě jsou vynechány. Výsledek se "
        "uloží i se vstupy a jeho zobrazení se audituje. / Officers of the child's region only. Families approached "
        "for another child are left out. Stored with its inputs; showing it is audited.",
        request=InputSerializer,
        responses={201: RankingDetailSerializer},
        filters=False,
    )
    def post(self, request, pk):
        child_case = case_or_404(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        national = serializer.validated_data.get("national")
        if national is None:
            national = child_case.status == ChildCaseStatus.NATIONAL
        with service_errors():
            run = services.ranking_run(
                child_case=child_case,
                actor=request.user,
                national=national,
                approached_entry_ids=services.approached_entry_ids_for(child_case),
            )
        shown = selectors.ranking_get_for_user(user=request.user, ranking_id=run.pk)
        assert shown is not None  # the officer who ran it may read it
        return Response(shown_ranking(request, shown), status=status.HTTP_201_CREATED)


PAGE_PARAMETERS = [
    OpenApiParameter("page", int, description=str(StandardPagination.page_query_description)),
    OpenApiParameter("page_size", int, description=str(StandardPagination.page_size_query_description)),
]


@extend_schema(tags=["rankings"])
class RankingDetailApi(ApiView):
    """Uložené pořadí rodin se vstupy a důvody, po stránkách; čtení se audituje. / A stored ranking, one page of
    families at a time; audited."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_RANKINGS

    @extend_schema(
        summary="Uložené pořadí rodin / Stored ranking",
        responses={200: RankingDetailSerializer},
        parameters=PAGE_PARAMETERS,
    )
    def get(self, request, pk):
        run = selectors.ranking_get_for_user(user=request.user, ranking_id=pk)
        if run is None:
            raise NotFound()
        return Response(shown_ranking(request, run))
