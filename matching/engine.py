"""The matching engine (párování): one child or sibling group against a pool of approved families.

Pure Python over the dataclasses of ``matching.types``: no Django, no database, no network. The same input
gives the same output: the ranking is ordered by total score (rounded to 4 decimals, higher first), then by
the time the family has waited in the register (longer first), then by entry id (lower first).

Use ``prepare_pool(families, today=...)`` once (it validates and precomputes per-family data: bit masks,
coordinates in radians, days waited, register-state exclusions) and ``rank(case, pool, ...)`` for each child.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial

from matching.criteria.hard import RULES, HardRule
from matching.criteria.reasons import make_reason
from matching.criteria.soft import (
    CRITERIA,
    WISH_MET_THRESHOLD,
    age_preference_score,
    distance_score,
    haversine_km,
    household_score,
    waiting_score,
)
from matching.types import (
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
    CaseProfile,
    CriterionScore,
    FamilyProfile,
    Location,
    RankedFamily,
    RankingResult,
    Reason,
    Weights,
    WishFlag,
)

SCORE_DECIMALS = 4


def _bits(vocabulary: tuple[str, ...]) -> dict[str, int]:
    return {value: 1 << i for i, value in enumerate(vocabulary)}


CARE_BITS = _bits(CARE_TYPES)
LEGAL_BITS = _bits(LEGAL_STATUSES)
SEX_BITS = _bits(SEXES)
NEED_BITS = _bits(HEALTH_NEEDS)
ETHNICITY_BITS = _bits(ETHNICITIES)
CONTACT_INDEX = {value: i for i, value in enumerate(CONTACT_ORDER)}


def _mask(bits: dict[str, int], values: Iterable[str]) -> int:
    mask = 0
    for value in values:
        mask |= bits[value]
    return mask


def _codes(bits: dict[str, int], mask: int) -> tuple[str, ...]:
    return tuple(code for code, bit in bits.items() if mask & bit)


@dataclass(slots=True)
class _Row:
    """Per-family data precomputed once per pool (the hot loop reads only these attributes)."""

    family: FamilyProfile
    entry_id: int
    region_id: int
    static_exclusion: str | None
    care: int
    legal: int
    sexes: int
    needs: int
    experience: int
    ethnicities: int
    age_min: int
    age_max: int
    max_children: int
    accepts_siblings: bool
    contact: int
    accepts_other_regions: bool
    children_in_household: int
    waited_days: int
    lat: float
    lon: float
    cos_lat: float
    has_location: bool


@dataclass(frozen=True, slots=True)
class FamilyPool:
    """Families prepared for matching on one day (rows sorted by entry id, so input order never matters)."""

    today: date
    rows: tuple[_Row, ...]

    def __len__(self) -> int:
        return len(self.rows)


def _radians(location: Location | None) -> tuple[float, float, float, bool]:
    if location is None:
        return 0.0, 0.0, 1.0, False
    lat = math.radians(location.lat)
    return lat, math.radians(location.lon), math.cos(lat), True


def prepare_pool(families: Iterable[FamilyProfile], *, today: date) -> FamilyPool:
    """Precompute per-family data. Register-state rules (status, právní moc) are decided here, once per day."""
    rows = []
    seen: set[int] = set()
    for family in sorted(families, key=lambda f: f.entry_id):
        if family.entry_id in seen:
            raise ValueError(f"Duplicate family entry id {family.entry_id}")
        seen.add(family.entry_id)
        static: str | None = None
        if family.status != STATUS_ACTIVE:
            static = HardRule.REGISTER_STATUS
        elif family.effective_date > today:
            static = HardRule.NOT_YET_EFFECTIVE
        lat, lon, cos_lat, has_location = _radians(family.location)
        rows.append(
            _Row(
                family=family,
                entry_id=family.entry_id,
                region_id=family.region_id,
                static_exclusion=static,
                care=_mask(CARE_BITS, family.care_types),
                legal=_mask(LEGAL_BITS, family.legal_statuses),
                sexes=_mask(SEX_BITS, family.sexes),
                needs=_mask(NEED_BITS, family.health_needs_accepted),
                experience=_mask(NEED_BITS, family.health_needs_experience),
                ethnicities=_mask(ETHNICITY_BITS, family.ethnicities_accepted),
                age_min=family.age_min,
                age_max=family.age_max,
                max_children=family.max_children,
                accepts_siblings=family.accepts_siblings,
                contact=CONTACT_INDEX[family.contact_willingness],
                accepts_other_regions=family.accepts_other_regions,
                children_in_household=family.children_in_household,
                waited_days=max(0, (today - family.effective_date).days),
                lat=lat,
                lon=lon,
                cos_lat=cos_lat,
                has_location=has_location,
            )
        )
    return FamilyPool(today=today, rows=tuple(rows))


@dataclass(frozen=True, slots=True)
class _CaseView:
    """The case reduced to what the hot loop compares."""

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
    birth: tuple[float, float, float, bool]
    home: tuple[float, float, float, bool]


def _case_view(case: CaseProfile) -> _CaseView:
    ages = tuple(sorted(child.age for child in case.children))
    care = _mask(CARE_BITS, case.care_types_sought)
    all_free = all(child.legal_status == LEGAL_FREE for child in case.children)
    # Adoption only for a legally free child (every child of the group): otherwise it is not a possible form.
    care_allowed = care if all_free else care & ~CARE_BITS[ADOPTION]
    needs = _mask(NEED_BITS, (n for child in case.children for n in child.health_needs))
    return _CaseView(
        case=case,
        ages=ages,
        min_age=ages[0],
        max_age=ages[-1],
        size=len(ages),
        care=care,
        care_allowed=care_allowed,
        legal=_mask(LEGAL_BITS, (child.legal_status for child in case.children)),
        sexes=_mask(SEX_BITS, (child.sex for child in case.children)),
        needs=needs,
        needs_count=needs.bit_count(),
        ethnicities=_mask(ETHNICITY_BITS, (child.ethnicity for child in case.children if child.ethnicity)),
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


def _first_broken_rule(view: _CaseView, row: _Row, approached: frozenset[int] | set[int]) -> str | None:
    """The first hard rule (in ``RULES`` order) the family breaks for this case, or None when eligible."""
    if row.entry_id in approached:
        return HardRule.CURRENTLY_APPROACHED
    if row.region_id != view.case.region_id and not row.accepts_other_regions:
        return HardRule.OTHER_REGION
    if not view.care & row.care:
        return HardRule.CARE_TYPE
    if not view.care_allowed & row.care:
        return HardRule.LEGAL_STATUS_CARE_TYPE
    if view.legal & ~row.legal:
        return HardRule.LEGAL_STATUS
    if view.min_age < row.age_min or view.max_age > row.age_max:
        return HardRule.AGE
    if view.sexes & ~row.sexes:
        return HardRule.SEX
    if view.needs & ~row.needs:
        return HardRule.HEALTH_NEEDS
    if view.ethnicities & ~row.ethnicities:
        return HardRule.ETHNICITY
    if view.size > 1 and not row.accepts_siblings:
        return HardRule.SIBLINGS
    if view.size > row.max_children:
        return HardRule.CAPACITY
    if view.contact > row.contact:
        return HardRule.CONTACT
    return None


def _distance_km(a: tuple[float, float, float, bool], row: _Row) -> float:
    return haversine_km(a[0], a[1], a[2], row.lat, row.lon, row.cos_lat)


def _scores(view: _CaseView, row: _Row) -> tuple[float, ...]:
    """Raw 0–1 scores in ``CRITERIA`` order (a not-applicable criterion scores 0 and has no weight)."""
    age = age_preference_score(view.ages, row.age_min, row.age_max)
    experience = (row.experience & view.needs).bit_count() / view.needs_count if view.needs_count else 0.0
    if view.contact_planned and view.birth[3]:
        distance = distance_score(_distance_km(view.birth, row)) if row.has_location else 0.0
    else:
        distance = 0.0
    waiting = waiting_score(row.waited_days)
    wishes = view.case.wishes
    if wishes:
        wish_total = 0.0
        for flag in wishes:
            wish_total += _wish_score(flag, view, row)
        wish_score = wish_total / len(wishes)
    else:
        wish_score = 0.0
    return age, experience, distance, waiting, wish_score, household_score(row.children_in_household)


def _wish_score(flag: str, view: _CaseView, row: _Row) -> float:
    if flag == WishFlag.OTHER_CHILDREN:
        return 1.0 if row.children_in_household > 0 else 0.0
    if flag == WishFlag.ONLY_CHILD:
        return 1.0 if row.children_in_household == 0 else 0.0
    # NEAR_HOME: how near the family lives to the child's home ORP (0 when either place is unknown).
    if view.home[3] and row.has_location:
        return distance_score(_distance_km(view.home, row))
    return 0.0


def _applicable(view: _CaseView) -> tuple[bool, ...]:
    return (
        True,
        view.needs_count > 0,
        view.contact_planned and view.birth[3],
        True,
        bool(view.case.wishes),
        True,
    )


def _criterion_reasons(view: _CaseView, row: _Row, scores: tuple[float, ...]) -> tuple[Reason, ...]:
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
    row: _Row,
    s: tuple[float, ...],
    weight_values: tuple[float, ...],
    weight_sum: float,
    applicable: tuple[bool, ...],
) -> tuple[CriterionScore, ...]:
    reasons = _criterion_reasons(view, row, s)
    # A list comprehension with positional fields: this runs for every family of a stored ranking.
    return tuple(
        [
            CriterionScore(
                CRITERIA[i],
                round(s[i], SCORE_DECIMALS),
                weight_values[i],
                weight_values[i] * s[i] / weight_sum,
                applicable[i],
                reasons[i],
            )
            for i in range(len(CRITERIA))
        ]
    )


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
    rule_reasons = _hard_rule_reasons(view)
    counts = dict.fromkeys(RULES, 0)
    excluded_ids: list[int] = []
    excluded_rules: list[str] = []
    applicable = _applicable(view)
    weight_values = tuple(getattr(weights, name) if ok else 0.0 for name, ok in zip(CRITERIA, applicable, strict=True))
    weight_sum = sum(weight_values)
    w_age, w_exp, w_dist, w_wait, w_wish, w_house = weight_values

    scored: list[tuple[float, int, int, _Row, tuple[float, ...]]] = []
    for row in pool.rows:
        rule = row.static_exclusion or _first_broken_rule(view, row, approached_entry_ids)
        if rule is not None:
            counts[rule] += 1
            excluded_ids.append(row.entry_id)
            excluded_rules.append(rule)
            continue
        s = _scores(view, row)
        weighted = (
            w_age * s[0] + w_exp * s[1] + w_dist * s[2] + w_wait * s[3] + w_wish * s[4] + w_house * s[5]
        ) / weight_sum
        scored.append((-round(weighted, SCORE_DECIMALS), -row.waited_days, row.entry_id, row, s))

    scored.sort(key=lambda item: item[:3])
    if limit is not None:
        scored = scored[:limit]
    ranked = [
        RankedFamily(
            entry_id,
            position,
            -neg_total,
            row.waited_days,
            partial(_explain, view, row, s, weight_values, weight_sum, applicable),
        )
        for position, (neg_total, _neg_waited, entry_id, row, s) in enumerate(scored, start=1)
    ]
    return RankingResult(
        case_id=case.case_id,
        considered=len(pool.rows),
        ranked=tuple(ranked),
        excluded_entry_ids=tuple(excluded_ids),
        excluded_rules=tuple(excluded_rules),
        excluded_counts=tuple(counts.items()),
        rule_reasons=rule_reasons,
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
