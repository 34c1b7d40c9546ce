"""The officers' page of the legal basis (/pravni-zaklad/): every rule with its citation and confidence."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nrp import law

pytestmark = pytest.mark.django_db

URL = "/pravni-zaklad/"


def test_the_page_lives_at_pravni_zaklad():
    assert reverse("legal_basis") == URL


@pytest.mark.parametrize("persona", ["officer", "ospod_worker", "assessor", "guide", "administrator"])
def test_staff_read_every_rule_with_citation_and_confidence(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for rule in law.RULES.values():
        assert f'data-rule="{rule.id}"' in page
    assert law.cite("REGISTER_REMOVAL") in page
    # The old number, shown to a lawyer checking the mapping.
    assert f"dříve § {law.rule('REGISTER_REMOVAL').formerly}" in page


def test_unconfirmed_rules_are_marked_and_deadlines_say_who_may_change_them(client, officer):
    client.force_login(officer)
    page = client.get(URL).content.decode()
    row = page.split('data-rule="SELECTION_NOTICE_30_DAYS"')[1].split("</tr>")[0]
    assert ">U<" in row and "30 dní" in row and "kraj nemění" in row
    row = page.split('data-rule="HANDOVER_PERIOD"')[1].split("</tr>")[0]
    assert "kraj může změnit" in row


def test_the_page_and_its_citations_in_english(client, officer):
    client.force_login(officer)
    client.post(reverse("set_language"), {"language": "en", "next": URL})
    page = client.get(URL).content.decode()
    assert "Legal basis" in page
    assert "§ 83(1) of Act No. 500/2004 Coll." in page


def test_an_applicant_may_not_read_it(client, applicant):
    client.force_login(applicant)
    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "prihlaseni" in response["Location"]


def test_staff_navigation_links_to_it_applicants_do_not_see_it(client, officer, applicant):
    client.force_login(officer)
    assert f'href="{URL}"' in client.get("/").content.decode()
    client.force_login(applicant)
    assert f'href="{URL}"' not in client.get("/").content.decode()
