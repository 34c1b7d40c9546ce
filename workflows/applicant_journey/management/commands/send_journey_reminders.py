"""Cron: e-mail reminders for due and overdue journey tasks and note reminders (idempotent)."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from nrp.core.locks import single_run
from workflows.applicant_journey.services.reminders import reminders_send


class Command(BaseCommand):
    help = "Pošle připomínky blížících se a prošlých termínů cesty žadatele (každý jen jednou)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Den, za který se připomínky posílají (RRRR-MM-DD); výchozí je dnes.")

    @single_run("send_journey_reminders")  # two app servers: the work is done once
    def handle(self, *args, **options):
        today = date.fromisoformat(options["date"]) if options.get("date") else timezone.localdate()
        result = reminders_send(today=today)
        self.stdout.write(f"Odesláno {result.sent} připomínek, přeskočeno {result.skipped} (už odeslané).")
