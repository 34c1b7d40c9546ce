from django.core.management.base import BaseCommand

from nrp.core.twofactor import demo_totp_code, demo_totp_secret


class Command(BaseCommand):
    help = "Print the current second-factor code of the demo staff accounts (published demo key only)."

    def handle(self, *args, **options):
        self.stdout.write(f"{demo_totp_code()}  (klíč {demo_totp_secret()}, platí 30 s)")
