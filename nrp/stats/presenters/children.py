"""Sections of the children: who waits, missing data, placements."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nrp.core.choices import CareType
from nrp.stats import charts
from nrp.stats.presenters.common import DIMENSIONS, FAILED_LABELS, Chart, Protector, Section, Table, value_label


def children(data: dict, p: Protector) -> Section:
    result = []
    groups = data["groups"]
    for dim, title in DIMENSIONS.items():
        keys = [k for k in groups if k.startswith(dim + ":")]
        if dim == "care":
            keys.sort(key=lambda k: CareType.values.index(k[5:]) if k[5:] in CareType.values else 9)
        labels = [value_label(k) for k in keys]
        rows = [
            (
                label,
                [
                    p.count(groups[k]["n"]),
                    p.measure(groups[k]["median"], groups[k]["n"]),
                    p.measure(groups[k]["max"], groups[k]["n"]),
                ],
            )
            for label, k in zip(labels, keys, strict=True)
        ]
        chart = Chart(
            f"children_{dim}",
            _("Čekající děti: %(dimension)s") % {"dimension": title},
            Table([str(title), _("případů"), _("medián měsíců čekání"), _("nejdéle (měsíců)")], rows),
        )
        chart.svg = charts.hbar(chart.id, chart.title, labels, [(_("případů"), [r[1][0].value for r in rows])])
        if dim == "health":
            chart.notes.append(_("Závažnost potřeb se nezaznamenává; rozlišujeme počet potřeb."))
        result.append(chart)
    trend = data["trend"]
    months = [point["month"] for point in trend]
    trend_rows = [
        (point["month"], [p.count(point["n"]), p.measure(point["mean_months"], point["n"])]) for point in trend
    ]
    chart = Chart(
        "children_trend",
        _("Vývoj: čekající děti na konci měsíce (z denních snímků)"),
        Table([_("měsíc"), _("čekajících případů"), _("průměr měsíců čekání")], trend_rows),
    )
    chart.svg = charts.line(chart.id, chart.title, [m[2:] for m in months], [r[1][0].value for r in trend_rows])
    if not trend:
        chart.notes.append(_("Historie vzniká denním příkazem stats_snapshot; zatím není k dispozici."))
    return Section(
        "children",
        _("Čekající děti (%(n)s případů)") % {"n": p.count(data["total"]).text},
        [chart, *result],
    )


def missing(data: dict, p: Protector) -> Section:
    keys = [
        k for k in data["groups"] if k == "all" or k.split(":")[0] in ("age", "size", "health", "eth", "legal", "fair")
    ]
    rows = []
    for key in keys:
        g = data["groups"][key]
        rows.append(
            (
                value_label(key),
                [
                    p.count(g["n"]),
                    p.measure(g["region_median"], g["n"]),
                    p.count(g["region_none"]),
                    p.measure(g["country_median"], g["n"]),
                    p.count(g["country_none"]),
                ],
            )
        )
    chart = Chart(
        "missing",
        _("Chybějící rodiny: kolik rodin v evidenci splňuje tvrdá kritéria pro čekající děti"),
        Table(
            [
                _("skupina dětí"),
                _("čekajících případů"),
                _("medián vhodných rodin v kraji"),
                _("případů bez vhodné rodiny v kraji"),
                _("medián vhodných rodin v ČR"),
                _("případů bez vhodné rodiny v ČR"),
            ],
            rows,
        ),
        notes=[
            _("Rodin v evidenci: v kraji %(region)s, v ČR %(country)s. Posuzuje párovací modul (tvrdá kritéria).")
            % {"region": data["families_region"], "country": data["families_country"]},
            _("Skupiny s případy bez vhodné rodiny jsou cílem náboru, který by kraj měl zveřejnit."),
        ],
    )
    chart.svg = charts.hbar(
        chart.id,
        chart.title,
        [r[0] for r in rows],
        [
            (_("bez rodiny v kraji"), [r[1][2].value for r in rows]),
            (_("bez rodiny v ČR"), [r[1][4].value for r in rows]),
        ],
    )
    return Section("missing", _("Chybějící rodiny"), [chart])


def placements(data: dict, p: Protector) -> Section:
    cares = list(CareType.values)
    labels = [str(CareType(c).label) for c in cares]
    rows = [(m, [p.count(data["by_care"][m][c]) for c in cares]) for m in data["months"]]
    chart = Chart("placements", _("Svěření do péče podle měsíce a formy péče"), Table([_("měsíc"), *labels], rows))
    chart.svg = charts.columns(
        chart.id,
        chart.title,
        [m[5:] for m in data["months"]],
        [(labels[i], [r[1][i].value for r in rows]) for i in range(len(cares))],
    )
    codes = list(FAILED_LABELS)
    failed_rows = [(m, [p.count(data["failed"][m][c]) for c in codes]) for m in data["months"]]
    failed = Chart(
        "failed",
        _("Nezdařená párování podle měsíce a kódovaného důvodu"),
        Table([_("měsíc"), *[str(FAILED_LABELS[c]) for c in codes]], failed_rows),
    )
    failed.svg = charts.columns(
        failed.id,
        failed.title,
        [m[5:] for m in data["months"]],
        [(str(FAILED_LABELS[c]), [r[1][i].value for r in failed_rows]) for i, c in enumerate(codes)],
    )
    child, family = data["child_days"], data["family_days"]
    waits = Chart(
        "time_to_placement",
        _("Doba do svěření (dny, posledních 12 měsíců)"),
        Table(
            [_("od"), _("případů"), _("medián dní"), _("90. percentil")],
            [
                (
                    _("zařazení dítěte do evidence"),
                    [p.count(child["n"]), p.measure(child["median"], child["n"]), p.measure(child["p90"], child["n"])],
                ),
                (
                    _("zařazení rodiny do evidence"),
                    [
                        p.count(family["n"]),
                        p.measure(family["median"], family["n"]),
                        p.measure(family["p90"], family["n"]),
                    ],
                ),
            ],
        ),
    )
    waits.svg = charts.hbar(
        waits.id,
        waits.title,
        [r[0] for r in waits.table.rows],
        [
            (_("medián"), [r[1][1].value for r in waits.table.rows]),
            (_("90. percentil"), [r[1][2].value for r in waits.table.rows]),
        ],
    )
    return Section("placements", _("Svěření do péče"), [chart, failed, waits])
