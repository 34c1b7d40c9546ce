"""Constants and small helpers of the dashboard computation (months, age bands, summaries)."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy

AVG_MONTH_DAYS = 30.44
WINDOW_MONTHS = 12
TREND_MONTHS = 24
# The hand-overs of the applicant's file to the regional office counted: those sent in the last year.
HANDOVER_WINDOW_DAYS = 365
# Children: the oldest child of a case decides its age band.
AGE_BANDS = ((0, 2, "0-2"), (3, 6, "3-6"), (7, 11, "7-11"), (12, 14, "12-14"), (15, 17, "15-17"))
WAITING_STATUSES = ("waiting", "national", "approaching")
# The applicants' funnel, in order; each box has the date it was reached (see ``_funnel_dates``).
FUNNEL = ("interest", "application", "complete", "assessment", "decision", "register", "approached", "placed")
# Closing journey stages -> the drop-out reason shown.
DROPOUT_REASON = {
    "withdrawn": "withdrawn",
    "rejected_orp": "refused",
    "not_mediated": "refused",
    "rejected": "refused",
    "removed": "removed",
}
DROPOUT_REASONS = ("withdrawn", "refused", "removed")
# Journey stage -> the deadline rule that limits it (workflows/applicant_journey/deadlines.py).
STAGE_RULE = {
    "interest": "information_meeting",
    "application": "check_application",
    "incomplete": "complete_application",
    "investigation": "social_investigation",
    "handover": "handover",
    "assessment": "expert_assessment",
    "preparation": "preparation",
    "inspection": "file_inspection",
    "decision": "decision",
    "appeal_period": "finality",
    "appeal": "appeal_outcome",
}
TIMED_STAGES = tuple(STAGE_RULE)
# Application to decision: the regions' target is 6–9 months.
TARGET_MONTHS = (6, 9)
STABILITY_MONTHS = (6, 12, 24)
PERMANENT_CARE = ("ADOPTION", "FOSTER")
FAIRNESS_GROUPS = ("all", "older", "siblings", "disability", "roma")


def months_between(start: date, end: date) -> float:
    return (end - start).days / AVG_MONTH_DAYS


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def last_months(today: date, count: int) -> list[str]:
    """The ``count`` months up to and including the current one, oldest first."""
    year, month = today.year, today.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return keys[::-1]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def summary(values: list[float]) -> dict[str, Any]:
    """Count, median and 90th percentile (None when there is nothing to summarise)."""
    if not values:
        return {"n": 0, "median": None, "p90": None}
    array = numpy.asarray(values, dtype=float)
    return {
        "n": len(values),
        "median": round(float(numpy.percentile(array, 50)), 1),
        "p90": round(float(numpy.percentile(array, 90)), 1),
    }


def age_band(age: int) -> str:
    for low, high, code in AGE_BANDS:
        if low <= age <= high:
            return code
    return AGE_BANDS[-1][2]


def age_on(born: date, day: date) -> int:
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return max(0, years)
