"""/api/v1/ paths of the applicant journey (mounted in nrp/api/urls.py; names are ``api:<name>``)."""

from django.urls import path

from workflows.applicant_journey import apis

urlpatterns = [
    path("journeys/", apis.JourneyListApi.as_view(), name="journey-list"),
    path("journeys/mine/", apis.MyJourneyApi.as_view(), name="journey-mine"),
    path("journeys/<id:pk>/", apis.JourneyDetailApi.as_view(), name="journey-detail"),
    path("journeys/<id:pk>/documents/", apis.JourneyDocumentListApi.as_view(), name="journey-document-list"),
    path("journeys/<id:pk>/application/", apis.JourneyApplicationApi.as_view(), name="journey-application"),
    path("journeys/<id:pk>/forward/", apis.JourneyForwardApi.as_view(), name="journey-forward"),
    path("journeys/<id:pk>/handover-receipt/", apis.JourneyHandoverReceiptApi.as_view(), name="journey-receipt"),
    path("journeys/<id:pk>/withdraw/", apis.JourneyWithdrawApi.as_view(), name="journey-withdraw"),
    path("journeys/<id:pk>/attendance/", apis.JourneyAttendanceApi.as_view(), name="journey-attendance"),
    path("journeys/<id:pk>/messages/", apis.JourneyMessageListApi.as_view(), name="journey-message-list"),
    path("journeys/<id:pk>/decisions/", apis.JourneyDecisionListApi.as_view(), name="journey-decision-list"),
    path("journeys/<id:pk>/actions/<str:action>/", apis.JourneyActionApi.as_view(), name="journey-action"),
    path("decisions/<id:pk>/", apis.DecisionDetailApi.as_view(), name="decision-detail"),
    path("decisions/<id:pk>/pdf/", apis.DecisionPdfApi.as_view(), name="decision-pdf"),
    path("decisions/<id:pk>/<str:action>/", apis.DecisionActionApi.as_view(), name="decision-action"),
    path("caseload/", apis.CaseloadApi.as_view(), name="caseload"),
    path("tasks/", apis.TaskListApi.as_view(), name="task-list"),
    path("tasks/<id:pk>/", apis.TaskDetailApi.as_view(), name="task-detail"),
    path("tasks/<id:pk>/claim/", apis.TaskClaimApi.as_view(), name="task-claim"),
    path("tasks/<id:pk>/complete/", apis.TaskCompleteApi.as_view(), name="task-complete"),
    path("documents/<id:pk>/", apis.DocumentDetailApi.as_view(), name="document-detail"),
    path("documents/<id:pk>/review/", apis.DocumentReviewApi.as_view(), name="document-review"),
    path("document-versions/<id:pk>/file/", apis.DocumentVersionFileApi.as_view(), name="document-version-file"),
    path("register/", apis.RegisterListApi.as_view(), name="register-list"),
    path("register/<id:pk>/", apis.RegisterDetailApi.as_view(), name="register-detail"),
]
