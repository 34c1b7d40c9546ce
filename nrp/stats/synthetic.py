"""Synthetic data at national size (``generate_national_data``) or demo size (the demo's year of history).

Everything is written with ``bulk_create`` (and ``_insert`` for the journeys, which extend viewflow's Process by
multi-table inheritance, where ``bulk_create`` refuses): 20,000 households take minutes, not hours. Nobody in
it is a real person: names come from the demo's name lists, members have no user account.

The story the data tells: applicants trickle in over the years and about half reach the register; most families
want one young child, while most waiting children are older, in sibling groups or with needs; a region changes
its matching weights (versions A → B) half-way, and placements chosen under B last slightly better.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from nrp import law
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Role, Sex
from nrp.core.demo import FEMALE_FIRST, MALE_FIRST, SURNAMES
from nrp.core.models import Household, HouseholdMember, Orp, Region, RoleAssignment, User

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


def generate(plan: Plan) -> dict:
    """Write the whole batch; returns counts of what was written."""
    rng = random.Random(plan.seed)
    with transaction.atomic():
        orps = {r.pk: list(Orp.objects.filter(region=r).order_by("code")) for r in plan.regions}
        officers = {r.pk: _officer(r) for r in plan.regions}
        households = _households(plan, rng, orps)
        journeys = _journeys(plan, rng, households)
        entries = _register(plan, rng, journeys)
        cases = _children(plan, rng, orps)
        _placements(plan, rng, cases, entries, officers)
    return plan.counts


# --- applicants --------------------------------------------------------------------------------------------
def _households(plan: Plan, rng: random.Random, orps) -> list[Household]:
    span = plan.years * 365
    rows = []
    for n in range(plan.households):
        region = plan.regions[n % len(plan.regions)]
        created = plan.today - timedelta(days=int(span * rng.random() ** 0.8))
        rows.append(Household(residence_orp=rng.choice(orps[region.pk]), created_at=_at(created)))
    Household.objects.bulk_create(rows, batch_size=BATCH)
    members = []
    for household in rows:
        surname = rng.choice(SURNAMES)
        sexes = [Sex.FEMALE, Sex.MALE] if rng.random() < 0.7 else [rng.choice([Sex.FEMALE, Sex.MALE])]
        for sex in sexes:
            first = rng.choice(FEMALE_FIRST if sex == Sex.FEMALE else MALE_FIRST)
            last = surname[1] if sex == Sex.FEMALE else surname[0]
            members.append(HouseholdMember(household=household, first_name=first, last_name=last, sex=sex))
    HouseholdMember.objects.bulk_create(members, batch_size=BATCH)
    plan.counts["households"] = len(rows)
    return rows


def _walk(rng: random.Random, start: date, today: date) -> tuple[list[tuple[str, date, date | None]], str]:
    """Stage visits of one journey and the stage it ends in (a register stage, an exit, or still open)."""
    visits = []
    day = start
    exit_at = None
    roll = rng.random()
    if roll < 0.14:
        exit_at = (rng.randrange(len(PATH)), "withdrawn")
    elif roll < 0.19:
        exit_at = (1, "rejected_orp")
    elif roll < 0.22:
        exit_at = (7, "rejected")
    for index, (stage, low, high) in enumerate(PATH):
        left = day + timedelta(days=rng.randint(low, high))
        if left > today:
            visits.append((stage, day, None))
            return visits, stage
        visits.append((stage, day, left))
        day = left
        if exit_at and exit_at[0] == index:
            visits.append((exit_at[1], day, None))
            return visits, exit_at[1]
    visits.append(("in_register", day, None))
    return visits, "in_register"


def _journeys(plan: Plan, rng: random.Random, households: list[Household]) -> list[dict]:
    from viewflow.workflow.models import Process, Task

    from workflows.applicant_journey.flows import ApplicantJourneyFlow
    from workflows.applicant_journey.models import ApplicantJourney, StageVisit

    walked = []
    for household in households:
        visits, final = _walk(rng, household.created_at.date(), plan.today)
        walked.append((household, visits, final))
    processes = [
        Process(
            flow_class=ApplicantJourneyFlow,
            status="DONE" if final not in {s for s, _, _ in PATH} else "NEW",
            created=_at(visits[0][1]),
            finished=_at(visits[-1][1]) if final not in {s for s, _, _ in PATH} else None,
        )
        for _, visits, final in walked
    ]
    Process.objects.bulk_create(processes, batch_size=BATCH)
    journeys, stage_visits, tasks, out = [], [], [], []
    for process, (household, visits, final) in zip(processes, walked, strict=True):
        dates = {stage: (entered, left) for stage, entered, left in visits}
        region_id = household.residence_orp.region_id

        def left_of(stage, dates=dates):
            return dates.get(stage, (None, None))[1]

        decided = left_of("decision")
        approved = decided is not None and final != "rejected"
        journey = ApplicantJourney(
            process_ptr_id=process.pk,
            flow_class=ApplicantJourneyFlow,
            status=process.status,
            created=process.created,
            household_id=household.pk,
            region_id=region_id,
            stage=final,
            stage_entered_at=_at(visits[-1][1]),
            last_activity_at=_at(visits[-1][1]),
            care_types=[rng.choice([CareType.FOSTER, CareType.ADOPTION, CareType.FOSTER_TEMP])],
            info_meeting_on=left_of("interest"),
            application_filed_on=dates.get("application", (None,))[0],
            application_complete_on=left_of("application"),
            completeness_outcome="complete" if left_of("application") else "",
            home_visit_on=left_of("investigation"),
            handed_over_on=left_of("handover"),
            assessment_done_on=left_of("assessment"),
            course_completed_on=left_of("preparation"),
            inspection_done_on=left_of("inspection"),
            decision_outcome=("approved" if approved else "rejected") if decided else "",
            decision_date=decided,
            decision_delivered_on=decided,
            effective_date=left_of("appeal_period"),
            closed_reason="Synteticky: žádost vzata zpět." if final == "withdrawn" else "",
        )
        journeys.append(journey)
        out.append({"household": household, "journey": journey, "final": final, "region_id": region_id})
        for stage, entered, left in visits:
            stage_visits.append(
                StageVisit(
                    journey_id=process.pk,
                    region_id=region_id,
                    stage=stage,
                    entered_at=_at(entered),
                    left_at=_at(left) if left else None,
                )
            )
            for node in STAGE_NODES.get(stage, []):
                tasks.append(_task(Task, process, getattr(ApplicantJourneyFlow, node), entered, left))
    fields = list(ApplicantJourney._meta.local_concrete_fields)
    for start in range(0, len(journeys), 500):
        ApplicantJourney._base_manager._insert(journeys[start : start + 500], fields=fields, using="default")
    StageVisit.objects.bulk_create(stage_visits, batch_size=BATCH)
    # Top up to the planned number of tasks with repeated checks (returned applications, re-done steps).
    done = [row for row in out if row["final"] not in {s for s, _, _ in PATH}]
    while len(tasks) < plan.tasks and done:
        row = rng.choice(done)
        day = row["journey"].created.date() + timedelta(days=rng.randint(1, 60))
        tasks.append(_task(Task, Process(pk=row["journey"].pk), ApplicantJourneyFlow.complete_application, day, day))
    if plan.tasks:
        tasks = tasks[: plan.tasks]
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    plan.counts.update(journeys=len(journeys), stage_visits=len(stage_visits), tasks=len(tasks))
    return out


def _task(task_model, process, node, entered: date, left: date | None):
    return task_model(
        process_id=process.pk,
        flow_task=node,
        flow_task_type="HUMAN",
        status="DONE" if left else "NEW",
        created=_at(entered),
        finished=_at(left) if left else None,
    )


def _register(plan: Plan, rng: random.Random, journeys: list[dict]) -> dict[int, list]:
    """Register entries (and acceptance profiles) for the journeys that reached the register."""
    from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry

    entries = []
    for row in journeys:
        journey = row["journey"]
        if row["final"] != "in_register":
            continue
        care = {rng.choice(["FOSTER", "FOSTER", "ADOPTION", "FOSTER_TEMP"])}
        if rng.random() < 0.2:
            care.add("FOSTER" if "ADOPTION" in care else "ADOPTION")
        status, changed, reason = "active", journey.effective_date, ""
        roll = rng.random()
        if roll < 0.06:
            status, reason = (
                "paused",
                str(law.message("Synteticky: přerušení na žádost rodiny (%(law)s).", law="SELECTION_PAUSE")),
            )
        elif roll < 0.10:
            status, reason = "removed", str(rng.choice(REMOVAL_REASONS))
        elif roll < 0.15:
            status, reason = "withdrawn", "Žádost vzata zpět po zařazení."
        if status != "active":
            changed = journey.effective_date + timedelta(days=rng.randint(30, 400))
            if changed > plan.today:
                status, changed, reason = "active", journey.effective_date, ""
        entries.append(
            ApplicantRegisterEntry(
                household_id=journey.household_id,
                region_id=journey.region_id,
                care_types=sorted(care),
                decision_date=journey.decision_date,
                effective_date=journey.effective_date,
                status=status,
                status_changed_at=_at(changed),
                status_reason=reason,
            )
        )
    ApplicantRegisterEntry.objects.bulk_create(entries, batch_size=BATCH)
    profiles = []
    for entry in entries:
        age_min = rng.choice([0, 0, 0, 0, 1, 2, 3, 5])
        siblings = rng.random() < 0.3
        needs = [n for n in NEEDS if rng.random() < 0.25]
        profiles.append(
            AcceptanceProfile(
                entry=entry,
                age_min=age_min,
                age_max=min(17, age_min + rng.choice([2, 3, 4, 5, 6, 8, 10, 15])),
                sexes=rng.choice([["F", "M"], ["F", "M"], ["F"], ["M"]]),
                max_children=rng.choice([2, 2, 3]) if siblings else 1,
                accepts_siblings=siblings,
                health_needs_accepted=needs,
                health_needs_experience=[n for n in needs if rng.random() < 0.4],
                ethnicities_accepted=(["majority", "roma", "other"] if rng.random() < 0.4 else ["majority", "other"]),
                legal_statuses=["free"] if entry.care_types == ["ADOPTION"] else ["free", "not_free"],
                contact_willingness=rng.choice(["none", "supervised", "supervised", "regular"]),
                accepts_other_regions=rng.random() < 0.7,
                children_in_household=rng.choice([0, 0, 0, 1, 1, 2]),
            )
        )
    AcceptanceProfile.objects.bulk_create(profiles, batch_size=BATCH)
    by_region: dict[int, list] = {}
    for entry in entries:
        if entry.status == "active":
            by_region.setdefault(entry.region_id, []).append(entry)
    plan.counts["register_entries"] = len(entries)
    return by_region


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
    extra = {"results": []} if "results" in ranking_fields else {}
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
