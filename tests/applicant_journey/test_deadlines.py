"""Deadlines against the domain rules, with a controllable clock (django.utils.timezone.now patched)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from nrp.core.choices import CareType
from workflows.applicant_journey import deadlines, services
from workflows.applicant_journey.models import RegionDeadlineConfig
from workflows.applicant_journey.selectors import stage_estimates, task_due_on
from workflows.applicant_journey.services.decision_steps import APPEAL_PERIOD_RUNNING
from workflows.applicant_journey.services.tasks import open_task

from . import walk

PRAGUE = ZoneInfo("Europe/Prague")


def at(d: date):
    return mock.patch("django.utils.timezone.now", return_value=datetime(d.year, d.month, d.day, 10, tzinfo=PRAGUE))


def test_appeal_period_is_15_days_from_delivery_appeal_period():
    # Delivered on Wednesday 4 March 2026: the 15th day is Thursday 19 March.
    assert deadlines.appeal_deadline(date(2026, 3, 4)) == date(2026, 3, 19)
    assert not deadlines.is_appeal_late(delivered_on=date(2026, 3, 4), filed_on=date(2026, 3, 19))
    assert deadlines.is_appeal_late(delivered_on=date(2026, 3, 4), filed_on=date(2026, 3, 20))


def test_appeal_period_ending_on_a_weekend_moves_to_monday_deadline_counting():
    # Delivered Friday 27 Feb 2026 + 15 = Saturday 14 March → Monday 16 March.
    assert deadlines.appeal_deadline(date(2026, 2, 27)) == date(2026, 3, 16)


def test_change_of_circumstances_duty_is_15_days_change_report():
    assert deadlines.change_report_deadline(date(2026, 5, 1)) == date(2026, 5, 16)


def test_course_minimum_is_48_hours_and_72_for_short_term_foster_care_course_hours():
    assert deadlines.course_minimum_hours([CareType.ADOPTION]) == 48
    assert deadlines.course_minimum_hours([CareType.FOSTER]) == 48
    assert deadlines.course_minimum_hours([CareType.FOSTER_TEMP]) == 72
    assert deadlines.course_minimum_hours([CareType.ADOPTION, CareType.FOSTER_TEMP]) == 72


def test_every_rule_names_its_legal_reference():
    assert all(rule.legal_reference for rule in deadlines.RULES.values())
    assert set(deadlines.NODE_RULE.values()) <= set(deadlines.RULES)


@pytest.mark.django_db
def test_handover_is_due_30_days_after_the_complete_application(household, guide, ospod_worker):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_investigation(journey, guide, ospod_worker)
    journey.refresh_from_db()
    complete_on = journey.application_complete_on
    with at(complete_on + timedelta(days=12)):
        services.social_investigation_record(
            journey=journey, actor=ospod_worker, visited_on=complete_on + timedelta(days=10), notes="Návštěva."
        )
    task = open_task(journey, "handover")
    # Default 30 days (not confirmed by law, configurable), counted from the complete application.
    assert task_due_on(task) == complete_on + timedelta(days=30)
    journey.refresh_from_db()
    assert journey.next_due_on == complete_on + timedelta(days=30)


@pytest.mark.django_db
def test_region_override_changes_a_configurable_deadline(household, guide, jmk):
    RegionDeadlineConfig.objects.create(region=jmk, rule="information_meeting", days=14)
    with at(date(2026, 4, 1)):
        journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    assert task_due_on(open_task(journey)) == date(2026, 4, 15)


@pytest.mark.django_db
def test_statutory_deadline_cannot_be_overridden_by_a_region(jmk):
    config = RegionDeadlineConfig(region=jmk, rule="appeal", days=30)
    with pytest.raises(ValidationError):
        config.full_clean()
    assert deadlines.rule_days("appeal", overrides={"appeal": 30}) == 15


@pytest.mark.django_db
def test_finality_cannot_be_recorded_while_the_appeal_period_runs(household, guide, ospod_worker, officer, assessor):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_decision(journey, guide, ospod_worker, officer, assessor)
    walk.approve(journey, officer)
    last_day = deadlines.appeal_deadline(walk.DELIVERED)
    with pytest.raises(services.StepError) as exc:
        services.finality_record(journey=journey, actor=officer, today=last_day)
    assert str(APPEAL_PERIOD_RUNNING).split("%")[0] in exc.value.message
    services.finality_record(journey=journey, actor=officer, today=last_day + timedelta(days=1))
    journey.refresh_from_db()
    assert journey.effective_date == last_day + timedelta(days=1)


@pytest.mark.django_db
def test_estimates_use_the_median_of_recent_cases_or_fall_back_to_the_deadline(household, guide, organisation, jmk):
    from tests.factories import household_with_members

    assert stage_estimates(region_id=jmk.pk)["interest"].source == "deadline"
    assert stage_estimates(region_id=jmk.pk)["interest"].days == deadlines.RULES["information_meeting"].days
    durations = [5, 9, 10, 12, 40]
    for days in durations:
        h = household_with_members(residence="Brno", guide=guide, organisation=organisation)
        start = date(2026, 1, 5)
        with at(start):
            journey = services.journey_open(household=h, actor=guide, care_types=[CareType.ADOPTION])
        with at(start + timedelta(days=days)):
            walk.to_application(journey, guide)
    with at(date(2026, 3, 1)):
        estimate = stage_estimates(region_id=jmk.pk)["interest"]
    assert estimate.source == "history" and estimate.days == 10 and estimate.sample == 5
