"""Every deadline of the applicant journey, in one place, with its legal reference.

A rule says how many days a step may take and from which moment it runs. Statutory rules (the law fixes the
number) cannot be changed; the others are defaults a region may override with ``RegionDeadlineConfig``.
Where the law gives no deadline the comment says so and names the reason for the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DeadlineRule:
    code: str
    days: int
    label: str
    legal_reference: str
    # True when the law fixes the number of days: regions may not override it.
    statutory: bool = False


RULES: dict[str, DeadlineRule] = {
    rule.code: rule
    for rule in [
        # No statutory deadline: a guide should meet a new prospective applicant within a month (default).
        DeadlineRule("information_meeting", 30, _("Informační schůzka od prvního kontaktu"), "—"),
        # No statutory deadline: the applicant decides when to file; a month keeps the case from drifting.
        DeadlineRule("file_application", 60, _("Podání žádosti od informační schůzky"), "§21 (bez lhůty)"),
        # Správní řád §45(2): the authority asks to complete a deficient application without undue delay.
        DeadlineRule("check_application", 15, _("Kontrola úplnosti od podání"), "správní řád §45(2)"),
        # Správní řád §45(2): the authority sets a reasonable deadline to complete the application (default).
        DeadlineRule("complete_application", 30, _("Doplnění žádosti od vrácení"), "správní řád §45(2)"),
        # No statutory deadline for the home visit; it must fit inside the hand-over deadline below.
        DeadlineRule("social_investigation", 21, _("Sociální šetření od úplné žádosti"), "§21(4) (bez lhůty)"),
        # Not confirmed by law (domain spec): the OSPOD sends the file to the KÚ within 30 days of the complete
        # application. Counted from the complete application, not from the task.
        DeadlineRule("handover", 30, _("Předání spisu kraji od úplné žádosti"), "§21(4) – lhůta neověřena"),
        # No statutory deadline: the officer picks an assessor within a week of receiving the file (default).
        DeadlineRule("assign_assessment", 7, _("Zadání odborného posouzení od převzetí spisu"), "§27 (bez lhůty)"),
        # No statutory deadline for the expert assessment (§27); 90 days is common practice (default).
        DeadlineRule("expert_assessment", 90, _("Odborné posouzení od zadání"), "§27 (bez lhůty)"),
        # No statutory deadline for the course itself; regions run it in cycles of about half a year (default).
        DeadlineRule("preparation", 180, _("Příprava od ukončení posouzení"), "§11(2)(b) (bez lhůty)"),
        # Správní řád §36(3): the party must be able to comment on the file before the decision (default 15).
        DeadlineRule("file_inspection", 15, _("Seznámení s podklady"), "správní řád §36(3)"),
        # Správní řád §71(3): a decision within 30 days once the grounds are complete.
        DeadlineRule("decision", 30, _("Vydání rozhodnutí od seznámení s podklady"), "správní řád §71(3)", True),
        # Správní řád §83(1): an appeal within 15 days of delivery of the decision.
        DeadlineRule("appeal", 15, _("Lhůta pro odvolání od doručení"), "správní řád §83(1)", True),
        # The officer records finality (or the appeal) once the appeal period has run: 15 days + 5 for post.
        DeadlineRule("finality", 20, _("Záznam právní moci od doručení"), "správní řád §73(1)"),
        # Správní řád §88(1) and §90(6): the appellate body decides within 30 days, +30 when it must investigate.
        DeadlineRule("appeal_outcome", 60, _("Rozhodnutí o odvolání od podání"), "správní řád §88, §90(6)"),
        # The decision imposes the duty to report relevant changes within 15 days (§22, domain spec).
        DeadlineRule("change_report", 15, _("Oznámení změny poměrů od změny"), "§22 – povinnost v rozhodnutí", True),
    ]
}

# Which rule sets the due date of which task (flow node name).
NODE_RULE = {
    "information_meeting": "information_meeting",
    "file_application": "file_application",
    "check_application": "check_application",
    "complete_application": "complete_application",
    "social_investigation": "social_investigation",
    "handover": "handover",
    "assign_assessment": "assign_assessment",
    "expert_assessment": "expert_assessment",
    "preparation": "preparation",
    "file_inspection": "file_inspection",
    "decision": "decision",
    "finality": "finality",
    "appeal_outcome": "appeal_outcome",
}

# Preparation course minimum hours per care type (vyhláška č. 473/2012 Sb.; domain spec).
COURSE_MIN_HOURS = {"ADOPTION": 48, "FOSTER": 48, "FOSTER_TEMP": 72}


def rule_days(code: str, *, region_id: int | None = None, overrides: dict[str, int] | None = None) -> int:
    """Days of ``code`` for a region: its override, else the default. Pass ``overrides`` to avoid a query."""
    rule = RULES[code]
    if rule.statutory:
        return rule.days
    if overrides is None and region_id is not None:
        overrides = region_overrides(region_id=region_id)
    return (overrides or {}).get(code, rule.days)


def region_overrides(*, region_id: int) -> dict[str, int]:
    from workflows.applicant_journey.models import RegionDeadlineConfig

    return dict(RegionDeadlineConfig.objects.filter(region_id=region_id).values_list("rule", "days"))


def due_date(code: str, *, start: date, region_id: int | None = None, overrides: dict[str, int] | None = None) -> date:
    """The last day of the period that runs from ``start`` (the day of the triggering event is not counted)."""
    return start + timedelta(days=rule_days(code, region_id=region_id, overrides=overrides))


def appeal_deadline(delivered_on: date) -> date:
    """Last day to appeal: 15 days from delivery (správní řád §83(1)); the delivery day is not counted (§40(1)(a)).

    When the last day falls on a weekend the period ends on the next working day (§40(1)(c)); public holidays
    are not modelled here.
    """
    last = delivered_on + timedelta(days=RULES["appeal"].days)
    while last.weekday() >= 5:
        last += timedelta(days=1)
    return last


def is_appeal_late(*, delivered_on: date, filed_on: date) -> bool:
    return filed_on > appeal_deadline(delivered_on)


def change_report_deadline(occurred_on: date) -> date:
    """The duty to report a relevant change within 15 days (§22 decision; domain spec)."""
    return occurred_on + timedelta(days=RULES["change_report"].days)


def course_minimum_hours(care_types: list[str]) -> int:
    """48 h for adoption and long-term foster care, 72 h when short-term foster care is among them."""
    return max((COURSE_MIN_HOURS.get(c, 0) for c in care_types), default=48) or 48
