"""Synthetic demo data: Czech names, users for every role, applicant households.

Nothing here is a real person. Every step is idempotent: it looks records up by a stable key (an e-mail
address) before creating them, so running ``seed_demo`` twice creates nothing new. Later modules register
their own steps with ``register_seed_step``; they run after the people exist, in registration order.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction

from nrp.core.choices import OrganisationKind, Role, Sex
from nrp.core.models import Household, HouseholdMember, Organisation, Orp, Region, RoleAssignment, User

DEMO_PASSWORD = "nrp-demo-2026"
DEMO_DOMAIN = "demo.nrp.example"

MALE_FIRST = [
    "Jan",
    "Petr",
    "Tomáš",
    "Martin",
    "Jiří",
    "Pavel",
    "Lukáš",
    "Jakub",
    "Ondřej",
    "Michal",
    "David",
    "Filip",
    "Vojtěch",
    "Radek",
    "Zdeněk",
    "Josef",
    "Miroslav",
    "Karel",
    "Aleš",
    "Marek",
]
FEMALE_FIRST = [
    "Jana",
    "Eva",
    "Hana",
    "Lenka",
    "Kateřina",
    "Lucie",
    "Petra",
    "Martina",
    "Veronika",
    "Tereza",
    "Alena",
    "Zuzana",
    "Markéta",
    "Barbora",
    "Michaela",
    "Ivana",
    "Monika",
    "Simona",
    "Dana",
    "Klára",
]
# (male form, female form)
SURNAMES = [
    ("Novák", "Nováková"),
    ("Svoboda", "Svobodová"),
    ("Novotný", "Novotná"),
    ("Dvořák", "Dvořáková"),
    ("Černý", "Černá"),
    ("Procházka", "Procházková"),
    ("Kučera", "Kučerová"),
    ("Veselý", "Veselá"),
    ("Horák", "Horáková"),
    ("Němec", "Němcová"),
    ("Marek", "Marková"),
    ("Pospíšil", "Pospíšilová"),
    ("Pokorný", "Pokorná"),
    ("Hájek", "Hájková"),
    ("Král", "Králová"),
    ("Jelínek", "Jelínková"),
    ("Růžička", "Růžičková"),
    ("Beneš", "Benešová"),
    ("Fiala", "Fialová"),
    ("Sedláček", "Sedláčková"),
    ("Doležal", "Doležalová"),
    ("Zeman", "Zemanová"),
    ("Kolář", "Kolářová"),
    ("Navrátil", "Navrátilová"),
    ("Čermák", "Čermáková"),
    ("Vaněk", "Vaňková"),
    ("Urban", "Urbanová"),
    ("Blažek", "Blažková"),
]

# Region codes (VÚSC) used by each demo size; the first two always, with the stable demo logins.
REGION_CODES = {
    "small": [116, 132],  # Jihomoravský, Moravskoslezský
    "medium": [116, 132, 19, 27],  # + Praha, Středočeský
    "large": [116, 132, 19, 27, 35, 43, 51, 60, 78, 86, 94, 108, 124, 141],
}
HOUSEHOLDS_PER_REGION = {"small": 12, "medium": 40, "large": 150}
REGION_SLUG = {
    116: "jmk",
    132: "msk",
    19: "praha",
    27: "stc",
    35: "jck",
    43: "plk",
    51: "kvk",
    60: "ulk",
    78: "lbk",
    86: "hkk",
    94: "pak",
    108: "vys",
    124: "olk",
    141: "zlk",
}


@dataclass
class DemoContext:
    size: str
    rng: random.Random
    today: date
    regions: list[Region] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role label, e-mail, scope)
    households: dict[int, list[Household]] = field(default_factory=dict)  # region id -> households

    def log(self, role_label: str, email: str, scope: str) -> None:
        self.logins.append((role_label, email, scope))


SeedStep = Callable[[DemoContext], None]
_SEED_STEPS: list[tuple[str, SeedStep]] = []


def register_seed_step(name: str, step: SeedStep) -> None:
    if name not in [n for n, _ in _SEED_STEPS]:
        _SEED_STEPS.append((name, step))


def seed_steps() -> list[tuple[str, SeedStep]]:
    return [("people", seed_people), *_SEED_STEPS]


def organisation_name(region: Region) -> str:
    """A plausible accompanying organisation name in proper Czech (genitive of the region)."""
    if region.name.endswith("ý kraj"):
        return f"Doprovázení {region.name[:-6]}ého kraje, z. s."
    return f"Doprovázení – {region.name}, z. s."


def person_name(rng: random.Random, sex: str) -> tuple[str, str]:
    surname = rng.choice(SURNAMES)
    if sex == Sex.MALE:
        return rng.choice(MALE_FIRST), surname[0]
    return rng.choice(FEMALE_FIRST), surname[1]


_DEMO_PASSWORD_HASH: list[str] = []


def demo_password_hash() -> str:
    """The demo password hashed once per seed run and reused for every demo user.

    Hashing it per user (PBKDF2, ~0.26 s a hash on the 2-core machine) was most of ``seed_demo --size large``.
    Every demo account shares the one published demo password anyway; real accounts are never made here.
    """
    if not _DEMO_PASSWORD_HASH:
        _DEMO_PASSWORD_HASH.append(make_password(DEMO_PASSWORD))
    return _DEMO_PASSWORD_HASH[0]


def demo_user(email: str, first: str, last: str, *, staff: bool = False, superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "is_staff": staff, "is_superuser": superuser},
    )
    if created:
        user.password = demo_password_hash()
        user.save(update_fields=["password"])
    return user


def grant(user: User, role: str, **scope) -> None:
    RoleAssignment.objects.get_or_create(
        user=user, role=role, **{k: scope.get(k) for k in ("region", "orp", "organisation")}
    )


def seed_people(ctx: DemoContext) -> None:
    rng = ctx.rng
    admin = demo_user(f"admin@{DEMO_DOMAIN}", "Správce", "Systému", staff=True, superuser=True)
    grant(admin, Role.ADMIN)
    ctx.log(str(Role.ADMIN.label), admin.email, "—")
    for code in REGION_CODES[ctx.size]:
        region = Region.objects.get(code=code)
        ctx.regions.append(region)
        slug = REGION_SLUG[code]
        seat = (
            region.orps.order_by("-name").filter(name__in=["Brno", "Ostrava", "Praha"]).first()
            or region.orps.order_by("name")[0]
        )
        org, _ = Organisation.objects.get_or_create(
            name=organisation_name(region),
            region=region,
            defaults={"kind": OrganisationKind.ACCOMPANYING},
        )
        officer = demo_user(f"kraj.{slug}@{DEMO_DOMAIN}", *person_name(rng, Sex.FEMALE))
        grant(officer, Role.OFFICER, region=region)
        ctx.log(str(Role.OFFICER.label), officer.email, region.name)
        ospod = demo_user(f"ospod.{slug}@{DEMO_DOMAIN}", *person_name(rng, Sex.FEMALE))
        grant(ospod, Role.OSPOD, orp=seat)
        ctx.log(str(Role.OSPOD.label), ospod.email, f"ORP {seat.name}")
        guides = []
        for i in range(1, 3):
            guide = demo_user(
                f"pruvodce{i}.{slug}@{DEMO_DOMAIN}", *person_name(rng, rng.choice([Sex.MALE, Sex.FEMALE]))
            )
            grant(guide, Role.GUIDE, organisation=org)
            guides.append(guide)
        ctx.log(str(Role.GUIDE.label), guides[0].email, org.name)
        assessor = demo_user(f"psycholog.{slug}@{DEMO_DOMAIN}", *person_name(rng, Sex.MALE))
        grant(assessor, Role.ASSESSOR, region=region)
        ctx.log(str(Role.ASSESSOR.label), assessor.email, region.name)
        ctx.households[region.pk] = seed_households(ctx, region, seat, org, guides, slug)
    first = ctx.households[ctx.regions[0].pk][0]
    applicant = first.members.select_related("user").filter(user__isnull=False).order_by("pk")[0].user
    assert applicant is not None
    ctx.log(str(Role.APPLICANT.label), applicant.email, ctx.regions[0].name)


def seed_households(ctx, region, seat: Orp, org, guides, slug) -> list[Household]:
    rng = ctx.rng
    orps = list(region.orps.order_by("code"))
    households = []
    for n in range(HOUSEHOLDS_PER_REGION[ctx.size]):
        email = "zadatel@" + DEMO_DOMAIN if (n == 0 and slug == "jmk") else f"zadatel{n:03d}.{slug}@{DEMO_DOMAIN}"
        member = HouseholdMember.objects.filter(email=email).select_related("household").first()
        if member:
            households.append(member.household)
            continue
        with transaction.atomic():
            # The first households live in the seat ORP, so the demo OSPOD login has people to see.
            orp = seat if n < 4 else rng.choice(orps)
            household = Household.objects.create(
                residence_orp=orp,
                guide=guides[n % len(guides)],
                organisation=org,
            )
            couple = rng.random() < 0.7
            sexes = [Sex.FEMALE, Sex.MALE] if couple else [rng.choice([Sex.FEMALE, Sex.MALE])]
            surname_pair = rng.choice(SURNAMES)
            for i, sex in enumerate(sexes):
                first = rng.choice(FEMALE_FIRST if sex == Sex.FEMALE else MALE_FIRST)
                last = surname_pair[1] if sex == Sex.FEMALE else surname_pair[0]
                member_email = email if i == 0 else email.replace("zadatel", "partner", 1)
                user = demo_user(member_email, first, last)
                grant(user, Role.APPLICANT)
                HouseholdMember.objects.create(
                    household=household,
                    user=user,
                    first_name=first,
                    last_name=last,
                    sex=sex,
                    email=member_email,
                    date_of_birth=ctx.today - timedelta(days=rng.randint(27 * 365, 52 * 365)),
                )
            households.append(household)
    return households


def run_seed(size: str = "small", *, seed: int = 2026, today: date | None = None, stdout=None) -> DemoContext:
    ctx = DemoContext(size=size, rng=random.Random(seed), today=today or date.today())
    for name, step in seed_steps():
        if stdout:
            stdout.write(f"  … {name}")
        step(ctx)
    return ctx
