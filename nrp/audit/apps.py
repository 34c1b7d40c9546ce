from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "nrp.audit"
    label = "audit"
    verbose_name = "Auditní stopa"
