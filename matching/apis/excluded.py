"""REST API of the families a stored ranking left out, by hard rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from matching import permissions, selectors
from matching.apis.rankings import PAGE_PARAMETERS
from matching.criteria.hard import RULES
from nrp.api.pagination import StandardPagination
from nrp.api.permissions import PolicyPermission
from nrp.api.views import ApiView
from nrp.audit.services import audit_read


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

    permission_classes = [PolicyPermission]
    policy = permissions.READ_RANKINGS

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
