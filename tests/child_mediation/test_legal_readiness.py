"""Before matching (issue 14, item 3): the child's view (CHILD_VIEW, §8(2)), the expert assessment where needed
(CHILD_ASSESSMENT), the consent of a child of 12+ to adoption (CHILD_CONSENT_12, civil code §806) and the officer's
waiver for an infant (INFANT_WAIVER). Ranking and approach are refused until then, with a stable code."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nrp.audit.models import AuditEvent
from nrp.core.choices import CareType, LegalStatus, Role, Sex
from nrp.core.exceptions import ForbiddenError
from tests.factories import user_with_role
from workflows.child_mediation import services
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.services import child_records, readiness

from .conftest import child_data, held_conference, make_entry, make_ready, propose

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def born(years: int, days: int = 0) -> date:
    """A date of birth making the child ``years`` old today (``days`` more)."""
    return date(TODAY.year - years, TODAY.month, min(TODAY.day, 28)) - timedelta(days=days)


def registered(ospod, officer, **child):
    care = child.pop("care", (CareType.FOSTER,))
    case = propose(ospod, children=[child_data(**child)], care_types=care)
    return services.case_register(case=case, officer=officer, registered_on=TODAY - timedelta(days=3))


def view(child, actor):
    return child_records.child_view_record(
        child=child,
        actor=actor,
        heard_on=TODAY - timedelta(days=2),
        heard_by="Bc. Eva Brněnská, OSPOD Brno",
        method="play",
        words="Chci bydlet s pejskem.",
        circumstances="V zařízení, přítomna klíčová pracovnice.",
    )


def assessment(child, officer):
    return child_records.child_assessment_record(
        child=child,
        actor=officer,
        kind="psychological",
        assessed_on=TODAY - timedelta(days=1),
        assessor="PhDr. Petr Novák, PPP Brno",
        conclusions="Potřebuje klidnou rodinu bez dalších malých dětí.",
    )


def refusal_code(case, officer) -> str:
    with pytest.raises(LegalStepRefused) as exc:
        services.case_run_ranking(child_case=case, actor=officer)
    assert isinstance(exc.value, ValidationError), "the older screens catch ValidationError"
    return exc.value.code


def test_child_view_8_2_missing_refuses_ranking_with_a_stable_code(ospod_worker, officer):
    case = registered(ospod_worker, officer, date_of_birth=born(7), legal_status=LegalStatus.NOT_FREE)
    assert refusal_code(case, officer) == "child_view_missing"


def test_child_view_8_2_records_how_by_whom_and_the_childs_words_and_is_audited(ospod_worker, officer):
    case = registered(ospod_worker, officer, date_of_birth=born(7), legal_status=LegalStatus.NOT_FREE)
    child = case.children.get()
    recorded = view(child, ospod_worker)
    assert (recorded.method, recorded.heard_by, recorded.words) == (
        "play",
        "Bc. Eva Brněnská, OSPOD Brno",
        "Chci bydlet s pejskem.",
    )
    events = AuditEvent.objects.filter(object_type="child_mediation.childview", object_id=str(recorded.pk))
    event = events.filter(details__step="child_view").get()
    assert event.actor == ospod_worker
    assert "Chci" not in str(list(events.values_list("details", flat=True))), "ids and codes, never the child's words"


def test_child_view_8_2_heard_in_the_future_is_refused(ospod_worker, officer):
    case = registered(ospod_worker, officer, date_of_birth=born(7), legal_status=LegalStatus.NOT_FREE)
    with pytest.raises(LegalStepRefused) as exc:
        child_records.child_view_record(
            child=case.children.get(),
            actor=officer,
            heard_on=TODAY + timedelta(days=1),
            heard_by="x",
            method="interview",
            words="y",
        )
    assert exc.value.code == "date_in_future"


def test_child_view_8_2_is_recorded_only_by_the_childs_officer_or_ospod(ospod_worker, officer, other_officer, guide):
    case = registered(ospod_worker, officer, date_of_birth=born(7), legal_status=LegalStatus.NOT_FREE)
    other_ospod = user_with_role(Role.OSPOD, orp=case.orp.region.orps.exclude(pk=case.orp_id).first())
    for outsider in (other_officer, guide, other_ospod):
        with pytest.raises(ForbiddenError):
            view(case.children.get(), outsider)


def test_child_assessment_27_needed_by_age_refuses_ranking_until_recorded(ospod_worker, officer):
    case = registered(ospod_worker, officer, date_of_birth=born(7), legal_status=LegalStatus.NOT_FREE, health_needs=[])
    child = case.children.get()
    view(child, officer)
    assert [code for code, _text in readiness.assessment_reasons(child, today=TODAY)] == ["age"]
    assert refusal_code(case, officer) == "child_assessment_missing"
    assessment(child, officer)
    assert readiness.gaps(case, today=TODAY) == []


def test_child_assessment_27_of_an_infant_needed_on_a_doctors_recommendation(ospod_worker, officer):
    case = registered(ospod_worker, officer, date_of_birth=born(1), legal_status=LegalStatus.NOT_FREE, health_needs=[])
    child = case.children.get()
    view(child, officer)
    assert readiness.assessment_reasons(child, today=TODAY) == []
    assert readiness.gaps(case, today=TODAY) == []
    child_records.assessment_indication_record(
        child=child, actor=ospod_worker, reason="doctor", note="Pediatr doporučuje neurologické vyšetření."
    )
    assert refusal_code(case, officer) == "child_assessment_missing"


def test_child_assessment_27_needed_for_behavioural_needs_in_the_file(ospod_worker, officer):
    case = registered(
        ospod_worker, officer, date_of_birth=born(2), legal_status=LegalStatus.NOT_FREE, health_needs=["behavioural"]
    )
    assert [code for code, _t in readiness.assessment_reasons(case.children.get(), today=TODAY)] == ["health"]


def test_child_assessment_27_is_recorded_by_the_officer_not_the_ospod(ospod_worker, officer):
    case = registered(ospod_worker, officer, date_of_birth=born(7), legal_status=LegalStatus.NOT_FREE)
    with pytest.raises(ForbiddenError):
        assessment(case.children.get(), ospod_worker)


def test_infant_waiver_by_the_officer_with_a_reason_lets_matching_go_on(ospod_worker, officer):
    case = registered(
        ospod_worker, officer, date_of_birth=born(0, days=200), legal_status=LegalStatus.NOT_FREE, health_needs=[]
    )
    assert refusal_code(case, officer) == "child_view_missing"
    with pytest.raises(LegalStepRefused) as exc:
        child_records.readiness_waiver_record(child=case.children.get(), actor=officer, reason="  ")
    assert exc.value.code == "required"
    child_records.readiness_waiver_record(
        child=case.children.get(), actor=officer, reason="Kojenec (7 měsíců): názor nelze zjistit; pozorován v péči."
    )
    assert readiness.gaps(case, today=TODAY) == []


def test_infant_waiver_only_for_a_child_under_3_and_only_by_the_officer(ospod_worker, officer):
    older = registered(ospod_worker, officer, date_of_birth=born(4), legal_status=LegalStatus.NOT_FREE)
    with pytest.raises(LegalStepRefused) as exc:
        child_records.readiness_waiver_record(child=older.children.get(), actor=officer, reason="Nemluví.")
    assert exc.value.code == "waiver_only_infant"
    infant = registered(ospod_worker, officer, date_of_birth=born(1), legal_status=LegalStatus.NOT_FREE)
    with pytest.raises(ForbiddenError):
        child_records.readiness_waiver_record(child=infant.children.get(), actor=ospod_worker, reason="Kojenec.")


def test_infant_waiver_ends_on_the_third_birthday(ospod_worker, officer):
    case = registered(
        ospod_worker, officer, date_of_birth=born(2, days=-10), legal_status=LegalStatus.NOT_FREE, health_needs=[]
    )
    child = case.children.get()
    child_records.readiness_waiver_record(child=child, actor=officer, reason="Batole, názor nelze zjistit.")
    assert readiness.gaps(case, today=TODAY) == []
    birthday = date(child.date_of_birth.year + 3, child.date_of_birth.month, child.date_of_birth.day)
    assert [g.code for g in readiness.gaps(case, today=birthday)] == ["child_view_missing", "child_assessment_missing"]


def test_civil_code_806_child_of_12_must_consent_before_adoption_approach(ospod_worker, officer):
    case = registered(
        ospod_worker,
        officer,
        date_of_birth=born(12, days=3),
        legal_status=LegalStatus.FREE,
        care=(CareType.ADOPTION, CareType.FOSTER),
    )
    held_conference(case, officer, [make_entry()])  # makes the file ready: the consent included
    consent = readiness.latest(readiness.AdoptionConsent, case.children.get())
    consent.delete()
    with pytest.raises(LegalStepRefused) as exc:
        services.approach_start_next(case=case, officer=officer)
    assert exc.value.code == "child_consent_missing"
    assert "§ 806" in str(exc.value.message)
    child_records.adoption_consent_record(
        child=case.children.get(), actor=officer, decision="given", given_on=TODAY, how="Před soudem, samo."
    )
    assert services.approach_start_next(case=case, officer=officer) is not None


def test_civil_code_806_consent_is_not_asked_of_a_child_under_12(ospod_worker, officer):
    case = registered(
        ospod_worker, officer, date_of_birth=born(11), legal_status=LegalStatus.FREE, care=(CareType.ADOPTION,)
    )
    assert not readiness.consent_needed(case.children.get(), case, today=TODAY)
    with pytest.raises(LegalStepRefused) as exc:
        child_records.adoption_consent_record(
            child=case.children.get(), actor=officer, decision="given", given_on=TODAY, how="x"
        )
    assert exc.value.code == "consent_not_needed"


def test_civil_code_806_child_refusing_adoption_is_sought_for_foster_care_only(ospod_worker, officer):
    case = registered(
        ospod_worker,
        officer,
        date_of_birth=born(13),
        legal_status=LegalStatus.FREE,
        care=(CareType.ADOPTION, CareType.FOSTER),
    )
    make_ready(case, officer)
    child_records.adoption_consent_record(
        child=case.children.get(), actor=officer, decision="refused", given_on=TODAY, how="Chce zůstat v kontaktu."
    )
    assert readiness.gaps(case, today=TODAY) == []
    assert readiness.care_types_open(case, today=TODAY) == {CareType.FOSTER}


def test_civil_code_806_adoption_only_child_refusing_adoption_is_not_matched(ospod_worker, officer):
    case = registered(
        ospod_worker, officer, date_of_birth=born(13), legal_status=LegalStatus.FREE, care=(CareType.ADOPTION,)
    )
    make_ready(case, officer)
    child_records.adoption_consent_record(
        child=case.children.get(), actor=officer, decision="refused", given_on=TODAY, how="Nechce."
    )
    assert refusal_code(case, officer) == "child_refuses_adoption"


def test_each_child_of_a_sibling_group_needs_its_own_view(ospod_worker, officer):
    case = propose(
        ospod_worker,
        care_types=(CareType.FOSTER,),
        children=[
            child_data(legal_status=LegalStatus.NOT_FREE, date_of_birth=born(8)),
            child_data(first_name="Jan", sex=Sex.MALE, legal_status=LegalStatus.NOT_FREE, date_of_birth=born(5)),
        ],
    )
    case = services.case_register(case=case, officer=officer)
    first, second = case.children.all()
    view(first, officer)
    assessment(first, officer)
    assessment(second, officer)
    found = readiness.gaps(case, today=TODAY)
    assert [(g.code, g.child_id) for g in found] == [("child_view_missing", second.pk)]
