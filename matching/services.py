"""Writes of matching: run and store a ranking, set a region's weights, record the child's wish signals."""

from __future__ import annotations

import json
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.adapter import pools, profiles, snapshots
from matching.engine.ranking import ENGINE_VERSION, rank
from matching.models import ChildWishSignals, MatchingWeights, RankedEntry, RankingExclusion, RankingRun, RankingScope
from matching.permissions import can_edit_weights, can_rank_case
from matching.selectors import RANKABLE_STATUSES, weights_for_region
from matching.types.inputs import WEIGHT_FIELDS
from matching.types.results import RankingResult
from matching.types.vocabulary import MatchingInputError

RANKING_NOT_ALLOWED = _("Pořadí rodin může spustit jen pracovník krajského úřadu kraje, v jehož evidenci dítě je.")
CASE_NOT_RANKABLE = _("Pro uzavřený případ nebo dítě už svěřené do péče se pořadí rodin nespouští.")
CASE_WITHOUT_CHILDREN = _("Případ nemá zapsané žádné dítě; pořadí rodin nelze spustit.")
WEIGHTS_NOT_ALLOWED = _("Váhy kritérií může měnit jen pracovník krajského úřadu daného kraje.")
WISHES_NOT_ALLOWED = _("Přání dítěte pro párování může zaznamenat jen pracovník krajského úřadu kraje dítěte.")


# The child-mediation app owns approaches. It registers a function ``fn(child_case) -> iterable of entry ids``
# (families approached right now for ANOTHER child) with ``register_approached_entries_provider`` in its
# AppConfig.ready(); the screens then pass those ids to ``ranking_run``. Until one is registered, none.
_approached_provider: list = []


def register_approached_entries_provider(provider) -> None:
    _approached_provider[:] = [provider]


def approached_entry_ids_for(child_case) -> frozenset[int]:
    if not _approached_provider:
        return frozenset()
    return frozenset(int(i) for i in _approached_provider[0](child_case))


# What the law asks before a child is matched (the child's view, the expert assessment, the consent of a child of
# 12+, evidence of legal freedom) lives in the child-mediation app, which registers ``fn(child_case, actor, today)``
# raising ValidationError with ``register_ranking_precondition``. Every ranking, from any screen or the API, asks it.
_preconditions: list = []


def register_ranking_precondition(check) -> None:
    _preconditions[:] = [check]


@transaction.atomic
def ranking_run(
    *,
    child_case,
    actor,
    national: bool = False,
    approached_entry_ids: frozenset[int] = frozenset(),
    today: date | None = None,
) -> RankingRun:
    """Rank the families for a child case and store the ranking with a snapshot of its inputs and weights.

    Regional search uses the register of the child's region; ``national=True`` uses every region (on
    escalation, or on demand for a comparison). ``approached_entry_ids``: entries approached right now for
    another child (the child-mediation app owns approaches). Raises PermissionDenied for anyone but an officer
    of the case's region, ValidationError for a closed case or a case without children. A case with no
    eligible family gets a stored run with empty results and the counts per rule.

    The creation is audited by the audit app's model signals (matching models are case data); whoever then
    SHOWS the ranking to a person calls ``audit_read`` (the ranking screen does).
    """
    if not can_rank_case(actor, child_case):
        raise PermissionDenied(RANKING_NOT_ALLOWED)
    if child_case.status not in RANKABLE_STATUSES:
        raise ValidationError(CASE_NOT_RANKABLE, code="case_not_rankable")
    today = today or timezone.localdate()
    for check in _preconditions:
        check(child_case, actor, today)
    try:
        case = profiles.case_profile(child_case, today=today)
    except MatchingInputError as error:
        raise ValidationError(CASE_WITHOUT_CHILDREN, code="no_children") from error
    weights = weights_for_region(region=child_case.region)
    loaded = pools.load_pool(region_id=None if national else child_case.region_id, today=today)
    approached = frozenset(int(i) for i in approached_entry_ids)
    result = rank(case, loaded.pool, weights=weights, approached_entry_ids=approached)

    # No full_clean(): every value comes from the engine (validated there) or from rows just read; the model's
    # own checks would re-encode the JSON and query each foreign key again.
    run = RankingRun(
        child_case=child_case,
        region_id=child_case.region_id,
        scope=RankingScope.NATIONAL if national else RankingScope.REGIONAL,
        created_by=actor,
        ranked_on=today,
        weights=snapshots.weights_json(weights),
        inputs={
            "case": snapshots.case_snapshot(case),
            "approached_entry_ids": sorted(approached),
            "skipped": loaded.skipped,
        },
        exclusions=snapshots.exclusions_json(result),
        considered_count=result.considered,
        eligible_count=len(result.ranked),
        pool_digest=loaded.pool.digest(),
        engine_version=ENGINE_VERSION,
    )
    run.save()
    _copy_ranked_entries(run, result, loaded)
    _copy_exclusions(run, result)
    return run


# The columns COPY writes for each ranked family (a ranking of 10,000 families can have thousands eligible).
_ENTRY_COLUMNS = ("run_id", "rank", "entry_id", "region_id", "total", "waited_days", "family", "scores")


def _copy_ranked_entries(run: RankingRun, result: RankingResult, loaded: pools.LoadedPool) -> None:
    """Write the ranked families with PostgreSQL's COPY: about ten times faster than a multi-row INSERT for
    thousands of rows with a JSON column. Like ``bulk_create`` it sends no model signals (the run's creation is
    the audited event)."""
    if not result.ranked:
        return
    table = RankedEntry._meta.db_table
    columns = ", ".join(connection.ops.quote_name(name) for name in _ENTRY_COLUMNS)
    ranked = result.ranked
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for place, (entry_id, total, waited, scores) in enumerate(
            zip(ranked.entry_ids, ranked.totals, ranked.waited_days, ranked.score_rows(), strict=True), start=1
        ):
            family = snapshots.row_snapshot(loaded.rows[entry_id])
            # The explanation is rebuilt from family and scores when a page shows it (RankedEntry.criteria).
            copy.write_row((run.pk, place, entry_id, family["region_id"], total, waited, json.dumps(family), scores))


def _copy_exclusions(run: RankingRun, result: RankingResult) -> None:
    """One row per excluding rule with its entry ids (COPY: Django would prepare every id of the arrays)."""
    table = RankingExclusion._meta.db_table
    columns = ", ".join(connection.ops.quote_name(name) for name in ("run_id", "rule", "count", "entry_ids"))
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for rule, entry_ids in result.excluded_by_rule().items():
            copy.write_row((run.pk, rule, len(entry_ids), entry_ids))


@transaction.atomic
def matching_weights_update(*, region, actor, **values: float) -> MatchingWeights:
    """Set the region's weights (each 0–1, at least one above 0). Missing values keep their current value."""
    if not can_edit_weights(actor, region):
        raise PermissionDenied(WEIGHTS_NOT_ALLOWED)
    row = MatchingWeights.objects.select_for_update().filter(region=region).first() or MatchingWeights(region=region)
    for name in WEIGHT_FIELDS:
        if name in values:
            setattr(row, name, float(values[name]))
    row.updated_by = actor
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def child_wishes_set(*, child_case, actor, flags) -> ChildWishSignals:
    """Record which wish signals the child's own wishes express (přání dítěte), for the wishes criterion."""
    if not can_rank_case(actor, child_case):
        raise PermissionDenied(WISHES_NOT_ALLOWED)
    row = ChildWishSignals.objects.filter(child_case=child_case).first() or ChildWishSignals(child_case=child_case)
    row.flags = sorted(set(flags))
    row.recorded_by = actor
    row.full_clean()
    row.save()
    return row
