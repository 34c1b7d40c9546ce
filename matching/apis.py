"""REST API of matching: a child's stored rankings, running a new one, a region's criterion weights.

Only the regional officers of the child's region use matching (§19a): every other role gets 403, a case or region
of another region 404. Every stored ranking shown is audited as a read (``audit_read``), like the screens.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from matching import selectors, services
from matching.criteria.hard import RULES
from matching.models import ChildWishSignals, RankingRun, RankingScope, WishFlagChoice
from matching.permissions import officer_region_ids
from matching.reasons import CRITERION_LABELS, RULE_LABELS, render_reason
from matching.types import WEIGHT_FIELDS
from nrp.api.apis.refs import RegionRefSerializer, UserRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.pagination import StandardPagination
from nrp.api.permissions import HasAnyRole
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.services import audit_read
from nrp.core.choices import Role
from nrp.core.models import Region
from workflows.child_mediation.apis import CaseRefSerializer, service_errors
from workflows.child_mediation.models import ChildCaseStatus
from workflows.child_mediation.services.common import lock_case

OFFICER_ONLY: list[Any] = [IsAuthenticated, HasAnyRole(Role.OFFICER)]
MSG_NOT_FINITE = _("Váha musí být číslo od 0 do 1.")
# Ranked families in one answer of a stored ranking unless ?page_size= says otherwise (the API's usual 25).
RESULTS_PAGE_SIZE = StandardPagination.page_size


def _case_or_404(request, pk: int):
    child_case = selectors.case_get_for_officer(user=request.user, case_id=pk)
    if child_case is None:
        raise NotFound()
    return child_case


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
    permission_classes = OFFICER_ONLY
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return RankingRun.objects.none()
        self.child_case = _case_or_404(self.request, self.kwargs["pk"])
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
        child_case = _case_or_404(request, pk)
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

    permission_classes = OFFICER_ONLY

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


class ExcludedFamilySerializer(serializers.Serializer):
    entry_id = serializers.IntegerField(help_text=_("Záznam v evidenci žadatelů / Applicant register entry."))
    rule = serializers.CharField(help_text=_("První porušené pravidlo / The first rule broken."))


class _ExcludedFamilies(Sequence[dict[str, Any]]):
    """The families left out of a run, ordered by rule then entry id, as a sequence a paginator slices: a page
    reads only its part of the per-rule id arrays (the rule rows hold ids, so this is a few small reads)."""

    def __init__(self, rows: list[tuple[str, int]], run, rule: str | None) -> None:
        self._rows = rows  # (rule, count) in order
        self._run = run
        self._rule = rule

    def __len__(self) -> int:
        return sum(count for _, count in self._rows)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        found: list[dict[str, Any]] = []
        offset = 0
        for rule, count in self._rows:
            lo, hi = max(start - offset, 0), min(stop - offset, count)
            if lo < hi:
                # PostgreSQL arrays are 1-based and slices inclusive: entry_ids[lo+1:hi].
                ids = selectors.excluded_family_ids(run=self._run, rule=rule, start=lo, stop=hi)
                found.extend({"entry_id": entry_id, "rule": rule} for entry_id in ids)
            offset += count
        return found


@extend_schema(tags=["rankings"])
class RankingExcludedFamiliesApi(ApiView):
    """Rodiny vyřazené z uloženého pořadí, po stránkách (podle pravidla a čísla záznamu). / The families a
    stored ranking left out, page by page."""

    permission_classes = OFFICER_ONLY

    @extend_schema(
        summary="Vyřazené rodiny uloženého pořadí / Families left out of a stored ranking",
        responses={200: ExcludedFamilySerializer(many=True)},
        parameters=[
            OpenApiParameter("rule", str, enum=list(RULES), description=str(_("Jen jedno pravidlo / One rule only."))),
            *PAGE_PARAMETERS,
        ],
    )
    def get(self, request, pk):
        run = selectors.ranking_get_for_user(user=request.user, ranking_id=pk)
        if run is None:
            raise NotFound()
        rule = request.query_params.get("rule") or None
        if rule is not None and rule not in RULES:
            raise NotFound()
        rows = list(selectors.excluded_families(run=run, rule=rule).values_list("rule", "count"))
        paginator = StandardPagination()
        page = paginator.paginate_queryset(_ExcludedFamilies(rows, run, rule), request, view=self)
        audit_read(
            actor=request.user,
            obj=run,
            request=request,
            region=run.region,
            reason="matching excluded families shown",
            child_case_id=run.child_case_id,
            channel="api",
        )
        return paginator.get_paginated_response(ExcludedFamilySerializer(page, many=True).data)


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

    permission_classes = OFFICER_ONLY

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

    permission_classes = OFFICER_ONLY

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
        return self.etag_response(wish_signals_data(_case_or_404(request, pk)))

    @extend_schema(
        summary="Zaznamenat signály přání dítěte / Record the child's wish signals",
        description="If-Match s ETag z GET (428 bez, 412 zastaralý); platí pro další spuštění pořadí. / If-Match "
        "with the ETag from GET; applies to rankings run from now on.",
        request=InputSerializer,
        responses={200: WishSignalsOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def put(self, request, pk):
        child_case = _case_or_404(request, pk)
        lock_case(child_case)
        check_if_match(request, wish_signals_data(child_case))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            services.child_wishes_set(child_case=child_case, actor=request.user, **serializer.validated_data)
        return self.etag_response(wish_signals_data(child_case))


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

    permission_classes = OFFICER_ONLY

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
