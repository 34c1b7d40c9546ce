"""Exports of the registers and caseloads: CSV and XLSX with Czech headers, only the records the role may see,
one audit event naming them, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from nrp.audit.models import AuditAction, AuditEvent
from nrp.core.choices import CareType
from tests.child_mediation.conftest import make_entry, propose
from workflows.applicant_journey import services

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def read_xlsx(response) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def journey(household, guide):
    member = household.members.first()
    member.first_name = '=HYPERLINK("http://zly.example")'
    member.save(update_fields=["first_name"])
    return services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])


def test_a_guide_exports_their_caseload_as_csv_safe_against_formulas_and_audited(client, guide, journey):
    client.force_login(guide)
    response = client.get(reverse("search:export_caseload", args=["csv"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:3] == ["Případ č.", "Žadatelé", "ORP bydliště"]
    (row,) = rows
    assert row[0] == str(journey.pk)
    assert row[1].startswith("'=HYPERLINK")  # a leading apostrophe: shown as text, never run
    event = AuditEvent.objects.get(actor=guide, action=AuditAction.EXPORT)
    assert event.details["ids"] == [journey.pk] and event.details["format"] == "csv"


def test_the_caseload_as_xlsx_has_typed_cells_and_no_formula(client, guide, journey):
    client.force_login(guide)
    header, row = read_xlsx(client.get(reverse("search:export_caseload", args=["xlsx"])))
    assert header[3] == "Fáze"
    assert row[0] == journey.pk  # a number stays a number
    assert row[1].startswith("'=HYPERLINK")


def test_an_officer_exports_the_regions_children_and_approved_applicants_not_another_regions(
    client, officer, other_officer, ospod_worker
):
    case = propose(ospod_worker)
    entry = make_entry()
    elsewhere = make_entry("Ostrava")
    client.force_login(officer)
    header, *rows = read_csv(client.get(reverse("search:export_children", args=["csv"])))
    assert header[0] == "Značka" and "Dnů v evidenci" in header
    assert [r[0] for r in rows] == [case.reference]
    assert case.children.first().first_name not in str(rows)  # the reference, never the child's name
    header, *rows = read_xlsx(client.get(reverse("search:export_applicants", args=["xlsx"])))
    assert header[:2] == ["Číslo záznamu", "Žadatelé"]
    assert [r[0] for r in rows] == [entry.pk]
    assert elsewhere.pk not in [r[0] for r in rows]
    assert rows[0][3] == "Osvojení, Pěstounská péče"  # labels, not codes (ADOPTION, FOSTER)
    assert AuditEvent.objects.filter(actor=officer, action=AuditAction.EXPORT).count() == 2
    client.force_login(other_officer)
    _header, *rows = read_csv(client.get(reverse("search:export_children", args=["csv"])))
    assert rows == []


@pytest.mark.parametrize(
    ("persona", "route", "status"),
    [
        ("guide", "search:export_children", 403),  # §19a: never a child's file
        ("guide", "search:export_applicants", 403),
        ("ospod_worker", "search:export_children", 403),  # the region's register is the officers'
        ("applicant", "search:export_caseload", 403),
        ("assessor", "search:export_caseload", 403),
        ("officer", "search:export_caseload", 200),
    ],
)
def test_only_the_roles_that_see_a_register_may_export_it(client, request, persona, route, status, journey):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse(route, args=["csv"])).status_code == status


def test_an_unknown_format_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get(reverse("search:export_children", args=["pdf"])).status_code == 404
