from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nrp.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database from a backup_db dump (replaces all data!) and optionally the documents."

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="dump file written by backup_db")
        parser.add_argument("--media", action="store_true", help="also restore the uploaded documents")
        parser.add_argument("--yes", action="store_true", help="confirm: the current data will be replaced")

    def handle(self, *args, input, media, yes, **options):
        source = Path(input)
        if not source.is_file():
            raise CommandError(f"Soubor {source} neexistuje.")
        if not yes:
            raise CommandError("Obnova nahradí všechna současná data. Potvrďte ji přepínačem --yes.")
        try:
            restore(source=source, media=media)
        except BackupError as exc:
            raise CommandError(f"Obnova selhala, databáze zůstala beze změny: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Obnoveno ze zálohy {source}."))
