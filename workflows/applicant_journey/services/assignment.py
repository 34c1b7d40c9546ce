"""Who gets a task: always someone in the journey's scope, balanced by open work; ``None`` leaves it in the pool."""

from __future__ import annotations

from django.db.models import Count, Q
from viewflow.workflow.status import STATUS

from nrp.core.choices import Role
from nrp.core.models import Organisation, Region, User

OPEN_TASK = [STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED]


def _least_loaded(users) -> User | None:
    """The user with the fewest open tasks; ties by id (deterministic)."""
    return (
        users.annotate(open_tasks=Count("task", filter=Q(task__status__in=OPEN_TASK), distinct=True))
        .order_by("open_tasks", "pk")
        .first()
    )


def _previous_owner(activation, users) -> User | None:
    """Continuity: whoever handled the previous step of the same role on this journey, if still in scope."""
    from viewflow.workflow.models import Task

    owner_ids = (
        Task.objects.filter(process_id=activation.process.pk, owner__in=users, status=STATUS.DONE)
        .order_by("-finished")
        .values_list("owner_id", flat=True)[:1]
    )
    return users.filter(pk__in=list(owner_ids)).first()


def ospod_workers_of(orp_id: int):
    return User.objects.filter(
        is_active=True,
        role_assignments__role=Role.OSPOD,
        role_assignments__orp_id=orp_id,
        role_assignments__active=True,
    ).distinct()


def officers_of(region_id: int):
    return User.objects.filter(
        is_active=True,
        role_assignments__role=Role.OFFICER,
        role_assignments__region_id=region_id,
        role_assignments__active=True,
    ).distinct()


def assessors_of(region_id: int):
    return User.objects.filter(
        is_active=True,
        role_assignments__role=Role.ASSESSOR,
        role_assignments__region_id=region_id,
        role_assignments__active=True,
    ).distinct()


def guide_for(activation) -> User | None:
    guide = activation.process.household.guide
    if guide is not None and guide.is_active and guide.has_role(Role.GUIDE):
        return guide
    return None


def ospod_worker_for(activation) -> User | None:
    users = ospod_workers_of(activation.process.household.residence_orp_id)
    return _previous_owner(activation, users) or _least_loaded(users)


def officer_for(activation) -> User | None:
    users = officers_of(activation.process.region_id)
    return _previous_owner(activation, users) or _least_loaded(users)


def assessor_for(activation) -> User | None:
    assessor = activation.process.assessor
    if assessor is not None and activation.process.region_id in assessor.region_ids(Role.ASSESSOR):
        return assessor
    return None


def applicant_for(activation) -> User | None:
    member = activation.process.household.members.filter(user__isnull=False).order_by("pk").first()
    return member.user if member else None


def guide_for_new_case(*, region: Region, organisation: Organisation | None = None) -> User | None:
    """A guide of the region (or of the chosen organisation) with the smallest caseload."""
    guides = User.objects.filter(is_active=True, role_assignments__role=Role.GUIDE, role_assignments__active=True)
    if organisation is not None:
        guides = guides.filter(role_assignments__organisation=organisation)
    else:
        guides = guides.filter(role_assignments__organisation__region=region)
    return (
        guides.distinct()
        .annotate(caseload=Count("guided_households", distinct=True))
        .order_by("caseload", "pk")
        .first()
    )


def owner_for_node(node_name: str, activation) -> User | None:
    """Recompute the assignee of an open task (after a transfer or when its owner left): the step's own rule."""
    return activation.flow_task.journey_step.assign(activation)
