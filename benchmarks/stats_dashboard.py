"""Benchmark of the statistics dashboard at national size (PostgreSQL; the database is kept between runs).

Generates the national synthetic register once (14 regions, 20,000 households, 3,000 children, 200,000 tasks,
five years of daily snapshots) into its own test database, recomputes the figures (``stats_snapshot``), then
times the dashboard as a regional officer and as the ministry (whole country), a CSV export and the API.
Prints a Markdown table: p50 / p95 ms of the full request through Django's test client (middleware,
template, SVG) and the SQL queries per request.

    uv run python benchmarks/stats_dashboard.py [--quick] [--repeats 60]

``--quick``: a tenth of the size (smoke run). The database is ``test_stats_bench`` (``_quick``), kept with its
data so a second run skips the generation; ``--fresh`` drops it first.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--repeats", type=int, default=60)
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrp.settings_test")
    os.environ["NRP_TEST_DB_NAME"] = "test_stats_bench" + ("_quick" if args.quick else "")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False
    connection.creation.create_test_db(verbosity=0, keepdb=not args.fresh, autoclobber=True, serialize=False)

    from nrp.core.choices import Role
    from nrp.core.models import Region, RoleAssignment, User
    from nrp.stats.models import DailySnapshot, GeneratedBatch
    from nrp.stats.services import stats_refresh
    from tests.security.otp import otp_verify_session

    sizes = {"households": 20_000 // scale, "children": 3_000 // scale, "tasks": 200_000 // scale}
    timings = {}
    if not GeneratedBatch.objects.filter(label="bench").exists():
        started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("generate_national_data", label="bench", years=5, stdout=quiet, **sizes)
        timings["generate_national_data (incl. 5 years of snapshots)"] = time.perf_counter() - started
    started = time.perf_counter()
    stats_refresh()
    timings["stats_snapshot (daily: snapshot + every section)"] = time.perf_counter() - started

    region = Region.objects.get(code=116)
    officer, _ = User.objects.get_or_create(email="bench.officer@test.nrp.example")
    RoleAssignment.objects.get_or_create(user=officer, role=Role.OFFICER, region=region)
    ministry, _ = User.objects.get_or_create(email="bench.mpsv@test.nrp.example")
    RoleAssignment.objects.get_or_create(user=ministry, role=Role.MINISTRY)

    def client_for(user) -> Client:
        client = Client()
        client.force_login(user)
        otp_verify_session(client, user)
        return client

    cases = [
        ("officer: /statistiky/ (own region)", client_for(officer), "/statistiky/"),
        ("ministry: /statistiky/ (whole country)", client_for(ministry), "/statistiky/?kraj=cr"),
        ("ministry: one region, small groups hidden", client_for(ministry), f"/statistiky/?kraj={region.pk}"),
        ("officer: CSV export of one chart", client_for(officer), "/statistiky/export/missing.csv"),
        ("ministry: API /api/v1/stats/dashboard/", client_for(ministry), "/api/v1/stats/dashboard/?region=cr"),
        ("ministry: yearly figures page", client_for(ministry), "/statistiky/rocni-vykaz/?kraj=cr"),
    ]
    rows = []
    for label, client, url in cases:
        assert client.get(url).status_code == 200, url  # warm-up (templates, translations)
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        samples = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        rows.append((label, statistics.median(samples), percentile(samples, 95), len(queries), len(response.content)))

    machine = platform.processor() or platform.machine()
    print(
        f"Data: {sizes['households']:,} households, {sizes['children']:,} children, {sizes['tasks']:,} tasks, "
        f"{DailySnapshot.objects.count():,} snapshot rows ({platform.node()}, {machine}, "
        f"Python {platform.python_version()}, {args.repeats} requests each)\n"
    )
    print("| step | seconds |\n|---|---:|")
    for label, seconds in timings.items():
        print(f"| {label} | {seconds:.1f} |")
    print("\n| request | p50 ms | p95 ms | SQL queries | bytes |\n|---|---:|---:|---:|---:|")
    for label, p50, p95, queries, size in rows:
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {queries} | {size:,} |")
    worst = max(row[2] for row in rows)
    print(f"\nWorst p95: {worst:.0f} ms (target 300 ms): {'met' if worst <= 300 else 'NOT met'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
