"""Real Chromium: an applicant follows their progress; a guide finds an overdue case from the caseload."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nrp.core.choices import CareType
from tests.applicant_journey import walk
from tests.factories import household_with_members
from workflows.applicant_journey import services
from workflows.applicant_journey.services.tasks import open_task

pytestmark = pytest.mark.django_db(transaction=True)


def test_applicant_follows_progress_and_completes_what_is_missing(login_as, household, guide, ospod_worker, applicant):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    # Every document is in (COMPLETENESS_GATE): what is missing is the consent the OSPOD names in the check.
    walk.complete_checklist(journey)
    services.application_check(
        journey=journey, actor=ospod_worker, outcome="incomplete", missing_items=["Souhlas s přípravou"]
    )
    page = login_as(applicant)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.get_by_role("link", name="Můj postup").first.click()
    tracker = page.locator("ol.progress")
    assert tracker.locator("li.done").first.is_visible()
    assert "žádost a kontrola úplnosti" in tracker.locator("li.current").inner_text()
    assert tracker.locator("li.next").count() >= 5
    assert "odhad" in tracker.locator("li.next").first.inner_text()
    assert page.get_by_text("Souhlas s přípravou").first.is_visible()
    page.get_by_role("link", name="Otevřít").click()
    page.get_by_label("Co jste doplnili").fill("Souhlas jsem donesla na úřad.")
    page.get_by_role("button", name="Dokončit krok").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("je hotový").is_visible()
    assert open_task(journey).flow_task.name == "check_application"
    page.goto("/zadatele/moje-cesta/")
    assert ospod_worker.get_full_name() in page.locator("ol.progress li.current").inner_text()


def test_guide_finds_an_overdue_case_from_the_caseload(login_as, guide, organisation, household):
    on_time = services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    late_household = household_with_members(residence="Brno", guide=guide, organisation=organisation)
    late = services.journey_open(household=late_household, actor=guide, care_types=[CareType.ADOPTION])
    type(late).objects.filter(pk=late.pk).update(
        next_due_on=timezone.localdate() - timedelta(days=5),
        last_activity_at=timezone.now() - timedelta(days=40),
    )
    del on_time
    page = login_as(guide)
    page.get_by_role("link", name="Moji žadatelé").first.click()
    assert page.locator("tr.caseload-row").count() == 2
    page.get_by_label("jen po termínu").check()
    page.get_by_role("button", name="Použít").click()
    page.wait_for_load_state("networkidle")
    rows = page.locator("tr.caseload-row")
    assert rows.count() == 1
    assert "po termínu" in rows.first.inner_text() and "bez pohybu" in rows.first.inner_text()
    rows.first.get_by_role("link").first.click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name=f"Cesta žadatele č. {late.pk}").is_visible()
    assert page.get_by_role("link", name="Otevřít úkol").is_visible()
