"""Read access to the children register. Every selector takes the acting user: visibility lives here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from nrp.core.choices import CareType, HealthNeed, Role, Sex
from workflows.child_mediation import deadlines, permissions
from workflows.child_mediation.models import (
    ACTIVE_APPROACH_STATUSES,
    Approach,
    CaseConference,
    CaseReminder,
    Child,
    ChildCase,
    ChildCaseStatus,
)

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
    return ChildCase.objects.select_related("region", "orp", "flags").prefetch_related(
        Prefetch("children", queryset=Child.objects.order_by("date_of_birth", "pk"))
    )


def case_list_for_officer(
    *, officer, status: str = "", flag: str = "", care_type: str = "", today: date | None = None
) -> QuerySet[ChildCase]:
    """The officer's children register: cases of their region(s), filtered."""
    today = today or timezone.localdate()
    qs = _base().filter(region_id__in=officer.region_ids(Role.OFFICER))
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


def case_list_for_ospod(*, ospod) -> QuerySet[ChildCase]:
    """The OSPOD worker's own children (cases of their ORP), read-only."""
    return _base().filter(orp_id__in=ospod.orp_ids(Role.OSPOD)).order_by("-proposed_at", "pk")


def national_queue(*, officer) -> QuerySet[ChildCase]:
    """The nationwide pool (celostátní hledání): every officer sees it, anonymised outside the home region."""
    if not officer.has_role(Role.OFFICER):
        return ChildCase.objects.none()
    return _base().filter(status=ChildCaseStatus.NATIONAL).order_by("flags__national_since", "pk")


def case_get_for_user(*, user, case_id: int) -> tuple[ChildCase, str]:
    """The case and what the user may see of it; 404 when out of scope (never reveal it exists)."""
    case = _base().filter(pk=case_id).first()
    if case is None:
        raise Http404
    access = permissions.access_for(user, case)
    if access == permissions.Access.NONE:
        raise Http404
    return case, access


def case_get_for_officer(*, officer, case_id: int) -> ChildCase:
    case, access = case_get_for_user(user=officer, case_id=case_id)
    if access != permissions.Access.MANAGE:
        raise Http404
    return case


def conference_get_for_officer(*, officer, conference_id: int) -> CaseConference:
    conference = (
        CaseConference.objects.select_related("case", "case__region")
        .filter(pk=conference_id, case__region_id__in=officer.region_ids(Role.OFFICER))
        .first()
    )
    if conference is None:
        raise Http404
    return conference


def approach_get_for_officer(*, officer, approach_id: int) -> Approach:
    approach = (
        Approach.objects.select_related("case", "entry")
        .filter(pk=approach_id, case__region_id__in=officer.region_ids(Role.OFFICER))
        .first()
    )
    if approach is None:
        raise Http404
    return approach


def reminders_for_user(*, user, limit: int = 10) -> QuerySet[CaseReminder]:
    scope = Q(case__region_id__in=user.region_ids(Role.OFFICER)) | Q(
        for_ospod=True, case__orp_id__in=user.orp_ids(Role.OSPOD)
    )
    return CaseReminder.objects.filter(scope, done=False).select_related("case")[:limit]


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


def minutes_get_for_officer(*, officer, minutes_id: int):
    from workflows.child_mediation.models import ConferenceMinutes

    minutes = (
        ConferenceMinutes.objects.select_related("conference__case")
        .filter(pk=minutes_id, conference__case__region_id__in=officer.region_ids(Role.OFFICER))
        .first()
    )
    if minutes is None:
        raise Http404
    return minutes


def open_approaches_for_officer(*, officer) -> QuerySet[Approach]:
    return Approach.objects.filter(
        status__in=ACTIVE_APPROACH_STATUSES, case__region_id__in=officer.region_ids(Role.OFFICER)
    ).select_related("case")


def mediation_tasks_for_officer(*, officer):
    """Open viewflow tasks of the ChildMediation process for the officer's region (the officers' queue)."""
    from viewflow.workflow.models import Task

    from workflows.child_mediation.flows import ChildMediationFlow

    case_ids = list(
        ChildCase.objects.filter(region_id__in=officer.region_ids(Role.OFFICER)).values_list("pk", flat=True)
    )
    return Task.objects.filter(
        flow_task__in=[ChildMediationFlow.register, ChildMediationFlow.mediation],
        finished__isnull=True,
        process__data__case_id__in=case_ids,
    )


def _entries_by_id(ids) -> dict:
    from workflows.applicant_journey.models import ApplicantRegisterEntry

    return {
        e.pk: e
        for e in ApplicantRegisterEntry.objects.filter(pk__in=list(ids)).select_related(
            "household__residence_orp", "region"
        )
    }


def shortlist_rows(conference: CaseConference) -> list[dict]:
    """The stored shortlist joined with the register entries (for officers of the region only)."""
    entries = _entries_by_id(conference.shortlist_entry_ids)
    return [{**row, "entry": entries.get(row["entry_id"])} for row in conference.shortlist]


def shortlist_preview(ranking, *, size: int) -> list[dict]:
    from workflows.child_mediation.services.conferences import shortlist_from_ranking

    rows = shortlist_from_ranking(ranking, max(1, min(size, 20)))
    entries = _entries_by_id(r["entry_id"] for r in rows)
    return [{**row, "entry": entries.get(row["entry_id"])} for row in rows]


def rankings_for_case(*, user, case: ChildCase) -> list:
    """Stored rankings of the case from the matching module (empty until matching exists)."""
    try:
        from matching.selectors import ranking_list_for_case
    except ImportError:
        return []
    return list(ranking_list_for_case(user=user, child_case=case)[:5])


def latest_ranking(*, user, case: ChildCase):
    rankings = rankings_for_case(user=user, case=case)
    return rankings[0] if rankings else None


def ranking_url(ranking) -> str | None:
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
