"""Every deadline of child mediation in one place, with its legal reference.

Statutory deadlines are constants; the configurable ones (not fixed by law) have a default here and a per-region
override in ``RegionMediationSettings``. Functions take the dates they need, so tests pass their own clock.
"""

from __future__ import annotations

from datetime import date, timedelta

# §24(2), §24(3) zákona o SPOD: the family notified in writing must ask the court for the child's placement
# within 30 days of the notice.
COURT_REQUEST_DAYS = 30
# §24(3): the regional office may extend that period once, by at most 30 days.
COURT_REQUEST_MAX_EXTENSION_DAYS = 30
# Not fixed by law (domain note): days in the register without a suitable family before the national search
# (celostátní hledání); configurable per region, this is the default.
DEFAULT_ESCALATION_DAYS = 30
# Zákon o SPOD (docs/domain.md, step 4): a legally free child not placed for adoption within 6 months of
# entering the register is made available to ÚMPOD for intercountry adoption, and the ORP is told.
INTERCOUNTRY_AFTER_MONTHS = 6
# §47b zákona o SPOD: the foster-care agreement (dohoda o výkonu pěstounské péče) within 30 days of the court
# decision taking effect.
FOSTER_AGREEMENT_DAYS = 30
# §829 občanského zákoníku: at least 6 months of care by the future adopters before the court decides the adoption.
PRE_ADOPTION_CARE_MONTHS = 6


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


def court_request_deadline(notified_on: date) -> date:
    """§24(3): 30 days from the written notice."""
    return notified_on + timedelta(days=COURT_REQUEST_DAYS)


def escalation_days(region) -> int:
    """The region's override (RegionMediationSettings), else the default."""
    # A missing reverse one-to-one raises RelatedObjectDoesNotExist, an AttributeError: getattr's default applies.
    settings = getattr(region, "mediation_settings", None) if region is not None else None
    return settings.escalation_days if settings else DEFAULT_ESCALATION_DAYS


def escalation_due(region, registered_on: date) -> date:
    """The day the case goes to the national search when the region has found no family (per-region days)."""
    return registered_on + timedelta(days=escalation_days(region))


def intercountry_due(registered_on: date) -> date:
    """6 months in the register without adoption mediation → ÚMPOD."""
    return add_months(registered_on, INTERCOUNTRY_AFTER_MONTHS)


def foster_agreement_due(effective_date: date) -> date:
    """§47b: 30 days from the court decision taking effect."""
    return effective_date + timedelta(days=FOSTER_AGREEMENT_DAYS)


def earliest_adoption_date(pre_adoption_care_start: date) -> date:
    """§829 OZ: 6 months of pre-adoption care first."""
    return add_months(pre_adoption_care_start, PRE_ADOPTION_CARE_MONTHS)
