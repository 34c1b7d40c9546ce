"""Privacy of the workflow apps: the applicant journey's part of "Moje údaje" and its case closures, and the
retention of children's files (anonymised, never deleted)."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from nrp.core import retention
from nrp.core.choices import CareType
from nrp.core.retention import ANONYMISED_NAME, closed_households, run_retention
from tests.child_mediation.conftest import child_data, held_conference, make_entry, propose
from workflows.applicant_journey import services as journey_services
from workflows.applicant_journey.models import (
    ApplicantRegisterEntry,
    Assessment,
    AssessmentConclusion,
    AssessmentKind,
    RegisterStatus,
)
from workflows.applicant_journey.privacy import journey_closures, journey_section
from workflows.applicant_journey.services.application import ensure_checklist
from workflows.applicant_journey.services.communication import message_send
from workflows.applicant_journey.services.documents import document_upload
from workflows.child_mediation import services as child_services
from workflows.child_mediation.models import Child, ChildCase, ChildCaseStatus

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _journey_with_content(household, guide, *, message: str, file_name: str):
    journey = journey_services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    ensure_checklist(journey, foreign_countries={}, already_fosters=False)
    applicant = household.members.first().user
    document = journey.documents.filter(member__isnull=False).first()
    document_upload(
        document=document, actor=applicant, upload=SimpleUploadedFile(file_name, PDF, content_type="application/pdf")
    )
    message_send(journey=journey, author=applicant, body=message)
    message_send(journey=journey, author=guide, body=f"Odpověď průvodce: {message}")
    return journey


# --- applicant journey: export ------------------------------------------------------------------------------------


def test_the_export_holds_the_journeys_documents_and_messages_and_nothing_of_another_household(
    client, applicant, household, guide, other_household, other_guide, assessor
):
    journey = _journey_with_content(household, guide, message="Kdy bude sociální šetření?", file_name="nase.pdf")
    Assessment.objects.create(
        journey=journey,
        kind=AssessmentKind.PSYCHOLOGICAL,
        conclusion=AssessmentConclusion.SUITABLE,
        summary="Stabilní partnerský vztah.",
        recorded_by=assessor,
    )
    _journey_with_content(other_household, other_guide, message="Cizí zpráva jiné rodiny", file_name="cizi.pdf")

    client.force_login(applicant)
    response = client.get(reverse("my_data_json"))
    assert response.status_code == 200
    section = json.loads(response.content)["sections"]["applicant_journey"]
    [exported] = section["journeys"]
    assert exported["journey_id"] == journey.pk
    assert exported["guide"] == guide.get_full_name()
    assert exported["care_types"] == [str(CareType.FOSTER.label)]
    versions = [v for d in exported["documents"] for v in d["versions"]]
    assert [(v["file_name"], v["content_type"]) for v in versions] == [("nase.pdf", "application/pdf")]
    assert all(v["uploaded_at"] for v in versions)
    assert {d["item"] for d in exported["documents"]} >= {"zpráva o zdravotním stavu", "žádost s dotazníkem"}
    assert [m["text"] for m in exported["messages"]] == [
        "Kdy bude sociální šetření?",
        "Odpověď průvodce: Kdy bude sociální šetření?",
    ]
    [assessment] = exported["assessments"]
    assert assessment["summary"] == "Stabilní partnerský vztah." and assessment["recorded_at"]
    text = response.content.decode()
    assert "Cizí zpráva" not in text and "cizi.pdf" not in text
    assert "%PDF" not in text  # metadata only, never the file contents


def test_the_export_holds_the_register_entry_with_its_acceptance_profile():
    entry = make_entry(care_types=(CareType.ADOPTION,))
    data = journey_section(entry.household)
    assert data["register_entry"]["care_types"] == [str(CareType.ADOPTION.label)]
    assert data["register_entry"]["profile"]["max_children"] == 3
    assert data["journeys"] == []


# --- applicant journey: case closures -----------------------------------------------------------------------------


def test_a_withdrawn_journey_is_reported_as_a_closed_case(household, guide, applicant, other_household, other_guide):
    journey = journey_services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    journey_services.journey_open(household=other_household, actor=other_guide, care_types=[CareType.FOSTER])
    journey_services.journey_withdraw(journey=journey, actor=applicant, reason="Rozmysleli jsme si to.")
    journey.refresh_from_db()

    closures = journey_closures()
    assert closures == {household.pk: journey.stage_entered_at}
    assert journey_closures in retention._CLOSURES  # registered by the app's ready()
    assert list(closed_households(timezone.now() + timedelta(days=1))) == [household]


def test_an_old_removed_register_entry_does_not_close_a_household_with_a_running_journey(household, guide, jmk):
    """One definition of a closed case for retention: the journey app's (no running journey, not in the register)."""
    long_ago = timezone.now() - timedelta(days=365 * 20)
    ApplicantRegisterEntry.objects.create(
        household=household,
        region=jmk,
        care_types=[CareType.FOSTER],
        decision_date=long_ago.date(),
        effective_date=long_ago.date(),
        status=RegisterStatus.REMOVED,
        status_changed_at=long_ago,
    )
    journey_services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])

    assert household.pk not in journey_closures()
    assert household not in closed_households(timezone.now())
    run_retention(dry_run=False, only=["household_closed"])
    household.refresh_from_db()
    assert not household.members.filter(first_name=ANONYMISED_NAME).exists()


def test_a_household_with_a_new_open_journey_is_not_closed(household, guide, applicant):
    old = journey_services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    journey_services.journey_withdraw(journey=old, actor=applicant, reason="Stěhování.")
    journey_services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    assert household.pk not in journey_closures()


# --- child mediation: retention -----------------------------------------------------------------------------------


def _closed_case(ospod_worker, officer, *, closed_on: date, last_name: str) -> ChildCase:
    case = propose(
        ospod_worker,
        children=[child_data(last_name=last_name)],
        notes="Poznámka ke spisu.",
        siblings_separation_reason="",
    )
    case = child_services.case_register(case=case, officer=officer, registered_on=closed_on - timedelta(days=30))
    return child_services.case_close(
        case=case, officer=officer, reason="returned_home", note="Návrat do rodiny.", closed_on=closed_on
    )


@pytest.fixture
def old_and_recent_cases(ospod_worker, officer):
    today = timezone.localdate()
    old = _closed_case(ospod_worker, officer, closed_on=today - timedelta(days=31 * 365), last_name="Stará")
    recent = _closed_case(ospod_worker, officer, closed_on=today - timedelta(days=365), last_name="Nová")
    return old, recent


def test_child_retention_dry_run_reports_an_old_closed_case_and_changes_nothing(old_and_recent_cases):
    old, recent = old_and_recent_cases
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", "--rule", "child_case_closed", stdout=out)
    # "(id <old>)": the old case alone, not the recent one
    assert f"(id {old.pk})" in out.getvalue() and "ZKOUŠKA" in out.getvalue()
    assert Child.objects.get(case=old).last_name == "Stará"
    old.refresh_from_db()
    assert old.wishes


def test_child_retention_anonymises_the_identity_and_keeps_the_case(old_and_recent_cases):
    old, recent = old_and_recent_cases
    born = Child.objects.get(case=old).date_of_birth
    [report] = run_retention(dry_run=False, only=["child_case_closed"])
    assert report.ids == [old.pk]

    old.refresh_from_db()
    child = Child.objects.get(case=old)
    assert (child.first_name, child.last_name, child.health_notes) == (ANONYMISED_NAME, "", "")
    assert child.date_of_birth == date(born.year, 1, 1)
    assert child.health_needs == ["delay"]  # statistics survive
    assert (old.wishes, old.wishes_how_heard, old.notes) == ("", "", "")
    assert old.status == ChildCaseStatus.CLOSED and old.flags.closure_reason == "returned_home"
    assert old.flags.closure_note == ""

    untouched = Child.objects.get(case=recent)
    assert (untouched.first_name, untouched.last_name) == ("Anežka", "Nová")
    assert run_retention(dry_run=True, only=["child_case_closed"])[0].ids == []


def test_child_retention_period_is_overridable_per_deployment(settings, old_and_recent_cases):
    old, recent = old_and_recent_cases
    settings.NRP_RETENTION_DAYS = {"child_case_closed": 100}
    [report] = run_retention(dry_run=True, only=["child_case_closed"])
    assert report.days == 100 and report.ids == [old.pk, recent.pk]


def test_an_adoption_placed_decades_ago_is_kept_for_100_years(ospod_worker, officer):
    long_ago = timezone.localdate() - timedelta(days=40 * 365)
    case = propose(ospod_worker, care_types=(CareType.ADOPTION,))
    case = child_services.case_register(case=case, officer=officer, registered_on=timezone.localdate())
    held_conference(case, officer, [make_entry()])
    approach = child_services.approach_start_next(case=case, officer=officer)
    child_services.approach_record_answer(approach=approach, actor=officer, accepted=True)
    child_services.court_decision_record(
        case=case,
        officer=officer,
        care_type=CareType.ADOPTION,
        court_decision_date=long_ago,
        effective_date=long_ago,
        pre_adoption_care_start=long_ago,
    )
    reports = {r.rule.name: r for r in run_retention(dry_run=True, only=["child_case_adopted", "child_case_closed"])}
    assert reports["child_case_adopted"].days == 100 * 365
    assert case.pk not in reports["child_case_adopted"].ids
    assert case.pk not in reports["child_case_closed"].ids  # the 30-year rule is not for adoptions

    settings_days = {"child_case_adopted": 30 * 365}
    from django.test import override_settings

    with override_settings(NRP_RETENTION_DAYS=settings_days):
        assert run_retention(dry_run=True, only=["child_case_adopted"])[0].ids == [case.pk]
