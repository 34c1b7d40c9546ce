"""Outcomes by the matching weights version in force when the family was chosen (known data, no database)."""

from __future__ import annotations

from datetime import date

from nrp.stats.compute_outcomes import NO_RANKING, outcomes_section, weights_version_key
from nrp.stats.presenters.common import Protector
from nrp.stats.presenters.outcomes import outcomes
from tests.stats.conftest import at, case_row, inputs

TODAY = date(2026, 12, 1)
OLD = {"age_preference": 0.5, "waiting_time": 0.5}
NEW = {"age_preference": 0.2, "waiting_time": 0.8}


def placement(case_id: int, effective: date, ranking_id: int | None, care: str = "FOSTER") -> dict:
    return {
        "case_id": case_id,
        "care_type": care,
        "effective_date": effective,
        "approach__entry_id": None,
        "ranking_id": ranking_id,
    }


def world():
    rankings = {
        1: {"pk": 1, "weights": OLD, "created_at": at(date(2023, 1, 10))},
        2: {"pk": 2, "weights": OLD, "created_at": at(date(2023, 6, 1))},
        3: {"pk": 3, "weights": NEW, "created_at": at(date(2025, 1, 5))},
    }
    cases = [
        # Version A (OLD): two placements in 2023; one ended (case closed) after 8 months.
        case_row(1, registered_on=date(2022, 11, 1)),
        case_row(
            2,
            registered_on=date(2023, 1, 1),
            status="closed",
            closed_on=date(2024, 2, 1),
            closure_reason="returned_home",
        ),
        # Version B (NEW): placed February 2025 and July 2026; both still last.
        case_row(3, registered_on=date(2024, 12, 1)),
        case_row(4, registered_on=date(2026, 3, 1)),
        # No stored ranking behind the choice.
        case_row(5, registered_on=date(2024, 1, 1)),
    ]
    placements = [
        placement(1, date(2023, 2, 1), 1),
        placement(2, date(2023, 6, 1), 2),
        placement(3, date(2025, 2, 1), 3),
        placement(4, date(2026, 7, 1), 3),
        placement(5, date(2024, 3, 1), None),
    ]
    return inputs(today=TODAY, cases=cases, placements=placements, rankings=rankings)


def by_label(data: dict) -> dict:
    return {row["label"]: row for row in data["versions"]}


def test_placements_are_grouped_by_the_weights_of_the_ranking_the_conference_used():
    rows = by_label(outcomes_section(world())[None])
    assert rows["A"]["placements"] == 2
    assert rows["B"]["placements"] == 2
    assert rows["–"]["placements"] == 1
    assert rows["A"]["weights"] == OLD
    assert rows["B"]["since"] == "2025-01-05"
    assert rows["–"]["version"] == NO_RANKING


def test_versions_are_labelled_in_the_order_they_were_first_used():
    data = outcomes_section(world())[None]
    assert [row["label"] for row in data["versions"]] == ["A", "B", "–"]
    assert weights_version_key(OLD) != weights_version_key(NEW)
    assert weights_version_key({"waiting_time": 0.5, "age_preference": 0.5}) == weights_version_key(OLD)


def test_stability_counts_only_placements_old_enough_and_a_later_closure_as_an_end():
    rows = by_label(outcomes_section(world())[None])
    a, b = rows["A"], rows["B"]
    # A: both placements are older than 24 months; the one closed after 8 months lasted 6 but not 12 or 24.
    assert a["stability"]["6"] == {"eligible": 2, "stable": 2}
    assert a["stability"]["12"] == {"eligible": 2, "stable": 1}
    assert a["stability"]["24"] == {"eligible": 2, "stable": 1}
    assert a["ended"] == 1
    assert a["reasons"] == {"returned_home": 1}
    # B: the 2025 placement is measurable at 6 and 12 months (not 24); the July 2026 one not at 6 months.
    assert b["stability"]["6"] == {"eligible": 1, "stable": 1}
    assert b["stability"]["12"] == {"eligible": 1, "stable": 1}
    assert b["stability"]["24"] == {"eligible": 0, "stable": 0}
    assert b["ended"] == 0


def test_time_to_permanency_runs_from_the_register_to_the_placement():
    rows = by_label(outcomes_section(world())[None])
    # A: 92 and 151 days -> median 121.5
    assert rows["A"]["permanency"]["n"] == 2
    assert rows["A"]["permanency"]["median"] == 121.5


def test_the_page_says_what_the_data_does_not_record():
    section = outcomes(outcomes_section(world())[None], Protector(protect=False, threshold=5))
    notes = " ".join(section.charts[0].notes)
    assert "nezaznamenává" in notes


def test_stability_shown_to_the_ministry_hides_a_version_measured_on_fewer_than_five():
    section = outcomes(outcomes_section(world())[None], Protector(protect=True, threshold=5))
    table = section.charts[0].table
    first = dict(table.rows)[table.rows[0][0]]
    assert first[0].text == "<5"  # two placements
    assert first[1].suppressed


def test_a_recorded_breakdown_ends_the_placement_on_its_date_with_its_coded_reasons():
    base = world()
    # Version B's 2025 placement broke down after 7 months, for two coded reasons (PlacementBreakdown).
    broken = next(p for p in base.placements if p["case_id"] == 3)
    broken["breakdown__ended_on"] = date(2025, 9, 1)
    broken["breakdown__reasons"] = ["child_behaviour", "attachment"]

    rows = by_label(outcomes_section(base)[None])
    b = rows["B"]
    assert b["ended"] == 1
    assert b["reasons"] == {"child_behaviour": 1, "attachment": 1}
    assert b["stability"]["6"] == {"eligible": 1, "stable": 1}
    assert b["stability"]["12"] == {"eligible": 1, "stable": 0}
    # The shown table names the reasons in words, not codes.
    section = outcomes(outcomes_section(base)[None], Protector(protect=False, threshold=5))
    text = " ".join(str(cell.text) for _label, cells in section.charts[0].table.rows for cell in cells)
    assert "chování dítěte nad možnosti rodiny" in text and "child_behaviour" not in text
