"""Soft criteria, score arithmetic, Czech reasons, ties and determinism of the matching engine (no database)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.criteria.soft import CRITERIA, haversine_km
from matching.engine.pool import prepare_pool
from matching.engine.ranking import rank, rank_many
from matching.types.inputs import Location, Weights
from matching.types.vocabulary import HEALTH_NEEDS, WishFlag
from tests.matching.builders import BRNO, HODONIN, OSTRAVA, PRAHA, TODAY, case, child, family


def _km(a: Location, b: Location) -> float:
    import math

    la, lb = math.radians(a.lat), math.radians(b.lat)
    return haversine_km(la, math.radians(a.lon), math.cos(la), lb, math.radians(b.lon), math.cos(lb))


def test_haversine_distance_between_orp_seats_is_right():
    # Brno–Ostrava about 139 km, Brno–Praha about 185 km as the crow flies.
    assert 135 < _km(BRNO, OSTRAVA) < 143
    assert 180 < _km(BRNO, PRAHA) < 190
    assert _km(BRNO, BRNO) == 0


def test_contributions_times_weights_sum_to_the_total():
    the_case = case(
        child(age=4, health_needs=frozenset({"behavioural", "delay"})),
        contact_plan="supervised",
        birth_family_location=HODONIN,
        wishes=frozenset({WishFlag.OTHER_CHILDREN}),
        household_position="youngest",
    )
    weights = Weights(0.9, 0.3, 1.0, 0.2, 0.5, 0.7)
    pool = prepare_pool(
        [
            family(
                i,
                age_min=i % 3,
                age_max=8 + i % 5,
                health_needs_accepted=frozenset({"behavioural", "delay"}),
                health_needs_experience=frozenset({"delay"}) if i % 2 else frozenset(),
                children_in_household=i % 3,
                location=[BRNO, OSTRAVA, PRAHA, HODONIN][i % 4],
                effective_date=TODAY - timedelta(days=40 * i),
            )
            for i in range(1, 13)
        ],
        today=TODAY,
    )
    result = rank(the_case, pool, weights=weights)
    assert len(result.ranked) == 12
    weight_sum = sum(weights.as_dict().values())  # every criterion applies to this case
    for ranked in result.ranked:
        assert [c.criterion for c in ranked.criteria] == list(CRITERIA)
        for c in ranked.criteria:
            assert c.applicable
            assert 0.0 <= c.score <= 1.0
            assert c.weight == getattr(weights, c.criterion)
            assert c.contribution == pytest.approx(c.weight * c.score / weight_sum, abs=1e-4)
        assert sum(c.contribution for c in ranked.criteria) == pytest.approx(ranked.total, abs=1e-4)
        assert 0.0 <= ranked.total <= 1.0
    totals = [r.total for r in result.ranked]
    assert totals == sorted(totals, reverse=True)


def test_criteria_that_do_not_apply_to_the_child_leave_the_total_out_of_their_weight():
    """No needs, no planned contact, no wishes, nothing asked about other children: those criteria contribute
    nothing and do not dilute the total."""
    result = rank(case(child(age=5)), prepare_pool([family(1, age_min=0, age_max=10)], today=TODAY))
    by_name = {c.criterion: c for c in result.ranked[0].criteria}
    for name in ("needs_experience", "birth_family_distance", "child_wishes", "household_children"):
        assert not by_name[name].applicable
        assert by_name[name].contribution == 0
    applicable_weight = Weights().age_preference + Weights().waiting_time
    expected = (
        Weights().age_preference * 1.0  # age 5 is inside 0–10
        + Weights().waiting_time * 365 / 730
    ) / applicable_weight
    assert result.ranked[0].total == pytest.approx(expected, abs=1e-4)


def test_age_rule_a_child_inside_an_open_range_is_a_full_fit_and_the_reason_says_so():
    """Issue 14 item 10: a 4-year-old in a 0–17 range scored 0.74 with "spíše na okraji rozmezí"."""
    pool = prepare_pool([family(1, age_min=0, age_max=17), family(2, age_min=3, age_max=6)], today=TODAY)
    result = rank(case(child(age=4)), pool)
    for ranked in result.ranked:
        age = ranked.criteria[0]
        assert age.score == 1.0
        assert age.reason.code == "age.inside"
        assert "okraj" not in age.reason.text
    texts = {f.entry_id: f.criteria[0].reason.text for f in result.ranked}
    assert texts[1] == "Věk dítěte (4 roky) je uvnitř rozmezí, které rodina přijímá (0–17 let); plná shoda."
    assert "(3–6 let)" in texts[2]
    # Same total: the open family is not penalised for being open.
    assert result.ranked[0].total == result.ranked[1].total


def test_age_rule_a_child_at_a_closed_upper_limit_fits_less_than_one_inside():
    pool = prepare_pool([family(1, age_min=2, age_max=5), family(2, age_min=5, age_max=9)], today=TODAY)
    result = rank(case(child(age=5)), pool)
    assert [f.entry_id for f in result.ranked] == [2, 1]
    edge = result.ranked[1].criteria[0]
    assert edge.score == 0.5
    assert edge.reason.code == "age.upper_edge"
    assert edge.reason.text.startswith("Věk dítěte (5 let) je na horní hranici rozmezí")
    # The lower limit and a one-age range are full fits (the family asked for exactly that age).
    assert result.ranked[0].criteria[0].score == 1.0
    exact = rank(case(child(age=1)), prepare_pool([family(3, age_min=1, age_max=1)], today=TODAY))
    assert exact.ranked[0].criteria[0].score == 1.0
    assert "(1 rok)" in exact.ranked[0].criteria[0].reason.text


def test_household_rule_children_at_home_matter_only_where_the_file_asks_for_the_only_or_youngest_child():
    """Issue 14 item 10: children already in the household lowered every family's score."""
    pool = prepare_pool([family(1, children_in_household=2), family(2, children_in_household=0)], today=TODAY)
    neutral = rank(case(), pool)
    assert neutral.ranked[0].total == neutral.ranked[1].total
    assert [f.entry_id for f in neutral.ranked] == [1, 2]  # the tie goes to the entry id, not to the household
    household = neutral.ranked[0].criteria[5]
    assert not household.applicable and household.contribution == 0
    assert household.reason.code == "household.not_applicable"

    only = rank(case(household_position="only"), pool)
    assert [f.entry_id for f in only.ranked] == [2, 1]
    reasons = {f.entry_id: f.criteria[5] for f in only.ranked}
    assert reasons[2].score == 1.0 and reasons[1].score == 0.0
    assert reasons[1].reason.text == (
        "Dítě má být v rodině jediným dítětem, ale v domácnosti už žijí další děti (2 děti)."
    )

    youngest = rank(case(household_position="youngest"), pool)
    assert [f.entry_id for f in youngest.ranked] == [2, 1]
    unknown = {f.entry_id: f.criteria[5] for f in youngest.ranked}[1]
    assert unknown.score == 0.5
    assert unknown.reason.code == "household.youngest_unknown"
    assert "ověřte" in unknown.reason.text


def test_when_contact_is_planned_the_family_nearer_the_birth_parents_is_preferred():
    """Ombudsman 2022: nearer family keeps contact with a birth parent possible."""
    near, far = family(1, location=OSTRAVA), family(2, location=PRAHA)
    pool = prepare_pool([far, near], today=TODAY)
    with_contact = rank(case(contact_plan="regular", birth_family_location=OSTRAVA), pool)
    assert [f.entry_id for f in with_contact.ranked] == [1, 2]
    distance = {f.entry_id: f.criteria[2] for f in with_contact.ranked}
    assert distance[1].score == 1.0
    assert "asi 0 km" in distance[1].reason.text
    assert "pravidelný kontakt" in distance[2].reason.text
    assert distance[2].score < 0.1


def test_without_planned_contact_distance_is_neutral():
    pool = prepare_pool([family(2, location=PRAHA), family(1, location=OSTRAVA)], today=TODAY)
    result = rank(case(contact_plan="none", birth_family_location=OSTRAVA), pool)
    assert result.ranked[0].total == result.ranked[1].total
    assert result.ranked[0].criteria[2].reason.code == "distance.no_contact"


def test_experience_with_the_child_needs_is_explained_need_by_need_in_czech():
    the_case = case(child(health_needs=frozenset({"behavioural", "chronic"})))
    accepts = frozenset({"behavioural", "chronic"})
    pool = prepare_pool(
        [
            family(1, health_needs_accepted=accepts, health_needs_experience=accepts),
            family(2, health_needs_accepted=accepts, health_needs_experience=frozenset({"chronic"})),
            family(3, health_needs_accepted=accepts),
        ],
        today=TODAY,
    )
    result = rank(the_case, pool)
    assert [f.entry_id for f in result.ranked] == [1, 2, 3]
    texts = {f.entry_id: f.criteria[1].reason.text for f in result.ranked}
    assert texts[1] == "Rodina má zkušenost se všemi potřebami dítěte (chronické onemocnění, poruchy chování)."
    assert texts[2] == "Rodina má zkušenost s potřebami: chronické onemocnění; bez zkušenosti: poruchy chování."
    assert "zatím nemá zkušenost" in texts[3]


def test_longer_wait_in_the_register_scores_higher():
    pool = prepare_pool(
        [family(1, effective_date=TODAY - timedelta(days=30)), family(2, effective_date=TODAY - timedelta(days=900))],
        today=TODAY,
    )
    result = rank(case(), pool)
    assert [f.entry_id for f in result.ranked] == [2, 1]
    assert result.ranked[0].criteria[3].score == 1.0
    assert result.ranked[0].criteria[3].reason.text == "Rodina čeká v evidenci 900 dní od právní moci rozhodnutí."


def test_child_wishing_for_other_children_prefers_a_family_with_children():
    pool = prepare_pool([family(1, children_in_household=0), family(2, children_in_household=2)], today=TODAY)
    wishes_siblings = rank(case(wishes=frozenset({WishFlag.OTHER_CHILDREN})), pool, weights=Weights(child_wishes=1.0))
    no_wish = rank(case(), pool)
    assert [f.entry_id for f in wishes_siblings.ranked] == [2, 1]
    assert [f.entry_id for f in no_wish.ranked] == [1, 2]
    reason = wishes_siblings.ranked[0].criteria[4].reason
    assert reason.text == "Přání dítěte – rodina odpovídá: vyrůstat s dalšími dětmi; neodpovídá: –."


def test_child_wishing_to_stay_near_home_prefers_a_family_near_the_home_orp():
    pool = prepare_pool([family(1, location=PRAHA), family(2, location=HODONIN)], today=TODAY)
    result = rank(case(home_location=BRNO, wishes=frozenset({WishFlag.NEAR_HOME})), pool)
    assert [f.entry_id for f in result.ranked] == [2, 1]


def test_region_weights_change_the_order():
    """Per-region weights: a region that values time waited over distance ranks the long-waiting family first."""
    near_new = family(1, location=OSTRAVA, effective_date=TODAY - timedelta(days=10))
    far_long = family(2, location=BRNO, effective_date=TODAY - timedelta(days=730))
    pool = prepare_pool([near_new, far_long], today=TODAY)
    the_case = case(contact_plan="supervised", birth_family_location=OSTRAVA)
    distance_first = Weights(birth_family_distance=1.0, waiting_time=0.1)
    waiting_first = Weights(birth_family_distance=0.1, waiting_time=1.0)
    assert [f.entry_id for f in rank(the_case, pool, weights=distance_first).ranked] == [1, 2]
    assert [f.entry_id for f in rank(the_case, pool, weights=waiting_first).ranked] == [2, 1]


def test_ties_are_broken_by_time_waited_then_by_entry_id():
    only_age = Weights(0.5, 0, 0, 0, 0, 0)
    pool = prepare_pool(
        [
            family(5, effective_date=TODAY - timedelta(days=100)),
            family(3, effective_date=TODAY - timedelta(days=400)),
            family(4, effective_date=TODAY - timedelta(days=100)),
        ],
        today=TODAY,
    )
    result = rank(case(), pool, weights=only_age)
    assert {f.total for f in result.ranked} == {1.0}
    assert [f.entry_id for f in result.ranked] == [3, 4, 5]
    assert [f.rank for f in result.ranked] == [1, 2, 3]


def test_tie_rule_the_reason_says_what_broke_a_tie_on_the_total():
    """Issue 14 item 10: up to six families with the same total were ordered by waiting time with no reason."""
    pool = prepare_pool(
        [
            family(5, effective_date=TODAY - timedelta(days=100)),
            family(3, effective_date=TODAY - timedelta(days=400)),
            family(4, effective_date=TODAY - timedelta(days=100)),
            family(6, age_max=5, effective_date=TODAY - timedelta(days=100)),  # age 5 at its upper limit: lower
        ],
        today=TODAY,
    )
    result = rank(case(), pool, weights=Weights(0.5, 0, 0, 0, 0, 0))
    waiting = {f.entry_id: f.criteria[3].reason for f in result.ranked}
    # 3 waited longest: waiting time alone put it first among the three with the same total.
    assert waiting[3].code == "waiting.tie"
    assert waiting[3].text == (
        "Rodina čeká v evidenci 400 dní od právní moci rozhodnutí. Celkové skóre má shodné s dalšími rodinami "
        "(2 rodiny); pořadí mezi nimi určila doba čekání (déle čekající výše)."
    )
    # 4 and 5 waited the same 100 days: the entry id decided between them, and the reason says so.
    assert waiting[4].code == waiting[5].code == "waiting.tie_entry"
    assert "nižší číslo záznamu" in waiting[4].text
    # A family whose total nobody shares gets the plain sentence.
    assert waiting[6].code == "waiting.days"
    assert waiting[6].text == "Rodina čeká v evidenci 100 dní od právní moci rozhodnutí."
    # The same with a limit: the group is counted over the whole order, not the shown part.
    assert rank(case(), pool, weights=Weights(0.5, 0, 0, 0, 0, 0), limit=1).ranked[0].criteria[3].reason == waiting[3]


def test_every_ranked_family_has_a_czech_reason_for_every_criterion():
    the_case = case(child(age=2), child(age=4), contact_plan="supervised", birth_family_location=BRNO)
    pool = prepare_pool([family(i, accepts_siblings=True, max_children=3) for i in range(1, 6)], today=TODAY)
    for ranked in rank(the_case, pool).ranked:
        assert len(ranked.reasons) == len(CRITERIA)
        for reason in ranked.reasons:
            assert reason.text and "%(" not in reason.text
        assert "Věk dítěte (2 roky, 4 roky)" in ranked.reasons[0].text


def test_limit_keeps_the_top_of_the_same_order():
    pool = prepare_pool([family(i, effective_date=TODAY - timedelta(days=i * 7)) for i in range(1, 30)], today=TODAY)
    full = rank(case(), pool)
    top = rank(case(), pool, limit=5)
    assert [f.entry_id for f in top.ranked] == [f.entry_id for f in full.ranked[:5]]


def test_ranking_many_children_with_one_pool_equals_ranking_each():
    pool = prepare_pool([family(i, age_max=i % 12 + 1) for i in range(1, 40)], today=TODAY)
    cases = [case(child(age=a), case_id=a) for a in range(0, 12)]
    many = rank_many(cases, pool)
    for the_case, result in zip(cases, many, strict=True):
        single = rank(the_case, pool)
        assert [f.entry_id for f in result.ranked] == [f.entry_id for f in single.ranked]


# --- determinism ------------------------------------------------------------------------------------------
family_strategy = st.builds(
    lambda entry_id, age_min, span, siblings, needs, exp, kids, days, where, status, contact: family(
        entry_id,
        age_min=age_min,
        age_max=min(17, age_min + span),
        accepts_siblings=siblings,
        max_children=2 if siblings else 1,
        health_needs_accepted=frozenset(needs),
        health_needs_experience=frozenset(exp) & frozenset(needs),
        children_in_household=kids,
        effective_date=TODAY - timedelta(days=days),
        location=where,
        status=status,
        contact_willingness=contact,
    ),
    entry_id=st.integers(1, 10_000),
    age_min=st.integers(0, 10),
    span=st.integers(0, 8),
    siblings=st.booleans(),
    needs=st.sets(st.sampled_from(HEALTH_NEEDS), max_size=3),
    exp=st.sets(st.sampled_from(HEALTH_NEEDS), max_size=3),
    kids=st.integers(0, 3),
    days=st.integers(-20, 1000),
    where=st.sampled_from([BRNO, OSTRAVA, PRAHA, HODONIN]),
    status=st.sampled_from(["active", "active", "active", "paused"]),
    contact=st.sampled_from(["none", "supervised", "regular"]),
)


@settings(max_examples=60, deadline=None)
@given(
    families=st.lists(family_strategy, max_size=40, unique_by=lambda f: f.entry_id),
    age=st.integers(0, 12),
    needs=st.sets(st.sampled_from(HEALTH_NEEDS), max_size=2),
    contact=st.sampled_from(["none", "supervised"]),
    seed=st.integers(0, 2**32),
)
def test_shuffled_input_gives_the_same_ranking(families, age, needs, contact, seed):
    the_case = case(child(age=age, health_needs=frozenset(needs)), contact_plan=contact, birth_family_location=OSTRAVA)
    shuffled = families[:]
    random.Random(seed).shuffle(shuffled)
    first = rank(the_case, prepare_pool(families, today=TODAY))
    second = rank(the_case, prepare_pool(shuffled, today=TODAY))
    assert [(f.entry_id, f.total) for f in first.ranked] == [(f.entry_id, f.total) for f in second.ranked]
    assert [f.reasons for f in first.ranked] == [f.reasons for f in second.ranked]
    assert first.excluded_counts == second.excluded_counts
    assert sorted(first.exclusions) == sorted(second.exclusions)
    assert len(first.ranked) + len(first.exclusions) == len(families)
    for ranked in first.ranked:
        assert sum(c.contribution for c in ranked.criteria) == pytest.approx(ranked.total, abs=1e-4)
        assert 0.0 <= ranked.total <= 1.0
    # The order is the documented one: total desc, then time waited desc, then entry id asc.
    keys = [(-f.total, -f.waited_days, f.entry_id) for f in first.ranked]
    assert keys == sorted(keys)
