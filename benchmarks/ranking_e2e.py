"""Ranking end to end: one child against a region of 10,000 families through the API and the screen, and
showing a stored ranking, each timed next to a trivial logged-in view in the same loop.

    uv run python benchmarks/ranking_e2e.py [--quick] [--families 10000] [--rounds 30]

Runs Django in-process (the test client: the whole middleware stack, templates, serializers, PostgreSQL; no
network or WSGI server) with DEBUG off, against the benchmark database (``benchmarks/_django.py``). Each round
does, in this order: API run (POST), API stored detail (GET), screen run (POST), screen stored page (GET), and
the two trivial views (``GET /api/v1/me/``, ``GET /heslo/zmena/``), so noise from the shared machine hits all
of them alike. Targets (issue 12): run p95 ≤ 150 ms and ≤ 10× the trivial view; stored page ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._django import (  # noqa: E402
    ensure_register,
    logged_in_client,
    officer_and_case,
    percentile,
    setup_django,
)

REGION_CODE = 116  # Jihomoravský kraj


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--ages",
        type=int,
        nargs="+",
        default=[4],
        help="the child's age (several: a sibling group); 4 is a child most families accept, 9 11 a harder group",
    )
    parser.add_argument("--quick", action="store_true", help="1,000 families, 8 rounds")
    args = parser.parse_args(argv)
    families, rounds = (1_000, 8) if args.quick else (args.families, args.rounds)

    setup_django()
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from matching.models import RankingRun
    from nrp.api.services import api_token_create
    from workflows.applicant_journey.models import ApplicantRegisterEntry

    ensure_register(region_code=REGION_CODE, families=families)
    officer, case = officer_and_case(region_code=REGION_CODE, ages=tuple(args.ages))
    in_region = ApplicantRegisterEntry.objects.filter(region__code=REGION_CODE).count()
    secret = api_token_create(user=officer, name="bench", expires_in_days=1).secret
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    screen = logged_in_client(officer)

    timings: dict[str, list[float]] = {
        name: []
        for name in (
            "API: run a ranking (POST)",
            "API: stored ranking, first page (GET)",
            "screen: run a ranking (POST, redirect)",
            "screen: stored ranking, first page (GET)",
            "trivial API view (GET /api/v1/me/)",
            "trivial screen (GET /heslo/zmena/)",
        )
    }
    names = list(timings)
    eligible: list[int] = []

    def timed(name: str, call):
        started = time.perf_counter()
        response = call()
        timings[name].append((time.perf_counter() - started) * 1000)
        if response.status_code >= 400:
            raise SystemExit(f"{name}: HTTP {response.status_code}: {response.content[:300]!r}")
        return response

    rankings_url = f"/api/v1/children/{case.pk}/rankings/"
    for i in range(rounds + 2):  # two warm-up rounds, not counted
        cache.clear()  # the API's throttle counters: a benchmark is not an attack
        body = timed(names[0], lambda: api.post(rankings_url, {}, content_type="application/json")).json()
        eligible.append(body["eligible_count"])
        timed(names[1], lambda body=body: api.get(f"/api/v1/rankings/{body['id']}/"))
        response = timed(
            names[2], lambda: screen.post(reverse("matching:ranking_run", args=[case.pk]), {"scope": "regional"})
        )
        if "/parovani/poradi/" not in response["Location"]:
            raise SystemExit(f"the screen did not run a ranking: redirected to {response['Location']}")
        timed(names[3], lambda response=response: screen.get(response["Location"]))
        timed(names[4], lambda: api.get("/api/v1/me/"))
        timed(names[5], lambda: screen.get(reverse("password_change")))
        if i < 2:
            for values in timings.values():
                values.clear()
            eligible.clear()

    trivial_api = percentile(timings[names[4]], 50)
    trivial_screen = percentile(timings[names[5]], 50)
    print(
        f"Child case (foster care, supervised contact, ages {args.ages}) against {in_region:,} families of one region; "
        f"{rounds} rounds; eligible families per run: {min(eligible)}–{max(eligible)}."
    )
    print()
    print("| request | p50 ms | p95 ms | p50 ÷ trivial p50 | p95 ÷ trivial p50 |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        values = timings[name]
        trivial = trivial_api if name.startswith(("API", "trivial API")) else trivial_screen
        p50, p95 = percentile(values, 50), percentile(values, 95)
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {p50 / trivial:.1f}× | {p95 / trivial:.1f}× |")
    stored = RankingRun.objects.filter(child_case=case).order_by("-pk").first()
    if stored is not None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_column_size(inputs) + pg_column_size(exclusions) + pg_column_size(weights), "
                "(SELECT coalesce(sum(pg_column_size(e.*)), 0) FROM matching_rankedentry e WHERE e.run_id = %s), "
                "(SELECT coalesce(sum(pg_column_size(x.*)), 0) FROM matching_rankingexclusion x WHERE x.run_id = %s) "
                "FROM matching_rankingrun WHERE id = %s",
                [stored.pk, stored.pk, stored.pk],
            )
            run_bytes, entries_bytes, exclusions_bytes = cursor.fetchone()
        print()
        print(
            f"Stored per run (the last one): run row {run_bytes / 1024:.1f} KiB, "
            f"{stored.eligible_count} ranked rows {entries_bytes / 1024:.1f} KiB, "
            f"exclusion rows {exclusions_bytes / 1024:.1f} KiB (on disk, compressed by PostgreSQL)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
