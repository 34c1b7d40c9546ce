"""REST API of the children register and mediation: /api/v1/children/, conferences, minutes, approaches.

Thin views over ``workflows.child_mediation.selectors`` and ``services``, with the rules of the screens:

- officers of the child's region (KÚ): the whole file with the children's identity, and every mediation action;
- the child's OSPOD worker (ORP of the case): their own children with identity, read-only; they propose children;
- officers of other regions: only the anonymised profile, only of children in the national search;
- guides, applicants, assessors and administrators: 403 (§19a: only public authorities select a family).

Out of scope answers 404 (existence is not revealed). Reading a case, a conference or minutes is audited.
Writes go through the services, so the process (viewflow) and the audit trail move exactly as from the screens.

One module per resource: ``children`` (the register, a child's file, OSPOD's proposal), ``case_actions``
(register, close, escalate), ``conferences``, ``minutes``, ``approaches``; the legal steps ``legal`` (the summary and
the base view), ``legal_before_matching``, ``legal_status``, ``legal_court``, ``legal_after_court``, ``legal_tasks``;
``common`` holds what they share.
"""

from workflows.child_mediation.apis.approaches import (
    ApproachAnswerApi,
    ApproachDetailApi,
    ApproachExtensionApi,
    ApproachListApi,
    ApproachOutputSerializer,
)
from workflows.child_mediation.apis.case_actions import ChildCaseCloseApi, ChildCaseEscalateApi, ChildCaseRegisterApi
from workflows.child_mediation.apis.case_serializers import ChildCaseOutputSerializer, case_data
from workflows.child_mediation.apis.children import ChildCaseDetailApi, ChildCaseListApi
from workflows.child_mediation.apis.common import CaseRefSerializer
from workflows.child_mediation.apis.conferences import ConferenceDetailApi, ConferenceListApi
from workflows.child_mediation.apis.minutes import (
    ConferenceMinutesApi,
    MinutesCorrectionApi,
    MinutesDetailApi,
    MinutesSignOffApi,
)

__all__ = [
    "ApproachAnswerApi",
    "ApproachDetailApi",
    "ApproachExtensionApi",
    "ApproachListApi",
    "ApproachOutputSerializer",
    "CaseRefSerializer",
    "ChildCaseCloseApi",
    "ChildCaseDetailApi",
    "ChildCaseEscalateApi",
    "ChildCaseListApi",
    "ChildCaseOutputSerializer",
    "ChildCaseRegisterApi",
    "ConferenceDetailApi",
    "ConferenceListApi",
    "ConferenceMinutesApi",
    "MinutesCorrectionApi",
    "MinutesDetailApi",
    "MinutesSignOffApi",
    "case_data",
]
