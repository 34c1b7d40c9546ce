"""Real Chromium: a regional officer goes from a waiting child to a case conference shortlist."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.child_mediation.conftest import make_entry, propose
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_goes_from_waiting_child_to_conference_shortlist(page, login_as, officer, ospod_worker):
    case = services.case_register(case=propose(ospod_worker), officer=officer)
    families = [make_entry() for _ in range(3)]

    login_as(officer)
    page.get_by_role("link", name="Evidence dětí").first.click()
    expect(page.get_by_role("heading", name="Evidence dětí")).to_be_visible()
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_role("heading", name=re.compile(case.reference))).to_be_visible()
    expect(page.get_by_text("Chci mít pejska a velkou ségru.")).to_be_visible()

    page.get_by_role("button", name="Spustit párování").click()
    page.wait_for_load_state("networkidle")
    page.goto(f"/deti/{case.pk}/")
    page.get_by_role("link", name="Připravit případovou konferenci").click()
    expect(page.get_by_role("heading", name="Anonymizovaný profil dítěte")).to_be_visible()
    page.get_by_label("Termín konference").fill("2026-12-03T09:30")
    page.get_by_label("Počet rodin v užším výběru (N)").fill("2")
    page.get_by_label("Pracovník OSPOD dítěte").fill("Bc. Eva Brněnská")
    page.get_by_label("Psycholog").fill("PhDr. Karel Hlava")
    page.get_by_role("button", name="Připravit konferenci").click()

    expect(page.get_by_role("heading", name=re.compile("Užší výběr"))).to_be_visible()
    shortlist = page.locator("table").filter(has_text="Skóre")
    expect(shortlist.locator("tbody tr")).to_have_count(2)
    ids = {f"č. {f.pk}" for f in families}
    first_cell = shortlist.locator("tbody tr").first.locator("td").nth(1).inner_text()
    assert any(i in first_cell for i in ids)
    expect(page.get_by_role("link", name="Stáhnout podklady (PDF)")).to_be_visible()
    # The conference works with the anonymised profile: no child's name on the page.
    assert "Anežka" not in page.content()
