"""The hand-over of the applicant's file to the regional office (HANDOVER_PERIOD): kept in its deadline or not.

Counts the ``FileHandover`` records sent in the last year (``HANDOVER_WINDOW_DAYS``) with the outcome recorded
when the file was sent (``deadline_met``: sent on or before the due date in force for that journey). The
country's figure has a row per region and a total; a region's figure has its own row.
"""

from __future__ import annotations

from datetime import timedelta

from nrp.stats.compute.common import HANDOVER_WINDOW_DAYS
from nrp.stats.compute.inputs import Inputs, by_scope


def _counts(rows: list[dict]) -> dict:
    met = sum(1 for row in rows if row["deadline_met"])
    total = len(rows)
    return {
        "total": total,
        "met": met,
        "missed": total - met,
        # Share kept in the deadline, in per cent (one decimal); none when nothing was handed over.
        "share_met": round(100 * met / total, 1) if total else None,
    }


def handover_section(inputs: Inputs) -> dict[int | None, dict]:
    since = inputs.today - timedelta(days=HANDOVER_WINDOW_DAYS)
    grouped = by_scope(inputs.handovers, lambda row: row["region_id"])
    out: dict[int | None, dict] = {}
    for scope in [None, *inputs.region_ids]:
        rows = [{"region": None, **_counts(grouped.get(scope, []))}]
        if scope is None:
            rows += [{"region": region_id, **_counts(grouped.get(region_id, []))} for region_id in inputs.region_ids]
        out[scope] = {"since": since.isoformat(), "rows": rows}
    return out
