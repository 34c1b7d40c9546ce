"""REST API of the applicant journey: /api/v1/journeys/, caseload/, tasks/, documents/, register/.

One module per resource: ``journeys`` (journeys/, journeys/mine/, caseload/), ``tasks``, ``documents``,
``messages``, ``register``; ``representations`` builds the JSON of journeys and tasks, ``common`` what they share.
Thin views over ``selectors`` and ``services`` with the rules of the screens: each declares its ``policy`` (a rule
of ``permissions.py``, checked by ``nrp.api.permissions.PolicyPermission``):

- applicant: own journey, own tasks (completing the application), own documents and messages;
- guide: the journeys of the own caseload (``caseload/``), document checks, messages;
- OSPOD worker: journeys of residents of their ORP, the ORP's steps, document checks;
- regional officer (KÚ): journeys and the applicant register of their region;
- assessor: journeys assigned to them (their task); administrators: 403 everywhere here.

Out of scope answers 404 (existence is not revealed). A task is completed with the step's own form (the same
Czech messages as the screen) and ``services.tasks.task_complete``, which runs the viewflow activation under the
process lock: of two completions at once one wins and the other gets 409. Reads of journeys, register entries and
document files are audited.
"""

from workflows.applicant_journey.apis.application import (
    JourneyApplicationApi,
    JourneyAttendanceApi,
    JourneyForwardApi,
    JourneyHandoverReceiptApi,
    JourneyWithdrawApi,
)
from workflows.applicant_journey.apis.decisions import (
    DecisionActionApi,
    DecisionDetailApi,
    DecisionPdfApi,
    JourneyActionApi,
    JourneyDecisionListApi,
)
from workflows.applicant_journey.apis.documents import (
    DocumentDetailApi,
    DocumentReviewApi,
    DocumentVersionFileApi,
    JourneyDocumentListApi,
)
from workflows.applicant_journey.apis.journeys import CaseloadApi, JourneyDetailApi, JourneyListApi, MyJourneyApi
from workflows.applicant_journey.apis.messages import JourneyMessageListApi
from workflows.applicant_journey.apis.register import RegisterDetailApi, RegisterListApi
from workflows.applicant_journey.apis.tasks import TaskClaimApi, TaskCompleteApi, TaskDetailApi, TaskListApi
from workflows.applicant_journey.services.documents import MAX_DOCUMENT_BYTES

__all__ = [
    "JourneyApplicationApi",
    "JourneyAttendanceApi",
    "JourneyForwardApi",
    "JourneyHandoverReceiptApi",
    "JourneyWithdrawApi",
    "MAX_DOCUMENT_BYTES",
    "CaseloadApi",
    "DecisionActionApi",
    "DecisionDetailApi",
    "DecisionPdfApi",
    "DocumentDetailApi",
    "DocumentReviewApi",
    "DocumentVersionFileApi",
    "JourneyActionApi",
    "JourneyDecisionListApi",
    "JourneyDetailApi",
    "JourneyDocumentListApi",
    "JourneyListApi",
    "JourneyMessageListApi",
    "MyJourneyApi",
    "RegisterDetailApi",
    "RegisterListApi",
    "TaskClaimApi",
    "TaskCompleteApi",
    "TaskDetailApi",
    "TaskListApi",
]
