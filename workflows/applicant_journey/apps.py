from django.apps import AppConfig


class ApplicantJourneyConfig(AppConfig):
    name = "workflows.applicant_journey"
    label = "applicant_journey"
    verbose_name = "Cesta žadatele"

    def ready(self) -> None:
        from workflows.applicant_journey import (
            flows,  # noqa: F401 - registers the flow
            panels,
            privacy,
        )

        panels.register()
        privacy.register()  # "Moje údaje" section and case closures for retention
