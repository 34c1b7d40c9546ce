"""/api/v1/ paths of the children register and mediation (mounted in nrp/api/urls.py; names are ``api:<name>``)."""

from django.urls import path

from workflows.child_mediation import apis

urlpatterns = [
    path("children/", apis.ChildCaseListApi.as_view(), name="child-list"),
    path("children/<id:pk>/", apis.ChildCaseDetailApi.as_view(), name="child-detail"),
    path("children/<id:pk>/register/", apis.ChildCaseRegisterApi.as_view(), name="child-register"),
    path("children/<id:pk>/close/", apis.ChildCaseCloseApi.as_view(), name="child-close"),
    path("children/<id:pk>/escalate/", apis.ChildCaseEscalateApi.as_view(), name="child-escalate"),
    path("children/<id:pk>/conferences/", apis.ConferenceListApi.as_view(), name="child-conference-list"),
    path("children/<id:pk>/approaches/", apis.ApproachListApi.as_view(), name="child-approach-list"),
    path("conferences/<id:pk>/", apis.ConferenceDetailApi.as_view(), name="conference-detail"),
    path("conferences/<id:pk>/minutes/", apis.ConferenceMinutesApi.as_view(), name="conference-minutes"),
    path("minutes/<id:pk>/", apis.MinutesDetailApi.as_view(), name="minutes-detail"),
    path("minutes/<id:pk>/sign-off/", apis.MinutesSignOffApi.as_view(), name="minutes-sign-off"),
    path("minutes/<id:pk>/corrections/", apis.MinutesCorrectionApi.as_view(), name="minutes-correction"),
    path("approaches/<id:pk>/", apis.ApproachDetailApi.as_view(), name="approach-detail"),
    path("approaches/<id:pk>/answer/", apis.ApproachAnswerApi.as_view(), name="approach-answer"),
    path("approaches/<id:pk>/extension/", apis.ApproachExtensionApi.as_view(), name="approach-extension"),
]

# The legal steps on the child's side (apis/legal*.py): before matching, evidence of legal freedom, court proceedings,
# the re-check at approach, after the court, tasks.
from workflows.child_mediation.apis import (  # noqa: E402
    legal,
    legal_after_court,
    legal_before_matching,
    legal_court,
    legal_status,
    legal_tasks,
)

CHILD = "children/<id:pk>/children/<id:child_id>"
urlpatterns += [
    path("children/<id:pk>/legal/", legal.CaseLegalDetailApi.as_view(), name="child-legal"),
    path(f"{CHILD}/views/", legal_before_matching.ChildViewApi.as_view(), name="child-view-create"),
    path(
        f"{CHILD}/assessment-indications/",
        legal_before_matching.AssessmentIndicationApi.as_view(),
        name="child-assessment-indication-create",
    ),
    path(f"{CHILD}/assessments/", legal_before_matching.ChildAssessmentApi.as_view(), name="child-assessment-create"),
    path(
        f"{CHILD}/adoption-consents/", legal_before_matching.AdoptionConsentApi.as_view(), name="child-consent-create"
    ),
    path(f"{CHILD}/waivers/", legal_before_matching.ReadinessWaiverApi.as_view(), name="child-waiver-create"),
    path(f"{CHILD}/legal-evidence/", legal_status.LegalEvidenceApi.as_view(), name="child-evidence-create"),
    path(f"{CHILD}/not-free/", legal_status.LegalStatusNotFreeApi.as_view(), name="child-not-free"),
    path(
        "legal-evidence/<id:pk>/withdrawal/",
        legal_status.LegalEvidenceWithdrawalApi.as_view(),
        name="legal-evidence-withdrawal",
    ),
    path("children/<id:pk>/approach-skips/", legal_status.ApproachSkipApi.as_view(), name="child-approach-skip"),
    path(
        "children/<id:pk>/adoption-petition/",
        legal_after_court.AdoptionPetitionApi.as_view(),
        name="child-adoption-petition",
    ),
    path(
        "children/<id:pk>/adoption-decision/",
        legal_after_court.AdoptionDecisionApi.as_view(),
        name="child-adoption-decision",
    ),
    path(
        "children/<id:pk>/foster-agreement/",
        legal_after_court.FosterAgreementApi.as_view(),
        name="child-foster-agreement",
    ),
    path("children/<id:pk>/breakdown/", legal_after_court.BreakdownApi.as_view(), name="child-breakdown"),
    path("court-proceedings/", legal_court.ProceedingListApi.as_view(), name="court-proceeding-list"),
    path(
        "court-proceedings/<id:pk>/child-file-sent/",
        legal_court.ChildFileSentApi.as_view(),
        name="court-proceeding-file-sent",
    ),
    path("legal-tasks/", legal_tasks.TaskListApi.as_view(), name="legal-task-list"),
    path("legal-tasks/<id:pk>/done/", legal_tasks.TaskDoneApi.as_view(), name="legal-task-done"),
]

# The written notice of the §24 selection, the family's meetings, and the family's own view (apis/notices.py).
from workflows.child_mediation.apis import notices as notice_apis  # noqa: E402

urlpatterns += [
    path("approaches/<id:pk>/notice/", notice_apis.NoticeDetailApi.as_view(), name="approach-notice"),
    path("approaches/<id:pk>/notice/letter/", notice_apis.NoticeLetterApi.as_view(), name="approach-notice-letter"),
    path("approaches/<id:pk>/notice/sending/", notice_apis.NoticeSendApi.as_view(), name="approach-notice-sending"),
    path(
        "approaches/<id:pk>/notice/delivery/", notice_apis.NoticeDeliveryApi.as_view(), name="approach-notice-delivery"
    ),
    path("approaches/<id:pk>/meetings/", notice_apis.MeetingListApi.as_view(), name="approach-meetings"),
    path("my/approaches/", notice_apis.FamilyApproachListApi.as_view(), name="my-approach-list"),
    path("my/approaches/<id:pk>/", notice_apis.FamilyApproachDetailApi.as_view(), name="my-approach-detail"),
    path("my/approaches/<id:pk>/answer/", notice_apis.FamilyAnswerApi.as_view(), name="my-approach-answer"),
]
