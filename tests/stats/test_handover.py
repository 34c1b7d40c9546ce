"""The hand-over of the applicant's file to the regional office in its deadline (HANDOVER_PERIOD, § 23b):
counted per region and for the country, shown on /statistiky/, in the API and in the exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from nrp import law
from nrp.core.choices import CareType
from nrp.stats.compute.inputs import load_inputs
from nrp.stats.services import stats_refresh
from tests.factories import household_with_members
from workflows.applicant_journey import services
from workflows.applicant_journey.models import FileHandover

pytestmark = pytest.mark.django_db

RULE_ID = "HANDOVER_PERIOD"


def hand_over(region, guide, *, met: bool, days_ago: int = 20, residence: str = "Brno") -> FileHandover:
    household = household_with_members(residence=residence, guide=guide)
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])
    sent = timezone.localdate() - timedelta(days=days_ago)
    return FileHandover.objects.create(
        journey=journey,
        region=region,
        sent_on=sent,
        due_on=sent if met else sent - timedelta(days=7),
        deadline_met=met,
    )


@pytest.fixture
def handovers(jmk, msk, guide):
    """Jihomoravský kraj: 3 in the deadline, 1 late (and 1 late from before the counted year);
    Moravskoslezský kraj: 1 in the deadline, 2 late."""
    for met in (True, True, True, False):
        hand_over(jmk, guide, met=met)
    hand_over(jmk, guide, met=False, days_ago=400)
    for met in (True, False, False):
        hand_over(msk, guide, met=met, residence="Ostrava")
    stats_refresh()


def figures(payload: dict) -> dict[str, list]:
    chart = next(c for c in payload["charts"] if c["id"] == "handover")
    return {row["label"]: [cell["text"] for cell in row["cells"]] for row in chart["rows"]}


def test_the_rule_cited_is_the_handover_deadline_of_the_2025_act():
    assert law.RULES[RULE_ID].at == "23b"
    assert law.cite(RULE_ID).startswith("§ 23b")


def test_a_regions_officer_sees_only_the_regions_handovers_met_and_missed(client, officer, handovers):
    client.force_login(officer)
    page = client.get("/statistiky/").content.decode()
    assert "Předání spisu krajskému úřadu ve lhůtě" in page
    assert law.cite(RULE_ID) in page
    api = client.get("/api/v1/stats/dashboard/").json()
    # total, met, missed, share met: the hand-over from more than a year ago is not counted
    assert figures(api) == {"celkem": ["4", "3", "1", "75 %"]}
    assert client.get("/api/v1/stats/dashboard/?region=cr").status_code == 404


def test_another_regions_officer_sees_only_their_own(client, other_officer, handovers, jmk):
    client.force_login(other_officer)
    assert figures(client.get("/api/v1/stats/dashboard/").json()) == {"celkem": ["3", "1", "2", "33,3 %"]}
    assert client.get(f"/api/v1/stats/dashboard/?region={jmk.pk}").status_code == 404
    assert client.get(f"/statistiky/export/handover.csv?kraj={jmk.pk}").status_code == 404


def test_the_ministry_sees_every_region_and_the_country(client, ministry_worker, handovers, jmk, msk, settings):
    settings.NRP_STATS_SMALL_GROUP = 1
    client.force_login(ministry_worker)
    national = figures(client.get("/api/v1/stats/dashboard/?region=cr").json())
    assert national[jmk.name] == ["4", "3", "1", "75 %"]
    assert national[msk.name] == ["3", "1", "2", "33,3 %"]
    assert national["celkem"] == ["7", "4", "3", "57,1 %"]
    page = client.get("/statistiky/?kraj=cr").content.decode()
    assert "Předání spisu krajskému úřadu ve lhůtě" in page and msk.name in page


def test_the_ministry_sees_small_regional_figures_hidden(client, ministry_worker, handovers, msk):
    client.force_login(ministry_worker)
    assert figures(client.get(f"/api/v1/stats/dashboard/?region={msk.pk}").json()) == {
        "celkem": ["<5", "<5", "<5", "<5"]
    }


def test_the_figure_exports_as_csv_and_xlsx(client, ministry_worker, handovers, jmk, msk, settings):
    settings.NRP_STATS_SMALL_GROUP = 1
    client.force_login(ministry_worker)
    response = client.get("/statistiky/export/handover.csv?kraj=cr")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["kraj", "předání spisu", "ve lhůtě", "po lhůtě", "podíl ve lhůtě"]
    assert rows[-1][:4] == ["celkem", "7", "4", "3"]
    sheet = load_workbook(io.BytesIO(client.get("/statistiky/export/handover.xlsx?kraj=cr").content)).active
    by_label = {row[0]: row[1:4] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_label[msk.name] == (3, 1, 2)


def test_english_labels(client, officer, handovers):
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    page = client.get("/statistiky/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "File handed over to the regional office within the deadline" in page


def test_the_handovers_take_one_query_whatever_their_number(jmk, guide):
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as before:
        load_inputs(today=today)
    for met in (True, False, True):
        hand_over(jmk, guide, met=met)
    with CaptureQueriesContext(connection) as after:
        loaded = load_inputs(today=today)
    assert len(after) == len(before)
    assert sorted(row["deadline_met"] for row in loaded.handovers) == [False, True, True]


def test_the_synthetic_country_records_its_handovers_and_the_figure_counts_them(client, ministry_worker, country):
    since = timezone.localdate() - timedelta(days=365)
    sent = FileHandover.objects.filter(sent_on__gte=since)
    assert country["file_handovers"] == FileHandover.objects.count() > 0
    client.force_login(ministry_worker)
    total = figures(client.get("/api/v1/stats/dashboard/?region=cr").json())["celkem"]
    assert total[:3] == [
        str(sent.count()),
        str(sent.filter(deadline_met=True).count()),
        str(sent.filter(deadline_met=False).count()),
    ]
