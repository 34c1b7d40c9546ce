"""The pieces of "Můj den": a section, its items and their lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from nrp.core import czech

# How many rows an item lists under its count (the rest is one click away).
DETAIL_ROWS = 3
WEEK = 7


@dataclass
class DayLine:
    text: str
    url: str = ""


@dataclass
class DayItem:
    """One thing to look at: "3 úkoly po termínu" with a link, and the first few rows."""

    key: str
    count: int
    label: str
    url: str
    tone: str = ""  # "danger" (late), "warn" (soon), "quiet" (for information), "" (to do)
    lines: list[DayLine] = field(default_factory=list)


@dataclass
class DaySection:
    role: str
    title: str
    items: list[DayItem]
    intro: str = ""
    intro_url: str = ""

    @property
    def busy(self) -> list[DayItem]:
        """Items with something to do, shown as cards."""
        return [i for i in self.items if i.count]

    @property
    def quiet(self) -> list[DayItem]:
        """Items with nothing waiting, shown in one line (still linked)."""
        return [i for i in self.items if not i.count]


def _day(value: date) -> str:
    from django.utils.formats import date_format

    return date_format(value, "j. E" if czech.is_czech() else "j F")
