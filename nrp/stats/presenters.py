"""Turn the precomputed sections into what a person sees: charts, the tables next to them, notes and warnings.

Small groups are protected here, once, for the page, the exports and the API alike: a figure that rests on
fewer than ``small_group_threshold()`` cases or families is replaced by "<5" (and drawn as no bar) unless the
viewer is an officer of the region the figures are about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nrp.core.choices import CareType, HealthNeed
from nrp.stats import charts
from nrp.stats.compute import DROPOUT_REASONS, FAIRNESS_GROUPS, FUNNEL, STABILITY_MONTHS
from workflows.applicant_journey.models import JourneyStage
from workflows.child_mediation.models import ClosureReason

FUNNEL_LABELS = {
    "interest": gettext_lazy("zájem"),
    "application": gettext_lazy("žádost"),
    "complete": gettext_lazy("úplná žádost"),
    "assessment": gettext_lazy("posouzení"),
    "decision": gettext_lazy("rozhodnutí"),
    "register": gettext_lazy("evidence"),
    "approached": gettext_lazy("oslovení"),
    "placed": gettext_lazy("svěření"),
}
DROPOUT_LABELS = {
    "withdrawn": gettext_lazy("žádost vzata zpět"),
    "refused": gettext_lazy("zamítnuto / nezařazeno"),
    "removed": gettext_lazy("vyřazen z evidence"),
}
DIMENSIONS = {
    "age": gettext_lazy("Věk (nejstarší dítě)"),
    "size": gettext_lazy("Sourozenecká skupina"),
    "health": gettext_lazy("Zdravotní potřeby"),
    "eth": gettext_lazy("Etnikum (je-li uvedeno)"),
    "legal": gettext_lazy("Právní postavení"),
    "care": gettext_lazy("Hledaná forma péče"),
}
VALUE_LABELS = {
    "all": gettext_lazy("všechny děti"),
    "size:1": gettext_lazy("jedno dítě"),
    "size:2": gettext_lazy("dva sourozenci"),
    "size:3+": gettext_lazy("tři a více sourozenců"),
    "health:none": gettext_lazy("bez zdravotních potřeb"),
    "health:one": gettext_lazy("jedna potřeba"),
    "health:several": gettext_lazy("více potřeb"),
    "eth:majority": gettext_lazy("majoritní"),
    "eth:roma": gettext_lazy("romské"),
    "eth:other": gettext_lazy("jiné"),
    "eth:unrecorded": gettext_lazy("neuvedeno"),
    "legal:free": gettext_lazy("právně volné"),
    "legal:not_free": gettext_lazy("právně nevolné"),
    "fair:older": gettext_lazy("starší děti (7+)"),
    "fair:siblings": gettext_lazy("sourozenecké skupiny"),
    "fair:disability": gettext_lazy("děti s postižením"),
    "fair:roma": gettext_lazy("romské děti"),
}
FAIRNESS_LABELS = {
    "all": gettext_lazy("všechny děti"),
    "older": gettext_lazy("starší děti (7 let a více)"),
    "siblings": gettext_lazy("sourozenecké skupiny"),
    "disability": gettext_lazy("děti s postižením nebo poruchami chování"),
    "roma": gettext_lazy("romské děti"),
}
FAILED_LABELS = {"declined": gettext_lazy("rodina odmítla"), "lapsed": gettext_lazy("lhůta uplynula")}
MISSING_NOTES = {
    "breakdown_before_record": gettext_lazy(
        "Ukončení péče (rozpad) se zaznamenává s datem a kódovanými důvody; u svěření bez tohoto záznamu se za "
        "ukončené počítá svěření, jehož případ byl později uzavřen, s důvodem uzavření. Stabilní je svěření, "
        "které ke dni měření trvá."
    ),
    "adoption_date_not_recorded": gettext_lazy(
        "Datum osvojení se nezaznamenává: doba do trvalého řešení se měří od zařazení do evidence po svěření do "
        "osvojení nebo dlouhodobé pěstounské péče."
    ),
}
COMPARE_MIN = 10


def _reason_label(code: str) -> str:
    """A breakdown's coded reason, or (before breakdowns were recorded) the case's closure reason."""
    from workflows.child_mediation.legal import BreakdownReason

    for vocabulary in (BreakdownReason, ClosureReason):
        if code in vocabulary.values:
            return str(vocabulary(code).label)
    return code


def value_label(key: str) -> str:
    if key in VALUE_LABELS:
        return str(VALUE_LABELS[key])
    dim, _sep, value = key.partition(":")
    if dim == "age":
        return _("%(band)s let") % {"band": value.replace("-", "–")}
    if dim == "care":
        return str(CareType(value).label) if value in CareType.values else value
    if dim == "need":
        return str(HealthNeed(value).label) if value in HealthNeed.values else value
    return key


@dataclass
class Cell:
    text: str
    value: float | None
    suppressed: bool = False


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[str, list[Cell]]]


@dataclass
class Chart:
    id: str
    title: str
    table: Table
    svg: str = ""
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    charts: list[Chart]
    intro: str = ""


class Protector:
    """Applies the small-group rule for one viewer."""

    def __init__(self, *, protect: bool, threshold: int):
        self.protect = protect
        self.threshold = threshold
        self.hidden = 0

    def count(self, n: int | None) -> Cell:
        if n is None:
            return Cell("–", None)
        if self.protect and 0 < n < self.threshold:
            self.hidden += 1
            return Cell(f"<{self.threshold}", None, True)
        return Cell(_fmt(n), n)

    def measure(self, value: float | None, n: int | None, *, suffix: str = "") -> Cell:
        """A median, a rate …: shown only when the count behind it passes the threshold."""
        if value is None or not n:
            return Cell("–", None)
        if self.protect and n < self.threshold:
            self.hidden += 1
            return Cell(f"<{self.threshold}", None, True)
        return Cell(_fmt(value) + suffix, value)


def _fmt(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u00a0")
    return f"{value:.1f}".replace(".", ",")


def _values(cells: list[Cell]) -> list[float | None]:
    return [c.value for c in cells]


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


def dashboard(aggregates: dict[str, dict], protector: Protector, part_names: dict[int, str]) -> list[Section]:
    builders = [
        ("funnel", funnel),
        ("stage_times", lambda data, p: stage_times(data, p, part_names)),
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
