"""Cron: apply the time-based transitions of child mediation (idempotent; ``--today`` sets the clock)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from nrp import law
from nrp.core.locks import single_run
from workflows.child_mediation.services import mediation_tick


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Rendered when the command is created: argparse needs a plain string, the citations come from nrp.law.
        self.help = str(
            law.message(
                "Uzavře propadlá oslovení (%(notice)s), předá děti do celostátního hledání, označí děti pro ÚMPOD "
                "a připomene dohody o výkonu pěstounské péče (%(agreement)s).",
                notice="SELECTION_NOTICE_30_DAYS",
                agreement="FOSTER_AGREEMENT",
            )
        )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Datum ve formátu RRRR-MM-DD (pro testy a dávky zpětně).")

    @single_run("mediation_tick")  # two app servers: the work is done once
    def handle(self, *args, **options):
        today = None
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("Datum zadejte ve formátu RRRR-MM-DD.") from exc
        counts = mediation_tick(today=today)
        self.stdout.write(
            "lapsed={lapsed} escalated={escalated} intercountry={intercountry} "
            "agreement_reminders={agreement_reminders}".format(**counts)
        )
