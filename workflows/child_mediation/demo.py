"""Demo seed step: waiting children in every demo region, a realistic mix.

Older children, sibling groups, children with disabilities, Romani children and a few legally free infants:
the groups that wait longest in practice sit next to infants that find families quickly. Nothing here is a real
child. Idempotent: each case is keyed by its demo reference (``JMK-DEMO-001`` …) and skipped when it exists.
After seeding, the cron rules run once, so the register shows national-search and ÚMPOD flags.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Role, Sex
from nrp.core.demo import DEMO_DOMAIN, FEMALE_FIRST, MALE_FIRST, REGION_SLUG, SURNAMES
from nrp.core.models import RoleAssignment
from workflows.child_mediation import services
from workflows.child_mediation.demo_legal import seed_legal_records
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.notify import silenced

A, F = CareType.ADOPTION, CareType.FOSTER
FREE, NOT_FREE = LegalStatus.FREE, LegalStatus.NOT_FREE

# (days in the register, care types, contact, children [(age in months, sex, legal, needs, ethnicity)], wishes, how)
DemoChild = tuple[int, str, str, list[str], str]
CASES: list[tuple[int, list[str], str, list[DemoChild], str, str]] = [
    (12, [A], ContactLevel.NONE, [(7, Sex.FEMALE, FREE, [], "")], "", ""),
    (
        20,
        [A, F],
        ContactLevel.NONE,
        [(14, Sex.MALE, FREE, [HealthNeed.PRENATAL_EXPOSURE, HealthNeed.DEVELOPMENTAL_DELAY], "")],
        "",
        "",
    ),
    (
        45,
        [F],
        ContactLevel.SUPERVISED,
        [(6 * 12 + 3, Sex.MALE, NOT_FREE, [], ""), (9 * 12 + 1, Sex.MALE, NOT_FREE, [HealthNeed.BEHAVIOURAL], "")],
        "Chceme zůstat spolu. A chceme jezdit za babičkou.",
        "Rozhovor s oběma chlapci v zařízení, přítomna klíčová pracovnice a psycholožka.",
    ),
    (
        15,
        [F],
        ContactLevel.REGULAR,
        [(12 * 12 + 5, Sex.FEMALE, NOT_FREE, [HealthNeed.BEHAVIOURAL], Ethnicity.MAJORITY)],
        "Chtěla bych bydlet tam, kde můžu dál chodit do svojí školy a na volejbal.",
        "Rozhovor s pracovnicí OSPOD v dětském domově, dívka si přála mluvit bez vychovatelky.",
    ),
    (
        200,
        [A, F],
        ContactLevel.NONE,
        [(4 * 12, Sex.MALE, FREE, [HealthNeed.INTELLECTUAL_DISABILITY, HealthNeed.PHYSICAL_DISABILITY], "")],
        "",
        "Chlapec nemluví; jeho přání zprostředkovala pěstounka na přechodnou dobu (co ho těší, čeho se bojí).",
    ),
    (
        25,
        [A, F],
        ContactLevel.NONE,
        [(3 * 12 + 2, Sex.FEMALE, FREE, [HealthNeed.DEVELOPMENTAL_DELAY], Ethnicity.ROMA)],
        "Chci maminku a tatínka a kočičku.",
        "Hra s pracovnicí OSPOD u pěstounky na přechodnou dobu.",
    ),
    (
        30,
        [F],
        ContactLevel.SUPERVISED,
        [(15 * 12 + 2, Sex.MALE, NOT_FREE, [HealthNeed.CHRONIC_ILLNESS], "")],
        "Chci rodinu, která mě nechá vyučit se automechanikem.",
        "Rozhovor s chlapcem a jeho opatrovníkem.",
    ),
    (
        8,
        [A],
        ContactLevel.NONE,
        [(2 * 12, Sex.FEMALE, FREE, [], ""), (4 * 12 + 6, Sex.MALE, FREE, [], ""), (7 * 12, Sex.FEMALE, FREE, [], "")],
        "Nejstarší sestra: Chci, abychom byli všichni tři spolu.",
        "Rozhovor s nejstarší dívkou; mladší sourozenci pozorováni při hře.",
    ),
]
CASES_PER_SIZE = {"small": 6, "medium": 8, "large": 8}
# The young, legally free children (cases 1, 2 and 6) are shaped after a family waiting in the region, so their
# rankings visibly find someone; the older children, sibling groups and children with disabilities are left as
# they are and, as in practice, often wait (and go to the national search).
FIT_TO_A_FAMILY = {1, 2, 6}


def _fit_to_family(region, care: list, kid: tuple, rng, today) -> tuple:
    """Adjust one child's age, sex, needs and ethnicity to the acceptance profile of an approved family."""
    from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus

    months, sex, legal, needs, ethnicity = kid
    entries = list(
        ApplicantRegisterEntry.objects.filter(
            region=region,
            status=RegisterStatus.ACTIVE,
            effective_date__lte=today,
            care_types__overlap=[str(c) for c in care],
            profile__legal_statuses__contains=[str(legal)],
        )
        .select_related("profile")
        .order_by("pk")
    )
    if not entries:
        return kid
    profile = rng.choice(entries).profile
    age_years = max(profile.age_min, min(profile.age_max, months // 12))
    months = age_years * 12 + min(months % 12, 10)
    if sex not in profile.sexes:
        sex = profile.sexes[0]
    needs = [n for n in needs if n in profile.health_needs_accepted]
    if ethnicity and ethnicity not in profile.ethnicities_accepted:
        ethnicity = ""
    return months, sex, legal, needs, ethnicity


def _ospod_orp(slug: str, region):
    assignment = (
        RoleAssignment.objects.filter(user__email=f"ospod.{slug}@{DEMO_DOMAIN}", role=Role.OSPOD)
        .select_related("orp")
        .first()
    )
    return assignment.orp if assignment else region.orps.order_by("code").first()


def _officer(region):
    assignment = RoleAssignment.objects.filter(role=Role.OFFICER, region=region).order_by("pk").first()
    return assignment.user if assignment else None


def seed_children(ctx) -> None:
    real_today = timezone.localdate()
    today = min(ctx.today, real_today)
    rng = ctx.rng
    for region in ctx.regions:
        slug = REGION_SLUG.get(region.code, region.nuts3.lower())
        orp = _ospod_orp(slug, region)
        officer = _officer(region)
        for n, (days, care, contact, kids, wishes, how) in enumerate(CASES[: CASES_PER_SIZE[ctx.size]], start=1):
            reference = f"{slug.upper()}-DEMO-{n:03d}"
            if ChildCase.objects.filter(reference=reference).exists():
                continue
            if n in FIT_TO_A_FAMILY and len(kids) == 1:
                kids = [_fit_to_family(region, care, kids[0], rng, today)]
            surname = rng.choice(SURNAMES)
            children = []
            for months, sex, legal, needs, ethnicity in kids:
                first = rng.choice(MALE_FIRST if sex == Sex.MALE else FEMALE_FIRST)
                children.append(
                    {
                        "first_name": first,
                        "last_name": surname[0] if sex == Sex.MALE else surname[1],
                        "date_of_birth": today - timedelta(days=int(months * 30.44) + rng.randint(0, 20)),
                        "sex": sex,
                        "legal_status": legal,
                        "health_needs": [str(x) for x in needs],
                        "health_notes": "Pravidelné kontroly u pediatra; podrobnosti ve spisu OSPOD." if needs else "",
                        "ethnicity": str(ethnicity),
                    }
                )
            with transaction.atomic():
                case = services.case_propose(
                    proposed_by=None,
                    orp=orp,
                    care_types_sought=[str(c) for c in care],
                    children=children,
                    contact_plan=contact,
                    birth_family_orp=orp if contact != ContactLevel.NONE else None,
                    wishes=wishes,
                    wishes_how_heard=how,
                    reference=reference,
                )
                services.case_register(case=case, officer=officer, registered_on=today - timedelta(days=days))
                # What the law asks on the file before matching (view, assessment, consent, evidence).
                seed_legal_records(case=case, officer=officer, today=today)
    with silenced():
        services.mediation_tick(today=today)
