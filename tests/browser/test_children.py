"""Real Chromium: a regional officer goes from a waiting child to a case conference shortlist."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.child_mediation.conftest import make_entry, make_ready, propose
from workflows.child_mediation import services

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_goes_from_waiting_child_to_conference_shortlist(page, login_as, officer, ospod_worker):
    case = services.case_register(case=propose(ospod_worker), officer=officer)
    make_ready(case, officer)  # the child's view and assessment are on file, as the law asks before matching
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
    page.get_by_label("Místo konání").fill("Krajský úřad, Žerotínovo nám. 3, Brno")
    page.get_by_label("Počet rodin v užším výběru (N)").fill("2")
    page.get_by_label("Pracovník OSPOD dítěte", exact=True).fill("Bc. Eva Brněnská")
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


def test_ospod_proposes_a_sibling_group(page, login_as, ospod_worker):
    from workflows.child_mediation.models import ChildCase

    login_as(ospod_worker)
    page.goto("/deti/navrh/")
    page.get_by_label("Pěstounská péče", exact=True).check()
    page.get_by_label("Kontakt s biologickou rodinou").select_option("none")
    page.get_by_label("Přání dítěte jeho vlastními slovy").fill("Chceme zůstat spolu.")
    page.locator("#id_children-0-first_name").fill("Jakub")
    page.get_by_role("button", name="Přidat další dítě (sourozence)").click()
    expect(page.get_by_role("heading", name="Dítě 2")).to_be_visible()
    expect(page.locator("#id_children-0-first_name")).to_have_value("Jakub")
    for i, (first, born, sex) in enumerate([("Jakub", "2018-04-02", "M"), ("Adéla", "2020-09-15", "F")]):
        page.locator(f"#id_children-{i}-first_name").fill(first)
        page.locator(f"#id_children-{i}-last_name").fill("Horáčkovi")
        page.locator(f"#id_children-{i}-date_of_birth").fill(born)
        page.locator(f"#id_children-{i}-sex").select_option(sex)
        page.locator(f"#id_children-{i}-legal_status").select_option("not_free")
    page.get_by_role("button", name="Odeslat návrh krajskému úřadu").click()
    expect(page.get_by_role("heading", name=re.compile("JMK-"))).to_be_visible()
    case = ChildCase.objects.get()
    assert case.children.count() == 2
