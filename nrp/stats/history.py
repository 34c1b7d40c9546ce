"""Rebuild daily snapshots for past days from the records' own dates (for a new installation or synthetic data).

``stats_snapshot`` writes today's rows every day; before the first run there is no history. The records carry
enough dates to rebuild it: a child waited from entry into the children register to placement or closure, a
family was in the register from právní moc to its last status change, a journey stayed in a stage for each
``StageVisit``. Group membership is taken as of the start of each interval (a child's age band does not move
within the rebuilt history). Rows are written with PostgreSQL COPY: five years of 14 regions take seconds.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy
from django.db import connection, transaction

from nrp.stats.compute.common import WAITING_STATUSES
from nrp.stats.compute.inputs import Inputs

Series = dict[tuple[int, str, str], tuple[numpy.ndarray, numpy.ndarray]]


def _add(series, span: int, key, start: int, end: int, start_ordinal: int) -> None:
    """Count one interval [start, end) (day indexes clipped to the span) into the difference arrays."""
    start, end = max(start, 0), min(end, span)
    if start >= end:
        return
    if key not in series:
        series[key] = (numpy.zeros(span + 1, dtype=numpy.int64), numpy.zeros(span + 1, dtype=numpy.int64))
    counts, ordinals = series[key]
    counts[start] += 1
    counts[end] -= 1
    ordinals[start] += start_ordinal
    ordinals[end] -= start_ordinal


def backfill_snapshots(*, inputs: Inputs, start: date, end: date) -> int:
    """Write snapshot rows for every day from ``start`` to ``end`` (inclusive), replacing existing ones."""
    from workflows.applicant_journey.models import CLOSED_STAGES, REGISTER_STAGES, StageVisit

    span = (end - start).days + 1
    if span <= 0:
        return 0
    base = start.toordinal()
    series: Series = {}
    placed_on = {p["case_id"]: p["effective_date"] for p in inputs.placements}
    far = end + timedelta(days=1)
    for case in inputs.cases.values():
        if not case.registered_on or not case.children:
            continue
        left = placed_on.get(case.id) or (case.closed_on if case.status == "closed" else None)
        if left is None and case.status not in WAITING_STATUSES:
            continue
        stop = left or far
        ordinal = case.registered_on.toordinal()
        for key in case.groups(case.registered_on):
            _add(
                series,
                span,
                (case.region_id, "children_waiting", key),
                ordinal - base,
                stop.toordinal() - base,
                ordinal,
            )
    for entry in inputs.entry_by_id.values():
        if entry["status"] in ("active", "paused"):
            stop = far if entry["status"] == "active" else entry["status_changed_at"].date()
        else:
            stop = entry["status_changed_at"].date()
        ordinal = entry["effective_date"].toordinal()
        for key in ["all", *[f"care:{c}" for c in entry["care_types"]]]:
            _add(
                series,
                span,
                (entry["region_id"], "families_active", key),
                ordinal - base,
                stop.toordinal() - base,
                ordinal,
            )
    skip = {str(s) for s in CLOSED_STAGES | REGISTER_STAGES}
    for region_id, stage, entered, left in StageVisit.objects.filter(entered_at__date__lte=end).values_list(
        "region_id", "stage", "entered_at", "left_at"
    ):
        if stage in skip or (left is not None and left.date() < start):
            continue
        ordinal = entered.date().toordinal()
        stop = left.date() if left else far
        for key in ("all", f"stage:{stage}"):
            _add(series, span, (region_id, "journeys_open", key), ordinal - base, stop.toordinal() - base, ordinal)
    return _write(series, start=start, span=span)


def _write(series: Series, *, start: date, span: int) -> int:
    day_ordinals = numpy.arange(start.toordinal(), start.toordinal() + span, dtype=numpy.int64)
    written = 0
    end = start + timedelta(days=span - 1)
    with transaction.atomic():
        from nrp.stats.models import DailySnapshot

        DailySnapshot.objects.filter(day__gte=start, day__lte=end).delete()
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy("COPY stats_dailysnapshot (day, region_id, metric, key, count, days_sum) FROM STDIN") as copy:
                for (region_id, metric, key), (count_diff, ordinal_diff) in series.items():
                    counts = numpy.cumsum(count_diff)[:span]
                    days_sum = counts * day_ordinals - numpy.cumsum(ordinal_diff)[:span]
                    for index in numpy.nonzero(counts)[0]:
                        copy.write_row(
                            (
                                start + timedelta(days=int(index)),
                                region_id,
                                metric,
                                key,
                                int(counts[index]),
                                int(days_sum[index]),
                            )
                        )
                        written += 1
    return written
