"""Hard rules and criterion scores of the matching engine, column by column over the whole pool."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from matching.criteria.hard import HardRule
from matching.criteria.reasons import make_reason
from matching.criteria.soft import (
    AGE_EDGE_SCORE,
    CRITERIA,
    DISTANCE_SCALE_KM,
    EARTH_RADIUS_KM,
    HOUSEHOLD_UNKNOWN_SCORE,
    OPEN_AGE_MAX,
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
    HOUSEHOLD_ONLY,
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


def _bit(rule: str) -> int:
    return 1 << RULE_INDEX[rule]


# Every value of each lookup code (``FamilyPool.code_*``), decoded once: the per-case tables are built over these.
_PROFILE = np.arange(256)
_CARE, _LEGAL, _SEXES = _PROFILE & 15, (_PROFILE >> 4) & 3, (_PROFILE >> 6) & 3
_HOUSEHOLD = np.arange(4096)
_ETHNICITIES, _SIBLINGS = _HOUSEHOLD & 7, (_HOUSEHOLD >> 3) & 1
_CONTACT, _MAX_CHILDREN = (_HOUSEHOLD >> 4) & 3, _HOUSEHOLD >> 6
_NEEDS = np.arange(256)
# A table of broken-rule bits per coded value (16 bits hold every rule).
MaskTable = npt.NDArray[np.int16]

_AGES = np.arange(1024)
_AGE_MIN, _AGE_MAX = _AGES >> 5, _AGES & 31
# The code clips ages at 31 and capacities at 63: exact for children up to 30 years and groups up to 63.
_CODED_AGE_LIMIT, _CODED_SIZE_LIMIT = 30, 63
# Lowest set bit of every mask of broken rules = the FIRST rule broken (rules are bits in RULES order);
# no bit set = len(RULES), the "eligible" bucket of the counts.
FIRST_RULE = np.array(
    [len(RULE_INDEX)] + [(m & -m).bit_length() - 1 for m in range(1, 1 << len(RULE_INDEX))], dtype=np.intp
)


def _table(size: int, *parts: tuple[str, BoolArray | None]) -> MaskTable:
    table = np.zeros(size, dtype=np.int16)
    for rule, breaking in parts:
        if breaking is not None:
            table[breaking] |= _bit(rule)
    table.flags.writeable = False
    return table


@lru_cache(maxsize=4096)
def _profile_table(care: int, care_allowed: int, legal: int, sexes: int) -> MaskTable:
    return _table(
        256,
        (HardRule.CARE_TYPE, (_CARE & care) == 0),
        (HardRule.LEGAL_STATUS_CARE_TYPE, (_CARE & care_allowed) == 0 if care_allowed != care else None),
        (HardRule.LEGAL_STATUS, (_LEGAL & legal) != legal),
        (HardRule.SEX, (_SEXES & sexes) != sexes),
    )


@lru_cache(maxsize=4096)
def _household_table(ethnicities: int, size: int, contact: int) -> MaskTable:
    return _table(
        4096,
        (HardRule.ETHNICITY, (_ETHNICITIES & ethnicities) != ethnicities if ethnicities else None),
        (HardRule.SIBLINGS, _SIBLINGS == 0 if size > 1 else None),
        (HardRule.CAPACITY, size > _MAX_CHILDREN if size > 1 else None),
        (HardRule.CONTACT, contact > _CONTACT if contact else None),
    )


@lru_cache(maxsize=512)
def _needs_table(needs: int) -> MaskTable:
    return _table(256, (HardRule.HEALTH_NEEDS, (_NEEDS & needs) != needs))


@lru_cache(maxsize=1024)
def _ages_table(min_age: int, max_age: int) -> MaskTable:
    return _table(1024, (HardRule.AGE, (min_age < _AGE_MIN) | (max_age > _AGE_MAX)))


def broken_rule_masks(view: _CaseView, pool: FamilyPool, approached: IntArray | None) -> IntArray:
    """For every family, the bits (``1 << index in RULES``) of every hard rule it breaks for this case: the
    categorical rules are four gathers from per-case tables (cached: cases repeat their few values), the
    register-state rules a precomputed column, the region and approach rules two masked ORs."""
    broken = pool.static_bits | np.take(
        _profile_table(view.care, view.care_allowed, view.legal, view.sexes), pool.code_profile
    )
    if view.needs:
        broken |= np.take(_needs_table(view.needs), pool.needs)
    if view.ethnicities or view.size > 1 or view.contact:
        broken |= np.take(_household_table(view.ethnicities, min(view.size, 64), view.contact), pool.code_household)
    if view.max_age <= _CODED_AGE_LIMIT:
        broken |= np.take(_ages_table(view.min_age, view.max_age), pool.code_ages)
    else:
        np.bitwise_or(
            broken, _bit(HardRule.AGE), out=broken, where=(pool.age_min > view.min_age) | (pool.age_max < view.max_age)
        )
    if view.size > _CODED_SIZE_LIMIT:
        np.bitwise_or(broken, _bit(HardRule.CAPACITY), out=broken, where=pool.max_children < view.size)
    np.bitwise_or(
        broken, _bit(HardRule.OTHER_REGION), out=broken, where=pool.home_only & (pool.region_id != view.case.region_id)
    )
    if approached is not None:
        np.bitwise_or(broken, _bit(HardRule.CURRENTLY_APPROACHED), out=broken, where=np.isin(pool.entry_id, approached))
    return broken


def first_broken_rules(view: _CaseView, pool: FamilyPool, approached: IntArray | None) -> IntArray:
    """For every family, the index in ``RULES`` of the first hard rule it breaks for this case, or -1 (eligible)."""
    first = np.take(FIRST_RULE, broken_rule_masks(view, pool, approached))
    return np.where(first == len(RULE_INDEX), -1, first)


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
    age_max = pool.age_max[rows]
    # A child at a closed upper limit of a range of more than one age fits less (criteria.soft.age_fit); every
    # other child inside the range (the hard rule ``age`` holds for every eligible family) is a full fit.
    closed = (age_max < OPEN_AGE_MAX) & (pool.age_min[rows] < age_max)
    at_edge = np.zeros(n)
    for child_age in view.ages:
        at_edge += closed & (age_max == child_age)
    age = 1.0 - (1.0 - AGE_EDGE_SCORE) * at_edge / len(view.ages)
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
    position = view.case.household_position
    if position:
        alone = pool.children_in_household[rows] == 0
        household = np.where(alone, 1.0, 0.0 if position == HOUSEHOLD_ONLY else HOUSEHOLD_UNKNOWN_SCORE)
    else:
        household = no_score
    return np.vstack([age, experience, distance, pool.waiting_score[rows], wish, household])


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
        bool(view.case.household_position),
    )


def _weight_values(weights: Weights, applicable: tuple[bool, ...]) -> tuple[float, ...]:
    return tuple(getattr(weights, name) if ok else 0.0 for name, ok in zip(CRITERIA, applicable, strict=True))
