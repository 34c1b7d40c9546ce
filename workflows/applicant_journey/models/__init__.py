"""Applicant journey models, by resource: ``register`` (the applicant register entry and its acceptance profile,
read by matching and child mediation), ``journey`` (the process, its stages and history), ``documents`` (the
application's checklist and uploads), ``activity`` (course, assessments, messages, notes, reminders, invitations).

``from workflows.applicant_journey.models import ApplicantJourney`` keeps working; Django finds the models here.
"""

from workflows.applicant_journey.models.activity import (
    Assessment,
    AssessmentConclusion,
    AssessmentKind,
    CaseNote,
    CourseAttendance,
    CourseSession,
    Invitation,
    Message,
    ReminderKind,
    ReminderLog,
)
from workflows.applicant_journey.models.application import (
    CONSENTING_RELATIONS,
    ApplicationChoices,
    ApplicationForwarding,
    ApplicationPerson,
    Relation,
    StayKind,
)
from workflows.applicant_journey.models.documents import (
    CHECKLIST_DOCUMENT_KINDS,
    HOUSEHOLD_DOCUMENT_KINDS,
    ORP_OBTAINS_KINDS,
    REQUIRED_DOCUMENT_KINDS,
    DocumentKind,
    DocumentStatus,
    DocumentVersion,
    JourneyDocument,
    document_upload_path,
)
from workflows.applicant_journey.models.elsewhere import PerformedElsewhere, RegionCourseSetting
from workflows.applicant_journey.models.handover import FileHandover, OpinionConclusion, OrpOpinion
from workflows.applicant_journey.models.journey import (
    CLOSED_STAGES,
    REGISTER_STAGES,
    STAGE_ORDER,
    AppealOutcome,
    ApplicantJourney,
    CompletenessOutcome,
    DecisionOutcome,
    EventKind,
    JourneyEvent,
    JourneyStage,
    RegionDeadlineConfig,
    StageVisit,
)
from workflows.applicant_journey.models.register import (
    AGE_RANGE_INVALID,
    CAPACITY_INVALID,
    NO_CARE_TYPE,
    NO_SEX_ACCEPTED,
    AcceptanceProfile,
    ApplicantRegisterEntry,
    RegisterStatus,
)

__all__ = [
    "CHECKLIST_DOCUMENT_KINDS",
    "CONSENTING_RELATIONS",
    "ORP_OBTAINS_KINDS",
    "ApplicationChoices",
    "ApplicationForwarding",
    "ApplicationPerson",
    "FileHandover",
    "OpinionConclusion",
    "OrpOpinion",
    "PerformedElsewhere",
    "RegionCourseSetting",
    "Relation",
    "StayKind",
    "AGE_RANGE_INVALID",
    "CAPACITY_INVALID",
    "CLOSED_STAGES",
    "HOUSEHOLD_DOCUMENT_KINDS",
    "NO_CARE_TYPE",
    "NO_SEX_ACCEPTED",
    "REGISTER_STAGES",
    "REQUIRED_DOCUMENT_KINDS",
    "STAGE_ORDER",
    "AcceptanceProfile",
    "AppealOutcome",
    "ApplicantJourney",
    "ApplicantRegisterEntry",
    "Assessment",
    "AssessmentConclusion",
    "AssessmentKind",
    "CaseNote",
    "CompletenessOutcome",
    "CourseAttendance",
    "CourseSession",
    "DecisionOutcome",
    "DocumentKind",
    "DocumentStatus",
    "DocumentVersion",
    "EventKind",
    "Invitation",
    "JourneyDocument",
    "JourneyEvent",
    "JourneyStage",
    "Message",
    "RegionDeadlineConfig",
    "RegisterStatus",
    "ReminderKind",
    "ReminderLog",
    "StageVisit",
    "document_upload_path",
]

from workflows.applicant_journey.models_signup import PendingSignup  # noqa: E402 - the sign-up's waiting row (security)

__all__ += ["PendingSignup"]

from workflows.applicant_journey.models.decisions import (  # noqa: E402 - decisions, inspection, register life
    KIND_LAW,
    ChangeReview,
    ComplexCase,
    Decision,
    DecisionKind,
    DeliveryMethod,
    InspectionNotice,
    PauseOrigin,
    RegisterPause,
)

__all__ += [
    "KIND_LAW",
    "ChangeReview",
    "ComplexCase",
    "Decision",
    "DecisionKind",
    "DeliveryMethod",
    "InspectionNotice",
    "PauseOrigin",
    "RegisterPause",
]
