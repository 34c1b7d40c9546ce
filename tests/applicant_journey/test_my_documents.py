"""The applicant's documents page: everything sent, per household member, with the review and the reviewer's
word; a new interested person is told what comes next, not "nothing missing"."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nrp.core.choices import CareType
from workflows.applicant_journey import services
from workflows.applicant_journey.services import documents

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])


def upload(document, actor):
    return documents.document_upload(
        document=document, actor=actor, upload=SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    )


def test_each_members_documents_with_review_status_and_the_reviewers_comment(
    client, journey, applicant, partner, guide
):
    me, other = journey.household.members.get(user=applicant), journey.household.members.get(user=partner)
    mine = journey.documents.create(kind="health", member=me)
    theirs = journey.documents.create(kind="citizenship", member=other)
    form = journey.documents.create(kind="form")
    upload(mine, applicant)
    upload(theirs, partner)
    documents.document_review(document=mine, actor=guide, status="rejected", reason="Chybí razítko lékaře.")
    documents.document_review(document=theirs, actor=guide, status="accepted")

    client.force_login(applicant)
    page = client.get(reverse("applicant_journey:my_documents")).content.decode()
    sections = page.split("<h2")[1:]  # one part per member (the header names the user too)
    household_part = next(s for s in sections if "Společné za domácnost" in s)
    my_part = next(s for s in sections if str(me) in s.split("</h2>")[0])
    partner_part = next(s for s in sections if str(other) in s.split("</h2>")[0])
    assert form.get_kind_display() in household_part and "chybí" in household_part
    assert "zpráva o zdravotním stavu" in my_part and "vráceno" in my_part
    assert "Chybí razítko lékaře." in my_part and guide.get_full_name() in my_part
    assert "doklad o občanství" in partner_part and "přijato" in partner_part
    assert "Poslat novou verzi" in my_part


def test_a_new_interested_person_sees_what_comes_next(client, journey, applicant):
    assert journey.stage == "interest" and not journey.documents.exists()
    client.force_login(applicant)
    page = client.get(reverse("applicant_journey:my_documents")).content.decode()
    assert "Co vás čeká" in page and "Informační schůzka" in page
    assert "Nic nechybí" not in page


def test_another_family_sees_only_its_own_documents(client, journey, applicant, other_household):
    journey.documents.create(kind="economic", member=journey.household.members.get(user=applicant))
    other_applicant = other_household.members.first().user
    client.force_login(other_applicant)
    page = client.get(reverse("applicant_journey:my_documents")).content.decode()
    assert "ekonomické a sociální poměry" not in page
    assert "nemáte založený případ" in page
