"""The pool of register entries read from the database as engine columns, cached per region, day and register
version."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection

from matching.adapter.columns import (
    _AGE_MAX,
    _AGE_MIN,
    _CARE,
    _CHILDREN,
    _CONTACT,
    _EFFECTIVE,
    _ETHNICITIES,
    _EXPERIENCE,
    _HAS_PROFILE,
    _KNOWN_VALUES,
    _LAT,
    _LEGAL,
    _LON,
    _MAX_CHILDREN,
    _NEEDS,
    _OTHER_REGIONS,
    _PAUSED,
    _PK,
    _REGION,
    _SEXES,
    _SIBLINGS,
    _STATUS,
    PoolRow,
)
from matching.adapter.profiles import POOL_STATUSES, PROFILE_MISSING
from matching.adapter.snapshots import family_from_snapshot, row_snapshot
from matching.engine.pool import (
    CARE_BITS,
    CONTACT_INDEX,
    ETHNICITY_BITS,
    LEGAL_BITS,
    NEED_BITS,
    SEX_BITS,
    FamilyPool,
    pool_from_columns,
)
from matching.types.inputs import FamilyProfile, Location
from matching.types.vocabulary import REGISTER_STATUSES, STATUS_ACTIVE, MatchingInputError
from nrp.core.models import Household, Orp
from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry, RegisterPause

# The columns of a family as the ORM reads them (for the few rows that need the slow, validating path).
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
        return [family_from_snapshot(row_snapshot(row)) for row in self.rows.values()]


def _family_from_orm_row(row: tuple[Any, ...]) -> FamilyProfile:
    """One entry read with ``POOL_COLUMNS`` as the engine's validated input (raises MatchingInputError)."""
    lat, lon = row[18], row[19]
    return FamilyProfile(
        entry_id=row[0],
        region_id=row[1],
        care_types=frozenset(row[4] or ()),
        status=row[2],
        effective_date=row[3],
        age_min=row[6],
        age_max=row[7],
        sexes=frozenset(row[8] or ()),
        max_children=row[9],
        accepts_siblings=row[10],
        legal_statuses=frozenset(row[11] or ()),
        health_needs_accepted=frozenset(row[12] or ()),
        health_needs_experience=frozenset(row[13] or ()),
        ethnicities_accepted=frozenset(row[14] or ()),
        contact_willingness=row[15],
        accepts_other_regions=row[16],
        children_in_household=row[17],
        location=None if lat is None or lon is None else Location(float(lat), float(lon)),
    )


def _mask_sql(column: str, bits: dict[str, int], params: list[Any]) -> str:
    """SQL for the engine's bit mask of a text-array column (the same bits as ``engine.mask_of``)."""
    terms = []
    for value, bit in bits.items():
        terms.append(f"CASE WHEN %s = ANY({column}) THEN {int(bit)} ELSE 0 END")
        params.append(value)
    return "(" + " + ".join(terms) + ")"


def _known_sql(column: str, bits: dict[str, int], params: list[Any]) -> str:
    params.append(list(bits))
    return f"(coalesce({column}, '{{}}') <@ %s::varchar[])"


def _pool_sql(region_id: int | None, today: date | None = None) -> tuple[str, list[Any]]:
    """One query for the pool, computed by PostgreSQL: masks, indexes and numbers (no arrays, no Decimals).

    Parsing thousands of text arrays and decimals in Python cost most of a ranking; the database does it in C.
    Rows with a value outside a vocabulary are flagged (``known``) and read again through the ORM, so the
    engine's own validation message is what the officer sees.
    """
    entry = ApplicantRegisterEntry._meta.db_table
    profile = AcceptanceProfile._meta.db_table
    household = Household._meta.db_table
    orp = Orp._meta.db_table
    params: list[Any] = []
    known = " AND ".join(
        [
            _known_sql("e.care_types", CARE_BITS, params),
            _known_sql("p.legal_statuses", LEGAL_BITS, params),
            _known_sql("p.sexes", SEX_BITS, params),
            _known_sql("p.health_needs_accepted", NEED_BITS, params),
            _known_sql("p.health_needs_experience", NEED_BITS, params),
            _known_sql("p.ethnicities_accepted", ETHNICITY_BITS, params),
        ]
    )
    care = _mask_sql("e.care_types", CARE_BITS, params)
    legal = _mask_sql("p.legal_statuses", LEGAL_BITS, params)
    sexes = _mask_sql("p.sexes", SEX_BITS, params)
    needs = _mask_sql("p.health_needs_accepted", NEED_BITS, params)
    experience = _mask_sql("p.health_needs_experience", NEED_BITS, params)
    ethnicities = _mask_sql("p.ethnicities_accepted", ETHNICITY_BITS, params)
    params.append(list(CONTACT_INDEX))
    contact = "(array_position(%s::varchar[], p.contact_willingness::varchar) - 1)"
    # SELECTION_PAUSE: the days of every pause up to today (``RegisterPause``) are not waiting time.
    pause = RegisterPause._meta.db_table
    today = today or date.today()
    params.extend([today, today, today])
    params.extend(list(POOL_STATUSES))
    # Only table names and code-made CASE terms are formatted in; every value is a query parameter.
    sql = f"""
        SELECT e.id, e.region_id, e.status, (e.effective_date - DATE '0001-01-01') + 1, p.id IS NOT NULL, {known},
               {care}, {legal}, {sexes}, {needs}, {experience}, {ethnicities}, {contact},
               p.age_min, p.age_max, p.max_children, p.accepts_siblings, p.accepts_other_regions,
               p.children_in_household, o.lat::float8, o.lon::float8,
               coalesce((SELECT sum(least(coalesce(rp.ended_on, %s::date), %s::date) - rp.started_on)
                         FROM {pause} rp WHERE rp.entry_id = e.id AND rp.started_on <= %s::date), 0)::int
        FROM {entry} e
        LEFT JOIN {profile} p ON p.entry_id = e.id
        JOIN {household} h ON h.id = e.household_id
        JOIN {orp} o ON o.id = h.residence_orp_id
        WHERE e.status IN (%s, %s)"""  # noqa: S608
    if region_id is not None:
        sql += " AND e.region_id = %s"
        params.append(region_id)
    return sql + " ORDER BY e.id", params


def _pool_rows(region_id: int | None, today: date | None = None) -> list[PoolRow]:
    sql, params = _pool_sql(region_id, today)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def load_pool(*, region_id: int | None, today: date) -> LoadedPool:
    """Families of one region (``region_id``) or of the whole country (None), prepared for the engine.

    One query of plain numbers computed by the database (``_pool_sql``); no model objects and no
    ``FamilyProfile`` per family. A row whose profile is missing or impossible (the checks of
    ``FamilyProfile``) is skipped with the engine's own message.

    The prepared pool is kept in this process for the same day and the same register version
    (``register_version``): the next ranking of the region reuses it until any entry, profile or household of
    the region changes. A pool is read-only, so sharing it between requests is safe.
    """
    version = register_version(region_id)
    key = (region_id, today, version)
    with _POOLS_LOCK:
        cached = _POOLS.get(key)
        if cached is not None:
            _POOLS.move_to_end(key)
            return cached
    loaded = pool_from_rows(_pool_rows(region_id, today), today=today)
    with _POOLS_LOCK:
        _POOLS[key] = loaded
        while len(_POOLS) > POOL_CACHE_SIZE:
            _POOLS.popitem(last=False)
    return loaded


# Prepared pools of this process, newest last: (region or None, day, register version) -> LoadedPool.
POOL_CACHE_SIZE = 16
_POOLS: OrderedDict[tuple[int | None, date, tuple[int, int]], LoadedPool] = OrderedDict()
_POOLS_LOCK = threading.Lock()


def register_version(region_id: int | None) -> tuple[int, int]:
    """A cheap fingerprint of the rows a pool reads: their count and a hash of every row version (an insert or
    update writes a new tuple: a new ``ctid``, and ``xmin`` names its transaction). Any change to an entry, its
    profile or its household gives a different fingerprint, so a cached pool is not stale (the ORPs' seats are
    reference data and are not part of it); computing it is one scan without the pool's per-row work."""
    entry = ApplicantRegisterEntry._meta.db_table
    profile = AcceptanceProfile._meta.db_table
    household = Household._meta.db_table
    params: list[Any] = list(POOL_STATUSES)
    sql = f"""
        SELECT count(*), coalesce(sum(hashtext(concat_ws(':', e.id, e.xmin, e.ctid, p.xmin, p.ctid, h.xmin, h.ctid))
                                      ::bigint), 0)
        FROM {entry} e
        LEFT JOIN {profile} p ON p.entry_id = e.id
        JOIN {household} h ON h.id = e.household_id
        WHERE e.status IN (%s, %s)"""  # noqa: S608
    if region_id is not None:
        sql += " AND e.region_id = %s"
        params.append(region_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        count, digest = cursor.fetchone()
    return int(count), int(digest)


def _valid(row: PoolRow, statuses: frozenset[str]) -> bool:
    return bool(
        row[_KNOWN_VALUES]
        and row[_CONTACT] is not None
        and row[_STATUS] in statuses
        and 0 <= row[_AGE_MIN] <= row[_AGE_MAX]
        and row[_MAX_CHILDREN] >= 1
    )


def pool_from_rows(rows: list[PoolRow], *, today: date) -> LoadedPool:
    skipped: list[dict[str, Any]] = []
    statuses = frozenset(REGISTER_STATUSES)
    kept: list[PoolRow] = []
    for row in rows:
        if not row[_HAS_PROFILE]:
            skipped.append({"entry_id": row[_PK], "message": PROFILE_MISSING})
        elif _valid(row, statuses):
            kept.append(row)
        else:
            skipped.append({"entry_id": row[_PK], "message": _invalid_message(row[_PK])})
    columns: list[tuple[Any, ...]] = list(zip(*kept, strict=True)) if kept else [()] * 22
    lat, lon = columns[_LAT], columns[_LON]
    pool = pool_from_columns(
        today=today,
        entry_id=columns[_PK],
        region_id=columns[_REGION],
        active=[status == STATUS_ACTIVE for status in columns[_STATUS]],
        effective_ordinal=columns[_EFFECTIVE],
        care=columns[_CARE],
        legal=columns[_LEGAL],
        sexes=columns[_SEXES],
        needs=columns[_NEEDS],
        experience=columns[_EXPERIENCE],
        ethnicities=columns[_ETHNICITIES],
        contact=columns[_CONTACT],
        age_min=columns[_AGE_MIN],
        age_max=columns[_AGE_MAX],
        max_children=columns[_MAX_CHILDREN],
        accepts_siblings=columns[_SIBLINGS],
        accepts_other_regions=columns[_OTHER_REGIONS],
        children_in_household=columns[_CHILDREN],
        lat_degrees=[0.0 if v is None else v for v in lat],
        lon_degrees=[0.0 if v is None else v for v in lon],
        has_location=[a is not None and b is not None for a, b in zip(lat, lon, strict=True)],
        paused_days=columns[_PAUSED],
    )
    return LoadedPool(pool=pool, skipped=skipped, rows={row[_PK]: row for row in kept})


def _invalid_message(entry_id: int) -> str:
    """The engine's message for an entry it refuses (read again through the ORM: a rare, slow path)."""
    row = ApplicantRegisterEntry.objects.filter(pk=entry_id).values_list(*POOL_COLUMNS).get()
    try:
        _family_from_orm_row(row)
    except MatchingInputError as error:
        return str(error)
    return PROFILE_MISSING
