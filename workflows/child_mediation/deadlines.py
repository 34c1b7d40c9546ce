"""Every deadline of child mediation in one place, with its legal basis (rule ids of ``nrp.law``).

The numbers come from ``nrp.law`` (one source for the number, its citation and its confidence); the configurable
ones have a per-region override in ``RegionMediationSettings``. Periods a family must keep (the window to ask the
court, the foster-care agreement) end on a working day as správní řád §40 counts them (rule DEADLINE_COUNTING,
weekends and Czech public holidays). Functions take the dates they need, so tests pass their own clock.
"""

from __future__ import annotations

from datetime import date, timedelta

from nrp import law
from nrp.core.workdays import period_end

# SELECTION_NOTICE_30_DAYS (§24, U): the family notified in writing must ask the court for the child's placement
# within 30 days of the notice.
COURT_REQUEST_DAYS = law.default("SELECTION_NOTICE_30_DAYS")
# SELECTION_EXTENSION (§24, U): the regional office may extend that period once, by at most 30 days.
COURT_REQUEST_MAX_EXTENSION_DAYS = law.default("SELECTION_EXTENSION")
# NATIONAL_SEARCH_AFTER (not fixed by law): days in the register without a suitable family before the national
# search (celostátní hledání); configurable per region, this is the default.
DEFAULT_ESCALATION_DAYS = law.default("NATIONAL_SEARCH_AFTER")
# CHILD_TO_UMPOD (§22(3), U): a legally free child not placed for adoption within 6 months of entering the
# register is made available to ÚMPOD for intercountry adoption, and the ORP is told.
INTERCOUNTRY_AFTER_MONTHS = law.default("CHILD_TO_UMPOD")
# FOSTER_AGREEMENT (§47b, U): the foster-care agreement (dohoda o výkonu pěstounské péče) within 30 days of the
# court decision taking effect.
FOSTER_AGREEMENT_DAYS = law.default("FOSTER_AGREEMENT")
# PRE_ADOPTION_CARE (civil code §829, U): at least 6 months of care by the future adopters before the adoption.
PRE_ADOPTION_CARE_MONTHS = law.default("PRE_ADOPTION_CARE")


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; the last day of the month when that day does not exist (31 Aug + 6 → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def court_request_deadline(notified_on: date, *, extended_by: int = 0) -> date:
    """SELECTION_NOTICE_30_DAYS: 30 days from the written notice, plus an extension (SELECTION_EXTENSION); a last
    day on a weekend or public holiday moves to the next working day (DEADLINE_COUNTING)."""
    return period_end(notified_on, COURT_REQUEST_DAYS + extended_by)


def escalation_days(region) -> int:
    """The region's override (RegionMediationSettings), else the default."""
    # A missing reverse one-to-one raises RelatedObjectDoesNotExist, an AttributeError: getattr's default applies.
    settings = getattr(region, "mediation_settings", None) if region is not None else None
    return settings.escalation_days if settings else DEFAULT_ESCALATION_DAYS


def escalation_due(region, registered_on: date) -> date:
    """The day the case goes to the national search when the region has found no family (per-region days)."""
    return registered_on + timedelta(days=escalation_days(region))


def intercountry_due(registered_on: date) -> date:
    """CHILD_TO_UMPOD: 6 months in the register without adoption mediation → ÚMPOD."""
    return add_months(registered_on, INTERCOUNTRY_AFTER_MONTHS)


def foster_agreement_due(effective_date: date) -> date:
    """FOSTER_AGREEMENT: 30 days from the court decision taking effect (the last day a working day)."""
    return period_end(effective_date, FOSTER_AGREEMENT_DAYS)


def earliest_adoption_date(pre_adoption_care_start: date) -> date:
    """PRE_ADOPTION_CARE: 6 months of care by the future adopters first."""
    return add_months(pre_adoption_care_start, PRE_ADOPTION_CARE_MONTHS)
