"""Services of the applicant journey (write side). Import them from here; all are keyword-only and typed.

Steps: information_meeting_record, application_file, application_check, application_complete,
social_investigation_record, handover_record, assessment_assign, expert_assessment_record, preparation_complete,
file_inspection_record, decision_record, finality_record, appeal_outcome_record.
Lifecycle: journey_open, journey_withdraw, journey_transfer, change_of_circumstances_report.
Register: register_entry_pause, register_entry_resume, register_entry_remove, register_entry_mark_placed,
register_profile_update.
Tasks: task_take_over, StepError (``message`` for people, ``code`` for the API).
"""

from workflows.applicant_journey.services.application_steps import (
    application_check,
    application_complete,
    application_file,
    information_meeting_record,
)
from workflows.applicant_journey.services.assessment_steps import (
    assessment_assign,
    expert_assessment_record,
    preparation_complete,
    social_investigation_record,
)
from workflows.applicant_journey.services.decision_steps import (
    appeal_outcome_record,
    decision_record,
    file_inspection_record,
    finality_record,
)
from workflows.applicant_journey.services.handover import handover_receipt_confirm, handover_record
from workflows.applicant_journey.services.lifecycle import (
    change_of_circumstances_report,
    journey_open,
    journey_transfer,
    journey_withdraw,
)
from workflows.applicant_journey.services.register import (
    register_entry_mark_placed,
    register_entry_pause,
    register_entry_remove,
    register_entry_resume,
    register_profile_update,
)
from workflows.applicant_journey.services.tasks import StepError, task_take_over

__all__ = [
    "StepError",
    "appeal_outcome_record",
    "application_check",
    "application_complete",
    "application_file",
    "assessment_assign",
    "change_of_circumstances_report",
    "decision_record",
    "expert_assessment_record",
    "file_inspection_record",
    "finality_record",
    "handover_receipt_confirm",
    "handover_record",
    "information_meeting_record",
    "journey_open",
    "journey_transfer",
    "journey_withdraw",
    "preparation_complete",
    "register_entry_mark_placed",
    "register_entry_pause",
    "register_entry_remove",
    "register_entry_resume",
    "register_profile_update",
    "social_investigation_record",
    "task_take_over",
]
