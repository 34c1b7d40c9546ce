"""The vocabulary of the legal-basis module: confidence marks, acts, units and the Rule record."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Confidence(StrEnum):
    # Přečteno v novém znění zákona.
    READ = "V"
    # Číslo a nadpis v úředním obsahu úplného znění; obsah odvozen z nadpisu.
    TABLE_OF_CONTENTS = "T"
    # Sekundární zdroje (vyjádření ministerstva, komentáře) nebo předpis, který jsme znovu nečetli.
    SECONDARY = "S"
    # Neověřeno.
    UNVERIFIED = "U"

    @property
    def label(self) -> Promise:
        return CONFIDENCE_LABELS[self]


CONFIDENCE_LABELS = {
    Confidence.READ: _("přečteno v novém znění zákona"),
    Confidence.TABLE_OF_CONTENTS: _("číslo a nadpis v obsahu úplného znění, obsah odvozen"),
    Confidence.SECONDARY: _("sekundární zdroje, znění nepřečteno"),
    Confidence.UNVERIFIED: _("neověřeno"),
}


@dataclass(frozen=True)
class Act:
    code: str
    # Nominative, for a rule that cites the act without a paragraph ("zákon č. 359/1999 Sb.").
    title: Promise
    # Genitive after a paragraph: full ("§ 24 zákona č. 359/1999 Sb.") and short ("§ 24 zákona o SPOD").
    full: Promise
    short: Promise


SPOD = Act(
    "359/1999",
    _("zákon č. 359/1999 Sb., o sociálně-právní ochraně dětí"),
    _("zákona č. 359/1999 Sb."),
    _("zákona o SPOD"),
)
SR = Act("500/2004", _("zákon č. 500/2004 Sb., správní řád"), _("zákona č. 500/2004 Sb."), _("správního řádu"))
OZ = Act("89/2012", _("zákon č. 89/2012 Sb., občanský zákoník"), _("zákona č. 89/2012 Sb."), _("občanského zákoníku"))
ACTS = {act.code: act for act in (SPOD, SR, OZ)}


class Unit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    YEARS = "years"
    HOURS = "hours"

    @property
    def label(self) -> Promise:
        return UNIT_LABELS[self]


UNIT_LABELS = {
    Unit.DAYS: _("dní"),
    Unit.WORKING_DAYS: _("pracovních dní"),
    Unit.MONTHS: _("měsíců"),
    Unit.YEARS: _("let"),
    Unit.HOURS: _("hodin"),
}


@dataclass(frozen=True)
class Rule:
    """One rule the system applies. ``at`` is the citation in the 2025 numbering: "23a(1)", "23d–23g",
    "40(1)(c)", several separated by ", "; empty when the paragraph is not known (the act is cited alone)."""

    id: str
    act: Act
    at: str
    meaning: Promise
    # What the rule was read from (statutory words where read, else the source); not translated.
    wording: str
    confidence: Confidence
    formerly: str = ""
    default: int | None = None
    unit: Unit | None = None
    region_may_change: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not None

    @property
    def needs_confirmation(self) -> bool:
        return self.confidence != Confidence.READ


V, T, S, U = Confidence.READ, Confidence.TABLE_OF_CONTENTS, Confidence.SECONDARY, Confidence.UNVERIFIED
D, WD, M, Y, H = Unit.DAYS, Unit.WORKING_DAYS, Unit.MONTHS, Unit.YEARS, Unit.HOURS
# Where a T rule was read: the official consolidated table of contents (headings identical in both versions).
TOC = "Nadpis v obsahu úplného znění zákona č. 359/1999 Sb. (znění účinná 1. 10. 2025 a 1. 1. 2026): "
SR_TEXT = "Zákon č. 500/2004 Sb., správní řád (novelou 242/2024 Sb. nedotčen; pro projekt znovu nečten): "
