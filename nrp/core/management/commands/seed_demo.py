from django.core.management.base import BaseCommand, CommandError

from nrp.core.demo import DEMO_PASSWORD, REGION_CODES, run_seed


class Command(BaseCommand):
    help = "Create realistic synthetic demo data (idempotent: running it twice duplicates nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(REGION_CODES), default="small")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")

    def handle(self, *args, size, seed, **options):
        from nrp.core.models import Region

        if Region.objects.count() != 14:
            raise CommandError("Referenční data krajů chybí: spusťte nejprve `make migrate`.")
        self.stdout.write(f"Vytvářím ukázková data ({size}) …")
        ctx = run_seed(size, seed=seed, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Hotovo. Ukázkové přihlašovací údaje (heslo pro všechny: {DEMO_PASSWORD}):")
        )
        width = max(len(label) for label, _, _ in ctx.logins)
        for label, email, scope in ctx.logins:
            self.stdout.write(f"  {label:<{width}}  {email:<40}  {scope}")
