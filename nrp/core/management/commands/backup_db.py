from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from nrp.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump, custom format) and optionally the uploaded documents."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="dump file (default: backups/nrp-<date>.dump)")
        parser.add_argument("--media", action="store_true", help="also archive the uploaded documents")
        parser.add_argument("--encrypt-to", help="gpg public key (id, fingerprint or e-mail) to encrypt to")

    def handle(self, *args, output, media, encrypt_to=None, **options):
        output = Path(output or f"backups/nrp-{timezone.now():%Y%m%d-%H%M%S}.dump")
        try:
            written = backup(output=output, media=media, encrypt_to=encrypt_to)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for path in written:
            self.stdout.write(f"Záloha: {path} ({path.stat().st_size} B)")
