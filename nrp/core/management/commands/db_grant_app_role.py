"""``manage.py db_grant_app_role ROLE``: give the application's database role its privileges (run as owner)."""

from django.core.management.base import BaseCommand

from nrp.core.dbroles import grant_app_role


class Command(BaseCommand):
    help = "Práva aplikační role databáze: auditní stopa a uložená pořadí jen SELECT a INSERT (spouští vlastník)."

    def add_arguments(self, parser):
        parser.add_argument("role", nargs="?", help="the application's role (default: NRP_APP_DB_ROLE)")

    def handle(self, *args, role: str | None = None, **options):
        from django.conf import settings
        from django.core.management.base import CommandError

        role = role or settings.NRP_APP_DB_ROLE
        if not role:
            raise CommandError("Zadejte roli aplikace (nebo nastavte NRP_APP_DB_ROLE).")
        count = grant_app_role(role)
        self.stdout.write(f"{count} GRANT/REVOKE statements for {role}")
