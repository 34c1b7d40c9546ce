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

# The legal steps on the child's side (views_legal): before matching, legal status with evidence, court
# proceedings and the child's file, the re-check at approach, after the court, tasks.
from workflows.child_mediation import views_legal  # noqa: E402

urlpatterns += [
    path("<int:pk>/pravni-kroky/", views_legal.case_legal, name="legal"),
    path("<int:pk>/dite/<int:child_id>/nazor/", views_legal.child_view_new, name="child_view"),
    path("<int:pk>/dite/<int:child_id>/posouzeni/", views_legal.child_assessment_new, name="child_assessment"),
    path(
        "<int:pk>/dite/<int:child_id>/duvod-posouzeni/",
        views_legal.assessment_indication_new,
        name="assessment_indication",
    ),
    path("<int:pk>/dite/<int:child_id>/souhlas/", views_legal.adoption_consent_new, name="adoption_consent"),
    path("<int:pk>/dite/<int:child_id>/upusteni/", views_legal.readiness_waiver_new, name="readiness_waiver"),
    path("<int:pk>/dite/<int:child_id>/pravni-volnost/", views_legal.legal_evidence_new, name="legal_evidence"),
    path("<int:pk>/dite/<int:child_id>/nevolne/", views_legal.legal_status_not_free, name="legal_status_not_free"),
    path("doklad/<int:pk>/pozbyl-ucinku/", views_legal.legal_evidence_withdraw, name="legal_evidence_withdraw"),
    path("<int:pk>/preskocit/<int:entry_id>/", views_legal.approach_skip, name="approach_skip"),
    path("rizeni/", views_legal.proceedings, name="proceedings"),
    path("rizeni/<int:pk>/spis-odeslan/", views_legal.proceeding_file_sent, name="proceeding_file_sent"),
    path("<int:pk>/navrh-osvojeni/", views_legal.adoption_petition, name="adoption_petition"),
    path("<int:pk>/osvojeni/", views_legal.adoption_decision, name="adoption_decision"),
    path("<int:pk>/dohoda-pp/", views_legal.foster_agreement, name="foster_agreement_legal"),
    path("<int:pk>/rozpad/", views_legal.placement_breakdown, name="placement_breakdown"),
    path("ukoly/", views_legal.tasks, name="legal_tasks"),
    path("ukoly/<int:pk>/splneno/", views_legal.task_done, name="legal_task_done"),
]
