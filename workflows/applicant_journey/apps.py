from django.apps import AppConfig


class ApplicantJourneyConfig(AppConfig):
    name = "workflows.applicant_journey"
    label = "applicant_journey"
    verbose_name = "Cesta žadatele"
