"""The load test's plan: logged-in sessions and API tokens of demo users, and the pages each role opens.

Runs in Django (``DATABASE_URL`` names the seeded database) before locust starts, and writes a JSON plan that
the locustfile reads (locust itself never imports Django). Staff log in with the second factor already passed,
as ``benchmarks/_django.logged_in_client`` does: the load test measures pages, not the TOTP form (whose codes
cannot be replayed by 20 users at once). Every page of the plan is requested once here through Django's test
client with the same session and must answer 200; a page that does not is left out and reported.

    DATABASE_URL=… uv run python benchmarks/load/prepare.py --out plan.json [--per-role 4]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ROLES = ("officer", "guide", "ospod", "assessor", "applicant")
TRIVIAL = [("trivial: screen /heslo/zmena/", "/heslo/zmena/"), ("trivial: API /api/v1/me/", "/api/v1/me/")]


def demo_users(role: str, per_role: int):
    from nrp.core.demo import DEMO_DOMAIN
    from nrp.core.models import User

    prefix = {
        "officer": "kraj.",
        "guide": "pruvodce",
        "ospod": "ospod.",
        "assessor": "psycholog.",
        "applicant": "zadatel",
    }
    users = User.objects.filter(email__startswith=prefix[role], email__endswith="@" + DEMO_DOMAIN, is_active=True)
    if role == "applicant":
        # Applicants whose household has a journey (the portal shows it).
        users = users.filter(household_membership__household__journeys__isnull=False).distinct()
    return list(users.order_by("email")[:per_role])


def pages_for(role: str, user) -> list[tuple[str, str]]:
    """The main screens and API endpoints of the role, with objects of the user's own scope."""
    from workflows.applicant_journey.models import ApplicantJourney
    from workflows.child_mediation.models import ChildCase

    if role == "officer":
        region = user.role_assignments.filter(region__isnull=False).first().region
        case = ChildCase.objects.filter(region=region).order_by("pk").first()
        journey = ApplicantJourney.objects.filter(region=region).order_by("pk").first()
        pages = [
            ("officer: screen children", "/deti/"),
            ("officer: screen matching", "/parovani/"),
            ("officer: screen journeys", "/zadatele/"),
            ("officer: API children", "/api/v1/children/"),
            ("officer: API register", "/api/v1/register/"),
        ]
        if case:
            pages += [
                ("officer: screen child case", f"/deti/{case.pk}/"),
                ("officer: API child", f"/api/v1/children/{case.pk}/"),
            ]
        if journey:
            pages += [("officer: screen journey", f"/zadatele/{journey.pk}/")]
        return pages
    if role == "guide":
        journey = ApplicantJourney.objects.filter(household__guide=user).order_by("pk").first()
        pages = [
            ("guide: screen caseload", "/zadatele/pruvodce/"),
            ("guide: API caseload", "/api/v1/caseload/"),
            ("guide: API journeys", "/api/v1/journeys/"),
        ]
        if journey:
            pages += [
                ("guide: screen journey", f"/zadatele/{journey.pk}/"),
                ("guide: API journey", f"/api/v1/journeys/{journey.pk}/"),
                ("guide: API messages", f"/api/v1/journeys/{journey.pk}/messages/"),
            ]
        return pages
    if role == "ospod":
        orp = user.role_assignments.filter(orp__isnull=False).first().orp
        case = ChildCase.objects.filter(orp=orp).order_by("pk").first()
        pages = [
            ("ospod: screen children", "/deti/"),
            ("ospod: screen journeys", "/zadatele/"),
            ("ospod: API children", "/api/v1/children/"),
            ("ospod: API journeys", "/api/v1/journeys/"),
        ]
        if case:
            pages += [("ospod: screen child case", f"/deti/{case.pk}/")]
        return pages
    if role == "assessor":
        return [
            ("assessor: screen tasks", "/zadatele/ukoly/"),
            ("assessor: screen journeys", "/zadatele/"),
            ("assessor: API tasks", "/api/v1/tasks/"),
            ("assessor: API journeys", "/api/v1/journeys/"),
        ]
    return [
        ("applicant: screen portal", "/zadatele/moje-cesta/"),
        ("applicant: API my journey", "/api/v1/journeys/mine/"),
        ("applicant: screen home", "/"),
    ]


def write_target(role: str, user) -> str | None:
    """Where this user posts messages in a run that writes (their own journey's messages)."""
    from workflows.applicant_journey.models import ApplicantJourney

    if role == "guide":
        journey = ApplicantJourney.objects.filter(household__guide=user).order_by("pk").first()
    elif role == "applicant":
        journey = ApplicantJourney.objects.filter(household__members__user=user).order_by("pk").first()
    else:
        return None
    return f"/api/v1/journeys/{journey.pk}/messages/" if journey else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-role", type=int, default=4)
    args = parser.parse_args(argv)
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrp.settings")
    import django

    django.setup()
    from django.conf import settings

    from benchmarks._django import logged_in_client
    from nrp.api.services import api_token_create
    from nrp.core.twofactor import requires_second_factor

    plan, dropped = [], []
    for role in ROLES:
        users = demo_users(role, args.per_role)
        if not users:
            print(f"no demo {role} in this database: run seed_demo first", file=sys.stderr)
            return 2
        for user in users:
            client = logged_in_client(user) if requires_second_factor(user) else _plain_client(user)
            token = api_token_create(user=user, name="load test", expires_in_days=1).secret
            pages = []
            for name, url in [*pages_for(role, user), *TRIVIAL]:
                status = client.get(url).status_code
                (pages if status == 200 else dropped).append((name, url) if status == 200 else (name, url, status))
            plan.append(
                {
                    "role": role,
                    "email": user.email,
                    "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "token": token,
                    "pages": [{"name": n, "url": u} for n, u in pages if not n.startswith("trivial")],
                    "write": write_target(role, user),
                }
            )
    Path(args.out).write_text(json.dumps({"users": plan, "trivial": [{"name": n, "url": u} for n, u in TRIVIAL]}))
    for name, url, status in dropped:
        print(f"left out of the mix: {name} {url} answered {status}", file=sys.stderr)
    return 0


def _plain_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
