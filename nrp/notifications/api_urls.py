"""/api/v1/ paths of the notifications (mounted in nrp/api/urls.py; names are ``api:<name>``)."""

from django.urls import path

from nrp.notifications import apis

urlpatterns = [
    path("notifications/", apis.NotificationListApi.as_view(), name="notification-list"),
    path("notifications/read-all/", apis.NotificationReadAllApi.as_view(), name="notification-read-all"),
    path("notifications/<id:pk>/read/", apis.NotificationReadApi.as_view(), name="notification-read"),
]
