"""Czech explanations of one family (built lazily, only for the families someone looks at)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matching.criteria.reasons import _reason, make_reason
from matching.criteria.soft import (
    CRITERIA,
    WISH_MET_THRESHOLD,
    age_fit,
    distance_score,
    haversine_km,
)
from matching.engine.pool import NEED_BITS, FamilyPool, _codes, prepare_pool
from matching.engine.rules import SCORE_DECIMALS, Radians, _applicable, _case_view, _CaseView, _weight_values
from matching.types.inputs import CaseProfile, FamilyProfile, Weights
from matching.types.results import CriterionScore, Reason
from matching.types.vocabulary import HOUSEHOLD_ONLY, WishFlag


# --- explanations (only for families someone looks at) ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Family:
    """One family of the pool as Python values (what an explanation reads)."""

    age_min: int
    age_max: int
    experience: int
    children_in_household: int
    waited_days: int
    lat: float
    lon: float
    cos_lat: float
    has_location: bool


def _family_at(pool: FamilyPool, i: int) -> _Family:
    # ``item`` gives the Python value directly (no numpy scalar in between): this runs once per explained family.
    return _Family(
        pool.age_min.item(i),
        pool.age_max.item(i),
        pool.experience.item(i),
        pool.children_in_household.item(i),
        pool.waited_days.item(i),
        pool.lat.item(i),
        pool.lon.item(i),
        pool.cos_lat.item(i),
        pool.has_location.item(i),
    )


def _distance_km(a: Radians, row: _Family) -> float:
    return haversine_km(a[0], a[1], a[2], row.lat, row.lon, row.cos_lat)


def _wish_score(flag: str, view: _CaseView, row: _Family) -> float:
    if flag == WishFlag.OTHER_CHILDREN:
        return 1.0 if row.children_in_household > 0 else 0.0
    if flag == WishFlag.ONLY_CHILD:
        return 1.0 if row.children_in_household == 0 else 0.0
    if view.home[3] and row.has_location:
        return distance_score(_distance_km(view.home, row))
    return 0.0


# How a tie on the total was broken (``Tie``: other families with the same total, and whether one of them also
# waited the same number of days, so the entry id decided between them); None: no other family has the total.
Tie = tuple[int, bool]


def _waiting_reason(days: int, tie: Tie | None) -> Reason:
    # ``_reason`` with the parameters already sorted by name (``make_reason`` sorts them): the hot path.
    if not tie:
        return _reason("waiting.days", (("days", days),))
    others, by_entry = tie
    return _reason("waiting.tie_entry" if by_entry else "waiting.tie", (("days", days), ("others", others)))


def _household_reason(position: str, children: int) -> Reason:
    if not position:
        return make_reason("household.not_applicable")
    if position == HOUSEHOLD_ONLY:
        if children:
            return make_reason("household.only_unfit", count=children)
        return make_reason("household.only_fit")
    if children:
        return make_reason("household.youngest_unknown", count=children)
    return make_reason("household.youngest_fit")


def _criterion_reasons(
    view: _CaseView, row: _Family, scores: tuple[float, ...], tie: Tie | None = None
) -> tuple[Reason, ...]:
    case = view.case
    ages = view.ages
    full_fit = all(age_fit(a, row.age_min, row.age_max) == 1.0 for a in ages)
    age = _reason(
        "age.inside" if full_fit else "age.upper_edge",
        (("age_max", row.age_max), ("age_min", row.age_min), ("ages", ages)),
    )
    if not view.needs_count:
        experience = make_reason("experience.not_applicable")
    else:
        known = view.needs & row.experience
        unknown = view.needs & ~row.experience
        if not unknown:
            experience = make_reason("experience.full", needs=_codes(NEED_BITS, known))
        elif not known:
            experience = make_reason("experience.none", needs=_codes(NEED_BITS, unknown))
        else:
            experience = make_reason(
                "experience.partial", known=_codes(NEED_BITS, known), unknown=_codes(NEED_BITS, unknown)
            )
    if not view.contact_planned:
        distance = make_reason("distance.no_contact")
    elif not view.birth[3]:
        distance = make_reason("distance.birth_unknown")
    elif not row.has_location:
        distance = make_reason("distance.family_unknown")
    else:
        distance = make_reason("distance.km", km=round(_distance_km(view.birth, row)), contact=case.contact_plan)
    waiting = _waiting_reason(row.waited_days, tie)
    if case.wishes:
        met: list[str] = []
        unmet: list[str] = []
        for flag in sorted(case.wishes):
            (met if _wish_score(flag, view, row) >= WISH_MET_THRESHOLD else unmet).append(flag)
        wishes = make_reason("wishes.result", met=tuple(met), unmet=tuple(unmet))
    else:
        wishes = make_reason("wishes.not_applicable")
    household = _household_reason(case.household_position, row.children_in_household)
    return age, experience, distance, waiting, wishes, household


def _explain(
    view: _CaseView,
    pool: FamilyPool,
    i: int,
    s: tuple[float, ...],
    weight_values: tuple[float, ...],
    weight_sum: float,
    applicable: tuple[bool, ...],
    tie: Tie | None = None,
) -> tuple[CriterionScore, ...]:
    reasons = _criterion_reasons(view, _family_at(pool, i), s, tie)
    return tuple(
        [
            CriterionScore(
                CRITERIA[k],
                round(s[k], SCORE_DECIMALS),
                weight_values[k],
                weight_values[k] * s[k] / weight_sum,
                applicable[k],
                reasons[k],
            )
            for k in range(len(CRITERIA))
        ]
    )


def explain_scores(
    case: CaseProfile,
    family: FamilyProfile,
    scores: Sequence[float],
    *,
    today: date,
    weights: Weights | None = None,
    tie: Tie | None = None,
) -> tuple[CriterionScore, ...]:
    """The explanation of one ranked family from its stored raw scores (what ``rank`` gave it): the same
    contributions and reasons as ``rank(...).ranked[i].criteria`` on that day, without ranking again. ``tie``:
    how its ranking broke a tie on the total (``tie_of``), so the reason says what decided the order."""
    view = _case_view(case)
    applicable = _applicable(view)
    weight_values = _weight_values(weights or Weights(), applicable)
    pool = prepare_pool([family], today=today)
    return _explain(view, pool, 0, tuple(scores), weight_values, sum(weight_values), applicable, tie)


def tie_of(totals: Sequence[float], waited_days: Sequence[int], k: int) -> Tie | None:
    """How the family at position ``k`` of an order (totals descending, then days waited descending) shares its
    total: (the number of other families with the same total, whether one of them waited as long, so the entry
    id decided), or None when no other family has its total. ``totals`` and ``waited_days`` may be any slice
    of the order that holds every family with that total."""
    total, days = totals[k], waited_days[k]
    same = [i for i in range(len(totals)) if totals[i] == total]
    if len(same) < 2:
        return None
    return len(same) - 1, sum(1 for i in same if waited_days[i] == days) > 1
