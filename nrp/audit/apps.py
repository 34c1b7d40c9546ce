from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "nrp.audit"
    label = "audit"
    verbose_name = "Auditní stopa"

    def ready(self) -> None:
        from nrp.audit.registry import register_default_models
        from nrp.core.demo import register_seed_step
        from nrp.core.twofactor import seed_demo_second_factor

        # Every create, update and delete of case data is recorded (model signals).
        register_default_models()
        # Demo staff accounts get an authenticator with a published key (seed_demo prints it).
        register_seed_step("second_factor", seed_demo_second_factor)
        # The personal-data export and retention rules of core households, users and the audit trail.
        # Navigation: everyone's account security page; applicants' "who accessed my file".
        from django.utils.translation import gettext_lazy as _

        from nrp.core import privacy, retention  # noqa: F401
        from nrp.core.context_processors import register_nav_link

        register_nav_link("account_security", _("Zabezpečení účtu"))
        register_nav_link("audit:my_file_access", _("Kdo nahlížel do spisu"), lambda user: user.has_role("applicant"))
