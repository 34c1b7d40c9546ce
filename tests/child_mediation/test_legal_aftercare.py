"""After the court (issue 14, item 9): care by the future adopters as its own stage (PRE_ADOPTION_CARE, civil code
§829), the adoption petition after 6 months, the adoption decision; the foster-care agreement within 30 days of
finality, a late one flagged (FOSTER_AGREEMENT, §47b); a breakdown with coded reasons; the family stays in the
register paused for the placement (PLACEMENT_KEEPS_REGISTER, §24a)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from nrp.core.choices import CareType, LegalStatus, OrganisationKind
from tests.api.conftest import assert_problem
from tests.factories import OrganisationFactory
from workflows.applicant_journey.models import RegisterStatus
from workflows.child_mediation import deadlines, services
from workflows.child_mediation.legal.aftercare_records import FosterAgreement, PlacementBreakdown
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.proceedings import LegalTask
from workflows.child_mediation.legal.vocabulary import TaskKind
from workflows.child_mediation.services import aftercare

from .conftest import child_data, held_conference, make_entry, propose

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DECIDED = TODAY - timedelta(days=200)
FINAL = TODAY - timedelta(days=190)


def accepted_case(ospod, officer, *, legal_status=LegalStatus.FREE, care=(CareType.ADOPTION, CareType.FOSTER)):
    case = propose(ospod, care_types=care, children=[child_data(legal_status=legal_status)])
    case = services.case_register(case=case, officer=officer, registered_on=TODAY - timedelta(days=300))
    family = make_entry()
    held_conference(case, officer, [family])
    approach = services.approach_start_next(case=case, officer=officer)
    services.approach_record_answer(approach=approach, actor=officer, accepted=True)
    return case, family


def adoption(ospod, officer, care_start=None):
    case, family = accepted_case(ospod, officer)
    placement = services.court_decision_record(
        case=case,
        officer=officer,
        care_type=CareType.ADOPTION,
        court_decision_date=DECIDED,
        effective_date=FINAL,
        pre_adoption_care_start=care_start or DECIDED + timedelta(days=2),
    )
    return case, family, placement


def foster(ospod, officer, *, decided=DECIDED, final=FINAL):
    case, family = accepted_case(ospod, officer, legal_status=LegalStatus.NOT_FREE, care=(CareType.FOSTER,))
    placement = services.court_decision_record(
        case=case, officer=officer, care_type=CareType.FOSTER, court_decision_date=decided, effective_date=final
    )
    return case, family, placement


@pytest.mark.parametrize("start", [DECIDED - timedelta(days=1), TODAY + timedelta(days=1)])
def test_civil_code_829_care_by_future_adopters_starts_neither_before_the_decision_nor_in_the_future(
    ospod_worker, officer, start
):
    case, _family = accepted_case(ospod_worker, officer)
    with pytest.raises(ValidationError) as exc:
        services.court_decision_record(
            case=case,
            officer=officer,
            care_type=CareType.ADOPTION,
            court_decision_date=DECIDED,
            effective_date=FINAL,
            pre_adoption_care_start=start,
        )
    assert exc.value.code in {"care_before_decision", "date_in_future"}
    assert not hasattr(case, "placement") or case.placement is None


def test_civil_code_829_adoption_petition_only_after_six_months_of_care(ospod_worker, officer):
    start = TODAY - timedelta(days=170)
    _case, _family, placement = adoption(ospod_worker, officer, care_start=start)
    care = placement.pre_adoptive_care
    assert care.started_on == start and care.petition_possible_on == deadlines.add_months(start, 6)
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.adoption_petition_record(placement=placement, officer=officer, filed_on=TODAY, court="OS Brno")
    assert exc.value.code == "pre_adoption_care_too_short"
    later = care.petition_possible_on
    care = aftercare.adoption_petition_record(
        placement=placement, officer=officer, filed_on=later, court="OS Brno", today=later
    )
    assert care.petition_filed_on == later


def test_civil_code_829_adoption_decision_only_after_the_petition(ospod_worker, officer):
    _case, _family, placement = adoption(ospod_worker, officer)
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.adoption_decision_record(placement=placement, officer=officer, decided_on=TODAY, final_on=TODAY)
    assert exc.value.code == "petition_required"
    petition = placement.pre_adoptive_care.petition_possible_on
    aftercare.adoption_petition_record(placement=placement, officer=officer, filed_on=petition, court="OS")
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.adoption_decision_record(
            placement=placement, officer=officer, decided_on=petition - timedelta(days=1), final_on=TODAY
        )
    assert exc.value.code == "decision_before_petition"
    care = aftercare.adoption_decision_record(placement=placement, officer=officer, decided_on=TODAY, final_on=TODAY)
    assert care.adoption_final_on == TODAY


def test_civil_code_829_tick_opens_the_adoption_petition_task_when_six_months_passed(ospod_worker, officer):
    case, _family, placement = adoption(ospod_worker, officer)
    day = placement.pre_adoptive_care.petition_possible_on
    assert services.mediation_tick(today=day - timedelta(days=1))["adoption_petitions"] == 0
    assert services.mediation_tick(today=day)["adoption_petitions"] == 1
    assert services.mediation_tick(today=day)["adoption_petitions"] == 0
    assert LegalTask.objects.filter(case=case, kind=TaskKind.ADOPTION_PETITION, done_on__isnull=True).exists()


def test_placement_keeps_register_24a_the_family_stays_paused_not_removed(ospod_worker, officer):
    _case, family, _placement = adoption(ospod_worker, officer)
    family.refresh_from_db()
    assert family.status == RegisterStatus.PAUSED
    assert "§ 24a" in family.status_reason


def test_foster_agreement_47b_on_time_names_the_accompanying_organisation(ospod_worker, officer, jmk):
    _case, _family, placement = foster(ospod_worker, officer)
    organisation = OrganisationFactory(name="Doprovázení, z. s.", region=jmk, kind=OrganisationKind.ACCOMPANYING)
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.foster_agreement_sign(placement=placement, officer=officer, signed_on=FINAL + timedelta(days=3))
    assert exc.value.code == "agreement_party_required"
    agreement = aftercare.foster_agreement_sign(
        placement=placement, officer=officer, signed_on=FINAL + timedelta(days=3), organisation=organisation
    )
    assert (agreement.organisation, agreement.is_late) == (organisation, False)
    placement.refresh_from_db()
    assert placement.agreement_signed_on == FINAL + timedelta(days=3)


def test_foster_agreement_47b_late_is_flagged_with_its_reason_not_silently_accepted(ospod_worker, officer):
    _case, _family, placement = foster(ospod_worker, officer)
    late = placement.agreement_due + timedelta(days=12)
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.foster_agreement_sign(placement=placement, officer=officer, signed_on=late, other_party="ORP Brno")
    assert exc.value.code == "agreement_late_reason_required"
    # The older service (screen of the case detail) refuses it the same way.
    with pytest.raises(ValidationError):
        services.foster_agreement_record(placement=placement, officer=officer, signed_on=late)
    agreement = aftercare.foster_agreement_sign(
        placement=placement, officer=officer, signed_on=late, other_party="ORP Brno", late_reason="Nemoc pěstounky."
    )
    assert agreement.late_days == 12 and agreement.is_late


def test_foster_agreement_47b_overdue_opens_a_task_for_officer_and_ospod(ospod_worker, officer):
    case, _family, placement = foster(ospod_worker, officer)
    due = placement.agreement_due
    assert services.mediation_tick(today=due)["agreements_overdue"] == 0
    assert services.mediation_tick(today=due + timedelta(days=1))["agreements_overdue"] == 1
    task = LegalTask.objects.get(case=case, kind=TaskKind.AGREEMENT_OVERDUE)
    assert task.for_ospod and task.for_officer and task.done_on is None
    aftercare.foster_agreement_sign(
        placement=placement,
        officer=officer,
        signed_on=due + timedelta(days=2),
        other_party="ORP Brno",
        late_reason="Čekalo se na organizaci.",
    )
    task.refresh_from_db()
    assert task.done_on is not None


def test_breakdown_is_recorded_with_coded_reasons(ospod_worker, officer):
    case, _family, placement = foster(ospod_worker, officer)
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.placement_breakdown_record(
            placement=placement, officer=officer, ended_on=TODAY, reasons=[], initiated_by="family", note="x"
        )
    assert exc.value.code == "reasons_required"
    breakdown = aftercare.placement_breakdown_record(
        placement=placement,
        officer=officer,
        ended_on=TODAY,
        reasons=["child_behaviour", "attachment"],
        initiated_by="family",
        note="Rodina péči nezvládla.",
    )
    assert breakdown.reasons == ["attachment", "child_behaviour"]
    assert LegalTask.objects.filter(case=case, kind=TaskKind.BREAKDOWN).exists()
    with pytest.raises(LegalStepRefused) as exc:
        aftercare.placement_breakdown_record(
            placement=placement, officer=officer, ended_on=TODAY, reasons=["other"], initiated_by="court", note="y"
        )
    assert exc.value.code == "breakdown_already_recorded"


# --- HTTP ----------------------------------------------------------------------------------------------------------


def test_foster_agreement_47b_late_screen_asks_for_the_reason(client, ospod_worker, officer):
    case, _family, placement = foster(ospod_worker, officer)
    url = reverse("child_mediation:foster_agreement_legal", args=[case.pk])
    late = (placement.agreement_due + timedelta(days=5)).isoformat()
    client.force_login(ospod_worker)
    assert client.post(url, {"signed_on": late, "other_party": "ORP"}).status_code == 403
    client.force_login(officer)
    response = client.post(url, {"signed_on": late, "other_party": "ORP"})
    assert response.status_code == 200
    assert "po lhůtě" in response.content.decode()
    response = client.post(url, {"signed_on": late, "other_party": "ORP", "late_reason": "Nemoc."})
    assert response.status_code == 302
    assert FosterAgreement.objects.get().late_days == 5


def test_breakdown_api_for_the_officer_with_coded_reasons(api, ospod_worker, officer, other_officer):
    case, _family, _placement = foster(ospod_worker, officer)
    body = {
        "ended_on": TODAY.isoformat(),
        "breakdown_reasons": ["family_crisis"],
        "initiated_by": "family",
        "note": "Rozvod.",
    }
    url = f"/api/v1/children/{case.pk}/breakdown/"
    assert_problem(api(ospod_worker).post(url, body), 403, "role_required")
    assert_problem(api(other_officer).post(url, body), 404)
    response = api(officer).post(url, body)
    assert response.status_code == 201, response.content
    assert response.json()["after_court"]["breakdown_reasons"] == ["family_crisis"]
    assert PlacementBreakdown.objects.get().initiated_by == "family"


def test_civil_code_829_api_refuses_an_early_adoption_petition_with_a_stable_code(api, ospod_worker, officer):
    case, _family, _placement = adoption(ospod_worker, officer, care_start=TODAY - timedelta(days=10))
    url = f"/api/v1/children/{case.pk}/adoption-petition/"
    body = assert_problem(api(officer).post(url, {"filed_on": TODAY.isoformat(), "court": "OS Brno"}), 400)
    assert body["errors"][0]["code"] == "pre_adoption_care_too_short"
