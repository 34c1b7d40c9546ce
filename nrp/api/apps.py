from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "nrp.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # Registers the OpenAPI extension of the bearer token scheme.
        from nrp.api import schema  # noqa: F401
