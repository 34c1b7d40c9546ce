"""Synthetic children: cases, and the placements that end some of them."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from nrp.core.choices import ContactLevel, Ethnicity, LegalStatus, Sex
from nrp.core.demo import FEMALE_FIRST, MALE_FIRST
from nrp.stats.synthetic.plan import BATCH, NEEDS, WEIGHTS_A, WEIGHTS_B, Plan, _at


# --- children ----------------------------------------------------------------------------------------------
def _children(plan: Plan, rng: random.Random, orps) -> list:
    from workflows.child_mediation.models import CaseFlags, Child, ChildCase

    span = plan.years * 365
    cases, children = [], []
    for n in range(plan.children):
        region = plan.regions[n % len(plan.regions)]
        registered = plan.today - timedelta(days=int(span * rng.random() ** 0.9))
        size = rng.choice([1] * 6 + [2] * 3 + [3])
        legal = LegalStatus.FREE if rng.random() < 0.35 else LegalStatus.NOT_FREE
        care = ["ADOPTION", "FOSTER"] if legal == LegalStatus.FREE else [rng.choice(["FOSTER", "FOSTER_TEMP"])]
        orp = rng.choice(orps[region.pk])
        case = ChildCase(
            reference=f"SYN{plan.seed % 100:02d}-{region.nuts3[-3:]}-{n:05d}",
            region=region,
            orp=orp,
            care_types_sought=care,
            contact_plan=rng.choice([ContactLevel.NONE, ContactLevel.NONE, ContactLevel.SUPERVISED]),
            birth_family_orp=orp,
            status="waiting",
            proposed_at=_at(registered - timedelta(days=rng.randint(5, 40))),
            registered_on=registered,
        )
        cases.append(case)
        base_age = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
        roma = rng.random() < 0.2
        for i in range(size):
            age_days = (base_age + 2 * i) * 365 + rng.randint(0, 364)
            children.append(
                Child(
                    case=case,
                    first_name=rng.choice(FEMALE_FIRST + MALE_FIRST),
                    last_name="Syntetická",
                    date_of_birth=registered - timedelta(days=age_days),
                    sex=rng.choice([Sex.FEMALE, Sex.MALE]),
                    legal_status=legal,
                    health_needs=[n for n in NEEDS if rng.random() < 0.12],
                    ethnicity=Ethnicity.ROMA if roma else rng.choice(["", Ethnicity.MAJORITY, Ethnicity.MAJORITY]),
                )
            )
    ChildCase.objects.bulk_create(cases, batch_size=BATCH)
    Child.objects.bulk_create(children, batch_size=BATCH)
    CaseFlags.objects.bulk_create([CaseFlags(case=c) for c in cases], batch_size=BATCH)
    plan.counts.update(child_cases=len(cases), children=len(children))
    return cases


def _placements(plan: Plan, rng: random.Random, cases, entries: dict[int, list], officers) -> None:
    """Most cases older than a few months are placed (with a conference, a ranking and an approach)."""
    from matching.models import RankingRun
    from workflows.applicant_journey.models import ApplicantRegisterEntry
    from workflows.child_mediation.models import (
        Approach,
        CaseConference,
        CaseFlags,
        ChildCase,
        ConferenceMinutes,
        Placement,
    )

    switch = plan.today - timedelta(days=plan.years * 365 // 2)
    flags = {f.case_id: f for f in CaseFlags.objects.filter(case__in=cases)}
    chosen = []
    for case in cases:
        waited = (plan.today - case.registered_on).days
        roll = rng.random()
        if waited < 60 or roll < 0.3:
            case.status = rng.choice(["waiting", "waiting", "national", "approaching"]) if waited >= 60 else "waiting"
            continue
        if roll < 0.38:
            case.status = "closed"
            flag = flags[case.pk]
            flag.closed_on = case.registered_on + timedelta(days=rng.randint(30, waited))
            flag.closure_reason = rng.choice(["returned_home", "adulthood", "other"])
            continue
        placed = case.registered_on + timedelta(days=rng.randint(30, min(waited, 720)))
        pool = [e for e in entries.get(case.region_id, []) if e.effective_date < placed and e.status == "active"]
        if not pool:
            continue
        entry = rng.choice(pool)
        entry.status = "placed"
        entry.status_changed_at = _at(placed)
        case.status = "placed"
        chosen.append((case, entry, placed))
    rankings, conferences = [], []
    # The stored ranking's shape changes with matching; only the fields every version has are written here.
    ranking_fields = {f.name for f in RankingRun._meta.concrete_fields}
    extra: dict[str, Any] = {"results": []} if "results" in ranking_fields else {}
    for case, _entry, placed in chosen:
        weights = WEIGHTS_B if placed >= switch else WEIGHTS_A
        ranked = placed - timedelta(days=45)
        rankings.append(
            RankingRun(
                child_case=case,
                region_id=case.region_id,
                scope="regional",
                created_by=officers[case.region_id],
                created_at=_at(ranked),
                ranked_on=ranked,
                weights=weights,
                inputs={"synthetic": True},
                exclusions={"counts": {}},
                considered_count=0,
                eligible_count=0,
                **extra,
            )
        )
    RankingRun.objects.bulk_create(rankings, batch_size=BATCH)
    for (case, _entry, placed), ranking in zip(chosen, rankings, strict=True):
        conferences.append(
            CaseConference(
                case=case,
                scheduled_at=_at(placed - timedelta(days=40)),
                ranking_id=ranking.pk,
                status="held",
                prepared_by=officers[case.region_id],
            )
        )
    CaseConference.objects.bulk_create(conferences, batch_size=BATCH)
    minutes = [
        ConferenceMinutes(
            conference=conference,
            attendance="Synteticky.",
            discussion="Synteticky.",
            wishes_considered="Synteticky.",
            approach_order=[entry.pk],
            reasoning="Synteticky.",
            created_by=officers[case.region_id],
            signed_off_by=officers[case.region_id],
            signed_off_at=_at(placed - timedelta(days=39)),
        )
        for conference, (case, entry, placed) in zip(conferences, chosen, strict=True)
    ]
    ConferenceMinutes.objects.bulk_create(minutes, batch_size=BATCH)
    approaches, failed = [], []
    all_entries = [e for region in entries.values() for e in region]
    for m, (case, entry, placed) in zip(minutes, chosen, strict=True):
        notified = placed - timedelta(days=35)
        if rng.random() < 0.25 and all_entries:
            other = rng.choice(all_entries)
            status = rng.choice(["declined", "lapsed"])
            failed.append(
                Approach(
                    case=case,
                    entry=other,
                    minutes=m,
                    position=1,
                    status=status,
                    notified_on=notified - timedelta(days=35),
                    deadline=notified - timedelta(days=5),
                    answered_on=notified - timedelta(days=rng.randint(6, 30)) if status == "declined" else None,
                    created_by=officers[case.region_id],
                )
            )
        approaches.append(
            Approach(
                case=case,
                entry=entry,
                minutes=m,
                position=2,
                status="accepted",
                notified_on=notified,
                deadline=notified + timedelta(days=30),
                answered_on=notified + timedelta(days=10),
                created_by=officers[case.region_id],
            )
        )
    Approach.objects.bulk_create(failed + approaches, batch_size=BATCH)
    placements = []
    for approach, (case, _entry, placed) in zip(approaches, chosen, strict=True):
        care = case.care_types_sought[0]
        placements.append(
            Placement(
                case=case,
                approach=approach,
                care_type=care,
                court_decision_date=placed - timedelta(days=5),
                effective_date=placed,
                pre_adoption_care_start=placed if care == "ADOPTION" else None,
                earliest_adoption_date=placed + timedelta(days=183) if care == "ADOPTION" else None,
                recorded_by=officers[case.region_id],
            )
        )
        # Breakdowns (not recorded as such: a placed case closed later). Version B lasts slightly better.
        risk = 0.05 if placed >= switch else 0.12
        if rng.random() < risk and (plan.today - placed).days > 60:
            case.status = "closed"
            flag = flags[case.pk]
            flag.closed_on = placed + timedelta(days=rng.randint(30, (plan.today - placed).days))
            flag.closure_reason = rng.choice(["returned_home", "other"])
    Placement.objects.bulk_create(placements, batch_size=BATCH)
    ChildCase.objects.bulk_update(cases, ["status"], batch_size=BATCH)
    CaseFlags.objects.bulk_update(list(flags.values()), ["closed_on", "closure_reason"], batch_size=BATCH)
    ApplicantRegisterEntry.objects.bulk_update(
        [e for _, e, _ in chosen], ["status", "status_changed_at"], batch_size=BATCH
    )
    plan.counts.update(placements=len(placements), failed_approaches=len(failed), rankings=len(rankings))
