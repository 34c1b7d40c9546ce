from django.urls import path

from workflows.applicant_journey import views, views_signup

app_name = "applicant_journey"
urlpatterns = [
    path("", views.journey_list, name="list"),
    path("ukoly/", views.task_list, name="tasks"),
    path("moje-cesta/", views.portal, name="portal"),
    path("moje-dokumenty/", views.my_documents, name="my_documents"),
    path("pruvodce/", views.caseload, name="caseload"),
    path("pruvodce/novy-pripad/", views_signup.guide_open_case, name="guide_open_case"),
    path("registrace/", views_signup.signup, name="signup"),
    path("registrace/odeslano/", views_signup.signup_sent, name="signup_sent"),
    path("registrace/overeni/<str:token>/", views_signup.signup_confirm, name="signup_confirm"),
    path("pozvanka/<str:token>/", views_signup.invitation_accept, name="invitation"),
    path("priprava-jinde/", views.elsewhere_list, name="elsewhere_list"),
    path("priprava-jinde/<int:arrangement_id>/", views.elsewhere_detail, name="elsewhere_detail"),
    path("<int:journey_id>/", views.journey_detail, name="detail"),
    path("<int:journey_id>/zadost/", views.application_edit, name="application"),
    path("<int:journey_id>/ukol/<int:task_id>/", views.task_execute, name="task"),
    path("<int:journey_id>/ukol/<int:task_id>/prevzit/", views.task_take_over, name="task_take_over"),
    path("<int:journey_id>/dochazka/", views.attendance_record, name="attendance"),
    path("<int:journey_id>/akce/<str:action>/", views.journey_action, name="action"),
    path("<int:journey_id>/zpravy/", views.message_post, name="message"),
    path("<int:journey_id>/poznamky/", views.note_add, name="note"),
    path("<int:journey_id>/pozvat-partnera/", views_signup.invite_partner, name="invite_partner"),
    path("<int:journey_id>/dokumenty/<int:document_id>/nahrat/", views.document_upload, name="document_upload"),
    path("<int:journey_id>/dokumenty/<int:document_id>/kontrola/", views.document_review, name="document_review"),
    path("<int:journey_id>/cizina/", views.foreign_record_add, name="foreign_record"),
    path("<int:journey_id>/rozhodnuti/<int:decision_id>/", views.decision_detail, name="decision"),
    path("<int:journey_id>/rozhodnuti/<int:decision_id>/pdf/", views.decision_pdf_download, name="decision_pdf"),
    path("<int:journey_id>/rozhodnuti/<int:decision_id>/<str:action>/", views.decision_action, name="decision_action"),
    path("<int:journey_id>/soubory/<int:version_id>/", views.document_download, name="document_download"),
]
