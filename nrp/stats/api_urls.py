from django.urls import path

from nrp.stats import apis

app_name = "stats_api"
urlpatterns = [
    path("dashboard/", apis.DashboardApi.as_view(), name="dashboard"),
    path("yearly/", apis.YearlyApi.as_view(), name="yearly"),
]
