"""DEADLINE_COUNTING (správní řád §40): a period starts the day after the event; a last day on a Saturday, Sunday
or Czech public holiday moves to the next working day. Applied to the appeal period, the window to ask the court
after the §24 notice and its extension, the foster-care agreement and the forwarding of an appeal."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from nrp import law
from nrp.core import workdays
from workflows.applicant_journey import deadlines as journey
from workflows.child_mediation import deadlines as mediation


def test_czech_public_holidays_are_not_working_days():
    for holiday in [date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 8),
                    date(2026, 7, 6), date(2026, 9, 28), date(2026, 10, 28), date(2026, 11, 17),
                    date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26)]:  # fmt: skip
        assert workdays.is_public_holiday(holiday), holiday
        assert not workdays.is_working_day(holiday)
    assert workdays.is_working_day(date(2026, 12, 23))


def test_appeal_period_ending_on_24_december_moves_to_the_next_working_day_appeal_period():
    # Delivered Wednesday 9 December 2026: the 15th day is Thursday 24 December (Štědrý den), then 25 and 26
    # December are holidays and 27 is a Sunday: the last day to appeal is Monday 28 December.
    assert journey.appeal_deadline(date(2026, 12, 9)) == date(2026, 12, 28)
    assert not journey.is_appeal_late(delivered_on=date(2026, 12, 9), filed_on=date(2026, 12, 28))
    assert journey.is_appeal_late(delivered_on=date(2026, 12, 9), filed_on=date(2026, 12, 29))
    # FINALITY: the decision takes effect the day after the last day.
    assert journey.effective_without_appeal(date(2026, 12, 9)) == date(2026, 12, 29)


def test_appeal_period_ending_on_good_friday_skips_easter_monday_too_deadline_counting():
    # Delivered 19 March 2026 + 15 = Good Friday 3 April; Saturday, Sunday, Easter Monday 6 April: Tuesday 7 April.
    assert journey.appeal_deadline(date(2026, 3, 19)) == date(2026, 4, 7)


def test_period_on_a_working_day_is_not_moved_deadline_counting():
    assert workdays.period_end(date(2026, 3, 4), 15) == date(2026, 3, 19)


def test_window_to_ask_the_court_ending_on_a_holiday_moves_selection_notice_30_days():
    # Notice delivered 29 September 2026 + 30 = Wednesday 28 October (státní svátek): Thursday 29 October.
    assert mediation.court_request_deadline(date(2026, 9, 29)) == date(2026, 10, 29)


def test_extension_counts_from_the_notice_and_ends_on_a_working_day_selection_extension():
    # 2 March 2026 + 30 + 30 = Friday 1 May (Svátek práce): Monday 4 May.
    assert mediation.court_request_deadline(date(2026, 3, 2), extended_by=30) == date(2026, 5, 4)


def test_foster_care_agreement_due_on_a_working_day_foster_agreement():
    # Court decision final 25 November 2026 + 30 = Friday 25 December: Monday 28 December.
    assert mediation.foster_agreement_due(date(2026, 11, 25)) == date(2026, 12, 28)


def test_appeal_is_forwarded_to_the_ministry_within_30_days_appeal_forwarding():
    # Appeal received 7 December 2026 + 30 = Wednesday 6 January 2027, a working day.
    assert journey.appeal_forwarding_deadline(date(2026, 12, 7)) == date(2027, 1, 6)


def test_waiver_makes_the_decision_final_on_the_day_it_reached_the_office_appeal_waiver():
    assert journey.effective_on_waiver(delivered_on=date(2026, 3, 4), waived_on=date(2026, 3, 6)) == date(2026, 3, 6)
    # A waiver written before delivery takes effect on delivery.
    assert journey.effective_on_waiver(delivered_on=date(2026, 3, 4), waived_on=date(2026, 3, 2)) == date(2026, 3, 4)


@pytest.mark.django_db
def test_region_may_change_the_unconfirmed_change_report_period_change_report(jmk):
    from workflows.applicant_journey.models import RegionDeadlineConfig

    config = RegionDeadlineConfig(region=jmk, rule="change_report", days=30)
    config.full_clean()
    config.save()
    assert journey.change_report_deadline(date(2026, 5, 1), region_id=jmk.pk) == date(2026, 5, 31)
    assert journey.change_report_deadline(date(2026, 5, 1)) == date(2026, 5, 16)
    # The statutory appeal period is not a regional setting.
    with pytest.raises(ValidationError):
        RegionDeadlineConfig(region=jmk, rule="appeal", days=30).full_clean()


def test_deadline_modules_take_their_numbers_from_the_law():
    assert journey.RULES["appeal"].days == law.default("APPEAL_PERIOD")
    assert journey.RULES["appeal"].statutory
    assert journey.RULES["handover"].days == law.default("HANDOVER_PERIOD")
    assert not journey.RULES["handover"].statutory
    assert "§ 83 odst. 1" in journey.RULES["appeal"].legal_reference
    assert law.default("SELECTION_NOTICE_30_DAYS") == mediation.COURT_REQUEST_DAYS
    assert law.default("SELECTION_EXTENSION") == mediation.COURT_REQUEST_MAX_EXTENSION_DAYS
