"""The section of the hand-over of the applicant's file to the regional office, kept in its deadline or not."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nrp import law
from nrp.stats import charts
from nrp.stats.presenters.common import Chart, Protector, Section, Table

# The rule whose deadline the figure measures (ORP hands the file to the regional office, § 23b).
RULE_ID = "HANDOVER_PERIOD"


def handover(data: dict, p: Protector, part_names: dict[int, str]) -> Section:
    rows = []
    for row in data["rows"]:
        label = _("celkem") if row["region"] is None else part_names.get(row["region"], str(row["region"]))
        rows.append(
            (
                label,
                [
                    p.count(row["total"]),
                    p.count(row["met"]),
                    p.count(row["missed"]),
                    p.measure(row["share_met"], row["total"], suffix=" %"),
                ],
            )
        )
    # The total first in the data; in the table the regions come first and the total closes it.
    rows = rows[1:] + rows[:1] if len(rows) > 1 else rows
    since = date_format(date.fromisoformat(data["since"]), "j. n. Y")
    title = _("Předání spisu krajskému úřadu ve lhůtě")
    chart = Chart(
        "handover",
        title,
        Table([_("kraj"), _("předání spisu"), _("ve lhůtě"), _("po lhůtě"), _("podíl ve lhůtě")], rows),
        notes=[
            _(
                "Spisy žadatelů, které ORP odeslala krajskému úřadu od %(since)s; lhůta pro předání podle "
                "%(law)s (výchozí 30 dní od úplné žádosti, kraj ji může upravit), dodržení se zaznamenává "
                "při odeslání."
            )
            % {"since": since, "law": law.cite(RULE_ID)}
        ],
    )
    chart.svg = charts.hbar(
        chart.id,
        chart.title,
        [str(label) for label, _cells in rows],
        [
            (_("ve lhůtě"), [cells[1].value for _label, cells in rows]),
            (_("po lhůtě"), [cells[2].value for _label, cells in rows]),
        ],
        stacked=True,
    )
    return Section("handover", title, [chart])
