"""ORP and region choices in Czech alphabetical order; a guide is offered only the ORP of their region."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from nrp.core.czech import czech_sorted

pytestmark = pytest.mark.django_db


def option_labels(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, flags=re.S).group(1)
    return [
        label.strip() for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select) if value
    ]


def test_sign_up_offers_every_orp_in_czech_order(client, jmk):
    labels = option_labels(client.get(reverse("applicant_journey:signup")).content.decode(), "residence_orp")
    assert len(labels) == 206
    assert labels == czech_sorted(labels)
    assert labels.index("Černošice") < labels.index("Česká Lípa") < labels.index("Dačice")
    assert labels.index("Hustopeče") < labels.index("Cheb") < labels.index("Chomutov") < labels.index("Ivančice")
    assert labels.index("Uherské Hradiště") < labels.index("Ústí nad Labem") < labels.index("Valašské Meziříčí")
    assert labels[-1] == "Žďár nad Sázavou" or labels[-1].startswith("Ž")


def test_a_guide_opening_a_case_is_offered_the_orp_of_their_region_only(client, guide):
    client.force_login(guide)
    labels = option_labels(client.get(reverse("applicant_journey:guide_open_case")).content.decode(), "residence_orp")
    assert "Brno" in labels and "Břeclav" in labels
    assert "Ostrava" not in labels and "Praha" not in labels
    assert labels == czech_sorted(labels)
