"""The dashboard through HTTP: who sees which region, small groups, exports, the yearly figures, the API."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from nrp.audit.models import AuditAction, AuditEvent
from nrp.stats.exports import safe_text, table_csv, table_xlsx
from nrp.stats.presenters.common import Cell, Table

pytestmark = pytest.mark.django_db


def test_an_officer_sees_their_region_with_every_figure(client, officer, country, jmk):
    client.force_login(officer)
    response = client.get("/statistiky/")
    assert response.status_code == 200
    page = response.content.decode()
    assert jmk.name in page
    assert "<svg" in page and "<table" in page
    assert "&lt;5" not in page  # the region's own officer sees small groups


def test_an_officer_cannot_open_another_region(client, officer, country, msk):
    client.force_login(officer)
    assert client.get(f"/statistiky/?kraj={msk.pk}").status_code == 404
    assert client.get("/statistiky/?kraj=cr").status_code == 404


def test_the_ministry_sees_the_country_and_every_region_with_small_groups_hidden(client, ministry_worker, country, msk):
    client.force_login(ministry_worker)
    national = client.get("/statistiky/")
    assert national.status_code == 200
    assert "Česká republika" in national.content.decode()
    regional = client.get(f"/statistiky/?kraj={msk.pk}")
    assert regional.status_code == 200
    assert "&lt;5" in regional.content.decode()


@pytest.mark.parametrize("persona", ["applicant", "guide", "ospod_worker", "assessor", "administrator"])
def test_other_roles_are_refused(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/statistiky/").status_code == 403
    assert client.get("/api/v1/stats/dashboard/").status_code == 403


def test_anonymous_goes_to_the_login(client):
    response = client.get("/statistiky/")
    assert response.status_code == 302 and "/prihlaseni/" in response["Location"]


def test_a_chart_exports_as_csv_and_xlsx_and_the_export_is_audited(client, officer, country):
    client.force_login(officer)
    response = client.get("/statistiky/export/fairness.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "skupina"
    assert len(rows) == 6
    xlsx = client.get("/statistiky/export/children_age.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row >= 2
    assert AuditEvent.objects.filter(actor=officer, action=AuditAction.EXPORT, object_id="fairness").exists()
    assert client.get("/statistiky/export/nonsense.csv").status_code == 404
    assert client.get("/statistiky/export/fairness.exe").status_code == 404


def test_exports_never_start_a_formula():
    table = Table(["=cmd|' /C calc'!A0", "+1"], [("@SUM(A1)", [Cell("-2+3", None), Cell("7", 7)])])
    rows = list(csv.reader(io.StringIO(table_csv(table).lstrip("\ufeff")), delimiter=";"))
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row)
    sheet = load_workbook(io.BytesIO(table_xlsx(table, title="=x"))).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["C2"].value == 7
    assert safe_text("=1") == "'=1"


def test_the_yearly_figures_print_as_a_page_a_pdf_and_a_csv(client, ministry_worker, country):
    client.force_login(ministry_worker)
    page = client.get("/statistiky/rocni-vykaz/")
    assert page.status_code == 200
    assert "Děti v evidenci ke konci roku" in page.content.decode()
    pdf = client.get("/statistiky/rocni-vykaz.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert client.get("/statistiky/rocni-vykaz.csv").status_code == 200
    assert client.get("/statistiky/rocni-vykaz/?rok=1999").status_code == 404


def test_the_api_answers_the_same_figures_with_the_same_protection(client, officer, ministry_worker, country, jmk):
    client.force_login(officer)
    mine = client.get("/api/v1/stats/dashboard/").json()
    assert mine["region_id"] == jmk.pk and mine["protected"] is False
    assert {chart["id"] for chart in mine["charts"]} >= {"funnel", "stage_times", "missing", "outcomes", "fairness"}
    client.force_login(ministry_worker)
    theirs = client.get(f"/api/v1/stats/dashboard/?region={jmk.pk}").json()
    assert theirs["protected"] is True
    assert client.get("/api/v1/stats/yearly/?region=cr").status_code == 200


def test_the_page_is_served_under_the_content_security_policy(client, officer, country):
    client.force_login(officer)
    response = client.get("/statistiky/")
    page = response.content.decode()
    assert "style=" not in page and not re.search(r"<script(?![^>]*\bsrc=)", page)  # no inline style or script
    assert "stats/stats.css" in page


def test_a_region_without_any_case_still_gets_its_page(client, country):
    from nrp.core.choices import Role
    from tests.factories import region, user_with_role

    praha = user_with_role(Role.OFFICER, region=region(19))
    client.force_login(praha)
    response = client.get("/statistiky/")
    assert response.status_code == 200
    assert "Cesta žadatelů" in response.content.decode()


def test_the_dashboard_speaks_english(client, officer, country):
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    page = client.get("/statistiky/").content.decode()
    assert "Applicants&#x27; funnel" in page or "Applicants' funnel" in page
    assert "Missing families" in page
