"""Hard rules and criterion scores of the matching engine, column by column over the whole pool."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from matching.criteria.hard import HardRule
from matching.criteria.reasons import make_reason
from matching.criteria.soft import (
    AGE_EDGE_SCORE,
    CRITERIA,
    DISTANCE_SCALE_KM,
    EARTH_RADIUS_KM,
)
from matching.engine.pool import (
    _POPCOUNT,
    CARE_BITS,
    CONTACT_INDEX,
    ETHNICITY_BITS,
    LEGAL_BITS,
    NEED_BITS,
    RULE_INDEX,
    SEX_BITS,
    BoolArray,
    FamilyPool,
    FloatArray,
    IntArray,
    _codes,
    mask_of,
)
from matching.types.inputs import CaseProfile, Location, Weights
from matching.types.results import Reason
from matching.types.vocabulary import (
    ADOPTION,
    CONTACT_NONE,
    LEGAL_FREE,
    WishFlag,
)

SCORE_DECIMALS = 4

Radians = tuple[float, float, float, bool]


def _radians(location: Location | None) -> Radians:
    if location is None:
        return 0.0, 0.0, 1.0, False
    lat = math.radians(location.lat)
    return lat, math.radians(location.lon), math.cos(lat), True


@dataclass(frozen=True, slots=True)
class _CaseView:
    """The case reduced to what the rules compare."""

    case: CaseProfile
    ages: tuple[int, ...]
    min_age: int
    max_age: int
    size: int
    care: int
    care_allowed: int
    legal: int
    sexes: int
    needs: int
    needs_count: int
    ethnicities: int
    contact: int
    contact_planned: bool
    birth: Radians
    home: Radians


def _case_view(case: CaseProfile) -> _CaseView:
    ages = tuple(sorted(child.age for child in case.children))
    care = mask_of(CARE_BITS, case.care_types_sought)
    all_free = all(child.legal_status == LEGAL_FREE for child in case.children)
    # Adoption only for a legally free child (every child of the group): otherwise it is not a possible form.
    care_allowed = care if all_free else care & ~CARE_BITS[ADOPTION]
    needs = mask_of(NEED_BITS, (n for child in case.children for n in child.health_needs))
    return _CaseView(
        case=case,
        ages=ages,
        min_age=ages[0],
        max_age=ages[-1],
        size=len(ages),
        care=care,
        care_allowed=care_allowed,
        legal=mask_of(LEGAL_BITS, (child.legal_status for child in case.children)),
        sexes=mask_of(SEX_BITS, (child.sex for child in case.children)),
        needs=needs,
        needs_count=needs.bit_count(),
        ethnicities=mask_of(ETHNICITY_BITS, (child.ethnicity for child in case.children if child.ethnicity)),
        contact=CONTACT_INDEX[case.contact_plan],
        contact_planned=case.contact_plan != CONTACT_NONE,
        birth=_radians(case.birth_family_location),
        home=_radians(case.home_location),
    )


def _hard_rule_reasons(view: _CaseView) -> dict[str, Reason]:
    """One reason per case-level rule: the sentence names the child's side of the mismatch."""
    case = view.case
    return {
        HardRule.REGISTER_STATUS: make_reason(HardRule.REGISTER_STATUS),
        HardRule.NOT_YET_EFFECTIVE: make_reason(HardRule.NOT_YET_EFFECTIVE),
        HardRule.CURRENTLY_APPROACHED: make_reason(HardRule.CURRENTLY_APPROACHED),
        HardRule.OTHER_REGION: make_reason(HardRule.OTHER_REGION),
        HardRule.CARE_TYPE: make_reason(HardRule.CARE_TYPE, care_types=_codes(CARE_BITS, view.care)),
        HardRule.LEGAL_STATUS_CARE_TYPE: make_reason(HardRule.LEGAL_STATUS_CARE_TYPE),
        HardRule.LEGAL_STATUS: make_reason(HardRule.LEGAL_STATUS, legal_statuses=_codes(LEGAL_BITS, view.legal)),
        HardRule.AGE: make_reason(HardRule.AGE, ages=view.ages),
        HardRule.SEX: make_reason(HardRule.SEX, sexes=_codes(SEX_BITS, view.sexes)),
        HardRule.HEALTH_NEEDS: make_reason(HardRule.HEALTH_NEEDS, needs=_codes(NEED_BITS, view.needs)),
        HardRule.ETHNICITY: make_reason(HardRule.ETHNICITY, ethnicities=_codes(ETHNICITY_BITS, view.ethnicities)),
        HardRule.SIBLINGS: make_reason(HardRule.SIBLINGS, size=view.size),
        HardRule.CAPACITY: make_reason(HardRule.CAPACITY, size=view.size),
        HardRule.CONTACT: make_reason(HardRule.CONTACT, contact=case.contact_plan),
    }


def first_broken_rules(view: _CaseView, pool: FamilyPool, approached: IntArray | None) -> IntArray:
    """For every family, the index in ``RULES`` of the first hard rule it breaks for this case, or -1 (eligible).

    Rules are applied from the last to the first, each overwriting the families it catches, so the earliest
    rule broken is what remains: the same answer as checking the rules in order, family by family.
    """
    case = view.case
    # (rule, families breaking it); a rule that cannot catch anyone for this case is None and skipped.
    checks: list[tuple[str, BoolArray | None]] = [
        (HardRule.CONTACT, pool.contact < view.contact if view.contact else None),
        (HardRule.CAPACITY, pool.max_children < view.size if view.size > 1 else None),
        (HardRule.SIBLINGS, ~pool.accepts_siblings if view.size > 1 else None),
        (HardRule.ETHNICITY, (pool.ethnicities & view.ethnicities) != view.ethnicities if view.ethnicities else None),
        (HardRule.HEALTH_NEEDS, (pool.needs & view.needs) != view.needs if view.needs else None),
        (HardRule.SEX, (pool.sexes & view.sexes) != view.sexes),
        (HardRule.AGE, (pool.age_min > view.min_age) | (pool.age_max < view.max_age)),
        (HardRule.LEGAL_STATUS, (pool.legal & view.legal) != view.legal),
        (
            HardRule.LEGAL_STATUS_CARE_TYPE,
            (pool.care & view.care_allowed) == 0 if view.care_allowed != view.care else None,
        ),
        (HardRule.CARE_TYPE, (pool.care & view.care) == 0),
        (HardRule.OTHER_REGION, (pool.region_id != case.region_id) & ~pool.accepts_other_regions),
        (HardRule.CURRENTLY_APPROACHED, np.isin(pool.entry_id, approached) if approached is not None else None),
    ]
    rule = np.full(len(pool), -1, dtype=np.int64)
    for code, breaking in checks:
        if breaking is not None:
            rule[breaking] = RULE_INDEX[code]
    static = pool.static_rule >= 0
    rule[static] = pool.static_rule[static]
    return rule


def _haversine(a: Radians, pool: FamilyPool, rows: IntArray) -> FloatArray:
    """Vectorised ``criteria.soft.haversine_km`` from one point to the families at ``rows``."""
    s_lat = np.sin((pool.lat[rows] - a[0]) / 2)
    s_lon = np.sin((pool.lon[rows] - a[1]) / 2)
    h = s_lat * s_lat + a[2] * pool.cos_lat[rows] * s_lon * s_lon
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def _distance_scores(a: Radians, pool: FamilyPool, rows: IntArray) -> FloatArray:
    """``distance_score`` of every family at ``rows`` (0 where the family's place is unknown)."""
    if not a[3]:
        return np.zeros(rows.shape[0])
    score = np.maximum(0.0, 1.0 - _haversine(a, pool, rows) / DISTANCE_SCALE_KM)
    return np.where(pool.has_location[rows], score, 0.0)


def score_columns(view: _CaseView, pool: FamilyPool, rows: IntArray) -> FloatArray:
    """Raw 0–1 scores of the families at ``rows``, shape (len(CRITERIA), len(rows)), in ``CRITERIA`` order (a
    criterion that does not apply scores 0 and has no weight). Same arithmetic as ``criteria.soft``."""
    n = rows.shape[0]
    age_min = pool.age_min[rows]
    age_max = pool.age_max[rows]
    middle = (age_min + age_max) / 2
    half = (age_max - age_min) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        age_total = np.zeros(n)
        for child_age in view.ages:
            age_total = age_total + (1.0 - (1.0 - AGE_EDGE_SCORE) * np.abs(child_age - middle) / half)
        age = np.where(half == 0, 1.0, age_total / len(view.ages))
    no_score = np.zeros(n)
    experience = _POPCOUNT[pool.experience[rows] & view.needs] / view.needs_count if view.needs_count else no_score
    distance = _distance_scores(view.birth, pool, rows) if view.contact_planned and view.birth[3] else no_score
    wishes = view.case.wishes
    if wishes:
        wish_total = np.zeros(n)
        children = pool.children_in_household[rows]
        for flag in wishes:
            wish_total = wish_total + _wish_scores(flag, view, pool, rows, children)
        wish = wish_total / len(wishes)
    else:
        wish = np.zeros(n)
    return np.vstack([age, experience, distance, pool.waiting_score[rows], wish, pool.household_score[rows]])


def _wish_scores(flag: str, view: _CaseView, pool: FamilyPool, rows: IntArray, children: IntArray) -> FloatArray:
    if flag == WishFlag.OTHER_CHILDREN:
        return (children > 0).astype(np.float64)
    if flag == WishFlag.ONLY_CHILD:
        return (children == 0).astype(np.float64)
    # NEAR_HOME: how near the family lives to the child's home ORP (0 when either place is unknown).
    return _distance_scores(view.home, pool, rows)


def _applicable(view: _CaseView) -> tuple[bool, ...]:
    return (
        True,
        view.needs_count > 0,
        view.contact_planned and view.birth[3],
        True,
        bool(view.case.wishes),
        True,
    )


def _weight_values(weights: Weights, applicable: tuple[bool, ...]) -> tuple[float, ...]:
    return tuple(getattr(weights, name) if ok else 0.0 for name, ok in zip(CRITERIA, applicable, strict=True))
