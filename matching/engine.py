"""The matching engine (párování): one child or sibling group against a pool of approved families.

Pure Python and numpy over the dataclasses of ``matching.types``: no Django, no database, no network. The same
input gives the same output: the ranking is ordered by total score (rounded to 4 decimals, higher first), then by
the time the family has waited in the register (longer first), then by entry id (lower first).

Use ``prepare_pool(families, today=...)`` once (it validates and precomputes per-family columns: bit masks,
coordinates in radians, days waited, register-state exclusions) and ``rank(case, pool, ...)`` for each child.
A caller that already has the columns (the database adapter reads them as plain values) builds the pool with
``pool_from_columns`` and never creates a ``FamilyProfile`` per family.

The pool is a set of numpy columns (one array per attribute, rows sorted by entry id): the hard rules and the
scores are evaluated for every family at once, column by column, and only the eligible families become Python
objects. The Czech explanation of a family is built on first access (lazily), so a screen that shows 25 families
explains 25.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.criteria.hard import RULES, HardRule
from matching.criteria.reasons import make_reason
from matching.criteria.soft import (
    AGE_EDGE_SCORE,
    CRITERIA,
    DISTANCE_SCALE_KM,
    EARTH_RADIUS_KM,
    WAITING_SATURATION_DAYS,
    WISH_MET_THRESHOLD,
    age_preference_score,
    distance_score,
    haversine_km,
)
from matching.types.inputs import CaseProfile, FamilyProfile, Location, Weights
from matching.types.results import CriterionScore, RankedFamilies, RankingResult, Reason
from matching.types.vocabulary import (
    ADOPTION,
    CARE_TYPES,
    CONTACT_NONE,
    CONTACT_ORDER,
    ETHNICITIES,
    HEALTH_NEEDS,
    LEGAL_FREE,
    LEGAL_STATUSES,
    SEXES,
    STATUS_ACTIVE,
    WishFlag,
)

SCORE_DECIMALS = 4
# Bumped whenever a rule, a score or a reason changes meaning: a stored ranking records the version it was made by.
ENGINE_VERSION = "2026.12-numpy"

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

RULE_INDEX: dict[str, int] = {rule: i for i, rule in enumerate(RULES)}
_REGISTER_STATUS = RULE_INDEX[HardRule.REGISTER_STATUS]
_NOT_YET_EFFECTIVE = RULE_INDEX[HardRule.NOT_YET_EFFECTIVE]


def _bits(vocabulary: tuple[str, ...]) -> dict[str, int]:
    return {value: 1 << i for i, value in enumerate(vocabulary)}


CARE_BITS = _bits(CARE_TYPES)
LEGAL_BITS = _bits(LEGAL_STATUSES)
SEX_BITS = _bits(SEXES)
NEED_BITS = _bits(HEALTH_NEEDS)
ETHNICITY_BITS = _bits(ETHNICITIES)
CONTACT_INDEX = {value: i for i, value in enumerate(CONTACT_ORDER)}
# Number of set bits of every 8-bit mask (the health-need masks have 8 bits).
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)


def mask_of(bits: dict[str, int], values: Iterable[str]) -> int:
    """The bit mask of a set of vocabulary values (KeyError for a value outside the vocabulary)."""
    mask = 0
    for value in values:
        mask |= bits[value]
    return mask


# Kept for callers of the first version.
_mask = mask_of


def _codes(bits: dict[str, int], mask: int) -> tuple[str, ...]:
    return tuple(code for code, bit in bits.items() if mask & bit)


@dataclass(frozen=True, slots=True)
class FamilyPool:
    """Families prepared for matching on one day: one numpy column per attribute, rows sorted by entry id (so
    input order never matters). Read-only: ``rank`` never changes it, so one pool serves every child of a day."""

    today: date
    entry_id: IntArray
    region_id: IntArray
    # Index in RULES of a register-state rule decided once per day (paused/removed…, právní moc), else -1.
    static_rule: IntArray
    care: IntArray
    legal: IntArray
    sexes: IntArray
    needs: IntArray
    experience: IntArray
    ethnicities: IntArray
    age_min: IntArray
    age_max: IntArray
    max_children: IntArray
    accepts_siblings: BoolArray
    contact: IntArray
    accepts_other_regions: BoolArray
    children_in_household: IntArray
    waited_days: IntArray
    lat: FloatArray
    lon: FloatArray
    cos_lat: FloatArray
    has_location: BoolArray
    # Scores that depend on the family only, computed once per pool.
    waiting_score: FloatArray
    household_score: FloatArray

    def __len__(self) -> int:
        return int(self.entry_id.shape[0])

    def digest(self) -> str:
        """A content address of the pool (SHA-256 of the day and every column): two rankings with the same
        digest compared the same families with the same data."""
        h = hashlib.sha256(self.today.isoformat().encode())
        for name in _DIGEST_COLUMNS:
            h.update(name.encode())
            h.update(np.ascontiguousarray(getattr(self, name)).tobytes())
        return h.hexdigest()


_DIGEST_COLUMNS = (
    "entry_id",
    "region_id",
    "static_rule",
    "care",
    "legal",
    "sexes",
    "needs",
    "experience",
    "ethnicities",
    "age_min",
    "age_max",
    "max_children",
    "accepts_siblings",
    "contact",
    "accepts_other_regions",
    "children_in_household",
    "waited_days",
    "lat",
    "lon",
)


def pool_from_columns(
    *,
    today: date,
    entry_id: Sequence[int] | IntArray,
    region_id: Sequence[int] | IntArray,
    active: Sequence[bool] | BoolArray,
    effective_ordinal: Sequence[int] | IntArray,
    care: Sequence[int] | IntArray,
    legal: Sequence[int] | IntArray,
    sexes: Sequence[int] | IntArray,
    needs: Sequence[int] | IntArray,
    experience: Sequence[int] | IntArray,
    ethnicities: Sequence[int] | IntArray,
    age_min: Sequence[int] | IntArray,
    age_max: Sequence[int] | IntArray,
    max_children: Sequence[int] | IntArray,
    accepts_siblings: Sequence[bool] | BoolArray,
    contact: Sequence[int] | IntArray,
    accepts_other_regions: Sequence[bool] | BoolArray,
    children_in_household: Sequence[int] | IntArray,
    lat_degrees: Sequence[float] | FloatArray,
    lon_degrees: Sequence[float] | FloatArray,
    has_location: Sequence[bool] | BoolArray,
) -> FamilyPool:
    """Build a pool from per-family columns that are already valid (masks from ``mask_of``, ``contact`` an index
    in ``CONTACT_ORDER``, dates as ``date.toordinal()``). Rows are sorted by entry id; a duplicate id is refused."""
    ids = np.asarray(entry_id, dtype=np.int64)
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    if ids.shape[0] > 1 and bool(np.any(ids[1:] == ids[:-1])):
        duplicate = int(ids[1:][ids[1:] == ids[:-1]][0])
        raise ValueError(f"Duplicate family entry id {duplicate}")

    def col(values: Any, dtype: Any) -> Any:
        return np.asarray(values, dtype=dtype)[order] if ids.shape[0] else np.zeros(0, dtype=dtype)

    effective = col(effective_ordinal, np.int64)
    days = today.toordinal() - effective
    static_rule = np.full(ids.shape[0], -1, dtype=np.int64)
    static_rule[days < 0] = _NOT_YET_EFFECTIVE
    static_rule[~col(active, np.bool_)] = _REGISTER_STATUS
    waited = np.maximum(days, 0)
    located = col(has_location, np.bool_)
    lat = np.where(located, np.radians(col(lat_degrees, np.float64)), 0.0)
    lon = np.where(located, np.radians(col(lon_degrees, np.float64)), 0.0)
    children = col(children_in_household, np.int64)
    return FamilyPool(
        today=today,
        entry_id=ids,
        region_id=col(region_id, np.int64),
        static_rule=static_rule,
        care=col(care, np.int64),
        legal=col(legal, np.int64),
        sexes=col(sexes, np.int64),
        needs=col(needs, np.int64),
        experience=col(experience, np.int64),
        ethnicities=col(ethnicities, np.int64),
        age_min=col(age_min, np.int64),
        age_max=col(age_max, np.int64),
        max_children=col(max_children, np.int64),
        accepts_siblings=col(accepts_siblings, np.bool_),
        contact=col(contact, np.int64),
        accepts_other_regions=col(accepts_other_regions, np.bool_),
        children_in_household=children,
        waited_days=waited,
        lat=lat,
        lon=lon,
        cos_lat=np.where(located, np.cos(lat), 1.0),
        has_location=located,
        # Same arithmetic as criteria.soft.waiting_score / household_score, for every family at once.
        waiting_score=np.minimum(1.0, waited / WAITING_SATURATION_DAYS),
        household_score=1.0 / (1 + children),
    )


def prepare_pool(families: Iterable[FamilyProfile], *, today: date) -> FamilyPool:
    """Precompute per-family columns. Register-state rules (status, právní moc) are decided here, once per day."""
    rows = list(families)
    locations = [f.location for f in rows]
    return pool_from_columns(
        today=today,
        entry_id=[f.entry_id for f in rows],
        region_id=[f.region_id for f in rows],
        active=[f.status == STATUS_ACTIVE for f in rows],
        effective_ordinal=[f.effective_date.toordinal() for f in rows],
        care=[mask_of(CARE_BITS, f.care_types) for f in rows],
        legal=[mask_of(LEGAL_BITS, f.legal_statuses) for f in rows],
        sexes=[mask_of(SEX_BITS, f.sexes) for f in rows],
        needs=[mask_of(NEED_BITS, f.health_needs_accepted) for f in rows],
        experience=[mask_of(NEED_BITS, f.health_needs_experience) for f in rows],
        ethnicities=[mask_of(ETHNICITY_BITS, f.ethnicities_accepted) for f in rows],
        age_min=[f.age_min for f in rows],
        age_max=[f.age_max for f in rows],
        max_children=[f.max_children for f in rows],
        accepts_siblings=[f.accepts_siblings for f in rows],
        contact=[CONTACT_INDEX[f.contact_willingness] for f in rows],
        accepts_other_regions=[f.accepts_other_regions for f in rows],
        children_in_household=[f.children_in_household for f in rows],
        lat_degrees=[loc.lat if loc else 0.0 for loc in locations],
        lon_degrees=[loc.lon if loc else 0.0 for loc in locations],
        has_location=[loc is not None for loc in locations],
    )


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
    return _Family(
        int(pool.age_min[i]),
        int(pool.age_max[i]),
        int(pool.experience[i]),
        int(pool.children_in_household[i]),
        int(pool.waited_days[i]),
        float(pool.lat[i]),
        float(pool.lon[i]),
        float(pool.cos_lat[i]),
        bool(pool.has_location[i]),
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


def _criterion_reasons(view: _CaseView, row: _Family, scores: tuple[float, ...]) -> tuple[Reason, ...]:
    case = view.case
    ages = view.ages
    age = make_reason(
        "age.middle" if scores[0] >= 0.8 else "age.edge", ages=ages, age_min=row.age_min, age_max=row.age_max
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
    waiting = make_reason("waiting.days", days=row.waited_days)
    if case.wishes:
        met: list[str] = []
        unmet: list[str] = []
        for flag in sorted(case.wishes):
            (met if _wish_score(flag, view, row) >= WISH_MET_THRESHOLD else unmet).append(flag)
        wishes = make_reason("wishes.result", met=tuple(met), unmet=tuple(unmet))
    else:
        wishes = make_reason("wishes.not_applicable")
    if row.children_in_household:
        household = make_reason("household.some", count=row.children_in_household)
    else:
        household = make_reason("household.none")
    return age, experience, distance, waiting, wishes, household


def _explain(
    view: _CaseView,
    pool: FamilyPool,
    i: int,
    s: tuple[float, ...],
    weight_values: tuple[float, ...],
    weight_sum: float,
    applicable: tuple[bool, ...],
) -> tuple[CriterionScore, ...]:
    reasons = _criterion_reasons(view, _family_at(pool, i), s)
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
) -> tuple[CriterionScore, ...]:
    """The explanation of one ranked family from its stored raw scores (what ``rank`` gave it): the same
    contributions and reasons as ``rank(...).ranked[i].criteria`` on that day, without ranking again."""
    view = _case_view(case)
    applicable = _applicable(view)
    weight_values = _weight_values(weights or Weights(), applicable)
    pool = prepare_pool([family], today=today)
    return _explain(view, pool, 0, tuple(scores), weight_values, sum(weight_values), applicable)


def explain_family(
    case: CaseProfile, family: FamilyProfile, *, today: date, weights: Weights | None = None
) -> tuple[CriterionScore, ...]:
    """The per-criterion scores and reasons of one family for one case (what a stored ranking row shows)."""
    ranked = rank(case, prepare_pool([family], today=today), weights=weights).ranked
    return ranked[0].criteria if ranked else ()


def _round_scores(values: FloatArray) -> FloatArray:
    """``round(v, 4)`` of every value, exactly as Python rounds (to the nearest 4-decimal number, the double
    nearest to it). numpy's ``round`` scales by 10⁴ first, which can pick the other neighbour when the scaled
    value lies within a rounding error of a half; those few values are rounded by Python."""
    rounded = np.round(values, SCORE_DECIMALS)
    scaled = values * 10**SCORE_DECIMALS
    doubtful = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    for i in doubtful.tolist():
        rounded[i] = round(float(values[i]), SCORE_DECIMALS)
    return rounded


def _weight_values(weights: Weights, applicable: tuple[bool, ...]) -> tuple[float, ...]:
    return tuple(getattr(weights, name) if ok else 0.0 for name, ok in zip(CRITERIA, applicable, strict=True))


def rank(
    case: CaseProfile,
    pool: FamilyPool,
    *,
    weights: Weights | None = None,
    approached_entry_ids: frozenset[int] | set[int] = frozenset(),
    limit: int | None = None,
) -> RankingResult:
    """Rank the pool's families for ``case``.

    Families breaking a hard rule are left out and counted under the first rule they break; the others are
    scored and ordered. ``limit`` keeps only the first N ranked families (their order does not depend on it).
    A case with no eligible family gets an empty ``ranked`` and the counts per rule, never an error.
    """
    weights = weights or Weights()
    view = _case_view(case)
    approached = np.fromiter(approached_entry_ids, dtype=np.int64) if approached_entry_ids else None
    rule = first_broken_rules(view, pool, approached)
    eligible = np.flatnonzero(rule < 0)
    excluded = np.flatnonzero(rule >= 0)
    counts = np.bincount(rule[excluded], minlength=len(RULES))

    applicable = _applicable(view)
    weight_values = _weight_values(weights, applicable)
    weight_sum = sum(weight_values)
    scores = score_columns(view, pool, eligible)
    weighted = (
        weight_values[0] * scores[0]
        + weight_values[1] * scores[1]
        + weight_values[2] * scores[2]
        + weight_values[3] * scores[3]
        + weight_values[4] * scores[4]
        + weight_values[5] * scores[5]
    ) / weight_sum
    totals = _round_scores(weighted)
    waited = pool.waited_days[eligible]
    order = np.lexsort((pool.entry_id[eligible], -waited, -totals))
    if limit is not None:
        order = order[:limit]
    positions = eligible[order]
    ordered_scores = scores[:, order]

    def explainer(k: int, s: tuple[float, ...]) -> partial[tuple[CriterionScore, ...]]:
        return partial(_explain, view, pool, int(positions[k]), s, weight_values, weight_sum, applicable)

    ranked = RankedFamilies(pool.entry_id[positions], totals[order], waited[order], ordered_scores, explainer)
    return RankingResult(
        case_id=case.case_id,
        considered=len(pool),
        ranked=ranked,
        excluded_ids=pool.entry_id[excluded],
        excluded_rule_indexes=rule[excluded],
        excluded_counts=tuple(zip(RULES, counts.tolist(), strict=True)),
        rule_reasons=_hard_rule_reasons(view),
    )


def rank_many(
    cases: Iterable[CaseProfile],
    pool: FamilyPool,
    *,
    weights: Weights | None = None,
    approached_entry_ids: frozenset[int] | set[int] = frozenset(),
    limit: int | None = None,
) -> list[RankingResult]:
    """Rank every case against one prepared pool (the pool's per-family work is done once)."""
    return [rank(case, pool, weights=weights, approached_entry_ids=approached_entry_ids, limit=limit) for case in cases]


# Kept importable for callers of the scalar helpers.
__all__ = [
    "ENGINE_VERSION",
    "FamilyPool",
    "RULE_INDEX",
    "age_preference_score",
    "explain_family",
    "first_broken_rules",
    "mask_of",
    "pool_from_columns",
    "prepare_pool",
    "rank",
    "rank_many",
    "score_columns",
]
