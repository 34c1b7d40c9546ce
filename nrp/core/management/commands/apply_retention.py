from django.core.management.base import BaseCommand

from nrp.core.retention import retention_rules, run_retention


class Command(BaseCommand):
    help = "Anonymise or delete records past their retention period (see nrp/core/retention.py, SECURITY.md)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only report what would be done")
        parser.add_argument("--rule", action="append", choices=sorted(retention_rules()), help="only this rule")

    def handle(self, *args, dry_run, rule, **options):
        reports = run_retention(dry_run=dry_run, only=rule)
        verb = "by se" if dry_run else "bylo"
        self.stdout.write(("ZKOUŠKA (nic se nemění)" if dry_run else "Provedeno") + ":")
        for r in reports:
            action = "anonymizovat" if r.rule.action == "anonymise" else "smazat"
            self.stdout.write(
                f"  {r.rule.name:<20} {r.rule.label}: lhůta {r.days} dní (do {r.cutoff:%Y-%m-%d}); "
                f"{verb} {action}: {len(r.ids)}"
                + (f" (id {', '.join(map(str, r.ids[:20]))}{'…' if len(r.ids) > 20 else ''})" if r.ids else "")
            )
            if r.rule.basis:
                self.stdout.write(f"      {r.rule.basis}")
