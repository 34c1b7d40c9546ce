"""An independent vectorised ranking (numpy), the yardstick for the engine's speed (issue 12: within 2×).

It implements the same rules from the domain spec with the least work possible: the hard rules as one boolean
mask (no first-rule-broken bookkeeping, no exclusion lists, no reasons), the six scores and the order
(total rounded to 4 decimals desc, days waited desc, entry id asc). It is written separately from
``matching.engine`` on purpose: the benchmark also checks both agree on the eligible set and the order.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from matching.types.inputs import CaseProfile, FamilyProfile

CARE = ("ADOPTION", "FOSTER", "FOSTER_TEMP", "GUARDIAN")
CRITERIA = (
    "age_preference",
    "needs_experience",
    "birth_family_distance",
    "waiting_time",
    "child_wishes",
    "household_children",
)
NEEDS = ("physical", "intellectual", "sensory", "chronic", "delay", "behavioural", "prenatal", "infectious")
CONTACT = ("none", "supervised", "regular")


def _bits(values, vocabulary) -> int:
    return sum(1 << vocabulary.index(v) for v in values)


class BaselinePool:
    def __init__(self, families: list[FamilyProfile], today: date) -> None:
        f = sorted(families, key=lambda x: x.entry_id)
        self.ids = np.array([x.entry_id for x in f])
        self.region = np.array([x.region_id for x in f])
        waited = np.array([(today - x.effective_date).days for x in f])
        self.ok = np.array([x.status == "active" for x in f]) & (waited >= 0)
        self.waited = np.maximum(waited, 0)
        self.other = np.array([x.accepts_other_regions for x in f])
        self.care = np.array([_bits(x.care_types, CARE) for x in f])
        self.free = np.array(["free" in x.legal_statuses for x in f])
        self.not_free = np.array(["not_free" in x.legal_statuses for x in f])
        self.lo = np.array([x.age_min for x in f])
        self.hi = np.array([x.age_max for x in f])
        self.f = np.array(["F" in x.sexes for x in f])
        self.m = np.array(["M" in x.sexes for x in f])
        self.needs = np.array([_bits(x.health_needs_accepted, NEEDS) for x in f])
        self.exp = np.array([_bits(x.health_needs_experience, NEEDS) for x in f])
        self.eth = [np.array([e in x.ethnicities_accepted for x in f]) for e in ("majority", "roma", "other")]
        self.siblings = np.array([x.accepts_siblings for x in f])
        self.cap = np.array([x.max_children for x in f])
        self.contact = np.array([CONTACT.index(x.contact_willingness) for x in f])
        self.kids = np.array([x.children_in_household for x in f])
        self.lat = np.radians([x.location.lat if x.location else 0.0 for x in f])
        self.lon = np.radians([x.location.lon if x.location else 0.0 for x in f])
        self.located = np.array([x.location is not None for x in f])


def _km(lat, lon, pool: BaselinePool, idx):
    a = (
        np.sin((pool.lat[idx] - lat) / 2) ** 2
        + np.cos(lat) * np.cos(pool.lat[idx]) * np.sin((pool.lon[idx] - lon) / 2) ** 2
    )
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def baseline_rank(case: CaseProfile, pool: BaselinePool, weights: dict[str, float]) -> np.ndarray:
    """Entry ids of the eligible families in ranking order."""
    kids = case.children
    care = _bits(case.care_types_sought, CARE)
    allowed = care if all(c.legal_status == "free" for c in kids) else care & ~1
    needs = _bits({n for c in kids for n in c.health_needs}, NEEDS)
    ok = pool.ok & ((pool.region == case.region_id) | pool.other) & ((pool.care & allowed) != 0)
    if any(c.legal_status == "free" for c in kids):
        ok &= pool.free
    if any(c.legal_status == "not_free" for c in kids):
        ok &= pool.not_free
    ages = [c.age for c in kids]
    ok &= (pool.lo <= min(ages)) & (pool.hi >= max(ages))
    if any(c.sex == "F" for c in kids):
        ok &= pool.f
    if any(c.sex == "M" for c in kids):
        ok &= pool.m
    ok &= (pool.needs & needs) == needs
    for i, e in enumerate(("majority", "roma", "other")):
        if any(c.ethnicity == e for c in kids):
            ok &= pool.eth[i]
    if len(kids) > 1:
        ok &= pool.siblings
    ok &= (pool.cap >= len(kids)) & (pool.contact >= CONTACT.index(case.contact_plan))
    idx = np.flatnonzero(ok)
    lo, hi = pool.lo[idx], pool.hi[idx]
    # Fit inside the range: 0.5 for a child at a closed upper limit (below 17) of a range of several ages, else 1.
    age = np.mean([np.where((hi == a) & (hi < 17) & (lo < hi), 0.5, 1.0) for a in ages], axis=0)
    w = dict(weights)
    terms = {"age_preference": age, "waiting_time": np.minimum(1.0, pool.waited[idx] / 730)}
    if case.household_position:
        alone = pool.kids[idx] == 0
        terms["household_children"] = np.where(alone, 1.0, 0.0 if case.household_position == "only" else 0.5)
    if needs:
        bits = np.unpackbits((pool.exp[idx] & needs).astype(np.uint8)[:, None], axis=1).sum(axis=1)
        terms["needs_experience"] = bits / bin(needs).count("1")
    if case.contact_plan != "none" and case.birth_family_location is not None:
        loc = case.birth_family_location
        km = _km(np.radians(loc.lat), np.radians(loc.lon), pool, idx)
        terms["birth_family_distance"] = np.where(pool.located[idx], np.maximum(0, 1 - km / 250), 0)
    if case.wishes:
        wish = np.zeros(len(idx))
        for flag in case.wishes:
            if flag == "other_children":
                wish += pool.kids[idx] > 0
            elif flag == "only_child":
                wish += pool.kids[idx] == 0
            elif case.home_location is not None:
                home = case.home_location
                km = _km(np.radians(home.lat), np.radians(home.lon), pool, idx)
                wish += np.where(pool.located[idx], np.maximum(0, 1 - km / 250), 0)
        terms["child_wishes"] = wish / len(case.wishes)
    # Weighted and summed in the engine's criterion order: floating-point addition is not associative, and
    # a total at a rounding half (scores of 1 and 0.5 make them common) must come out the same to order the same.
    present = [name for name in CRITERIA if name in terms]
    total_w = sum(w[name] for name in present)
    raw = sum(w[name] * terms[name] for name in present) / total_w
    total = np.round(raw, 4)
    # Rounded as Python rounds (the documented rule): numpy's scaled rounding can pick the other neighbour of a half.
    for i in np.flatnonzero(np.abs(raw * 1e4 - np.floor(raw * 1e4) - 0.5) < 1e-6).tolist():
        total[i] = round(float(raw[i]), 4)
    order = np.lexsort((pool.ids[idx], -pool.waited[idx], -total))
    return pool.ids[idx][order]
