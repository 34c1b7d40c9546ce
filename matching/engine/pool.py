"""The pool of families as numpy columns (bit masks, coordinates, days waited), built once per ranking day."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.criteria.hard import RULES, HardRule
from matching.criteria.soft import (
    WAITING_SATURATION_DAYS,
)
from matching.types.inputs import FamilyProfile
from matching.types.vocabulary import (
    CARE_TYPES,
    CONTACT_ORDER,
    ETHNICITIES,
    HEALTH_NEEDS,
    LEGAL_STATUSES,
    SEXES,
    STATUS_ACTIVE,
)

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


def _codes(bits: dict[str, int], mask: int) -> tuple[str, ...]:
    return _codes_of(tuple(bits.items()), mask)


@lru_cache(maxsize=4096)
def _codes_of(bits: tuple[tuple[str, int], ...], mask: int) -> tuple[str, ...]:
    return tuple(code for code, bit in bits if mask & bit)


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
    # The hard rules as lookups (``rules.first_broken_rules``): small codes of the family's categorical columns,
    # each indexing a per-case table of broken-rule bits, so the rules cost a few gathers over the pool.
    static_bits: IntArray  # 1 << static_rule, or 0
    code_profile: IntArray  # care | legal << 4 | sexes << 6
    code_household: IntArray  # ethnicities | accepts_siblings << 3 | contact << 4 | min(max_children, 63) << 6
    code_ages: IntArray  # min(age_min, 31) << 5 | min(age_max, 31)
    home_only: BoolArray  # ~accepts_other_regions

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
    paused_days: Sequence[int] | IntArray | None = None,
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
    # SELECTION_PAUSE: paused days since právní moc are not waiting time.
    paused = col(paused_days, np.int64) if paused_days is not None else np.zeros(ids.shape[0], dtype=np.int64)
    waited = np.maximum(days - paused, 0)
    located = col(has_location, np.bool_)
    lat = np.where(located, np.radians(col(lat_degrees, np.float64)), 0.0)
    lon = np.where(located, np.radians(col(lon_degrees, np.float64)), 0.0)
    children = col(children_in_household, np.int64)
    care_col, legal_col, sexes_col = col(care, np.int64), col(legal, np.int64), col(sexes, np.int64)
    siblings_col, contact_col = col(accepts_siblings, np.bool_), col(contact, np.int64)
    max_children_col, ethnicities_col = col(max_children, np.int64), col(ethnicities, np.int64)
    age_min_col, age_max_col = col(age_min, np.int64), col(age_max, np.int64)
    other_regions_col = col(accepts_other_regions, np.bool_)
    return FamilyPool(
        today=today,
        entry_id=ids,
        region_id=col(region_id, np.int64),
        static_rule=static_rule,
        care=care_col,
        legal=legal_col,
        sexes=sexes_col,
        needs=col(needs, np.int64),
        experience=col(experience, np.int64),
        ethnicities=ethnicities_col,
        age_min=age_min_col,
        age_max=age_max_col,
        max_children=max_children_col,
        accepts_siblings=siblings_col,
        contact=contact_col,
        accepts_other_regions=other_regions_col,
        children_in_household=children,
        waited_days=waited,
        lat=lat,
        lon=lon,
        cos_lat=np.where(located, np.cos(lat), 1.0),
        has_location=located,
        # Same arithmetic as criteria.soft.waiting_score, for every family at once.
        waiting_score=np.minimum(1.0, waited / WAITING_SATURATION_DAYS),
        static_bits=np.where(static_rule >= 0, np.left_shift(1, np.maximum(static_rule, 0)), 0).astype(np.int16),
        code_profile=(care_col | legal_col << 4 | sexes_col << 6).astype(np.intp),
        code_household=(
            ethnicities_col
            | siblings_col.astype(np.int64) << 3
            | contact_col << 4
            | np.minimum(max_children_col, 63) << 6
        ).astype(np.intp),
        code_ages=(np.minimum(age_min_col, 31) << 5 | np.minimum(age_max_col, 31)).astype(np.intp),
        home_only=~other_regions_col,
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
        paused_days=[f.paused_days for f in rows],
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
