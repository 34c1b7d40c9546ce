from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildMediationConfig(AppConfig):
    name = "workflows.child_mediation"
    label = "child_mediation"
    verbose_name = "Zprostředkování pro dítě"

    def ready(self) -> None:
        from nrp.core.choices import Role
        from nrp.core.context_processors import register_nav_link
        from nrp.core.demo import register_seed_step
        from nrp.core.views import register_home_panel
        from workflows.child_mediation import demo, permissions, retention, views

        register_home_panel(Role.OFFICER, "child_mediation/panel_officer.html", views.officer_panel_context)
        register_home_panel(Role.OSPOD, "child_mediation/panel_ospod.html", views.ospod_panel_context)
        register_nav_link("child_mediation:list", _("Evidence dětí"), permissions.READ_REGISTER.allows)
        permissions.register_scopes()
        register_seed_step("children", demo.seed_children)
        # A family approached with a delivered §24 notice, waiting to answer (demo_notices.py; needs matching).
        register_seed_step("approach_notice", _seed_approach_notice)
        from workflows.child_mediation.services import family

        register_nav_link("child_mediation:family_approaches", _("Oslovení pro dítě"), family.READ_OWN_APPROACH.allows)
        register_nav_link("child_mediation:notices", _("Vyrozumění k odeslání"), permissions.MANAGE_CONFERENCES.allows)
        retention.register()  # children's files: anonymised after 100 / 30 years (to confirm with the archive)
        self._connect_matching()

    @staticmethod
    def _connect_matching() -> None:
        """Families with an open approach for another child are left out of every ranking; the law's checks first."""
        try:
            from matching.services import register_approached_entries_provider, register_ranking_precondition
        except ImportError:  # matching not installed
            return
        from workflows.child_mediation.selectors import approached_entry_ids
        from workflows.child_mediation.services.readiness import require_ready

        register_approached_entries_provider(lambda child_case: approached_entry_ids(exclude_case=child_case))
        # No ranking before the child's file holds what the law asks (readiness.require_ready), from any screen.
        register_ranking_precondition(
            lambda child_case, actor, today: require_ready(case=child_case, today=today, actor=actor)
        )


def _seed_approach_notice(ctx) -> None:
    try:
        import matching  # noqa: F401
    except ImportError:  # pragma: no cover - matching not installed
        return
    from workflows.child_mediation.demo_notices import seed_approach_notice

    seed_approach_notice(ctx)
