"""The applicant journey's part of the applicant's own data (GDPR art. 15 and 20) and of retention.

``journey_section`` is the ``applicant_journey`` section of "Moje údaje" (nrp/core/privacy.py): the household's
journeys with their documents (metadata only, never file contents), messages, course attendance, assessments
and decisions, and the register entry with the acceptance profile. ``journey_closures`` tells retention
(nrp/core/retention.py) when a household's journeys ended. Both are registered by ``ApplicantJourneyConfig.ready``.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max

from nrp.core.choices import CareType
from nrp.core.models import Household


def _name(user) -> str | None:
    if user is None:
        return None
    return user.get_full_name() or user.email


def _member(member) -> str | None:
    if member is None:
        return None
    return f"{member.first_name} {member.last_name}".strip()


def _care_types(values) -> list[str]:
    return [str(CareType(v).label) if v in CareType.values else v for v in values or []]


def _documents(journey) -> list[dict]:
    documents = journey.documents.select_related("member").prefetch_related("versions__uploaded_by")
    return [
        {
            "item": d.get_kind_display(),
            "member": _member(d.member),
            "country": d.country,
            "status": d.get_status_display(),
            "rejection_reason": d.rejection_reason,
            "updated_at": d.updated_at,
            "versions": [
                {
                    "uploaded_at": v.uploaded_at,
                    "uploaded_by": _name(v.uploaded_by),
                    "file_name": v.original_name,
                    "content_type": v.content_type,
                    "size": v.size,
                    "sha256": v.sha256,
                }
                for v in sorted(d.versions.all(), key=lambda v: (v.uploaded_at, v.pk))
            ],
        }
        for d in documents
    ]


def _journey(journey) -> dict:
    from workflows.applicant_journey.models import JourneyStage

    return {
        "journey_id": journey.pk,
        "region": journey.region.name,
        "stage": journey.get_stage_display(),
        "stage_entered_at": journey.stage_entered_at,
        "closed": journey.is_closed,
        "closed_reason": journey.closed_reason,
        "care_types": _care_types(journey.care_types),
        "guide": _name(journey.household.guide),
        "organisation": journey.household.organisation.name if journey.household.organisation else None,
        "assessor": _name(journey.assessor),
        "dates": {
            "info_meeting": journey.info_meeting_on,
            "application_filed": journey.application_filed_on,
            "application_complete": journey.application_complete_on,
            "home_visit": journey.home_visit_on,
            "handed_over_to_region": journey.handed_over_on,
            "assessment_done": journey.assessment_done_on,
            "course_completed": journey.course_completed_on,
            "inspection_offered": journey.inspection_offered_on,
            "inspection_done": journey.inspection_done_on,
            "next_due": journey.next_due_on,
        },
        "application": {
            "completeness": journey.get_completeness_outcome_display(),
            "missing_items": journey.missing_items,
            "orp_rejection_reasons": journey.orp_rejection_reasons,
            "home_visit_notes": journey.home_visit_notes,
        },
        "stages": [
            {"stage": JourneyStage(v.stage).label, "entered_at": v.entered_at, "left_at": v.left_at}
            for v in journey.stage_visits.order_by("entered_at", "pk")
        ],
        "documents": _documents(journey),
        "messages": [
            {"at": m.created_at, "author": _name(m.author), "text": m.body}
            for m in journey.messages.select_related("author")
        ],
        "course_attendance": [
            {
                "session": a.session.title,
                "starts_at": a.session.starts_at,
                "place": a.session.place,
                "member": _member(a.member),
                "hours": a.hours,
            }
            for a in journey.attendance.select_related("session", "member").order_by("session__starts_at", "pk")
        ],
        "assessments": [
            {
                "kind": a.get_kind_display(),
                "member": _member(a.member),
                "recorded_at": a.recorded_at,
                "recorded_by": _name(a.recorded_by),
                "conclusion": a.get_conclusion_display(),
                "summary": a.summary,
            }
            for a in journey.assessments.select_related("member", "recorded_by").order_by("recorded_at", "pk")
        ],
        "decision": {
            "outcome": journey.get_decision_outcome_display(),
            "date": journey.decision_date,
            "delivered": journey.decision_delivered_on,
            "reasons": journey.decision_reasons,
            "approved_care_types": _care_types(journey.approved_care_types),
            "effective_date": journey.effective_date,
            "appeal_filed": journey.appeal_filed_on,
            "appeal_late": journey.appeal_late,
            "appeal_outcome": journey.get_appeal_outcome_display(),
            "appeal_decided": journey.appeal_decided_on,
        },
    }


def _register_entry(household: Household) -> dict | None:
    from workflows.applicant_journey.models import AcceptanceProfile, ApplicantRegisterEntry

    entry = ApplicantRegisterEntry.objects.filter(household=household).select_related("region").first()
    if entry is None:
        return None
    data = {
        "region": entry.region.name,
        "care_types": _care_types(entry.care_types),
        "decision_date": entry.decision_date,
        "effective_date": entry.effective_date,
        "status": entry.get_status_display(),
        "status_changed_at": entry.status_changed_at,
        "status_reason": entry.status_reason,
        "profile": None,
    }
    profile = AcceptanceProfile.objects.filter(entry=entry).prefetch_related("preferred_regions").first()
    if profile is not None:
        data["profile"] = {
            "age_min": profile.age_min,
            "age_max": profile.age_max,
            "sexes": profile.sexes,
            "max_children": profile.max_children,
            "accepts_siblings": profile.accepts_siblings,
            "health_needs_accepted": profile.health_needs_accepted,
            "health_needs_experience": profile.health_needs_experience,
            "ethnicities_accepted": profile.ethnicities_accepted,
            "legal_statuses": profile.legal_statuses,
            "contact_willingness": profile.get_contact_willingness_display(),
            "accepts_other_regions": profile.accepts_other_regions,
            "preferred_regions": [r.name for r in profile.preferred_regions.all()],
            "children_in_household": profile.children_in_household,
            "updated_at": profile.updated_at,
        }
    return data


def journey_section(household: Household) -> dict:
    """The ``applicant_journey`` export section: everything the journey app holds about ``household``."""
    from workflows.applicant_journey.models import ApplicantJourney

    journeys = (
        ApplicantJourney.objects.filter(household=household)
        .select_related("region", "assessor", "household__guide", "household__organisation")
        .order_by("created", "pk")
    )
    return {"journeys": [_journey(j) for j in journeys], "register_entry": _register_entry(household)}


def _closed_stages():
    from workflows.applicant_journey.models import CLOSED_STAGES

    return CLOSED_STAGES


def journey_closures() -> dict[int, datetime]:
    """Households all of whose journeys ended (withdrawn, rejected, removed, placed…): id -> when the last ended.

    A household with a journey still running, or still in the register (active or paused), is not closed, however
    old its earlier, ended journeys are.
    """
    from workflows.applicant_journey.models import ApplicantJourney, ApplicantRegisterEntry, RegisterStatus

    closed = [str(s) for s in _closed_stages()]
    still_open = ApplicantJourney.objects.exclude(stage__in=closed).values("household_id")
    in_register = ApplicantRegisterEntry.objects.filter(
        status__in=[RegisterStatus.ACTIVE, RegisterStatus.PAUSED]
    ).values("household_id")
    rows = (
        ApplicantJourney.objects.filter(stage__in=closed)
        .exclude(household_id__in=still_open)
        .exclude(household_id__in=in_register)
        .values("household_id")
        .annotate(ended_at=Max("stage_entered_at"))
        .values_list("household_id", "ended_at")
    )
    return dict(rows)


def register() -> None:
    from nrp.core.privacy import register_export_section
    from nrp.core.retention import register_case_closure

    register_export_section("applicant_journey", journey_section)
    register_case_closure(journey_closures)
