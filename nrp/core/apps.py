from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "nrp.core"
    label = "core"
    verbose_name = "NRP – základ"
