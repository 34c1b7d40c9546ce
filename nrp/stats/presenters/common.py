"""Labels, the pieces a section is made of (cells, tables, charts) and the small-number protector."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nrp.core.choices import CareType, HealthNeed
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
    from workflows.child_mediation.legal.vocabulary import BreakdownReason

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
