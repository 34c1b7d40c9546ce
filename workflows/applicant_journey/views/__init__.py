"""Screens of the applicant journey, by resource: ``tasks`` (inbox, task screens, take over, attendance),
``journeys`` (list, detail, actions, messages, notes, caseload, portal), ``documents`` (upload, review, download).

Our own templates (base.html, no inline scripts); the process itself runs in viewflow. Every view declares its
policy (``policy_required`` with a rule of ``permissions.py``): a role that may not use the page at all gets an
audited 403; a journey out of scope the audited 404 (``common.journey_or_404``), so its existence does not leak.
"""

from workflows.applicant_journey.views.application import application_edit, elsewhere_detail, elsewhere_list
from workflows.applicant_journey.views.common import _errors_to_form, _journey_or_404, _require_role
from workflows.applicant_journey.views.decisions import decision_action, decision_detail, decision_pdf_download
from workflows.applicant_journey.views.documents import (
    document_download,
    document_review,
    document_upload,
    foreign_record_add,
    my_documents,
)
from workflows.applicant_journey.views.journeys import (
    caseload,
    journey_action,
    journey_detail,
    journey_list,
    message_post,
    note_add,
    portal,
)
from workflows.applicant_journey.views.tasks import (
    StepView,
    attendance_record,
    task_execute,
    task_list,
    task_take_over,
)

__all__ = [
    "application_edit",
    "elsewhere_detail",
    "elsewhere_list",
    "StepView",
    "_errors_to_form",
    "_journey_or_404",
    "_require_role",
    "my_documents",
    "attendance_record",
    "caseload",
    "decision_action",
    "decision_detail",
    "decision_pdf_download",
    "document_download",
    "document_review",
    "document_upload",
    "foreign_record_add",
    "journey_action",
    "journey_detail",
    "journey_list",
    "message_post",
    "note_add",
    "portal",
    "task_execute",
    "task_list",
    "task_take_over",
]
