"""Daily (cron): today's snapshot of the registers and the dashboard's precomputed figures.

make stats-snapshot                               # once a day, e.g. at 02:00
uv run python manage.py stats_snapshot --date 2026-06-30 --no-snapshot   # recompute figures only
"""

from __future__ import annotations

import time
from datetime import date

from django.core.management.base import BaseCommand

from nrp.core.locks import single_run
from nrp.stats.services import stats_refresh


class Command(BaseCommand):
    help = "Denní snímek evidencí a předpočtené statistiky (spouštět jednou denně z cronu)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, default=None, help="Den snímku (výchozí dnes).")
        parser.add_argument("--no-snapshot", action="store_true", help="Jen přepočítat statistiky, bez snímku.")

    @single_run("stats_snapshot")  # two app servers: the snapshot is taken once
    def handle(self, *args, **options):
        started = time.perf_counter()
        result = stats_refresh(today=options["date"], snapshot=not options["no_snapshot"])
        self.stdout.write(
            f"Snímek: {result['snapshot_rows']} řádků, statistiky: {result['aggregates']} oddílů "
            f"({time.perf_counter() - started:.1f} s)."
        )
