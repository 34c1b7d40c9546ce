"""The child's case: proposal by OSPOD, entry in the register, national search, ÚMPOD flag, closure."""

from __future__ import annotations

from datetime import date
from typing import NoReturn

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.choices import CareType, LegalStatus
from nrp.core.demo import REGION_SLUG
from nrp.core.exceptions import ConflictError
from nrp.core.models import Orp
from workflows.child_mediation import permissions
from workflows.child_mediation.models import (
    ACTIVE_APPROACH_STATUSES,
    ADOPTION_NEEDS_FREE_CHILD,
    Approach,
    ApproachStatus,
    CaseReminder,
    Child,
    ChildCase,
    ChildCaseStatus,
    ClosureReason,
    ReminderKind,
)
from workflows.child_mediation.services.common import audit, flags_of, lock_case, refusal, remind, require_officer

NO_CHILDREN = _("Případ musí obsahovat alespoň jedno dítě.")
NOT_PROPOSED = _("Do evidence lze zařadit jen dítě navržené OSPOD, které dosud v evidenci není.")
NOT_WAITING = _("Do celostátního hledání lze předat jen dítě v evidenci, pro které se hledá rodina.")
ALREADY_FINISHED = _("Případ je již uzavřen nebo dítě svěřeno do péče.")
CLOSURE_NEEDS_NOTE = _("Uveďte zdůvodnění uzavření případu.")
REGISTERED_IN_FUTURE = _("Datum zařazení do evidence nemůže být v budoucnosti.")
DUPLICATE_CHILD = _(
    "Dítě %(name)s (nar. %(born)s) je v této ORP už navrženo a jeho případ je otevřený (%(refs)s). Jde-li o jiné "
    "dítě, potvrďte návrh."
)
CLOSED_IN_FUTURE = _("Datum uzavření nemůže být v budoucnosti.")
CLOSED_BEFORE_CASE = _("Datum uzavření nemůže být dříve, než případ vznikl (%(date)s).")

FINISHED = (ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED)


class DuplicateChildError(ConflictError):
    """A child of the proposal is already proposed in the same ORP and its case is still open (``existing``)."""

    def __init__(self, message, existing: list[ChildCase]) -> None:
        super().__init__(message, "duplicate_child")
        self.existing = existing


def open_cases_of_same_child(orp: Orp, children: list[dict]) -> list[ChildCase]:
    """Open cases of ``orp`` with a child of the same name and birth date as one of ``children`` (case-blind)."""
    match = Q(pk__in=[])
    for data in children:
        match |= Q(
            children__first_name__iexact=str(data.get("first_name", "")).strip(),
            children__last_name__iexact=str(data.get("last_name", "")).strip(),
            children__date_of_birth=data.get("date_of_birth"),
        )
    return list(
        ChildCase.objects.filter(match, orp=orp).exclude(status__in=FINISHED).distinct().order_by("proposed_at")
    )


def _same_child_key(first_name: str, last_name: str, born) -> tuple:
    return (str(first_name).strip().casefold(), str(last_name).strip().casefold(), born)


def _refuse_duplicate(existing: list[ChildCase], children: list[dict]) -> NoReturn:
    known = {
        _same_child_key(c.first_name, c.last_name, c.date_of_birth) for c in Child.objects.filter(case__in=existing)
    }
    child = next(
        (d for d in children if _same_child_key(d["first_name"], d["last_name"], d["date_of_birth"]) in known),
        children[0],
    )
    message = DUPLICATE_CHILD % {
        "name": f"{child['first_name']} {child['last_name']}".strip(),
        "born": child["date_of_birth"].strftime("%d. %m. %Y"),
        "refs": ", ".join(case.reference for case in existing),
    }
    raise DuplicateChildError(message, existing)


def next_reference(region, year: int) -> str:
    prefix = f"{REGION_SLUG.get(region.code, region.nuts3).upper()}-{year}-"
    last = (
        ChildCase.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
    ).first()
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def case_propose(
    *,
    proposed_by,
    orp: Orp,
    care_types_sought: list[str],
    children: list[dict],
    contact_plan: str = "none",
    birth_family_orp: Orp | None = None,
    wishes: str = "",
    wishes_how_heard: str = "",
    siblings_separation_reason: str = "",
    household_position: str = "",
    notes: str = "",
    now=None,
    reference: str | None = None,
    confirm_duplicate: bool = False,
) -> ChildCase:
    """OSPOD of the child's ORP proposes a child (or a sibling group, one case) for mediation.

    A child already proposed in the ORP (same name and birth date) whose case is still open is refused with
    ``DuplicateChildError`` (409 ``duplicate_child``) unless ``confirm_duplicate`` says it is another child."""
    if proposed_by is not None and not permissions.may_propose_for_orp(proposed_by, orp):
        raise refusal(permissions.NOT_THE_CHILDS_OSPOD, "not_childs_ospod")
    if not children:
        raise refusal(NO_CHILDREN, "no_children")
    now = now or timezone.now()
    region = orp.region
    # Serialise reference numbering per region (two OSPODs proposing at once).
    type(region).objects.select_for_update().get(pk=region.pk)
    # Under the region's lock: two proposals of one child at once see each other. A proposal by the system itself
    # (proposed_by None: the demo, an import of paper files) is not asked.
    duplicates = open_cases_of_same_child(orp, children) if proposed_by is not None else []
    if duplicates and not confirm_duplicate:
        _refuse_duplicate(duplicates, children)
    case = ChildCase(
        reference=reference or next_reference(region, timezone.localdate(now).year),
        region=region,
        orp=orp,
        care_types_sought=list(care_types_sought),
        contact_plan=contact_plan,
        birth_family_orp=birth_family_orp,
        wishes=wishes,
        wishes_how_heard=wishes_how_heard,
        siblings_separation_reason=siblings_separation_reason,
        household_position=household_position,
        notes=notes,
        proposed_at=now,
    )
    case.full_clean()
    # A child not yet legally free sought for adoption and foster care: foster care is sought now, adoption opens
    # when the evidence is in (LEGALLY_FREE, services/readiness.py). Adoption alone would leave nothing to seek.
    not_free = any(c["legal_status"] != LegalStatus.FREE for c in children)
    if not_free and set(case.care_types_sought) == {CareType.ADOPTION}:
        raise refusal(ADOPTION_NEEDS_FREE_CHILD, "adoption_needs_free_child", field="care_types_sought")
    case.save()
    for data in children:
        child = Child(case=case, **data)
        child.full_clean()
        child.save()
    flags_of(case)
    details = {"duplicate_of": [c.pk for c in duplicates]} if duplicates else {}
    audit(proposed_by, AuditAction.CREATE, case, case, children=len(children), **details)
    from workflows.child_mediation.flows import process_start

    process_start(case=case, actor=proposed_by)
    return case


@transaction.atomic
def case_register(*, case: ChildCase, officer, registered_on: date | None = None) -> ChildCase:
    """KÚ enters the proposed child in the regional children register (evidence dětí)."""
    case = lock_case(case)
    require_officer(officer, case)
    if case.status != ChildCaseStatus.PROPOSED:
        raise refusal(NOT_PROPOSED, "case_not_proposed")
    registered_on = registered_on or timezone.localdate()
    if registered_on > timezone.localdate():
        raise refusal(REGISTERED_IN_FUTURE, "date_in_future", field="registered_on")
    case.status = ChildCaseStatus.WAITING
    case.registered_on = registered_on
    case.save(update_fields=["status", "registered_on"])
    audit(officer, AuditAction.TASK, case, case, step="register")
    from workflows.child_mediation.flows import process_registered

    process_registered(case=case, actor=officer)
    return case


@transaction.atomic
def case_escalate_national(*, case: ChildCase, actor=None, today: date | None = None) -> ChildCase:
    """Hand the case to the nationwide search (celostátní hledání) – by the cron or the officer."""
    case = lock_case(case)
    require_officer(actor, case)
    if case.status != ChildCaseStatus.WAITING:
        raise refusal(NOT_WAITING, "case_not_waiting")
    today = today or timezone.localdate()
    flags = flags_of(case)
    flags.national_since = today
    flags.save(update_fields=["national_since"])
    case.status = ChildCaseStatus.NATIONAL
    case.save(update_fields=["status"])
    remind(case, ReminderKind.NATIONAL, key=today.isoformat(), for_ospod=True, due_on=today)
    audit(actor, AuditAction.TASK, case, case, step="national")
    return case


@transaction.atomic
def case_flag_intercountry(*, case: ChildCase, today: date | None = None) -> bool:
    """6 months in the register without adoption mediation: offer to ÚMPOD and tell the ORP (idempotent)."""
    case = lock_case(case)
    flags = flags_of(case)
    if flags.intercountry_flagged_on or case.status in FINISHED:
        return False
    today = today or timezone.localdate()
    flags.intercountry_flagged_on = today
    flags.save(update_fields=["intercountry_flagged_on"])
    # The ORP is told (zákon o SPOD): the reminder goes to the child's OSPOD as well.
    remind(case, ReminderKind.INTERCOUNTRY, for_ospod=True, due_on=today)
    audit(None, AuditAction.TASK, case, case, step="intercountry")
    return True


def resume_search_status(case: ChildCase) -> str:
    """Where the search continues after a failed match: the national queue once escalated, else the region."""
    return ChildCaseStatus.NATIONAL if flags_of(case).national_since else ChildCaseStatus.WAITING


def case_began_on(case: ChildCase) -> date:
    """The day the case existed from: its proposal, or an earlier entry in the register (a case carried over)."""
    proposed = timezone.localdate(case.proposed_at)
    return min(proposed, case.registered_on) if case.registered_on else proposed


def check_closure_date(case: ChildCase, closed_on: date) -> None:
    """A case closes neither in the future nor before it existed (codes ``date_in_future``, ``date_before_case``)."""
    if closed_on > timezone.localdate():
        raise refusal(CLOSED_IN_FUTURE, "date_in_future", field="closed_on")
    began = case_began_on(case)
    if closed_on < began:
        message = CLOSED_BEFORE_CASE % {"date": began.strftime("%d. %m. %Y")}
        raise refusal(message, "date_before_case", field="closed_on")


@transaction.atomic
def case_close(*, case: ChildCase, officer, reason: str, note: str, closed_on: date | None = None) -> ChildCase:
    """Close a case without placement (returned home, adulthood, other solution), with reasons."""
    case = lock_case(case)
    require_officer(officer, case)
    if case.status in FINISHED:
        raise refusal(ALREADY_FINISHED, "case_finished")
    if reason not in ClosureReason.values:
        raise refusal(_("Vyberte důvod uzavření."), "reason_required", field="reason")
    if not note.strip():
        raise refusal(CLOSURE_NEEDS_NOTE, "note_required", field="note")
    closed_on = closed_on or timezone.localdate()
    check_closure_date(case, closed_on)
    Approach.objects.filter(case=case, status__in=ACTIVE_APPROACH_STATUSES).update(
        status=ApproachStatus.CANCELLED, answered_on=closed_on, reason=str(_("Případ dítěte uzavřen."))
    )
    flags = flags_of(case)
    flags.closure_reason, flags.closure_note, flags.closed_on = reason, note.strip(), closed_on
    flags.save(update_fields=["closure_reason", "closure_note", "closed_on"])
    case.status = ChildCaseStatus.CLOSED
    case.save(update_fields=["status"])
    CaseReminder.objects.filter(case=case).update(done=True)
    audit(officer, AuditAction.TASK, case, case, step="close", reason=reason)
    from workflows.child_mediation.flows import process_finish

    process_finish(case=case, actor=officer)
    return case
