"""Read access for matching. Visibility lives here: officers of the case's region see its rankings; an officer
who ran a national-pool ranking may read that ranking too. Out of scope is None / empty (views answer 404)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.fields import ArrayField
from django.db.models import F, Func, IntegerField, Prefetch, Q, QuerySet

from matching.models import MatchingWeights, RankedEntry, RankingExclusion, RankingRun, RankingScope
from matching.permissions import officer_region_ids
from matching.types.inputs import Weights
from workflows.child_mediation.models import Child, ChildCase, ChildCaseStatus

# Cases still looking for a family (the waiting children of the register).
WAITING_STATUSES = (ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL, ChildCaseStatus.APPROACHING)
# Cases that can still be ranked.
RANKABLE_STATUSES = (ChildCaseStatus.PROPOSED, *WAITING_STATUSES)


def weights_for_region(*, region) -> Weights:
    """The region's weights, or the shipped defaults when the region has not set its own."""
    row = MatchingWeights.objects.filter(region=region).first()
    return row.to_engine() if row else Weights()


def weights_row_for_region(*, region) -> MatchingWeights:
    """The region's stored weights, or an unsaved row with the defaults (for the edit form)."""
    return MatchingWeights.objects.filter(region=region).first() or MatchingWeights(region=region)


def case_list_for_officer(*, user) -> QuerySet[ChildCase]:
    """Child cases of the officer's regions that may be ranked, oldest in the register first."""
    return (
        ChildCase.objects.filter(region_id__in=officer_region_ids(user), status__in=RANKABLE_STATUSES)
        .select_related("region", "orp")
        .prefetch_related(Prefetch("children", queryset=Child.objects.only("id", "case_id", "date_of_birth")))
        .order_by("registered_on", "pk")
    )


def case_get_for_officer(*, user, case_id: int) -> ChildCase | None:
    """A child case of one of the officer's regions, else None."""
    return (
        ChildCase.objects.filter(pk=case_id, region_id__in=officer_region_ids(user))
        .select_related("region", "orp", "birth_family_orp")
        .first()
    )


def _ranking_scope_q(user) -> Q | None:
    if not user.is_authenticated:
        return None
    regions = officer_region_ids(user)
    if not regions:
        return None
    return Q(region_id__in=regions) | Q(scope=RankingScope.NATIONAL, created_by=user)


def ranking_list_for_case(*, user, child_case) -> QuerySet[RankingRun]:
    """Stored rankings of a case the user may read, newest first (no heavy JSON loaded)."""
    q = _ranking_scope_q(user)
    if q is None:
        return RankingRun.objects.none()
    return (
        RankingRun.objects.filter(q, child_case=child_case)
        .select_related("created_by")
        .defer("inputs", "exclusions", "weights")
    )


def ranked_entries(*, run: RankingRun) -> QuerySet[RankedEntry]:
    """The ranked families of a stored run in order; slice it to read one page (LIMIT/OFFSET on the
    (run, rank) index); a row's ``criteria`` explains it from its stored inputs and scores."""
    # Through the run's related manager: every row's ``run`` is this object (no query per row to explain it).
    return run.ranked_entries.order_by("rank")


def excluded_families(*, run: RankingRun, rule: str | None = None) -> QuerySet[RankingExclusion]:
    """The families left out of a stored run, one row per rule (ids ascending)."""
    rows = RankingExclusion.objects.filter(run=run).order_by("rule")
    return rows.filter(rule=rule) if rule else rows


def excluded_family_ids(*, run: RankingRun, rule: str, start: int, stop: int) -> list[int]:
    """Entry ids ``start``..``stop`` (0-based, stop exclusive) of the families one rule left out of a run: the
    database slices the array, so a page reads only its ids."""
    part = Func(
        F("entry_ids"),
        function="",
        template=f"%(expressions)s[{int(start) + 1}:{int(stop)}]",
        output_field=ArrayField(IntegerField()),
    )
    ids = RankingExclusion.objects.filter(run=run, rule=rule).annotate(part=part).values_list("part", flat=True)
    return list(ids.first() or [])


def ranking_get_for_user(*, user, ranking_id: int) -> RankingRun | None:
    q = _ranking_scope_q(user)
    if q is None:
        return None
    return RankingRun.objects.filter(q, pk=ranking_id).select_related("child_case", "region", "created_by").first()


# --- statistics: how long do the children who wait longest wait? -------------------------------------------
OLDER_CHILD_AGE = 7
DISABILITY_NEEDS = {"physical", "intellectual", "sensory", "behavioural"}


@dataclass(frozen=True)
class WaitingGroup:
    code: str
    count: int
    median_days: float | None
    max_days: int | None


def _group_codes(case: ChildCase, today: date) -> list[str]:
    children = list(case.children.all())
    codes = ["all"]
    if any(c.age_on(today) >= OLDER_CHILD_AGE for c in children):
        codes.append("older")
    if len(children) >= 2:
        codes.append("siblings")
    if any(DISABILITY_NEEDS & set(c.health_needs or ()) for c in children):
        codes.append("disability")
    if any(c.ethnicity == "roma" for c in children):
        codes.append("roma")
    return codes


WAITING_GROUPS = ("all", "older", "siblings", "disability", "roma")


def waiting_statistics_for_region(*, region_id: int, today: date) -> list[WaitingGroup]:
    """Median days in the children register of waiting children per hard-to-place group (one region).

    Groups overlap (a Romani sibling group of older children counts in three). "all" is the baseline.
    """
    days: dict[str, list[int]] = {code: [] for code in WAITING_GROUPS}
    cases = (
        ChildCase.objects.filter(region_id=region_id, status__in=WAITING_STATUSES, registered_on__isnull=False)
        .prefetch_related("children")
        .order_by("pk")
    )
    for case in cases:
        if case.registered_on is None:  # excluded by the query; keeps the type checker informed
            continue
        waited = (today - case.registered_on).days
        for code in _group_codes(case, today):
            days[code].append(waited)
    return [
        WaitingGroup(
            code=code,
            count=len(values),
            median_days=statistics.median(values) if values else None,
            max_days=max(values) if values else None,
        )
        for code, values in days.items()
    ]
