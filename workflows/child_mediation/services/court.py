"""Court proceedings that may place a child outside the family, and the child's file they prompt.

COURT_PETITION_CHILD_FILE (§21): when the OSPOD files a petition (an interim measure, institutional care, a
decision that the parents' consent to adoption is not needed because of their lack of interest), it sends the
child's file to the regional office; the system opens the task with its deadline in the OSPOD's queue. Proceedings
on institutional care also open a task for the region's officers to ask the other regions again
(INSTITUTIONAL_CARE_SEARCH: the ombudsman's requirement), and the case shows that the search is to re-open.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.exceptions import ForbiddenError
from nrp.core.models import Orp
from workflows.child_mediation.legal import citations, policies
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.proceedings import CourtProceeding
from workflows.child_mediation.legal.vocabulary import ProceedingKind, TaskKind
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services.common import audit, lock_case
from workflows.child_mediation.services.legal_tasks import close_tasks, open_task
from workflows.child_mediation.services.readiness import NOT_ALLOWED, not_in_future, required_text

CASE_OR_CHILD = _("Vyberte případ dítěte, nebo (u dítěte, které ještě není v evidenci) uveďte, o které dítě jde.")
CASE_OF_OTHER_ORP = _("Případ dítěte patří jiné ORP.")
FILE_ALREADY_SENT = _("Spis dítěte k tomuto řízení už byl odeslán.")
SENT_BEFORE_FILED = _("Spis nemohl být odeslán před podáním návrhu soudu.")
CASE_NEEDED_TO_SEND = _("Spis se odesílá s případem dítěte: vyberte případ (dítě nejdříve navrhněte do evidence).")
INVALID_KIND = _("Vyberte druh řízení.")
ASK_OTHER_REGIONS_NOTE = citations.message(
    _("Zahájeno řízení o ústavní výchově: požádejte znovu ostatní kraje o vyhledání rodiny (%(law)s)."),
    law="INSTITUTIONAL_CARE_SEARCH",
)
SEND_FILE_NOTE = citations.message(
    _("Podán návrh soudu (%(kind)s): pošlete spis dítěte krajskému úřadu (%(law)s)."), law="COURT_PETITION_CHILD_FILE"
)


def child_file_due(filed_on: date) -> date:
    """COURT_PETITION_CHILD_FILE: the child's file is due at the KÚ this many days after the petition (U)."""
    return filed_on + timedelta(days=citations.CHILD_FILE_DAYS)


@transaction.atomic
def court_proceeding_record(
    *,
    actor,
    kind: str,
    filed_on: date,
    court: str,
    court_reference: str = "",
    case: ChildCase | None = None,
    orp: Orp | None = None,
    child_label: str = "",
) -> CourtProceeding:
    """The OSPOD (or the region's officer) records proceedings that may place the child outside the family.

    For a child already in the register pass ``case``; otherwise the ORP and a label of the child (the OSPOD's own
    reference). Opens the child's-file task (deadline ``child_file_due``) and, for institutional care, the task to
    ask the other regions again.
    """
    if kind not in ProceedingKind.values:
        raise LegalStepRefused(INVALID_KIND, "invalid_choice", field="kind")
    if case is not None:
        case = lock_case(case)
        region_id, orp_id = case.region_id, case.orp_id
    elif orp is not None and child_label.strip():
        region_id, orp_id = orp.region_id, orp.pk
    else:
        raise LegalStepRefused(CASE_OR_CHILD, "case_or_child_required")
    if actor is not None and not policies.RECORD_PROCEEDING.allows(actor, case or _orp_scope(region_id, orp_id)):
        raise ForbiddenError(NOT_ALLOWED, "not_allowed")
    not_in_future(filed_on, "filed_on")
    proceeding = CourtProceeding(
        region_id=region_id,
        orp_id=orp_id,
        case=case,
        child_label="" if case else child_label.strip(),
        kind=kind,
        filed_on=filed_on,
        court=required_text(court, "court"),
        court_reference=(court_reference or "").strip(),
        file_due_on=child_file_due(filed_on),
        recorded_by=actor,
    )
    proceeding.full_clean()
    proceeding.save()
    open_task(
        case=case,
        proceeding=proceeding,
        kind=TaskKind.SEND_CHILD_FILE,
        due_on=proceeding.file_due_on,
        note=str(SEND_FILE_NOTE % {"kind": proceeding.get_kind_display()}),
        for_officer=False,
        for_ospod=True,
    )
    if kind == ProceedingKind.INSTITUTIONAL_CARE and case is not None:
        _ask_other_regions(proceeding)
    if case is not None:
        audit(actor, AuditAction.CREATE, proceeding, case, step="court_proceeding", kind=kind)
    else:
        from nrp.audit.services import audit_record

        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=proceeding,
            region=proceeding.region,
            details={"step": "court_proceeding", "kind": kind, "orp": proceeding.orp_id},
        )
    return proceeding


def _orp_scope(region_id: int, orp_id: int):
    """What the policy checks for a child not yet proposed: the ORP and its region."""
    from nrp.core.access import ObjectScope

    return ObjectScope(region_ids=frozenset({region_id}), orp_ids=frozenset({orp_id}))


def _ask_other_regions(proceeding: CourtProceeding) -> None:
    """INSTITUTIONAL_CARE_SEARCH: the region's officers ask the other regions again, without delay."""
    open_task(
        case=proceeding.case,
        proceeding=proceeding,
        kind=TaskKind.ASK_OTHER_REGIONS,
        due_on=proceeding.filed_on,
        note=str(ASK_OTHER_REGIONS_NOTE),
        for_officer=True,
    )


@transaction.atomic
def child_file_sent(
    *, proceeding: CourtProceeding, actor, case: ChildCase | None = None, sent_on: date | None = None
) -> CourtProceeding:
    """The OSPOD sent the child's file for these proceedings: with the case it proposed (or the case's update).

    A proceeding recorded before the child was proposed is linked to the case here; institutional-care
    proceedings then open the officers' task to ask the other regions again.
    """
    proceeding = CourtProceeding.objects.select_for_update().get(pk=proceeding.pk)
    if actor is not None and not policies.RECORD_PROCEEDING.allows(actor, proceeding):
        raise ForbiddenError(NOT_ALLOWED, "not_allowed")
    if proceeding.file_sent_on is not None:
        raise LegalStepRefused(FILE_ALREADY_SENT, "file_already_sent")
    sent_on = sent_on or timezone.localdate()
    not_in_future(sent_on, "sent_on")
    if sent_on < proceeding.filed_on:
        raise LegalStepRefused(SENT_BEFORE_FILED, "sent_before_filed", field="sent_on")
    case = proceeding.case or case
    if case is None:
        raise LegalStepRefused(CASE_NEEDED_TO_SEND, "case_required", field="case")
    case = lock_case(case)
    if case.orp_id != proceeding.orp_id:
        raise LegalStepRefused(CASE_OF_OTHER_ORP, "case_of_other_orp", field="case")
    newly_linked = proceeding.case_id is None
    proceeding.case = case
    proceeding.file_sent_on = sent_on
    proceeding.save(update_fields=["case", "file_sent_on"])
    close_tasks(actor=actor, today=sent_on, proceeding=proceeding, kind=TaskKind.SEND_CHILD_FILE)
    if newly_linked and proceeding.kind == ProceedingKind.INSTITUTIONAL_CARE:
        _ask_other_regions(proceeding)
    audit(actor, AuditAction.TASK, proceeding, case, step="child_file_sent", late=sent_on > proceeding.file_due_on)
    return proceeding


def proceedings_for_case(case: ChildCase):
    return CourtProceeding.objects.filter(case=case).order_by("-filed_on", "-pk")


def other_regions_to_reopen(case: ChildCase) -> bool:
    """Institutional-care proceedings started: the search in other regions is to re-open (a task is open)."""
    from workflows.child_mediation.legal.proceedings import LegalTask

    return LegalTask.objects.filter(case=case, kind=TaskKind.ASK_OTHER_REGIONS, done_on__isnull=True).exists()
