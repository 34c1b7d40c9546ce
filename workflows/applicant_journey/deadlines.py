"""Every deadline of the applicant journey, in one place, with its legal basis (rule ids of ``nrp.law``).

A rule says how many days a step may take and from which moment it runs. Where the law fixes the number (a rule
of ``nrp.law`` with a default that no region may change) the days come from there and cannot be overridden; the
others are defaults a region may override with ``RegionDeadlineConfig``. Where the law gives no deadline the
comment says so and names the reason for the default. Periods of the applicant (appeal) are counted as
správní řád §40 says, with weekends and Czech public holidays (``nrp.core.workdays``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.workdays import add_working_days, period_end

NO_STATUTORY_DEADLINE = _("bez zákonné lhůty")


@dataclass(frozen=True)
class DeadlineRule:
    code: str
    days: int
    label: str
    # Rule ids of nrp.law the step rests on (its citation is rendered from there); empty: practice only.
    law_ids: tuple[str, ...] = ()
    # True when the law fixes the number of days: regions may not override it.
    statutory: bool = False

    @property
    def legal_reference(self) -> str:
        """The citations of the rule in the current language ("bez zákonné lhůty" for a practice deadline)."""
        return "; ".join(law.cite(i, form="short") for i in self.law_ids) or str(NO_STATUTORY_DEADLINE)


def _from_law(code: str, rule_id: str, label) -> DeadlineRule:
    """A deadline whose number the law (or the law's shipped default) gives: one source for days and whether a
    region may change them."""
    rule = law.rule(rule_id)
    return DeadlineRule(code, law.default(rule_id), label, (rule_id,), statutory=not rule.region_may_change)


RULES: dict[str, DeadlineRule] = {
    rule.code: rule
    for rule in [
        # No statutory deadline: a guide should meet a new prospective applicant within a month (default).
        DeadlineRule("information_meeting", 30, _("Informační schůzka od prvního kontaktu")),
        # No statutory deadline: the applicant decides when to file; two months keep the case from drifting.
        DeadlineRule("file_application", 60, _("Podání žádosti od informační schůzky"), ("APPLICATION",)),
        # SŘ §45(2): the authority asks to complete a deficient application without undue delay.
        DeadlineRule("check_application", 15, _("Kontrola úplnosti od podání"), ("APPLICATION_DEFICIENT",)),
        # SŘ §45(2): the authority sets a reasonable deadline to complete the application (default).
        DeadlineRule("complete_application", 30, _("Doplnění žádosti od vrácení"), ("APPLICATION_DEFICIENT",)),
        # No statutory deadline for the home visit (§23b); it must fit inside the hand-over deadline below.
        DeadlineRule("social_investigation", 21, _("Sociální šetření od úplné žádosti"), ("ORP_PROCEEDINGS",)),
        # Not confirmed by law (U): the OSPOD sends the file to the KÚ within 30 days of the complete application.
        # Counted from the complete application, not from the task.
        _from_law("handover", "HANDOVER_PERIOD", _("Předání spisu kraji od úplné žádosti")),
        # No statutory deadline: the officer picks an assessor within a week of receiving the file (default).
        DeadlineRule("assign_assessment", 7, _("Zadání odborného posouzení od převzetí spisu"), ("EXPERT_ASSESSMENT",)),
        # No statutory deadline for the expert assessment (§27); 90 days is common practice (default).
        DeadlineRule("expert_assessment", 90, _("Odborné posouzení od zadání"), ("EXPERT_ASSESSMENT",)),
        # No statutory deadline for the course itself (§23k); regions run it in cycles of about half a year.
        DeadlineRule("preparation", 180, _("Příprava od ukončení posouzení"), ("PREPARATION",)),
        # SŘ §36(3): the party must be able to comment on the file before the decision (the officer's task, 15).
        DeadlineRule("file_inspection", 15, _("Seznámení s podklady"), ("FILE_INSPECTION",)),
        # SŘ §36(3): the applicant's period to respond to the file before a negative decision (working days, the
        # region may change it).
        _from_law("inspection_response", "FILE_INSPECTION", _("Lhůta žadatele k vyjádření k podkladům")),
        # SŘ §71(3): a decision within 30 days.
        _from_law("decision", "DECISION_DEADLINE", _("Vydání rozhodnutí od seznámení s podklady")),
        # SŘ §83(1): an appeal within 15 days of delivery of the decision.
        _from_law("appeal", "APPEAL_PERIOD", _("Lhůta pro odvolání od doručení")),
        # The officer records finality (or the appeal) once the appeal period has run: 15 days + 5 for post.
        DeadlineRule("finality", 20, _("Záznam právní moci od doručení"), ("FINALITY",)),
        # SŘ §88(1) and §90(6): forwarded within 30 days, the appellate body decides within 30 more.
        _from_law("appeal_outcome", "APPEAL_DECISION", _("Rozhodnutí o odvolání od podání")),
        # §23k: the duty to report relevant changes within 15 days (U: a regional setting until confirmed).
        _from_law("change_report", "CHANGE_REPORT", _("Oznámení změny poměrů od změny")),
        # No statutory deadline: the KÚ reviews a reported change within 15 days of the report (default).
        DeadlineRule("change_review", 15, _("Posouzení oznámené změny poměrů od oznámení"), ("CHANGE_REPORT",)),
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

# Preparation course minimum hours per care type (rule COURSE_HOURS, U: 48 h, 72 h for short-term foster care).
COURSE_MIN_HOURS = {"ADOPTION": law.default("COURSE_HOURS"), "FOSTER": law.default("COURSE_HOURS"), "FOSTER_TEMP": 72}


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
    """Last day to appeal (APPEAL_PERIOD): 15 days from delivery, the delivery day not counted; a last day on a
    Saturday, Sunday or public holiday moves to the next working day (DEADLINE_COUNTING)."""
    return period_end(delivered_on, RULES["appeal"].days)


def is_appeal_late(*, delivered_on: date, filed_on: date) -> bool:
    """LATE_APPEAL: filed after the last day of the appeal period."""
    return filed_on > appeal_deadline(delivered_on)


def effective_without_appeal(delivered_on: date) -> date:
    """FINALITY: with no appeal in time the decision takes effect the day after the appeal period ends."""
    return appeal_deadline(delivered_on) + timedelta(days=1)


def effective_on_waiver(*, delivered_on: date, waived_on: date) -> date:
    """APPEAL_WAIVER: final on the day the waiver reached the authority, never before the decision was delivered."""
    return max(delivered_on, waived_on)


def appeal_forwarding_deadline(filed_on: date) -> date:
    """APPEAL_FORWARDING: the KÚ sends the appeal with the file to the ministry within 30 days of receiving it."""
    return period_end(filed_on, law.default("APPEAL_FORWARDING"))


def change_report_deadline(occurred_on: date, *, region_id: int | None = None) -> date:
    """CHANGE_REPORT (§23k, U): a relevant change is reported within 15 days (a regional setting until confirmed).

    Counted in calendar days: it is the applicant's duty under the SPOD act, not a period of the proceedings.
    """
    return occurred_on + timedelta(days=rule_days("change_report", region_id=region_id))


def course_minimum_hours(care_types: list[str]) -> int:
    """COURSE_HOURS: 48 h for adoption and long-term foster care, 72 h when short-term foster care is among them."""
    floor = law.default("COURSE_HOURS")
    return max((COURSE_MIN_HOURS.get(c, 0) for c in care_types), default=floor) or floor


def inspection_respond_by(sent_on: date, *, region_id: int | None = None) -> date:
    """FILE_INSPECTION: the applicant's last day to respond, in working days after the notice (a regional setting,
    default 5)."""
    return add_working_days(sent_on, rule_days("inspection_response", region_id=region_id))


# The target from application to decision (6 to 9 months, the ministry's methodology; not a statutory period).
TARGET_MONTHS = (6, 9)


def decision_deadline(
    *, started_on: date, complex_case: bool, expert_from: date | None, expert_to: date | None, today: date
) -> date:
    """DECISION_DEADLINE (SŘ §71(3)): 30 days from the start of proceedings, 30 more in a complex case; the time the
    expert assessment takes is not counted (a running assessment up to ``today``)."""
    days = law.default("DECISION_DEADLINE") * (2 if complex_case else 1)
    if expert_from is not None:
        days += max(0, ((expert_to or today) - expert_from).days)
    return started_on + timedelta(days=days)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=d)
        except ValueError:
            continue
    raise ValueError(day)
