"""Sections of the outcomes: how placements ended, and fairness between groups of children."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nrp.stats import charts
from nrp.stats.compute.common import FAIRNESS_GROUPS, STABILITY_MONTHS
from nrp.stats.presenters.common import (
    COMPARE_MIN,
    FAIRNESS_LABELS,
    MISSING_NOTES,
    Cell,
    Chart,
    Protector,
    Section,
    Table,
    _fmt,
    _reason_label,
)


def outcomes(data: dict, p: Protector) -> Section:
    rows = []
    stability_series: dict[str, list[float | None]] = {str(m): [] for m in STABILITY_MONTHS}
    labels = []
    for version in data["versions"]:
        label = (
            _("bez uloženého pořadí")
            if version["version"] == "none"
            else _("verze %(label)s (od %(since)s)") % {"label": version["label"], "since": version["since"]}
        )
        labels.append(label)
        cells = [p.count(version["placements"])]
        for months in STABILITY_MONTHS:
            cell = version["stability"][str(months)]
            rate = 100 * cell["stable"] / cell["eligible"] if cell["eligible"] else None
            shown = p.measure(round(rate, 1) if rate is not None else None, cell["eligible"], suffix=" %")
            cells.append(
                Cell(
                    f"{shown.text} ({_fmt(cell['eligible'])})"
                    if not shown.suppressed and rate is not None
                    else shown.text,
                    shown.value,
                    shown.suppressed,
                )
            )
            stability_series[str(months)].append(shown.value)
        cells.append(p.count(version["ended"]))
        reasons = ", ".join(
            f"{_reason_label(code)}: {p.count(n).text}" for code, n in sorted(version["reasons"].items())
        )
        cells.append(Cell(reasons or "–", None))
        perm = version["permanency"]
        cells.append(p.measure(round(perm["median"] / 30.44, 1) if perm["median"] is not None else None, perm["n"]))
        rows.append((label, cells))
    weights = [
        (
            _("verze %(label)s") % {"label": v["label"]},
            [Cell(", ".join(f"{k} {w}" for k, w in sorted(v["weights"].items())), None)],
        )
        for v in data["versions"]
        if v["weights"]
    ]
    chart = Chart(
        "outcomes",
        _("Výsledky podle verze vah párování platné při výběru rodiny: trvání péče po 6, 12 a 24 měsících"),
        Table(
            [
                _("verze vah"),
                _("svěření"),
                _("trvá po 6 měs. (%, měřeno)"),
                _("po 12 měs."),
                _("po 24 měs."),
                _("ukončeno"),
                _("důvody ukončení"),
                _("medián měsíců do trvalého řešení"),
            ],
            rows,
        ),
        notes=[str(MISSING_NOTES[code]) for code in data["missing"]],
    )
    chart.svg = charts.hbar(
        chart.id,
        chart.title,
        labels,
        [(_("%(m)s měsíců") % {"m": m}, stability_series[str(m)]) for m in STABILITY_MONTHS],
    )
    weights_chart = Chart("weights_versions", _("Verze vah párování"), Table([_("verze"), _("váhy kritérií")], weights))
    return Section("outcomes", _("Výsledky podle vah párování"), [chart, weights_chart])


def fairness(data: dict, p: Protector) -> Section:
    rows, warnings = [], []
    for key in FAIRNESS_GROUPS:
        g = data["groups"][key]
        label = str(FAIRNESS_LABELS[key])
        rate = 100 * g["rate"] if g["rate"] is not None else None
        rows.append(
            (
                label,
                [
                    p.count(g["waiting"]["n"]),
                    p.measure(g["waiting"]["median"], g["waiting"]["n"]),
                    p.count(g["cohort"]),
                    p.count(g["placed"]),
                    p.measure(round(rate, 1) if rate is not None else None, g["cohort"], suffix=" %"),
                    p.measure(g["to_placement"]["median"], g["to_placement"]["n"]),
                ],
            )
        )
        if key != "all" and (g["cohort"] < COMPARE_MIN or g["waiting"]["n"] < COMPARE_MIN):
            warnings.append(
                _("Skupina „%(group)s“ je příliš malá pro srovnání (méně než %(min)s případů).")
                % {"group": label, "min": COMPARE_MIN}
            )
    chart = Chart(
        "fairness",
        _("Spravedlnost: doba čekání a podíl umístěných dětí ve skupinách, které čekají nejdéle"),
        Table(
            [
                _("skupina"),
                _("čeká nyní"),
                _("medián měsíců čekání"),
                _("zařazeno za 2 roky"),
                _("z nich svěřeno"),
                _("podíl svěřených"),
                _("medián měsíců do svěření"),
            ],
            rows,
        ),
        warnings=warnings,
        notes=[_("Skupiny se překrývají; „všechny děti“ je srovnávací základ. Věk a skupina ke dni zařazení.")],
    )
    chart.svg = charts.hbar(
        chart.id,
        chart.title,
        [r[0] for r in rows],
        [
            (_("medián měsíců čekání"), [r[1][1].value for r in rows]),
            (_("podíl svěřených (%)"), [r[1][4].value for r in rows]),
        ],
    )
    return Section("fairness", _("Spravedlnost"), [chart])
