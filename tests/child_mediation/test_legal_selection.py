"""The §24 re-check (SELECTION; issue 14, item 7 first part): at the moment of approach the hard rules of the
matching engine are checked again against today's child file and today's family profile. A family that no longer
fits is refused with the rule and skipped only with the officer's confirmation, which is recorded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from nrp.core.choices import CareType, LegalStatus, Sex
from nrp.core.exceptions import ForbiddenError
from workflows.child_mediation import services
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.proceedings import LegalTask
from workflows.child_mediation.legal.skips import ApproachSkip
from workflows.child_mediation.legal.vocabulary import TaskKind
from workflows.child_mediation.models import Approach, ApproachStatus
from workflows.child_mediation.services import approach_check

from .conftest import child_data, held_conference, make_entry, propose

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def boy_of_six(ospod, officer):
    born = date(TODAY.year - 6, TODAY.month, min(TODAY.day, 28))
    case = propose(
        ospod,
        care_types=(CareType.FOSTER,),
        children=[child_data(first_name="Jan", sex=Sex.MALE, date_of_birth=born, legal_status=LegalStatus.NOT_FREE)],
    )
    return services.case_register(case=case, officer=officer)


def narrow_to_small_girls(entry):
    profile = entry.profile
    profile.age_min, profile.age_max, profile.sexes = 0, 3, [Sex.FEMALE]
    profile.save(update_fields=["age_min", "age_max", "sexes"])


def test_selection_24_family_whose_profile_narrowed_after_the_minutes_is_refused_with_the_rule(ospod_worker, officer):
    case = boy_of_six(ospod_worker, officer)
    first, second = make_entry(), make_entry()
    held_conference(case, officer, [first, second])
    narrow_to_small_girls(first)  # signed minutes first, then the family narrowed its profile
    with pytest.raises(LegalStepRefused) as exc:
        services.approach_start_next(case=case, officer=officer)
    assert exc.value.code == "family_no_longer_fits"
    assert exc.value.details == {"entry_id": first.pk, "rule": "age"}
    assert f"č. {first.pk}" in str(exc.value.message) and "§ 24" in str(exc.value.message)
    assert not Approach.objects.filter(case=case).exists()


def test_selection_24_a_birthday_takes_the_child_out_of_the_familys_range(ospod_worker, officer):
    born = date(TODAY.year - 4, TODAY.month, TODAY.day) if TODAY.month != 2 or TODAY.day != 29 else date(2022, 3, 1)
    case = propose(
        ospod_worker,
        care_types=(CareType.FOSTER,),
        children=[child_data(date_of_birth=born + timedelta(days=1), legal_status=LegalStatus.NOT_FREE)],
    )
    case = services.case_register(case=case, officer=officer)
    family = make_entry()
    profile = family.profile
    profile.age_max = 3
    profile.save(update_fields=["age_max"])
    held_conference(case, officer, [family])
    assert approach_check.family_fit(case=case, entry=family, today=TODAY).fits
    birthday = born + timedelta(days=1)
    birthday = date(birthday.year + 4, birthday.month, birthday.day)
    assert approach_check.family_fit(case=case, entry=family, today=birthday).rule == "age"


def test_selection_24_unfit_family_is_skipped_only_with_the_officers_recorded_confirmation(ospod_worker, officer):
    case = boy_of_six(ospod_worker, officer)
    first, second = make_entry(), make_entry()
    held_conference(case, officer, [first, second])
    narrow_to_small_girls(first)
    with pytest.raises(LegalStepRefused) as exc:
        approach_check.approach_skip_confirm(case=case, entry=first, officer=officer, note="  ")
    assert exc.value.code == "required"
    skip = approach_check.approach_skip_confirm(
        case=case, entry=first, officer=officer, note="Rodina potvrdila, že hledá jen malou dívku."
    )
    assert (skip.rule, skip.confirmed_by, skip.entry) == ("age", officer, first)
    approach = services.approach_start_next(case=case, officer=officer)
    assert approach.entry == second
    assert approach.position == 2


def test_selection_24_a_family_that_fits_cannot_be_skipped(ospod_worker, officer):
    case = boy_of_six(ospod_worker, officer)
    first, second = make_entry(), make_entry()
    held_conference(case, officer, [first, second])
    with pytest.raises(LegalStepRefused) as exc:
        approach_check.approach_skip_confirm(case=case, entry=first, officer=officer, note="Raději druhou.")
    assert exc.value.code == "family_fits"
    with pytest.raises(LegalStepRefused) as exc:
        approach_check.approach_skip_confirm(case=case, entry=second, officer=officer, note="Není na řadě.")
    assert exc.value.code == "not_next_family"
    assert not ApproachSkip.objects.exists()


def test_selection_24_only_the_childs_officer_confirms_a_skip(ospod_worker, officer, other_officer):
    case = boy_of_six(ospod_worker, officer)
    first = make_entry()
    held_conference(case, officer, [first, make_entry()])
    narrow_to_small_girls(first)
    for outsider in (ospod_worker, other_officer):
        with pytest.raises(ForbiddenError):
            approach_check.approach_skip_confirm(case=case, entry=first, officer=outsider, note="x")


def test_selection_24_automatic_next_approach_stops_with_a_task_for_an_unfit_family(ospod_worker, officer):
    case = boy_of_six(ospod_worker, officer)
    first, second = make_entry(), make_entry()
    held_conference(case, officer, [first, second])
    approach = services.approach_start_next(case=case, officer=officer)
    narrow_to_small_girls(second)
    following = services.approach_record_answer(approach=approach, actor=officer, accepted=False, reason="Ne.")
    assert following is None, "the decline is recorded; the next family is not approached"
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.DECLINED
    task = LegalTask.objects.get(case=case, kind=TaskKind.APPROACH_STOPPED, done_on__isnull=True)
    assert "nevyhovuje" in task.note
    approach_check.approach_skip_confirm(case=case, entry=second, officer=officer, note="Ověřeno s rodinou.")
    task.refresh_from_db()
    assert task.done_on is not None


def test_selection_24_adoption_only_family_not_approached_while_adoption_waits_for_evidence(ospod_worker, officer):
    case = propose(
        ospod_worker,
        care_types=(CareType.ADOPTION, CareType.FOSTER),
        children=[child_data(legal_status=LegalStatus.NOT_FREE)],
    )
    case = services.case_register(case=case, officer=officer)
    adopters = make_entry(care_types=(CareType.ADOPTION,))
    held_conference(case, officer, [adopters, make_entry()])
    with pytest.raises(LegalStepRefused) as exc:
        services.approach_start_next(case=case, officer=officer)
    assert exc.value.details["entry_id"] == adopters.pk
