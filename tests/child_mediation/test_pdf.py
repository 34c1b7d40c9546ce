"""The conference pack PDF: Czech diacritics, page numbers, confidentiality mark, anonymised content."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from nrp.audit.models import AuditAction, AuditEvent
from nrp.core.choices import HealthNeed
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


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDF renderings behind the download view (the cache is emptied first)."""
    from django.core.cache import cache

    from workflows.child_mediation import pdf

    cache.clear()
    calls = []
    real = pdf.conference_pack_pdf

    def counting(conference):
        calls.append(conference.pk)
        return real(conference)

    monkeypatch.setattr(pdf, "conference_pack_pdf", counting)
    yield calls
    cache.clear()


def test_pack_is_rendered_once_per_conference_version(client, officer, waiting_case, renders):
    conference = held_conference(waiting_case, officer, [make_entry(), make_entry()])
    client.force_login(officer)
    url = reverse("child_mediation:conference_pdf", args=[conference.pk])

    first = client.get(url)
    second = client.get(url)
    assert renders == [conference.pk]  # the second download came from the cache
    assert second.content == first.content
    # Every download is still an audited export, naming the version that was handed out.
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(conference.pk))
    assert exports.count() == 2
    assert len({e.details["version"] for e in exports}) == 1

    # The child's voice changes: the pack is a new version, rendered again and showing the new wishes.
    waiting_case.wishes = "Chci bydlet blízko babičky."
    waiting_case.save(update_fields=["wishes"])
    third = client.get(url)
    assert renders == [conference.pk, conference.pk]
    assert "Chci bydlet blízko babičky." in pdf_text(PdfReader(io.BytesIO(third.content)))

    # A participant added: another version.
    conference.participants.create(role="psychologist", name="PhDr. Karel Novák")
    client.get(url)
    assert len(renders) == 3
    client.get(url)
    assert len(renders) == 3


def test_a_cached_pack_is_not_served_outside_the_region(client, officer, other_officer, waiting_case, renders):
    conference = held_conference(waiting_case, officer, [make_entry()])
    url = reverse("child_mediation:conference_pdf", args=[conference.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 200  # the pack is now in the cache
    client.force_login(other_officer)
    response = client.get(url)
    assert response.status_code == 404  # the scope check comes before the cache
    assert not response.content.startswith(b"%PDF")


def test_pack_ends_with_an_attendance_and_signature_sheet_of_the_participants(pack):
    conference, reader = pack
    last = reader.pages[-1].extract_text()
    assert "Prezenční listina" in last and "Podpis" in last
    for participant in conference.participants.all():
        assert participant.name in last.replace("\n", " ")
    assert last.count("ano – ne") == conference.participants.count() + 3  # three rows for the uninvited


def test_a_new_place_makes_a_new_pack_version(pack):
    from workflows.child_mediation.pdf import conference_pack_version

    conference, _ = pack
    before = conference_pack_version(conference)
    conference.place = "Krajský úřad, zasedačka 2"
    conference.save(update_fields=["place"])
    assert conference_pack_version(conference) != before
    assert "zasedačka 2" in pdf_text(PdfReader(io.BytesIO(conference_pack_pdf(conference))))


def test_pack_sets_each_shortlisted_familys_profile_next_to_the_childs_needs(pack):
    conference, reader = pack
    text = pdf_text(reader)
    assert "Profily rodin z užšího výběru vedle potřeb dítěte" in text
    for row in conference.shortlist:
        assert f"{row['rank']}. rodina č. {row['entry_id']} · Jihomoravský kraj" in text
    section = text.split("Profily rodin")[1].split("Prezenční listina")[0]
    assert section.count("Potřeby dítěte") == len(conference.shortlist)
    assert "až 3 děti, přijme sourozence" in section  # what the family accepts, in Czech plural
    assert "dívka, chlapec" in section  # sexes a family accepts, as words for a child
    assert "0 let až 17 let" in section
    # The child's need (by its Czech label, not its code) beside each family, which accepts every need here.
    flat = " ".join(section.split())
    assert flat.count(str(HealthNeed("delay").label)) == 2 * len(conference.shortlist)
    assert "bez zvláštních potřeb" not in flat
