"""Shared set-up of the benchmarks that go through Django: a database of their own, and a register of N families.

The benchmarks never touch the demo database: they use ``nrp_bench`` on the same PostgreSQL server (the
embedded one unless ``BENCH_DATABASE_URL`` names another), created and migrated on first use. Families come
from the same synthetic distributions as ``benchmarks/matching.py`` and are written with ``bulk_create``.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DB = "nrp_bench"


def setup_django() -> None:
    """Point Django at the benchmark database (created and migrated when missing), production-like settings."""
    os.environ.setdefault("DEBUG", "0")  # DEBUG records every query: not what a server does
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrp.settings")
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        from nrp.db import start_embedded_postgres

        base = start_embedded_postgres()
        url = base.replace("/postgres?", f"/{BENCH_DB}?", 1)
        _create_database(base, BENCH_DB)
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _create_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def ensure_register(*, region_code: int, families: int, seed: int = 12, today: date | None = None) -> int:
    """At least ``families`` register entries in the region (created in bulk when fewer); returns the count."""
    from benchmarks.matching import synthetic_family
    from nrp.core.models import Household, HouseholdMember, Region
    from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry

    region = Region.objects.get(code=region_code)
    have = ApplicantRegisterEntry.objects.filter(region=region).count()
    missing = families - have
    if missing <= 0:
        return have
    started = time.perf_counter()
    rng = random.Random(seed + have)
    orps = list(region.orps.order_by("code"))
    profiles = [synthetic_family(rng, i + 1, region.pk) for i in range(missing)]
    households = Household.objects.bulk_create(
        [Household(residence_orp=rng.choice(orps)) for _ in profiles], batch_size=2000
    )
    HouseholdMember.objects.bulk_create(
        [HouseholdMember(household=h, first_name="Jana", last_name=f"Zkušební{h.pk}", sex="F") for h in households],
        batch_size=2000,
    )
    entries = ApplicantRegisterEntry.objects.bulk_create(
        [
            ApplicantRegisterEntry(
                household=h,
                region=region,
                care_types=sorted(p.care_types),
                decision_date=p.effective_date - timedelta(days=20),
                effective_date=p.effective_date,
                status=p.status,
            )
            for h, p in zip(households, profiles, strict=True)
        ],
        batch_size=2000,
    )
    AcceptanceProfile.objects.bulk_create(
        [
            AcceptanceProfile(
                entry=e,
                age_min=p.age_min,
                age_max=p.age_max,
                sexes=sorted(p.sexes),
                max_children=p.max_children,
                accepts_siblings=p.accepts_siblings,
                health_needs_accepted=sorted(p.health_needs_accepted),
                health_needs_experience=sorted(p.health_needs_experience),
                ethnicities_accepted=sorted(p.ethnicities_accepted),
                legal_statuses=sorted(p.legal_statuses),
                contact_willingness=p.contact_willingness,
                accepts_other_regions=p.accepts_other_regions,
                children_in_household=p.children_in_household,
            )
            for e, p in zip(entries, profiles, strict=True)
        ],
        batch_size=2000,
    )
    print(f"(created {missing:,} families in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return families


def officer_and_case(*, region_code: int, ages: tuple[int, ...] = (4,)):
    """An officer of the region (no password: the benchmark logs in directly) and a waiting child case."""
    from nrp.core.choices import Role
    from nrp.core.models import Region, RoleAssignment, User
    from workflows.child_mediation.models import Child, ChildCase, ChildCaseStatus

    region = Region.objects.get(code=region_code)
    officer, created = User.objects.get_or_create(
        email=f"bench.officer.{region_code}@bench.nrp.example", defaults={"first_name": "Bench", "last_name": "Úřad"}
    )
    if created:
        officer.set_unusable_password()
        officer.save(update_fields=["password"])
        RoleAssignment.objects.create(user=officer, role=Role.OFFICER, region=region)
    reference = f"BENCH-{region_code}-{'-'.join(map(str, ages))}"
    case = ChildCase.objects.filter(reference=reference).first()
    if case is None:
        orp = region.orps.order_by("code").first()
        case = ChildCase.objects.create(
            reference=reference,
            region=region,
            orp=orp,
            birth_family_orp=orp,
            care_types_sought=["FOSTER"],
            contact_plan="supervised",
            status=ChildCaseStatus.WAITING,
            registered_on=date.today() - timedelta(days=200),
        )
        today = date.today()
        for i, age in enumerate(ages):
            Child.objects.create(
                case=case,
                first_name="Dítě",
                last_name=f"Zkušební{i}",
                date_of_birth=date(today.year - age, 1, 15),
                sex="F",
                legal_status="not_free",
                health_needs=[],
            )
    return officer, case


def logged_in_client(user):
    """A test client logged in as ``user`` with the second factor passed (staff roles need it for screens)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from nrp.core.twofactor import TOTP_DEVICE_NAME

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name=TOTP_DEVICE_NAME, confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]
