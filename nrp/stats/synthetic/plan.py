"""What a synthetic batch is made of (the plan), its vocabularies and typical times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from nrp import law
from nrp.core.choices import HealthNeed, Role
from nrp.core.models import Region, RoleAssignment, User

SYNTHETIC_DOMAIN = "synthetic.nrp.example"
BATCH = 2000
# Stages of the journey in order, with typical days (min, max) spent in each.
PATH = [
    ("interest", 7, 40),
    ("application", 10, 45),
    ("investigation", 7, 25),
    ("handover", 3, 35),
    ("assessment", 40, 120),
    ("preparation", 60, 160),
    ("inspection", 7, 20),
    ("decision", 7, 30),
    ("appeal_period", 19, 21),
]
STAGE_NODES = {
    "interest": ["information_meeting", "file_application"],
    "application": ["check_application"],
    "investigation": ["social_investigation"],
    "handover": ["handover"],
    "assessment": ["assign_assessment", "expert_assessment"],
    "preparation": ["preparation"],
    "inspection": ["file_inspection"],
    "decision": ["decision"],
    "appeal_period": ["finality"],
}
WEIGHTS_A = {
    "age_preference": 0.3,
    "needs_experience": 0.2,
    "birth_family_distance": 0.15,
    "waiting_time": 0.15,
    "child_wishes": 0.1,
    "household_children": 0.1,
}
WEIGHTS_B = {**WEIGHTS_A, "needs_experience": 0.35, "child_wishes": 0.2, "waiting_time": 0.05}
NEEDS = [n.value for n in HealthNeed]
REMOVAL_REASONS = [
    law.message("Nový záznam v rejstříku trestů (%(law)s).", law="REGISTER_REMOVAL"),
    law.message("Změna zdravotního stavu (%(law)s).", law="REGISTER_REMOVAL"),
    "Neoznámená změna poměrů.",
]


@dataclass
class Plan:
    regions: list[Region]
    households: int
    children: int
    tasks: int
    years: int
    today: date
    seed: int = 2026
    label: str = "national"
    counts: dict = field(default_factory=dict)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _officer(region: Region) -> User:
    email = f"kraj.{region.nuts3.lower()}@{SYNTHETIC_DOMAIN}"
    user, created = User.objects.get_or_create(email=email, defaults={"first_name": "Synt.", "last_name": "Úředník"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        RoleAssignment.objects.get_or_create(user=user, role=Role.OFFICER, region=region)
    return user
