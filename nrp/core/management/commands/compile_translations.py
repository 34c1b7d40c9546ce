"""Compile every .po file under LOCALE_PATHS to .mo with polib (no GNU gettext needed on the machine)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's translations (locale/*/LC_MESSAGES/*.po) to .mo files."

    def handle(self, *args, **options):
        count = 0
        # The project's locale/ and every app's own locale/ folder (nrp/, workflows/, matching/).
        roots = [Path(p) for p in settings.LOCALE_PATHS]
        for package in ("nrp", "workflows", "matching"):
            roots += sorted((settings.BASE_DIR / package).glob("**/locale"))
        for base in roots:
            for po_path in sorted(base.glob("*/LC_MESSAGES/*.po")):
                po = polib.pofile(str(po_path))
                po.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Přeloženo {count} katalogů.")
