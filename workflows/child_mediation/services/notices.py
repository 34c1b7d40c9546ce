"""The written notice of the §24 selection (SELECTION): prepared, sent through a recorded channel, delivered; the
30-day window (SELECTION_NOTICE_30_DAYS) and its one extension (SELECTION_EXTENSION) run from delivery (DELIVERY,
counted by DEADLINE_COUNTING). Meetings arranged for the family, and the checks every answer passes.

Nothing is recorded as sent that was not: the automatic next approach (after a decline or a lapse) only prepares
a draft (``automatic=True``, no author); an officer sends it and records its delivery.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.core.exceptions import ConflictError, ServiceError
from nrp.notifications import events as notifications
from workflows.child_mediation import deadlines
from workflows.child_mediation.models import Approach, ApproachStatus
from workflows.child_mediation.models_notices import (
    ApproachAnswer,
    ApproachMeeting,
    ApproachNotice,
    NoticeChannel,
    NoticeStatus,
)
from workflows.child_mediation.services.common import audit, lock_case, require_officer

NOT_A_DRAFT = _("Vyrozumění už bylo odesláno; znovu je odeslat nelze.")
NOT_SENT = _("Doručení lze zaznamenat jen u odeslaného vyrozumění.")
APPROACH_ENDED = _("Oslovení už skončilo; s vyrozuměním nelze pracovat.")
SENT_IN_FUTURE = _("Datum odeslání nemůže být v budoucnosti.")
DELIVERED_IN_FUTURE = _("Datum doručení nemůže být v budoucnosti.")
DELIVERED_BEFORE_SENT = law.message(
    _("Vyrozumění nemohlo být doručeno dříve, než bylo odesláno (%(law)s)."), law="DELIVERY"
)
CHANNEL_REQUIRED = _("Vyberte způsob doručení.")
IN_PERSON_SAME_DAY = _("Při osobním předání je den odeslání i doručení stejný.")
MEETING_PLACE_REQUIRED = _("Uveďte místo schůzky.")
ANSWER_IN_FUTURE = _("Datum odpovědi nemůže být v budoucnosti.")
ANSWER_BEFORE_DELIVERY = law.message(
    _("Odpověď nemůže předcházet doručení vyrozumění (%(law)s)."), law="SELECTION_NOTICE_30_DAYS"
)
ANSWER_AFTER_DEADLINE = law.message(
    _("Lhůta k podání návrhu soudu uplynula %%(deadline)s; odpověď po lhůtě nelze přijmout (%(law)s)."),
    law="SELECTION_NOTICE_30_DAYS",
)
NOT_DELIVERED_YET = law.message(
    _("Vyrozumění ještě nebylo doručeno; lhůta běží až od doručení (%(law)s)."), law="SELECTION_NOTICE_30_DAYS"
)
COURT_REQUIRED = _("Uveďte soud, u něhož rodina podala návrh na svěření dítěte.")
FILED_ON_REQUIRED = _("Uveďte datum podání návrhu soudu.")
FILED_IN_FUTURE = _("Datum podání návrhu nemůže být v budoucnosti.")
FILED_BEFORE_DELIVERY = law.message(
    _("Návrh soudu nemohl být podán před doručením vyrozumění (%(law)s)."), law="SELECTION_NOTICE_30_DAYS"
)
FILED_AFTER_DEADLINE = law.message(
    _("Návrh byl podán po lhůtě, která uplynula %%(deadline)s (%(law)s)."), law="SELECTION_NOTICE_30_DAYS"
)
FILED_AFTER_ANSWER = _("Datum podání návrhu nemůže být pozdější než datum odpovědi.")
DECLINE_NEEDS_REASON = _("Uveďte důvod odmítnutí.")


def _day(value: date) -> str:
    return value.strftime("%d. %m. %Y")


def _locked_notice(notice: ApproachNotice) -> ApproachNotice:
    lock_case(notice.approach.case)
    notice = ApproachNotice.objects.select_for_update().select_related("approach__case").get(pk=notice.pk)
    if notice.approach.status != ApproachStatus.OPEN:
        raise ConflictError(APPROACH_ENDED, "approach_ended")
    return notice


def notice_for(approach: Approach) -> ApproachNotice:
    """The approach's notice; an approach made outside the services (synthetic data) gets a draft for the record."""
    notice, _created = ApproachNotice.objects.get_or_create(
        approach=approach, defaults={"prepared_by": approach.created_by}
    )
    return notice


def notice_prepare(*, approach: Approach, prepared_by, automatic: bool) -> ApproachNotice:
    """A draft notice for a new approach (in the caller's transaction). Nothing is sent, no window runs."""
    notice = ApproachNotice.objects.create(
        approach=approach, automatic=automatic, prepared_by=None if automatic else prepared_by
    )
    audit(prepared_by if not automatic else None, AuditAction.CREATE, notice, approach.case, automatic=automatic)
    return notice


def _deliver(notice: ApproachNotice, *, officer, delivered_on: date) -> None:
    """DELIVERY: the window to ask the court starts; ``Approach.notified_on`` is the day of delivery."""
    notice.status = NoticeStatus.DELIVERED
    notice.delivered_on = delivered_on
    notice.delivery_recorded_by = officer
    notice.delivery_recorded_at = timezone.now()
    notice.save()
    approach = notice.approach
    approach.notified_on = delivered_on
    approach.deadline = deadlines.court_request_deadline(delivered_on, extended_by=approach.extended_by_days)
    approach.save(update_fields=["notified_on", "deadline"])
    # The family and its guide are also told in NRP (and by e-mail), with the deadline that now runs.
    notifications.approach_started(approach)


@transaction.atomic
def notice_send(
    *,
    notice: ApproachNotice,
    officer,
    channel: str,
    sent_on: date,
    reference: str = "",
    today: date | None = None,
) -> ApproachNotice:
    """The officer records that the notice left the office (channel and day). In person it is delivered the same
    day; by post or data box the window starts only when the delivery is recorded."""
    notice = _locked_notice(notice)
    require_officer(officer, notice.approach.case)
    today = today or timezone.localdate()
    if notice.status != NoticeStatus.DRAFT:
        raise ConflictError(NOT_A_DRAFT, "notice_already_sent")
    if channel not in NoticeChannel.values:
        raise ServiceError(CHANNEL_REQUIRED, "notice_channel_required", field="channel")
    if sent_on is None or sent_on > today:
        raise ServiceError(SENT_IN_FUTURE, "notice_sent_in_future", field="sent_on")
    notice.status = NoticeStatus.SENT
    notice.channel = channel
    notice.sent_on = sent_on
    notice.sent_by = officer
    notice.sent_reference = reference.strip()
    notice.save()
    if channel == NoticeChannel.IN_PERSON:
        _deliver(notice, officer=officer, delivered_on=sent_on)
    audit(officer, AuditAction.UPDATE, notice, notice.approach.case, step="notice_sent", channel=channel)
    return notice


@transaction.atomic
def notice_record_delivery(
    *, notice: ApproachNotice, officer, delivered_on: date, today: date | None = None
) -> ApproachNotice:
    """DELIVERY: the day the family received the notice (the dodejka, the data box's delivery note)."""
    notice = _locked_notice(notice)
    require_officer(officer, notice.approach.case)
    today = today or timezone.localdate()
    if notice.status != NoticeStatus.SENT:
        raise ConflictError(NOT_SENT, "notice_not_sent")
    if delivered_on is None or delivered_on > today:
        raise ServiceError(DELIVERED_IN_FUTURE, "notice_delivered_in_future", field="delivered_on")
    if notice.sent_on is not None and delivered_on < notice.sent_on:
        raise ServiceError(DELIVERED_BEFORE_SENT, "notice_delivered_before_sent", field="delivered_on")
    _deliver(notice, officer=officer, delivered_on=delivered_on)
    audit(officer, AuditAction.UPDATE, notice, notice.approach.case, step="notice_delivered")
    return notice


def notice_handed_over(*, approach: Approach, officer, on: date) -> ApproachNotice:
    """An officer's approach recorded with the day of the notice (the older screens and API): the notice handed
    over in person that day, in the officer's own name (in the caller's transaction)."""
    notice = notice_prepare(approach=approach, prepared_by=officer, automatic=False)
    notice.status = NoticeStatus.SENT
    notice.channel = NoticeChannel.IN_PERSON
    notice.sent_on = on
    notice.sent_by = officer
    _deliver(notice, officer=officer, delivered_on=on)
    return notice


@transaction.atomic
def meeting_add(
    *, approach: Approach, officer, kind: str, starts_at: datetime, place: str, note: str = ""
) -> ApproachMeeting:
    """A meeting for the approached family (studying the child's file, meeting the child: SELECTION)."""
    lock_case(approach.case)
    approach = Approach.objects.select_related("case").get(pk=approach.pk)
    require_officer(officer, approach.case)
    if approach.status != ApproachStatus.OPEN:
        raise ConflictError(APPROACH_ENDED, "approach_ended")
    if not place.strip():
        raise ServiceError(MEETING_PLACE_REQUIRED, "meeting_place_required", field="place")
    meeting = ApproachMeeting.objects.create(
        approach=approach, kind=kind, starts_at=starts_at, place=place.strip(), note=note.strip(), recorded_by=officer
    )
    audit(officer, AuditAction.CREATE, meeting, approach.case, kind=kind)
    return meeting


def check_answer(
    approach: Approach,
    *,
    accepted: bool,
    answered_on: date,
    court: str = "",
    filed_on: date | None = None,
    reason: str = "",
    require_filing: bool,
    today: date | None = None,
) -> None:
    """Every answer, the family's or one an officer records: not in the future, not before the notice was
    delivered, not after the deadline (SELECTION_NOTICE_30_DAYS, extended by SELECTION_EXTENSION); an acceptance
    names the court and the filing day (required when the family answers itself)."""
    today = today or timezone.localdate()
    if answered_on > today:
        raise ServiceError(ANSWER_IN_FUTURE, "answer_in_future", field="answered_on")
    delivered = approach.notified_on
    if accepted and delivered is None:
        raise ServiceError(NOT_DELIVERED_YET, "notice_not_delivered")
    if delivered is not None and answered_on < delivered:
        raise ServiceError(ANSWER_BEFORE_DELIVERY, "answer_before_delivery", field="answered_on")
    deadline = approach.deadline
    if approach.status == ApproachStatus.OPEN and deadline is not None and answered_on > deadline:
        raise ServiceError(
            ANSWER_AFTER_DEADLINE % {"deadline": _day(deadline)}, "answer_after_deadline", field="answered_on"
        )
    if not accepted:
        if not reason.strip():
            raise ServiceError(DECLINE_NEEDS_REASON, "decline_needs_reason", field="reason")
        return
    if require_filing and not court.strip():
        raise ServiceError(COURT_REQUIRED, "court_required", field="court")
    if require_filing and filed_on is None:
        raise ServiceError(FILED_ON_REQUIRED, "filed_on_required", field="filed_on")
    if filed_on is None:
        return
    if filed_on > today:
        raise ServiceError(FILED_IN_FUTURE, "filed_in_future", field="filed_on")
    if delivered is not None and filed_on < delivered:
        raise ServiceError(FILED_BEFORE_DELIVERY, "filed_before_delivery", field="filed_on")
    if deadline is not None and filed_on > deadline:
        raise ServiceError(
            FILED_AFTER_DEADLINE % {"deadline": _day(deadline)}, "filed_after_deadline", field="filed_on"
        )
    if filed_on > answered_on:
        raise ServiceError(FILED_AFTER_ANSWER, "filed_after_answer", field="filed_on")


def answer_record(
    approach: Approach,
    *,
    actor,
    accepted: bool,
    answered_on: date,
    court: str = "",
    filed_on: date | None = None,
    reason: str = "",
    by_family: bool,
) -> ApproachAnswer:
    """Keep the answer with who gave it (in the caller's transaction, after ``check_answer``)."""
    return ApproachAnswer.objects.create(
        approach=approach,
        accepted=accepted,
        answered_on=answered_on,
        court=court.strip() if accepted else "",
        filed_on=filed_on if accepted else None,
        reason=reason.strip(),
        by_family=by_family,
        answered_by=actor,
    )
