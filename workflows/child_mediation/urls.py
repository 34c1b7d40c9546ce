from django.urls import path

from workflows.child_mediation import views

app_name = "child_mediation"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("navrh/", views.case_propose, name="propose"),
    path("celostatni/", views.national_list, name="national"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/zaradit/", views.case_register, name="register"),
    path("<int:pk>/parovani/", views.case_ranking, name="ranking"),
    path("<int:pk>/celostatni/", views.case_escalate, name="escalate"),
    path("<int:pk>/konference/", views.conference_prepare, name="conference_prepare"),
    path("<int:pk>/osloveni/", views.approach_start, name="approach_start"),
    path("<int:pk>/soud/", views.court_decision, name="court_decision"),
    path("<int:pk>/dohoda/", views.foster_agreement, name="agreement"),
    path("<int:pk>/uzavreni/", views.case_close, name="close"),
    path("konference/<int:pk>/", views.conference_detail, name="conference"),
    path("konference/<int:pk>/podklady.pdf", views.conference_pdf, name="conference_pdf"),
    path("konference/<int:pk>/zapis/", views.minutes_edit, name="minutes"),
    path("zapis/<int:pk>/podepsat/", views.minutes_sign, name="minutes_sign"),
    path("zapis/<int:pk>/oprava/", views.minutes_correct, name="minutes_correct"),
    path("osloveni/<int:pk>/odpoved/", views.approach_answer, name="approach_answer"),
    path("osloveni/<int:pk>/prodlouzeni/", views.approach_extend, name="approach_extend"),
]
