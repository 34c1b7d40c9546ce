"""Case conference (případová konference): preparation, shortlist, minutes with sign-off and versions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.models import User
from workflows.child_mediation.models import (
    MINUTES_SIGNED_READ_ONLY,
    CaseConference,
    ChildCase,
    ChildCaseStatus,
    ConferenceMinutes,
    ConferenceParticipant,
    ConferenceStatus,
    ParticipantRole,
)
from workflows.child_mediation.services.common import audit, lock_case, refusal, require_officer
from workflows.child_mediation.services.conference_invitations import (
    eligible_staff,
    participant_role,
    send_invitations,
)

SHORTLIST_SIZE_RANGE = (1, 20)
SHORTLIST_SIZE_INVALID = _("Počet rodin v užším výběru musí být 1 až 20.")
CONFERENCE_NEEDS_RANKING = _("Nejdříve spusťte párování; užší výběr se bere z uloženého pořadí.")
CONFERENCE_CASE_NOT_SEARCHING = _("Konferenci lze připravit jen pro dítě v evidenci, pro které se hledá rodina.")
CONFERENCE_NEEDS_PARTICIPANTS = _("Uveďte alespoň jednoho účastníka konference.")
PARTICIPANT_NOT_ELIGIBLE = _("Pozvat lze jen pracovníky kraje dítěte a OSPOD dítěte s rolí v případu.")
RANKING_OTHER_CASE = _("Pořadí patří jinému dítěti.")
ORDER_EMPTY = _("Uveďte alespoň jednu rodinu k oslovení.")
ORDER_NOT_IN_SHORTLIST = _("Oslovit lze jen rodiny z užšího výběru konference.")
ORDER_DUPLICATE = _("Každá rodina smí být v pořadí jen jednou.")
MINUTES_FIELD_REQUIRED = _("Toto pole je v zápisu povinné.")
NOT_LATEST_VERSION = _("Opravu lze založit jen z poslední podepsané verze zápisu.")

MINUTES_TEXT_FIELDS = ("attendance", "discussion", "wishes_considered", "reasoning")


def _reason_text(reason: object) -> str:
    if isinstance(reason, dict):
        return str(reason.get("text") or reason.get("code", ""))
    return str(reason)


def shortlist_row(rank: int, result: dict[str, Any]) -> dict[str, Any]:
    """One shortlist row from a stored ranking result.

    Accepts matching's stored shape (``total`` and per-criterion ``criteria`` with Czech reason texts) and the
    plain ``score`` / ``reasons`` / ``contributions`` shape; the snapshot keeps the Czech sentences as shown.
    """
    criteria = result.get("criteria") or []
    reasons = result.get("reasons")
    if reasons is None:
        reasons = [c.get("reason") for c in criteria if c.get("applicable", True) and c.get("reason")]
    contributions = result.get("contributions")
    if contributions is None:
        contributions = {c["criterion"]: c.get("contribution", 0) for c in criteria if "criterion" in c}
    return {
        "rank": rank,
        "entry_id": int(result["entry_id"]),
        "score": float(result.get("score", result.get("total", 0)) or 0),
        "reasons": [_reason_text(r) for r in reasons],
        "contributions": contributions,
    }


def shortlist_from_ranking(ranking: Any, size: int) -> list[dict[str, Any]]:
    return [shortlist_row(rank, result) for rank, result in enumerate(list(ranking.results)[:size], start=1)]


@transaction.atomic
def conference_prepare(
    *,
    case: ChildCase,
    officer: User,
    scheduled_at: datetime,
    shortlist_size: int,
    participants: list[tuple[str, str]],
    ranking: Any,
    staff: Iterable[User] = (),
    place: str = "",
) -> CaseConference:
    """Prepare the conference: date, place, participants and the top-N shortlist of a stored ranking.

    ``staff`` are users invited by name (the region's officers and assessors, the child's OSPOD); each gets an
    e-mail with a calendar entry once the conference is saved. ``participants`` are (role, name) written as text.
    """
    case = lock_case(case)
    require_officer(officer, case)
    if case.status not in (ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL):
        raise refusal(CONFERENCE_CASE_NOT_SEARCHING, "case_not_searching")
    if not (SHORTLIST_SIZE_RANGE[0] <= (shortlist_size or 0) <= SHORTLIST_SIZE_RANGE[1]):
        raise refusal(SHORTLIST_SIZE_INVALID, "shortlist_size_invalid", field="shortlist_size")
    if ranking is None:
        raise refusal(CONFERENCE_NEEDS_RANKING, "ranking_required")
    ranking_case_id = getattr(ranking, "child_case_id", case.pk)
    if ranking_case_id != case.pk:
        raise refusal(RANKING_OTHER_CASE, "ranking_of_other_case")
    cleaned = [(role, name.strip()) for role, name in participants if name and name.strip()]
    staff = list(dict.fromkeys(staff))
    eligible = set(eligible_staff(case).values_list("pk", flat=True))
    if any(user.pk not in eligible for user in staff):
        raise refusal(PARTICIPANT_NOT_ELIGIBLE, "participant_not_eligible", field="staff")
    if not cleaned and not staff:
        raise refusal(CONFERENCE_NEEDS_PARTICIPANTS, "participants_required", field="participants")
    conference = CaseConference(
        case=case,
        scheduled_at=scheduled_at,
        place=(place or "").strip(),
        shortlist_size=shortlist_size,
        ranking_id=getattr(ranking, "pk", None),
        national=bool(getattr(ranking, "national", False)) or getattr(ranking, "scope", "") == "national",
        shortlist=shortlist_from_ranking(ranking, shortlist_size),
        prepared_by=officer,
    )
    conference.full_clean()
    conference.save()
    for role, name in cleaned:
        if role not in ParticipantRole.values:
            role = ParticipantRole.OTHER
        ConferenceParticipant.objects.create(conference=conference, role=role, name=name)
    for user in staff:
        name = user.get_full_name() or user.email
        ConferenceParticipant.objects.create(
            conference=conference, role=participant_role(user, case), name=name, user=user
        )
    audit(officer, AuditAction.CREATE, conference, case, shortlist=len(conference.shortlist), invited=len(staff))
    if staff:
        transaction.on_commit(lambda: send_invitations(conference))
    return conference


def _validate_minutes(conference: CaseConference, data: dict[str, Any]) -> None:
    errors: dict[str, ValidationError] = {}
    for field in MINUTES_TEXT_FIELDS:
        if not str(data.get(field, "")).strip():
            errors[field] = ValidationError(MINUTES_FIELD_REQUIRED, code="required")
    order = list(data.get("approach_order") or [])
    if not order:
        errors["approach_order"] = ValidationError(ORDER_EMPTY, code="approach_order_empty")
    elif len(set(order)) != len(order):
        errors["approach_order"] = ValidationError(ORDER_DUPLICATE, code="approach_order_duplicate")
    elif not set(order) <= set(conference.shortlist_entry_ids):
        errors["approach_order"] = ValidationError(ORDER_NOT_IN_SHORTLIST, code="approach_order_not_in_shortlist")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def minutes_save(*, conference: CaseConference, author: User, **data: Any) -> ConferenceMinutes:
    """Write the draft minutes (the latest unsigned version, or version 1). Signed minutes are read-only."""
    lock_case(conference.case)
    require_officer(author, conference.case)
    latest = conference.minutes.order_by("-version").first()
    if latest is not None and latest.is_signed:
        raise refusal(MINUTES_SIGNED_READ_ONLY, "minutes_signed")
    _validate_minutes(conference, data)
    minutes = latest or ConferenceMinutes(conference=conference, version=1, created_by=author)
    for field in (*MINUTES_TEXT_FIELDS, "approach_order"):
        value = data[field]
        setattr(minutes, field, [int(v) for v in value] if field == "approach_order" else value.strip())
    minutes.full_clean()
    minutes.save()
    audit(author, AuditAction.UPDATE, minutes, conference.case, version=minutes.version)
    return minutes


@transaction.atomic
def minutes_sign_off(*, minutes: ConferenceMinutes, officer: User) -> ConferenceMinutes:
    """Sign the minutes off: from now on read-only; the conference counts as held."""
    lock_case(minutes.conference.case)
    minutes = ConferenceMinutes.objects.select_for_update().get(pk=minutes.pk)
    require_officer(officer, minutes.conference.case)
    if minutes.is_signed:
        raise refusal(MINUTES_SIGNED_READ_ONLY, "minutes_signed")
    minutes.signed_off_by = officer
    minutes.signed_off_at = timezone.now()
    minutes.save(update_fields=["signed_off_by", "signed_off_at"])
    conference = minutes.conference
    conference.status = ConferenceStatus.HELD
    conference.save(update_fields=["status"])
    audit(officer, AuditAction.TASK, minutes, conference.case, step="minutes_signed", version=minutes.version)
    return minutes


@transaction.atomic
def minutes_new_version(*, minutes: ConferenceMinutes, author: User) -> ConferenceMinutes:
    """A correction of signed minutes: a new draft version copied from the signed one."""
    lock_case(minutes.conference.case)
    require_officer(author, minutes.conference.case)
    latest = minutes.conference.minutes.order_by("-version").first()
    if latest is None or latest.pk != minutes.pk or not minutes.is_signed:
        raise refusal(NOT_LATEST_VERSION, "minutes_not_latest_signed")
    copy = ConferenceMinutes.objects.create(
        conference=minutes.conference,
        version=minutes.version + 1,
        attendance=minutes.attendance,
        discussion=minutes.discussion,
        wishes_considered=minutes.wishes_considered,
        approach_order=list(minutes.approach_order),
        reasoning=minutes.reasoning,
        created_by=author,
    )
    audit(author, AuditAction.CREATE, copy, minutes.conference.case, version=copy.version)
    return copy
