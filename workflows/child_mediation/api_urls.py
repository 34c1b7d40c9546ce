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
