"""Demo seed step: journeys in every stage, so the demo shows a living region.

Roughly 40 % of each region's households are approved and in the register (a few paused) with varied,
realistic acceptance profiles for the matching engine; the rest are spread over every stage of the journey,
with some overdue or stuck cases and a few exits (ORP rejection, withdrawal, rejection by the region).
Each journey is walked through the real services on a simulated clock that starts months or years back, so
days in stage, due dates and the per-region estimates look real. Idempotent: households that already have a
journey are skipped.
"""

from __future__ import annotations

import importlib
from contextlib import ExitStack
from datetime import datetime, timedelta
from unittest import mock

from django.db import transaction
from django.utils import timezone

from nrp import law
from nrp.core.choices import CareType, Role, Sex
from nrp.core.demo import DEMO_DOMAIN, demo_user, grant, person_name
from workflows.applicant_journey import deadlines, services
from workflows.applicant_journey.demo_application import (
    accept_checklist,
    ensure_sessions,
    fill_application,
    forward_application,
    past_sessions,
)
from workflows.applicant_journey.demo_helpers import let_decide
from workflows.applicant_journey.demo_profiles import random_care_types, random_profile
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    AssessmentKind,
    CourseAttendance,
    Message,
)
from workflows.applicant_journey.services import life
from workflows.applicant_journey.services.assignment import assessors_of, officers_of, ospod_workers_of
from workflows.applicant_journey.services.inspection import inspection_notice_send

# The main line of steps; a target stage means "walk up to here and stay".
STEPS = [
    "interest",
    "application",
    "investigation",
    "handover",
    "assessment",
    "preparation",
    "inspection",
    "decision",
    "appeal_period",
    "in_register",
]
# Typical days spent in each stage (min, max) in the simulation.
DURATION = {
    "interest": (7, 40),
    "application": (10, 45),
    "investigation": (7, 25),
    "handover": (3, 20),
    "assessment": (40, 120),
    "preparation": (60, 160),
    "inspection": (7, 20),
    "decision": (7, 30),
    "appeal_period": (19, 21),
}
VIEWFLOW_NOW_MODULES = [
    "viewflow.workflow.base",
    "viewflow.workflow.activation",
    "viewflow.workflow.nodes.end",
    "viewflow.workflow.nodes.func",
    "viewflow.workflow.nodes.start",
    "viewflow.workflow.nodes.view",
    "viewflow.workflow.nodes.if_gate",
    "viewflow.workflow.nodes.switch",
]


# The real moment the seed runs (the simulated clock never passes it).
REAL_NOW: list = [None]


class SimClock:
    """A clock that the seed moves forward; patched in for ``django.utils.timezone.now`` while walking."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, days: int) -> None:
        self.now = min(self.now + timedelta(days=days), REAL_NOW[0])

    def date(self):
        return timezone.localtime(self.now).date()


def _patched(clock: SimClock) -> ExitStack:
    from viewflow.workflow.models import Process, Task

    stack = ExitStack()
    stack.enter_context(mock.patch("django.utils.timezone.now", clock))
    for module in VIEWFLOW_NOW_MODULES:
        stack.enter_context(mock.patch.object(importlib.import_module(module), "now", clock))
    stack.enter_context(mock.patch.object(Task._meta.get_field("created"), "default", clock))
    stack.enter_context(mock.patch.object(Process._meta.get_field("created"), "default", clock))
    return stack


def targets_for(n: int, rng, first_target: str | None) -> list[str]:
    """About 40 % in the register (a few paused), the rest over every stage, plus a few exits."""
    plan = []
    for _i in range(n):
        r = rng.random()
        if r < 0.36:
            plan.append("in_register")
        elif r < 0.42:
            plan.append("paused")
        elif r < 0.43:
            plan.append("rejected_orp")
        elif r < 0.46:
            plan.append("withdrawn")
        elif r < 0.48:
            plan.append("rejected")
        elif r < 0.52:
            plan.append("incomplete")
        else:
            plan.append(rng.choice(STEPS[:-1]))
    if first_target and plan:
        plan[0] = first_target
    if n >= 6 and "paused" not in plan:
        plan[1] = "paused"
    if first_target and n >= 6:
        plan[2] = "forwarded"  # FORWARD_TO_COMPETENT: one application forwarded to the competent ORP
    return plan


def ensure_ospod(orp, rng):
    worker = ospod_workers_of(orp.pk).first()
    if worker is None:
        worker = demo_user(f"ospod.{orp.code}@{DEMO_DOMAIN}", *person_name(rng, Sex.FEMALE))
        grant(worker, Role.OSPOD, orp=orp)
    return worker


class Walker:
    """Walks one household's journey through the services on a simulated clock."""

    def __init__(self, ctx, household, region, officer, assessor, sessions):
        self.ctx = ctx
        self.rng = ctx.rng
        self.household = household
        self.region = region
        self.officer = officer
        self.assessor = assessor
        self.sessions = sessions
        self.guide = household.guide
        self.ospod = ensure_ospod(household.residence_orp, ctx.rng)

    def wait(self, clock, key):
        clock.advance(self.plan[key])

    def make_plan(self, stages: list[str], target: str) -> dict[str, int]:
        """Draw every wait up front, so the walk can start exactly that long ago and end today."""
        rng = self.rng
        plan = {stage: rng.randint(*DURATION[stage]) for stage in stages}
        plan["check"] = rng.randint(3, 10)
        plan["expert"] = rng.randint(*DURATION["assessment"])
        plan["delivery"] = rng.randint(1, 4)
        plan["tail"] = rng.randint(*DURATION["application"])
        plan["pause"] = rng.randint(30, 200)
        used = sum(plan[s] for s in stages)
        used += plan["check"] if "application" in stages else 0
        used += plan["expert"] if "assessment" in stages else 0
        used += plan["delivery"] if "decision" in stages else 0
        used += plan["tail"] if target in ("rejected_orp", "incomplete", "forwarded") else 0
        used += plan["pause"] if target == "paused" else 0
        plan["total"] = used
        return plan

    def run(self, target: str) -> None:
        rng = self.rng
        care_types = random_care_types(rng)
        line = {"paused": "in_register", "rejected": "appeal_period", "withdrawn": "assessment"}.get(target, target)
        line = {"rejected_orp": "application", "incomplete": "application", "forwarded": "application"}.get(line, line)
        stages = STEPS[: STEPS.index(line)]
        self.plan = self.make_plan(stages, target)
        # Time already spent in the current stage: sometimes longer than usual (overdue, stuck cases).
        extra = rng.randint(0, 400) if line == "in_register" else rng.randint(0, 50)
        # A week to spare: an appeal period that ends after holidays makes the walk a few days longer than planned.
        start = REAL_NOW[0] - timedelta(days=self.plan["total"] + extra + 7)
        clock = SimClock(start)
        with _patched(clock), transaction.atomic():
            journey = services.journey_open(household=self.household, actor=self.guide, care_types=care_types)
            for stage in stages:
                self.wait(clock, stage)
                self.step(journey, stage, care_types, clock, target)
                if journey.stage in ("rejected_orp", "not_mediated"):
                    return
            if target in ("rejected_orp", "incomplete", "forwarded"):
                self.file(journey, care_types, clock.date())
            if target == "forwarded":
                self.wait(clock, "tail")
                forward_application(self.household, journey, clock.date(), ensure_ospod, self.rng)
            if target == "rejected_orp":
                # The refusal is a decision: the applicant is first invited to inspect the file (FILE_INSPECTION).
                inspection_notice_send(journey=journey, actor=self.ospod, sent_on=clock.date())
                self.wait(clock, "tail")
                let_decide(journey, self.ospod, clock.date())
                services.application_check(
                    journey=journey,
                    actor=self.ospod,
                    outcome="rejected",
                    reasons=f"Žadatelé nemají obvyklé bydliště v ČR ({law.cite('APPLICATION_ELIGIBILITY', 'short')}).",
                )
            elif target == "incomplete":
                self.wait(clock, "tail")
                services.application_check(
                    journey=journey,
                    actor=self.ospod,
                    outcome="incomplete",
                    missing_items=["Zpráva o zdravotním stavu od praktického lékaře", "Souhlas s přípravou"],
                )
            elif target == "withdrawn":
                # WITHDRAWAL: the applicant's own act (the guide may not).
                applicant = self.household.members.exclude(user=None).first().user
                services.journey_withdraw(journey=journey, actor=applicant, reason="Rozhodli jsme se žádost stáhnout.")
            elif target == "paused":
                entry = ApplicantRegisterEntry.objects.get(household=self.household)
                self.wait(clock, "pause")
                # The family itself asks for the pause, with its period (SELECTION_PAUSE).
                applicant = next((m.user for m in self.household.members.all() if m.user_id), None)
                life.pause_request(
                    entry=entry,
                    actor=applicant or self.officer,
                    reason="Narození vlastního dítěte.",
                    until=clock.date() + timedelta(days=rng.randint(60, 240)),
                )
            if rng.random() < 0.3:
                Message.objects.create(
                    journey=journey,
                    author=self.guide,
                    body="Dobrý den, jak se vám daří? Kdybyste cokoli potřebovali, ozvěte se.",
                    created_at=clock.now,
                )

    def file(self, journey, care_types, day) -> None:
        rng = self.rng
        services.application_file(
            journey=journey,
            actor=self.ospod,
            filed_on=day,
            care_types=care_types,
            profile=random_profile(rng, care_types, self.region, self.ctx.regions),
            foreign_countries={m.pk: ["Slovensko"] for m in self.household.members.all() if rng.random() < 0.15},
        )

    def step(self, journey, stage, care_types, clock, target) -> None:
        day = clock.date()
        if stage == "interest":
            services.information_meeting_record(journey=journey, actor=self.guide, met_on=day, care_types=care_types)
        elif stage == "application":
            self.file(journey, care_types, day)
            fill_application(journey, rng=self.rng, day=day)
            self.wait(clock, "check")
            accept_checklist(journey)
            services.application_check(journey=journey, actor=self.ospod, outcome="complete")
        elif stage == "investigation":
            services.social_investigation_record(
                journey=journey,
                actor=self.ospod,
                visited_on=day,
                notes="Rodinný dům se zahradou, dětský pokoj připraven. Rodina působí stabilně.",
            )
        elif stage == "handover":
            services.handover_record(
                journey=journey,
                actor=self.ospod,
                sent_on=day,
                opinion_conclusion="recommended",
                opinion_text="ORP žadatele doporučuje: stabilní rodinné zázemí, realistická očekávání.",
            )
        elif stage == "assessment":
            services.assessment_assign(journey=journey, actor=self.officer, assessor=self.assessor)
            self.wait(clock, "expert")
            parts = [
                {
                    "member_id": m.pk,
                    "kind": AssessmentKind.PSYCHOLOGICAL,
                    "conclusion": "suitable",
                    "summary": "Osobnostně zralý, realistická očekávání.",
                }
                for m in self.household.members.all()
            ]
            parts += [
                {
                    "member_id": None,
                    "kind": AssessmentKind.SOCIAL,
                    "conclusion": "suitable",
                    "summary": "Dobré zázemí.",
                },
                {"member_id": None, "kind": AssessmentKind.HEALTH, "conclusion": "suitable", "summary": "Bez omezení."},
            ]
            services.expert_assessment_record(journey=journey, actor=self.assessor, parts=parts, done_on=clock.date())
        elif stage == "preparation":
            needed = 9 if CareType.FOSTER_TEMP in care_types else 6
            # The region's past sessions this family could attend (none after the day the course ends).
            sessions = [s for s in self.sessions if s.starts_at <= clock.now][-needed:]
            if len(sessions) < needed:
                sessions = past_sessions(self.region, day, needed)
            for session in sessions:
                for member in self.household.members.all():
                    CourseAttendance.objects.get_or_create(
                        session=session, member=member, defaults={"journey": journey, "hours": session.hours}
                    )
            services.preparation_complete(journey=journey, actor=self.officer, completed_on=day)
        elif stage == "inspection":
            services.file_inspection_record(journey=journey, actor=self.officer, offered_on=day, inspected_on=day)
        elif stage == "decision":
            journey.refresh_from_db()
            delivered = day + timedelta(days=self.plan["delivery"])
            self.wait(clock, "delivery")
            if target == "rejected":
                let_decide(journey, self.officer, day)
                services.decision_record(
                    journey=journey,
                    actor=self.officer,
                    outcome="rejected",
                    decision_date=day,
                    delivered_on=delivered,
                    reasons="Odborné posouzení nedoporučilo zařazení.",
                )
            else:
                services.decision_record(
                    journey=journey,
                    actor=self.officer,
                    outcome="approved",
                    decision_date=day,
                    delivered_on=delivered,
                    reasons="Žadatelé splňují předpoklady.",
                    approved_care_types=care_types,
                    profile=journey.profile_data,
                )
        elif stage == "appeal_period":
            # The period ends on a working day: after holidays it outlasts the simulated wait. Wait it out.
            journey.refresh_from_db()
            last_day = deadlines.appeal_deadline(journey.decision_delivered_on)
            clock.advance(max(0, (last_day - clock.date()).days + 1))
            if target == "rejected":
                # The family appealed in time: the decision waits for the ministry (APPEAL_PERIOD).
                filed = journey.decision_delivered_on + timedelta(days=self.rng.randint(3, 12))
                services.finality_record(journey=journey, actor=self.officer, appeal_filed_on=filed)
            else:
                services.finality_record(journey=journey, actor=self.officer)


def seed_journeys(ctx) -> None:
    REAL_NOW[0] = timezone.now()
    for region in ctx.regions:
        households = ctx.households.get(region.pk, [])
        officer = officers_of(region.pk).order_by("pk").first()
        assessor = assessors_of(region.pk).order_by("pk").first()
        if officer is None or assessor is None:
            continue
        sessions = ensure_sessions(region, ctx.today)
        # The demo applicant login (first household of the first region) shows a journey in progress.
        first = "preparation" if region == ctx.regions[0] else None
        for household, target in zip(households, targets_for(len(households), ctx.rng, first), strict=True):
            if household.journeys.exists() or household.guide is None:
                continue
            Walker(ctx, household, region, officer, assessor, sessions).run(target)
