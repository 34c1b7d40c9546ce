"""Fairness: waiting time and placement rate of the groups that wait longest vs all children (known data)."""

from __future__ import annotations

from datetime import date, timedelta

from nrp.stats.compute_children import fairness_section
from nrp.stats.presenters.common import COMPARE_MIN, Protector
from nrp.stats.presenters.outcomes import fairness
from tests.stats.conftest import case_row, child, inputs

TODAY = date(2026, 12, 1)


def world(extra_young: int = 0):
    registered = TODAY - timedelta(days=300)
    cases = [
        # Two young single children, both placed after 61 days.
        case_row(1, registered_on=registered),
        case_row(2, registered_on=registered),
        # An older Romani child still waiting (300 days).
        case_row(
            3,
            status="waiting",
            registered_on=registered,
            children=[child(age_years=9, on=registered, ethnicity="roma")],
        ),
        # A sibling group with a disability, still waiting.
        case_row(
            4,
            status="waiting",
            registered_on=registered,
            children=[child(age_years=4, on=registered, needs=("physical",)), child(age_years=2, on=registered)],
        ),
        # An older child placed after 122 days.
        case_row(5, registered_on=registered, children=[child(age_years=12, on=registered)]),
    ]
    cases += [case_row(100 + i, registered_on=registered) for i in range(extra_young)]
    placements = [
        {
            "case_id": 1,
            "care_type": "FOSTER",
            "effective_date": registered + timedelta(days=61),
            "approach__entry_id": None,
            "ranking_id": None,
        },
        {
            "case_id": 2,
            "care_type": "FOSTER",
            "effective_date": registered + timedelta(days=61),
            "approach__entry_id": None,
            "ranking_id": None,
        },
        {
            "case_id": 5,
            "care_type": "FOSTER",
            "effective_date": registered + timedelta(days=122),
            "approach__entry_id": None,
            "ranking_id": None,
        },
    ] + [
        {
            "case_id": 100 + i,
            "care_type": "FOSTER",
            "effective_date": registered + timedelta(days=61),
            "approach__entry_id": None,
            "ranking_id": None,
        }
        for i in range(extra_young)
    ]
    return inputs(today=TODAY, cases=cases, placements=placements)


def test_placement_rate_of_each_group_is_compared_with_all_children():
    groups = fairness_section(world())[None]["groups"]
    assert (groups["all"]["cohort"], groups["all"]["placed"], groups["all"]["rate"]) == (5, 3, 0.6)
    assert (groups["older"]["cohort"], groups["older"]["placed"], groups["older"]["rate"]) == (2, 1, 0.5)
    assert (groups["siblings"]["cohort"], groups["siblings"]["placed"]) == (1, 0)
    assert (groups["disability"]["cohort"], groups["disability"]["placed"]) == (1, 0)
    assert (groups["roma"]["cohort"], groups["roma"]["placed"]) == (1, 0)


def test_waiting_time_counts_only_children_still_waiting():
    groups = fairness_section(world())[None]["groups"]
    assert groups["all"]["waiting"]["n"] == 2
    assert groups["roma"]["waiting"]["n"] == 1
    assert groups["roma"]["waiting"]["median"] == round(300 / 30.44, 1)
    assert groups["older"]["to_placement"]["median"] == round(122 / 30.44, 1)


def test_a_group_too_small_to_compare_carries_a_warning_with_its_counts():
    section = fairness(fairness_section(world())[None], Protector(protect=False, threshold=5))
    chart = section.charts[0]
    assert len(chart.warnings) == 4  # older, siblings, disability, roma: all under the comparison minimum
    rows = dict(chart.table.rows)
    assert rows["romské děti"][2].text == "1"  # the count behind the figure is shown to the region's officer


def test_enough_children_compare_without_a_warning_for_all_children():
    section = fairness(fairness_section(world(extra_young=COMPARE_MIN))[None], Protector(protect=False, threshold=5))
    assert not any("všechny děti" in w for w in section.charts[0].warnings)


def test_small_groups_are_hidden_from_the_ministry():
    section = fairness(fairness_section(world())[None], Protector(protect=True, threshold=5))
    rows = dict(section.charts[0].table.rows)
    assert rows["romské děti"][2].text == "<5"
    assert rows["romské děti"][4].suppressed
