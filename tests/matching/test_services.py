"""ranking_run and the other matching services against PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matching.adapter.profiles import PROFILE_MISSING
from matching.criteria.hard import HardRule
from matching.engine.ranking import ENGINE_VERSION
from matching.models import RANKING_IMMUTABLE, MatchingWeights, RankingRun, RankingScope
from matching.selectors import ranking_get_for_user, ranking_list_for_case, weights_for_region
from matching.services import (
    CASE_NOT_RANKABLE,
    CASE_WITHOUT_CHILDREN,
    RANKING_NOT_ALLOWED,
    _approached_provider,
    approached_entry_ids_for,
    child_wishes_set,
    matching_weights_update,
    ranking_run,
    register_approached_entries_provider,
)
from matching.types.inputs import Weights
from nrp.audit.models import AuditEvent
from nrp.core.choices import ContactLevel, Role
from tests.factories import household_with_members, user_with_role
from tests.matching.conftest import TODAY, child_case, register_family
from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation.models import ChildCaseStatus

pytestmark = pytest.mark.django_db


def test_ranking_is_stored_with_snapshot_of_inputs_weights_results_and_exclusions(officer):
    good = register_family(age_min=3, age_max=8)
    too_young = register_family(age_min=0, age_max=2)
    paused = register_family(status=RegisterStatus.PAUSED)
    case = child_case(ages=(5,))

    run = ranking_run(child_case=case, actor=officer, today=TODAY)

    assert run.scope == RankingScope.REGIONAL and run.region_id == case.region_id
    assert run.created_by == officer and run.ranked_on == TODAY
    assert [r["entry_id"] for r in run.results] == [good.pk]
    assert run.exclusions["counts"][HardRule.AGE] == 1
    assert run.exclusions["counts"][HardRule.REGISTER_STATUS] == 1
    assert run.excluded_families() == {too_young.pk: HardRule.AGE, paused.pk: HardRule.REGISTER_STATUS}
    assert run.weights == Weights().as_dict()
    # The ranked family's inputs are stored with it; the register as a whole is identified by its digest.
    (entry,) = run.ranked_entries.all()
    assert entry.family["entry_id"] == good.pk and (entry.family["age_min"], entry.family["age_max"]) == (3, 8)
    assert len(run.pool_digest) == 64 and run.engine_version == ENGINE_VERSION
    assert run.inputs["case"]["children"] == [
        {"age": 5, "sex": "F", "legal_status": "not_free", "health_needs": [], "ethnicity": ""}
    ]
    top = run.results[0]
    assert sum(c["contribution"] for c in top["criteria"]) == pytest.approx(top["total"], abs=1e-4)
    assert all(c["reason"]["text"] for c in top["criteria"])
    assert run.considered_count == 3 and run.eligible_count == 1


def test_snapshot_and_audit_never_contain_the_child_name(officer):
    register_family()
    case = child_case()
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    stored = json.dumps(
        [run.inputs, list(run.results), run.exclusions, list(run.ranked_entries.values("family"))], ensure_ascii=False
    )
    audit = json.dumps([e.details for e in AuditEvent.objects.all()], ensure_ascii=False)
    for secret in ("Tajné", "Jméno", "03-01"):
        assert secret not in stored
        assert secret not in audit


def test_stored_ranking_cannot_be_changed_or_deleted(officer):
    register_family()
    run = ranking_run(child_case=child_case(), actor=officer, today=TODAY)
    run.eligible_count = 0
    with pytest.raises(ValidationError) as error:
        run.save()
    assert RANKING_IMMUTABLE in error.value.messages
    with pytest.raises(ValidationError):
        RankingRun.objects.get(pk=run.pk).delete()
    for row in (run.ranked_entries.get(), *run.exclusion_rows.all()):
        with pytest.raises(ValidationError):
            row.save()
    assert RankingRun.objects.get(pk=run.pk).eligible_count == 1


def test_ranking_uses_the_region_weights_and_stores_them(officer, jmk):
    # A region that weighs time waited only: the family waiting longest comes first.
    matching_weights_update(
        region=jmk,
        actor=officer,
        age_preference=0,
        needs_experience=0,
        birth_family_distance=0,
        waiting_time=1,
        child_wishes=0,
        household_children=0,
    )
    newer = register_family(age_min=4, age_max=6, effective_date=TODAY - timedelta(days=10))
    older = register_family(age_min=0, age_max=12, effective_date=TODAY - timedelta(days=500))
    run = ranking_run(child_case=child_case(ages=(5,)), actor=officer, today=TODAY)
    assert [r["entry_id"] for r in run.results] == [older.pk, newer.pk]
    assert run.weights["waiting_time"] == 1 and run.weights["age_preference"] == 0


def test_region_without_own_weights_uses_the_shipped_defaults(msk):
    assert weights_for_region(region=msk) == Weights()


def test_weights_outside_zero_to_one_are_refused(officer, jmk):
    with pytest.raises(ValidationError):
        matching_weights_update(region=jmk, actor=officer, waiting_time=1.5)
    with pytest.raises(ValidationError):
        matching_weights_update(
            region=jmk,
            actor=officer,
            age_preference=0,
            needs_experience=0,
            birth_family_distance=0,
            waiting_time=0,
            child_wishes=0,
            household_children=0,
        )
    assert not MatchingWeights.objects.exists()


def test_officer_of_another_region_cannot_set_weights(other_officer, jmk):
    with pytest.raises(PermissionDenied):
        matching_weights_update(region=jmk, actor=other_officer, waiting_time=0.5)


def test_regional_search_sees_only_the_region_national_sees_every_region(officer):
    home = register_family(residence="Brno")
    other = register_family(residence="Ostrava", accepts_other_regions=True)
    other_only_own = register_family(residence="Ostrava", accepts_other_regions=False)
    case = child_case(orp_name="Brno")

    regional = ranking_run(child_case=case, actor=officer, today=TODAY)
    national = ranking_run(child_case=case, actor=officer, national=True, today=TODAY)

    assert [r["entry_id"] for r in regional.results] == [home.pk]
    assert regional.considered_count == 1
    assert national.scope == RankingScope.NATIONAL
    assert {r["entry_id"] for r in national.results} == {home.pk, other.pk}
    assert national.excluded_families() == {other_only_own.pk: HardRule.OTHER_REGION}


def test_families_approached_for_another_child_are_excluded(officer):
    approached = register_family()
    free = register_family()
    run = ranking_run(child_case=child_case(), actor=officer, approached_entry_ids={approached.pk}, today=TODAY)
    assert [r["entry_id"] for r in run.results] == [free.pk]
    assert run.excluded_families() == {approached.pk: HardRule.CURRENTLY_APPROACHED}
    assert run.inputs["approached_entry_ids"] == [approached.pk]


def test_registered_provider_supplies_the_approached_families(officer):
    entry = register_family()
    case = child_case()
    registered = list(_approached_provider)
    register_approached_entries_provider(lambda c: [entry.pk] if c.pk == case.pk else [])
    try:
        assert approached_entry_ids_for(case) == frozenset({entry.pk})
    finally:
        # Put back the child-mediation app's provider: later tests rely on it.
        _approached_provider[:] = registered


def test_child_with_no_suitable_family_gets_a_stored_empty_ranking_with_counts(officer):
    register_family(age_max=3)
    register_family(age_max=4)
    run = ranking_run(child_case=child_case(ages=(9,)), actor=officer, today=TODAY)
    assert run.results == [] and run.eligible_count == 0
    assert run.exclusions["counts"][HardRule.AGE] == 2


def test_distance_to_birth_family_orders_families_when_contact_is_planned(officer):
    near = register_family(residence="Hodonín")
    far = register_family(residence="Brno")
    case = child_case(contact_plan=ContactLevel.SUPERVISED, birth_family_orp="Hodonín")
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    assert [r["entry_id"] for r in run.results] == [near.pk, far.pk]
    reason = run.results[1]["criteria"][2]["reason"]
    assert reason["code"] == "distance.km" and 40 < reason["params"]["km"] < 60


def test_sibling_group_needs_a_family_accepting_siblings_with_room(officer):
    room = register_family(accepts_siblings=True, max_children=2)
    register_family(accepts_siblings=True, max_children=1)
    register_family(accepts_siblings=False, max_children=3)
    run = ranking_run(child_case=child_case(ages=(4, 7)), actor=officer, today=TODAY)
    assert [r["entry_id"] for r in run.results] == [room.pk]
    assert run.exclusions["counts"][HardRule.CAPACITY] == 1
    assert run.exclusions["counts"][HardRule.SIBLINGS] == 1


def test_entry_with_an_impossible_or_missing_profile_is_skipped_and_reported(officer):
    good = register_family()
    broken = register_family()
    broken.profile.__class__.objects.filter(pk=broken.profile.pk).update(age_min=10, age_max=3)
    bare_household = household_with_members(residence="Brno")
    bare = ApplicantRegisterEntry.objects.create(
        household=bare_household,
        region=bare_household.residence_orp.region,
        care_types=["FOSTER"],
        decision_date=TODAY - timedelta(days=30),
        effective_date=TODAY - timedelta(days=20),
    )
    run = ranking_run(child_case=child_case(), actor=officer, today=TODAY)
    assert [r["entry_id"] for r in run.results] == [good.pk]
    skipped = {s["entry_id"]: s["message"] for s in run.inputs["skipped"]}
    assert skipped[bare.pk] == PROFILE_MISSING
    assert "nejnižší věk dítěte (10) je vyšší než nejvyšší (3)" in skipped[broken.pk]


def test_wish_signals_feed_the_wishes_criterion(officer):
    with_children = register_family(children_in_household=2)
    without = register_family(children_in_household=0)
    case = child_case()
    child_wishes_set(child_case=case, actor=officer, flags=["other_children"])
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    assert run.inputs["case"]["wishes"] == ["other_children"]
    wishes = {r["entry_id"]: r["criteria"][4] for r in run.results}
    assert wishes[with_children.pk]["score"] == 1.0 and wishes[without.pk]["score"] == 0.0


def test_household_rule_the_childs_file_asking_for_the_only_child_feeds_the_household_criterion(officer):
    """Issue 14 item 10: children at home are weighed only where the child's file asks (only / youngest child)."""
    with_children = register_family(children_in_household=2)
    without = register_family(children_in_household=0)
    neutral = ranking_run(child_case=child_case(), actor=officer, today=TODAY)
    assert {r["criteria"][5]["applicable"] for r in neutral.results} == {False}
    assert neutral.results[0]["total"] == neutral.results[1]["total"]

    run = ranking_run(child_case=child_case(household_position="only"), actor=officer, today=TODAY)
    assert run.inputs["case"]["household_position"] == "only"
    assert [r["entry_id"] for r in run.results] == [without.pk, with_children.pk]
    reason = run.results[1]["criteria"][5]["reason"]
    assert reason["code"] == "household.only_unfit"
    assert reason["text"].endswith("(2 děti).")


def test_tie_rule_a_stored_ranking_explains_what_broke_a_tie(officer):
    """The explanation rebuilt from the stored rows names the tie and what broke it (waiting time, entry id)."""
    # Past two years the waiting score is full: the three totals are equal.
    older = register_family(effective_date=TODAY - timedelta(days=1000))
    first = register_family(effective_date=TODAY - timedelta(days=800))
    second = register_family(effective_date=TODAY - timedelta(days=800))
    run = ranking_run(child_case=child_case(), actor=officer, today=TODAY)
    stored = RankingRun.objects.get(pk=run.pk)
    rows = stored.results[0:3]
    assert [r["entry_id"] for r in rows] == [older.pk, first.pk, second.pk]
    assert len({r["total"] for r in rows}) == 1
    waiting = [r["criteria"][3]["reason"] for r in rows]
    assert waiting[0]["code"] == "waiting.tie" and waiting[0]["params"]["others"] == 2
    assert "pořadí mezi nimi určila doba čekání" in waiting[0]["text"]
    assert waiting[1]["code"] == waiting[2]["code"] == "waiting.tie_entry"
    assert "čeká v evidenci 800 dní" in waiting[1]["text"]


@pytest.mark.parametrize("status", [ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED])
def test_closed_or_placed_case_is_not_ranked(officer, status):
    with pytest.raises(ValidationError) as error:
        ranking_run(child_case=child_case(status=status), actor=officer, today=TODAY)
    assert CASE_NOT_RANKABLE in error.value.messages


def test_case_without_children_is_refused_with_a_clear_message(officer):
    with pytest.raises(ValidationError) as error:
        ranking_run(child_case=child_case(ages=()), actor=officer, today=TODAY)
    assert CASE_WITHOUT_CHILDREN in error.value.messages


@pytest.mark.parametrize("persona", ["other_officer", "guide", "ospod_worker", "assessor", "administrator"])
def test_only_an_officer_of_the_case_region_may_run_a_ranking(persona, request):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied) as error:
        ranking_run(child_case=child_case(), actor=user, today=TODAY)
    assert str(error.value) == str(RANKING_NOT_ALLOWED)
    assert not RankingRun.objects.exists()


def test_running_a_ranking_is_audited_in_the_case_region(officer):
    register_family()
    case = child_case()
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    event = AuditEvent.objects.get(object_type="matching.rankingrun", object_id=str(run.pk), action="create")
    assert event.region_id == case.region_id


def test_rankings_are_visible_to_the_case_region_and_national_ones_to_who_ran_them(officer, other_officer, msk):
    register_family()
    case = child_case()
    regional = ranking_run(child_case=case, actor=officer, today=TODAY)
    # An MSK officer who also acts in JMK ran a national search, then lost the JMK role.
    helper = user_with_role(Role.OFFICER, region=case.region)
    national = ranking_run(child_case=case, actor=helper, national=True, today=TODAY)
    helper.role_assignments.filter(region=case.region).update(active=False)
    helper.role_assignments.create(role=Role.OFFICER, region=msk)
    helper = type(helper).objects.get(pk=helper.pk)

    assert set(ranking_list_for_case(user=officer, child_case=case)) == {regional, national}
    assert ranking_get_for_user(user=other_officer, ranking_id=regional.pk) is None
    assert list(ranking_list_for_case(user=other_officer, child_case=case)) == []
    assert ranking_get_for_user(user=helper, ranking_id=national.pk) == national
    assert ranking_get_for_user(user=helper, ranking_id=regional.pk) is None


def test_a_stored_family_is_explained_exactly_as_the_engine_explained_it(officer):
    from matching.adapter import pools, profiles, snapshots
    from matching.engine.ranking import rank

    register_family(
        age_min=2, age_max=9, health_needs_experience=["behavioural"], health_needs_accepted=["behavioural"]
    )
    register_family(age_min=4, age_max=6, children_in_household=2, contact_willingness=ContactLevel.REGULAR)
    case = child_case(ages=(5,), health_needs=["behavioural"], contact_plan=ContactLevel.SUPERVISED)
    child_wishes_set(child_case=case, actor=officer, flags=["near_home", "other_children"])
    case.birth_family_orp = case.orp
    case.save()
    run = ranking_run(child_case=case, actor=officer, today=TODAY)
    live = rank(
        profiles.case_profile(case, today=TODAY),
        pools.load_pool(region_id=case.region_id, today=TODAY).pool,
        weights=weights_for_region(region=case.region),
    )
    assert [row["criteria"] for row in run.results] == [snapshots.criteria_json(f) for f in live.ranked]
    assert all(not entry.stored_criteria for entry in run.ranked_entries.all())


def test_a_prepared_pool_is_reused_until_the_register_changes(officer, django_assert_num_queries):
    from matching.adapter import pools

    family = register_family(age_min=3, age_max=8)
    first = pools.load_pool(region_id=family.region_id, today=TODAY)
    assert pools.load_pool(region_id=family.region_id, today=TODAY) is first
    family.profile.__class__.objects.filter(pk=family.profile.pk).update(age_max=4)  # same transaction
    changed = pools.load_pool(region_id=family.region_id, today=TODAY)
    assert changed is not first and int(changed.pool.age_max[0]) == 4
    run = ranking_run(child_case=child_case(ages=(6,)), actor=officer, today=TODAY)
    assert run.eligible_count == 0 and run.exclusions["counts"][HardRule.AGE] == 1
