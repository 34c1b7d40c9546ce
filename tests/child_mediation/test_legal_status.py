"""Legal status with evidence (issue 14, item 4; LEGALLY_FREE, civil code §818–§821): consent with its date (in
force after the revocation period, CONSENT_REVOCATION), a court decision with its date and finality, a death.
Adoption is sought when the evidence is in; foster care is sought meanwhile in the same case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nrp.core.choices import CareType, LegalStatus
from workflows.child_mediation import deadlines, services
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.services import approach_check, child_records, readiness

from .conftest import child_data, make_entry, make_ready, propose

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
BOTH = (CareType.ADOPTION, CareType.FOSTER)


def not_free_case(ospod, officer):
    case = propose(ospod, care_types=BOTH, children=[child_data(legal_status=LegalStatus.NOT_FREE)])
    return services.case_register(case=case, officer=officer)


def evidence(child, officer, **kwargs):
    data = {"kind": "court", "parent": "both", "act_date": TODAY - timedelta(days=40), "document": "12 Nc 1/2026"}
    data.update(kwargs)
    if data["kind"] == "court":
        data.setdefault("final_on", TODAY - timedelta(days=10))
    return child_records.legal_evidence_record(child=child, actor=officer, **data)


def test_legally_free_proposal_of_a_not_yet_free_child_for_adoption_and_foster_care_is_accepted(ospod_worker, officer):
    case = not_free_case(ospod_worker, officer)
    assert set(case.care_types_sought) == set(BOTH)
    make_ready(case, officer)
    assert readiness.gaps(case, today=TODAY) == []
    assert readiness.care_types_open(case, today=TODAY) == {CareType.FOSTER}


def test_legally_free_adoption_alone_for_a_not_free_child_is_still_refused(ospod_worker):
    with pytest.raises(ValidationError):
        propose(ospod_worker, care_types=(CareType.ADOPTION,), children=[child_data(legal_status=LegalStatus.NOT_FREE)])


def test_legally_free_foster_search_runs_while_adoption_waits_for_evidence(ospod_worker, officer):
    case = make_ready(not_free_case(ospod_worker, officer), officer)
    adoption_only = make_entry(care_types=(CareType.ADOPTION,))
    foster = make_entry(care_types=(CareType.FOSTER,))
    assert approach_check.family_fit(case=case, entry=foster, today=TODAY).fits
    refused = approach_check.family_fit(case=case, entry=adoption_only, today=TODAY)
    assert not refused.fits and refused.rule in {"care_type", "legal_status_care_type"}
    evidence(case.children.get(), officer)
    assert approach_check.family_fit(case=case, entry=adoption_only, today=TODAY).fits


def test_legally_free_declared_without_evidence_refuses_ranking(ospod_worker, officer):
    case = services.case_register(case=propose(ospod_worker, care_types=BOTH), officer=officer)
    make_ready(case, officer)
    readiness.LegalFreedomEvidence.objects.all().delete()
    with pytest.raises(LegalStepRefused) as exc:
        services.case_run_ranking(child_case=case, actor=officer)
    assert exc.value.code == "legal_freedom_unproven"


def test_legally_free_unproven_child_led_as_not_free_is_sought_for_foster_care(ospod_worker, officer):
    case = services.case_register(case=propose(ospod_worker, care_types=BOTH), officer=officer)
    make_ready(case, officer)
    readiness.LegalFreedomEvidence.objects.all().delete()
    child = child_records.legal_status_mark_not_free(child=case.children.get(), actor=officer)
    assert child.legal_status == LegalStatus.NOT_FREE
    assert readiness.gaps(case, today=TODAY) == []
    assert readiness.care_types_open(case, today=TODAY) == {CareType.FOSTER}


def test_legally_free_court_decision_counts_from_its_finality(ospod_worker, officer):
    case = not_free_case(ospod_worker, officer)
    child = case.children.get()
    with pytest.raises(LegalStepRefused) as exc:
        child_records.legal_evidence_record(
            child=child, actor=officer, kind="court", parent="both", act_date=TODAY, document="12 Nc 1/2026"
        )
    assert exc.value.code == "finality_required"
    with pytest.raises(LegalStepRefused) as exc:
        evidence(child, officer, act_date=TODAY - timedelta(days=5), final_on=TODAY - timedelta(days=6))
    assert exc.value.code == "final_before_decision"
    evidence(child, officer)
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.FREE


def test_legally_free_needs_both_parents_covered(ospod_worker, officer):
    case = not_free_case(ospod_worker, officer)
    child = case.children.get()
    evidence(child, officer, kind="death", parent="mother", act_date=TODAY - timedelta(days=100))
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.NOT_FREE
    assert not readiness.freedom(child, today=TODAY).proven
    evidence(child, officer, kind="unknown", parent="father", act_date=TODAY - timedelta(days=300))
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.FREE


def test_consent_revocation_parents_consent_makes_the_child_free_after_three_months(ospod_worker, officer):
    case = not_free_case(ospod_worker, officer)
    child = case.children.get()
    given = TODAY - timedelta(days=10)
    evidence(child, officer, kind="consent", act_date=given)
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.NOT_FREE
    free_from = deadlines.add_months(given, 3)
    assert readiness.freedom(child, today=TODAY).free_from == free_from
    assert services.mediation_tick(today=free_from - timedelta(days=1))["legal_status"] == 0
    assert services.mediation_tick(today=free_from)["legal_status"] == 1
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.FREE


def test_legally_free_withdrawn_consent_makes_the_child_not_free_again(ospod_worker, officer):
    case = not_free_case(ospod_worker, officer)
    child = case.children.get()
    consent = evidence(child, officer, kind="consent", act_date=TODAY - timedelta(days=200))
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.FREE
    child_records.legal_evidence_withdraw(
        evidence=consent, actor=officer, withdrawn_on=TODAY, reason="Matka souhlas odvolala."
    )
    child.refresh_from_db()
    assert child.legal_status == LegalStatus.NOT_FREE
    with pytest.raises(LegalStepRefused) as exc:
        child_records.legal_evidence_withdraw(evidence=consent, actor=officer, withdrawn_on=TODAY, reason="Znovu.")
    assert exc.value.code == "already_withdrawn"


def test_legally_free_evidence_is_recorded_only_by_the_childs_officer(ospod_worker, officer, other_officer):
    from nrp.core.exceptions import ForbiddenError

    case = not_free_case(ospod_worker, officer)
    for outsider in (ospod_worker, other_officer):
        with pytest.raises(ForbiddenError):
            evidence(case.children.get(), outsider)


def test_legally_free_court_placement_for_adoption_needs_evidence_in_force(ospod_worker, officer):
    from .conftest import held_conference

    case = not_free_case(ospod_worker, officer)
    family = make_entry()
    held_conference(case, officer, [family])
    approach = services.approach_start_next(case=case, officer=officer)
    services.approach_record_answer(approach=approach, actor=officer, accepted=True)
    with pytest.raises(ValidationError):
        services.court_decision_record(
            case=case,
            officer=officer,
            care_type=CareType.ADOPTION,
            court_decision_date=TODAY - timedelta(days=3),
            effective_date=TODAY - timedelta(days=1),
            pre_adoption_care_start=TODAY,
        )
    placement = services.court_decision_record(
        case=case,
        officer=officer,
        care_type=CareType.FOSTER,
        court_decision_date=TODAY - timedelta(days=3),
        effective_date=TODAY - timedelta(days=1),
    )
    assert placement.care_type == CareType.FOSTER


def test_legally_free_summary_reads_the_date_adoption_opens(ospod_worker, officer):
    from workflows.child_mediation.selectors_legal import case_legal

    case = not_free_case(ospod_worker, officer)
    evidence(case.children.get(), officer, kind="consent", act_date=date(TODAY.year, TODAY.month, 1))
    summary = case_legal(case, today=TODAY)
    assert summary.children[0].freedom.free_from == deadlines.add_months(date(TODAY.year, TODAY.month, 1), 3)
    assert not summary.children[0].adoption_open
