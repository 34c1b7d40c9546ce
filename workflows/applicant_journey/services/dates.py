"""Dates of the steps, checked against the steps before them (and never in the future), with Czech messages.

Each step names the journey's dates it may not precede; the message names the latest of them, e.g. "Datum nemůže
být dřívější než sociální šetření (12. 03. 2026)." The course may run while the assessment does, so neither waits
for the other; the file inspection waits for both.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from workflows.applicant_journey.models import ApplicantJourney

DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
DATE_BEFORE = _("Datum nemůže být dřívější než %(what)s (%(date)s).")

# The journey's step dates and their names in messages ("dřívější než …").
STEP_DATES = {
    "info_meeting_on": _("informační schůzka"),
    "application_filed_on": _("podání žádosti"),
    "application_complete_on": _("shledání žádosti úplnou"),
    "home_visit_on": _("sociální šetření"),
    "handed_over_on": _("předání spisu kraji"),
    "assessment_done_on": _("dokončení odborného posouzení"),
    "course_completed_on": _("dokončení přípravy"),
    "inspection_offered_on": _("seznámení s podklady"),
}

# Which earlier dates each step's date may not precede.
AFTER = {
    "file_application": ("info_meeting_on",),
    "social_investigation": ("application_filed_on", "application_complete_on"),
    "handover": ("application_filed_on", "application_complete_on", "home_visit_on"),
    "expert_assessment": ("application_complete_on", "handed_over_on"),
    "preparation": ("application_complete_on", "handed_over_on"),
    "file_inspection": ("handed_over_on", "assessment_done_on", "course_completed_on"),
}


def day(value: date) -> str:
    return value.strftime("%d. %m. %Y")


def check_step_date(
    journey: ApplicantJourney, step: str, field: str, value: date | None, *, today: date, extra=()
) -> None:
    """Raise a field error when ``value`` lies in the future or before a date of an earlier step.

    ``extra``: further (label, date) floors, e.g. the last course session attended."""
    if value is None:
        return
    if value > today:
        raise ValidationError({field: DATE_IN_FUTURE})
    floors = [(STEP_DATES[a], getattr(journey, a)) for a in AFTER.get(step, ())]
    floors += list(extra)
    floors = [(what, when) for what, when in floors if when is not None]
    if not floors:
        return
    what, when = max(floors, key=lambda f: f[1])
    if value < when:
        raise ValidationError({field: DATE_BEFORE % {"what": what, "date": day(when)}})
