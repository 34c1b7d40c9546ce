from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "nrp.api"
    label = "api"
    verbose_name = "API"
