"""The yearly figures the ministry asks regions for: one table per year, printable, as PDF and CSV."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nrp import law
from nrp.core.choices import CareType
from nrp.stats.presenters.common import Cell, Protector, Table

REMOVAL_LABELS = {
    "removed": law.message(gettext_lazy("vyřazen z evidence (%(law)s)"), law="REGISTER_REMOVAL"),
    "withdrawn": gettext_lazy("žádost vzata zpět"),
}


def years_available(data: dict) -> list[str]:
    return sorted(data.get("years", {}), reverse=True)


def yearly_table(data: dict, year: str, p: Protector) -> Table:
    figures = data["years"][year]
    cares = list(CareType.values)
    rows: list[tuple[str, list[Cell]]] = [
        (_("Žadatelé v evidenci ke konci roku (celkem)"), [p.count(figures["register_total"])]),
        *[
            (
                _("… z toho schváleni pro: %(care)s") % {"care": CareType(c).label},
                [p.count(figures["register_by_care"][c])],
            )
            for c in cares
        ],
        (_("Děti v evidenci ke konci roku"), [p.count(figures["children"])]),
        *[
            (_("Zprostředkovaná svěření: %(care)s") % {"care": CareType(c).label}, [p.count(figures["placements"][c])])
            for c in cares
        ],
        *[
            (_("Vyřazení a zpětvzetí: %(kind)s") % {"kind": REMOVAL_LABELS[k]}, [p.count(n)])
            for k, n in figures["removals"].items()
        ],
    ]
    for status, text, n in figures["reasons"]:
        shown = p.count(n)
        if shown.suppressed:
            continue
        rows.append(
            (_("Důvod (%(kind)s): %(reason)s") % {"kind": REMOVAL_LABELS[status], "reason": text or "–"}, [shown])
        )
    return Table([_("ukazatel"), _("rok %(year)s (ke dni %(day)s)") % {"year": year, "day": figures["as_of"]}], rows)
