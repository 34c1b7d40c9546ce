"""Soft criteria (měkká kritéria): each scores a family 0–1 for one child; the engine weights them.

Shipped default weights are in ``matching.types.Weights`` (each 0–1, configurable per region):

============================  ======  =====================================================================
criterion                     weight  score
============================  ======  =====================================================================
``age_preference``            1.0     fit inside the family's range: 1 for a child inside it (an open range
                                      such as 0–17 is a full fit for any child); 0.5 for a child at a
                                      closed upper limit (age = the family's highest age, below 17, in a
                                      range of more than one age: the child soon outgrows what the family
                                      asked for); mean over the children of a sibling group.
``needs_experience``          0.8     share of the child's (group's) health needs the family has experience
                                      with; not applicable when the child has no recorded need.
``birth_family_distance``     1.0     only when contact with the birth family is planned (in the child's
                                      interest): 1 − km / 250 (0 from 250 km on), haversine between ORP
                                      seats; not applicable without planned contact (ombudsman 2022).
``waiting_time``              0.6     days in the register since právní moc / 730 (two years = 1).
``child_wishes``              0.8     mean over the child's wish flags of how the family fits each; not
                                      applicable when no flag is recorded.
``household_children``        0.4     only where the child's file asks the child to be the only or the
                                      youngest child (``CaseProfile.household_position``): "only" 1 without
                                      other children in the household, else 0; "youngest" 1 without other
                                      children, else 0.5 (the profile does not record their ages: the
                                      reason asks the officer to check); not applicable otherwise.
============================  ======  =====================================================================

A criterion that is "not applicable" for the child (no needs, no planned contact, no wish flags) has the
same state for every family; its weight then leaves the total's denominator, so the total stays 0–1:
``total = Σ weight·score / Σ weight`` over applicable criteria, and each criterion's contribution is its
term of that sum (the contributions add up to the total).
"""

from __future__ import annotations

import math

DISTANCE_SCALE_KM = 250.0
WAITING_SATURATION_DAYS = 730
AGE_EDGE_SCORE = 0.5
# An upper limit at or above this age is open (the register's children are under 18; forms allow 0–17).
OPEN_AGE_MAX = 17
# "youngest child" asked, other children in the household, their ages unknown.
HOUSEHOLD_UNKNOWN_SCORE = 0.5
# A near-home wish counts as met when its score reaches this (about 125 km at the default scale).
WISH_MET_THRESHOLD = 0.5
EARTH_RADIUS_KM = 6371.0088

CRITERIA: tuple[str, ...] = (
    "age_preference",
    "needs_experience",
    "birth_family_distance",
    "waiting_time",
    "child_wishes",
    "household_children",
)


def haversine_km(lat1_rad: float, lon1_rad: float, cos_lat1: float, lat2_rad: float, lon2_rad: float, cos_lat2: float):
    """Great-circle distance in km between two points given in radians (cosines of the latitudes precomputed)."""
    s_lat = math.sin((lat2_rad - lat1_rad) / 2)
    s_lon = math.sin((lon2_rad - lon1_rad) / 2)
    a = s_lat * s_lat + cos_lat1 * cos_lat2 * s_lon * s_lon
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def age_fit(age: int, age_min: int, age_max: int) -> float:
    """One child's fit inside the family's range (the child is inside it: the hard rule ``age`` holds)."""
    at_closed_upper_limit = age == age_max and age_min < age_max < OPEN_AGE_MAX
    return AGE_EDGE_SCORE if at_closed_upper_limit else 1.0


def age_preference_score(ages: tuple[int, ...], age_min: int, age_max: int) -> float:
    return sum(age_fit(age, age_min, age_max) for age in ages) / len(ages)


def distance_score(km: float) -> float:
    return max(0.0, 1.0 - km / DISTANCE_SCALE_KM)


def waiting_score(days: int) -> float:
    return min(1.0, max(0, days) / WAITING_SATURATION_DAYS)


def household_score(position: str, children_in_household: int) -> float:
    """How a family's children fit what the child's file asks ("only" / "youngest"; 0 when it asks nothing)."""
    if not position:
        return 0.0
    if children_in_household == 0:
        return 1.0
    return 0.0 if position == "only" else HOUSEHOLD_UNKNOWN_SCORE
