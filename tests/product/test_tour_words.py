"""The README's tour, page by page for every role, in Czech a reader does not trip over.

Fails on raw vocabulary codes (FOSTER, FOSTER_TEMP …), internal ids shown as "#5" or model names, and on
English words that leaked into the Czech interface.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from nrp.core.choices import CareType
from tests.product.test_my_day import add_families
from workflows.applicant_journey import services
from workflows.applicant_journey.models import ApplicantJourney
from workflows.applicant_journey.services.communication import message_send
from workflows.child_mediation.models import ChildCase

pytestmark = pytest.mark.django_db

RAW_CODES = re.compile(r"\b(FOSTER_TEMP|FOSTER|ADOPTION|GUARDIAN|applicant_journey\.\w+|core\.\w+|None)\b")
INTERNAL_ID = re.compile(r"(?<![\w&])#\d+\b|\b(?:Případ|Rodina) č\. \d+")
ENGLISH = [
    "document version", "stage visit", "message #", "system", "Access attempts", "TOTP devices", "Process list",
    "Tasks", "Submit", "Save", "Cancel", "Delete", "Search", "required", "This field",
]  # fmt: skip


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def problems(text: str) -> list[str]:
    found = [m.group(0) for m in RAW_CODES.finditer(text)]
    found += [m.group(0) for m in INTERNAL_ID.finditer(text)]
    found += [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]
    return found


@pytest.fixture
def tour(guide, organisation, ospod_worker, officer, household, applicant):
    add_families(2, guide=guide, organisation=organisation, ospod_worker=ospod_worker, officer=officer)
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER_TEMP])
    message_send(journey=journey, author=guide, body="Dobrý den, ozvu se s termínem schůzky.")
    case = ChildCase.objects.filter(registered_on__isnull=False).first()
    return {"journey": journey, "case": case}


def pages(persona: str, tour: dict) -> list[str]:
    journey = tour["journey"]
    other = ApplicantJourney.objects.exclude(pk=journey.pk).first()
    common = [reverse("home"), reverse("account_security")]
    return {
        "applicant": [*common, reverse("applicant_journey:portal"), reverse("audit:my_file_access")],
        "guide": [*common, reverse("applicant_journey:tasks"), reverse("applicant_journey:caseload"),
                  reverse("applicant_journey:detail", args=[journey.pk])],
        "ospod_worker": [*common, reverse("applicant_journey:tasks"), reverse("applicant_journey:list"),
                         reverse("applicant_journey:detail", args=[other.pk]), reverse("child_mediation:list"),
                         reverse("child_mediation:detail", args=[tour["case"].pk])],
        "officer": [*common, reverse("applicant_journey:tasks"), reverse("applicant_journey:list"),
                    reverse("child_mediation:list"), reverse("child_mediation:detail", args=[tour["case"].pk])],
        "assessor": [*common, reverse("applicant_journey:tasks")],
        "administrator": [*common],
    }[persona]  # fmt: skip


@pytest.mark.parametrize("persona", ["applicant", "guide", "ospod_worker", "officer", "assessor", "administrator"])
@pytest.mark.parametrize("language", ["cs"])
def test_tour_pages_show_no_raw_codes_ids_or_english_words(request, client, tour, persona, language):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    failures = {}
    for url in pages(persona, tour):
        response = client.get(url)
        assert response.status_code == 200, url
        found = problems(visible_text(response.content.decode()))
        if found:
            failures[url] = sorted(set(found))
    assert failures == {}


def test_the_front_door_has_no_raw_codes_or_english(client):
    assert problems(visible_text(client.get("/").content.decode())) == []


def test_the_access_log_speaks_to_a_parent(client, applicant, household, guide):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    message_send(journey=journey, author=guide, body="Dobrý den.")
    client.force_login(applicant)
    text = visible_text(client.get(reverse("audit:my_file_access")).content.decode())
    assert "průvodce" in text
    assert "vaše žádost a její průběh" in text
    assert problems(text) == []
