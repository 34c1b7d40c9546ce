"""The applicants' funnel and the time in each stage from known data (no database)."""

from __future__ import annotations

from datetime import date, timedelta

from nrp.stats.compute.applicants import funnel_section, stage_times_section
from tests.stats.conftest import at, inputs

TODAY = date(2026, 6, 30)


def journey(pk: int, *, created: date, stage: str, filed=None, complete=None, handed=None, decided=None) -> dict:
    return {
        "pk": pk,
        "region_id": 1,
        "household_id": pk,
        "household__residence_orp_id": 7,
        "created": at(created),
        "stage": stage,
        "stage_entered_at": at(TODAY - timedelta(days=10)),
        "application_filed_on": filed,
        "application_complete_on": complete,
        "handed_over_on": handed,
        "decision_date": decided,
        "decision_outcome": "approved" if decided else "",
        "effective_date": None,
    }


def world():
    data = inputs(today=TODAY, cases=[])
    data.journeys = [
        journey(1, created=date(2026, 1, 5), stage="application", filed=date(2026, 2, 1)),
        # Withdrew after the application was complete.
        journey(2, created=date(2026, 1, 6), stage="withdrawn", filed=date(2026, 2, 2), complete=date(2026, 2, 20)),
        # Refused by the ORP right after filing.
        journey(3, created=date(2026, 3, 1), stage="rejected_orp", filed=date(2026, 3, 10)),
        # Decided within 6 months of filing; handed over 40 days after completeness (late: 30 days).
        journey(
            4,
            created=date(2025, 9, 1),
            stage="in_register",
            filed=date(2025, 9, 20),
            complete=date(2025, 10, 1),
            handed=date(2025, 11, 10),
            decided=date(2026, 3, 1),
        ),
    ]
    data.visits = [
        {
            "journey_id": 4,
            "region_id": 1,
            "stage": "assessment",
            "entered_at": at(date(2025, 11, 10)),
            "left_at": at(date(2026, 1, 19)),
        },  # 70 days: within 90
        {
            "journey_id": 1,
            "region_id": 1,
            "stage": "application",
            "entered_at": at(date(2026, 2, 1)),
            "left_at": at(date(2026, 3, 3)),
        },  # 30 days: over 15
    ]
    return data


def test_each_step_is_counted_in_the_month_it_was_reached():
    funnel = funnel_section(world())[None]
    assert funnel["reached"]["2026-01"]["interest"] == 2
    assert funnel["reached"]["2026-02"]["application"] == 2
    assert funnel["totals"]["decision"] == 1


def test_drop_outs_are_counted_at_the_last_step_reached_with_their_reason():
    funnel = funnel_section(world())[None]
    assert funnel["dropouts"]["withdrawn"]["complete"] == 1
    assert funnel["dropouts"]["refused"]["application"] == 1
    assert sum(funnel["dropouts"]["removed"].values()) == 0


def test_time_in_stage_is_compared_with_the_stage_deadline():
    rows = {(r["part"], r["stage"]): r for r in stage_times_section(world())[1]["rows"]}
    assert rows[(None, "assessment")]["median"] == 70 and rows[(None, "assessment")]["over"] == 0
    assert rows[(None, "application")]["limit"] == 15 and rows[(None, "application")]["over"] == 1
    assert rows[(7, "application")]["n"] == 1  # the ORP of the household


def test_application_to_decision_and_handovers():
    times = stage_times_section(world())[1]
    assert times["target"]["n"] == 1 and times["target"]["within_low"] == 1
    assert times["handover"] == {"met": 0, "missed": 1, "limit": 30}
