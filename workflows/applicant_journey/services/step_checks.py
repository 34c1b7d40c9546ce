"""Checks and messages shared by the step services (``application_steps``, ``assessment_steps``,
``decision_steps``): dates never in the future nor before an earlier date, the care types a family may ask for,
and the clock.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import MEDIATED_CARE_TYPES
from workflows.applicant_journey.services.tasks import today as clock_today

# Validation messages (tests import them).
DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
DATE_BEFORE = _("Datum nemůže být dřívější než %(what)s (%(date)s).")
NO_CARE_TYPE = _("Vyberte alespoň jednu formu péče.")
CARE_TYPE_NOT_MEDIATED = _("Poručenství se krajem nezprostředkovává; vyberte osvojení nebo pěstounskou péči.")
REASONS_REQUIRED = _("Rozhodnutí musí obsahovat odůvodnění.")


def step_today(today: date | None) -> date:
    return today or clock_today()


def not_future(field: str, value: date | None, today: date) -> None:
    if value is not None and value > today:
        raise ValidationError({field: DATE_IN_FUTURE})


def not_before(field: str, value: date | None, floor: date | None, what) -> None:
    if value is not None and floor is not None and value < floor:
        raise ValidationError({field: DATE_BEFORE % {"what": what, "date": floor.strftime("%d. %m. %Y")}})


def check_care_types(care_types: list[str]) -> list[str]:
    if not care_types:
        raise ValidationError({"care_types": NO_CARE_TYPE})
    if any(c not in MEDIATED_CARE_TYPES for c in care_types):
        raise ValidationError({"care_types": CARE_TYPE_NOT_MEDIATED})
    return [str(c) for c in care_types]
