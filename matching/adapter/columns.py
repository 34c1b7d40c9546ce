"""The columns of a pool row as the database computes them (bit masks, indexes and numbers only)."""

from __future__ import annotations

from typing import Any

# A pool row as the database computes it: bit masks, indexes and numbers only (see _pool_sql).
PoolRow = tuple[Any, ...]
(
    _PK,
    _REGION,
    _STATUS,
    _EFFECTIVE,
    _HAS_PROFILE,
    _KNOWN_VALUES,
    _CARE,
    _LEGAL,
    _SEXES,
    _NEEDS,
    _EXPERIENCE,
    _ETHNICITIES,
    _CONTACT,
    _AGE_MIN,
    _AGE_MAX,
    _MAX_CHILDREN,
    _SIBLINGS,
    _OTHER_REGIONS,
    _CHILDREN,
    _LAT,
    _LON,
    _PAUSED,
) = range(22)
