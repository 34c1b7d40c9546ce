"""Benchmark of the matching engine on a synthetic register (no database: the engine is pure Python).

Prints a table: one child against 1,000 / 10,000 / 50,000 approved families (p50 / p95 ms, pool preparation
excluded and reported separately), and every waiting child of a region (50 / 200 children) against the
region's families with one prepared pool.

    uv run python benchmarks/matching.py [--quick]

The distributions are rough but realistic in shape: most applicants want one young child, a minority accept
siblings, older children, health needs or Romani children; most waiting children are older, in sibling
groups or with needs (the children who wait longest in practice).
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.engine.pool import prepare_pool
from matching.engine.ranking import rank, rank_many
from matching.types.inputs import CaseProfile, ChildProfile, FamilyProfile, Location
from matching.types.vocabulary import HEALTH_NEEDS, WishFlag

TODAY = date(2026, 11, 25)
REGIONS = 14
# Rough bounding box of Czechia.
LAT_RANGE = (48.6, 51.0)
LON_RANGE = (12.2, 18.8)


def _location(rng: random.Random) -> Location:
    return Location(round(rng.uniform(*LAT_RANGE), 5), round(rng.uniform(*LON_RANGE), 5))


def synthetic_family(rng: random.Random, entry_id: int, region_id: int) -> FamilyProfile:
    care = {"FOSTER"} if rng.random() < 0.55 else {"ADOPTION"}
    if rng.random() < 0.2:
        care.add("FOSTER_TEMP" if rng.random() < 0.5 else "FOSTER" if "ADOPTION" in care else "ADOPTION")
    age_min = rng.choice([0, 0, 0, 0, 1, 2, 3, 5])
    age_max = min(17, age_min + rng.choice([2, 3, 4, 5, 6, 8, 10, 15]))
    accepts_siblings = rng.random() < 0.3
    max_children = rng.choice([2, 2, 3]) if accepts_siblings else 1
    needs_accepted = frozenset(n for n in HEALTH_NEEDS if rng.random() < 0.25)
    experience = frozenset(n for n in needs_accepted if rng.random() < 0.4)
    statuses = ["active"] * 85 + ["paused"] * 8 + ["withdrawn"] * 3 + ["removed"] * 2 + ["placed"] * 2
    effective = TODAY - timedelta(days=rng.randint(-30, 1500))
    return FamilyProfile(
        entry_id=entry_id,
        region_id=region_id,
        care_types=frozenset(care),
        status=rng.choice(statuses),
        effective_date=effective,
        age_min=age_min,
        age_max=age_max,
        sexes=frozenset(rng.choice([("F", "M"), ("F", "M"), ("F",), ("M",)])),
        max_children=max_children,
        accepts_siblings=accepts_siblings,
        legal_statuses=frozenset(["free"] if "ADOPTION" in care and "FOSTER" not in care else ["free", "not_free"]),
        health_needs_accepted=needs_accepted,
        health_needs_experience=experience,
        ethnicities_accepted=frozenset(["majority", "roma", "other"] if rng.random() < 0.4 else ["majority", "other"]),
        contact_willingness=rng.choice(["none", "supervised", "supervised", "regular"]),
        accepts_other_regions=rng.random() < 0.7,
        children_in_household=rng.choice([0, 0, 0, 1, 1, 2, 3]),
        location=_location(rng),
    )


def synthetic_case(rng: random.Random, case_id: int, region_id: int) -> CaseProfile:
    size = rng.choice([1] * 6 + [2] * 3 + [3])
    legal = "free" if rng.random() < 0.3 else "not_free"
    base_age = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    children = tuple(
        ChildProfile(
            age=min(17, base_age + i * rng.randint(1, 3)),
            sex=rng.choice(["F", "M"]),
            legal_status=legal,
            health_needs=frozenset(n for n in HEALTH_NEEDS if rng.random() < 0.12),
            ethnicity=rng.choice(["", "", "majority", "roma"]),
        )
        for i in range(size)
    )
    contact = "none" if legal == "free" else rng.choice(["none", "supervised", "regular"])
    care = frozenset(["ADOPTION"]) if legal == "free" else frozenset(["FOSTER"])
    return CaseProfile(
        case_id=case_id,
        region_id=region_id,
        care_types_sought=care,
        children=children,
        contact_plan=contact,
        birth_family_location=_location(rng) if contact != "none" else None,
        home_location=_location(rng),
        wishes=frozenset(f for f in WishFlag.ALL if rng.random() < 0.15 and f != WishFlag.ONLY_CHILD),
        household_position=rng.choice(["", "", "", "", "only", "youngest"]),
    )


def _percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


SHORTLIST = 20
FREEZE_GC = False


def bench_one_child(n_families: int, repeats: int, rng: random.Random) -> dict[str, float]:
    """Rank one child: the ranking alone, with the reasons of a shortlist, and with every family explained."""
    families = [synthetic_family(rng, i, rng.randint(1, REGIONS)) for i in range(1, n_families + 1)]
    started = time.perf_counter()
    pool = prepare_pool(families, today=TODAY)
    prepare_ms = (time.perf_counter() - started) * 1000
    if FREEZE_GC:
        gc.freeze()
    plain, shortlist, explained = [], [], []
    eligible = 0
    for i in range(repeats):
        case = synthetic_case(rng, i, rng.randint(1, REGIONS))
        started = time.perf_counter()
        result = rank(case, pool)
        plain.append((time.perf_counter() - started) * 1000)
        for ranked in result.ranked[:SHORTLIST]:
            ranked.criteria  # noqa: B018 - build the explanation (lazy)
        shortlist.append((time.perf_counter() - started) * 1000)
        for ranked in result.ranked:
            ranked.criteria  # noqa: B018
        explained.append((time.perf_counter() - started) * 1000)
        eligible += len(result.ranked)
    p50, p95 = _percentiles(plain)
    s50, s95 = _percentiles(shortlist)
    e50, e95 = _percentiles(explained)
    result = {
        "prepare": prepare_ms,
        "p50": p50,
        "p95": p95,
        "s50": s50,
        "s95": s95,
        "e50": e50,
        "e95": e95,
        "eligible": eligible / repeats,
    }
    if FREEZE_GC:
        gc.unfreeze()
    return result


def bench_against_baseline(n_families: int, repeats: int, rng: random.Random) -> dict[str, float]:
    """The engine (ranking plus the shortlist's reasons) and the vectorised baseline on the same pool and children,
    interleaved in one loop so the shared machine's noise hits both alike; also checks they agree."""
    from benchmarks._baseline import BaselinePool, baseline_rank
    from matching.types.inputs import Weights

    families = [synthetic_family(rng, i, rng.randint(1, REGIONS)) for i in range(1, n_families + 1)]
    pool = prepare_pool(families, today=TODAY)
    base = BaselinePool(families, TODAY)
    weights = Weights().as_dict()
    engine_ms, baseline_ms, disagreements = [], [], 0
    for i in range(repeats):
        case = synthetic_case(rng, i, rng.randint(1, REGIONS))
        started = time.perf_counter()
        result = rank(case, pool)
        for ranked in result.ranked[:SHORTLIST]:
            ranked.criteria  # noqa: B018 - what a page shows
        engine_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        order = baseline_rank(case, base, weights)
        baseline_ms.append((time.perf_counter() - started) * 1000)
        disagreements += result.ranked.entry_ids != order.tolist()
    e50, e95 = _percentiles(engine_ms)
    b50, b95 = _percentiles(baseline_ms)
    return {"e50": e50, "e95": e95, "b50": b50, "b95": b95, "disagree": disagreements, "cases": repeats}


def bench_region(n_children: int, n_families: int, rng: random.Random) -> tuple[float, float]:
    families = [synthetic_family(rng, i, 1) for i in range(1, n_families + 1)]
    cases = [synthetic_case(rng, i, 1) for i in range(n_children)]
    started = time.perf_counter()
    pool = prepare_pool(families, today=TODAY)
    rank_many(cases, pool)
    total_ms = (time.perf_counter() - started) * 1000
    return total_ms, total_ms / n_children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument(
        "--freeze-gc",
        action="store_true",
        help="gc.freeze() after building each pool, to show how much of the tail is the garbage collector",
    )
    args = parser.parse_args()
    global FREEZE_GC
    FREEZE_GC = args.freeze_gc
    rng = random.Random(20261125)
    repeats = 20 if args.quick else 100

    gc_note = " · gc.freeze() after pool preparation" if FREEZE_GC else ""
    print(f"# matching engine benchmark · Python {platform.python_version()} · {platform.machine()}{gc_note}")
    print()
    print(
        "| families | pool preparation ms | rank p50 ms | rank p95 ms | + top-20 reasons p50 / p95 ms "
        "| + every family explained p50 / p95 ms | eligible (mean) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in (1_000, 10_000, 50_000):
        r = bench_one_child(n, repeats if n < 50_000 else max(10, repeats // 4), rng)
        print(
            f"| {n:,} | {r['prepare']:.1f} | {r['p50']:.2f} | {r['p95']:.2f} | {r['s50']:.2f} / {r['s95']:.2f} "
            f"| {r['e50']:.2f} / {r['e95']:.2f} | {r['eligible']:.0f} |"
        )
    print()
    print(
        "| families | engine (rank + top-20 reasons) p50 / p95 ms | vectorised baseline p50 / p95 ms "
        "| engine ÷ baseline p50 / p95 | orders that differ |"
    )
    print("|---:|---:|---:|---:|---:|")
    for n in (10_000, 50_000):
        r = bench_against_baseline(n, repeats if n < 50_000 else max(10, repeats // 2), rng)
        print(
            f"| {n:,} | {r['e50']:.2f} / {r['e95']:.2f} | {r['b50']:.2f} / {r['b95']:.2f} "
            f"| {r['e50'] / r['b50']:.2f}× / {r['e95'] / r['b95']:.2f}× | {r['disagree']} of {r['cases']} |"
        )
    print()
    print("| waiting children | region's families | whole register ms (incl. pool) | ms per child |")
    print("|---:|---:|---:|---:|")
    national = ((3_000, 20_000),) if not args.quick else ((300, 20_000),)
    for children, families in ((50, 1_000), (200, 1_000), (50, 4_000), (200, 4_000), *national):
        total_ms, per_child = bench_region(children, families, rng)
        print(f"| {children} | {families:,} | {total_ms:.0f} | {per_child:.2f} |")


if __name__ == "__main__":
    main()
