from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    label = "matching"
    verbose_name = "Párování"

    def ready(self) -> None:
        from matching.demo import seed_rankings
        from matching.permissions import can_use_matching
        from nrp.core.context_processors import register_nav_link
        from nrp.core.demo import register_seed_step

        register_nav_link("matching:index", _("Párování"), can_use_matching)
        # After "children" (child_mediation is installed before matching): one stored ranking per region.
        register_seed_step("rankings", seed_rankings)
