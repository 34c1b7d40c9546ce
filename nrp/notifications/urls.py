from django.urls import path

from nrp.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("nastaveni/", views.notification_settings, name="settings"),
    path("vse-precteno/", views.notification_read_all, name="read_all"),
    path("<int:notification_id>/", views.notification_open, name="open"),
    path("<int:notification_id>/precteno/", views.notification_read, name="read"),
]
