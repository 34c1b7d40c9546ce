"""Read access to the children register. Every selector takes the acting user: visibility lives here.

Scope filters come from the policy engine (``nrp.core.access.scope_q``) with the actions named in
``permissions``; a ``*_get_for_*`` selector answers None for an object out of scope, and the view gives the shared
answer (``nrp.core.web.out_of_scope``: audited DENIED, 404).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, Prefetch, Q, QuerySet
from django.utils import timezone

from nrp.core.access import Policy, ScopeLookups, scope_q
from nrp.core.choices import CareType, HealthNeed, Sex
from nrp.core.models import Orp, User
from workflows.child_mediation import deadlines, permissions
from workflows.child_mediation.models import (
    ACTIVE_APPROACH_STATUSES,
    Approach,
    CaseConference,
    CaseReminder,
    Child,
    ChildCase,
    ChildCaseStatus,
    ConferenceMinutes,
)

if TYPE_CHECKING:
    from viewflow.workflow.models import Task

M = TypeVar("M", bound=Model)

# Where a case keeps its region and ORP, and the same seen from the objects that hang off a case.
CASE_REGION = ScopeLookups(region="region_id")
CASE_ORP = ScopeLookups(orp="orp_id")


def in_scope(queryset: QuerySet[M], user: User, policy: Policy, lookups: ScopeLookups) -> QuerySet[M]:
    """The rows of ``queryset`` the user's roles reach for ``policy`` (none when they reach none)."""
    q = scope_q(user, policy.action, policy.resource, lookups)
    return queryset.filter(q) if q is not None else queryset.none()


OPEN_STATUSES = (
    ChildCaseStatus.PROPOSED,
    ChildCaseStatus.WAITING,
    ChildCaseStatus.NATIONAL,
    ChildCaseStatus.APPROACHING,
)


def approached_entry_ids(*, exclude_case: ChildCase | None = None) -> frozenset[int]:
    """Register entries with an active approach (a family approached for one child is not offered for another)."""
    qs = Approach.objects.filter(status__in=ACTIVE_APPROACH_STATUSES)
    if exclude_case is not None:
        qs = qs.exclude(case=exclude_case)
    return frozenset(qs.values_list("entry_id", flat=True))


def _base() -> QuerySet[ChildCase]:
    return ChildCase.objects.select_related("region", "orp", "birth_family_orp", "flags").prefetch_related(
        Prefetch("children", queryset=Child.objects.order_by("date_of_birth", "pk"))
    )


def case_list_for_officer(
    *, officer: User, status: str = "", flag: str = "", care_type: str = "", today: date | None = None
) -> QuerySet[ChildCase]:
    """The officer's children register: cases of their region(s), filtered."""
    today = today or timezone.localdate()
    qs = in_scope(_base(), officer, permissions.MANAGE_CASE, CASE_REGION)
    if status:
        qs = qs.filter(status=status)
    elif flag != "all":
        qs = qs.filter(status__in=OPEN_STATUSES)
    if care_type:
        qs = qs.filter(care_types_sought__contains=[care_type])
    if flag == "national":
        qs = qs.filter(flags__national_since__isnull=False)
    elif flag == "intercountry":
        qs = qs.filter(flags__intercountry_flagged_on__isnull=False)
    elif flag == "intercountry_due":
        # Flagged, or due within a month (registered more than 5 months ago) and not yet placed.
        soon = deadlines.add_months(today, -(deadlines.INTERCOUNTRY_AFTER_MONTHS - 1))
        qs = qs.filter(Q(flags__intercountry_flagged_on__isnull=False) | Q(registered_on__lte=soon))
    return qs.order_by("registered_on", "proposed_at", "pk")


def case_list_for_ospod(*, ospod: User) -> QuerySet[ChildCase]:
    """The OSPOD worker's own children (cases of their ORP), read-only."""
    return in_scope(_base(), ospod, permissions.READ_AS_OSPOD, CASE_ORP).order_by("-proposed_at", "pk")


def case_list_for_reader(*, user: User) -> QuerySet[ChildCase]:
    """Every case the user reads in the register (API list): their region's as an officer (any status), their
    ORP's as OSPOD; nothing for other roles."""
    return case_list_for_officer(officer=user, flag="all") | case_list_for_ospod(ospod=user)


def orps_for_proposal(*, user: User) -> QuerySet[Orp]:
    """The ORPs for which the user may propose a child (their own as OSPOD), by name."""
    return in_scope(Orp.objects.all(), user, permissions.PROPOSE_CHILD, ScopeLookups(orp="pk")).order_by("name")


def national_queue(*, officer: User) -> QuerySet[ChildCase]:
    """The nationwide pool (celostátní hledání): every officer sees it, anonymised outside the home region."""
    if not permissions.READ_NATIONAL_POOL.allows(officer):
        return ChildCase.objects.none()
    return _base().filter(status=ChildCaseStatus.NATIONAL).order_by("flags__national_since", "pk")


def case_access(user: User, case: ChildCase) -> str:
    """What ``user`` may see of ``case`` (``permissions.Access``)."""
    if permissions.MANAGE_CASE.allows(user, case):
        return permissions.Access.MANAGE
    if permissions.READ_AS_OSPOD.allows(user, case):
        return permissions.Access.OSPOD
    if case.status == ChildCaseStatus.NATIONAL and permissions.READ_NATIONAL_POOL.allows(user):
        return permissions.Access.ANONYMOUS
    return permissions.Access.NONE


def case_get_for_user(*, user: User, case_id: int) -> tuple[ChildCase, str] | None:
    """The case and what the user may see of it; None when out of scope (never reveal it exists)."""
    case = _base().filter(pk=case_id).first()
    if case is None:
        return None
    access = case_access(user, case)
    return None if access == permissions.Access.NONE else (case, access)


def case_get_for_officer(*, officer: User, case_id: int) -> ChildCase | None:
    """A case the officer manages (their region), else None."""
    found = case_get_for_user(user=officer, case_id=case_id)
    return found[0] if found is not None and found[1] == permissions.Access.MANAGE else None


def conference_get_for_officer(*, officer: User, conference_id: int) -> CaseConference | None:
    queryset = CaseConference.objects.select_related("case", "case__region").filter(pk=conference_id)
    return in_scope(queryset, officer, permissions.READ_CONFERENCES, CASE_REGION.under("case")).first()


def approach_get_for_officer(*, officer: User, approach_id: int) -> Approach | None:
    queryset = Approach.objects.select_related("case", "entry").filter(pk=approach_id)
    return in_scope(queryset, officer, permissions.READ_CONFERENCES, CASE_REGION.under("case")).first()


def reminders_for_user(*, user: User, limit: int = 10) -> QuerySet[CaseReminder]:
    reminders = CaseReminder.objects.filter(done=False)
    as_officer = in_scope(reminders, user, permissions.MANAGE_CASE, CASE_REGION.under("case"))
    as_ospod = in_scope(reminders.filter(for_ospod=True), user, permissions.READ_AS_OSPOD, CASE_ORP.under("case"))
    return (as_officer | as_ospod).select_related("case")[:limit]


# ------------------------------------------------------------------------------------------------------------------
# The anonymised profile: what anyone but the region's officers and the child's OSPOD may see.
# ------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnonymousChild:
    age: int
    sex: str
    legal_status: str
    health_needs: tuple[str, ...]
    ethnicity: str


@dataclass(frozen=True)
class AnonymousProfile:
    """Reference, ages in years, sex, needs: never names, birth dates, notes or exact places."""

    reference: str
    region: str
    status: str
    care_types: tuple[str, ...]
    contact_plan: str
    children: tuple[AnonymousChild, ...]
    days_waiting: int | None
    wishes: str
    wishes_how_heard: str
    siblings_together: bool


def anonymised_profile(case: ChildCase, *, today: date | None = None, with_wishes: bool = True) -> AnonymousProfile:
    """The child's voice stays (the conference must hear it); officers should keep names out of the wishes."""
    today = today or timezone.localdate()
    children = tuple(
        AnonymousChild(
            age=c.age_on(today),
            sex=str(Sex(c.sex).label),
            legal_status=c.get_legal_status_display(),
            health_needs=tuple(str(HealthNeed(n).label) for n in c.health_needs),
            ethnicity=c.get_ethnicity_display() if c.ethnicity else "",
        )
        for c in case.children.all()
    )
    return AnonymousProfile(
        reference=case.reference,
        region=case.region.name,
        status=case.get_status_display(),
        care_types=tuple(str(CareType(t).label) for t in case.care_types_sought),
        contact_plan=case.get_contact_plan_display(),
        children=children,
        days_waiting=(today - case.registered_on).days if case.registered_on else None,
        wishes=case.wishes if with_wishes else "",
        wishes_how_heard=case.wishes_how_heard if with_wishes else "",
        siblings_together=len(children) > 1 and not case.siblings_separation_reason,
    )


def days_waiting(case: ChildCase, today: date | None = None) -> int | None:
    today = today or timezone.localdate()
    return (today - case.registered_on).days if case.registered_on else None


# ------------------------------------------------------------------------------------------------------------------
# Conferences, minutes, approaches, tasks
# ------------------------------------------------------------------------------------------------------------------


def minutes_get_for_officer(*, officer: User, minutes_id: int) -> ConferenceMinutes | None:
    queryset = ConferenceMinutes.objects.select_related("conference__case").filter(pk=minutes_id)
    return in_scope(queryset, officer, permissions.READ_CONFERENCES, CASE_REGION.under("conference__case")).first()


def open_approaches_for_officer(*, officer: User) -> QuerySet[Approach]:
    queryset = Approach.objects.filter(status__in=ACTIVE_APPROACH_STATUSES)
    return in_scope(queryset, officer, permissions.READ_CONFERENCES, CASE_REGION.under("case")).select_related("case")


def mediation_tasks_for_officer(*, officer: User) -> QuerySet[Task]:
    """Open viewflow tasks of the ChildMediation process for the officer's region (the officers' queue)."""
    from viewflow.workflow.models import Task

    from workflows.child_mediation.flows import ChildMediationFlow

    case_ids = list(
        in_scope(ChildCase.objects.all(), officer, permissions.MANAGE_CASE, CASE_REGION).values_list("pk", flat=True)
    )
    tasks: QuerySet[Task] = Task.objects.filter(
        flow_task__in=[ChildMediationFlow.register, ChildMediationFlow.mediation],
        finished__isnull=True,
        process__data__case_id__in=case_ids,
    )
    return tasks


def _entries_by_id(ids: Iterable[int]) -> dict[int, Any]:
    from workflows.applicant_journey.models import ApplicantRegisterEntry

    return {
        e.pk: e
        for e in ApplicantRegisterEntry.objects.filter(pk__in=list(ids))
        .select_related("household__residence_orp", "region")
        .prefetch_related("household__members")  # Household.__str__ names the members
    }


def shortlist_rows(conference: CaseConference) -> list[dict[str, Any]]:
    """The stored shortlist joined with the register entries (for officers of the region only)."""
    entries = _entries_by_id(conference.shortlist_entry_ids)
    return [{**row, "entry": entries.get(row["entry_id"])} for row in conference.shortlist]


def shortlist_preview(ranking: Any, *, size: int) -> list[dict[str, Any]]:
    from workflows.child_mediation.services.conferences import shortlist_from_ranking

    rows = shortlist_from_ranking(ranking, max(1, min(size, 20)))
    entries = _entries_by_id(r["entry_id"] for r in rows)
    return [{**row, "entry": entries.get(row["entry_id"])} for row in rows]


def rankings_for_case(*, user: User, case: ChildCase) -> list[Any]:
    """Stored rankings of the case from the matching module (empty until matching exists)."""
    try:
        from matching.selectors import ranking_list_for_case
    except ImportError:
        return []
    return list(ranking_list_for_case(user=user, child_case=case)[:5])


def latest_ranking(*, user: User, case: ChildCase) -> Any:
    rankings = rankings_for_case(user=user, case=case)
    return rankings[0] if rankings else None


def ranking_url(ranking: Any) -> str | None:
    """Matching's own screen for a stored ranking, when it has one."""
    from django.urls import NoReverseMatch, reverse

    if ranking is None or getattr(ranking, "pk", None) is None:
        return None
    for name in ("matching:ranking_detail", "matching:ranking"):
        try:
            return reverse(name, args=[ranking.pk])
        except NoReverseMatch:
            continue
    return None
