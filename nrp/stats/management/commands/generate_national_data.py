"""National-size synthetic data for the statistics benchmark (never on a production database).

    uv run python manage.py generate_national_data                 # 14 regions, 20,000 households, 3,000
                                                                    # children, 200,000 tasks, 5 years
    uv run python manage.py generate_national_data --households 2000 --children 300 --tasks 20000 --label small

Then rebuilds five years of daily snapshots from the records' dates and recomputes the dashboard's figures.
A batch label is written once: running the command again with the same label does nothing.
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from nrp.core.models import Region
from nrp.stats.services import synthetic_batch_generate


class Command(BaseCommand):
    help = "Syntetická data celostátního rozsahu (14 krajů, 20 000 domácností, 3 000 dětí, 5 let historie)."

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, default=20_000)
        parser.add_argument("--children", type=int, default=3_000)
        parser.add_argument("--tasks", type=int, default=200_000)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--label", default="national")

    def handle(self, *args, **options):
        from django.conf import settings

        if getattr(settings, "PRODUCTION", False):
            raise CommandError("Syntetická data nepatří do produkční databáze.")
        started = time.perf_counter()
        today = timezone.localdate()
        counts = synthetic_batch_generate(
            label=options["label"],
            regions=list(Region.objects.order_by("code")),
            households=options["households"],
            children=options["children"],
            tasks=options["tasks"],
            years=options["years"],
            seed=options["seed"],
            history_start=today - timedelta(days=options["years"] * 365),
            today=today,
        )
        if counts is None:
            self.stdout.write(f"Dávka „{options['label']}“ už existuje: nic nového.")
            return
        for name, value in counts.items():
            self.stdout.write(f"  {name}: {value}")
        self.stdout.write(f"Hotovo za {time.perf_counter() - started:.0f} s.")
