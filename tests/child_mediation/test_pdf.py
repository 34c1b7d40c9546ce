"""The conference pack PDF: Czech diacritics, page numbers, confidentiality mark, anonymised content."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from nrp.audit.models import AuditAction, AuditEvent
from workflows.child_mediation.pdf import conference_pack_pdf

from .conftest import held_conference, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(waiting_case, officer):
    conference = held_conference(waiting_case, officer, [make_entry(), make_entry()])
    return conference, PdfReader(io.BytesIO(conference_pack_pdf(conference)))


def pdf_text(reader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pack_has_czech_text_with_diacritics(pack):
    conference, reader = pack
    text = pdf_text(reader)
    assert "Podklady pro případovou konferenci" in text
    assert "Užší výběr rodin" in text
    assert "Hlas dítěte" in text
    assert "Chci mít pejska a velkou ségru." in text  # the child's voice, with ř/é/í intact
    assert "Věk dítěte odpovídá přání rodiny" in text  # shortlist reasons
    assert "Program" in text and "Účastníci" in text


def test_pack_embeds_a_font_with_czech_glyphs(pack):
    _, reader = pack
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVu" in name for name in fonts), fonts


def test_pack_has_page_numbers_and_confidentiality_mark(pack):
    conference, reader = pack
    first = reader.pages[0].extract_text()
    assert f"Strana 1 z {len(reader.pages)}" in first
    assert "DŮVĚRNÉ" in first
    assert conference.case.reference in first


def test_pack_is_anonymised(pack):
    _, reader = pack
    text = pdf_text(reader)
    assert "Anežka" not in text and "Součková" not in text
    assert "14. 3. 2019" not in text and "2019" not in text.split("Vytvořeno")[0]
    assert "Malá" not in text  # family names stay out too; families by register number


def test_pdf_download_is_audited_as_export(client, officer, pack):
    conference, _ = pack
    client.force_login(officer)
    response = client.get(reverse("child_mediation:conference_pdf", args=[conference.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(conference.pk)).exists()
