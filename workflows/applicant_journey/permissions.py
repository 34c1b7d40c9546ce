"""The applicant journey's action names: each a rule of the one policy engine (``nrp/core/access.py``).

No role is named here: every rule says which action on which resource of the policy table it is, and through
which scopes (the guide's caseload, the OSPOD's ORP, the region, the assigned assessor, the applicant's own
household). Views, API views (``policy = permissions.READ_JOURNEY``), viewflow nodes (``.Permission(...)`` with
the step codenames below, answered by ``PolicyPermissionBackend``), services and the selectors' scope filters
(``selectors.JOURNEY_LOOKUPS``) ask these rules. Usage::

    from workflows.applicant_journey import permissions

    if permissions.REVIEW_DOCUMENTS.allows(request.user, journey): ...
    permissions.journey_actions(user, journey, entry)  # which actions of the detail page the user may take

A journey is placed in scope by the policy's default object reading (its household's members, guide and ORP
of residence; its own region; its assessor).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from nrp.core.access import Action, ObjectScope, Policy, Resource, Scope, object_scope
from nrp.core.access import register_permission as _register

APP = "applicant_journey"

R, W, D = Action.READ, Action.WRITE, Action.DECIDE

# --- Screens and API endpoints (role-level gates; the object scope is the selectors') -----------------------------
# Any role that reads applicant files in some scope: tasks, journey detail, task screens.
READ_JOURNEY = Policy(R, Resource.APPLICANT_FILE)
# Lists of journeys for staff (the applicant has the portal instead).
STAFF_JOURNEYS = Policy(R, Resource.APPLICANT_FILE, {Scope.CASELOAD, Scope.ORP, Scope.REGION, Scope.ASSIGNED})
# The menu's link to the journey list: the offices that work through it (OSPOD, the region).
JOURNEY_LIST_LINK = Policy(R, Resource.APPLICANT_FILE, {Scope.ORP, Scope.REGION})
# The guide's caseload.
CASELOAD = Policy(R, Resource.APPLICANT_FILE, {Scope.CASELOAD})
# The applicant's own journey (portal, journeys/mine/).
OWN_JOURNEY = Policy(R, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD})
# Messages on a journey: the family, its guide, the OSPOD, the region (assessors only read).
WRITE_MESSAGES = Policy(W, Resource.APPLICANT_FILE)
# Documents: the family, its guide, the ORP's OSPOD, the region's officer (not the assessor).
HANDLE_DOCUMENTS = Policy(W, Resource.DOCUMENT)
# Accepting or returning a document is the authority's act (AUTHORITY_ACTS): the OSPOD and the region, never the
# family itself nor its guide (a guide helps upload, HANDLE_DOCUMENTS).
REVIEW_DOCUMENTS = Policy(W, Resource.DOCUMENT, {Scope.ORP, Scope.REGION})
# The region's applicant register (evidence žadatelů), for its officers.
REGION_REGISTER = Policy(R, Resource.APPLICANT_REGISTER, {Scope.REGION})

# --- Actions on one journey ---------------------------------------------------------------------------------------
# Report a change of circumstances: the family, its guide, the region.
WITHDRAW_OR_REPORT = Policy(W, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD, Scope.CASELOAD, Scope.REGION})
# Withdraw the application (WITHDRAWAL): the applicant's own act; the OSPOD or the region only record a written
# withdrawal with the document attached (the service checks that); never the guide.
WITHDRAW = Policy(W, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD, Scope.ORP, Scope.REGION})
# The §23a data of the application (APPLICATION_CONTENTS): the family fills it, the OSPOD corrects it.
EDIT_APPLICATION = Policy(W, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD, Scope.ORP})
# Whether §23a(1) is met, with the reasons: the offices.
CHECK_ELIGIBILITY = Policy(R, Resource.APPLICANT_FILE, {Scope.ORP, Scope.REGION})
# Forward an application filed at an ORP that is not competent (FORWARD_TO_COMPETENT): the OSPOD holding it.
FORWARD_APPLICATION = Policy(W, Resource.APPLICANT_FILE, {Scope.ORP})
# Confirm receipt of the handed-over file, arrange the course or assessment in another region: the region.
CONFIRM_RECEIPT = Policy(D, Resource.APPLICANT_FILE, {Scope.REGION})
ARRANGE_ELSEWHERE = Policy(D, Resource.APPLICANT_FILE, {Scope.REGION})
# The performing region: its list of families and the assessment parts it records (checked on its own region).
ELSEWHERE_LIST = Policy(R, Resource.APPLICANT_FILE, {Scope.REGION})
RECORD_ELSEWHERE_ASSESSMENT = Policy(W, Resource.ASSESSMENT, {Scope.REGION})
# Transfer to another region (the family moved): the region's officer.
TRANSFER = Policy(D, Resource.APPLICANT_FILE)
# Pause, resume, remove a register entry: the region's officer.
DECIDE_REGISTER = Policy(D, Resource.APPLICANT_REGISTER)
# The applicant asks for a pause of selection or ends a pause they asked for (SELECTION_PAUSE).
REQUEST_PAUSE = Policy(W, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD})
# The file inspection notice before a negative decision (FILE_INSPECTION): the ORP's OSPOD or the region.
SEND_INSPECTION = Policy(W, Resource.APPLICANT_FILE, {Scope.ORP, Scope.REGION})
# Course attendance: the region's officer.
RECORD_ATTENDANCE = Policy(W, Resource.APPLICANT_FILE, {Scope.REGION})
# The guide's private notes.
GUIDE_NOTES = Policy(W, Resource.APPLICANT_FILE, {Scope.CASELOAD})
# Expert assessments are shown to the region and the assigned assessor (each view audited).
READ_ASSESSMENTS = Policy(R, Resource.ASSESSMENT, {Scope.REGION, Scope.ASSIGNED})

# --- Steps of the flow: one codename per kind of step (viewflow ``.Permission``, task rows' owner_permission) ---
GUIDE_STEP = "journey_guide_step"  # information meeting, opening a case, notes, hand-over to OSPOD
APPLICANT_STEP = "journey_applicant_step"  # complete the application, upload documents, withdraw
OSPOD_STEP = "journey_ospod_step"  # filing, completeness check, home visit, hand-over to the KÚ
OFFICER_STEP = "journey_officer_step"  # assessment assignment, course, inspection, decision, appeal, register
ASSESSOR_STEP = "journey_assessor_step"  # expert assessment of assigned applicants

STEP_POLICIES: dict[str, Policy] = {
    GUIDE_STEP: Policy(W, Resource.APPLICANT_FILE, {Scope.CASELOAD}),
    APPLICANT_STEP: Policy(W, Resource.APPLICANT_FILE, {Scope.OWN_HOUSEHOLD}),
    OSPOD_STEP: Policy(W, Resource.APPLICANT_FILE, {Scope.ORP}),
    OFFICER_STEP: Policy(D, Resource.APPLICANT_FILE, {Scope.REGION}),
    ASSESSOR_STEP: Policy(W, Resource.ASSESSMENT, {Scope.ASSIGNED}),
}

# ``ApplicantJourney.Meta.permissions`` (kept so the permission rows and the migration stay as they are).
PERMISSIONS = [
    (GUIDE_STEP, "Krok průvodce na cestě žadatele"),
    (APPLICANT_STEP, "Krok žadatele na jeho cestě"),
    (OSPOD_STEP, "Krok OSPOD na cestě žadatele"),
    (OFFICER_STEP, "Krok krajského úřadu na cestě žadatele"),
    (ASSESSOR_STEP, "Odborné posouzení žadatele"),
]


def perm(codename: str) -> str:
    return f"{APP}.{codename}"


for _codename, _policy in STEP_POLICIES.items():
    _register(perm(_codename), _policy)


def step_policy(permission: str) -> Policy | None:
    """The rule behind a task's ``owner_permission`` (``applicant_journey.journey_ospod_step``)."""
    app, _sep, codename = (permission or "").partition(".")
    return STEP_POLICIES.get(codename) if app == APP else None


def may_do_step(user: Any, journey: Any, permission: str) -> bool:
    """Whether ``user`` may take and complete a task with ``permission`` on ``journey`` (role and scope)."""
    policy = step_policy(permission)
    return policy is not None and policy.allows(user, journey)


def step_permissions_for(user: Any) -> set[str]:
    """The step permissions the user's roles give at all (the task queue offers tasks with these)."""
    return {perm(codename) for codename, policy in STEP_POLICIES.items() if policy.allows(user)}


def journey_actions(user: Any, journey: Any, entry: Any) -> list[tuple[str, Any]]:
    """The actions of the journey's detail page and portal the user may take (the services check again)."""
    from workflows.applicant_journey.models import CLOSED_STAGES, FileHandover, JourneyStage, RegisterStatus

    where: ObjectScope = object_scope(journey)
    actions: list[tuple[str, Any]] = []
    open_ = journey.stage not in CLOSED_STAGES
    if open_ and WITHDRAW.allows(user, where):
        actions.append(("withdraw", _("Vzít žádost zpět")))
    if open_ and WITHDRAW_OR_REPORT.allows(user, where):
        actions.append(("change", _("Oznámit změnu poměrů")))
    before_check = (JourneyStage.INTEREST, JourneyStage.APPLICATION, JourneyStage.INCOMPLETE)
    not_checked = journey.stage in before_check and journey.application_complete_on is None
    if not_checked and FORWARD_APPLICATION.allows(user, where):
        actions.append(("forward", _("Postoupit příslušnému ORP")))
    if (
        CONFIRM_RECEIPT.allows(user, where)
        and FileHandover.objects.filter(journey=journey, received_on__isnull=True).exists()
    ):
        actions.append(("receipt", _("Potvrdit převzetí spisu")))
    if open_ and ARRANGE_ELSEWHERE.allows(user, where) and journey.stage not in (JourneyStage.INTEREST,):
        actions.append(("elsewhere", _("Příprava či posouzení v jiném kraji")))
    if open_ and TRANSFER.allows(user, where):
        actions.append(("transfer", _("Předat jinému kraji (přestěhování)")))
    if open_ and SEND_INSPECTION.allows(user, where):
        actions.append(("inspection_notice", _("Vyzvat k seznámení s podklady")))
        if journey.inspection_notices.exists():
            actions.append(("inspection_record", _("Zapsat seznámení s podklady")))
    if open_ and STEP_POLICIES[OFFICER_STEP].allows(user, where):
        if not hasattr(journey, "complex_case") and entry is None:
            actions.append(("complex", _("Označit jako zvlášť složitý případ")))
        if journey.change_reviews.filter(done_on__isnull=True).exists():
            actions.append(("review_change", _("Posoudit oznámenou změnu poměrů")))
    if entry is not None and DECIDE_REGISTER.allows(user, where):
        if entry.status == RegisterStatus.ACTIVE:
            actions.append(("pause", _("Rozhodnout o přerušení zprostředkování")))
        if entry.status == RegisterStatus.PAUSED:
            actions.append(("resume", _("Obnovit zprostředkování")))
        if entry.status in (RegisterStatus.ACTIVE, RegisterStatus.PAUSED):
            actions.append(("remove", _("Rozhodnout o vyřazení z evidence")))
    if entry is not None and REQUEST_PAUSE.allows(user, where):
        if entry.status == RegisterStatus.ACTIVE:
            actions.append(("pause_request", _("Požádat o přerušení zprostředkování")))
        if entry.status == RegisterStatus.PAUSED:
            actions.append(("resume_own", _("Obnovit zprostředkování")))
    return actions


def decision_policy(decision: Any) -> Policy:
    """Who acts on a decision: the authority that issued it (the ORP's OSPOD for its refusal, else the region)."""
    from workflows.applicant_journey.models import DecisionKind

    return STEP_POLICIES[OSPOD_STEP if decision.kind == DecisionKind.ORP_REFUSAL else OFFICER_STEP]


def may_act_on_decision(user: Any, decision: Any) -> bool:
    return decision_policy(decision).allows(user, object_scope(decision.journey))
