"""The dashboard's sections in order, and finding one chart among them."""

from __future__ import annotations

from nrp.stats.presenters.applicants import funnel, stage_times
from nrp.stats.presenters.children import children, missing, placements
from nrp.stats.presenters.common import Chart, Protector, Section
from nrp.stats.presenters.handovers import handover
from nrp.stats.presenters.outcomes import fairness, outcomes


def dashboard(aggregates: dict[str, dict], protector: Protector, part_names: dict[int, str]) -> list[Section]:
    builders = [
        ("funnel", funnel),
        ("stage_times", lambda data, p: stage_times(data, p, part_names)),
        ("handover", lambda data, p: handover(data, p, part_names)),
        ("children", children),
        ("missing", missing),
        ("placements", placements),
        ("outcomes", outcomes),
        ("fairness", fairness),
    ]
    # A section not computed yet (a new region before the next nightly run) is left out, not an error.
    return [build(aggregates[name], protector) for name, build in builders if name in aggregates]


def find_chart(sections: list[Section], chart_id: str) -> Chart | None:
    for section in sections:
        for chart in section.charts:
            if chart.id == chart_id:
                return chart
    return None
