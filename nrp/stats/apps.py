from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    # "stats", never "statistics": a top-level package of that name would shadow the standard library.
    name = "nrp.stats"
    label = "stats"
    verbose_name = "Statistiky"

    def ready(self) -> None:
        from nrp.core.context_processors import register_nav_link
        from nrp.core.demo import register_seed_step
        from nrp.stats import demo
        from nrp.stats.permissions import may_read_statistics

        register_nav_link("stats:dashboard", _("Statistiky"), may_read_statistics)
        # After the applicant journeys, the children and the rankings: a year of history on top of them.
        register_seed_step("stats_history", demo.seed_history)
