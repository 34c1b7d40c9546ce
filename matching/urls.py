from django.urls import path

from matching import views

app_name = "matching"
urlpatterns = [
    path("", views.case_list, name="index"),
    path("pripad/<int:case_id>/", views.case_rankings, name="case_rankings"),
    path("pripad/<int:case_id>/spustit/", views.ranking_run_view, name="ranking_run"),
    path("pripad/<int:case_id>/prani/", views.case_wishes, name="case_wishes"),
    path("poradi/<int:ranking_id>/", views.ranking_detail, name="ranking_detail"),
    path("vahy/", views.weights_edit, name="weights"),
    path("statistiky/", views.waiting_statistics, name="statistics"),
]
