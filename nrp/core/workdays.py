"""Counting periods as správní řád §40 does (rule ``DEADLINE_COUNTING`` in ``nrp.law``), with Czech public holidays.

A period in days starts the day after the event that triggers it (§40(1)(a)); when its last day falls on a
Saturday, a Sunday or a public holiday, the last day is the next working day (§40(1)(c)). Holidays come from
the maintained ``holidays`` package (státní svátky and ostatní svátky of zákon č. 245/2000 Sb.: New Year, Good
Friday, Easter Monday, 1 and 8 May, 5 and 6 July, 28 September, 28 October, 17 November, 24–26 December).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("CZ", years=year))


def is_public_holiday(day: date) -> bool:
    return day in _holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def period_end(start: date, days: int) -> date:
    """The last day of a period of ``days`` days triggered on ``start`` (§40(1)(a) and (c))."""
    return next_working_day(start + timedelta(days=days))


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (for periods a region sets in working days)."""
    day = start
    for _ in range(days):
        day = next_working_day(day + timedelta(days=1))
    return day
