"""Sections of the applicants: the funnel and the time in each stage."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nrp.stats import charts
from nrp.stats.compute.common import DROPOUT_REASONS, FUNNEL
from nrp.stats.presenters.common import (
    DROPOUT_LABELS,
    FUNNEL_LABELS,
    Cell,
    Chart,
    Protector,
    Section,
    Table,
    _fmt,
    _values,
)
from workflows.applicant_journey.models import JourneyStage


# --- sections ----------------------------------------------------------------------------------------------
def funnel(data: dict, p: Protector) -> Section:
    stages = list(FUNNEL)
    labels = [str(FUNNEL_LABELS[s]) for s in stages]
    totals = [p.count(data["totals"][s]) for s in stages]
    rows = [(month, [p.count(data["reached"][month][s]) for s in stages]) for month in data["months"]]
    rows.append((_("celkem"), totals))
    chart = Chart(
        "funnel",
        _("Cesta žadatelů: kolik rodin dosáhlo každého kroku (posledních 12 měsíců)"),
        Table([_("měsíc"), *labels], rows),
    )
    chart.svg = charts.hbar(chart.id, chart.title, labels, [(_("rodin"), _values(totals))])
    drop_rows = [(str(FUNNEL_LABELS[s]), [p.count(data["dropouts"][r][s]) for r in DROPOUT_REASONS]) for s in stages]
    reasons = [str(DROPOUT_LABELS[r]) for r in DROPOUT_REASONS]
    drops = Chart(
        "dropouts",
        _("Odchody z cesty podle posledního dosaženého kroku a důvodu (posledních 12 měsíců)"),
        Table([_("poslední krok"), *reasons], drop_rows),
    )
    drops.svg = charts.hbar(
        drops.id,
        drops.title,
        labels,
        [(reasons[i], [row[1][i].value for row in drop_rows]) for i in range(len(reasons))],
        stacked=True,
    )
    monthly = Chart(
        "dropouts_monthly",
        _("Odchody podle měsíce a důvodu"),
        Table(
            [_("měsíc"), *reasons],
            [(m, [p.count(data["dropouts_by_month"][m][r]) for r in DROPOUT_REASONS]) for m in data["months"]],
        ),
    )
    monthly.svg = charts.columns(
        monthly.id,
        monthly.title,
        [m[5:] for m in data["months"]],
        [(reasons[i], [row[1][i].value for row in monthly.table.rows]) for i in range(len(reasons))],
    )
    return Section("funnel", _("Cesta žadatelů"), [chart, drops, monthly])


def stage_times(data: dict, p: Protector, part_names: dict[int, str]) -> Section:
    own = [row for row in data["rows"] if row["part"] is None]
    labels = [str(JourneyStage(row["stage"]).label) for row in own]
    rows = [
        (
            label,
            [
                p.count(row["n"]),
                p.measure(row["median"], row["n"]),
                p.measure(row["p90"], row["n"]),
                Cell(_fmt(row["limit"]) if row["limit"] else "–", row["limit"]),
                p.count(row["over"]),
            ],
        )
        for label, row in zip(labels, own, strict=True)
    ]
    chart = Chart(
        "stage_times",
        _("Doba v jednotlivých fázích (dny, medián a 90. percentil) proti lhůtám"),
        Table([_("fáze"), _("případů"), _("medián dní"), _("90. percentil"), _("lhůta (dní)"), _("nad lhůtou")], rows),
        notes=[_("Svislá čárka u pruhu je lhůta fáze (zákonná nebo výchozí krajská).")],
    )
    chart.svg = charts.hbar(
        chart.id,
        chart.title,
        labels,
        [(_("medián"), [r[1][1].value for r in rows]), (_("90. percentil"), [r[1][2].value for r in rows])],
        markers=[row["limit"] for row in own],
    )
    part_label = _("kraj") if data["part_kind"] == "region" else _("ORP")
    part_rows = [
        (
            f"{part_names.get(row['part'], row['part'])} · {JourneyStage(row['stage']).label}",
            [
                p.count(row["n"]),
                p.measure(row["median"], row["n"]),
                p.measure(row["p90"], row["n"]),
                p.count(row["over"]),
            ],
        )
        for row in data["rows"]
        if row["part"] is not None
    ]
    parts = Chart(
        "stage_times_parts",
        _("Doba ve fázích podle místa (%(part)s)") % {"part": part_label},
        Table(
            [f"{part_label} · {_('fáze')}", _("případů"), _("medián dní"), _("90. percentil"), _("nad lhůtou")],
            part_rows,
        ),
    )
    target, handover = data["target"], data["handover"]
    target_rows = [
        (_("žádost → rozhodnutí: případů"), [p.count(target["n"])]),
        (_("medián (dní)"), [p.measure(target["median"], target["n"])]),
        (_("90. percentil (dní)"), [p.measure(target["p90"], target["n"])]),
        (_("do 6 měsíců"), [p.count(target["within_low"])]),
        (_("do 9 měsíců"), [p.count(target["within_high"])]),
        (_("předání spisu kraji v lhůtě"), [p.count(handover["met"])]),
        (_("předání spisu kraji po lhůtě"), [p.count(handover["missed"])]),
    ]
    goal = Chart(
        "target",
        _("Od žádosti k rozhodnutí: cíl 6–9 měsíců; předání spisu kraji (%(days)s dní)") % {"days": handover["limit"]},
        Table([_("ukazatel"), _("hodnota")], target_rows),
    )
    goal.svg = charts.hbar(
        goal.id,
        goal.title,
        [_("do 6 měsíců"), _("do 9 měsíců"), _("celkem"), _("předání v lhůtě"), _("předání po lhůtě")],
        [
            (
                _("případů"),
                [
                    target_rows[3][1][0].value,
                    target_rows[4][1][0].value,
                    target_rows[0][1][0].value,
                    target_rows[5][1][0].value,
                    target_rows[6][1][0].value,
                ],
            )
        ],
    )
    return Section("stage_times", _("Doba ve fázích a lhůty"), [chart, goal, parts])
