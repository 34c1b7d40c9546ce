"""Decisions as správní řád has them (see ``models.decisions``): issue, delivery, waiver, appeal (in time or late),
forwarding to the appellate body, the appellate outcome and finality, with the effect of a removal or a pause
when it becomes final. The inspection gate: a negative decision only after the applicant's period to respond
(FILE_INSPECTION, ``services.inspection``).

The KÚ's decision on inclusion is issued by the flow's decision step (``decision_record``) and its appeal and
finality follow the flow's own steps; ``sync_inclusion`` mirrors them on the decision's row. All other decisions
run their whole life here and in ``decision_appeals`` (appeal, forwarding, waiver, appellate outcome, finality).
"""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.models import User
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    KIND_LAW,
    ApplicantJourney,
    ApplicantRegisterEntry,
    Decision,
    DecisionKind,
    DeliveryMethod,
    EventKind,
    RegisterStatus,
)
from workflows.applicant_journey.services.inspection import inspection_gate
from workflows.applicant_journey.services.tasks import StepError, record_event
from workflows.applicant_journey.services.tasks import today as clock_today

DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
REASONS_REQUIRED = law.message(
    _("Nevyhovující rozhodnutí musí obsahovat odůvodnění (%(law)s)."), law="DECISION_REASONS"
)
BEFORE_ISSUE = _("Doručit nelze dříve, než bylo rozhodnutí vydáno.")
ALREADY_DELIVERED = _("Rozhodnutí už bylo doručeno.")
NOT_DELIVERED = _("Rozhodnutí zatím nebylo doručeno; lhůta pro odvolání ještě neběží.")
BEFORE_DELIVERY = _("Datum nemůže být dřívější než doručení rozhodnutí (%(date)s).")
ALREADY_FINAL = _("Rozhodnutí už nabylo právní moci.")
APPEAL_EXISTS = _("Odvolání už je zaznamenáno.")
NO_APPEAL = _("K rozhodnutí není zaznamenáno odvolání.")
PERIOD_RUNNING = law.message(
    _("Lhůta pro odvolání běží do %%(date)s (%(law)s); právní moc zatím nenastala."), law="APPEAL_PERIOD"
)
APPEAL_PENDING = law.message(
    _("Včas podané odvolání má odkladný účinek: rozhodnutí nabude právní moci až po rozhodnutí o odvolání (%(law)s)."),
    law="LATE_APPEAL",
)
IN_FLOW = _("Odvolání a právní moc rozhodnutí o zařazení se zapisují v úkolu „Odvolání nebo právní moc“.")
NOT_IN_REGISTER = _("Rodina není v evidenci žadatelů.")
UNKNOWN_METHOD = _("Vyberte způsob doručení.")
ALREADY_PAUSED = _("Zprostředkování této rodiny už je přerušeno.")
PAUSE_UNTIL_BEFORE = _("Konec přerušení musí být po datu rozhodnutí.")
OUTCOME_DELIVERY_REQUIRED = law.message(
    _("Zadejte datum doručení rozhodnutí o odvolání: právní moci nabývá doručením (%(law)s)."),
    law="APPEAL_OUTCOME_EFFECT",
)
# Notes in the journey's history.
ISSUED_NOTE = _("Vydáno rozhodnutí č. j. %(number)s: %(kind)s (%(law)s).")
DELIVERED_NOTE = _("Rozhodnutí č. j. %(number)s doručeno %(how)s dne %(date)s; lhůta pro odvolání do %(last)s.")
APPEAL_NOTE = _(
    "Odvolání proti rozhodnutí č. j. %(number)s podáno %(filed)s%(late)s; postoupit do %(forward)s (%(law)s)."
)
LATE_SUFFIX = _(" po lhůtě – nemá odkladný účinek")
FINAL_NOTE = _("Rozhodnutí č. j. %(number)s nabylo právní moci %(date)s (%(law)s).")


def _day(value: date) -> str:
    return value.strftime("%d. %m. %Y")


def _not_future(field: str, value: date | None, today: date) -> None:
    if value is not None and value > today:
        raise ValidationError({field: DATE_IN_FUTURE})


def _not_before_delivery(field: str, value: date, decision: Decision) -> None:
    if decision.delivered_on is None:
        raise StepError(NOT_DELIVERED, "not_delivered")
    if value < decision.delivered_on:
        raise ValidationError({field: BEFORE_DELIVERY % {"date": _day(decision.delivered_on)}})


def _number(decision: Decision) -> str:
    """Číslo jednací: the authority, the year and the decision's serial number (unique)."""
    authority = "ORP" if decision.kind == DecisionKind.ORP_REFUSAL else f"KU{decision.region_id}"
    return f"NRP-{authority}/{decision.issued_on.year}/{decision.pk:06d}"


def _event(decision: Decision, actor, note, **data) -> None:
    record_event(
        decision.journey,
        actor=actor,
        kind=EventKind.STEP,
        step="decision",
        note=str(note),
        decision=decision.pk,
        **data,
    )


def _audit(decision: Decision, actor, what: str, request=None) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE if what != "issue" else AuditAction.CREATE,
        obj=decision,
        household=decision.journey.household,
        region=decision.region,
        request=request,
        details={"decision": decision.pk, "kind": decision.kind, "what": what},
    )


def decision_create(
    *,
    journey: ApplicantJourney,
    actor: User,
    kind: str,
    issued_on: date,
    reasons: str,
    negative: bool = True,
    delivery_method: str = "",
    delivered_on: date | None = None,
    entry: ApplicantRegisterEntry | None = None,
    pause_until: date | None = None,
    today: date | None = None,
    request=None,
) -> Decision:
    """Write a decision (in the caller's transaction): DECISION_REASONS for a negative one, the inspection gate
    (FILE_INSPECTION) before it, the legal basis of its kind (``KIND_LAW``)."""
    today = today or clock_today()
    _not_future("issued_on", issued_on, today)
    _not_future("delivered_on", delivered_on, today)
    if negative and not reasons.strip():
        raise ValidationError({"reasons": REASONS_REQUIRED})
    if delivered_on is not None and delivered_on < issued_on:
        raise ValidationError({"delivered_on": BEFORE_ISSUE})
    if delivery_method and delivery_method not in DeliveryMethod.values:
        raise ValidationError({"delivery_method": UNKNOWN_METHOD})
    if delivered_on is not None and not delivery_method:
        raise ValidationError({"delivery_method": UNKNOWN_METHOD})
    if negative:
        since = entry.effective_date if entry is not None and kind != DecisionKind.INCLUSION else None
        inspection_gate(journey, on_day=issued_on, since=since)
    decision = Decision(
        journey=journey,
        entry=entry,
        region=journey.region,
        kind=kind,
        negative=negative,
        number="",
        issued_on=issued_on,
        issued_by=actor,
        reasons=reasons.strip(),
        legal_basis=KIND_LAW[kind],
        pause_until=pause_until,
        delivery_method=delivery_method,
        delivered_on=delivered_on,
    )
    decision.number = f"tmp-{uuid4().hex}"  # the serial number is the row's id
    decision.save()
    decision.number = _number(decision)
    decision.save(update_fields=["number"])
    law_text = law.cite(decision.legal_basis, "short")
    _event(
        decision, actor, ISSUED_NOTE % {"number": decision.number, "kind": decision.get_kind_display(), "law": law_text}
    )
    _audit(decision, actor, "issue", request)
    return decision


def _locked(decision: Decision) -> Decision:
    return Decision.objects.select_for_update(of=("self",)).select_related("journey", "entry").get(pk=decision.pk)


@transaction.atomic
def decision_issue_for_entry(
    *,
    entry: ApplicantRegisterEntry,
    actor: User,
    kind: str,
    issued_on: date,
    reasons: str,
    delivery_method: str = "",
    delivered_on: date | None = None,
    pause_until: date | None = None,
    today: date | None = None,
    request=None,
) -> Decision:
    """The KÚ decides to remove a family (REGISTER_REMOVAL) or to pause its selection (SELECTION_PAUSE). Nothing
    changes in the register until the decision is final (FINALITY); see ``decision_finalize``."""
    from workflows.applicant_journey.services.register import _journey_of

    if kind not in (DecisionKind.REMOVAL, DecisionKind.PAUSE):
        raise ValidationError({"kind": _("Neplatný druh rozhodnutí.")})
    entry = ApplicantRegisterEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status not in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
        raise StepError(NOT_IN_REGISTER, "conflict")
    if kind == DecisionKind.PAUSE and entry.status == RegisterStatus.PAUSED:
        raise StepError(ALREADY_PAUSED, "conflict")
    if pause_until is not None and pause_until <= issued_on:
        raise ValidationError({"pause_until": PAUSE_UNTIL_BEFORE})
    journey = _journey_of(entry)
    decision = decision_create(
        journey=journey,
        actor=actor,
        kind=kind,
        issued_on=issued_on,
        reasons=reasons,
        delivery_method=delivery_method,
        delivered_on=delivered_on,
        entry=entry,
        pause_until=pause_until if kind == DecisionKind.PAUSE else None,
        today=today,
        request=request,
    )
    if delivered_on is not None:
        _delivered_event(decision, actor)
    return decision


def _delivered_event(decision: Decision, actor) -> None:
    note = DELIVERED_NOTE % {
        "number": decision.number,
        "how": decision.get_delivery_method_display(),
        "date": _day(decision.delivered_on),
        "last": _day(decision.appeal_deadline),
    }
    _event(decision, actor, note, rule="APPEAL_PERIOD", appeal_deadline=decision.appeal_deadline.isoformat())


@transaction.atomic
def decision_deliver(
    *, decision: Decision, actor: User, delivery_method: str, delivered_on: date, today=None, request=None
) -> Decision:
    """Delivery (datová schránka, post, in person): the appeal period runs from the day after (APPEAL_PERIOD)."""
    today = today or clock_today()
    decision = _locked(decision)
    if decision.delivered_on is not None:
        raise StepError(ALREADY_DELIVERED, "conflict")
    _not_future("delivered_on", delivered_on, today)
    if delivered_on < decision.issued_on:
        raise ValidationError({"delivered_on": BEFORE_ISSUE})
    if delivery_method not in DeliveryMethod.values:
        raise ValidationError({"delivery_method": UNKNOWN_METHOD})
    decision.delivery_method = delivery_method
    decision.delivered_on = delivered_on
    decision.save(update_fields=["delivery_method", "delivered_on"])
    _delivered_event(decision, actor)
    _audit(decision, actor, "deliver", request)
    return decision


def sync_inclusion(journey: ApplicantJourney) -> None:
    """Mirror the flow's appeal, waiver and finality of the inclusion decision on its row (called by the steps)."""
    decision = journey.decisions.filter(kind=DecisionKind.INCLUSION).order_by("-pk").first()
    if decision is None:
        return
    decision.appeal_filed_on = journey.appeal_filed_on
    decision.appeal_late = journey.appeal_late
    decision.appeal_outcome = journey.appeal_outcome
    decision.effective_date = journey.effective_date
    delivered = journey.decision_delivered_on
    # Final before the appeal period ran out with no appeal: the applicant waived it (APPEAL_WAIVER).
    waived = bool(journey.effective_date and delivered and not journey.appeal_filed_on) and (
        journey.effective_date <= deadlines.appeal_deadline(delivered)
    )
    decision.appeal_waived_on = journey.effective_date if waived else None
    decision.save(
        update_fields=["appeal_filed_on", "appeal_late", "appeal_outcome", "effective_date", "appeal_waived_on"]
    )


def decision_deadline_for(journey: ApplicantJourney, *, today: date | None = None) -> date | None:
    """DECISION_DEADLINE for the KÚ's decision on inclusion, counted from the start of proceedings (the filed
    application), 30 days more in a complex case, the expert assessment not counted."""
    today = today or clock_today()
    if journey.application_filed_on is None:
        return None
    return deadlines.decision_deadline(
        started_on=journey.application_filed_on,
        complex_case=hasattr(journey, "complex_case"),
        expert_from=journey.handed_over_on,
        expert_to=journey.assessment_done_on,
        today=today,
    )


def target_for(journey: ApplicantJourney, *, today: date | None = None) -> dict | None:
    """The 6–9-month target from application to the decision on inclusion: the window, and where the case is."""
    today = today or clock_today()
    if journey.application_filed_on is None:
        return None
    low, high = deadlines.TARGET_MONTHS
    start = journey.application_filed_on
    decided = journey.decision_date
    end = decided or today
    state = "within" if end <= deadlines.add_months(start, high) else "over"
    return {
        "from": deadlines.add_months(start, low),
        "to": deadlines.add_months(start, high),
        "decided_on": decided,
        "days": (end - start).days,
        "state": state,
    }


def forward_overdue(decision: Decision, today: date) -> bool:
    return (
        decision.appeal_filed_on is not None
        and decision.appeal_forwarded_on is None
        and (today > decision.appeal_forward_by)
    )
