"""``manage.py weekly_access_digest``: e-mail each region's officers the week's accesses under a reason (cron)."""

from django.core.management.base import BaseCommand

from nrp.audit.digest import weekly_access_digest
from nrp.core.locks import single_run


class Command(BaseCommand):
    help = "Týdenní přehled výjimečných přístupů (s uvedeným důvodem) e-mailem krajům."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    @single_run("weekly_access_digest")  # two app servers: one digest
    def handle(self, *args, days: int, **options):
        result = weekly_access_digest(days=days)
        self.stdout.write(f"regions={result.regions} emails={result.emails} events={result.events}")
