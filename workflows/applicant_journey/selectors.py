"""Read side of the applicant journey. Every selector takes the acting user: visibility lives here only.

- applicant: own household's journey
- guide: journeys of households in their own caseload
- OSPOD worker: journeys of residents of their ORP
- regional officer: journeys kept by their region
- assessor: journeys assigned to them for the expert assessment
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from nrp.core.access import HOUSEHOLD_LOOKUPS, Action, Resource, ScopeLookups, scope_q
from nrp.core.models import User
from workflows.applicant_journey import deadlines, permissions
from workflows.applicant_journey.models import (
    CLOSED_STAGES,
    STAGE_ORDER,
    ApplicantJourney,
    ApplicantRegisterEntry,
    CourseSession,
    DocumentStatus,
    DocumentVersion,
    JourneyDocument,
    JourneyEvent,
    JourneyStage,
    StageVisit,
)

OPEN_TASK_STATUSES = [STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED]


def _flow_class():
    from workflows.applicant_journey.flows import ApplicantJourneyFlow

    return ApplicantJourneyFlow


# Where a journey keeps what the scopes look at: its household's members, guide and ORP, its own region and
# assessor (who must hold the role in the journey's region).
JOURNEY_LOOKUPS = HOUSEHOLD_LOOKUPS.under(
    "household", region="region_id", assessor="assessor", assessor_region="region_id"
)


def journey_scope_q(user: User) -> Q | None:
    """Q selecting the journeys ``user`` may see; None when none (the policy engine's scope filter)."""
    return scope_q(user, Action.READ, Resource.APPLICANT_FILE, JOURNEY_LOOKUPS)


def journey_list_for_user(*, user: User) -> QuerySet[ApplicantJourney]:
    q = journey_scope_q(user)
    if q is None:
        return ApplicantJourney.objects.none()
    ids = ApplicantJourney.objects.filter(q).values("pk")
    return (
        ApplicantJourney.objects.filter(pk__in=ids)
        .select_related("household__residence_orp", "household__guide", "region", "assessor")
        .prefetch_related("household__members")
        .order_by("-created")
    )


def journey_get_for_user(*, user: User, journey_id: int) -> ApplicantJourney | None:
    """One journey if ``user`` may see it, else None (callers answer 404 so existence does not leak)."""
    return journey_list_for_user(user=user).filter(pk=journey_id).first()


def journey_for_applicant(*, user: User) -> ApplicantJourney | None:
    """The applicant's own (latest) journey."""
    return (
        ApplicantJourney.objects.filter(household__members__user=user)
        .select_related("household__guide", "region", "household__residence_orp")
        .order_by("-created")
        .first()
    )


def tasks_for_user(*, user: User) -> dict[str, list[Task]]:
    """``inbox``: open tasks assigned to the user; ``queue``: unassigned open tasks in scope they may take."""
    base = Task.objects.filter(status__in=OPEN_TASK_STATUSES, process__flow_class=_flow_class()).select_related(
        "owner", "process"
    )
    inbox = list(base.filter(owner=user).order_by("created"))
    q = journey_scope_q(user)
    queue: list[Task] = []
    if q is not None:
        perms = permissions.step_permissions_for(user)
        visible = ApplicantJourney.objects.filter(q).values("pk")
        queue = list(
            base.filter(owner__isnull=True, owner_permission__in=perms, process_id__in=visible).order_by("created")
        )
    _attach_journeys(inbox + queue)
    return {"inbox": inbox, "queue": queue}


def _attach_journeys(tasks: list[Task]) -> None:
    journeys = {
        j.pk: j
        for j in ApplicantJourney.objects.filter(pk__in={t.process_id for t in tasks})
        .select_related("household__residence_orp", "region")
        .prefetch_related("household__members")
    }
    today = timezone.localdate()
    for t in tasks:
        t.journey = journeys.get(t.process_id)
        t.due_on = task_due_on(t)
        t.overdue = bool(t.due_on and t.due_on < today)


def task_due_on(task: Task) -> date | None:
    value = (task.data or {}).get("due_on")
    return date.fromisoformat(value) if value else None


def open_task_for_journey(*, journey: ApplicantJourney) -> Task | None:
    return (
        Task.objects.filter(process_id=journey.pk, status__in=OPEN_TASK_STATUSES, flow_task_type="HUMAN")
        .select_related("owner")
        .order_by("pk")
        .first()
    )


def caseload_for_guide(
    *,
    guide: User,
    stage: str | None = None,
    overdue: bool | None = None,
    stuck: bool | None = None,
    order: str = "due",
    today: date | None = None,
) -> QuerySet[ApplicantJourney]:
    """The guide's people: one row per journey with stage, days in stage, next deadline; filters and sorting.

    A fixed number of queries whatever the size (the rows carry everything the page shows).
    """
    today = today or timezone.localdate()
    now = timezone.now()
    stuck_before = now - timedelta(days=settings.NRP_STUCK_AFTER_DAYS)
    qs = (
        ApplicantJourney.objects.filter(household__guide=guide)
        .select_related("household__residence_orp", "household__guide", "region")
        .prefetch_related("household__members")
    )
    qs = qs.filter(stage=stage) if stage else qs.exclude(stage__in=CLOSED_STAGES)
    if overdue is True:
        qs = qs.filter(next_due_on__lt=today)
    if stuck is True:
        qs = qs.filter(last_activity_at__lt=stuck_before).exclude(stage__in=CLOSED_STAGES)
    orderings = {
        "due": ["next_due_on", "pk"],
        "stage": ["stage", "pk"],
        "days": ["stage_entered_at", "pk"],
        "newest": ["-created", "-pk"],
    }
    return qs.order_by(*orderings.get(order, orderings["due"]))


def decorate_caseload_rows(rows, *, today: date | None = None) -> None:
    """Add the flags the caseload shows (pure Python on already fetched rows)."""
    today = today or timezone.localdate()
    stuck_before = timezone.now() - timedelta(days=settings.NRP_STUCK_AFTER_DAYS)
    for j in rows:
        j.is_overdue = bool(j.next_due_on and j.next_due_on < today and j.stage not in CLOSED_STAGES)
        j.is_stuck = j.last_activity_at < stuck_before and j.stage not in CLOSED_STAGES
        j.days_in = (timezone.now() - j.stage_entered_at).days


def journey_history(*, journey: ApplicantJourney) -> list[JourneyEvent]:
    return list(journey.events.select_related("actor").order_by("at", "pk"))


def documents_for_journey(*, journey: ApplicantJourney) -> list[JourneyDocument]:
    versions = Prefetch("versions", queryset=DocumentVersion.objects.select_related("uploaded_by"))
    return list(journey.documents.select_related("member").prefetch_related(versions).order_by("kind", "member_id"))


def missing_documents(*, journey: ApplicantJourney) -> list[JourneyDocument]:
    """What the family still has to upload (not the Czech extract the ORP obtains itself, CRIMINAL_RECORD_CZ)."""
    from workflows.applicant_journey.models import ORP_OBTAINS_KINDS

    return [
        d
        for d in documents_for_journey(journey=journey)
        if d.status in (DocumentStatus.MISSING, DocumentStatus.REJECTED) and d.kind not in ORP_OBTAINS_KINDS
    ]


def upcoming_sessions(*, region_id: int, today: date | None = None, limit: int = 5) -> list[CourseSession]:
    today = today or timezone.localdate()
    start = timezone.make_aware(datetime.combine(today, datetime.min.time()))
    return list(CourseSession.objects.filter(region_id=region_id, starts_at__gte=start).order_by("starts_at")[:limit])


# --- Estimates for the progress tracker --------------------------------------------------------------------------

# Enough finished cases for a median to mean something; below this the legal/default deadline is shown.
MIN_HISTORY = 5
RECENT_VISITS = 50
HISTORY_WINDOW_DAYS = 730

# The rule that stands in for a stage when there is too little history.
STAGE_RULE = {
    JourneyStage.INTEREST: "information_meeting",
    JourneyStage.APPLICATION: "check_application",
    JourneyStage.INVESTIGATION: "social_investigation",
    JourneyStage.HANDOVER: "handover",
    JourneyStage.ASSESSMENT: "expert_assessment",
    JourneyStage.PREPARATION: "preparation",
    JourneyStage.INSPECTION: "file_inspection",
    JourneyStage.DECISION: "decision",
    JourneyStage.APPEAL_PERIOD: "finality",
}


@dataclass
class StageEstimate:
    stage: str
    days: int
    # "history": median of recent cases in the region; "deadline": the legal or default deadline.
    source: str
    sample: int


def stage_estimates(*, region_id: int, now: datetime | None = None) -> dict[str, StageEstimate]:
    """Median days per stage over the region's recent finished stage visits, falling back to the deadline rule."""
    now = now or timezone.now()
    since = now - timedelta(days=HISTORY_WINDOW_DAYS)
    rows = (
        StageVisit.objects.filter(region_id=region_id, left_at__isnull=False, left_at__gte=since)
        .order_by("stage", "-left_at")
        .values_list("stage", "entered_at", "left_at")
    )
    durations: dict[str, list[float]] = {}
    for stage, entered, left in rows:
        bucket = durations.setdefault(stage, [])
        if len(bucket) < RECENT_VISITS:
            bucket.append((left - entered).total_seconds() / 86400)
    overrides = deadlines.region_overrides(region_id=region_id)
    result = {}
    for stage in STAGE_ORDER:
        values = durations.get(stage, [])
        if len(values) >= MIN_HISTORY:
            result[stage] = StageEstimate(stage, round(statistics.median(values)), "history", len(values))
        elif stage in STAGE_RULE:
            days = deadlines.rule_days(STAGE_RULE[stage], overrides=overrides)
            result[stage] = StageEstimate(stage, days, "deadline", len(values))
    return result


@dataclass
class ProgressStep:
    stage: str
    label: str
    state: str  # "done", "current", "next"
    date: date | None = None
    handler: str = ""
    estimate: StageEstimate | None = None
    due_on: date | None = None


def progress_for_journey(*, journey: ApplicantJourney, now: datetime | None = None) -> list[ProgressStep]:
    """The progress tracker: done / current / next steps with dates, who handles the current one, estimates."""
    now = now or timezone.now()
    visits = {}
    for v in journey.stage_visits.order_by("entered_at"):
        visits.setdefault(v.stage, v)
    task = open_task_for_journey(journey=journey)
    current = journey.stage
    if current == JourneyStage.INCOMPLETE:
        current = JourneyStage.APPLICATION
    if current == JourneyStage.APPEAL:
        current = JourneyStage.APPEAL_PERIOD
    if current == JourneyStage.PAUSED:
        current = JourneyStage.IN_REGISTER
    if journey.stage in CLOSED_STAGES:
        # An ended journey: the stages it went through, then how it ended.
        steps = []
        for stage in STAGE_ORDER:
            visit = visits.get(stage)
            if visit is not None:
                left = visit.left_at.date() if visit.left_at else None
                steps.append(ProgressStep(stage, JourneyStage(stage).label, "done", left))
        steps.append(
            ProgressStep(journey.stage, JourneyStage(journey.stage).label, "current", journey.stage_entered_at.date())
        )
        return steps
    estimates = stage_estimates(region_id=journey.region_id, now=now)
    index = STAGE_ORDER.index(current) if current in STAGE_ORDER else len(STAGE_ORDER)
    steps = []
    expected = now.date()
    for i, stage in enumerate(STAGE_ORDER):
        label = JourneyStage(stage).label
        if i < index:
            visit = visits.get(stage)
            steps.append(ProgressStep(stage, label, "done", visit.left_at.date() if visit and visit.left_at else None))
        elif i == index:
            handler = ""
            if task and task.owner:
                handler = task.owner.get_full_name() or task.owner.email
            due = task_due_on(task) if task else None
            est = estimates.get(stage)
            if est:
                expected = max(expected, journey.stage_entered_at.date() + timedelta(days=est.days))
            steps.append(ProgressStep(stage, label, "current", journey.stage_entered_at.date(), handler, est, due))
        else:
            est = estimates.get(stage)
            steps.append(ProgressStep(stage, label, "next", expected, "", est))
            if est:
                expected = expected + timedelta(days=est.days)
    return steps


# Where a register entry keeps its region (the region's register is the officers' own list).
REGISTER_LOOKUPS = ScopeLookups(region="region_id")


def register_list_for_user(*, user: User) -> QuerySet[ApplicantRegisterEntry]:
    """The register entries of the user's region(s) (``permissions.REGION_REGISTER``: the region's officers)."""
    q = scope_q(user, Action.READ, Resource.APPLICANT_REGISTER, REGISTER_LOOKUPS)
    if q is None:
        return ApplicantRegisterEntry.objects.none()
    entries = ApplicantRegisterEntry.objects.filter(q).select_related("region", "profile")
    return entries.prefetch_related("household__members")


@dataclass
class SentDocument:
    """One document of the applicant's file as they see it: what they sent, its review and the reviewer's word."""

    document: JourneyDocument
    versions: list
    reviewed_by: User | None = None
    reviewed_at: datetime | None = None


@dataclass
class MemberDocuments:
    label: str
    documents: list[SentDocument]


def documents_by_member(*, journey: ApplicantJourney) -> list[MemberDocuments]:
    """Every document of the file grouped per household member (the household's own first), each with the
    versions sent and the latest review (who, when; the reason when returned). Three queries."""
    from workflows.applicant_journey.models import EventKind, JourneyEvent

    docs = list(
        journey.documents.select_related("member").prefetch_related("versions").order_by("member_id", "kind", "pk")
    )
    reviews: dict[int, JourneyEvent] = {}
    for event in JourneyEvent.objects.filter(
        journey=journey, kind=EventKind.DOCUMENT, data__has_key="status"
    ).select_related("actor"):
        reviews[event.data.get("document_id")] = event  # ordered by time: the latest review wins
    groups: dict[int | None, MemberDocuments] = {}
    for d in docs:
        group = groups.setdefault(
            d.member_id, MemberDocuments(str(d.member) if d.member else str(_("Společné za domácnost")), [])
        )
        review = reviews.get(d.pk) if d.status in (DocumentStatus.ACCEPTED, DocumentStatus.REJECTED) else None
        group.documents.append(
            SentDocument(
                d,
                sorted(d.versions.all(), key=lambda v: v.uploaded_at, reverse=True),
                reviewed_by=review.actor if review else None,
                reviewed_at=review.at if review else None,
            )
        )
    return [groups[k] for k in sorted(groups, key=lambda k: (k is not None, k or 0))]
