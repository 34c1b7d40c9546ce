"""Synthetic applicants: households, their journeys through the stages, register entries."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from nrp import law
from nrp.core.choices import CareType, Sex
from nrp.core.demo import FEMALE_FIRST, MALE_FIRST, SURNAMES
from nrp.core.models import Household, HouseholdMember
from nrp.stats.synthetic.plan import BATCH, NEEDS, PATH, REMOVAL_REASONS, STAGE_NODES, Plan, _at


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
    visits: list[tuple[str, date, date | None]] = []
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

    from workflows.applicant_journey.deadlines import rule_days
    from workflows.applicant_journey.flows import ApplicantJourneyFlow
    from workflows.applicant_journey.models import ApplicantJourney, FileHandover, StageVisit

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
    journeys, stage_visits, tasks = [], [], []
    out: list[dict[str, Any]] = []
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
    # The hand-over of the file to the regional office as the ORP records it: due 30 days (the regions'
    # default, HANDOVER_PERIOD) after the complete application, met when sent by then.
    handover_days = rule_days("handover", overrides={})
    handovers = []
    for row in out:
        journey = row["journey"]
        if journey.handed_over_on and journey.application_complete_on:
            due = journey.application_complete_on + timedelta(days=handover_days)
            handovers.append(
                FileHandover(
                    journey_id=journey.pk,
                    region_id=row["region_id"],
                    sent_on=journey.handed_over_on,
                    due_on=due,
                    deadline_met=journey.handed_over_on <= due,
                )
            )
    FileHandover.objects.bulk_create(handovers, batch_size=BATCH)
    # Top up to the planned number of tasks with repeated checks (returned applications, re-done steps).
    done = [row for row in out if row["final"] not in {s for s, _, _ in PATH}]
    while len(tasks) < plan.tasks and done:
        row = rng.choice(done)
        day = row["journey"].created.date() + timedelta(days=rng.randint(1, 60))
        tasks.append(_task(Task, Process(pk=row["journey"].pk), ApplicantJourneyFlow.complete_application, day, day))
    if plan.tasks:
        tasks = tasks[: plan.tasks]
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    plan.counts.update(
        journeys=len(journeys), stage_visits=len(stage_visits), tasks=len(tasks), file_handovers=len(handovers)
    )
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
