from django.apps import AppConfig


class ChildMediationConfig(AppConfig):
    name = "workflows.child_mediation"
    label = "child_mediation"
    verbose_name = "Zprostředkování pro dítě"
