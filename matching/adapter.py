"""Adapter between the database and the pure engine: builds engine input from models, and turns the engine's
result into the JSON a ``RankingRun`` stores (saleor's ``order/fetch.py`` pattern).

Only anonymised child data crosses into the engine and the snapshot: ages on the day, sex, legal status,
needs, recorded ethnicity. Never names or dates of birth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from matching.engine import (
    CARE_BITS,
    CONTACT_INDEX,
    ETHNICITY_BITS,
    LEGAL_BITS,
    NEED_BITS,
    SEX_BITS,
    FamilyPool,
    mask_of,
    pool_from_columns,
)
from matching.types import (
    REGISTER_STATUSES,
    STATUS_ACTIVE,
    CaseProfile,
    ChildProfile,
    FamilyProfile,
    Location,
    MatchingInputError,
    RankedFamily,
    RankingResult,
    Weights,
)
from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation.models import ChildCase

# Entries loaded into a pool: active ones, and paused ones so the exclusion counts show them (§24a). Removed,
# withdrawn and placed entries have left the register and would only add noise to the counts.
POOL_STATUSES = (RegisterStatus.ACTIVE, RegisterStatus.PAUSED)
PROFILE_MISSING = "Záznam nemá profil přijatelného dítěte; nelze jej párovat."


def location_of(orp) -> Location | None:
    if orp is None:
        return None
    return Location(float(orp.lat), float(orp.lon))


def case_profile(child_case: ChildCase, *, today: date) -> CaseProfile:
    """The engine's view of a child case (raises MatchingInputError for a case without children)."""
    from matching.models import ChildWishSignals

    children = tuple(
        ChildProfile(
            age=child.age_on(today),
            sex=child.sex,
            legal_status=child.legal_status,
            health_needs=frozenset(child.health_needs or ()),
            ethnicity=child.ethnicity or "",
        )
        for child in child_case.children.all()
    )
    signals = ChildWishSignals.objects.filter(child_case=child_case).values_list("flags", flat=True).first()
    return CaseProfile(
        case_id=child_case.pk,
        region_id=child_case.region_id,
        care_types_sought=frozenset(child_case.care_types_sought),
        children=children,
        contact_plan=child_case.contact_plan,
        birth_family_location=location_of(child_case.birth_family_orp),
        home_location=location_of(child_case.orp),
        wishes=frozenset(signals or ()),
    )


def family_profile(entry: ApplicantRegisterEntry) -> FamilyProfile:
    profile = entry.profile
    return FamilyProfile(
        entry_id=entry.pk,
        region_id=entry.region_id,
        care_types=frozenset(entry.care_types),
        status=entry.status,
        effective_date=entry.effective_date,
        age_min=profile.age_min,
        age_max=profile.age_max,
        sexes=frozenset(profile.sexes),
        max_children=profile.max_children,
        accepts_siblings=profile.accepts_siblings,
        legal_statuses=frozenset(profile.legal_statuses),
        health_needs_accepted=frozenset(profile.health_needs_accepted),
        health_needs_experience=frozenset(profile.health_needs_experience),
        ethnicities_accepted=frozenset(profile.ethnicities_accepted),
        contact_willingness=profile.contact_willingness,
        accepts_other_regions=profile.accepts_other_regions,
        children_in_household=profile.children_in_household,
        location=location_of(entry.household.residence_orp),
    )


# The columns of a family as the pool reads them: plain values, one query, no model objects.
POOL_COLUMNS = (
    "pk",
    "region_id",
    "status",
    "effective_date",
    "care_types",
    "profile__id",
    "profile__age_min",
    "profile__age_max",
    "profile__sexes",
    "profile__max_children",
    "profile__accepts_siblings",
    "profile__legal_statuses",
    "profile__health_needs_accepted",
    "profile__health_needs_experience",
    "profile__ethnicities_accepted",
    "profile__contact_willingness",
    "profile__accepts_other_regions",
    "profile__children_in_household",
    "household__residence_orp__lat",
    "household__residence_orp__lon",
)
PoolRow = tuple[Any, ...]
(
    _PK,
    _REGION,
    _STATUS,
    _EFFECTIVE,
    _CARE,
    _PROFILE,
    _AGE_MIN,
    _AGE_MAX,
    _SEXES,
    _MAX_CHILDREN,
    _SIBLINGS,
    _LEGAL,
    _NEEDS,
    _EXPERIENCE,
    _ETHNICITIES,
    _CONTACT,
    _OTHER_REGIONS,
    _CHILDREN,
    _LAT,
    _LON,
) = range(len(POOL_COLUMNS))


@dataclass
class LoadedPool:
    pool: FamilyPool
    # Entries that could not be matched at all: no acceptance profile, or an impossible one (with the message).
    skipped: list[dict[str, Any]] = field(default_factory=list)
    # entry id -> the row read for it (to snapshot the inputs of the families that are ranked).
    rows: dict[int, PoolRow] = field(default_factory=dict)

    @property
    def families(self) -> list[FamilyProfile]:
        """Every matched family as a ``FamilyProfile`` (slow for a large pool: for tests and small tools)."""
        return [family_from_row(row) for row in self.rows.values()]


def family_from_row(row: PoolRow) -> FamilyProfile:
    """One pool row as the engine's validated input (raises MatchingInputError for an impossible profile)."""
    lat, lon = row[_LAT], row[_LON]
    return FamilyProfile(
        entry_id=row[_PK],
        region_id=row[_REGION],
        care_types=frozenset(row[_CARE] or ()),
        status=row[_STATUS],
        effective_date=row[_EFFECTIVE],
        age_min=row[_AGE_MIN],
        age_max=row[_AGE_MAX],
        sexes=frozenset(row[_SEXES] or ()),
        max_children=row[_MAX_CHILDREN],
        accepts_siblings=row[_SIBLINGS],
        legal_statuses=frozenset(row[_LEGAL] or ()),
        health_needs_accepted=frozenset(row[_NEEDS] or ()),
        health_needs_experience=frozenset(row[_EXPERIENCE] or ()),
        ethnicities_accepted=frozenset(row[_ETHNICITIES] or ()),
        contact_willingness=row[_CONTACT],
        accepts_other_regions=row[_OTHER_REGIONS],
        children_in_household=row[_CHILDREN],
        location=None if lat is None or lon is None else Location(float(lat), float(lon)),
    )


class _Masks:
    """Bit masks of array columns, computed once per distinct value (a register has few distinct sets)."""

    def __init__(self, bits: dict[str, int]) -> None:
        self.bits = bits
        self.cache: dict[tuple[str, ...], int | None] = {}

    def __call__(self, values: list[str] | None) -> int | None:
        key = tuple(values) if values else ()
        try:
            return self.cache[key]
        except KeyError:
            pass
        try:
            mask: int | None = mask_of(self.bits, key)
        except KeyError:
            mask = None  # a value outside the vocabulary: the row is validated the slow way
        self.cache[key] = mask
        return mask


def _pool_rows(region_id: int | None) -> list[PoolRow]:
    entries = ApplicantRegisterEntry.objects.filter(status__in=POOL_STATUSES)
    if region_id is not None:
        entries = entries.filter(region_id=region_id)
    return list(entries.order_by("pk").values_list(*POOL_COLUMNS))


def load_pool(*, region_id: int | None, today: date) -> LoadedPool:
    """Families of one region (``region_id``) or of the whole country (None), prepared for the engine.

    One query of plain values; bit masks are computed once per distinct set of values. A row whose profile is
    missing or impossible (the checks of ``FamilyProfile``) is skipped with the engine's own message.
    """
    return pool_from_rows(_pool_rows(region_id), today=today)


def pool_from_rows(rows: list[PoolRow], *, today: date) -> LoadedPool:
    care, legal, sexes = _Masks(CARE_BITS), _Masks(LEGAL_BITS), _Masks(SEX_BITS)
    needs, ethnicities = _Masks(NEED_BITS), _Masks(ETHNICITY_BITS)
    kept: list[PoolRow] = []
    masks: list[tuple[int, int, int, int, int, int, int]] = []
    skipped: list[dict[str, Any]] = []
    statuses = set(REGISTER_STATUSES)
    for row in rows:
        if row[_PROFILE] is None:
            skipped.append({"entry_id": row[_PK], "message": PROFILE_MISSING})
            continue
        values = (
            care(row[_CARE]),
            legal(row[_LEGAL]),
            sexes(row[_SEXES]),
            needs(row[_NEEDS]),
            needs(row[_EXPERIENCE]),
            ethnicities(row[_ETHNICITIES]),
            CONTACT_INDEX.get(row[_CONTACT]),
        )
        valid = (
            None not in values
            and row[_STATUS] in statuses
            and 0 <= row[_AGE_MIN] <= row[_AGE_MAX]
            and row[_MAX_CHILDREN] >= 1
        )
        if not valid:
            try:
                family_from_row(row)  # raises the engine's own message for what is wrong
            except MatchingInputError as error:
                skipped.append({"entry_id": row[_PK], "message": str(error)})
                continue
        kept.append(row)
        masks.append(values)  # type: ignore[arg-type]
    columns = list(zip(*kept, strict=True)) if kept else [()] * len(POOL_COLUMNS)
    mask_columns = list(zip(*masks, strict=True)) if masks else [()] * 7
    lat, lon = columns[_LAT], columns[_LON]
    pool = pool_from_columns(
        today=today,
        entry_id=columns[_PK],
        region_id=columns[_REGION],
        active=[status == STATUS_ACTIVE for status in columns[_STATUS]],
        effective_ordinal=[d.toordinal() for d in columns[_EFFECTIVE]],
        care=mask_columns[0],
        legal=mask_columns[1],
        sexes=mask_columns[2],
        needs=mask_columns[3],
        experience=mask_columns[4],
        ethnicities=mask_columns[5],
        contact=mask_columns[6],
        age_min=columns[_AGE_MIN],
        age_max=columns[_AGE_MAX],
        max_children=columns[_MAX_CHILDREN],
        accepts_siblings=columns[_SIBLINGS],
        accepts_other_regions=columns[_OTHER_REGIONS],
        children_in_household=columns[_CHILDREN],
        lat_degrees=[float(v) if v is not None else 0.0 for v in lat],
        lon_degrees=[float(v) if v is not None else 0.0 for v in lon],
        has_location=[a is not None and b is not None for a, b in zip(lat, lon, strict=True)],
    )
    return LoadedPool(pool=pool, skipped=skipped, rows={row[_PK]: row for row in kept})


# --- snapshots ----------------------------------------------------------------------------------------------
def case_snapshot(case: CaseProfile) -> dict[str, Any]:
    """Anonymised: what the engine compared, nothing that identifies the child."""
    return {
        "case_id": case.case_id,
        "region_id": case.region_id,
        "care_types_sought": sorted(case.care_types_sought),
        "contact_plan": case.contact_plan,
        "birth_family_location": _location_json(case.birth_family_location),
        "home_location": _location_json(case.home_location),
        "wishes": sorted(case.wishes),
        "children": [
            {
                "age": c.age,
                "sex": c.sex,
                "legal_status": c.legal_status,
                "health_needs": sorted(c.health_needs),
                "ethnicity": c.ethnicity,
            }
            for c in case.children
        ],
    }


def _location_json(location: Location | None) -> list[float] | None:
    return None if location is None else [location.lat, location.lon]


def family_snapshot(family: FamilyProfile) -> dict[str, Any]:
    return {
        "entry_id": family.entry_id,
        "region_id": family.region_id,
        "care_types": sorted(family.care_types),
        "status": family.status,
        "effective_date": family.effective_date.isoformat(),
        "age_min": family.age_min,
        "age_max": family.age_max,
        "sexes": sorted(family.sexes),
        "max_children": family.max_children,
        "accepts_siblings": family.accepts_siblings,
        "legal_statuses": sorted(family.legal_statuses),
        "health_needs_accepted": sorted(family.health_needs_accepted),
        "health_needs_experience": sorted(family.health_needs_experience),
        "ethnicities_accepted": sorted(family.ethnicities_accepted),
        "contact_willingness": family.contact_willingness,
        "accepts_other_regions": family.accepts_other_regions,
        "children_in_household": family.children_in_household,
        "location": _location_json(family.location),
    }


def row_snapshot(row: PoolRow) -> dict[str, Any]:
    """``family_snapshot`` of a pool row, without building a ``FamilyProfile``."""
    lat, lon = row[_LAT], row[_LON]
    return {
        "entry_id": row[_PK],
        "region_id": row[_REGION],
        "care_types": sorted(row[_CARE] or ()),
        "status": row[_STATUS],
        "effective_date": row[_EFFECTIVE].isoformat(),
        "age_min": row[_AGE_MIN],
        "age_max": row[_AGE_MAX],
        "sexes": sorted(row[_SEXES] or ()),
        "max_children": row[_MAX_CHILDREN],
        "accepts_siblings": row[_SIBLINGS],
        "legal_statuses": sorted(row[_LEGAL] or ()),
        "health_needs_accepted": sorted(row[_NEEDS] or ()),
        "health_needs_experience": sorted(row[_EXPERIENCE] or ()),
        "ethnicities_accepted": sorted(row[_ETHNICITIES] or ()),
        "contact_willingness": row[_CONTACT],
        "accepts_other_regions": row[_OTHER_REGIONS],
        "children_in_household": row[_CHILDREN],
        "location": None if lat is None or lon is None else [float(lat), float(lon)],
    }


def criteria_json(ranked: RankedFamily) -> list[dict[str, Any]]:
    return [
        {
            "criterion": c.criterion,
            "score": c.score,
            "weight": c.weight,
            "contribution": round(c.contribution, 6),
            "applicable": c.applicable,
            "reason": c.reason.as_dict(),
        }
        for c in ranked.criteria
    ]


def results_json(result: RankingResult, families_by_id: dict[int, FamilyProfile]) -> list[dict[str, Any]]:
    """Every ranked family as the stored dict (explains every one: for tests and small rankings)."""
    return [
        {
            "entry_id": ranked.entry_id,
            "rank": ranked.rank,
            "total": ranked.total,
            "waited_days": ranked.waited_days,
            "region_id": families_by_id[ranked.entry_id].region_id,
            "criteria": criteria_json(ranked),
        }
        for ranked in result.ranked
    ]


def exclusions_json(result: RankingResult) -> dict[str, Any]:
    """The counts per rule and the reason per rule (the families per rule are stored as rows of their own)."""
    return {
        "counts": dict(result.excluded_counts),
        "reasons": {rule: reason.as_dict() for rule, reason in result.rule_reasons.items()},
    }


def weights_json(weights: Weights) -> dict[str, float]:
    return weights.as_dict()
