"""Approaching families in the order the conference chose (oslovení žadatelů, §24: rules SELECTION,
SELECTION_NOTICE_30_DAYS, SELECTION_EXTENSION of ``nrp.law``)."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation import deadlines
from workflows.child_mediation.models import (
    ACTIVE_APPROACH_STATUSES,
    Approach,
    ApproachStatus,
    ChildCase,
    ChildCaseStatus,
    ConferenceMinutes,
    ReminderKind,
)
from workflows.child_mediation.services.approach_check import approach_guard, skipped_entry_ids
from workflows.child_mediation.services.cases import resume_search_status
from workflows.child_mediation.services.common import audit, lock_case, refusal, remind, require_officer
from workflows.child_mediation.services.notices import answer_record, check_answer, notice_handed_over, notice_prepare

APPROACH_ALREADY_ACTIVE = _("Pro toto dítě už je oslovena jiná rodina; počkejte na její odpověď.")
NO_SIGNED_MINUTES = _("Rodiny lze oslovovat až podle podepsaného zápisu z případové konference.")
CASE_NOT_SEARCHING = _("Dítě není ve stavu, kdy se pro něj hledá rodina.")
NOT_OPEN = _("Odpověď lze zaznamenat jen u otevřeného oslovení.")
FAILED_MATCH_NEEDS_REASON = _("U nezdařeného párování uveďte důvod.")
EXTENSION_ONLY_ONCE = law.message(
    _("Lhůtu k podání návrhu soudu lze prodloužit jen jednou (%(law)s)."), law="SELECTION_EXTENSION"
)
EXTENSION_TOO_LONG = law.message(_("Lhůtu lze prodloužit nejvýše o 30 dní (%(law)s)."), law="SELECTION_EXTENSION")
EXTENSION_TOO_SHORT = _("Prodloužení musí být alespoň o 1 den.")
EXTENSION_AFTER_DEADLINE = _("Lhůta už uplynula; prodloužit ji nelze.")
EXTENSION_NEEDS_REASON = _("Uveďte důvod prodloužení lhůty.")
EXTENSION_BEFORE_DELIVERY = law.message(
    _("Lhůtu lze prodloužit až po doručení vyrozumění, od něhož běží (%(law)s)."), law="SELECTION_NOTICE_30_DAYS"
)
NOTICE_IN_FUTURE = _("Datum písemného vyrozumění nemůže být v budoucnosti.")
LAPSED_REASON = law.message(_("Rodina nepodala návrh soudu ve lhůtě (%(law)s)."), law="SELECTION_NOTICE_30_DAYS")

SEARCHING = (ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL)


def latest_signed_minutes(case: ChildCase) -> ConferenceMinutes | None:
    return (
        ConferenceMinutes.objects.filter(conference__case=case, signed_off_at__isnull=False)
        .order_by("-conference__scheduled_at", "-conference_id", "-version")
        .first()
    )


def next_entry_to_approach(case: ChildCase, minutes: ConferenceMinutes) -> tuple[int, ApplicantRegisterEntry] | None:
    """The first family on the conference's list not yet approached for this child and free to be approached.

    A family the officer skipped because it no longer fits the child (``approach_check.approach_skip_confirm``)
    counts as tried."""
    tried = set(Approach.objects.filter(case=case).values_list("entry_id", flat=True)) | skipped_entry_ids(case)
    busy = set(
        Approach.objects.filter(status__in=ACTIVE_APPROACH_STATUSES)
        .exclude(case=case)
        .values_list("entry_id", flat=True)
    )
    for position, entry_id in enumerate(minutes.approach_order, start=1):
        if entry_id in tried or entry_id in busy:
            continue
        # Lock the family's entry, then look again: another officer may have approached it for another child
        # while we waited for the lock (a family is not offered for two children at once).
        entry = (
            ApplicantRegisterEntry.objects.select_for_update().filter(pk=entry_id, status=RegisterStatus.ACTIVE).first()
        )
        if entry is None or Approach.objects.filter(entry=entry, status__in=ACTIVE_APPROACH_STATUSES).exists():
            continue
        return position, entry
    return None


@transaction.atomic
def approach_start_next(
    *,
    case: ChildCase,
    officer,
    notified_on: date | None = None,
    created_by=None,
    automatic: bool = False,
    draft: bool = False,
) -> Approach | None:
    """Approach the next family on the signed list (SELECTION, §24); None when the list is exhausted.

    The written notice (``models_notices.ApproachNotice``): ``draft=True`` and the ``automatic`` next approach
    prepare a draft for an officer to send (``services.notices``); the window runs from its delivery. Without
    ``draft`` an officer's approach records the notice as handed over in person on ``notified_on`` (default
    today), in the officer's name.

    The case row is locked FOR UPDATE, and a partial unique index allows one active approach per case and per
    family, so two officers clicking at once never approach two families for the same child.

    Before the notice ``approach_check.approach_guard`` checks the child's file (view, assessment, consent,
    evidence) and re-checks the family's fit today; an officer is refused with the reason, the ``automatic`` next
    approach (after a decline or a lapse) stops with a task for the officers instead and returns None.
    """
    case = lock_case(case)
    require_officer(officer, case)
    if Approach.objects.filter(case=case, status__in=ACTIVE_APPROACH_STATUSES).exists():
        raise refusal(APPROACH_ALREADY_ACTIVE, "approach_already_active")
    if case.status not in SEARCHING:
        raise refusal(CASE_NOT_SEARCHING, "case_not_searching")
    minutes = latest_signed_minutes(case)
    if minutes is None:
        raise refusal(NO_SIGNED_MINUTES, "signed_minutes_required")
    notified_on = notified_on or timezone.localdate()
    if officer is not None and notified_on > timezone.localdate():
        raise refusal(NOTICE_IN_FUTURE, "date_in_future", field="notified_on")
    found = next_entry_to_approach(case, minutes)
    if found is None:
        return None
    position, entry = found
    if not approach_guard(case=case, entry=entry, officer=officer, on=notified_on, automatic=automatic):
        return None
    approach = Approach(
        case=case,
        entry=entry,
        minutes=minutes,
        position=position,
        created_by=officer or created_by,
    )
    try:
        with transaction.atomic():
            approach.save()
    except IntegrityError as exc:
        raise refusal(APPROACH_ALREADY_ACTIVE, "approach_already_active") from exc
    case.status = ChildCaseStatus.APPROACHING
    case.save(update_fields=["status"])
    audit(officer, AuditAction.CREATE, approach, case, entry=entry.pk, position=position)
    if automatic or draft or officer is None:
        # Nothing is recorded as sent that was not: a draft, without an author when the system prepared it.
        notice_prepare(approach=approach, prepared_by=officer, automatic=automatic or officer is None)
    else:
        notice_handed_over(approach=approach, officer=officer, on=notified_on)
    return approach


def _fail(approach: Approach, *, status: str, reason: str, on: date, actor, by_family: bool = False) -> Approach | None:
    """Close an approach as a failed match (nezdařené párování) and move on to the next family."""
    approach.status = status
    approach.reason = reason
    approach.answered_on = on
    approach.save(update_fields=["status", "reason", "answered_on"])
    case = approach.case
    case.status = resume_search_status(case)
    case.save(update_fields=["status"])
    audit(actor, AuditAction.UPDATE, approach, case, outcome=status)
    # The next family gets a draft notice for an officer to send (the approach stays in the name of whoever
    # started the sequence; the notice has no author and no date until an officer sends it).
    return approach_start_next(
        case=case,
        officer=None if by_family else actor,
        notified_on=on,
        created_by=approach.created_by,
        automatic=True,
    )


@transaction.atomic
def approach_record_answer(
    *,
    approach: Approach,
    actor,
    accepted: bool,
    reason: str = "",
    answered_on: date | None = None,
    court: str = "",
    filed_on: date | None = None,
    by_family: bool = False,
) -> Approach | None:
    """Record the family's answer. Accepted: the family asks the court. Declined: failed match, next family.

    The answer is checked against the notice's dates (``notices.check_answer``: not in the future, not before
    delivery, not after the deadline) and kept with who gave it (``ApproachAnswer``); the family answering itself
    in its portal (``by_family``, see ``services.family``) must name the court and the filing day.
    Returns the next approach when a decline moved on to the next family, else None.
    """
    lock_case(approach.case)
    approach = Approach.objects.select_for_update().select_related("case").get(pk=approach.pk)
    if not by_family:
        require_officer(actor, approach.case)
    # An accepted approach can still fail (the family withdraws, the court does not place): recorded as a decline.
    if approach.status != ApproachStatus.OPEN and not (approach.status == ApproachStatus.ACCEPTED and not accepted):
        raise refusal(NOT_OPEN, "approach_not_open")
    answered_on = answered_on or timezone.localdate()
    if accepted or reason.strip():
        check_answer(
            approach,
            accepted=accepted,
            answered_on=answered_on,
            court=court,
            filed_on=filed_on,
            reason=reason,
            require_filing=by_family,
        )
        answer_record(
            approach,
            actor=actor,
            accepted=accepted,
            answered_on=answered_on,
            court=court,
            filed_on=filed_on,
            reason=reason,
            by_family=by_family,
        )
    if accepted:
        approach.status = ApproachStatus.ACCEPTED
        approach.answered_on = answered_on
        approach.reason = reason.strip()
        approach.save(update_fields=["status", "answered_on", "reason"])
        audit(actor, AuditAction.UPDATE, approach, approach.case, outcome="accepted")
        return None
    if not reason.strip():
        raise refusal(FAILED_MATCH_NEEDS_REASON, "reason_required", field="reason")
    return _fail(
        approach,
        status=ApproachStatus.DECLINED,
        reason=reason.strip(),
        on=answered_on,
        actor=actor,
        by_family=by_family,
    )


@transaction.atomic
def approach_extend(*, approach: Approach, officer, days: int, reason: str, today: date | None = None) -> Approach:
    """SELECTION_EXTENSION (§24): the KÚ may extend the court-request period once, by at most 30 days."""
    lock_case(approach.case)
    approach = Approach.objects.select_for_update().select_related("case").get(pk=approach.pk)
    require_officer(officer, approach.case)
    today = today or timezone.localdate()
    if approach.status != ApproachStatus.OPEN:
        raise refusal(NOT_OPEN, "approach_not_open")
    if approach.extended_by_days:
        raise refusal(EXTENSION_ONLY_ONCE, "extension_only_once")
    if approach.deadline is None or approach.notified_on is None:
        raise refusal(EXTENSION_BEFORE_DELIVERY, "notice_not_delivered")
    if days is None or days < 1:
        raise refusal(EXTENSION_TOO_SHORT, "extension_too_short", field="days")
    if days > deadlines.COURT_REQUEST_MAX_EXTENSION_DAYS:
        raise refusal(EXTENSION_TOO_LONG, "extension_too_long", field="days")
    if today > approach.deadline:
        raise refusal(EXTENSION_AFTER_DEADLINE, "deadline_passed")
    if not reason.strip():
        raise refusal(EXTENSION_NEEDS_REASON, "reason_required", field="reason")
    approach.deadline = deadlines.court_request_deadline(approach.notified_on, extended_by=days)
    approach.extended_by_days = days
    approach.extended_on = today
    approach.extension_reason = reason.strip()
    approach.save(update_fields=["deadline", "extended_by_days", "extended_on", "extension_reason"])
    audit(officer, AuditAction.UPDATE, approach, approach.case, extended_by_days=days)
    return approach


def approaches_lapse(*, today: date) -> int:
    """Close open approaches whose court-request period ended before ``today`` (idempotent), then go on."""
    count = 0
    for approach_id in Approach.objects.filter(status=ApproachStatus.OPEN, deadline__lt=today).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            approach = Approach.objects.select_related("case").get(pk=approach_id)
            lock_case(approach.case)
            approach.refresh_from_db()
            if approach.status != ApproachStatus.OPEN or approach.deadline is None or approach.deadline >= today:
                continue
            remind(approach.case, ReminderKind.APPROACH_LAPSED, key=str(approach.pk), due_on=approach.deadline)
            _fail(approach, status=ApproachStatus.LAPSED, reason=str(LAPSED_REASON), on=today, actor=None)
            count += 1
    return count


ENTRY_LEFT_REGISTER = _("Rodina byla vyřazena z evidence nebo vzala žádost zpět.")


def cases_lock_for_entry(*, entry_id: int) -> None:
    """Lock the cases in which the family is approached, before the family's entry is locked.

    ``approach_start_next`` locks a case, then the entry; a family leaving the register must take the locks in the
    same order, or the two could wait for each other.
    """
    case_ids = Approach.objects.filter(entry_id=entry_id, status__in=ACTIVE_APPROACH_STATUSES).values("case_id")
    list(ChildCase.objects.select_for_update().filter(pk__in=case_ids).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def approaches_cancel_for_entry(*, entry: ApplicantRegisterEntry, actor=None, reason: str = "") -> int:
    """REGISTER_LEAVE: the family left the register (removal §23j, withdrawal, death, transfer). Cancel its active
    approaches in the caller's transaction, tell the child's officers and move on to the next family.

    For the applicant journey to call (after ``cases_lock_for_entry``); returns how many approaches were cancelled.
    The reason names the kind of exit only, never the family's circumstances.
    """
    count = 0
    active = Approach.objects.filter(entry=entry, status__in=ACTIVE_APPROACH_STATUSES).select_related("case")
    for approach in active:
        case = lock_case(approach.case)
        remind(case, ReminderKind.FAMILY_LEFT, key=str(approach.pk))
        _fail(
            approach,
            status=ApproachStatus.CANCELLED,
            reason=reason or str(ENTRY_LEFT_REGISTER),
            on=timezone.localdate(),
            actor=None,
        )
        count += 1
    return count
