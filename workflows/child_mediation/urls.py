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

# The legal steps on the child's side (views/legal*.py): before matching, legal status with evidence, court
# proceedings and the child's file, the re-check at approach, after the court, tasks.
from workflows.child_mediation.views import legal, legal_after_court, legal_court, legal_records, legal_tasks  # noqa: E402

urlpatterns += [
    path("<int:pk>/pravni-kroky/", legal.case_legal, name="legal"),
    path("<int:pk>/dite/<int:child_id>/nazor/", legal_records.child_view_new, name="child_view"),
    path("<int:pk>/dite/<int:child_id>/posouzeni/", legal_records.child_assessment_new, name="child_assessment"),
    path(
        "<int:pk>/dite/<int:child_id>/duvod-posouzeni/",
        legal_records.assessment_indication_new,
        name="assessment_indication",
    ),
    path("<int:pk>/dite/<int:child_id>/souhlas/", legal_records.adoption_consent_new, name="adoption_consent"),
    path("<int:pk>/dite/<int:child_id>/upusteni/", legal_records.readiness_waiver_new, name="readiness_waiver"),
    path("<int:pk>/dite/<int:child_id>/pravni-volnost/", legal_records.legal_evidence_new, name="legal_evidence"),
    path("<int:pk>/dite/<int:child_id>/nevolne/", legal_records.legal_status_not_free, name="legal_status_not_free"),
    path("doklad/<int:pk>/pozbyl-ucinku/", legal_records.legal_evidence_withdraw, name="legal_evidence_withdraw"),
    path("<int:pk>/preskocit/<int:entry_id>/", legal_records.approach_skip, name="approach_skip"),
    path("rizeni/", legal_court.proceedings, name="proceedings"),
    path("rizeni/<int:pk>/spis-odeslan/", legal_court.proceeding_file_sent, name="proceeding_file_sent"),
    path("<int:pk>/navrh-osvojeni/", legal_after_court.adoption_petition, name="adoption_petition"),
    path("<int:pk>/osvojeni/", legal_after_court.adoption_decision, name="adoption_decision"),
    path("<int:pk>/dohoda-pp/", legal_after_court.foster_agreement, name="foster_agreement_legal"),
    path("<int:pk>/rozpad/", legal_after_court.placement_breakdown, name="placement_breakdown"),
    path("ukoly/", legal_tasks.tasks, name="legal_tasks"),
    path("ukoly/<int:pk>/splneno/", legal_tasks.task_done, name="legal_task_done"),
]

# The written notice of the §24 selection and the family's portal (views/notices.py, views/family.py).
from workflows.child_mediation.views import family as family_views  # noqa: E402
from workflows.child_mediation.views import notices as notice_views  # noqa: E402

urlpatterns += [
    path("vyrozumeni/", notice_views.notice_list, name="notices"),
    path("osloveni/<int:pk>/vyrozumeni/", notice_views.notice_detail, name="notice"),
    path("osloveni/<int:pk>/vyrozumeni.pdf", notice_views.notice_pdf, name="notice_pdf"),
    path("osloveni/<int:pk>/vyrozumeni/odeslano/", notice_views.notice_send, name="notice_send"),
    path("osloveni/<int:pk>/vyrozumeni/doruceno/", notice_views.notice_delivery, name="notice_delivery"),
    path("osloveni/<int:pk>/schuzky/", notice_views.meeting_add, name="meeting_add"),
    path("moje-osloveni/", family_views.family_approaches, name="family_approaches"),
    path("moje-osloveni/<int:pk>/", family_views.family_approach, name="family_approach"),
]
