"""The reference data: 14 regions and 206 ORP areas (ČSÚ číselník 65), loaded by a data migration."""

import csv

import pytest

from nrp.core.models import Orp, Region
from nrp.core.reference import ORP_CSV

pytestmark = pytest.mark.django_db


def test_there_are_fourteen_regions_with_unique_codes():
    assert Region.objects.count() == 14
    assert len(set(Region.objects.values_list("nuts3", flat=True))) == 14


def test_every_orp_of_the_csv_is_loaded_with_unique_codes():
    with ORP_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert Orp.objects.count() == len(rows) == 206
    assert Orp.objects.values("code").distinct().count() == 206
    assert Orp.objects.values("ruian_code").distinct().count() == 206


def test_every_orp_belongs_to_exactly_one_region_matching_its_code_prefix():
    for orp in Orp.objects.select_related("region"):
        assert orp.region_id is not None
        if orp.code != "1000":  # Praha is one ORP of its own
            # ČSÚ codes KKNN: KK is the region prefix, one prefix per region
            prefixes = {o.code[:2] for o in Orp.objects.filter(region=orp.region)}
            assert prefixes == {orp.code[:2]}


def test_orp_counts_per_region_match_the_official_list():
    counts = {r.code: r.orps.count() for r in Region.objects.all()}
    assert counts == {
        19: 1,
        27: 26,
        35: 17,
        43: 15,
        51: 7,
        60: 16,
        78: 10,
        86: 15,
        94: 15,
        108: 15,
        116: 21,
        124: 13,
        132: 22,
        141: 13,
    }


def test_seat_coordinates_lie_inside_czechia():
    for orp in Orp.objects.all():
        assert 48.5 <= float(orp.lat) <= 51.1
        assert 12.0 <= float(orp.lon) <= 18.9
