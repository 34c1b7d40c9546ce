"""The applicant register (evidence žadatelů): entry on právní moc, pause/resume, removal, placement."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.notifications import events as notifications
from workflows.applicant_journey.models import (
    AcceptanceProfile,
    ApplicantJourney,
    ApplicantRegisterEntry,
    EventKind,
    JourneyStage,
    RegisterStatus,
)
from workflows.applicant_journey.services.tasks import StepError, enter_stage, record_event

REASON_REQUIRED = _("Uveďte prosím důvod.")
NOT_ACTIVE = _("Zprostředkování lze přerušit jen rodině, která je v evidenci aktivní.")
NOT_PAUSED = _("Obnovit lze jen přerušené zprostředkování.")
NOT_IN_REGISTER = _("Rodina není v evidenci žadatelů.")
UNKNOWN_CAUSE = _("Neznámý důvod vyřazení.")

# Why a family left the register, as the child's officer reads it on the cancelled approach (REGISTER_LEAVE): the
# kind of exit only, never the family's circumstances (a new criminal record stays in the family's file).
LEFT_REGISTER = {
    "removed": _("Rodina byla vyřazena z evidence žadatelů"),
    "death": _("Žadatel zemřel; rodina byla vyřazena z evidence žadatelů"),
    "withdrawn": _("Rodina vzala žádost zpět"),
    "transferred": _("Rodina se přestěhovala do jiného kraje"),
}
# How a family may be removed (REGISTER_REMOVAL): by the KÚ's decision, or on the applicant's death.
REMOVAL_CAUSES = ("decision", "death")

PROFILE_FIELDS = [
    "age_min",
    "age_max",
    "sexes",
    "max_children",
    "accepts_siblings",
    "health_needs_accepted",
    "health_needs_experience",
    "ethnicities_accepted",
    "legal_statuses",
    "contact_willingness",
    "accepts_other_regions",
    "children_in_household",
]


def profile_from_data(entry: ApplicantRegisterEntry | None, data: dict) -> AcceptanceProfile:
    """An (unsaved) AcceptanceProfile from the journey's ``profile_data`` (validated by ``full_clean``)."""
    profile = AcceptanceProfile(entry=entry)
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    return profile


def validate_profile_data(data: dict) -> None:
    """Raise ValidationError when the profile is inconsistent (age range, capacity, no sex accepted)."""
    profile_from_data(None, data).full_clean(exclude=["entry"])


def register_entry_create_from_journey(activation) -> ApplicantRegisterEntry:
    """Flow ``Function`` node: the approval took effect (právní moc), the family enters the register (§23i)."""
    journey: ApplicantJourney = activation.process
    entry, _created = ApplicantRegisterEntry.objects.update_or_create(
        household=journey.household,
        defaults={
            "region": journey.region,
            "care_types": list(journey.approved_care_types),
            "decision_date": journey.decision_date,
            "effective_date": journey.effective_date,
            "status": RegisterStatus.ACTIVE,
            "status_changed_at": timezone.now(),
            "status_reason": "",
        },
    )
    entry.full_clean()
    profile = getattr(entry, "profile", None) if not _created else None
    new = profile_from_data(entry, journey.profile_data)
    if profile is not None:
        new.pk = profile.pk
        new._state.adding = False
    new.full_clean()
    new.save()
    preferred = journey.profile_data.get("preferred_regions") or []
    new.preferred_regions.set(preferred)
    enter_stage(journey, JourneyStage.IN_REGISTER)
    journey.save()
    record_event(journey, actor=None, kind=EventKind.REGISTERED, entry_id=entry.pk)
    notifications.registered(entry, journey)
    return entry


def _journey_of(entry: ApplicantRegisterEntry) -> ApplicantJourney | None:
    return ApplicantJourney.objects.filter(household_id=entry.household_id).order_by("-created").first()


def _set_status(*, entry, actor, status: str, reason: str, stage: str, kind: str, request=None, **event_data):
    entry.status = status
    entry.status_reason = reason
    entry.status_changed_at = timezone.now()
    entry.full_clean()
    entry.save(update_fields=["status", "status_reason", "status_changed_at"])
    journey = _journey_of(entry)
    if journey is not None:
        enter_stage(journey, stage)
        journey.save()
        record_event(journey, actor=actor, kind=kind, note=reason, entry_id=entry.pk, status=status, **event_data)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=entry,
        household=entry.household,
        region=entry.region,
        request=request,
        reason=reason,
        details={"status": status, **event_data},
    )
    return entry


@transaction.atomic
def register_entry_pause(
    *,
    entry: ApplicantRegisterEntry,
    actor,
    reason: str,
    request=None,
    origin: str = "office",
    started_on: date | None = None,
    until: date | None = None,
    decision=None,
):
    """Přerušení výběru (SELECTION_PAUSE, §24a): excluded from matching until resumed; the pause is kept as a
    ``RegisterPause`` (its days are not waiting time in matching) and the ORP of residence is told."""
    from workflows.applicant_journey.services import life

    entry = ApplicantRegisterEntry.objects.select_for_update().get(pk=entry.pk)
    if not reason.strip():
        raise StepError(REASON_REQUIRED)
    if entry.status != RegisterStatus.ACTIVE:
        raise StepError(NOT_ACTIVE, "conflict")
    entry = _set_status(
        entry=entry,
        actor=actor,
        status=RegisterStatus.PAUSED,
        reason=reason,
        stage=JourneyStage.PAUSED,
        kind=EventKind.PAUSED,
        request=request,
        origin=origin,
    )
    life.pause_opened(
        entry=entry, actor=actor, origin=origin, reason=reason, started_on=started_on, until=until, decision=decision
    )
    return entry


@transaction.atomic
def register_entry_resume(*, entry: ApplicantRegisterEntry, actor, reason: str = "", request=None, ended_on=None):
    from workflows.applicant_journey.services import life

    entry = ApplicantRegisterEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status != RegisterStatus.PAUSED:
        raise StepError(NOT_PAUSED, "conflict")
    entry = _set_status(
        entry=entry,
        actor=actor,
        status=RegisterStatus.ACTIVE,
        reason=reason,
        stage=JourneyStage.IN_REGISTER,
        kind=EventKind.RESUMED,
        request=request,
    )
    life.pause_closed(entry=entry, ended_on=ended_on)
    return entry


def entry_lock_for_leaving(entry_id: int) -> ApplicantRegisterEntry:
    """REGISTER_LEAVE, first half: lock the cases the family is approached in, then its entry (the order in which
    ``approach_start_next`` takes them, so the two never wait for each other)."""
    from workflows.child_mediation.services import cases_lock_for_entry

    cases_lock_for_entry(entry_id=entry_id)
    return ApplicantRegisterEntry.objects.select_for_update().get(pk=entry_id)


def leave_register(*, entry: ApplicantRegisterEntry, actor, how: str) -> int:
    """REGISTER_LEAVE, second half (in the caller's transaction): cancel every open approach of the family, tell
    the child's officers and let the child's mediation approach the next family. Returns how many were cancelled."""
    from workflows.child_mediation.services import approaches_cancel_for_entry

    reason = f"{LEFT_REGISTER[how]} ({law.cite('REGISTER_LEAVE', 'short')})."
    return approaches_cancel_for_entry(entry=entry, actor=actor, reason=reason)


@transaction.atomic
def register_entry_remove(*, entry: ApplicantRegisterEntry, actor, reason: str, cause: str = "decision", request=None):
    """Vyřazení z evidence (REGISTER_REMOVAL, §23j): by the KÚ's decision (e.g. on a new criminal record) or on the
    applicant's death. Every open approach of the family is cancelled in the same transaction (REGISTER_LEAVE)."""
    if cause not in REMOVAL_CAUSES:
        raise StepError(UNKNOWN_CAUSE)
    if not reason.strip():
        raise StepError(REASON_REQUIRED)
    entry = entry_lock_for_leaving(entry.pk)
    if entry.status in (RegisterStatus.REMOVED, RegisterStatus.WITHDRAWN, RegisterStatus.PLACED):
        raise StepError(NOT_IN_REGISTER, "conflict")
    entry = _set_status(
        entry=entry,
        actor=actor,
        status=RegisterStatus.REMOVED,
        reason=reason,
        stage=JourneyStage.REMOVED,
        kind=EventKind.REMOVED,
        request=request,
        cause=cause,
    )
    leave_register(entry=entry, actor=actor, how="death" if cause == "death" else "removed")
    from workflows.applicant_journey.services.life import notify_orp

    journey = _journey_of(entry)
    if journey is not None:
        notify_orp(journey, LEFT_REGISTER["death" if cause == "death" else "removed"])
    return entry


@transaction.atomic
def register_entry_mark_placed(
    *, entry: ApplicantRegisterEntry, actor, placed_on: date | None = None, reason: str = "", request=None
):
    """A court placed a child with the family: the journey ends as placed (called by child mediation)."""
    entry = ApplicantRegisterEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status not in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
        raise StepError(NOT_IN_REGISTER, "conflict")
    note = reason or (placed_on.isoformat() if placed_on else "")
    return _set_status(
        entry=entry,
        actor=actor,
        status=RegisterStatus.PLACED,
        reason=note,
        stage=JourneyStage.PLACED,
        kind=EventKind.PLACED,
        request=request,
    )


@transaction.atomic
def register_profile_update(*, entry: ApplicantRegisterEntry, actor, profile: dict, request=None) -> AcceptanceProfile:
    """The KÚ updates a registered family's acceptance profile (at the family's request); history is kept."""
    entry = ApplicantRegisterEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status not in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
        raise StepError(NOT_IN_REGISTER, "conflict")
    validate_profile_data(profile)
    current = getattr(entry, "profile", None)
    before = {name: getattr(current, name) for name in PROFILE_FIELDS} if current else {}
    new = profile_from_data(entry, profile)
    if current is not None:
        new.pk = current.pk
        new._state.adding = False
    new.full_clean()
    new.save()
    new.preferred_regions.set(profile.get("preferred_regions") or [])
    journey = _journey_of(entry)
    if journey is not None:
        journey.profile_data = profile
        journey.save(update_fields=["profile_data"])
        changed = sorted(k for k in PROFILE_FIELDS if before.get(k) != getattr(new, k))
        record_event(journey, actor=actor, kind=EventKind.PROFILE, entry_id=entry.pk, changed=changed)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=new,
        household=entry.household,
        region=entry.region,
        request=request,
        details={"entry": entry.pk},
    )
    return new
