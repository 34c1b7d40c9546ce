"""The life of a decision after delivery (see ``services.decisions``): an appeal in time suspends finality, a late
one (LATE_APPEAL) is recorded and forwarded but does not; forwarding to the appellate body (APPEAL_FORWARDING);
waiver (APPEAL_WAIVER); the appellate outcome takes effect on delivery (APPEAL_OUTCOME_EFFECT); finality after the
appeal period (FINALITY), when a removal or a pause takes effect."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.models import User
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import AppealOutcome, Decision, DecisionKind
from workflows.applicant_journey.services.decisions import (
    ALREADY_FINAL,
    APPEAL_EXISTS,
    APPEAL_NOTE,
    APPEAL_PENDING,
    FINAL_NOTE,
    IN_FLOW,
    LATE_SUFFIX,
    NO_APPEAL,
    NOT_DELIVERED,
    OUTCOME_DELIVERY_REQUIRED,
    PERIOD_RUNNING,
    _audit,
    _day,
    _event,
    _locked,
    _not_before_delivery,
    _not_future,
)
from workflows.applicant_journey.services.tasks import StepError
from workflows.applicant_journey.services.tasks import today as clock_today


def _not_inclusion(decision: Decision) -> None:
    if decision.kind == DecisionKind.INCLUSION:
        raise StepError(IN_FLOW, "in_flow")
    if decision.effective_date is not None or decision.appeal_outcome:
        raise StepError(ALREADY_FINAL, "conflict")


@transaction.atomic
def decision_appeal(*, decision: Decision, actor: User, filed_on: date, today=None, request=None) -> Decision:
    """An appeal: in time it suspends finality; late (LATE_APPEAL) it is recorded and forwarded but does not."""
    today = today or clock_today()
    decision = _locked(decision)
    _not_inclusion(decision)
    if decision.appeal_filed_on is not None:
        raise StepError(APPEAL_EXISTS, "conflict")
    _not_future("filed_on", filed_on, today)
    _not_before_delivery("filed_on", filed_on, decision)
    decision.appeal_filed_on = filed_on
    decision.appeal_late = deadlines.is_appeal_late(delivered_on=decision.delivered_on, filed_on=filed_on)
    decision.save(update_fields=["appeal_filed_on", "appeal_late"])
    note = APPEAL_NOTE % {
        "number": decision.number,
        "filed": _day(filed_on),
        "late": LATE_SUFFIX if decision.appeal_late else "",
        "forward": _day(decision.appeal_forward_by),
        "law": law.cite("APPEAL_FORWARDING", "short"),
    }
    _event(
        decision,
        actor,
        note,
        rule="LATE_APPEAL" if decision.appeal_late else "APPEAL_PERIOD",
        late=decision.appeal_late,
        forward_by=decision.appeal_forward_by.isoformat(),
    )
    _audit(decision, actor, "appeal", request)
    return decision


@transaction.atomic
def decision_forward(*, decision: Decision, actor: User, forwarded_on: date, today=None, request=None) -> Decision:
    """APPEAL_FORWARDING: the office sends the appeal with the file to the appellate body (recorded with its date;
    a forwarding after the 30 days is kept as it happened, the case shows it as overdue)."""
    today = today or clock_today()
    decision = _locked(decision)
    if decision.appeal_filed_on is None:
        raise StepError(NO_APPEAL, "no_appeal")
    if decision.appeal_forwarded_on is not None:
        raise StepError(_("Odvolání už bylo postoupeno."), "conflict")
    _not_future("forwarded_on", forwarded_on, today)
    if forwarded_on < decision.appeal_filed_on:
        raise ValidationError({"forwarded_on": _("Postoupit nelze před podáním odvolání.")})
    decision.appeal_forwarded_on = forwarded_on
    decision.save(update_fields=["appeal_forwarded_on"])
    _event(decision, actor, _("Odvolání postoupeno odvolacímu orgánu %(date)s.") % {"date": _day(forwarded_on)})
    _audit(decision, actor, "forward", request)
    return decision


@transaction.atomic
def decision_waive(*, decision: Decision, actor: User, waived_on: date, today=None, request=None) -> Decision:
    """APPEAL_WAIVER: final on the day the waiver reached the office (never before delivery)."""
    today = today or clock_today()
    decision = _locked(decision)
    _not_inclusion(decision)
    if decision.appeal_filed_on is not None and not decision.appeal_late:
        raise StepError(APPEAL_EXISTS, "conflict")
    _not_future("waived_on", waived_on, today)
    _not_before_delivery("waived_on", waived_on, decision)
    decision.appeal_waived_on = waived_on
    decision.save(update_fields=["appeal_waived_on"])
    effective = deadlines.effective_on_waiver(delivered_on=decision.delivered_on, waived_on=waived_on)
    return _make_final(decision, actor, effective, "APPEAL_WAIVER", request)


@transaction.atomic
def decision_finalize(*, decision: Decision, actor: User, today=None, request=None) -> Decision:
    """FINALITY: once the appeal period has run with no appeal in time, the decision is final the day after."""
    today = today or clock_today()
    decision = _locked(decision)
    _not_inclusion(decision)
    if decision.delivered_on is None:
        raise StepError(NOT_DELIVERED, "not_delivered")
    if decision.suspended_by_appeal:
        raise StepError(APPEAL_PENDING, "appeal_pending")
    last_day = decision.appeal_deadline
    if today <= last_day:
        raise StepError(PERIOD_RUNNING % {"date": _day(last_day)}, "appeal_period")
    return _make_final(decision, actor, deadlines.effective_without_appeal(decision.delivered_on), "FINALITY", request)


@transaction.atomic
def decision_appeal_outcome(
    *, decision: Decision, actor: User, outcome: str, delivered_on: date | None, today=None, request=None
) -> Decision:
    """The appellate body decided an appeal in time: upheld, the decision is final on the delivery of that outcome
    (APPEAL_OUTCOME_EFFECT); changed or annulled, it never takes effect."""
    today = today or clock_today()
    decision = _locked(decision)
    _not_inclusion(decision)
    if not decision.suspended_by_appeal:
        raise StepError(NO_APPEAL, "no_appeal")
    if outcome not in AppealOutcome.values:
        raise ValidationError({"outcome": _("Neplatný výsledek odvolání.")})
    if delivered_on is None:
        raise ValidationError({"delivered_on": OUTCOME_DELIVERY_REQUIRED})
    _not_future("delivered_on", delivered_on, today)
    if delivered_on < decision.appeal_filed_on:
        raise ValidationError({"delivered_on": _("Datum nemůže být dřívější než podání odvolání.")})
    decision.appeal_outcome = outcome
    decision.appeal_outcome_delivered_on = delivered_on
    decision.save(update_fields=["appeal_outcome", "appeal_outcome_delivered_on"])
    if outcome == AppealOutcome.UPHELD:
        return _make_final(decision, actor, delivered_on, "APPEAL_OUTCOME_EFFECT", request)
    _event(decision, actor, _("Odvolací orgán rozhodnutí č. j. %(n)s změnil nebo zrušil.") % {"n": decision.number})
    _audit(decision, actor, "appeal_outcome", request)
    return decision


def _make_final(decision: Decision, actor, effective: date, rule: str, request) -> Decision:
    from workflows.applicant_journey.services import life

    decision.effective_date = effective
    decision.save(update_fields=["effective_date"])
    _event(
        decision,
        actor,
        FINAL_NOTE % {"number": decision.number, "date": _day(effective), "law": law.cite(rule, "short")},
        rule=rule,
    )
    _audit(decision, actor, "final", request)
    if decision.kind == DecisionKind.REMOVAL and decision.entry_id:
        from workflows.applicant_journey.services.register import register_entry_remove

        reason = f"{decision.number}: {decision.reasons}"
        register_entry_remove(entry=decision.entry, actor=actor, reason=reason, request=request)
    elif decision.kind == DecisionKind.PAUSE and decision.entry_id:
        life.pause_start(
            entry=decision.entry,
            actor=actor,
            origin="decision",
            reason=f"{decision.number}: {decision.reasons}",
            started_on=effective,
            until=decision.pause_until,
            decision=decision,
            request=request,
        )
    return decision
