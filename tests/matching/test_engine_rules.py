"""Hard constraints of matching (tvrdá kritéria): a family breaking one is never ranked, and the exclusion is
counted under the rule's name. No database: the engine is pure Python."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.criteria.hard import RULES, HardRule
from matching.engine.pool import prepare_pool
from matching.engine.ranking import rank
from matching.types.inputs import Weights
from matching.types.vocabulary import (
    AGE_RANGE_IMPOSSIBLE,
    CAPACITY_IMPOSSIBLE,
    WEIGHT_OUT_OF_RANGE,
    WEIGHTS_ALL_ZERO,
    MatchingInputError,
)
from tests.matching.builders import OTHER_REGION, TODAY, case, child, family

# rule -> (case, the breaking family's overrides). Each row also has an eligible control family (id 1).
RULE_CASES = {
    HardRule.REGISTER_STATUS: (case(), {"status": "paused"}),
    HardRule.NOT_YET_EFFECTIVE: (case(), {"effective_date": TODAY + timedelta(days=1)}),
    HardRule.OTHER_REGION: (case(), {"region_id": OTHER_REGION, "accepts_other_regions": False}),
    HardRule.CARE_TYPE: (case(), {"care_types": frozenset({"ADOPTION"})}),
    HardRule.LEGAL_STATUS_CARE_TYPE: (
        case(child(legal_status="not_free"), care_types_sought=frozenset({"ADOPTION", "FOSTER"})),
        {"care_types": frozenset({"ADOPTION"})},
    ),
    HardRule.LEGAL_STATUS: (case(child(legal_status="not_free")), {"legal_statuses": frozenset({"free"})}),
    HardRule.AGE: (case(child(age=5)), {"age_min": 6, "age_max": 12}),
    HardRule.SEX: (case(child(sex="M")), {"sexes": frozenset({"F"})}),
    HardRule.HEALTH_NEEDS: (
        case(child(health_needs=frozenset({"behavioural"}))),
        {"health_needs_accepted": frozenset({"chronic"})},
    ),
    HardRule.ETHNICITY: (case(child(ethnicity="roma")), {"ethnicities_accepted": frozenset({"majority"})}),
    HardRule.SIBLINGS: (case(child(age=3), child(age=6)), {"accepts_siblings": False, "max_children": 3}),
    HardRule.CAPACITY: (case(child(age=3), child(age=6), child(age=8)), {"accepts_siblings": True, "max_children": 2}),
    HardRule.CONTACT: (
        case(contact_plan="regular", birth_family_location=None),
        {"contact_willingness": "supervised"},
    ),
}


def _control(the_case):
    """A family that accepts everything the case needs."""
    size = the_case.group_size
    return family(
        1,
        accepts_siblings=size > 1,
        max_children=max(size, 1),
        age_max=17,
        health_needs_accepted=frozenset({"behavioural", "chronic"}),
    )


@pytest.mark.parametrize("rule", [r for r in RULES if r != HardRule.CURRENTLY_APPROACHED])
def test_family_breaking_a_hard_rule_is_never_ranked_and_is_counted_under_that_rule(rule):
    the_case, overrides = RULE_CASES[rule]
    control = _control(the_case)
    breaking = family(2, **{**_control_fields(control), **overrides})
    result = rank(the_case, prepare_pool([control, breaking], today=TODAY))

    assert [f.entry_id for f in result.ranked] == [1]
    assert result.excluded_count(rule) == 1
    assert result.excluded_by(rule) == {2}
    assert sum(count for _, count in result.excluded_counts) == 1
    assert result.rule_reasons[rule].text


def _control_fields(control):
    names = [
        "region_id",
        "care_types",
        "status",
        "effective_date",
        "age_min",
        "age_max",
        "sexes",
        "max_children",
        "accepts_siblings",
        "legal_statuses",
        "health_needs_accepted",
        "ethnicities_accepted",
        "contact_willingness",
        "accepts_other_regions",
    ]
    return {name: getattr(control, name) for name in names}


def test_every_rule_has_a_table_row():
    assert set(RULE_CASES) | {HardRule.CURRENTLY_APPROACHED} == set(RULES)


@pytest.mark.parametrize("status", ["paused", "withdrawn", "removed", "placed"])
def test_paused_withdrawn_removed_or_placed_family_is_not_matchable(status):
    """SELECTION_PAUSE (§24a), withdrawal, REGISTER_REMOVAL (§23j), or already placed: all out of matching."""
    result = rank(case(), prepare_pool([family(1, status=status)], today=TODAY))
    assert result.is_empty
    assert result.excluded_count(HardRule.REGISTER_STATUS) == 1


def test_family_is_matchable_from_the_day_the_decision_takes_effect():
    """APPLICANT_REGISTER (§23i): právní moc – matchable from that date, not before."""
    pool = prepare_pool(
        [family(1, effective_date=TODAY), family(2, effective_date=TODAY + timedelta(days=1))], today=TODAY
    )
    result = rank(case(), pool)
    assert [f.entry_id for f in result.ranked] == [1]
    assert result.excluded_by(HardRule.NOT_YET_EFFECTIVE) == {2}


def test_family_approached_for_another_child_is_left_out():
    pool = prepare_pool([family(1), family(2)], today=TODAY)
    result = rank(case(), pool, approached_entry_ids=frozenset({2}))
    assert [f.entry_id for f in result.ranked] == [1]
    assert result.excluded_by(HardRule.CURRENTLY_APPROACHED) == {2}


def test_adoption_is_only_for_a_legally_free_child():
    adopters = family(1, care_types=frozenset({"ADOPTION"}), legal_statuses=frozenset({"free", "not_free"}))
    pool = prepare_pool([adopters], today=TODAY)
    not_free = case(child(legal_status="not_free"), care_types_sought=frozenset({"ADOPTION", "FOSTER"}))
    free = case(child(legal_status="free"), care_types_sought=frozenset({"ADOPTION", "FOSTER"}))
    assert rank(not_free, pool).excluded_by(HardRule.LEGAL_STATUS_CARE_TYPE) == {1}
    assert [f.entry_id for f in rank(free, pool).ranked] == [1]


def test_every_child_of_a_sibling_group_must_fit_the_age_range():
    siblings = case(child(age=3), child(age=9))
    fits_one = family(1, age_min=0, age_max=6, accepts_siblings=True, max_children=2)
    fits_both = family(2, age_min=0, age_max=10, accepts_siblings=True, max_children=2)
    result = rank(siblings, prepare_pool([fits_one, fits_both], today=TODAY))
    assert [f.entry_id for f in result.ranked] == [2]
    assert result.excluded_by(HardRule.AGE) == {1}


def test_sibling_group_matches_as_one_unit_against_capacity_and_sibling_acceptance():
    siblings = case(child(age=3, sex="M"), child(age=6, sex="F"))
    pool = prepare_pool(
        [
            family(1, accepts_siblings=True, max_children=2),
            family(2, accepts_siblings=True, max_children=1),
            family(3, accepts_siblings=False, max_children=2),
            family(4, accepts_siblings=True, max_children=2, sexes=frozenset({"F"})),
        ],
        today=TODAY,
    )
    result = rank(siblings, pool)
    assert [f.entry_id for f in result.ranked] == [1]
    assert result.excluded_by(HardRule.CAPACITY) == {2}
    assert result.excluded_by(HardRule.SIBLINGS) == {3}
    assert result.excluded_by(HardRule.SEX) == {4}


def test_unrecorded_ethnicity_is_not_a_constraint():
    pool = prepare_pool([family(1, ethnicities_accepted=frozenset({"majority"}))], today=TODAY)
    assert [f.entry_id for f in rank(case(child(ethnicity="")), pool).ranked] == [1]
    assert rank(case(child(ethnicity="roma")), pool).excluded_count(HardRule.ETHNICITY) == 1


def test_child_from_another_region_needs_a_family_accepting_other_regions():
    pool = prepare_pool(
        [
            family(1, region_id=OTHER_REGION, accepts_other_regions=True),
            family(2, region_id=OTHER_REGION, accepts_other_regions=False),
        ],
        today=TODAY,
    )
    result = rank(case(), pool)
    assert [f.entry_id for f in result.ranked] == [1]
    assert result.excluded_by(HardRule.OTHER_REGION) == {2}


def test_contact_plan_must_be_within_the_family_willingness():
    pool = prepare_pool(
        [family(1, contact_willingness="none"), family(2, contact_willingness="supervised")], today=TODAY
    )
    result = rank(case(contact_plan="supervised"), pool)
    assert [f.entry_id for f in result.ranked] == [2]
    assert result.excluded_by(HardRule.CONTACT) == {1}


def test_child_with_no_eligible_family_gets_an_empty_result_with_counts_not_an_error():
    pool = prepare_pool(
        [family(1, status="paused"), family(2, age_max=3), family(3, age_max=4), family(4, sexes=frozenset({"M"}))],
        today=TODAY,
    )
    result = rank(case(child(age=5, sex="F")), pool)
    assert result.is_empty
    assert result.considered == 4
    counts = dict(result.excluded_counts)
    assert counts[HardRule.REGISTER_STATUS] == 1
    assert counts[HardRule.AGE] == 2
    assert counts[HardRule.SEX] == 1
    assert set(counts) == set(RULES)


def test_empty_pool_gives_an_empty_result():
    result = rank(case(), prepare_pool([], today=TODAY))
    assert result.is_empty and result.considered == 0


def test_profile_with_age_min_above_age_max_is_refused():
    with pytest.raises(MatchingInputError) as error:
        family(7, age_min=10, age_max=4)
    assert str(error.value) == AGE_RANGE_IMPOSSIBLE.format(entry_id=7, age_min=10, age_max=4)


@pytest.mark.parametrize("capacity", [0, -1])
def test_profile_with_no_capacity_is_refused(capacity):
    with pytest.raises(MatchingInputError) as error:
        family(7, max_children=capacity)
    assert str(error.value) == CAPACITY_IMPOSSIBLE.format(entry_id=7, max_children=capacity)


def test_weights_outside_zero_to_one_are_refused():
    with pytest.raises(MatchingInputError) as error:
        Weights(waiting_time=1.5)
    assert str(error.value) == WEIGHT_OUT_OF_RANGE.format(criterion="waiting_time", value=1.5)
    with pytest.raises(MatchingInputError, match=WEIGHTS_ALL_ZERO):
        Weights(0, 0, 0, 0, 0, 0)


def test_unknown_vocabulary_value_is_refused():
    with pytest.raises(MatchingInputError):
        child(health_needs=frozenset({"unknown-need"}))


# --- property: the engine agrees with a plain reading of the rules ---------------------------------------
def _broken_rules(the_case, fam, approached) -> list[str]:
    """Every hard rule the family breaks, written out plainly from the domain spec (independent of the engine)."""
    broken = []
    if fam.status != "active":
        broken.append(HardRule.REGISTER_STATUS)
    elif fam.effective_date > TODAY:
        broken.append(HardRule.NOT_YET_EFFECTIVE)
    if fam.entry_id in approached:
        broken.append(HardRule.CURRENTLY_APPROACHED)
    if fam.region_id != the_case.region_id and not fam.accepts_other_regions:
        broken.append(HardRule.OTHER_REGION)
    common = the_case.care_types_sought & fam.care_types
    if not common:
        broken.append(HardRule.CARE_TYPE)
    elif common == {"ADOPTION"} and any(c.legal_status != "free" for c in the_case.children):
        # Adoption only for a legally free child: every child of the group must be free.
        broken.append(HardRule.LEGAL_STATUS_CARE_TYPE)
    if any(c.legal_status not in fam.legal_statuses for c in the_case.children):
        broken.append(HardRule.LEGAL_STATUS)
    if any(not fam.age_min <= c.age <= fam.age_max for c in the_case.children):
        broken.append(HardRule.AGE)
    if any(c.sex not in fam.sexes for c in the_case.children):
        broken.append(HardRule.SEX)
    if any(not c.health_needs <= fam.health_needs_accepted for c in the_case.children):
        broken.append(HardRule.HEALTH_NEEDS)
    if any(c.ethnicity and c.ethnicity not in fam.ethnicities_accepted for c in the_case.children):
        broken.append(HardRule.ETHNICITY)
    if len(the_case.children) > 1 and not fam.accepts_siblings:
        broken.append(HardRule.SIBLINGS)
    if len(the_case.children) > fam.max_children:
        broken.append(HardRule.CAPACITY)
    order = ["none", "supervised", "regular"]
    if order.index(the_case.contact_plan) > order.index(fam.contact_willingness):
        broken.append(HardRule.CONTACT)
    return broken


_children = st.builds(
    lambda age, sex, legal, needs, eth: child(
        age=age, sex=sex, legal_status=legal, health_needs=frozenset(needs), ethnicity=eth
    ),
    age=st.integers(0, 17),
    sex=st.sampled_from(["F", "M"]),
    legal=st.sampled_from(["free", "not_free"]),
    needs=st.sets(st.sampled_from(["behavioural", "chronic", "physical"]), max_size=2),
    eth=st.sampled_from(["", "majority", "roma"]),
)
_families = st.builds(
    lambda i, region, care, status, eff, lo, span, sexes, cap, sib, legal, needs, eth, contact, other: family(
        i,
        region_id=region,
        care_types=frozenset(care),
        status=status,
        effective_date=TODAY + timedelta(days=eff),
        age_min=lo,
        age_max=lo + span,
        sexes=frozenset(sexes),
        max_children=cap,
        accepts_siblings=sib,
        legal_statuses=frozenset(legal),
        health_needs_accepted=frozenset(needs),
        ethnicities_accepted=frozenset(eth),
        contact_willingness=contact,
        accepts_other_regions=other,
    ),
    i=st.integers(1, 500),
    region=st.sampled_from([116, OTHER_REGION]),
    care=st.sets(st.sampled_from(["ADOPTION", "FOSTER", "FOSTER_TEMP"]), min_size=1),
    status=st.sampled_from(["active", "active", "active", "paused", "placed"]),
    eff=st.integers(-400, 5),
    lo=st.integers(0, 10),
    span=st.integers(0, 8),
    sexes=st.sets(st.sampled_from(["F", "M"]), min_size=1),
    cap=st.integers(1, 3),
    sib=st.booleans(),
    legal=st.sets(st.sampled_from(["free", "not_free"]), min_size=1),
    needs=st.sets(st.sampled_from(["behavioural", "chronic", "physical"])),
    eth=st.sets(st.sampled_from(["majority", "roma", "other"]), min_size=1),
    contact=st.sampled_from(["none", "supervised", "regular"]),
    other=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(
    children=st.lists(_children, min_size=1, max_size=3),
    care=st.sets(st.sampled_from(["ADOPTION", "FOSTER", "FOSTER_TEMP"]), min_size=1),
    contact=st.sampled_from(["none", "supervised", "regular"]),
    families=st.lists(_families, max_size=30, unique_by=lambda f: f.entry_id),
    approached=st.sets(st.integers(1, 500), max_size=5),
)
def test_no_ranked_family_breaks_a_rule_and_each_exclusion_names_the_first_rule_broken(
    children, care, contact, families, approached
):
    the_case = case(*children, care_types_sought=frozenset(care), contact_plan=contact)
    result = rank(the_case, prepare_pool(families, today=TODAY), approached_entry_ids=frozenset(approached))
    for ranked in result.ranked:
        fam = next(f for f in families if f.entry_id == ranked.entry_id)
        assert _broken_rules(the_case, fam, approached) == []
    for entry_id, rule in result.exclusions:
        fam = next(f for f in families if f.entry_id == entry_id)
        broken = _broken_rules(the_case, fam, approached)
        assert broken and broken[0] == rule
    assert len(result.ranked) + len(result.exclusions) == len(families)


def test_age_rule_holds_beyond_the_coded_ages_of_the_lookup_tables():
    """The rules read small codes (ages clipped at 31); ages beyond that are checked on the full columns."""
    pool = prepare_pool([family(1, age_min=0, age_max=40), family(2, age_min=0, age_max=31)], today=TODAY)
    result = rank(case(child(age=35)), pool)
    assert [f.entry_id for f in result.ranked] == [1]
    assert result.exclusions == ((2, HardRule.AGE),)
    assert [f.entry_id for f in rank(case(child(age=31)), pool).ranked] == [1, 2]
