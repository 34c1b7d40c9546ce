"""The ministry's yearly figures from known data: the register at year end, placements, removals (no database)."""

from __future__ import annotations

from datetime import date

from nrp.stats.compute_outcomes import yearly_section
from tests.stats.conftest import at, case_row, inputs

TODAY = date(2026, 6, 30)


def entry(
    pk: int, *, effective: date, status: str = "active", changed: date | None = None, care=("FOSTER",), reason: str = ""
) -> dict:
    return {
        "pk": pk,
        "household_id": pk,
        "region_id": 1,
        "care_types": list(care),
        "effective_date": effective,
        "status": status,
        "status_changed_at": at(changed or effective),
        "status_reason": reason,
    }


def world():
    data = inputs(
        today=TODAY,
        cases=[
            case_row(1, status="waiting", registered_on=date(2025, 3, 1)),
            case_row(2, registered_on=date(2025, 1, 10)),  # placed in 2025
            case_row(3, status="closed", registered_on=date(2024, 5, 1), closed_on=date(2025, 2, 1)),
        ],
        placements=[
            {
                "case_id": 2,
                "care_type": "ADOPTION",
                "effective_date": date(2025, 9, 1),
                "approach__entry_id": 11,
                "ranking_id": None,
            }
        ],
    )
    entries = [
        entry(10, effective=date(2024, 6, 1), care=("FOSTER", "ADOPTION")),
        entry(11, effective=date(2025, 2, 1), status="placed", changed=date(2025, 9, 1), care=("ADOPTION",)),
        entry(12, effective=date(2024, 1, 1), status="removed", changed=date(2025, 4, 1), reason="Nový záznam v RT."),
        entry(13, effective=date(2025, 5, 1), status="withdrawn", changed=date(2026, 1, 15)),
    ]
    data.entry_by_id = {e["pk"]: e for e in entries}
    return data


def test_the_register_at_year_end_counts_who_was_in_it_on_31_december():
    year = yearly_section(world())[None]["years"]["2025"]
    # 10 (in since 2024) and 13 (withdrew only in 2026); 11 left when placed, 12 was removed in April.
    assert year["register_total"] == 2
    assert year["register_by_care"] == {"ADOPTION": 1, "FOSTER": 2, "FOSTER_TEMP": 0, "GUARDIAN": 0}


def test_children_in_the_register_at_year_end_leave_it_when_placed_or_closed():
    years = yearly_section(world())[None]["years"]
    assert years["2024"]["children"] == 1  # case 3 (cases 1 and 2 were registered in 2025)
    assert years["2025"]["children"] == 1  # case 1 still waits; 2 was placed, 3 closed


def test_placements_removals_and_their_reasons_count_in_the_year_they_happened():
    years = yearly_section(world())[None]["years"]
    assert years["2025"]["placements"]["ADOPTION"] == 1
    assert years["2025"]["removals"] == {"removed": 1, "withdrawn": 0}
    assert years["2025"]["reasons"] == [["removed", "Nový záznam v RT.", 1]]
    assert years["2026"]["removals"] == {"removed": 0, "withdrawn": 1}
    assert years["2026"]["as_of"] == "2026-06-30"
