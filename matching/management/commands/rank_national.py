"""Rank every waiting child of the country against the national pool (one pool, every child), with progress.

    uv run python manage.py rank_national [--limit 20] [--date RRRR-MM-DD]

Read-only: prints per-child eligible counts as a summary, stores nothing (a ranking shown to a person is stored
by the screens and the API). The pool is read and prepared once; each child is one vectorised pass over it, so
the time is linear in children × families (3,000 × 20,000 in well under a minute on the 2-core machine).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from matching.adapter import pools, profiles
from matching.engine.ranking import rank
from matching.models import ChildWishSignals
from matching.selectors import WAITING_STATUSES
from matching.types.vocabulary import MatchingInputError
from workflows.child_mediation.models import ChildCase


def progress_bar(done: int, total: int, started: float, width: int = 30) -> str:
    filled = int(width * done / total) if total else width
    elapsed = time.perf_counter() - started
    rate = done / elapsed if elapsed > 0 else 0.0
    left = (total - done) / rate if rate else 0.0
    return f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} dětí · {elapsed:.0f} s · zbývá ~{left:.0f} s"


class Command(BaseCommand):
    help = "Seřadí rodiny pro každé čekající dítě republiky proti celostátní evidenci (nic neukládá)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Den, ke kterému se počítá (RRRR-MM-DD); výchozí je dnes.")
        parser.add_argument("--limit", type=int, default=20, help="Kolik rodin si pro každé dítě ponechat.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = date.fromisoformat(options["date"]) if options.get("date") else timezone.localdate()
        except ValueError as exc:
            raise CommandError("Datum zadejte ve formátu RRRR-MM-DD.") from exc
        started = time.perf_counter()
        loaded = pools.load_pool(region_id=None, today=today)
        cases = list(
            ChildCase.objects.filter(status__in=WAITING_STATUSES)
            .select_related("orp", "birth_family_orp")
            .prefetch_related("children")
            .order_by("pk")
        )
        wishes = dict(ChildWishSignals.objects.values_list("child_case_id", "flags"))
        self.stdout.write(
            f"Evidence: {len(loaded.pool):,} rodin (připraveno za {time.perf_counter() - started:.1f} s), "
            f"čekajících dětí: {len(cases):,}."
        )
        ranking_started = time.perf_counter()
        with_family = without = skipped = 0
        interactive = sys.stderr.isatty()
        for i, child_case in enumerate(cases, start=1):
            try:
                profile = profiles.case_profile(child_case, today=today, wishes=wishes.get(child_case.pk, ()))
            except MatchingInputError:
                skipped += 1
                continue
            result = rank(profile, loaded.pool, limit=options["limit"])
            if result.ranked:
                with_family += 1
            else:
                without += 1
            if interactive or i == len(cases) or i % max(1, len(cases) // 20) == 0:
                self.stderr.write(progress_bar(i, len(cases), ranking_started), ending="" if interactive else "\n")
        if interactive:
            self.stderr.write("")
        seconds = time.perf_counter() - ranking_started
        per_child = seconds / max(1, len(cases)) * 1000
        self.stdout.write(
            f"Hotovo za {seconds:.1f} s ({per_child:.1f} ms na dítě): s vhodnou rodinou {with_family}, "
            f"bez vhodné rodiny {without}, bez zapsaného dítěte {skipped}."
        )
